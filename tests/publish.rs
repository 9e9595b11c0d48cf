//! Publishing the site (SPEC §1, §8): `build --relative` for a folder opened from disk or a file
//! share, a `base_url` whose path has Japanese and spaces, and the print stylesheet's full
//! address after every link. Built from the shipped site, whose pages cover every page type.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::browser::Browser;
use common::{copy_dir, repo, TestSite};
use percent_encoding::percent_decode_str;
use regex::Regex;

/// `/在宅 医療/`, as every URL carries it.
const ENCODED_BASE: &str = "/%E5%9C%A8%E5%AE%85%20%E5%8C%BB%E7%99%82/";

/// The shipped site (content, site.yaml, theme), with one more page that links the way authors
/// write by hand: a co-located image, a relative link to a folder and to a file.
fn shipped_site() -> TestSite {
    let site = TestSite::new();
    std::fs::remove_file(site.path("content/_index.md")).unwrap();
    copy_dir(&repo().join("content"), &site.path("content"));
    std::fs::copy(repo().join("site.yaml"), site.path("site.yaml")).unwrap();
    site.write_bytes("content/guideline/figure.svg", FIGURE.as_bytes());
    site.write(
        "content/guideline/notes.md",
        "---\ntitle: 作業メモ\n---\n## 図 {#figure}\n\n![拠点の図](figure.svg)\n\n\
         [指針の一覧](../)、[拠点](@/guideline/hub.md#requirements)、[図だけ](figure.svg)。\n",
    );
    site
}

const FIGURE: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n";

/// Every HTML file of the output, below `out`.
fn html_files(out: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

/// The values of every `href`, `src` and `action` of an HTML text, unescaped.
fn urls_of(html: &str) -> Vec<String> {
    let attr = Regex::new(r#"\s(?:href|src|action)="([^"]*)""#).unwrap();
    attr.captures_iter(html)
        .map(|c| c[1].replace("&amp;", "&"))
        .collect()
}

/// Whether a URL leads elsewhere: it has a scheme.
fn has_scheme(url: &str) -> bool {
    Regex::new(r"^[A-Za-z][A-Za-z0-9+.-]*:")
        .unwrap()
        .is_match(url)
}

/// The file a relative URL written on `page` opens from disk, as a browser reading files does:
/// no server maps a folder to its `index.html`.
fn file_on_disk(page: &Path, url: &str) -> PathBuf {
    let path = url.split(['?', '#']).next().unwrap();
    let path = percent_decode_str(path).decode_utf8().unwrap();
    page.parent().unwrap().join(path.as_ref())
}

#[test]
fn a_relative_build_opens_every_link_from_disk() {
    let site = shipped_site();
    let run = site.run(&["build", "--relative"]);
    assert!(run.ok, "{}", run.stderr);
    let out = site.path("public");
    let mut checked = 0;
    for page in html_files(&out) {
        let html = std::fs::read_to_string(&page).unwrap();
        let name = page.strip_prefix(&out).unwrap().display().to_string();
        for url in urls_of(&html) {
            if url.is_empty() || url.starts_with('#') || url.starts_with('?') {
                continue;
            }
            if has_scheme(&url) {
                continue;
            }
            assert!(!url.starts_with('/'), "{name}: `{url}` is not relative");
            let file = file_on_disk(&page, &url);
            assert!(
                file.is_file(),
                "{name}: `{url}` opens {}, which is no file",
                file.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 3000, "only {checked} URLs checked");

    // What authors wrote by hand works from disk too.
    let notes = site.read("guideline/notes/index.html");
    assert!(notes.contains("src=\"../figure.svg\""), "{notes}");
    assert!(notes.contains("href=\"../index.html\""), "{notes}");
    // Crawlers and feed readers get full addresses.
    let page = site.read("en/guideline/hub/index.html");
    let base = "https://www.pref.example.lg.jp/zaitaku/";
    for wanted in [
        format!("<link rel=\"canonical\" href=\"{base}en/guideline/hub/\">"),
        format!("hreflang=\"ja\" href=\"{base}guideline/hub/\">"),
        format!("type=\"application/atom+xml\" title=\"Home Medical Care Coordination Guide\" href=\"{base}en/atom.xml\">"),
    ] {
        assert!(page.contains(&wanted), "{wanted}");
    }
    for file in ["sitemap.xml", "atom.xml", "en/atom.xml", "robots.txt"] {
        let text = site.read(file);
        assert!(text.contains(base), "{file}");
        assert!(!text.contains("../"), "{file}");
    }
}

/// The search page finds its pages from disk: its index names each page by its path, which the
/// page joins to its folder and, opened from a file, to `index.html`.
#[test]
fn a_relative_build_has_a_search_index_of_files_on_disk() {
    let site = shipped_site();
    assert!(site.run(&["build", "--relative"]).ok);
    let entry = Regex::new(r#""u":"([^"]*)""#).unwrap();
    let root = Regex::new(r#"data-root="([^"]*)""#).unwrap();
    for search in ["search", "en/search"] {
        let page = site.path("public").join(search).join("index.html");
        let html = std::fs::read_to_string(&page).unwrap();
        let root = &root.captures(&html).expect("data-root")[1];
        let index = site.read(&format!("{search}/index-1.js"));
        let mut found = 0;
        for u in entry.captures_iter(&index) {
            let file = file_on_disk(&page, &format!("{root}{}index.html", &u[1]));
            assert!(file.is_file(), "{search}: {}", file.display());
            found += 1;
        }
        assert!(found > 20, "{search}: {found} pages");
    }
}

#[test]
fn a_relative_build_refuses_a_template_link_a_browser_cannot_open_from_disk() {
    let site = TestSite::new();
    // A theme that writes a folder's URL without its slash: a server redirects to the folder's
    // page, a browser reading files shows the folder.
    let base = site.path("themes/default/templates/base.html");
    let html = std::fs::read_to_string(&base).unwrap();
    std::fs::write(
        &base,
        html.replace(
            "<main id=\"main\" tabindex=\"-1\">",
            "<main id=\"main\" tabindex=\"-1\"><a href=\"{{ site.base_path }}en\">English</a>",
        ),
    )
    .unwrap();
    // Without --relative it is fine: the server answers `/zaitaku/en` with the folder's page.
    site.build_ok();
    let run = site.run(&["build", "--relative"]);
    run.assert_clean_failure("themes/default/templates/");
    assert!(
        run.stderr.contains("links to `en`, but it names a folder"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("name the page's file (`en/index.html`) rather than its folder"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_base_url_with_japanese_and_spaces_is_percent_encoded_everywhere() {
    let site = shipped_site();
    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    let yaml = yaml.replace(
        "https://www.pref.example.lg.jp/zaitaku/",
        "https://www.pref.example.lg.jp/在宅 医療/",
    );
    assert!(yaml.contains("在宅 医療"));
    site.write("site.yaml", &yaml);
    let run = site.run(&["check", "--strict"]);
    assert!(run.ok, "{}", run.stderr);
    let run = site.build_ok();
    assert!(run.stdout.contains("0 warnings"), "{}", run.stdout);

    let out = site.path("public");
    let mut checked = 0;
    for page in html_files(&out) {
        let html = std::fs::read_to_string(&page).unwrap();
        let name = page.strip_prefix(&out).unwrap().display().to_string();
        assert!(!html.contains("在宅 医療"), "{name}");
        for url in urls_of(&html) {
            if let Some(path) = url.strip_prefix("https://www.pref.example.lg.jp") {
                assert!(path.starts_with(ENCODED_BASE), "{name}: {url}");
            } else if url.starts_with('/') {
                assert!(url.starts_with(ENCODED_BASE), "{name}: {url}");
                checked += 1;
            }
        }
    }
    assert!(checked > 5000, "only {checked} URLs checked");
    let permalink = format!("https://www.pref.example.lg.jp{ENCODED_BASE}");
    assert!(site
        .read("sitemap.xml")
        .contains(&format!("<loc>{permalink}guideline/hub/</loc>")));
    assert!(site.read("atom.xml").contains(&permalink));
    assert!(site
        .read("robots.txt")
        .contains(&format!("{permalink}sitemap.xml")));

    // The preview serves at its own root, whatever the base path.
    let server = Serve::start(&site);
    let home = server.get("/");
    assert!(home.contains("href=\"/style.css\""), "{home}");
    assert!(!home.contains("%E5%9C%A8"), "{home}");
    assert!(server.get("/style.css").contains(".site-header"));
}

/// Opened from disk in Chromium: the stylesheet applies, a link leads to its page, and the
/// search box finds a page and leads to it.
#[test]
fn a_relative_build_works_in_a_browser_opened_from_disk() {
    let Some(mut browser) = Browser::start_if_installed() else {
        return;
    };
    let site = shipped_site();
    assert!(site.run(&["build", "--relative"]).ok);
    let out = site.path("public").canonicalize().unwrap();
    let url = |rel: &str| format!("file://{}/{rel}", out.display());

    browser.open(&url("en/guideline/hub/index.html"));
    let border = "getComputedStyle(document.querySelector('.site-header')).borderTopWidth";
    assert_eq!(browser.text(border), "6px");

    // The main navigation's first section, then the breadcrumbs' home.
    browser.eval("document.querySelector('.site-nav a').click()");
    browser.wait_until(&format!(
        "location.href === {:?} && document.readyState === 'complete'",
        url("en/guideline/index.html")
    ));
    assert_eq!(browser.text(border), "6px");
    browser.eval("document.querySelector('.breadcrumbs a').click()");
    browser.wait_until(&format!(
        "location.href === {:?} && document.readyState === 'complete'",
        url("en/index.html")
    ));

    // The header's search box goes to the search page, which finds and opens a page.
    browser.eval(
        "document.getElementById('site-search-q').value = '在宅医療'; \
         document.querySelector('form.site-search').requestSubmit()",
    );
    browser.wait_until(
        "location.pathname.endsWith('/en/search/index.html') \
         && document.querySelectorAll('#search-results a').length > 0",
    );
    let first = browser.text("document.querySelector('#search-results a').href");
    assert!(
        first.starts_with(&url("en/")) && first.ends_with("/index.html"),
        "{first}"
    );
    browser.eval("document.querySelector('#search-results a').click()");
    browser.wait_until(&format!(
        "location.href === {first:?} && document.readyState === 'complete'"
    ));
    assert_eq!(browser.text(border), "6px");
}

/// What the `::after` of the first internal link in the content draws in print, the CSS
/// `content` value worked out as the browser draws it: its strings, and `attr()` read from the
/// link.
const PRINTED_ADDRESS: &str = r#"(() => {
  const a = [...document.querySelectorAll('main .content a')].find((a) => {
    const href = a.getAttribute('href');
    return !href.startsWith('#') && !/^[a-z]+:/i.test(href);
  });
  const content = getComputedStyle(a, '::after').content;
  let drawn = '';
  for (const m of content.matchAll(/"((?:[^"\\]|\\.)*)"|attr\(\s*([\w-]+)\s*\)/g)) {
    drawn += m[2] ? a.getAttribute(m[2]) : JSON.parse('"' + m[1] + '"');
  }
  return JSON.stringify({ drawn, href: a.getAttribute('href'), content });
})()"#;

/// In print, an internal link shows its full address after its text, in a build for the web
/// server (site-absolute links, here below a base path with Japanese and spaces) and in one
/// opened from disk (relative links); the navigation is not printed.
#[test]
fn print_shows_the_full_address_of_internal_links() {
    let Some(mut browser) = Browser::start_if_installed() else {
        return;
    };
    let site = shipped_site();
    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        &yaml.replace(
            "https://www.pref.example.lg.jp/zaitaku/",
            "https://www.pref.example.lg.jp/在宅 医療/",
        ),
    );
    let full = format!("https://www.pref.example.lg.jp{ENCODED_BASE}");

    // For the web server: served below its base path, as the prefecture's server would.
    site.build_ok();
    let server = StaticServer::start(site.path("public"), ENCODED_BASE);
    browser.open(&format!("{}{ENCODED_BASE}guideline/hub/", server.origin));
    browser.emulate_print();
    let printed = printed_address(&mut browser);
    assert!(printed.href.starts_with(ENCODED_BASE), "{printed:?}");
    assert_eq!(
        printed.drawn,
        format!(" (https://www.pref.example.lg.jp{})", printed.href),
        "{printed:?}"
    );
    assert_eq!(
        browser.text("getComputedStyle(document.querySelector('.site-nav')).display"),
        "none"
    );

    // For opening from disk: the same link, relative, prints the same full address.
    let from_server = printed.drawn;
    assert!(site.run(&["build", "--relative"]).ok);
    let out = site.path("public").canonicalize().unwrap();
    browser.open(&format!(
        "file://{}/guideline/hub/index.html",
        out.display()
    ));
    browser.emulate_print();
    let printed = printed_address(&mut browser);
    assert!(printed.href.starts_with("../"), "{printed:?}");
    assert!(
        printed.drawn.starts_with(&format!(" ({full}")),
        "{printed:?}"
    );
    assert_eq!(printed.drawn, from_server);
}

#[derive(Debug)]
struct Printed {
    drawn: String,
    href: String,
}

fn printed_address(browser: &mut Browser) -> Printed {
    let value: serde_json::Value = serde_json::from_str(&browser.text(PRINTED_ADDRESS)).unwrap();
    Printed {
        drawn: value["drawn"].as_str().unwrap().to_string(),
        href: value["href"].as_str().unwrap().to_string(),
    }
}

/// A web server for a built site below a base path, as a prefecture's server hosts it: a folder
/// answers with its `index.html`, each file with its type.
struct StaticServer {
    origin: String,
}

impl StaticServer {
    fn start(root: PathBuf, base_path: &'static str) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let root = root.clone();
                std::thread::spawn(move || answer(stream, &root, base_path));
            }
        });
        StaticServer { origin }
    }
}

fn answer(mut stream: TcpStream, root: &Path, base_path: &str) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    reader.read_line(&mut request).unwrap();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) <= 2 {
            break;
        }
    }
    let target = request.split(' ').nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap();
    let file = path.strip_prefix(base_path).map(|below| {
        let below = percent_decode_str(below).decode_utf8_lossy().into_owned();
        let file = root.join(&below);
        if below.is_empty() || below.ends_with('/') {
            file.join("index.html")
        } else {
            file
        }
    });
    let (status, kind, body) = match file.and_then(|f| Some((std::fs::read(&f).ok()?, f))) {
        Some((body, file)) => ("200 OK", content_type(&file), body),
        None => ("404 Not Found", "text/plain", b"not found".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css",
        Some("js") => "text/javascript",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// `shishin serve` on a free port, stopped when dropped.
struct Serve {
    child: Child,
    port: u16,
}

impl Serve {
    fn start(site: &TestSite) -> Serve {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(env!("CARGO_BIN_EXE_shishin"))
            .args(["serve", "--port", &port.to_string(), "--root"])
            .arg(site.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = Serve { child, port };
        let deadline = Instant::now() + Duration::from_secs(60);
        while ureq::get(&server.url("/")).call().is_err() {
            assert!(Instant::now() < deadline, "the preview did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn get(&self, path: &str) -> String {
        ureq::get(&self.url(path))
            .call()
            .unwrap()
            .into_string()
            .unwrap()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
