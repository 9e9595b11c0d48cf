//! Watches the site's files with notify and hands over one batch of changed paths per edit.
//!
//! Editors save in many ways (in place, temp file + rename, delete + create, several events per
//! save), so events are collected until the files have been quiet for a moment, and every path an
//! event names — the temp file and the renamed target alike — goes into the batch; the rebuild
//! decides what each one means.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{Event, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

/// How long the files must be quiet before a batch is handed over.
const QUIET: Duration = Duration::from_millis(12);
/// A batch is handed over after this long even if events keep coming (a long copy).
const LONGEST: Duration = Duration::from_millis(300);
/// The polling interval of `--poll`.
const POLL: Duration = Duration::from_millis(250);

/// The folders below the site's root that are watched recursively.
const FOLDERS: [&str; 3] = ["content", "themes", "static"];

pub struct Watch {
    // Kept alive: dropping the watcher stops the events.
    watcher: Box<dyn Watcher + Send>,
    events: Receiver<notify::Result<Event>>,
    root: PathBuf,
}

impl Watch {
    /// Starts watching `root` (absolute): `site.yaml` and the folders. `poll` polls instead of
    /// relying on the system's file events (which some file systems never send).
    pub fn start(root: &Path, poll: bool) -> notify::Result<Watch> {
        let (tx, events) = mpsc::channel();
        let mut watcher: Box<dyn Watcher + Send> = if poll {
            let config = notify::Config::default().with_poll_interval(POLL);
            Box::new(PollWatcher::new(tx, config)?)
        } else {
            Box::new(RecommendedWatcher::new(tx, notify::Config::default())?)
        };
        // The root itself, not recursively: site.yaml (replaced, not rewritten, by atomic saves)
        // and folders that appear later.
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        for folder in FOLDERS {
            let dir = root.join(folder);
            if dir.is_dir() {
                watcher.watch(&dir, RecursiveMode::Recursive)?;
            }
        }
        Ok(Watch {
            watcher,
            events,
            root: root.to_path_buf(),
        })
    }

    /// Waits for the next edit and returns every path it touched. `None` when watching stopped.
    pub fn next_batch(&mut self) -> Option<Vec<PathBuf>> {
        let first = self.events.recv().ok()?;
        let started = Instant::now();
        let mut paths = Vec::new();
        self.take(first, &mut paths);
        loop {
            let left = LONGEST.saturating_sub(started.elapsed());
            match self.events.recv_timeout(QUIET.min(left)) {
                Ok(event) => self.take(event, &mut paths),
                // Quiet, or past the longest wait (a zero timeout times out at once).
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
            }
        }
        paths.sort();
        paths.dedup();
        Some(paths)
    }

    fn take(&mut self, event: notify::Result<Event>, paths: &mut Vec<PathBuf>) {
        let Ok(event) = event else {
            return;
        };
        if event.kind.is_access() {
            return;
        }
        for path in event.paths {
            self.watch_new_folder(&path);
            paths.push(path);
        }
    }

    /// A watched folder created after the start (`static/` added while previewing).
    fn watch_new_folder(&mut self, path: &Path) {
        let is_top_folder = path.parent() == Some(self.root.as_path())
            && FOLDERS.iter().any(|f| path.file_name() == Some(f.as_ref()));
        if is_top_folder && path.is_dir() {
            // Watching a folder twice is harmless; failing here only loses live updates of it.
            let _ = self.watcher.watch(path, RecursiveMode::Recursive);
        }
    }
}
