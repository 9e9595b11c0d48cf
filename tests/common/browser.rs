//! Headless Chromium with one page, driven over the DevTools protocol, for the tests that need a
//! real browser (gated like every e2e test: skipped where Chromium is missing, unless
//! `SHISHIN_E2E` is set, as `.ci/run` does after installing it).

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
    socket: tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
    next_id: u64,
}

impl Browser {
    const PATH: &'static str = "/usr/bin/chromium";

    /// `None` (with a note) where Chromium is not installed, unless `SHISHIN_E2E` demands it.
    pub fn start_if_installed() -> Option<Browser> {
        if !std::path::Path::new(Self::PATH).exists() {
            assert!(
                std::env::var_os("SHISHIN_E2E").is_none(),
                "SHISHIN_E2E is set but {} is missing",
                Self::PATH
            );
            eprintln!(
                "skipped: {} is not installed (apt-get install -y chromium)",
                Self::PATH
            );
            return None;
        }
        let profile = tempfile::tempdir().unwrap();
        let child = Command::new(Self::PATH)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
                "--window-size=1000,700",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromium");
        // Chromium writes the port it chose into the profile.
        let port_file = profile.path().join("DevToolsActivePort");
        let deadline = Instant::now() + Duration::from_secs(30);
        let port = loop {
            let text = std::fs::read_to_string(&port_file).unwrap_or_default();
            if let Some(port) = text.lines().next().and_then(|l| l.parse::<u16>().ok()) {
                break port;
            }
            assert!(Instant::now() < deadline, "chromium did not start");
            std::thread::sleep(Duration::from_millis(50));
        };
        let list = ureq::get(&format!("http://127.0.0.1:{port}/json/list"))
            .call()
            .unwrap()
            .into_string()
            .unwrap();
        let targets: serde_json::Value = serde_json::from_str(&list).unwrap();
        let ws = targets
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["type"] == "page")
            .and_then(|t| t["webSocketDebuggerUrl"].as_str())
            .expect("a page target")
            .to_string();
        let (socket, _) = tungstenite::connect(ws).expect("DevTools socket");
        Some(Browser {
            child,
            _profile: profile,
            socket,
            next_id: 0,
        })
    }

    pub fn call(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        self.next_id += 1;
        let id = self.next_id;
        let request = serde_json::json!({"id": id, "method": method, "params": params});
        self.socket
            .send(tungstenite::Message::text(request.to_string()))
            .unwrap();
        loop {
            let message = self.socket.read().expect("DevTools reply");
            let Ok(text) = message.to_text() else {
                continue;
            };
            let reply: serde_json::Value = serde_json::from_str(text).unwrap();
            if reply["id"] == id {
                return reply;
            }
        }
    }

    /// Starts loading `url`, without waiting (the page may redirect, or reload by itself).
    pub fn navigate(&mut self, url: &str) {
        self.call("Page.navigate", serde_json::json!({ "url": url }));
    }

    /// A key pressed and released, as the keyboard sends it.
    pub fn press(&mut self, key: &str, code: u32) {
        for kind in ["keyDown", "keyUp"] {
            self.call(
                "Input.dispatchKeyEvent",
                serde_json::json!({"type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code}),
            );
        }
    }

    /// Opens `url` and waits until its page has loaded.
    pub fn open(&mut self, url: &str) {
        self.call("Page.navigate", serde_json::json!({ "url": url }));
        let href = serde_json::to_string(url).unwrap();
        self.wait_until(&format!(
            "location.href === {href} && document.readyState === 'complete'"
        ));
    }

    /// Evaluates JavaScript in the page; the value as JSON text (`""` while the page loads).
    pub fn eval(&mut self, expression: &str) -> String {
        let reply = self.call(
            "Runtime.evaluate",
            serde_json::json!({"expression": expression, "returnByValue": true}),
        );
        reply["result"]["result"]["value"].to_string()
    }

    /// Evaluates JavaScript whose value is a string, and returns that string.
    pub fn text(&mut self, expression: &str) -> String {
        let json = self.eval(expression);
        serde_json::from_str(&json).unwrap_or_else(|_| panic!("{expression} gave {json}"))
    }

    /// Styles the page as for print (`@media print`, the stylesheets with `media="print"`).
    pub fn emulate_print(&mut self) {
        self.call(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "media": "print" }),
        );
    }

    pub fn wait_until(&mut self, condition: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.eval(condition) != "true" {
            assert!(Instant::now() < deadline, "never became true: {condition}");
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
