//! Edit-to-reload latency of `shishin serve`: starts the preview on a site, listens to its event
//! stream like an open page does, then saves a page again and again and measures, for each save,
//! the time from just before the write until the reload event arrives.
//!
//! cargo build --release && cargo run --release --example reload-latency -- SITE [PAGE] [RUNS] [text|title|link] [TARGET]
//!
//! SITE is a site folder; PAGE a Markdown file below it (default: the first page found);
//! RUNS the number of saves (default 30). `text` (the default) adds a sentence to the page's body,
//! which only that page shows; `title` changes its title, which its section, breadcrumbs,
//! backlinks and tag pages show too; `link` adds a link to TARGET (a page below `content/`,
//! default the home page, `_index.md`) on every other save and takes it away on the others (the
//! target's backlinks change each time). Prints the median, the 90th percentile and the extremes.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(site) = args.first().map(PathBuf::from) else {
        eprintln!("usage: reload-latency SITE [PAGE] [RUNS] [text|title|link] [TARGET]");
        std::process::exit(2);
    };
    let page = args
        .get(1)
        .map(|p| site.join(p))
        .unwrap_or_else(|| first_page(&site));
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(30);
    let mode = args.get(3).map_or("text", String::as_str);
    let target = args.get(4).map_or("_index.md", String::as_str);

    let (mut child, port) = start(&site);
    let mut events = Events::open(port);
    let original = std::fs::read_to_string(&page).expect("read the page");
    let mut samples = Vec::with_capacity(runs);
    for run in 0..runs {
        let edited = match mode {
            "title" => original.replacen("title: ", &format!("title: 改題{run} "), 1),
            "link" if run % 2 == 0 => format!("{original}\n\n[計測 {run}](@/{target})\n"),
            "link" => format!("{original}\n\n計測 {run}\n"),
            _ => format!("{original}\n\n計測のための編集 {run}。\n"),
        };
        let started = Instant::now();
        std::fs::write(&page, edited).expect("write the page");
        events.until_reload();
        samples.push(started.elapsed());
        // Let the editor's "user" pause, as people do between saves.
        std::thread::sleep(Duration::from_millis(150));
    }
    std::fs::write(&page, original).expect("restore the page");
    let _ = child.kill();
    let _ = child.wait();

    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let pick = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    println!(
        "{} {} edits of {}: median {:.1} ms, p90 {:.1} ms, min {:.1} ms, max {:.1} ms",
        runs,
        mode,
        page.display(),
        ms(pick(0.5)),
        ms(pick(0.9)),
        ms(samples[0]),
        ms(samples[samples.len() - 1])
    );
}

/// The release binary beside this example, serving `site` on a free port.
fn start(site: &Path) -> (Child, u16) {
    let exe = std::env::current_exe().expect("own path");
    let binary = exe
        .parent()
        .and_then(Path::parent)
        .map(|dir| dir.join("shishin"))
        .filter(|b| b.exists())
        .expect("build the binary first: cargo build --release");
    let mut child = Command::new(binary)
        .args(["serve", "--port", "0", "--root"])
        .arg(site)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start shishin serve");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let port = loop {
        let line = lines
            .next()
            .expect("the server stopped")
            .expect("server output");
        eprintln!("{line}");
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    // Keep reading so the server never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (child, port)
}

fn first_page(site: &Path) -> PathBuf {
    walkdir::WalkDir::new(site.join("content"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .find(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".md") && !name.ends_with(".en.md") && !name.starts_with('_')
        })
        .expect("a page in content/")
}

struct Events {
    reader: BufReader<Box<dyn Read + Send + Sync>>,
}

impl Events {
    fn open(port: u16) -> Events {
        let response = ureq::get(&format!("http://127.0.0.1:{port}/__shishin/events"))
            .call()
            .expect("event stream");
        Events {
            reader: BufReader::new(response.into_reader()),
        }
    }

    fn until_reload(&mut self) {
        let mut line = String::new();
        loop {
            line.clear();
            let n = self.reader.read_line(&mut line).expect("event stream");
            assert!(n > 0, "the event stream ended");
            if line.trim_end() == "event: reload" {
                return;
            }
        }
    }
}
