//! A build never harms what it does not own (SPEC 12): it writes, removes and follows nothing
//! outside its output folder and its working folders beside it; readers see the whole old
//! output or the whole new one, whether the build succeeds, fails or is killed; a killed
//! build's folders are removed by the next one. Every site here is given by its absolute path,
//! with sentinel files beside and above it that must survive every case.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{copy_dir, repo, Run, SITE_YAML};

/// A site at `OUTER/site`, with sentinels at `OUTER/above.txt`, `OUTER/site/beside.txt` and in
/// a folder `OUTER/elsewhere/` that links may point to.
struct Sandbox {
    outer: tempfile::TempDir,
}

const SENTINELS: [&str; 3] = ["above.txt", "site/beside.txt", "elsewhere/index.html"];

impl Sandbox {
    fn new() -> Sandbox {
        let sandbox = Sandbox {
            outer: tempfile::tempdir().unwrap(),
        };
        for s in SENTINELS {
            sandbox.write_outer(s, "sentinel");
        }
        sandbox.write("site.yaml", SITE_YAML);
        copy_dir(
            &repo().join("themes/default"),
            &sandbox.root().join("themes/default"),
        );
        sandbox.write("content/_index.md", "---\ntitle: ホーム\n---\nようこそ。\n");
        sandbox
    }

    fn outer(&self, rel: &str) -> PathBuf {
        self.outer.path().join(rel)
    }

    fn root(&self) -> PathBuf {
        self.outer("site")
    }

    fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    fn write_outer(&self, rel: &str, text: &str) {
        let p = self.outer(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn write(&self, rel: &str, text: &str) {
        self.write_outer(&format!("site/{rel}"), text);
    }

    /// `count` pages, each saying which version of the site it belongs to.
    fn pages(&self, count: usize, version: u32) {
        for i in 0..count {
            let text = format!("---\ntitle: ページ{i}\n---\n版{version}の本文。\n");
            self.write(&format!("content/p{i}.md"), &text);
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = common::shishin();
        cmd.args(args).arg("--root").arg(self.root());
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        Run::from(self.command(args).output().unwrap())
    }

    fn build_ok(&self) -> Run {
        let run = self.run(&["build"]);
        assert!(run.ok, "build failed:\n{}", run.stderr);
        run
    }

    /// The sentinels are all there, unchanged.
    fn assert_sentinels(&self) {
        for s in SENTINELS {
            let text = std::fs::read_to_string(self.outer(s));
            assert_eq!(text.ok().as_deref(), Some("sentinel"), "{s} was touched");
        }
        assert!(self.root().join("content/_index.md").is_file());
        assert!(self.root().join("site.yaml").is_file());
    }

    /// Working folders left beside the output (the lock and the manifest stay by design).
    fn leftovers(&self) -> Vec<String> {
        std::fs::read_dir(self.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".public.new-") || n.starts_with(".public.old-"))
            .collect()
    }

    /// How many pages of the output say they belong to each version.
    fn versions(&self) -> BTreeMap<u32, usize> {
        let mut seen = BTreeMap::new();
        for entry in walkdir::WalkDir::new(self.public()) {
            let entry = entry.unwrap();
            if entry.file_name() != "index.html" {
                continue;
            }
            let html = std::fs::read_to_string(entry.path()).unwrap();
            for v in 1..=9 {
                if html.contains(&format!("版{v}の本文")) {
                    *seen.entry(v).or_default() += 1;
                }
            }
        }
        seen
    }
}

#[test]
fn a_dangling_link_where_a_new_section_goes_harms_nothing_outside() {
    let sandbox = Sandbox::new();
    sandbox.pages(3, 1);
    sandbox.build_ok();
    // The rebuild adds a section whose folder is taken by a link to nowhere, and one by a link
    // to a folder outside.
    #[cfg(unix)]
    {
        let public = sandbox.public();
        std::os::unix::fs::symlink("/nonexistent/shishin", public.join("new")).unwrap();
        std::os::unix::fs::symlink(sandbox.outer("elsewhere"), public.join("uploads")).unwrap();
    }
    sandbox.write(
        "content/new/_index.md",
        "---\ntitle: 新設\n---\n版2の本文。\n",
    );
    sandbox.write(
        "content/uploads/_index.md",
        "---\ntitle: 資料\n---\n版2の本文。\n",
    );
    sandbox.build_ok();
    sandbox.assert_sentinels();
    for section in ["new", "uploads"] {
        let meta = std::fs::symlink_metadata(sandbox.public().join(section)).unwrap();
        assert!(
            meta.is_dir(),
            "{section}: the link was replaced by a folder"
        );
    }
    assert!(sandbox.public().join("uploads/index.html").is_file());
    assert!(sandbox.leftovers().is_empty(), "{:?}", sandbox.leftovers());
}

#[test]
fn outputs_in_or_around_the_sources_are_refused_and_nothing_is_made() {
    let sandbox = Sandbox::new();
    for out in [
        "content/out",
        "content",
        "themes/default/x",
        "static/public",
        ".",
    ] {
        let run = sandbox.run(&[
            "build",
            "--out",
            &sandbox.root().join(out).to_string_lossy(),
        ]);
        assert_eq!(run.code, Some(1), "{out}: {}", run.stderr);
        assert!(
            run.stderr.contains("the output folder"),
            "{out}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("help: "), "{}", run.stderr);
    }
    let above = sandbox.outer.path().to_string_lossy().into_owned();
    let run = sandbox.run(&["build", "--out", &above]);
    assert!(
        run.stderr.contains("holds the site's own folder"),
        "{}",
        run.stderr
    );
    assert!(!sandbox.root().join("content/out").exists());
    assert!(!sandbox.root().join("content/index.html").exists());
    sandbox.assert_sentinels();
}

#[test]
fn leftovers_of_killed_builds_are_removed_by_the_next_build() {
    let sandbox = Sandbox::new();
    sandbox.build_ok();
    for name in [".public.new-4242/a", ".public.old-17/b"] {
        sandbox.write(&format!("{name}/index.html"), "stale");
    }
    sandbox.build_ok();
    assert!(sandbox.leftovers().is_empty(), "{:?}", sandbox.leftovers());
    sandbox.assert_sentinels();
}

/// An immutable file in the output (`chattr +i`) cannot be removed with the old tree: the new
/// output is still complete, and nothing else is harmed.
#[cfg(target_os = "linux")]
#[test]
fn an_immutable_file_in_the_output_leaves_the_new_site_whole() {
    let sandbox = Sandbox::new();
    sandbox.pages(5, 1);
    sandbox.build_ok();
    let pinned = sandbox.public().join("p2/index.html");
    if !chattr("+i", &pinned) {
        eprintln!("skipped: chattr +i is not available here");
        return;
    }
    sandbox.pages(5, 2);
    let run = sandbox.run(&["build"]);
    // Whatever became of the old copy, it must not stay immutable behind us.
    for entry in walkdir::WalkDir::new(sandbox.root()).into_iter().flatten() {
        if entry.file_name() == "index.html" {
            chattr("-i", entry.path());
        }
    }
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(sandbox.versions(), BTreeMap::from([(2, 10)]));
    sandbox.assert_sentinels();
}

#[cfg(target_os = "linux")]
fn chattr(flag: &str, path: &Path) -> bool {
    Command::new("chattr")
        .arg(flag)
        .arg(path)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Kills the build at many points, from reading to the exchange: after each kill the output is
/// the complete old site or the complete new one, and the next build leaves no working folder.
#[cfg(unix)]
#[test]
fn a_killed_build_leaves_the_old_site_or_the_new_one_whole() {
    let sandbox = Sandbox::new();
    const PAGES: usize = 300;
    sandbox.pages(PAGES, 1);
    sandbox.build_ok();
    // Both languages: the English pages fall back to the Japanese text.
    let all = |v: u32| BTreeMap::from([(v, 2 * PAGES)]);
    assert_eq!(sandbox.versions(), all(1));
    sandbox.pages(PAGES, 2);
    let start = Instant::now();
    sandbox.build_ok();
    let full = start.elapsed();
    assert_eq!(sandbox.versions(), all(2));
    let mut outcomes = BTreeMap::new();
    for step in 0..12u32 {
        let version = 3 + step % 2;
        sandbox.pages(PAGES, version);
        let before = sandbox.versions();
        let mut child = sandbox
            .command(&["build"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full.mul_f64(f64::from(step) / 10.0));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let after = sandbox.versions();
        assert!(
            after == before || after == all(version),
            "step {step}: a mix of versions {after:?} (before: {before:?})"
        );
        *outcomes.entry(status.success()).or_insert(0) += 1;
        // The next build finishes what was interrupted and clears the working folders.
        sandbox.build_ok();
        assert_eq!(sandbox.versions(), all(version));
        assert!(sandbox.leftovers().is_empty(), "{:?}", sandbox.leftovers());
    }
    assert!(
        outcomes.get(&false).is_some_and(|&n| n > 0),
        "some builds were really killed: {outcomes:?}"
    );
    sandbox.assert_sentinels();
}

/// Ctrl-C (SIGINT) and SIGTERM remove the working folders at once and exit.
#[cfg(unix)]
#[test]
fn an_interrupted_build_cleans_up_at_once() {
    let sandbox = Sandbox::new();
    const PAGES: usize = 300;
    sandbox.pages(PAGES, 1);
    let start = Instant::now();
    sandbox.build_ok();
    let full = start.elapsed();
    let mut version = 1;
    for signal in ["-INT", "-TERM"] {
        // Once the build has its working folder, at several points until the signal reaches a
        // build that is still running.
        let interrupted = [0.0, 0.2, 0.1, 0.3, 0.05, 0.4].into_iter().any(|at| {
            version += 1;
            sandbox.pages(PAGES, version);
            let child = sandbox
                .command(&["build"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let deadline = Instant::now() + Duration::from_secs(60);
            while sandbox.leftovers().is_empty() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(1));
            }
            std::thread::sleep(full.mul_f64(at));
            Command::new("kill")
                .arg(signal)
                .arg(child.id().to_string())
                .status()
                .unwrap();
            let out = child.wait_with_output().unwrap();
            assert!(
                sandbox.leftovers().is_empty(),
                "{signal}: {:?} {:?} {}",
                sandbox.leftovers(),
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
            let versions = sandbox.versions();
            assert_eq!(versions.len(), 1, "one version only: {versions:?}");
            // Finished already, or stopped by the signal before shishin was ready for it (then
            // it had nothing on disk yet).
            if out.status.success() || out.status.code().is_none() {
                return false;
            }
            assert_eq!(out.status.code(), Some(130), "{signal}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains("interrupted"), "{stderr}");
            true
        });
        assert!(interrupted, "{signal} never reached a running build");
    }
    sandbox.assert_sentinels();
}

/// An output folder that is a mount point of its own (a tmpfs here, a Docker volume or a
/// docroot partition in real life) is updated file by file, and the summary says so.
#[cfg(target_os = "linux")]
#[test]
fn an_output_folder_on_another_file_system_builds() {
    let sandbox = Sandbox::new();
    let public = sandbox.public();
    std::fs::create_dir_all(&public).unwrap();
    let Some(_mount) = Mount::tmpfs(&public) else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    sandbox.pages(4, 1);
    sandbox.write(
        "content/gone.md",
        "---\ntitle: 削除予定\n---\n版1の本文。\n",
    );
    sandbox.build_ok();
    assert_eq!(sandbox.versions(), BTreeMap::from([(1, 10)]));
    sandbox.pages(4, 2);
    std::fs::remove_file(sandbox.root().join("content/gone.md")).unwrap();
    let run = sandbox.build_ok();
    assert!(run.stdout.contains("one by one"), "{}", run.stdout);
    assert_eq!(sandbox.versions(), BTreeMap::from([(2, 8)]));
    assert!(
        !public.join("gone").exists(),
        "a page the site lost is removed"
    );
    assert!(is_mount_point(&public), "still the mount point");
    assert!(sandbox.leftovers().is_empty(), "{:?}", sandbox.leftovers());
    sandbox.assert_sentinels();
}

#[cfg(target_os = "linux")]
struct Mount(PathBuf);

#[cfg(target_os = "linux")]
impl Mount {
    fn tmpfs(at: &Path) -> Option<Mount> {
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64m", "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Mount(at.to_path_buf()))
    }
}

#[cfg(target_os = "linux")]
impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[cfg(target_os = "linux")]
fn is_mount_point(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let dev = |p: &Path| std::fs::metadata(p).unwrap().dev();
    dev(path) != dev(path.parent().unwrap())
}

/// A second build of the same output waits for nobody: it is refused while the first runs.
#[test]
fn two_builds_of_one_output_never_write_at_once() {
    let sandbox = Sandbox::new();
    sandbox.pages(300, 1);
    let first = sandbox
        .command(&["build"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    // Wait until the first build holds the output.
    while sandbox.leftovers().is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(2));
    }
    let second = sandbox.run(&["build"]);
    let first = first.wait_with_output().unwrap();
    assert!(first.status.success());
    if !second.ok {
        assert!(second.stderr.contains("right now"), "{}", second.stderr);
    }
    assert_eq!(sandbox.versions(), BTreeMap::from([(1, 600)]));
    sandbox.assert_sentinels();
}

/// A site whose earlier builds were made by another account (root here, a colleague or a
/// deployment job in real life): the next build, by an ordinary user, does not try to write into
/// the trees it cannot change, and succeeds.
#[cfg(target_os = "linux")]
#[test]
fn trees_left_by_another_account_are_not_written_into() {
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n");
    let setpriv = Path::new("/usr/bin/setpriv");
    if !is_root || !setpriv.exists() {
        eprintln!("skipped: needs root and setpriv to build as another user");
        return;
    }
    let sandbox = Sandbox::new();
    sandbox.pages(3, 1);
    sandbox.build_ok();
    sandbox.pages(3, 2);
    sandbox.build_ok();
    assert!(sandbox.root().join(".public.spare").is_dir());
    // Hand the site and its output to `nobody`; the spare tree stays root's.
    let chown = |path: PathBuf| {
        let ok = Command::new("chown")
            .args(["-R", "65534:65534"])
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "chown");
    };
    for entry in std::fs::read_dir(sandbox.root()).unwrap() {
        let path = entry.unwrap().path();
        if !path.ends_with(".public.spare") {
            chown(path);
        }
    }
    let _ = Command::new("chown")
        .args(["65534:65534"])
        .arg(sandbox.root())
        .status();
    Command::new("chmod")
        .arg("755")
        .arg(sandbox.outer.path())
        .status()
        .unwrap();
    sandbox.pages(3, 3);
    let run = Run::from(
        common::in_english(&mut Command::new(setpriv))
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_shishin"))
            .args(["build", "--root"])
            .arg(sandbox.root())
            .output()
            .unwrap(),
    );
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(sandbox.versions(), BTreeMap::from([(3, 6)]));
    sandbox.assert_sentinels();
}
