use super::*;

/// Each row as (remark, new column, old column), changed characters in [brackets].
fn table(old: &str, new: &str) -> Vec<(Remark, String, String)> {
    compare(old, new)
        .iter()
        .map(|row| {
            let marked = |cell: Option<Cell<'_>>| {
                cell.map(|c| {
                    c.pieces
                        .iter()
                        .map(|p| match p.changed {
                            true => format!("[{}]", p.text),
                            false => p.text.clone(),
                        })
                        .collect::<String>()
                })
                .unwrap_or_default()
            };
            (row.remark(), marked(row.new_cell()), marked(row.old_cell()))
        })
        .collect()
}

fn row(remark: Remark, new: &str, old: &str) -> (Remark, String, String) {
    (remark, new.to_string(), old.to_string())
}

fn same(text: &str) -> (Remark, String, String) {
    row(Remark::Unchanged, text, text)
}

#[test]
fn a_word_changed_in_a_paragraph() {
    assert_eq!(
        table(
            "会議を定期的に開催する。\n\n研修を行う。\n",
            "会議を毎月開催する。\n\n研修を行う。\n"
        ),
        vec![
            row(
                Remark::Changed,
                "会議を[毎月]開催する。",
                "会議を[定期的に]開催する。"
            ),
            same("研修を行う。"),
        ]
    );
    assert_eq!(
        table("The hub holds meetings.", "The hub holds regular meetings."),
        vec![row(
            Remark::Added,
            "The hub holds [regular ]meetings.",
            "The hub holds meetings."
        )]
    );
}

#[test]
fn a_block_inserted_is_new() {
    assert_eq!(
        table(
            "退院支援\n\n看取り\n",
            "退院支援\n\n急変時の対応\n\n看取り\n"
        ),
        vec![
            same("退院支援"),
            row(Remark::New, "[急変時の対応]", ""),
            same("看取り"),
        ]
    );
}

#[test]
fn a_block_removed_is_removed_whole() {
    assert_eq!(
        table(
            "退院支援\n\n急変時の対応\n\n看取り\n",
            "退院支援\n\n看取り\n"
        ),
        vec![
            same("退院支援"),
            row(Remark::Removed, "", "[急変時の対応]"),
            same("看取り"),
        ]
    );
}

#[test]
fn a_block_moved_is_removed_where_it_was_and_new_where_it_is() {
    // Each column reads in its own document's order, so a moved block cannot share a row.
    assert_eq!(
        table(
            "看取り\n\n退院支援\n\n日常の療養支援\n",
            "退院支援\n\n日常の療養支援\n\n看取り\n"
        ),
        vec![
            row(Remark::Removed, "", "[看取り]"),
            same("退院支援"),
            same("日常の療養支援"),
            row(Remark::New, "[看取り]", ""),
        ]
    );
}

#[test]
fn a_table_row_changed() {
    let old = "| 区分 | 額 |\n|---|---|\n| 基準額 | 3,000千円 |\n| 補助率 | 10/10 |\n";
    let new = "| 区分 | 額 |\n|---|---|\n| 基準額 | 4,657千円 |\n| 補助率 | 10/10 |\n";
    assert_eq!(
        table(old, new),
        vec![
            same("区分 | 額"),
            row(
                Remark::Changed,
                "基準額 | [4,657]千円",
                "基準額 | [3,000]千円"
            ),
            same("補助率 | 10/10"),
        ]
    );
}

#[test]
fn a_heading_changed() {
    assert_eq!(
        table("## 事業の概要\n\n本文\n", "## 事業概要\n\n本文\n"),
        vec![
            row(Remark::Deleted, "事業概要", "事業[の]概要"),
            same("本文"),
        ]
    );
}

#[test]
fn a_heading_made_a_paragraph_is_changed_with_nothing_underlined() {
    let rows = compare("## 概要\n", "概要\n");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].remark(), Remark::Changed);
    assert_eq!(
        rows[0].new_cell().unwrap().kind,
        blocks::BlockKind::Paragraph
    );
    assert_eq!(
        rows[0].old_cell().unwrap().kind,
        blocks::BlockKind::Heading(2)
    );
}

#[test]
fn a_list_renumbered_shows_each_new_number() {
    // An item inserted in an ordered list: the items after it keep their text, and only their
    // numbers are underlined, as 号ずれ is shown.
    let old = "1. 退院支援\n2. 日常の療養支援\n3. 看取り\n";
    let new = "1. 退院支援\n2. 急変時の対応\n3. 日常の療養支援\n4. 看取り\n";
    assert_eq!(
        table(old, new),
        vec![
            same("1. 退院支援"),
            row(Remark::New, "[2. 急変時の対応]", ""),
            row(
                Remark::Changed,
                "[3]. 日常の療養支援",
                "[2]. 日常の療養支援"
            ),
            row(Remark::Changed, "[4]. 看取り", "[3]. 看取り"),
        ]
    );
}

#[test]
fn identical_texts_give_only_unchanged_rows() {
    let text = "# 計画\n\n- 退院支援\n- 看取り\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    let rows = compare(text, text);
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r.remark() == Remark::Unchanged));
    // Front matter is not compared, and full-width and half-width forms are the same text.
    let retyped = "---\ntitle: 別\n---\n# 計画\n\n- 退院支援\n- 看取り\n\n| ａ | ｂ |\n|---|---|\n| １ | ２ |\n";
    assert!(compare(text, retyped)
        .iter()
        .all(|r| r.remark() == Remark::Unchanged));
    let md = output::markdown(&rows, Lang::Ja, "表");
    assert_eq!(md.matches("（略）").count(), 2, "{md}");
    assert_eq!(md.lines().count(), 5, "{md}");
}

#[test]
fn japanese_without_spaces_underlines_exactly_the_changed_characters() {
    assert_eq!(
        table(
            "市町村は前記(1)から(4)の機能を担う。",
            "市町村は①～④の機能を担う。"
        ),
        vec![row(
            Remark::Changed,
            "市町村は[①～④]の機能を担う。",
            "市町村は[前記(1)から(4)]の機能を担う。"
        )]
    );
}

#[test]
fn chibas_draft_and_adopted_plan() {
    let old = include_str!("../../tests/fixtures/versions/chiba-draft.md");
    let new = include_str!("../../tests/fixtures/versions/chiba-adopted.md");
    let mut rows = table(old, new);
    assert_eq!(rows.len(), 3);
    // The heading is rewritten in place: one row, though little of it remains.
    assert_eq!(
        rows.remove(0),
        row(
            Remark::Changed,
            "在宅医療[の体制について]",
            "在宅医療[に必要な連携を担う拠点の整備]"
        )
    );
    assert_eq!(rows[0].0, Remark::Changed);
    assert!(
        rows[0].1.starts_with("[①～④の]機能の確保を図るため"),
        "{}",
        rows[0].1
    );
    assert!(
        rows[0]
            .2
            .starts_with("[前記(1)から(4)※までに掲げる]機能の確保を図るため"),
        "{}",
        rows[0].2
    );
    assert!(rows[0]
        .2
        .ends_with("[ ※(1)退院支援、(2)日常の療養支援、(3)急変時の対応、(4)看取り]"));
    // Lines broken in the middle of the sentence are one paragraph again, without spaces.
    assert_eq!(rows[1].0, Remark::Added);
    assert!(rows[1].1.contains(
        "在宅医療の推進について[「在宅医療において積極的役割を担う医療機関」及び]県と連携して"
    ));
    assert!(!rows[1].2.contains('['));
}

#[test]
fn remarks_are_worded_in_either_language() {
    let words: Vec<(&str, &str)> = [
        Remark::Added,
        Remark::Deleted,
        Remark::Changed,
        Remark::New,
        Remark::Removed,
        Remark::Unchanged,
    ]
    .iter()
    .map(|r| (r.word(Lang::Ja), r.word(Lang::En)))
    .collect();
    assert_eq!(
        words,
        [
            ("追加", "Added"),
            ("削除", "Deleted"),
            ("変更", "Changed"),
            ("新設", "New"),
            ("全削除", "Removed"),
            ("", ""),
        ]
    );
}

#[test]
fn the_html_fragment_is_an_accessible_table() {
    let rows = compare("会議<を>開く\n\n同じ\n", "会議<を>開催する\n\n同じ\n");
    let html = output::html_fragment(&rows, Lang::En, "A & B");
    assert!(html.starts_with("<table class=\"sh-versions\">\n<caption>A &amp; B</caption>"));
    assert_eq!(html.matches("<th scope=\"col\"").count(), 3);
    assert!(html.contains("<td class=\"sh-versions-paragraph\" lang=\"ja\">会議&lt;を&gt;開<ins>催する</ins></td>"), "{html}");
    assert!(html.contains("<del>く</del>"), "{html}");
    assert!(
        html.contains("<details><summary>(omitted)</summary>"),
        "{html}"
    );
    assert!(html.contains("<td>Changed</td>"));
    let page = output::html_document(&rows, Lang::Ja, "表");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">"));
    assert!(page.contains("<td>変更</td>") && page.contains("（略）"));
}

#[test]
fn known_texts_mark_whole_cells_or_the_japanese_inside_them() {
    let rows = compare("Hubs (拠点) meet.\n", "Hubs (拠点) meet often.\n");
    let en = output::Texts::Known(Lang::En);
    let html = output::html_fragment_of(&rows, Lang::En, en, "c");
    // English text quoting Japanese: the quote is marked, not the cell.
    assert!(
        html.contains(
            "<td class=\"sh-versions-paragraph\">Hubs (<span lang=\"ja\">拠点</span>) meet"
        ),
        "{html}"
    );
    let ja = output::Texts::Known(Lang::Ja);
    let rows = compare("Plan A.\n", "Plan B.\n");
    let html = output::html_fragment_of(&rows, Lang::En, ja, "c");
    assert!(
        html.contains("<td class=\"sh-versions-paragraph\" lang=\"ja\">"),
        "{html}"
    );
    // A Japanese table marks nothing.
    let html = output::html_fragment_of(&rows, Lang::Ja, en, "c");
    assert!(!html.contains("lang="), "{html}");
}

#[test]
fn markdown_cells_keep_the_table_whole() {
    let rows = compare("a | b\n", "a | *b*\nc\n");
    let md = output::markdown(&rows, Lang::Ja, "表");
    assert!(md.contains("| 新 | 旧 | 備考 |\n|---|---|---|\n"), "{md}");
    // The paragraph's two lines are one cell; the pipe cannot open a column.
    assert!(
        md.contains("| a \\| b<ins> c</ins> | a \\| b | 追加 |"),
        "{md}"
    );
    let code = compare("```\nx\ny\n```\n", "```\nx\nz\n```\n");
    let md = output::markdown(&code, Lang::En, "code");
    assert!(
        md.contains("| x<br><ins>z</ins> | x<br><ins>y</ins> | Changed |"),
        "{md}"
    );
}

#[test]
fn csv_has_a_bom_and_quotes_formulas() {
    let rows = compare("=SUM(A1)\n", "=SUM(A2)\n");
    let csv = output::csv(&rows, Lang::Ja);
    assert!(
        csv.starts_with("\u{FEFF}新,旧,備考,新の傍線部,旧の傍線部\r\n"),
        "{csv}"
    );
    assert!(csv.contains("'=SUM(A2),'=SUM(A1),変更,2,1\r\n"), "{csv}");
}

/// Odd inputs, every pair: nothing panics, every format prints, and each column, read down,
/// is its own document's blocks in order.
#[test]
fn odd_inputs_never_panic_and_keep_both_texts() {
    let inputs = [
        "",
        "\0",
        "\u{FEFF}",
        "---",
        "---\n---\n",
        "| a |\n|-",
        "```\n",
        "e\u{301}\u{301}",
        "👩‍👩‍👧 𠮷野家 葛\u{E0100}",
        "\u{202E}abc",
        "a\r\nb\rc",
        "> > > - [x] 1. a",
        "<br>\n\n<div>x</div>",
        "18446744073709551615. a\n18446744073709551616. b",
        "1. \n2.\n3) c",
        "[^1]\n\n[^1]: 注",
        "①②③④⑤⑥⑦⑧⑨⑩",
        "前記(1)から(4)",
        "#\n##\n###### x ######",
    ];
    let long = "在宅医療。".repeat(500);
    let inputs: Vec<&str> = inputs.iter().copied().chain([long.as_str()]).collect();
    for old in &inputs {
        for new in &inputs {
            let rows = compare(old, new);
            let column = |cells: Vec<Option<Cell<'_>>>| -> Vec<String> {
                cells.into_iter().flatten().map(|c| c.text()).collect()
            };
            let texts = |md: &str| -> Vec<String> {
                blocks::blocks(blocks::body(md))
                    .into_iter()
                    .map(|b| b.text)
                    .collect()
            };
            assert_eq!(
                column(rows.iter().map(Row::old_cell).collect()),
                texts(old),
                "{old:?} → {new:?}"
            );
            assert_eq!(
                column(rows.iter().map(Row::new_cell).collect()),
                texts(new),
                "{old:?} → {new:?}"
            );
            for format in [Format::Md, Format::Html, Format::Csv] {
                for lang in [Lang::Ja, Lang::En] {
                    print(&rows, format, lang, "x");
                }
            }
        }
    }
}
