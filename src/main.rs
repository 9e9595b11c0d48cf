//! The command line: parses arguments, runs the pipeline, prints diagnostics. Nothing else.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use shishin::compare::Format;
use shishin::diagnostics::{Diagnostic, Diagnostics};
use shishin::model::Lang;
use shishin::pipeline::{self, Options};
use shishin::serve::ServeOptions;
use shishin::text;
use shishin::{link::translations, load, versions, write};

// Rendering allocates many short-lived strings on every thread; mimalloc handles that far
// faster than the system allocator (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "shishin",
    version,
    about = "Publishes planning guidance as a bilingual, cross-linked static site"
)]
struct Cli {
    /// The site's folder (with site.yaml and content/).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (swapped in only when the whole build succeeded).
    Build {
        /// Output folder (default: public/ in the site's folder).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Publish under another address than site.yaml's base_url.
        #[arg(long)]
        base_url: Option<String>,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Preview the site with live reload: built in memory with drafts, rebuilt on every edit.
    Serve {
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; anything but loopback lets others read the drafts.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the browser.
        #[arg(long)]
        open: bool,
        /// Watch by polling, for file systems that send no change events (WSL2, network drives).
        #[arg(long)]
        poll: bool,
        /// Also answer requests that name this host (repeatable). Only localhost, 127.0.0.1,
        /// [::1] and the --bind address are answered otherwise, so that other web pages cannot
        /// read your drafts.
        #[arg(long = "allow-host", value_name = "NAME", value_parser = shishin::serve::allowed_host_name)]
        allow_host: Vec<String>,
    },
    /// Run every check of `build` without writing anything.
    Check {
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        strict: bool,
    },
    /// Print one comparison table: an obligation set (`hub`) or a fact comparison (`subsidies`).
    Compare {
        /// The set or comparison id.
        id: String,
        #[arg(long, value_enum, default_value = "md")]
        format: FormatArg,
        #[arg(long, value_enum, default_value = "ja")]
        lang: LangArg,
    },
    /// Print the 新旧対照表 of two Markdown files (new | old | remarks), inside a site or not.
    Diff {
        /// The older version.
        old: PathBuf,
        /// The newer version.
        new: PathBuf,
        #[arg(long, value_enum, default_value = "md")]
        format: DiffFormatArg,
        #[arg(long, value_enum, default_value = "ja")]
        lang: LangArg,
    },
    /// Translation state of every page, and recording it.
    I18n {
        #[command(subcommand)]
        command: I18nCommand,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Md,
    Csv,
    Json,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum DiffFormatArg {
    Md,
    Html,
    Csv,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LangArg {
    Ja,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Ja => Lang::Ja,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Subcommand)]
enum I18nCommand {
    /// List each page's translation: ok, missing, stale or unstamped.
    Status {
        /// Show what changed in the Japanese original of this translation since it was stamped.
        #[arg(long, value_name = "PATH")]
        diff: Option<PathBuf>,
    },
    /// Record that these translations follow the current Japanese text.
    Stamp {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = cli.root.as_path();
    match cli.command {
        Command::Build {
            out,
            drafts,
            base_url,
            strict,
        } => {
            let out = out.unwrap_or_else(|| root.join("public"));
            build(
                root,
                &Options {
                    drafts,
                    base_url,
                    serve: false,
                },
                strict,
                Some(&out),
            )
        }
        Command::Check { drafts, strict } => build(
            root,
            &Options {
                drafts,
                ..Options::default()
            },
            strict,
            None,
        ),
        Command::Serve {
            port,
            bind,
            open,
            poll,
            allow_host,
        } => {
            let options = ServeOptions {
                bind,
                port,
                open,
                poll,
                allow_hosts: allow_host,
            };
            match shishin::serve::serve(root, &options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail_to_start(e),
            }
        }
        Command::Compare { id, format, lang } => compare(root, &id, format, lang),
        Command::Diff {
            old,
            new,
            format,
            lang,
        } => diff(&old, &new, format, lang),
        Command::I18n {
            command: I18nCommand::Status { diff: Some(path) },
        } => i18n_diff(root, &path),
        Command::I18n {
            command: I18nCommand::Status { diff: None },
        } => i18n_status(root),
        Command::I18n {
            command: I18nCommand::Stamp { paths },
        } => i18n_stamp(root, &paths),
    }
}

fn build(root: &Path, options: &Options, strict: bool, out: Option<&Path>) -> ExitCode {
    let mut stages = shishin::timing::Stages::start();
    // Only files whose bytes changed are written, into a staging tree that replaces the old
    // output only once everything succeeded.
    let mut staging = match out.map(|out| write::Staging::begin(out, root)).transpose() {
        Ok(s) => s,
        Err(e) => return fail(e.into()),
    };
    let sink: &mut dyn pipeline::Sink = match &mut staging {
        Some(s) => s,
        None => &mut pipeline::Discard,
    };
    let built = match pipeline::run(root, options, sink) {
        Ok(b) => b,
        Err(diags) => return fail(diags),
    };
    let mut warnings = built.warnings.clone();
    if strict && warnings.warnings() > 0 {
        warnings.make_strict();
        return fail(warnings);
    }
    print(&warnings);
    match staging.zip(out) {
        Some((staging, out)) => {
            let placed = match staging.commit() {
                Ok(placed) => placed,
                Err(failed) if failed.partly_updated => {
                    print(&failed.diagnostic.into());
                    eprintln!(
                        "failed: {} is partly updated; build again to finish",
                        out.display()
                    );
                    return ExitCode::FAILURE;
                }
                Err(failed) => return fail(failed.diagnostic.into()),
            };
            stages.done("build");
            println!("built {} into {}", built.summary(), out.display());
            if placed == write::Placed::FileByFile {
                println!(
                    "{} is a mount point or a link to a folder elsewhere, so it could not be \
                     replaced in one step: its files were replaced one by one, each whole",
                    out.display()
                );
            }
        }
        None => println!("checked {}", built.summary()),
    }
    ExitCode::SUCCESS
}

fn fail(diags: Diagnostics) -> ExitCode {
    print(&diags);
    eprintln!(
        "failed: {}, {}; nothing was written",
        text::count(diags.errors(), "error"),
        text::count(diags.warnings(), "warning")
    );
    ExitCode::FAILURE
}

/// `1 error`, `0 errors`, `3 warnings`: a number and an English noun that agrees with it.
fn fail_to_start(error: Diagnostic) -> ExitCode {
    print(&error.into());
    ExitCode::FAILURE
}

fn print(diags: &Diagnostics) {
    let mut diags = diags.clone();
    diags.sort();
    let color = std::io::stderr().is_terminal();
    for d in &diags.0 {
        eprint!("{}", d.render(color));
    }
}

fn compare(root: &Path, id: &str, format: FormatArg, lang: LangArg) -> ExitCode {
    let prepared = match pipeline::prepare(root, &Options::default()) {
        Ok(p) => p,
        Err(d) => return fail(d),
    };
    let format = match format {
        FormatArg::Md => Format::Md,
        FormatArg::Csv => Format::Csv,
        FormatArg::Json => Format::Json,
    };
    match prepared
        .tables
        .export(&prepared.site, id, format, lang.into())
    {
        Some(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        None => {
            let ids = prepared.tables.ids().join(", ");
            fail(
                Diagnostic::error(format!("there is no comparison `{id}`"))
                    .hint(format!("comparisons of this site: {ids}"))
                    .into(),
            )
        }
    }
}

fn diff(old: &Path, new: &Path, format: DiffFormatArg, lang: LangArg) -> ExitCode {
    let format = match format {
        DiffFormatArg::Md => versions::Format::Md,
        DiffFormatArg::Html => versions::Format::Html,
        DiffFormatArg::Csv => versions::Format::Csv,
    };
    match versions::diff_files(old, new, format, lang.into()) {
        Ok(printed) => {
            print(&printed.warnings);
            print!("{}", printed.text);
            ExitCode::SUCCESS
        }
        Err(e) => fail_to_start(e),
    }
}

fn i18n_status(root: &Path) -> ExitCode {
    let options = Options {
        drafts: true,
        ..Options::default()
    };
    let site = match pipeline::prepare(root, &options) {
        Ok(p) => p.site,
        Err(d) => return fail(d),
    };
    let mut counts = std::collections::BTreeMap::new();
    for (p, page) in site.pages.iter().enumerate() {
        let state = site.translations[p];
        *counts.entry(state.label()).or_insert(0) += 1;
        let ja = &site.docs[page.ja].file.path;
        let en = page
            .en
            .map_or_else(|| "-".to_string(), |e| site.docs[e].file.path.clone());
        println!("{:<10} {ja}  →  {en}", state.label());
    }
    let summary: Vec<String> = counts.iter().map(|(k, v)| format!("{v} {k}")).collect();
    println!("{} pages: {}", site.pages.len(), summary.join(", "));
    ExitCode::SUCCESS
}

fn i18n_stamp(root: &Path, paths: &[PathBuf]) -> ExitCode {
    let mut errors = Diagnostics::default();
    for path in paths {
        match stamp_one(root, path) {
            Ok(digest) => println!("stamped {} (translated_from: {digest})", path.display()),
            Err(e) => errors.push(e),
        }
    }
    if errors.has_errors() {
        return fail(errors);
    }
    ExitCode::SUCCESS
}

/// Stamps one translation with the digest of its Japanese original's current body, and keeps
/// that body so that `i18n status --diff` can show later what changed.
fn stamp_one(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    let (file, stem) = translation_stem(root, path)?;
    let content = load::content_dir(root);
    let original = content.join(format!("{stem}.md"));
    let display = format!("content/{stem}.md");
    let text = load::read_text(&original, &display)?.text;
    let body = shishin::load::frontmatter::body_of(&text).ok_or_else(|| {
        Diagnostic::error(format!("{display} has no front matter")).in_file(&display)
    })?;
    let digest = translations::digest(body);
    translations::stamp_file(&file, &digest)?;
    shishin::i18n::keep_original(root, &format!("{stem}.md"), body)?;
    Ok(digest)
}

/// A translation given on the command line: its file, and its page's path below `content/`
/// without `.en.md` (`guideline/hub`).
fn translation_stem(root: &Path, path: &Path) -> Result<(PathBuf, String), Diagnostic> {
    // Accept the path as given (from the current folder) or relative to the site's folder.
    let file = if path.exists() {
        path.to_path_buf()
    } else {
        root.join(path)
    };
    let content = load::content_dir(root);
    let rel = std::fs::canonicalize(&file)
        .ok()
        .zip(std::fs::canonicalize(&content).ok())
        .and_then(|(f, c)| f.strip_prefix(c).ok().map(Path::to_path_buf))
        .ok_or_else(|| {
            Diagnostic::error(format!(
                "{} is not a file in {}",
                path.display(),
                content.display()
            ))
            .hint("give the path of an English translation, like content/guideline/hub.en.md")
        })?;
    let rel = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let Some(stem) = rel.strip_suffix(".en.md") else {
        return Err(Diagnostic::error(format!(
            "{} is not a translation (`.en.md`)",
            path.display()
        ))
        .hint("give the English translation: its name ends in `.en.md`, like content/guideline/hub.en.md"));
    };
    Ok((file, stem.to_string()))
}

/// What changed in a translation's Japanese original since it was stamped.
fn i18n_diff(root: &Path, path: &Path) -> ExitCode {
    let shown = |p: &Path| p.display().to_string();
    let (file, stem) = match translation_stem(root, path) {
        Ok(found) => found,
        Err(e) => return fail(e.into()),
    };
    let (ja, en) = (
        format!("content/{stem}.md"),
        format!("content/{stem}.en.md"),
    );
    let read = |p: &Path, display: &str| load::read_text(p, display).map(|d| d.text);
    let en_text = match read(&file, &en) {
        Ok(t) => t,
        Err(e) => return fail(e.into()),
    };
    let original = load::content_dir(root).join(format!("{stem}.md"));
    let ja_text = match read(&original, &ja) {
        Ok(t) => t,
        Err(e) => return fail(e.into()),
    };
    let Some(body) = shishin::load::frontmatter::body_of(&ja_text) else {
        return fail(
            Diagnostic::error(format!("{} has no front matter", shown(&original)))
                .in_file(&ja)
                .into(),
        );
    };
    let stamped = shishin::i18n::stamped_digest(&en_text);
    let since = shishin::i18n::since_stamp(root, &format!("{stem}.md"), stamped, body);
    print!("{}", shishin::i18n::report(&since, &ja, &en));
    ExitCode::SUCCESS
}
