//! `shishin diff OLD.md NEW.md`: the 新旧対照表 of two files outside any site, in each format.

mod common;

use std::path::Path;
use std::process::Output;

const OLD: &str = "---\ntitle: 案\n---\n## 拠点の整備\n\n市町村は前記(1)から(4)の機能を担う。\n\n| 区分 | 額 |\n|---|---|\n| 基準額 | 3,000千円 |\n\n変わらない段落。\n";
const NEW: &str = "## 拠点の整備\n\n市町村は①～④の機能を担う。\n\n| 区分 | 額 |\n|---|---|\n| 基準額 | 4,657千円 |\n\n変わらない段落。\n\n=新しい段落\n";

/// Runs `shishin diff old.md new.md ARGS` in a temporary folder holding only the two files.
fn diff(old: &[u8], new: &[u8], args: &[&str]) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.md"), old).unwrap();
    std::fs::write(dir.path().join("new.md"), new).unwrap();
    let out = run(dir.path(), &[&["diff", "old.md", "new.md"], args].concat());
    (out, dir)
}

fn run(dir: &Path, args: &[&str]) -> Output {
    common::shishin()
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn markdown_is_a_table_with_the_changes_underlined() {
    let (out, _dir) = diff(OLD.as_bytes(), NEW.as_bytes(), &[]);
    let md = stdout(&out);
    assert!(md.contains("| 新 | 旧 | 備考 |\n|---|---|---|\n"), "{md}");
    assert!(
        md.contains("| 市町村は<ins>①～④</ins>の機能を担う。 | 市町村は<ins>前記(1)から(4)</ins>の機能を担う。 | 変更 |"),
        "{md}"
    );
    assert!(
        md.contains("| 基準額 \\| <ins>4,657</ins>千円 | 基準額 \\| <ins>3,000</ins>千円 | 変更 |"),
        "{md}"
    );
    assert!(md.contains("| （略） | （略） |  |"), "{md}");
    assert!(md.contains("| <ins>=新しい段落</ins> |  | 新設 |"), "{md}");
}

#[test]
fn html_is_a_page_with_a_captioned_table_and_underlines() {
    let (out, _dir) = diff(OLD.as_bytes(), NEW.as_bytes(), &["--format", "html"]);
    let html = stdout(&out);
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">"),
        "{html}"
    );
    assert!(
        html.contains("<caption>新旧対照表（新: new.md、旧: old.md）</caption>"),
        "{html}"
    );
    assert!(
        html.contains("<th scope=\"col\" class=\"sh-versions-new\">新</th>"),
        "{html}"
    );
    assert!(
        html.contains("市町村は<ins>①～④</ins>の機能を担う。"),
        "{html}"
    );
    assert!(
        html.contains("市町村は<del>前記(1)から(4)</del>の機能を担う。"),
        "{html}"
    );
    assert!(html.contains("text-decoration: underline"), "{html}");
    assert!(html.contains("size: A4 landscape"), "{html}");
}

#[test]
fn english_html_names_the_columns_and_remarks_in_english() {
    let (out, _dir) = diff(
        OLD.as_bytes(),
        NEW.as_bytes(),
        &["--format", "html", "--lang", "en"],
    );
    let html = stdout(&out);
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(
        html.contains(">New</th>") && html.contains(">Remarks</th>"),
        "{html}"
    );
    assert!(
        html.contains("<td>Changed</td>") && html.contains("<td>New</td>"),
        "{html}"
    );
    assert!(html.contains("lang=\"ja\">市町村は<ins>"), "{html}");
}

#[test]
fn csv_starts_with_a_bom_and_keeps_every_row() {
    let (out, _dir) = diff(OLD.as_bytes(), NEW.as_bytes(), &["--format", "csv"]);
    let csv = stdout(&out);
    assert!(
        csv.starts_with("\u{FEFF}新,旧,備考,新の傍線部,旧の傍線部\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("変わらない段落。,変わらない段落。,,,\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("'=新しい段落,,新設,'=新しい段落,\r\n"),
        "{csv}"
    );
}

#[test]
fn a_missing_file_is_named_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("new.md"), NEW).unwrap();
    let out = run(dir.path(), &["diff", "missing.md", "new.md"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot read missing.md"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_file_that_is_not_text_is_named_and_fails() {
    let (out, _dir) = diff(OLD.as_bytes(), b"# \xE8\xA8\x88\n\xFF\xFE\xFD", &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("new.md"), "{err}");
    assert!(err.contains("neither UTF-8 nor Shift_JIS"), "{err}");
}

#[test]
fn a_shift_jis_file_is_read_with_a_warning() {
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(NEW);
    let (out, _dir) = diff(OLD.as_bytes(), &sjis, &[]);
    let md = stdout(&out);
    assert!(md.contains("市町村は<ins>①～④</ins>の機能を担う。"), "{md}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("new.md is encoded as Shift_JIS"), "{err}");
}
