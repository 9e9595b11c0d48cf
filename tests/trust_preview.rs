//! The preview keeps drafts on the author's machine: the real `shishin serve` answers only the
//! host names the author uses (so a DNS-rebinding page cannot read it), sends no CORS headers,
//! and its redirects keep the query string. Requests are written by hand, so the `Host` header
//! and the path reach the server exactly as given.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::TestSite;

/// A running `shishin serve` on a port the system chose.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(site: &TestSite, extra: &[&str]) -> Server {
        let mut child = common::shishin()
            .args(["serve", "--port", "0"])
            .args(extra)
            .arg("--root")
            .arg(site.dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start shishin serve");
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let deadline = Instant::now() + Duration::from_secs(30);
        let port = loop {
            assert!(Instant::now() < deadline, "the server never started");
            let mut line = String::new();
            let n = stdout.read_line(&mut line).unwrap();
            assert!(n > 0, "the server exited before serving");
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                break rest.split('/').next().unwrap().parse().unwrap();
            }
        };
        // Drained so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            let _ = std::io::copy(&mut stdout, &mut std::io::sink());
        });
        Server { child, port }
    }

    /// Sends `request` (everything before the blank line) and reads the response up to
    /// `limit` bytes or until the server closes the connection.
    fn send(&self, request: &str, limit: usize) -> Response {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(stream, "{request}\r\n\r\n").unwrap();
        let mut bytes = Vec::new();
        let mut buffer = [0u8; 4096];
        while bytes.len() < limit {
            match stream.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => bytes.extend_from_slice(&buffer[..n]),
                Err(e) => panic!("reading the response to {request:?}: {e}"),
            }
            if limit == usize::MAX {
                continue;
            }
            // A stream that never ends: stop once the headers are in.
            if bytes.windows(4).any(|w| w == b"\r\n\r\n") {
                break;
            }
        }
        Response::parse(&String::from_utf8_lossy(&bytes))
    }

    /// GET `path` with this `Host` header, the whole response.
    fn get(&self, path: &str, host: &str) -> Response {
        self.send(
            &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close"),
            usize::MAX,
        )
    }

    /// GET the event stream with this `Host`: only its status and headers, as it never ends
    /// when answered.
    fn events_head(&self, host: &str) -> Response {
        self.send(
            &format!("GET /__shishin/events HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream"),
            64 * 1024,
        )
    }

    fn host(&self, name: &str) -> String {
        format!("{name}:{}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Response {
    status: u16,
    /// Header names in lower case, with their values.
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn parse(text: &str) -> Response {
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((text, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("not an HTTP response: {text:?}"));
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Response {
            status,
            headers,
            body: body.to_string(),
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A refusal as the author should see it: 403, the explanation in both languages with the
    /// option that allows a name, and nothing of the site.
    fn assert_refused(&self, what: &str) {
        assert_eq!(self.status, 403, "{what}: {}", self.body);
        assert!(self.body.contains("下書き"), "{what}: {}", self.body);
        assert!(self.body.contains("drafts"), "{what}: {}", self.body);
        assert!(self.body.contains("--allow-host"), "{what}: {}", self.body);
        for secret in [
            SECRET,
            "__shishin/reload.js",
            "テストガイド",
            "event: hello",
        ] {
            assert!(!self.body.contains(secret), "{what} leaks {secret}");
        }
    }
}

const SECRET: &str = "まだ公開しない下書きの本文。";

fn site_with_draft() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/guide/_index.md",
        "---\ntitle: 手引き\n---\n手引きの一覧。\n",
    );
    site.write(
        "content/guide/plan.md",
        &format!("---\ntitle: 計画案\ndraft: true\n---\n{SECRET}\n"),
    );
    site
}

#[test]
fn a_foreign_host_is_refused_on_every_route() {
    let site = site_with_draft();
    let server = Server::start(&site, &[]);
    for host in [
        "evil.example".to_string(),
        server.host("evil.example"),
        server.host("EVIL.example"),
        server.host("127.0.0.1.nip.io"),
        server.host("localhost.evil.example"),
    ] {
        for path in [
            "/guide/plan/",
            "/",
            "/guide/plan",
            "/__shishin/reload.js",
            "/__shishin/error",
            "/search/index.js",
            "/no/such/page/",
            "/../site.yaml",
        ] {
            server
                .get(path, &host)
                .assert_refused(&format!("{host} {path}"));
        }
        server
            .events_head(&host)
            .assert_refused(&format!("{host} event stream"));
    }
    // The page names the refused host and the exact option that would allow it.
    let refused = server.get("/guide/plan/", &server.host("evil.example"));
    assert!(
        refused.body.contains("--allow-host evil.example"),
        "{}",
        refused.body
    );
    let home = format!("http://localhost:{}/", server.port);
    assert!(refused.body.contains(&home), "{}", refused.body);
    assert!(refused
        .header("content-type")
        .is_some_and(|t| t.starts_with("text/html")));
}

#[test]
fn loopback_names_are_answered_with_any_port() {
    let site = site_with_draft();
    let server = Server::start(&site, &[]);
    for host in [
        server.host("localhost"),
        server.host("LocalHost"),
        server.host("127.0.0.1"),
        server.host("[::1]"),
        "localhost".to_string(),
        "127.0.0.1:80".to_string(),
    ] {
        let page = server.get("/guide/plan/", &host);
        assert_eq!(page.status, 200, "{host}");
        assert!(page.body.contains(SECRET), "{host}");
        let events = server.events_head(&host);
        assert_eq!(events.status, 200, "{host} event stream");
        assert_eq!(
            events.header("content-type"),
            Some("text/event-stream"),
            "{host}"
        );
    }
}

#[test]
fn a_request_naming_no_host_or_another_in_its_url_is_refused() {
    let site = site_with_draft();
    let server = Server::start(&site, &[]);
    // HTTP/1.0 without a Host header: browsers always send one, so this is refused.
    server
        .send("GET /guide/plan/ HTTP/1.0", usize::MAX)
        .assert_refused("no Host");
    // A full URL in the request line names its host; it must be allowed too.
    server
        .send(
            &format!(
                "GET http://evil.example/guide/plan/ HTTP/1.1\r\nHost: {}\r\nConnection: close",
                server.host("localhost")
            ),
            usize::MAX,
        )
        .assert_refused("absolute URL");
    // Two Host headers: each must be allowed.
    server
        .send(
            &format!(
                "GET /guide/plan/ HTTP/1.1\r\nHost: {}\r\nHost: evil.example\r\nConnection: close",
                server.host("localhost")
            ),
            usize::MAX,
        )
        .assert_refused("a second Host");
}

#[test]
fn allow_host_accepts_a_name_on_purpose() {
    let site = site_with_draft();
    let server = Server::start(
        &site,
        &["--allow-host", "shishin.test", "--allow-host", "MyPC.local"],
    );
    for host in [
        server.host("shishin.test"),
        server.host("Shishin.TEST"),
        server.host("mypc.local"),
        server.host("localhost"),
    ] {
        let page = server.get("/guide/plan/", &host);
        assert_eq!(page.status, 200, "{host}");
        assert!(page.body.contains(SECRET), "{host}");
    }
    server
        .get("/guide/plan/", &server.host("evil.example"))
        .assert_refused("a name not allowed");
    server
        .events_head(&server.host("evil.example"))
        .assert_refused("a name not allowed, event stream");
}

#[test]
fn a_malformed_allow_host_is_a_clear_error() {
    let site = site_with_draft();
    let run = site.run(&["serve", "--port", "0", "--allow-host", "http://mypc.local/"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("--allow-host mypc.local"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_folder_redirect_keeps_the_query() {
    let site = site_with_draft();
    let server = Server::start(&site, &[]);
    let host = server.host("localhost");
    let encoded = "q=%E5%9C%A8%E5%AE%85";
    let response = server.get(&format!("/search?{encoded}"), &host);
    assert_eq!(response.status, 301);
    assert_eq!(
        response.header("location"),
        Some(format!("/search/?{encoded}").as_str())
    );
    let response = server.get(&format!("/guide?{encoded}&lang=ja"), &host);
    assert_eq!(response.status, 301);
    assert_eq!(
        response.header("location"),
        Some(format!("/guide/?{encoded}&lang=ja").as_str())
    );
    // Typed in the address bar without encoding: kept, and encoded so the header is plain ASCII.
    let response = server.get("/search?q=在宅", &host);
    assert_eq!(
        response.header("location"),
        Some(format!("/search/?{encoded}").as_str())
    );
    let response = server.get("/guide", &host);
    assert_eq!(response.header("location"), Some("/guide/"));
}

#[test]
fn no_response_carries_cors_headers() {
    let site = site_with_draft();
    let server = Server::start(&site, &[]);
    let host = server.host("localhost");
    let origin = "Origin: http://evil.example";
    let mut responses = Vec::new();
    for path in [
        "/guide/plan/",
        "/guide",
        "/__shishin/reload.js",
        "/__shishin/error",
        "/no/such/page/",
    ] {
        responses.push((
            path.to_string(),
            server.send(
                &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n{origin}\r\nConnection: close"),
                usize::MAX,
            ),
        ));
    }
    responses.push((
        "preflight".to_string(),
        server.send(
            &format!(
                "OPTIONS /guide/plan/ HTTP/1.1\r\nHost: {host}\r\n{origin}\r\nAccess-Control-Request-Method: GET\r\nConnection: close"
            ),
            usize::MAX,
        ),
    ));
    responses.push((
        "event stream".to_string(),
        server.send(
            &format!("GET /__shishin/events HTTP/1.1\r\nHost: {host}\r\n{origin}"),
            64 * 1024,
        ),
    ));
    responses.push((
        "refusal".to_string(),
        server.get("/guide/plan/", "evil.example"),
    ));
    for (what, response) in responses {
        assert!(
            response
                .headers
                .iter()
                .all(|(k, _)| !k.starts_with("access-control-")),
            "{what}: {:?}",
            response.headers
        );
        assert_eq!(response.header("access-control-allow-origin"), None);
    }
}
