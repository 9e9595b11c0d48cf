//! `shishin serve` as a user meets it: the real binary on a free loopback port, real HTTP, the
//! real event stream, real file edits.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::browser::Browser;
use common::TestSite;

/// A running `shishin serve` on a port the system chose.
struct Server {
    child: Child,
    port: u16,
    /// What the server printed after its start line.
    log: std::sync::mpsc::Receiver<String>,
}

impl Server {
    fn start(site: &TestSite) -> Server {
        let mut child = common::shishin()
            .args(["serve", "--port", "0", "--root"])
            .arg(site.dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start shishin serve");
        let (tx, log) = std::sync::mpsc::channel();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        std::thread::spawn(move || {
            for line in stdout.lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            // Drained so the server never blocks on a full pipe.
            let _ = std::io::copy(&mut BufReader::new(stderr), &mut std::io::sink());
        });
        let mut server = Server {
            child,
            port: 0,
            log,
        };
        let line = server.wait_for_line("serving ");
        let port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        server.port = port;
        server
    }

    fn wait_for_line(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.log.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => continue,
                Err(_) => break,
            }
        }
        panic!("the server never printed {needle:?}");
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// GET: the status and the body.
    fn get(&self, path: &str) -> (u16, String) {
        let agent = ureq::AgentBuilder::new()
            .redirects(0)
            .timeout(Duration::from_secs(10))
            .build();
        match agent.get(&self.url(path)).call() {
            Ok(r) => (r.status(), r.into_string().unwrap()),
            Err(ureq::Error::Status(code, r)) => (code, r.into_string().unwrap_or_default()),
            Err(e) => panic!("GET {path}: {e}"),
        }
    }

    /// A request written by hand, so the path reaches the server exactly as given.
    fn raw_status(&self, path: &str) -> u16 {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response.split(' ').nth(1).unwrap_or_default();
        status.parse().unwrap_or_else(|_| panic!("{response}"))
    }

    fn events(&self) -> Events {
        let agent = ureq::AgentBuilder::new()
            .timeout_read(Duration::from_secs(20))
            .build();
        let response = agent.get(&self.url("/__shishin/events")).call().unwrap();
        assert_eq!(response.content_type(), "text/event-stream");
        let mut events = Events {
            reader: BufReader::new(response.into_reader()),
        };
        let (kind, _) = events.next();
        assert_eq!(kind, "hello");
        events
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The server's event stream.
struct Events {
    reader: BufReader<Box<dyn Read + Send + Sync>>,
}

impl Events {
    /// The next event: its name and data.
    fn next(&mut self) -> (String, String) {
        let (mut kind, mut data) = (String::new(), String::new());
        loop {
            let mut line = String::new();
            let n = self.reader.read_line(&mut line).expect("event stream");
            assert!(n > 0, "the event stream ended");
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                if !kind.is_empty() {
                    return (kind, data);
                }
            } else if let Some(k) = line.strip_prefix("event:") {
                kind = k.trim().to_string();
            } else if let Some(d) = line.strip_prefix("data:") {
                data.push_str(d.trim_start());
            }
        }
    }

    /// Skips events until one named `kind`.
    fn until(&mut self, kind: &str) -> String {
        loop {
            let (k, data) = self.next();
            if k == kind {
                return data;
            }
        }
    }
}

fn site_with_pages() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/guide/_index.md",
        "---\ntitle: 手引き\n---\n手引きの一覧。\n",
    );
    site.write(
        "content/guide/plan.md",
        "---\ntitle: 計画案\ndraft: true\n---\n最初の文。\n\n## 見出し\n\n[ホーム](@/_index.md)\n",
    );
    site
}

#[test]
fn an_edit_reloads_with_the_new_content() {
    let site = site_with_pages();
    let server = Server::start(&site);
    let (status, page) = server.get("/guide/plan/");
    assert_eq!(status, 200);
    assert!(page.contains("最初の文。"));
    // Served pages carry the reload script; drafts are included and marked.
    assert!(page.contains("/__shishin/reload.js"));
    assert!(page.contains("draft"), "no draft mark in {page}");

    let mut events = server.events();
    site.write(
        "content/guide/plan.md",
        "---\ntitle: 計画案\ndraft: true\n---\n書き換えた文。\n",
    );
    let data = events.until("reload");
    assert!(data.contains("\"/guide/plan/\""), "{data}");
    let (_, page) = server.get("/guide/plan/");
    assert!(page.contains("書き換えた文。"));
    assert!(!page.contains("最初の文。"));
}

#[test]
fn a_broken_front_matter_shows_the_error_and_a_fix_recovers() {
    let site = site_with_pages();
    let mut server = Server::start(&site);
    let mut events = server.events();
    site.write(
        "content/guide/plan.md",
        "---\ntitle: [計画案\n---\n壊れた。\n",
    );
    let data = events.until("broken");
    assert!(data.contains("content/guide/plan.md:2"), "{data}");
    server.wait_for_line("still serving the last good build");

    // The server still answers, with the last good page, and shows the error on its own page.
    let (status, page) = server.get("/guide/plan/");
    assert_eq!(status, 200);
    assert!(page.contains("最初の文。"));
    let (status, error) = server.get("/__shishin/error");
    assert_eq!(status, 200);
    assert!(error.contains("content/guide/plan.md:2"), "{error}");

    site.write(
        "content/guide/plan.md",
        "---\ntitle: 計画案\n---\n直した文。\n",
    );
    let data = events.until("reload");
    assert!(data.contains("/guide/plan/"), "{data}");
    assert!(server.get("/guide/plan/").1.contains("直した文。"));
    assert_eq!(server.get("/__shishin/error").0, 404);
}

#[test]
fn a_template_that_writes_a_broken_link_shows_the_error_as_build_fails() {
    let site = site_with_pages();
    let mut server = Server::start(&site);
    let mut events = server.events();
    let template = "themes/default/templates/page.html";
    let good = std::fs::read_to_string(site.path(template)).unwrap();
    let broken = good.replacen(
        "{%- block content %}",
        "{%- block content %}<a href=\"{{ site.base_path }}gone/\">x</a>",
        1,
    );
    assert_ne!(broken, good, "page.html has no content block");
    site.write(template, &broken);

    let data = events.until("broken");
    assert!(data.contains("links to `/gone/`"), "{data}");
    server.wait_for_line("still serving the last good build");
    // The error page is in Japanese unless English is asked for; the message follows it.
    let (_, error) = server.get("/__shishin/error");
    assert!(
        error.contains("は `/gone/` にリンクしていますが"),
        "{error}"
    );
    assert!(!error.contains("links to `/gone/`"), "{error}");
    let (_, error) = server.get("/__shishin/error?lang=en");
    assert!(error.contains("links to `/gone/`"), "{error}");
    assert!(
        error.contains("page.html"),
        "the template is named: {error}"
    );
    let (status, page) = server.get("/guide/plan/");
    assert_eq!(status, 200);
    assert!(!page.contains("/gone/"), "the last good page is served");

    // `build` refuses the same link.
    let run = site.run(&["build", "--drafts"]);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("links to `/zaitaku/gone/`"),
        "{}",
        run.stderr
    );

    site.write(template, &good);
    events.until("reload");
    assert_eq!(server.get("/__shishin/error").0, 404);
}

#[test]
fn an_atomic_save_is_seen() {
    let site = site_with_pages();
    let server = Server::start(&site);
    let mut events = server.events();
    // What many editors do: write a temporary file, then rename it over the page.
    let temp = site.path("content/guide/.goutputstream-X1Y2");
    std::fs::write(&temp, "---\ntitle: 計画案\n---\n名前を変えて保存した文。\n").unwrap();
    std::fs::rename(&temp, site.path("content/guide/plan.md")).unwrap();
    let data = events.until("reload");
    assert!(data.contains("/guide/plan/"), "{data}");
    assert!(server
        .get("/guide/plan/")
        .1
        .contains("名前を変えて保存した文。"));
}

#[test]
fn many_quick_saves_end_with_the_last_one() {
    let site = site_with_pages();
    let server = Server::start(&site);
    let mut events = server.events();
    for i in 0..30 {
        site.write(
            "content/guide/plan.md",
            &format!("---\ntitle: 計画案\n---\n保存{i}回目。\n"),
        );
    }
    events.until("reload");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !server.get("/guide/plan/").1.contains("保存29回目。") {
        assert!(Instant::now() < deadline, "the last save never showed");
        events.until("reload");
    }
}

#[test]
fn new_and_deleted_pages_and_folders() {
    let site = site_with_pages();
    let server = Server::start(&site);
    let mut events = server.events();
    site.write("content/news/_index.md", "---\ntitle: お知らせ\n---\n");
    site.write(
        "content/news/first.md",
        "---\ntitle: 初報\n---\n新しいページ。\n",
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.get("/news/first/").0 != 200 {
        assert!(Instant::now() < deadline, "the new page never appeared");
        events.until("reload");
    }
    std::fs::remove_dir_all(site.path("content/news")).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.get("/news/first/").0 != 404 {
        assert!(
            Instant::now() < deadline,
            "the deleted page is still served"
        );
        events.until("reload");
    }
}

#[test]
fn a_stylesheet_edit_swaps_the_stylesheet() {
    let site = site_with_pages();
    site.write("static/extra.css", "body { margin: 0 }\n");
    let server = Server::start(&site);
    let mut events = server.events();
    site.write("static/extra.css", "body { margin: 2px }\n");
    let data = events.until("css");
    assert!(data.contains("/extra.css"), "{data}");
    assert_eq!(server.get("/extra.css").1, "body { margin: 2px }\n");
}

#[test]
fn traversal_is_refused() {
    let site = site_with_pages();
    let server = Server::start(&site);
    for path in [
        "/../site.yaml",
        "/guide/../../site.yaml",
        "/%2e%2e/site.yaml",
        "/%2E%2E%2Fsite.yaml",
        "/guide%2f..%2f..%2fsite.yaml",
        "/..%5csite.yaml",
        "//etc/passwd",
    ] {
        assert_eq!(server.raw_status(path), 400, "{path}");
    }
    assert_eq!(server.raw_status("/etc/passwd"), 404);
    assert_eq!(server.raw_status("/guide/plan/"), 200);
    assert_eq!(server.raw_status("/guide/plan"), 301);
}

#[test]
fn a_busy_port_is_a_clear_error() {
    let site = site_with_pages();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = site.run(&["serve", "--port", &port]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains(&port), "{}", run.stderr);
    assert!(run.stderr.contains("--port"), "{}", run.stderr);
}

#[test]
fn build_output_never_has_the_reload_script() {
    let site = site_with_pages();
    site.run(&["build", "--drafts"]);
    let page = site.read("guide/plan/index.html");
    assert!(page.contains("最初の文。"));
    assert!(!page.contains("__shishin"));
}

#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let site = site_with_pages();
    let mut server = Server::start(&site);
    let _events = server.events();
    let pid = server.child.id().to_string();
    let killed = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(killed.success());
    server.wait_for_line("stopped");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(Instant::now() < deadline, "the server did not stop");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(TcpStream::connect(("127.0.0.1", server.port)).is_err());
}

/// Chromium driven over the DevTools protocol: an open page reloads after an edit, keeps its
/// scroll position, swaps a stylesheet without reloading, shows a broken edit and recovers.
#[test]
fn an_open_page_in_chromium_follows_the_edits() {
    let Some(mut browser) = Browser::start_if_installed() else {
        return;
    };
    let site = site_with_pages();
    let long_body: String = (1..=80).map(|i| format!("段落{i}。\n\n")).collect();
    let page = |text: &str| format!("---\ntitle: 計画案\n---\n{text}\n\n{long_body}");
    site.write("content/guide/plan.md", &page("最初の文。"));
    let css = std::fs::read_to_string(site.path("themes/default/static/style.css")).unwrap();
    site.write("static/style.css", &css);
    let server = Server::start(&site);

    browser.navigate(&server.url("/guide/plan/"));
    browser.wait_until(
        "document.readyState === 'complete' && document.body.innerText.includes('最初の文。')",
    );
    let y = browser.eval("window.scrollTo({ top: 600, behavior: 'instant' }); window.notReloaded = true; window.scrollY");
    assert_eq!(y, "600");

    // An edit reloads the page, which comes back where it was scrolled to.
    site.write("content/guide/plan.md", &page("書き換えた文。"));
    browser.wait_until(
        "document.readyState === 'complete' && document.body.innerText.includes('書き換えた文。')",
    );
    assert_eq!(browser.eval("window.notReloaded === true"), "false");
    browser.wait_until("Math.abs(window.scrollY - 600) < 2");

    // A stylesheet edit is applied without a reload.
    browser.eval("window.notReloaded = true");
    site.write(
        "static/style.css",
        &format!("{css}\nbody {{ background: rgb(1, 2, 3) }}\n"),
    );
    browser.wait_until("getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)'");
    assert_eq!(browser.eval("window.notReloaded === true"), "true");

    // A broken edit shows the error over the page; the fix takes it away and shows the page.
    site.write("content/guide/plan.md", "---\ntitle: [計画案\n---\n");
    browser.wait_until(
        "(document.getElementById('shishin-build-error')?.shadowRoot?.querySelector('.panel')?.innerText ?? '').includes('content/guide/plan.md:2')",
    );
    site.write("content/guide/plan.md", &page("直した文。"));
    browser.wait_until(
        "document.body.innerText.includes('直した文。') && !document.getElementById('shishin-build-error')",
    );
}

/// What the overlay (or the error page) shows, read in the browser: `root` is the expression of
/// the node that holds the panel.
fn shown_errors(browser: &mut Browser, root: &str) -> serde_json::Value {
    let script = format!(
        "(() => {{ const root = {root}; {OVERLAY_PROBE} return JSON.stringify(probe(root)); }})()"
    );
    let text: String = serde_json::from_str(&browser.eval(&script)).expect("a JSON string");
    serde_json::from_str(&text).unwrap()
}

/// Reads the panel: its words, each block's parts and where its mark and carets are drawn, and
/// the lowest WCAG contrast ratio of any visible text against what is behind it.
const OVERLAY_PROBE: &str = r#"
const rgba = (c) => { const n = c.match(/[\d.]+/g).map(Number); return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1]; };
const over = (top, under) => { const a = top[3]; return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1); };
const background = (e) => {
  const layers = [];
  for (let at = e; at; at = at.parentElement ?? at.getRootNode().host) {
    const c = rgba(getComputedStyle(at).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] === 1) break;
  }
  return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
};
const luminance = (c) => { const l = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
const probe = (root) => {
  let lowest = 99, worst = "";
  for (const e of root.querySelectorAll("*")) {
    const text = Array.from(e.childNodes).filter((n) => n.nodeType === 3).map((n) => n.data).join("").trim();
    const style = getComputedStyle(e);
    if (!text || style.visibility === "hidden" || style.display === "none") continue;
    const bg = background(e);
    const r = ratio(over(rgba(style.color), bg), bg);
    if (r < lowest) { lowest = r; worst = e.className + " " + e.tagName + ": " + text + " " + style.color + " on " + bg; }
  }
  const q = (s) => root.querySelector(s);
  const panel = q(".panel");
  return {
    lowest, worst,
    role: panel?.getAttribute("role") ?? null,
    title: q(".title")?.textContent,
    close: q(".close")?.textContent ?? null,
    text: panel?.textContent,
    whereFont: getComputedStyle(q(".where")).fontSize,
    blocks: Array.from(root.querySelectorAll(".block")).map((b) => {
      const pre = b.querySelector(".source");
      const mark = pre?.querySelector("mark"), carets = pre?.querySelector(".carets");
      // The source row as the terminal prints it after its gutter: the text nodes and the mark.
      const line = pre ? Array.from(pre.childNodes).filter((n) => n.nodeType === 3 || n.tagName === "MARK").map((n) => n.textContent).join("").replace(/\n$/, "") : null;
      return {
        where: b.querySelector(".where")?.textContent,
        inner: b.innerText,
        line,
        carets: carets?.textContent ?? null,
        markLeft: mark?.getBoundingClientRect().left,
        caretsLeft: carets?.getBoundingClientRect().left,
      };
    }),
  };
};
"#;

/// The source row and the caret row the terminal prints for the error at `location`.
fn terminal_rows(stderr: &str, location: &str) -> (String, String) {
    let mut lines = stderr
        .lines()
        .skip_while(|l| !l.contains(location))
        .skip_while(|l| !l.contains(" │ "))
        .filter(|l| !l.trim().ends_with('│'));
    let source = lines.next().unwrap_or_default();
    let source = source.split_once(" │ ").map(|x| x.1).unwrap_or_default();
    let carets = lines.next().unwrap_or_default();
    (
        source.to_string(),
        carets.trim_start_matches([' ', '│']).trim().to_string(),
    )
}

/// A broken edit shows one block per error in a panel no theme rule can reach, readable and in
/// the page's language, with the source line and the terminal's carets; Escape closes it, the
/// error page shows the same blocks, and the fix takes it away.
#[test]
fn the_error_overlay_is_readable_in_the_page_language() {
    let Some(mut browser) = Browser::start_if_installed() else {
        return;
    };
    let site = site_with_pages();
    site.write(
        "content/guide/plan.en.md",
        "---\ntitle: Plan\n---\nThe first sentence.\n",
    );
    site.write(
        "content/guide/other.md",
        "---\ntitle: 別紙\n---\n別紙の文。\n",
    );
    // A theme that would make every text white on white, tiny, or hidden.
    let css = std::fs::read_to_string(site.path("themes/default/static/style.css")).unwrap();
    site.write(
        "static/style.css",
        &format!(
            "{css}\npre {{ color: white; background: white }}\n\
             body * {{ color: white !important; background: white !important; font-size: 3px !important }}\n\
             h2, h3, p, mark, button {{ display: none !important }}\n"
        ),
    );
    let server = Server::start(&site);
    browser.navigate(&server.url("/guide/plan/"));
    browser.wait_until(
        "document.readyState === 'complete' && document.body.textContent.includes('最初の文。')",
    );

    site.write(
        "content/guide/plan.md",
        "---\ntitle: [計画案\n---\n壊れた。\n",
    );
    site.write(
        "content/guide/other.md",
        "---\ntitle: 別紙\ndraft: [\n---\n",
    );
    let overlay = "document.getElementById('shishin-build-error')?.shadowRoot";
    browser.wait_until(&format!(
        "{overlay}?.querySelectorAll('.block').length === 2"
    ));
    let ja = shown_errors(&mut browser, overlay);

    // Readable whatever the theme says, and said in Japanese.
    assert!(ja["lowest"].as_f64().unwrap() >= 4.5, "{}", ja["worst"]);
    assert_eq!(
        ja["whereFont"], "15px",
        "the theme's font size reached the panel"
    );
    assert_eq!(ja["role"], "alertdialog");
    assert_eq!(ja["title"], "エラーがあります");
    assert_eq!(ja["close"], "閉じる");
    let text = ja["text"].as_str().unwrap();
    assert!(
        text.contains("最後に正しく作れた版を表示しています"),
        "{text}"
    );
    assert!(
        text.contains("2 行目") && !text.contains("line 2"),
        "{text}"
    );
    // The errors' own messages and hints too.
    assert!(
        text.contains("前付けの YAML が正しくありません") && text.contains("で閉じてください"),
        "{text}"
    );
    assert!(!text.contains("is not valid YAML"), "{text}");

    // One block per error, each with its place, its line and the carets the terminal draws.
    let check = site.run(&["check", "--drafts"]);
    assert!(!check.ok);
    let blocks = ja["blocks"].as_array().unwrap();
    let wheres: Vec<&str> = blocks
        .iter()
        .map(|b| b["where"].as_str().unwrap())
        .collect();
    assert!(
        // An unclosed `[` is reported where the front matter ends, naming the bracket's line
        // (as `tests/hostile.rs` `malformed_yaml` pins it).
        wheres[0].starts_with("content/guide/other.md:4:"),
        "{wheres:?}"
    );
    assert!(
        wheres[1].starts_with("content/guide/plan.md:2:"),
        "{wheres:?}"
    );
    for block in blocks {
        let location = block["where"].as_str().unwrap();
        let column = location.rsplit(':').next().unwrap();
        assert!(column.parse::<usize>().is_ok(), "{location}");
        let (source, carets) = terminal_rows(&check.stderr, location);
        assert!(!source.is_empty(), "{location} not in\n{}", check.stderr);
        assert_eq!(block["line"], source.trim_end(), "{}", check.stderr);
        assert_eq!(block["carets"], carets.as_str(), "{}", check.stderr);
        assert!(carets.starts_with('^'), "{carets}");
        let (mark, caret) = (
            block["markLeft"].as_f64().unwrap(),
            block["caretsLeft"].as_f64().unwrap(),
        );
        assert!(
            (mark - caret).abs() < 1.0,
            "the carets start at {caret}, the span at {mark}"
        );
    }
    assert_eq!(blocks[1]["line"], "title: [計画案");

    // The dialog took the focus; Tab stays in it, Escape closes it.
    assert_eq!(
        browser.eval(&format!("{overlay}.activeElement?.className")),
        "\"panel\""
    );
    browser.press("Tab", 9);
    assert_eq!(
        browser.eval(&format!("{overlay}.activeElement?.className")),
        "\"close\""
    );
    browser.press("Escape", 27);
    browser.wait_until("!document.getElementById('shishin-build-error')");

    // An English page says the same in English.
    browser.navigate(&server.url("/en/guide/plan/"));
    browser.wait_until(&format!(
        "document.documentElement.lang === 'en' && {overlay}?.querySelectorAll('.block').length === 2"
    ));
    let en = shown_errors(&mut browser, overlay);
    assert_eq!(en["title"], "The site has errors");
    assert_eq!(en["close"], "Close");
    let text = en["text"].as_str().unwrap();
    assert!(
        text.contains("The last good version is still shown"),
        "{text}"
    );
    assert!(text.contains("line 2") && !text.contains("行目"), "{text}");
    assert!(
        text.contains("front matter is not valid YAML") && text.contains("close it with"),
        "{text}"
    );
    assert!(!text.contains("正しくありません"), "{text}");
    assert!(en["lowest"].as_f64().unwrap() >= 4.5, "{}", en["worst"]);

    // The error page shows the same blocks.
    browser.navigate(&server.url("/__shishin/error"));
    browser.wait_until(
        "document.readyState === 'complete' && document.querySelectorAll('.block').length === 2",
    );
    let page = shown_errors(&mut browser, "document");
    assert!(page["lowest"].as_f64().unwrap() >= 4.5, "{}", page["worst"]);
    let inner = |v: &serde_json::Value| -> Vec<serde_json::Value> {
        v["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["inner"].clone())
            .collect()
    };
    assert_eq!(inner(&page), inner(&ja));
    assert_eq!(page["title"], "エラーがあります");

    // The fix takes the overlay away.
    browser.navigate(&server.url("/guide/plan/"));
    browser.wait_until(&format!(
        "{overlay}?.querySelectorAll('.block').length === 2"
    ));
    site.write(
        "content/guide/other.md",
        "---\ntitle: 別紙\n---\n別紙の文。\n",
    );
    site.write(
        "content/guide/plan.md",
        "---\ntitle: 計画案\n---\n直した文。\n",
    );
    browser.wait_until(
        "document.body.textContent.includes('直した文。') && !document.getElementById('shishin-build-error')",
    );
}
