//! The benchmark corpus (examples/gen-corpus.rs) builds without an error or a warning, and
//! exercises what it claims to: translations, obligation classes, facts, links.

mod common;

#[allow(dead_code)]
#[path = "../examples/gen-corpus.rs"]
mod gen_corpus;

#[test]
fn generated_corpus_builds_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let stats = gen_corpus::generate(400, dir.path(), 7).unwrap();
    assert_eq!(stats.pages, 400);
    // About half translated (sections and guideline pages always are).
    assert!(
        (120..=300).contains(&stats.translated),
        "{} translated",
        stats.translated
    );

    let out = common::shishin()
        .args(["build", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("400 pages in ja") && stdout.contains("0 warnings"),
        "{stdout}{stderr}"
    );
    assert!(
        stdout.contains(&format!("({} translated)", stats.translated)),
        "{stdout}"
    );

    // Every prefecture appears in the hub comparison, with verbatim, modified and own items.
    let json = std::fs::read_to_string(dir.path().join("public/compare/hub.json")).unwrap();
    let hub: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(hub["prefectures"].as_array().unwrap().len(), 47);
    for class in ["\"verbatim\"", "\"modified\"", "\"own_wording\""] {
        assert!(json.contains(class), "no {class} item in {json}");
    }
    assert!(hub["prefectures"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| !p["own"].as_array().unwrap().is_empty()));
    // The subsidy comparison has a column per prefecture.
    let subsidies =
        std::fs::read_to_string(dir.path().join("public/compare/subsidies.json")).unwrap();
    let subsidies: serde_json::Value = serde_json::from_str(&subsidies).unwrap();
    assert_eq!(subsidies["columns"].as_array().unwrap().len(), 47);
}

#[test]
fn generation_is_deterministic() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    gen_corpus::generate(200, a.path(), 3).unwrap();
    gen_corpus::generate(200, b.path(), 3).unwrap();
    let page = "content/prefectures/hokkaido/a1/p1.md";
    let read = |d: &tempfile::TempDir| std::fs::read_to_string(d.path().join(page)).unwrap();
    assert_eq!(read(&a), read(&b));
}

#[test]
fn hugo_conversion_keeps_every_page_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let hugo = dir.path().join("hugo");
    gen_corpus::generate(200, &site, 1).unwrap();
    gen_corpus::to_hugo(&site, &hugo).unwrap();
    let count = |root: &std::path::Path, suffix: &str| {
        walkdir::WalkDir::new(root)
            .into_iter()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(suffix)
            })
            .count()
    };
    let ja = count(&site.join("content"), ".md") - count(&site.join("content"), ".en.md");
    assert_eq!(ja, 200);
    assert_eq!(count(&hugo.join("content"), ".en.md"), 200);
    let plan = std::fs::read_to_string(hugo.join("content/prefectures/chiba/plan.md")).unwrap();
    assert!(
        plan.contains("params:") && plan.contains("prefecture:"),
        "{plan}"
    );
    assert!(hugo.join("hugo.yaml").exists());
}
