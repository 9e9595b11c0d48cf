//! A small site in a temporary folder, built by the real `shishin` binary with the real theme.
#![allow(dead_code)]

pub mod browser;
pub mod report;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct TestSite {
    pub dir: tempfile::TempDir,
}

pub const SITE_YAML: &str = "title: { ja: テストガイド, en: Test Guide }\nbase_url: https://www.pref.example.lg.jp/zaitaku/\nobligations:\n  sets:\n    hub: { ja: 拠点, en: Hubs }\nfacts:\n  rate: { ja: 補助率, en: Subsidy rate, type: rate }\n";

impl TestSite {
    /// A site with site.yaml, the shipped theme and a home page.
    pub fn new() -> TestSite {
        let site = TestSite {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        site.write("site.yaml", SITE_YAML);
        copy_dir(&repo().join("themes/default"), &site.path("themes/default"));
        site.write("content/_index.md", "---\ntitle: ホーム\n---\nようこそ。\n");
        site
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.path(rel)).unwrap();
    }

    /// Runs `shishin ARGS --root SITE`, in English.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    /// Runs `shishin ARGS --root SITE` with the locale variables `env` (`[("LANG",
    /// "ja_JP.UTF-8")]`); none set otherwise.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let out = shishin()
            .envs(env.iter().copied())
            .args(args)
            .arg("--root")
            .arg(self.dir.path())
            .output()
            .expect("run shishin");
        Run::from(out)
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// Builds and insists on success.
    pub fn build_ok(&self) -> Run {
        let run = self.build();
        assert!(run.ok, "build failed:\n{}", run.stderr);
        run
    }

    /// A file of the output.
    pub fn read(&self, rel: &str) -> String {
        let p = self.path("public").join(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path("public").join(rel).exists()
    }
}

pub struct Run {
    pub ok: bool,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            ok: o.status.success(),
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// The `shishin` binary with no locale set, so that it speaks English whatever the locale of
/// the person running the tests: the tests that read its messages read the English ones.
pub fn shishin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_shishin"));
    in_english(&mut command);
    command
}

/// `command` (which runs `shishin`, perhaps through another program) with no locale set.
pub fn in_english(command: &mut Command) -> &mut Command {
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

impl TestSite {
    /// Every file of `public/` with its bytes, to prove a failed build left it untouched.
    pub fn snapshot(&self) -> std::collections::BTreeMap<String, Vec<u8>> {
        let out = self.path("public");
        walkdir::WalkDir::new(&out)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(&out).unwrap().display().to_string();
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect()
    }
}

impl Run {
    /// A failure as the user should see it: exit code 1, `location` (a path, `path:line` or
    /// `path:line:col`) named, a hint, and no panic.
    pub fn assert_clean_failure(&self, location: &str) {
        assert_eq!(self.code, Some(1), "exit code; stderr:\n{}", self.stderr);
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        assert!(
            self.stderr.contains(location),
            "stderr names `{location}`:\n{}",
            self.stderr
        );
        assert!(self.stderr.contains("help: "), "a hint:\n{}", self.stderr);
    }
}
