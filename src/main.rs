//! The command line: parses arguments, runs the pipeline, prints diagnostics. Nothing else.
//!
//! Everything it prints comes from the message catalogue (`shishin::messages`), in the language
//! chosen before the arguments are parsed (`--messages`, else the locale), so that `--help` is in
//! that language too: the help texts of the arguments below are replaced from the catalogue
//! ([`localize`]); the doc comments stay for the reader of this file.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use shishin::compare::Format;
use shishin::diagnostics::{Diagnostic, Diagnostics};
use shishin::messages::{self, say, Text};
use shishin::model::{Lang, TranslationState};
use shishin::msg;
use shishin::pipeline::{self, Options};
use shishin::serve::ServeOptions;
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
    /// The language of messages: ja or en (default: the locale's, LANG).
    #[arg(long, global = true, value_enum)]
    messages: Option<LangArg>,
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
        /// Write every link relative, so the folder works opened from disk or copied to a file
        /// share or USB stick (open index.html in a browser).
        #[arg(long)]
        relative: bool,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
        /// Render every page again, ignoring what the last build kept (and replacing it).
        #[arg(long)]
        clean: bool,
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
    let lang = messages::choose(messages_flag(std::env::args_os().skip(1)));
    messages::set_terminal(lang);
    let matches = localize(Cli::command(), lang).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let root = cli.root.as_path();
    match cli.command {
        Command::Build {
            out,
            drafts,
            base_url,
            relative,
            strict,
            clean,
        } => {
            let out = out.unwrap_or_else(|| root.join("public"));
            build(
                root,
                &Options {
                    drafts,
                    base_url,
                    serve: false,
                    relative,
                    clean,
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
    stages.done("output folder");
    let sink: &mut dyn pipeline::Sink = match &mut staging {
        Some(s) => s,
        None => &mut pipeline::Discard,
    };
    let built = match pipeline::run(root, options, sink) {
        Ok(b) => b,
        Err(diags) => return fail(diags),
    };
    stages.done("pipeline");
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
                    let out = out.display().to_string();
                    eprintln!("{}", say(&msg!("failed-partly-updated", out = out)));
                    return ExitCode::FAILURE;
                }
                Err(failed) => return fail(failed.diagnostic.into()),
            };
            stages.done("commit");
            let out = out.display().to_string();
            let summary = built.summary();
            println!("{}", say(&msg!("built", summary = summary, out = &out)));
            if let Some(note) = &built.note {
                println!("{}", say(note));
            }
            if placed == write::Placed::FileByFile {
                println!("{}", say(&msg!("built-file-by-file", out = out)));
            }
        }
        None => println!("{}", say(&msg!("checked", summary = built.summary()))),
    }
    // The model of a large site is millions of small allocations, freeing them one by one takes
    // longer than a rebuild that changes nothing; the process ends here, and the system takes the
    // memory back at once.
    std::mem::forget(built);
    ExitCode::SUCCESS
}

fn fail(diags: Diagnostics) -> ExitCode {
    print(&diags);
    eprintln!(
        "{}",
        say(&msg!(
            "failed",
            errors = diags.errors(),
            warnings = diags.warnings()
        ))
    );
    ExitCode::FAILURE
}

fn fail_to_start(error: Diagnostic) -> ExitCode {
    print(&error.into());
    ExitCode::FAILURE
}

fn print(diags: &Diagnostics) {
    let mut diags = diags.clone();
    diags.sort();
    let color = std::io::stderr().is_terminal();
    for d in &diags.0 {
        eprint!("{}", d.render(color, messages::terminal()));
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
                Diagnostic::error(msg!("no-comparison", id = id))
                    .hint(msg!("no-comparison-hint", ids = ids))
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
        counts.entry(state.label()).or_insert((state, 0)).1 += 1;
        let ja = &site.docs[page.ja].path;
        let en = page
            .en
            .map_or_else(|| "-".to_string(), |e| site.docs[e].path.clone());
        let label = say(&translation_state(state)).to_string();
        // Padded by display width, so that Japanese labels line up too.
        let pad = 10usize.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
        println!("{label}{} {ja}  →  {en}", " ".repeat(pad));
    }
    let summary: Vec<String> = counts
        .values()
        .map(|&(state, n)| {
            say(&msg!(
                "i18n-count",
                count = n,
                state = translation_state(state)
            ))
            .to_string()
        })
        .collect();
    let line = msg!(
        "i18n-summary",
        pages = site.pages.len(),
        states = summary.join(say(&msg!("list-separator")))
    );
    println!("{}", say(&line));
    let facts = shishin::link::translations::untranslated_facts(&site);
    for f in &facts {
        println!(
            "{}",
            say(&msg!("i18n-fact-untranslated", file = f.file, fact = f.key))
        );
    }
    if let Some(first) = facts.first() {
        println!(
            "{}",
            say(&msg!(
                "i18n-facts-summary",
                count = facts.len(),
                fact = first.key
            ))
        );
    }
    ExitCode::SUCCESS
}

/// A translation's state in a word, as `i18n status` lists it.
fn translation_state(state: TranslationState) -> Text {
    match state {
        TranslationState::Missing => msg!("i18n-missing"),
        TranslationState::Unstamped => msg!("i18n-unstamped"),
        TranslationState::Stale => msg!("i18n-stale"),
        TranslationState::Current => msg!("i18n-ok"),
    }
}

fn i18n_stamp(root: &Path, paths: &[PathBuf]) -> ExitCode {
    let mut errors = Diagnostics::default();
    for path in paths {
        match stamp_one(root, path) {
            Ok(digest) => println!(
                "{}",
                say(&msg!(
                    "i18n-stamped",
                    path = path.display().to_string(),
                    digest = digest
                ))
            ),
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
    let (body, _) = original_body(root, &stem)?;
    let digest = translations::digest(&body);
    translations::stamp_file(&file, &digest)?;
    shishin::i18n::keep_original(root, &format!("{stem}.md"), &body)?;
    Ok(digest)
}

/// The body of the Japanese original of the translation `stem`, and its path as shown.
fn original_body(root: &Path, stem: &str) -> Result<(String, String), Diagnostic> {
    let original = load::content_dir(root).join(format!("{stem}.md"));
    let display = format!("content/{stem}.md");
    let text = load::read_text(&original, &display)?.text;
    let body = shishin::load::frontmatter::body_of(&text).ok_or_else(|| {
        Diagnostic::error(msg!("stamp-no-front-matter", path = &display)).in_file(&display)
    })?;
    Ok((body.to_string(), display))
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
            Diagnostic::error(msg!(
                "stamp-not-in-content",
                path = path.display().to_string(),
                content = content.display().to_string()
            ))
            .hint(msg!("stamp-not-in-content-hint"))
        })?;
    let rel = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let Some(stem) = rel.strip_suffix(".en.md") else {
        return Err(Diagnostic::error(msg!(
            "stamp-not-a-translation",
            path = path.display().to_string()
        ))
        .hint(msg!("stamp-not-a-translation-hint")));
    };
    Ok((file, stem.to_string()))
}

/// What changed in a translation's Japanese original since it was stamped.
fn i18n_diff(root: &Path, path: &Path) -> ExitCode {
    let found = translation_stem(root, path).and_then(|(file, stem)| {
        let en = format!("content/{stem}.en.md");
        let en_text = load::read_text(&file, &en)?.text;
        let (body, ja) = original_body(root, &stem)?;
        Ok((stem, en, en_text, body, ja))
    });
    let (stem, en, en_text, body, ja) = match found {
        Ok(found) => found,
        Err(e) => return fail(e.into()),
    };
    let stamped = shishin::i18n::stamped_digest(&en_text);
    let since = shishin::i18n::since_stamp(root, &format!("{stem}.md"), stamped, &body);
    print!("{}", say(&shishin::i18n::report(&since, &ja, &en)));
    ExitCode::SUCCESS
}

/// The language asked for with `--messages` (`--messages ja`, `--messages=en`), read before
/// the arguments are parsed, because the help and clap's own messages are made in it. A value
/// that is no language is left for the parser to reject.
fn messages_flag(args: impl Iterator<Item = std::ffi::OsString>) -> Option<Lang> {
    let args: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    let mut found = None;
    for (i, arg) in args.iter().enumerate() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--messages") {
            Some("") => args.get(i + 1).map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::from_code) {
            found = Some(lang);
        }
    }
    found
}

/// The command line with its help in `lang`: every command's and argument's help from the
/// catalogue, and clap's own headings and help flags in the same language.
fn localize(command: clap::Command, lang: Lang) -> clap::Command {
    localize_at(command, "", lang).about(msg!("help-about").in_lang(lang).to_string())
}

fn localize_at(mut command: clap::Command, path: &str, lang: Lang) -> clap::Command {
    let say = |text: Text| text.in_lang(lang).to_string();
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = help_of_arg(path, &id).map(say);
        command = command.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() {
                msg!("help-heading-arguments")
            } else {
                msg!("help-heading-options")
            };
            let notes = value_notes(&arg, lang);
            let takes_values = arg.get_action().takes_values();
            let arg = arg.help_heading(say(heading));
            match &help {
                // clap writes `[default: …]` and `[possible values: …]` in English only: the
                // same notes come from the catalogue instead.
                Some(help) if takes_values => arg
                    .help(format!("{help}{notes}"))
                    .hide_default_value(true)
                    .hide_possible_values(true),
                Some(help) => arg.help(help.clone()),
                None => arg,
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        let about = help_of_command(&sub_path).map(say);
        command = command.mut_subcommand(&name, |sub| {
            let sub = localize_at(sub, &sub_path, lang);
            match about {
                Some(about) => sub.about(about),
                None => sub,
            }
        });
    }
    let command = command
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(say(msg!("help-help")))
                .help_heading(say(msg!("help-heading-options"))),
        )
        .subcommand_help_heading(say(msg!("help-heading-commands")))
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            say(msg!("help-heading-usage"))
        ))
        .disable_help_subcommand(true);
    if !path.is_empty() {
        return command;
    }
    // Only the root command has `--version`.
    command.disable_version_flag(true).arg(
        clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help(say(msg!("help-version")))
            .help_heading(say(msg!("help-heading-options"))),
    )
}

/// The default and the possible values of `arg`, as the help notes them after its text
/// (` [default: md] [possible values: md, csv, json]`); nothing for a flag.
fn value_notes(arg: &clap::Arg, lang: Lang) -> String {
    if !arg.get_action().takes_values() {
        return String::new();
    }
    let mut notes = String::new();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        let note = msg!("help-default", value = defaults.join(", "));
        notes.push_str(&format!(" {}", note.in_lang(lang)));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !possible.is_empty() {
        let note = msg!("help-possible-values", values = possible.join(", "));
        notes.push_str(&format!(" {}", note.in_lang(lang)));
    }
    notes
}

/// The help of a command, by its path (`build`, `i18n status`).
fn help_of_command(path: &str) -> Option<Text> {
    Some(match path {
        "build" => msg!("help-build"),
        "serve" => msg!("help-serve"),
        "check" => msg!("help-check"),
        "compare" => msg!("help-compare"),
        "diff" => msg!("help-diff"),
        "i18n" => msg!("help-i18n"),
        "i18n status" => msg!("help-i18n-status"),
        "i18n stamp" => msg!("help-i18n-stamp"),
        _ => return None,
    })
}

/// The help of an argument, by its command's path and its id. Global arguments are the same
/// under every command.
fn help_of_arg(path: &str, id: &str) -> Option<Text> {
    Some(match (path, id) {
        (_, "root") => msg!("help-root"),
        (_, "messages") => msg!("help-messages"),
        ("build", "out") => msg!("help-build-out"),
        ("build" | "check", "drafts") => msg!("help-drafts"),
        ("build", "base_url") => msg!("help-build-base-url"),
        ("build", "relative") => msg!("help-build-relative"),
        ("build", "clean") => msg!("help-build-clean"),
        ("build" | "check", "strict") => msg!("help-strict"),
        ("serve", "port") => msg!("help-serve-port"),
        ("serve", "bind") => msg!("help-serve-bind"),
        ("serve", "open") => msg!("help-serve-open"),
        ("serve", "poll") => msg!("help-serve-poll"),
        ("serve", "allow_host") => msg!("help-serve-allow-host"),
        ("compare", "id") => msg!("help-compare-id"),
        ("compare" | "diff", "format") => msg!("help-format"),
        ("compare" | "diff", "lang") => msg!("help-lang"),
        ("diff", "old") => msg!("help-diff-old"),
        ("diff", "new") => msg!("help-diff-new"),
        ("i18n stamp", "paths") => msg!("help-i18n-stamp-paths"),
        ("i18n status", "diff") => msg!("help-i18n-status-diff"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flag(args: &[&str]) -> Option<Lang> {
        messages_flag(args.iter().map(std::ffi::OsString::from))
    }

    #[test]
    fn the_messages_flag_is_read_before_parsing_in_both_spellings() {
        assert_eq!(flag(&["build", "--messages", "ja"]), Some(Lang::Ja));
        assert_eq!(flag(&["--messages=en", "check"]), Some(Lang::En));
        assert_eq!(flag(&["check"]), None);
        assert_eq!(flag(&["check", "--messages", "fr"]), None);
        assert_eq!(flag(&["diff", "--", "--messages", "ja"]), None);
    }

    /// Every command and argument has its help from the catalogue, in both languages, so no
    /// English is left in the Japanese `--help`.
    #[test]
    fn every_command_and_argument_has_its_help_in_both_languages() {
        fn walk(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if help_of_arg(path, id).is_none() {
                    missing.push(format!("{path} --{id}"));
                }
            }
            for sub in command.get_subcommands() {
                let sub_path = format!("{path} {}", sub.get_name()).trim().to_string();
                if help_of_command(&sub_path).is_none() {
                    missing.push(sub_path.clone());
                }
                walk(sub, &sub_path, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "no help in the catalogue: {missing:?}");
    }

    #[test]
    fn the_japanese_help_is_japanese() {
        let mut command = localize(Cli::command(), Lang::Ja);
        let help = command.render_help().to_string();
        assert!(help.contains("使い方:"), "{help}");
        assert!(help.contains("コマンド"), "{help}");
        assert!(
            !help.contains("Usage:") && !help.contains("Print help"),
            "{help}"
        );
        let mut build = localize(Cli::command(), Lang::Ja);
        let build = build.find_subcommand_mut("build").unwrap().render_help();
        assert!(build.to_string().contains("警告"), "{build}");
        let mut english = localize(Cli::command(), Lang::En);
        let help = english.render_help().to_string();
        assert!(
            help.contains("Usage:") && help.contains("Build the site"),
            "{help}"
        );
    }

    #[test]
    fn defaults_and_possible_values_are_noted_in_the_language() {
        let mut ja = localize(Cli::command(), Lang::Ja);
        let help = ja
            .find_subcommand_mut("compare")
            .unwrap()
            .render_help()
            .to_string();
        assert!(help.contains("[指定がなければ md]"), "{help}");
        assert!(help.contains("[選べる値: md, csv, json]"), "{help}");
        assert!(
            !help.contains("default:") && !help.contains("possible values"),
            "{help}"
        );
        let mut en = localize(Cli::command(), Lang::En);
        let help = en
            .find_subcommand_mut("compare")
            .unwrap()
            .render_help()
            .to_string();
        assert!(
            help.contains("[default: md] [possible values: md, csv, json]"),
            "{help}"
        );
        assert_eq!(help.matches("[default: md]").count(), 1, "{help}");
    }

    #[test]
    fn the_command_line_is_valid_in_both_languages() {
        for lang in Lang::ALL {
            localize(Cli::command(), lang).debug_assert();
        }
    }
}
