//! The text a reader sees in a page's rendered body, which is what the index holds.

/// The text a reader sees in rendered body HTML: tags dropped, block ends as spaces, the entities
/// the Markdown renderer writes decoded.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_decoded(&mut out, &rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            rest = &rest[lt..];
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        if let Some(skipped) = skip_element(tag, rest) {
            rest = skipped;
            continue;
        }
        if is_block_boundary(tag) {
            out.push(' ');
        }
    }
    push_decoded(&mut out, rest);
    out
}

/// Elements whose content is not text for the reader: raw HTML scripts and styles.
fn skip_element<'h>(tag: &str, rest: &'h str) -> Option<&'h str> {
    let name = tag_name(tag);
    let end = ["script", "style", "template"]
        .into_iter()
        .find(|n| n.eq_ignore_ascii_case(name))?;
    let close = format!("</{end}>");
    Some(rest.find(&close).map_or("", |i| &rest[i + close.len()..]))
}

fn tag_name(tag: &str) -> &str {
    tag.trim_start_matches('/')
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("")
}

fn is_block_boundary(tag: &str) -> bool {
    const BLOCKS: [&str; 20] = [
        "p",
        "br",
        "li",
        "td",
        "th",
        "tr",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "dt",
        "dd",
        "section",
        "figcaption",
        "hr",
    ];
    let name = tag_name(tag);
    BLOCKS.iter().any(|b| b.eq_ignore_ascii_case(name))
}

fn push_decoded(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest
            .find(';')
            .filter(|&semi| semi <= 10)
            .and_then(|semi| decode_entity(&rest[1..semi]).map(|c| (c, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::search::normalize;

    #[test]
    fn html_text_keeps_what_the_reader_sees() {
        let html = "<h2 id=\"a\">急変時の<em>対応</em></h2>\n<p>A &amp; B&nbsp;&lt;C&gt; &#x2014; &#12354;<br>next</p><ul><li>one</li><li>two</li></ul><script>var x = '<p>';</script><p>note</p>";
        let text = normalize(&html_text(html));
        assert_eq!(text, "急変時の対応 A & B <C> — あ next one two note");
    }

    #[test]
    fn a_stray_ampersand_or_bracket_stays_text() {
        assert_eq!(html_text("a & b &unknown; c"), "a & b &unknown; c");
        assert_eq!(html_text("x <unclosed"), "x <unclosed");
    }
}
