//! The preview's HTTP side: serves the in-memory site, the live-reload script and its event
//! stream. The request's host is checked before any route runs (`host.rs`), and request paths
//! are decoded and checked before anything is looked up. No response carries CORS headers: no
//! other site's page may read the drafts.

use std::convert::Infallible;
use std::sync::{Arc, RwLock};

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::middleware;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures_util::stream::{self, Stream, StreamExt};
use serde_json::json;
use tokio::sync::{broadcast, watch};

use super::host::{self, AllowedHosts};
use super::overlay;
use crate::diagnostics::Parts;
use crate::messages::Text;
use crate::model::Content;
use crate::msg;
use crate::serve::rebuild::Preview;
use crate::text::lang::Lang;
use crate::urls::{self, Generated};

const RELOAD_TAG: &str = "<script src=\"/__shishin/reload.js\"></script>";

/// What the server and the rebuild thread share.
pub struct Shared {
    pub preview: RwLock<Preview>,
    pub status: RwLock<Status>,
    pub events: broadcast::Sender<Message>,
    /// Becomes true on Ctrl-C: open event streams end so the server can stop.
    pub stopping: watch::Receiver<bool>,
}

/// The state of the last rebuild.
#[derive(Debug, Clone, Default)]
pub struct Status {
    /// Counts rebuilds that changed something; a page that missed events compares it.
    pub version: u64,
    /// The errors of the last rebuild, when it failed.
    pub error: Option<Errors>,
    /// The warnings already printed, so each is printed once, not on every save.
    pub warned: std::collections::HashSet<String>,
}

/// The errors of a failed rebuild, in the order shown (never empty): shared by the status, the
/// events and the error page.
pub type Errors = Arc<[Parts]>;

/// An event for the open pages.
#[derive(Debug, Clone)]
pub enum Message {
    /// These URL paths changed (`*`: everything).
    Reload { version: u64, paths: Vec<String> },
    /// Only these stylesheets changed.
    Css { version: u64, paths: Vec<String> },
    /// The last rebuild failed.
    Broken { errors: Errors },
}

impl Message {
    fn event(&self) -> Event {
        match self {
            Message::Reload { version, paths } => Event::default()
                .event("reload")
                .data(json!({"version": version, "paths": paths}).to_string()),
            Message::Css { version, paths } => Event::default()
                .event("css")
                .data(json!({"version": version, "paths": paths}).to_string()),
            Message::Broken { errors } => Event::default()
                .event("broken")
                .data(json!({ "errors": &errors[..] }).to_string()),
        }
    }
}

/// Every route, behind the host check: `layer` (unlike `route_layer`) also covers the
/// fallback, so no path, known or not, answers a foreign host.
pub fn router(shared: Arc<Shared>, hosts: Arc<AllowedHosts>) -> Router {
    Router::new()
        .route("/__shishin/reload.js", get(reload_js))
        .route("/__shishin/events", get(events))
        .route("/__shishin/error", get(error_page))
        .fallback(get(file))
        .with_state(shared)
        .layer(middleware::from_fn_with_state(hosts, host::check))
}

async fn reload_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        overlay::script(),
    )
        .into_response()
}

/// The event stream: first the current state, then every rebuild's message.
async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = shared.events.subscribe();
    let status = shared.status.read().expect("status lock").clone();
    let hello = Event::default()
        .event("hello")
        .data(json!({"version": status.version, "errors": status.error.as_deref()}).to_string());
    let updates = stream::unfold(receiver, |mut receiver| async move {
        loop {
            match receiver.recv().await {
                Ok(message) => return Some((message.event(), receiver)),
                // Too slow to keep up: the next hello (on reconnect) sorts it out.
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    let mut stopping = shared.stopping.clone();
    let stop = async move {
        let _ = stopping.wait_for(|&s| s).await;
    };
    let stream = stream::once(async { hello })
        .chain(updates)
        .take_until(stop)
        .map(Ok);
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The errors of the last rebuild as a page, in Japanese unless `?lang=en` asks for English.
async fn error_page(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let error = shared.status.read().expect("status lock").error.clone();
    let lang = uri
        .query()
        .into_iter()
        .flat_map(|q| q.split('&'))
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(Lang::from_code)
        .unwrap_or(Lang::Ja);
    match error {
        Some(errors) => html(StatusCode::OK, overlay::page(&errors, lang).into_bytes()),
        None => (StatusCode::NOT_FOUND, both(&msg!("http-no-error"))).into_response(),
    }
}

/// A plain-text answer in both languages, Japanese first: a browser's request does not say
/// which page language it comes from.
fn both(text: &Text) -> String {
    format!("{}\n{}\n", text.ja(), text.en())
}

/// Every other path: a file of the site.
async fn file(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let Some(rel) = safe_path(uri.path()) else {
        return (StatusCode::BAD_REQUEST, both(&msg!("http-bad-path"))).into_response();
    };
    let found = {
        let preview = shared.preview.read().expect("preview lock");
        lookup(&preview, &rel)
    };
    match found {
        Found::File(name, content) => respond(&name, content),
        Found::Redirect => {
            let location = folder_location(uri.path(), uri.query());
            (
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, location)],
            )
                .into_response()
        }
        Found::Missing(page) => {
            let error = shared.status.read().expect("status lock").error.clone();
            match (page, error) {
                (Some(content), _) => respond_with(StatusCode::NOT_FOUND, "404.html", content),
                (None, Some(errors)) => {
                    let lang = urls::split_lang(&rel).0;
                    html(StatusCode::OK, overlay::page(&errors, lang).into_bytes())
                }
                (None, None) => {
                    (StatusCode::NOT_FOUND, both(&msg!("http-not-found"))).into_response()
                }
            }
        }
    }
}

enum Found {
    File(String, Content),
    /// A folder asked for without its trailing slash.
    Redirect,
    /// Nothing there: the site's 404 page in the path's language, when it has one.
    Missing(Option<Content>),
}

fn lookup(preview: &Preview, rel: &str) -> Found {
    let name = if rel.is_empty() || rel.ends_with('/') {
        urls::index_of(rel)
    } else {
        rel.to_string()
    };
    if let Some(content) = preview.get(&name) {
        return Found::File(name, content);
    }
    if !rel.is_empty()
        && !rel.ends_with('/')
        && preview.get(&urls::index_of(&format!("{rel}/"))).is_some()
    {
        return Found::Redirect;
    }
    let lang = urls::split_lang(rel).0;
    Found::Missing(preview.get(&Generated::NotFound.file(lang)))
}

fn respond(name: &str, content: Content) -> Response {
    respond_with(StatusCode::OK, name, content)
}

fn respond_with(status: StatusCode, name: &str, content: Content) -> Response {
    let bytes = match content {
        Content::Text(t) => t.into_bytes(),
        Content::Copy(path) => match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                let text = msg!(
                    "cannot-read",
                    path = path.display().to_string(),
                    why = e.to_string()
                );
                return (StatusCode::NOT_FOUND, both(&text)).into_response();
            }
        },
    };
    if name.ends_with(".html") {
        return html(status, inject(bytes));
    }
    let mime = mime_guess::from_path(name).first_or_octet_stream();
    let mut mime = mime.essence_str().to_string();
    if mime.starts_with("text/") || mime.ends_with("json") || mime.ends_with("xml") {
        mime.push_str("; charset=utf-8");
    }
    let mut response = (status, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&mime)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn html(status: StatusCode, body: Vec<u8>) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// Adds the live-reload script before `</body>` (served pages only; `build` never does this).
fn inject(mut html: Vec<u8>) -> Vec<u8> {
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    html.splice(at..at, RELOAD_TAG.bytes());
    html
}

/// Where a folder asked for without its trailing slash lives: the path with the slash, and the
/// query kept (`/search?q=%E5%9C%A8` → `/search/?q=%E5%9C%A8`), so a search link or a bookmark
/// with parameters still works. Both parts stay as received, except that bytes a header cannot
/// carry as text (raw UTF-8, controls, spaces) are percent-encoded.
fn folder_location(path: &str, query: Option<&str>) -> String {
    let mut location = format!("{}/", encode_unsafe(path));
    if let Some(query) = query {
        location.push('?');
        location.push_str(&encode_unsafe(query));
    }
    location
}

/// Percent-encodes everything but visible ASCII; `%` itself stays, as it already encodes.
fn encode_unsafe(text: &str) -> String {
    const UNSAFE: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS.add(b' ');
    percent_encoding::utf8_percent_encode(text, UNSAFE).to_string()
}

/// The request path as a path below the site root, or `None` when it must be refused: it does
/// not start with `/`, does not decode to UTF-8, or has `..`, `.`, empty segments (`//x`, which
/// some servers read as an absolute path), backslashes or NUL — also when they were
/// percent-encoded (`%2e%2e`, `%2f`, `%5c`).
pub fn safe_path(raw: &str) -> Option<String> {
    let rest = raw.strip_prefix('/')?;
    let decoded = percent_encoding::percent_decode_str(rest)
        .decode_utf8()
        .ok()?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        let empty_inside = segment.is_empty() && i != last;
        if empty_inside || *segment == "." || *segment == ".." || segment.contains(':') {
            return None;
        }
    }
    Some(decoded.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_pass() {
        assert_eq!(safe_path("/").as_deref(), Some(""));
        assert_eq!(safe_path("/en/a/b/").as_deref(), Some("en/a/b/"));
        assert_eq!(safe_path("/style.css").as_deref(), Some("style.css"));
        assert_eq!(
            safe_path("/tags/%E5%9C%A8%E5%AE%85/").as_deref(),
            Some("tags/在宅/")
        );
    }

    #[test]
    fn traversal_is_refused_however_it_is_spelled() {
        for raw in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/a%2f..%2f..%2fetc",
            "/..%5c..%5cwindows",
            "//etc/passwd",
            "/./index.html",
            "/C:/Windows/win.ini",
            "/a%00b",
            "/%ff%fe",
            "relative",
        ] {
            assert_eq!(safe_path(raw), None, "{raw}");
        }
    }

    #[test]
    fn a_folder_redirect_keeps_the_query() {
        assert_eq!(folder_location("/search", None), "/search/");
        assert_eq!(
            folder_location("/search", Some("q=%E5%9C%A8%E5%AE%85")),
            "/search/?q=%E5%9C%A8%E5%AE%85"
        );
        assert_eq!(
            folder_location("/search", Some("q=在宅&lang=ja")),
            "/search/?q=%E5%9C%A8%E5%AE%85&lang=ja"
        );
        assert_eq!(folder_location("/en/guide", Some("")), "/en/guide/?");
        assert_eq!(
            folder_location("/tags/%E5%9C%A8%E5%AE%85", None),
            "/tags/%E5%9C%A8%E5%AE%85/"
        );
    }

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let html = inject(b"<html><body><p>x</p></body></html>".to_vec());
        let html = String::from_utf8(html).unwrap();
        assert!(
            html.ends_with(&format!("{RELOAD_TAG}</body></html>")),
            "{html}"
        );
    }
}
