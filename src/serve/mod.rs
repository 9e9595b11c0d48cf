//! `shishin serve`: builds the site into memory (drafts included), serves it on loopback,
//! watches the files and, after each edit, rebuilds what the edit affects and tells the open
//! pages to reload. A failed rebuild keeps the last good site served and shows the error in the
//! browser; the server keeps running.

mod host;
mod http;
mod overlay;
pub mod rebuild;
mod watch;

use std::collections::HashSet;
use std::io::IsTerminal;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::Path;
use std::sync::{Arc, RwLock};

use tokio::sync::broadcast;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::{say, terminal, Text};
use crate::msg;
use crate::pipeline::Options;
use crate::serve::rebuild::{Changes, Preview, Rebuilt};
use http::{Message, Shared, Status};

pub use host::allowed_host_name;
pub use http::safe_path;

/// How `serve` was asked to run.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub bind: IpAddr,
    pub port: u16,
    pub open: bool,
    pub poll: bool,
    /// Host names answered besides the loopback names and the `--bind` address
    /// (`--allow-host`), each checked by [`allowed_host_name`].
    pub allow_hosts: Vec<String>,
}

/// Runs the preview until Ctrl-C. Errors only for what keeps it from starting.
pub fn serve(root: &Path, options: &ServeOptions) -> Result<(), Diagnostic> {
    let root = std::fs::canonicalize(root).map_err(|e| {
        Diagnostic::error(msg!(
            "serve-no-site-folder",
            path = root.display().to_string(),
            why = e.to_string()
        ))
        .hint(msg!("serve-no-site-folder-hint"))
    })?;
    let listener = bind(options.bind, options.port)?;
    let address = listener.local_addr().map_err(io)?;
    let url = format!("http://{}/", display_address(address));
    let hosts = host::AllowedHosts::new(options.bind, address.port(), &options.allow_hosts);
    if !options.bind.is_loopback() {
        eprintln!(
            "{}",
            say(&msg!("serve-not-loopback", bind = options.bind.to_string()))
        );
    }
    if options.bind.is_unspecified() {
        // 0.0.0.0 is no name a browser sends: others must be told which name to use.
        eprintln!("{}", say(&msg!("serve-unspecified-note")));
    }

    let preview = Preview::new(
        root.clone(),
        Options {
            base_url: Some(url.clone()),
            ..Options::default()
        },
    );
    let (events, _) = broadcast::channel(64);
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let shared = Arc::new(Shared {
        preview: RwLock::new(preview),
        status: RwLock::new(Status::default()),
        events,
        stopping,
    });
    rebuild(
        &shared,
        &Changes {
            setup: true,
            ..Changes::default()
        },
        &msg!("serve-first-build"),
    );

    let mut watch = watch::Watch::start(&root, options.poll).map_err(|e| {
        Diagnostic::error(msg!(
            "serve-cannot-watch",
            path = root.display().to_string(),
            why = e.to_string()
        ))
        .hint(msg!("serve-cannot-watch-hint"))
    })?;
    let watcher_shared = Arc::clone(&shared);
    let watched_root = root.clone();
    std::thread::spawn(move || {
        while let Some(paths) = watch.next_batch() {
            let changes = Changes::classify(&watched_root, paths);
            if !changes.is_empty() {
                let what = describe(&watched_root, &changes);
                rebuild(&watcher_shared, &changes, &what);
            }
        }
    });

    println!(
        "{}",
        say(&msg!(
            "serve-serving",
            path = root.display().to_string(),
            url = &url
        ))
    );
    if !options.allow_hosts.is_empty() {
        println!(
            "{}",
            say(&msg!(
                "serve-also-answering",
                hosts = options.allow_hosts.join(", ")
            ))
        );
    }
    if options.open {
        if let Err(e) = opener::open(&url) {
            eprintln!(
                "{}",
                say(&msg!("serve-no-browser", why = e.to_string(), url = &url))
            );
        }
    }
    run_server(listener, http::router(shared, Arc::new(hosts)), stop)
}

fn run_server(
    listener: TcpListener,
    router: axum::Router,
    stop: tokio::sync::watch::Sender<bool>,
) -> Result<(), Diagnostic> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(io)?;
    runtime.block_on(async move {
        listener.set_nonblocking(true).map_err(io)?;
        let listener = tokio::net::TcpListener::from_std(listener).map_err(io)?;
        let shutdown = async move {
            let _ = tokio::signal::ctrl_c().await;
            println!("{}", say(&msg!("serve-stopping")));
            let _ = stop.send(true);
        };
        axum::serve(listener, router)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(io)
    })?;
    // Everything lived in memory: nothing is left behind on disk.
    println!("{}", say(&msg!("serve-stopped")));
    Ok(())
}

/// Binds the address; a busy port gets a suggestion of a free one.
fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, Diagnostic> {
    TcpListener::bind(SocketAddr::new(ip, port)).map_err(|e| {
        let mut d = Diagnostic::error(msg!(
            "serve-cannot-bind",
            address = SocketAddr::new(ip, port).to_string(),
            why = e.to_string()
        ));
        if e.kind() == std::io::ErrorKind::AddrInUse {
            let free = (port.saturating_add(1)..port.saturating_add(50))
                .find(|&p| TcpListener::bind(SocketAddr::new(ip, p)).is_ok());
            d = match free {
                Some(p) => d.hint(msg!("serve-port-busy-hint", port = port, free = p)),
                None => d.hint(msg!("serve-port-busy-no-free-hint")),
            };
        }
        d
    })
}

fn display_address(address: SocketAddr) -> String {
    if address.ip().is_unspecified() {
        format!("localhost:{}", address.port())
    } else {
        address.to_string()
    }
}

/// Rebuilds, prints one line, and tells the open pages.
fn rebuild(shared: &Shared, changes: &Changes, what: &Text) {
    let result = shared
        .preview
        .write()
        .expect("preview lock")
        .update(changes);
    let mut status = shared.status.write().expect("status lock");
    let time = chrono::Local::now().format("%H:%M:%S");
    match result {
        Ok(rebuilt) => {
            print_new_warnings(&rebuilt.warnings, &mut status.warned);
            println!("{time} {}: {}", say(what), say(&rebuilt.summary()));
            let recovered = status.error.take().is_some();
            if rebuilt.changed.is_empty() && !recovered {
                return;
            }
            status.version += 1;
            let _ = shared.events.send(message(&rebuilt, status.version));
        }
        Err(diags) => {
            print_diagnostics(&diags);
            println!(
                "{time} {}: {}",
                say(what),
                say(&msg!("serve-rebuild-failed", errors = diags.errors()))
            );
            let errors = error_parts(&diags);
            status.error = Some(errors.clone());
            let _ = shared.events.send(Message::Broken { errors });
        }
    }
}

fn message(rebuilt: &Rebuilt, version: u64) -> Message {
    let paths = rebuilt.changed.iter().map(|p| url_path(p)).collect();
    if rebuilt.css_only() {
        Message::Css { version, paths }
    } else {
        Message::Reload { version, paths }
    }
}

/// `a/b/index.html` → `/a/b/`; `style.css` → `/style.css`; `*` stays.
fn url_path(output: &str) -> String {
    if output == "*" {
        return output.to_string();
    }
    match crate::urls::folder_of_index(output) {
        Some(dir) => format!("/{dir}"),
        None => format!("/{output}"),
    }
}

/// The edit in a few words for the terminal: the first file and how many more.
fn describe(root: &Path, changes: &Changes) -> Text {
    let mut files: Vec<Text> = changes
        .content
        .iter()
        .map(|f| Text::verbatim(f.strip_prefix(root).unwrap_or(f).display().to_string()))
        .collect();
    if changes.setup {
        files.insert(0, msg!("serve-changed-setup"));
    }
    if !changes.statics.is_empty() {
        files.push(Text::verbatim("static/"));
    }
    let first = files.first().cloned().unwrap_or_default();
    match files.len() {
        0 | 1 => first,
        n => msg!("serve-changed-more", first = first, more = n - 1),
    }
}

/// The errors as the overlay shows them, in the order the terminal lists them.
fn error_parts(diags: &Diagnostics) -> http::Errors {
    let mut diags = diags.clone();
    diags.sort();
    diags
        .iter()
        .filter(|d| d.is_error())
        .map(Diagnostic::parts)
        .collect()
}

/// Prints the warnings not printed before in this session, so that a site with a stale
/// translation does not repeat it on every save.
fn print_new_warnings(warnings: &Diagnostics, warned: &mut HashSet<String>) {
    let color = std::io::stderr().is_terminal();
    for d in &warnings.0 {
        let text = d.render(color, terminal());
        if !warned.contains(&text) {
            eprint!("{text}");
            warned.insert(text);
        }
    }
}

fn print_diagnostics(diags: &Diagnostics) {
    let mut diags = diags.clone();
    diags.sort();
    let color = std::io::stderr().is_terminal();
    for d in &diags.0 {
        eprint!("{}", d.render(color, terminal()));
    }
}

fn io(e: std::io::Error) -> Diagnostic {
    Diagnostic::error(msg!("serve-failed", why = e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_become_url_paths() {
        assert_eq!(url_path("index.html"), "/");
        assert_eq!(url_path("en/a/b/index.html"), "/en/a/b/");
        assert_eq!(url_path("style.css"), "/style.css");
        assert_eq!(url_path("a/notindex.html"), "/a/notindex.html");
        assert_eq!(url_path("*"), "*");
    }

    #[test]
    fn a_busy_port_suggests_a_free_one() {
        let taken = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = taken.local_addr().unwrap().port();
        let err = bind("127.0.0.1".parse().unwrap(), port).unwrap_err();
        assert!(err.message.contains(&port.to_string()), "{}", err.message);
        let hint = err.hint.unwrap_or_default();
        assert!(hint.contains("--port"), "{hint}");
    }
}
