//! Which host names the preview answers to.
//!
//! Listening on loopback is not enough to keep drafts private. A web page the author visits
//! can point a domain of its own at 127.0.0.1 (DNS rebinding); the browser then treats the
//! preview as part of that page's site and lets its scripts read every page, the event stream
//! and anything a content symlink reaches. The browser still sends the page's domain in the
//! `Host` header, so answering only the names the author really uses (`localhost`, the
//! loopback addresses, the `--bind` address and names allowed with `--allow-host`) and refusing
//! every other name with 403 closes the hole.

use std::net::{IpAddr, Ipv6Addr};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::msg;

const REFUSED_HTML: &str = include_str!("refused.html");

/// The host names a request may name, each in the spelling of [`normalize`].
#[derive(Debug, Clone)]
pub struct AllowedHosts {
    names: Vec<String>,
    /// The port the preview listens on, for the address the refusal page links to.
    port: u16,
}

impl AllowedHosts {
    /// The loopback names, the address the server listens on, and the names the author allowed.
    /// `extra` holds names already checked by [`allowed_host_name`]; one that is not is ignored.
    pub fn new(bind: IpAddr, port: u16, extra: &[String]) -> AllowedHosts {
        let mut names = vec![
            "localhost".to_string(),
            "127.0.0.1".to_string(),
            "::1".to_string(),
            bind.to_string(),
        ];
        names.extend(extra.iter().filter_map(|name| normalize(name)));
        names.sort();
        names.dedup();
        AllowedHosts { names, port }
    }

    /// Whether a `Host` value (a name or address, with or without a port) is allowed.
    pub fn allows(&self, host: &str) -> bool {
        normalize(host).is_some_and(|name| self.names.contains(&name))
    }

    /// Why a request must be refused, or `None` when it may be answered. Every name the
    /// request gives must be allowed: the `Host` headers and, for a request written with a full
    /// URL (`GET http://name/ HTTP/1.1`), that URL's host, which servers are told to prefer.
    /// A request that names no host at all (HTTP/1.0 without `Host`) is refused: browsers always
    /// send one, so refusing costs no author anything, and no request goes unchecked.
    fn refusal(&self, request: &Request) -> Option<Refusal> {
        let mut named = Vec::new();
        if let Some(authority) = request.uri().authority() {
            named.push(Some(authority.as_str()));
        }
        for value in request.headers().get_all(header::HOST) {
            named.push(value.to_str().ok());
        }
        if named.is_empty() {
            return Some(Refusal::NoHost);
        }
        named.into_iter().find_map(|host| match host {
            Some(host) if self.allows(host) => None,
            Some(host) => Some(Refusal::Foreign(normalize(host))),
            None => Some(Refusal::Foreign(None)),
        })
    }
}

/// Why a request was refused.
#[derive(Debug, PartialEq)]
enum Refusal {
    /// The request named no host.
    NoHost,
    /// It named a host that is not allowed (`None`: one that is not even a valid name).
    Foreign(Option<String>),
}

/// Runs before every route (pages, files, the event stream, the error page): a request for
/// another host never reaches them.
pub async fn check(
    State(hosts): State<Arc<AllowedHosts>>,
    request: Request,
    next: Next,
) -> Response {
    match hosts.refusal(&request) {
        None => next.run(request).await,
        Some(refusal) => refused(&refusal, hosts.port),
    }
}

/// 403 with a short page that holds nothing of the site.
fn refused(refusal: &Refusal, port: u16) -> Response {
    (
        StatusCode::FORBIDDEN,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        refusal_page(refusal, port),
    )
        .into_response()
}

/// The refusal in Japanese, then English: what happened, why, and how to allow a name on
/// purpose.
fn refusal_page(refusal: &Refusal, port: u16) -> String {
    let (name, option) = match refusal {
        Refusal::NoHost => (msg!("refused-no-host"), "NAME".to_string()),
        Refusal::Foreign(Some(name)) => {
            let shown = crate::markdown::escape(&bracketed(name));
            (msg!("refused-name", name = &shown), shown)
        }
        Refusal::Foreign(None) => (msg!("refused-malformed-name"), "NAME".to_string()),
    };
    REFUSED_HTML
        .replace("{{name_ja}}", name.ja())
        .replace("{{name_en}}", name.en())
        .replace("{{option}}", &option)
        .replace("{{home}}", &format!("http://localhost:{port}/"))
}

/// An IPv6 address as it is written in a URL (`[::1]`), so the suggested option can be copied.
fn bracketed(name: &str) -> String {
    if name.contains(':') {
        format!("[{name}]")
    } else {
        name.to_string()
    }
}

/// Checks a `--allow-host` value: a host name or an IP address, with or without a port (which
/// is ignored). The error says what to write instead, in the terminal's language (the command
/// line's parser prints it).
pub fn allowed_host_name(value: &str) -> Result<String, String> {
    normalize(value).ok_or_else(|| {
        crate::messages::say(&msg!("allow-host-not-a-host", value = value)).to_string()
    })
}

/// One spelling for a host: lower case, no port, no IPv6 brackets, IP addresses in their
/// canonical form (`[0:0:0:0:0:0:0:1]:80` → `::1`). `None` when it is not a host name or
/// address, so such a name never matches.
pub fn normalize(value: &str) -> Option<String> {
    // A bare IPv6 address (`::1`) has colons that are not a port.
    if let Ok(ip) = value.parse::<IpAddr>() {
        return Some(ip.to_string());
    }
    if let Some(rest) = value.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        if !after.is_empty() && !is_port(after.strip_prefix(':')?) {
            return None;
        }
        return inside.parse::<Ipv6Addr>().ok().map(|ip| ip.to_string());
    }
    let name = match value.split_once(':') {
        Some((name, port)) if is_port(port) => name,
        Some(_) => return None,
        None => value,
    };
    let allowed = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_';
    if name.is_empty() || !name.bytes().all(allowed) {
        return None;
    }
    let name = name.to_ascii_lowercase();
    Some(match name.parse::<IpAddr>() {
        Ok(ip) => ip.to_string(),
        Err(_) => name,
    })
}

/// A port as `Host` may carry it: digits only (possibly none, which HTTP allows).
fn is_port(port: &str) -> bool {
    port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn loopback() -> AllowedHosts {
        AllowedHosts::new("127.0.0.1".parse().unwrap(), 1111, &[])
    }

    #[test]
    fn loopback_names_pass_with_any_port() {
        let hosts = loopback();
        for host in [
            "localhost",
            "localhost:1111",
            "LocalHost:8080",
            "127.0.0.1",
            "127.0.0.1:1111",
            "[::1]",
            "[::1]:1111",
            "[0:0:0:0:0:0:0:1]:1111",
            "localhost:",
        ] {
            assert!(hosts.allows(host), "{host}");
        }
    }

    #[test]
    fn other_names_are_refused() {
        let hosts = loopback();
        for host in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "localhost.",
            "127.0.0.2",
            "0.0.0.0",
            "[::2]:1111",
            "",
            "localhost:port",
            "localhost:1111:1111",
            "[::1",
            "[::1]x",
            "local host",
            "ｌｏｃａｌｈｏｓｔ",
        ] {
            assert!(!hosts.allows(host), "{host}");
        }
    }

    #[test]
    fn the_bind_address_and_allowed_names_pass() {
        let hosts = AllowedHosts::new(
            "192.168.1.5".parse().unwrap(),
            1111,
            &["MyPC.local".to_string(), "[fe80::1]:80".to_string()],
        );
        assert!(hosts.allows("192.168.1.5:1111"));
        assert!(hosts.allows("mypc.local:1111"));
        assert!(hosts.allows("MYPC.LOCAL"));
        assert!(hosts.allows("[fe80::1]"));
        assert!(hosts.allows("localhost"));
        assert!(!hosts.allows("192.168.1.6"));
        assert!(!hosts.allows("other.local"));
    }

    #[test]
    fn an_ipv6_bind_address_is_matched_in_brackets() {
        let hosts = AllowedHosts::new("fd00::5".parse().unwrap(), 1111, &[]);
        assert!(hosts.allows("[fd00::5]:1111"));
        assert!(hosts.allows("[FD00:0::5]"));
    }

    #[test]
    fn allow_host_values_are_checked_with_a_hint() {
        assert_eq!(allowed_host_name("MyPC.local").unwrap(), "mypc.local");
        assert_eq!(allowed_host_name("mypc.local:1111").unwrap(), "mypc.local");
        assert_eq!(allowed_host_name("::1").unwrap(), "::1");
        for bad in ["http://mypc.local/", "mypc.local/x", "", "a b", "*"] {
            let error = allowed_host_name(bad).unwrap_err();
            assert!(error.contains("--allow-host mypc.local"), "{error}");
        }
    }

    fn request(uri: &str, hosts: &[&str]) -> Request {
        let mut builder = Request::builder().uri(uri);
        for host in hosts {
            builder = builder.header(header::HOST, *host);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn every_name_a_request_gives_must_be_allowed() {
        let hosts = loopback();
        assert_eq!(hosts.refusal(&request("/", &["localhost:1"])), None);
        assert_eq!(
            hosts.refusal(&request("/", &[])),
            Some(Refusal::NoHost),
            "no Host header"
        );
        assert_eq!(
            hosts.refusal(&request("/", &["localhost", "evil.example"])),
            Some(Refusal::Foreign(Some("evil.example".into())))
        );
        assert_eq!(
            hosts.refusal(&request("http://evil.example/", &["localhost"])),
            Some(Refusal::Foreign(Some("evil.example".into())))
        );
        assert_eq!(
            hosts.refusal(&request("http://localhost:1/", &[])),
            None,
            "a full URL names its host"
        );
    }

    #[test]
    fn the_refusal_page_escapes_the_name_and_says_how_to_allow_it() {
        let page = refusal_page(&Refusal::Foreign(Some("a<b".into())), 1111);
        assert!(page.contains("a&lt;b") && !page.contains("a<b"), "{page}");
        let page = refusal_page(&Refusal::Foreign(Some("fe80::1".into())), 1111);
        assert!(page.contains("--allow-host [fe80::1]"), "{page}");
        let ja = page.find("下書き").expect("Japanese");
        let en = page.find("drafts").expect("English");
        assert!(ja < en, "Japanese first");
        let page = refusal_page(&Refusal::NoHost, 1111);
        assert!(page.contains("--allow-host NAME"), "{page}");
        assert!(page.contains("http://localhost:1111/"), "{page}");
        assert_eq!(
            refused(&Refusal::NoHost, 1111).status(),
            StatusCode::FORBIDDEN
        );
    }
}
