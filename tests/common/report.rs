//! The diagnostics of a run, read back from what `shishin` printed (without colour), so a test
//! can say which errors a mistake gave, where, and with what hint.

/// One printed error or warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printed {
    pub error: bool,
    pub message: String,
    /// `path:line:column`, or empty when the diagnostic is not in a file.
    pub location: String,
    /// The source line shown under the location.
    pub line: String,
    pub hint: String,
}

/// Every diagnostic in `stderr`, in the order printed.
pub fn diagnostics(stderr: &str) -> Vec<Printed> {
    let mut found: Vec<Printed> = Vec::new();
    for text in stderr.lines() {
        let started = [("error: ", true), ("warning: ", false)]
            .into_iter()
            .find_map(|(prefix, error)| Some((text.strip_prefix(prefix)?, error)));
        if let Some((message, error)) = started {
            found.push(Printed {
                error,
                message: message.to_string(),
                location: String::new(),
                line: String::new(),
                hint: String::new(),
            });
            continue;
        }
        let Some(last) = found.last_mut() else {
            continue;
        };
        if let Some((_, location)) = text.split_once("┌─ ") {
            last.location = location.trim().to_string();
        } else if let Some((_, hint)) = text.split_once("= help: ") {
            last.hint = hint.to_string();
        } else if let Some((number, line)) = text.split_once(" │ ") {
            if last.line.is_empty() && number.trim().parse::<usize>().is_ok() {
                last.line = line.to_string();
            }
        }
    }
    found
}

/// The one error of a failed run; fails the test when there is not exactly one, or when a
/// warning was printed too, or when the last line is not the summary of one error.
pub fn the_one_error(stderr: &str) -> Printed {
    let all = diagnostics(stderr);
    assert_eq!(all.len(), 1, "exactly one diagnostic:\n{stderr}");
    assert!(all[0].error, "an error:\n{stderr}");
    let summary = stderr.lines().last().unwrap_or_default();
    assert_eq!(
        summary, "failed: 1 error, 0 warnings; nothing was written",
        "{stderr}"
    );
    all[0].clone()
}
