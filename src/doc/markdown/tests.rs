//! Unit tests for the Markdown reader.

use super::*;
use crate::doc::Inline;

fn doc(md: &str) -> Document {
    parse(md, Origin::Bundled("test.md".into()))
}

fn kinds(d: &Document) -> Vec<&BlockKind> {
    d.blocks.iter().map(|b| &b.kind).collect()
}

fn run_text(b: &Block, style: Inline) -> Vec<&str> {
    b.runs.iter().filter(|r| r.style.contains(style)).map(|r| &b.text[r.bytes()]).collect()
}

#[test]
fn inline_styles_become_runs_over_the_visible_text() {
    let d = doc("Some **bold**, *it*, `code` and ~~gone~~ ***both***.\n");
    let b = &d.blocks[0];
    assert_eq!(b.text, "Some bold, it, code and gone both.");
    assert_eq!(run_text(b, Inline::BOLD), ["bold", "both"]);
    assert_eq!(run_text(b, Inline::ITALIC), ["it", "both"]);
    assert_eq!(run_text(b, Inline::CODE), ["code"]);
    assert_eq!(run_text(b, Inline::STRIKE), ["gone"]);
    for pair in b.runs.windows(2) {
        assert!(pair[0].range.end <= pair[1].range.start, "runs overlap: {:?}", b.runs);
    }
}

#[test]
fn links_keep_text_visible_and_url_aside() {
    let d = doc("See [the *docs*](https://example.org/d) and <https://x.y/>.\n");
    let b = &d.blocks[0];
    assert_eq!(b.text, "See the docs and https://x.y/.");
    assert_eq!(b.links.len(), 2);
    assert_eq!(&b.text[b.links[0].bytes()], "the docs");
    assert_eq!(b.links[0].url, "https://example.org/d");
    assert_eq!(b.links[1].url, "https://x.y/");
    assert_eq!(run_text(b, Inline::LINK), ["the ", "docs", "https://x.y/"]);
}

#[test]
fn images_show_alt_text_and_soft_breaks_are_spaces() {
    let d = doc("A ![logo of it](l.png)\nnext line  \nhard ![](x.png)\n");
    assert_eq!(d.blocks[0].text, "A [image: logo of it] next line hard [image]");
}

#[test]
fn tables_hold_cells_and_tab_separated_text() {
    let d = doc("| Name | [Site](http://s) |\n|:--|--:|\n| a | **b** |\n");
    let b = &d.blocks[0];
    let BlockKind::Table(t) = &b.kind else { panic!("not a table: {:?}", b.kind) };
    assert_eq!(t.header_rows, 1);
    assert_eq!(t.rows, vec![vec!["Name", "Site"], vec!["a", "b"]]);
    assert_eq!(t.align, vec![crate::doc::Align::Left, crate::doc::Align::Right]);
    assert_eq!(b.text, "Name\tSite\na\tb\n");
    assert_eq!(&b.text[b.links[0].bytes()], "Site");
}

#[test]
fn task_lists_and_nested_lists_get_markers_and_depths() {
    let d = doc("- [ ] todo\n- [x] done\n  1. first\n  2. second\n     - deep\n");
    let items: Vec<(u8, &str, &str)> = d
        .blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::ListItem { depth, marker } => (*depth, &**marker, b.text.as_str()),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        items,
        [(0, "[ ]", "todo"), (0, "[x]", "done"), (1, "1.", "first"), (1, "2.", "second"), (2, "▪", "deep")]
    );
}

#[test]
fn loose_items_mark_only_their_first_paragraph() {
    let d = doc("3. one\n\n   more of one\n\n4. two\n");
    assert_eq!(
        kinds(&d),
        [
            &BlockKind::ListItem { depth: 0, marker: "3.".into() },
            &BlockKind::ListItem { depth: 0, marker: "".into() },
            &BlockKind::ListItem { depth: 0, marker: "4.".into() },
        ]
    );
}

#[test]
fn footnotes_are_numbered_in_order_of_mention() {
    let d = doc("Text[^b] and[^a].\n\n[^a]: Alpha note.\n[^b]: Beta note.\n");
    assert_eq!(d.blocks[0].text, "Text[1] and[2].");
    assert_eq!(d.blocks[1].text, "[2] Alpha note.");
    assert_eq!(d.blocks[2].text, "[1] Beta note.");
    assert_eq!(d.blocks[1].kind, BlockKind::Paragraph);
}

#[test]
fn front_matter_is_skipped_noticed_and_titles_the_document() {
    let d = doc("---\ntitle: My Notes\n---\n## Part one\n\nBody\n\n## Part two\n");
    assert_eq!(d.title, "My Notes");
    assert_eq!(d.notices.len(), 1);
    assert_eq!(d.blocks[0].text, "Part one");
    assert_eq!(d.outline.len(), 2);
    assert!(d.outline.iter().all(|s| s.level == 1 && s.parent.is_none()));
}

#[test]
fn nested_quotes_carry_their_depth() {
    let d = doc("> outer\n>\n> > inner\n>\n> back\n\nafter\n");
    let depths: Vec<(u8, &str)> = d.blocks.iter().map(|b| (b.quote, b.text.as_str())).collect();
    assert_eq!(depths, [(1, "outer"), (2, "inner"), (1, "back"), (0, "after")]);
}

#[test]
fn setext_and_atx_headings_nest_by_level() {
    let d = doc("Title\n=====\n\nIntro\n\nPart\n----\n\n#### Deep\n\n## Next\n\nOther\n=====\n");
    let shape: Vec<(&str, u8, Option<usize>)> =
        d.outline.iter().map(|s| (s.title.as_str(), s.level, s.parent)).collect();
    assert_eq!(
        shape,
        [("Title", 1, None), ("Part", 2, Some(0)), ("Deep", 3, Some(1)), ("Next", 2, Some(0)), ("Other", 1, None)]
    );
    assert_eq!(d.outline[1].id, "title/part");
    assert_eq!(d.blocks[d.outline[2].block].text, "Deep");
    // Two level-1 headings: neither is the document's title.
    assert_eq!(d.title, "test.md");
}

#[test]
fn single_top_heading_titles_the_document() {
    let d = doc("Preface\n\n# The Book\n\n## One\n");
    assert_eq!(d.title, "The Book");
    let d = doc("## Only\n\n### Sub\n");
    assert_eq!(d.title, "Only");
}

#[test]
fn code_blocks_keep_exact_lines_and_language() {
    let d = doc("```rust title=x\nfn a() {\n\tb\n}\n```\n\n    indented\n      more\n");
    assert_eq!(d.blocks[0].kind, BlockKind::Code { lang: Some("rust".into()) });
    assert_eq!(d.blocks[0].text, "fn a() {\n\tb\n}");
    assert_eq!(d.blocks[1].kind, BlockKind::Code { lang: None });
    assert_eq!(d.blocks[1].text, "indented\n  more");
}

#[test]
fn html_is_reduced_to_its_text() {
    let d = doc("<!-- YAML\nadded: v1\n-->\n\n<details><summary>More</summary>\n\nPara with <b>tag</b><br>end.\n");
    let texts: Vec<&str> = d.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, ["More", "Para with tag end."]);
}

#[test]
fn rules_crlf_and_control_characters() {
    let d = doc("one\r\n\r\n---\r\n\r\ntwo\x1b[31m\r\n");
    assert_eq!(kinds(&d)[1], &BlockKind::Rule);
    assert_eq!(d.blocks[2].text, "two^[[31m");
    assert!(d.blocks.iter().all(|b| !b.text.contains('\n') && !b.text.contains('\r')));
    assert!(d.blocks[2].runs.iter().any(|r| r.style.contains(Inline::PLACEHOLDER)));
}

#[test]
fn heading_attributes_are_not_part_of_titles() {
    let d = doc("# Appendix {-}\n\n## Overview {#ov}\n");
    let titles: Vec<&str> = d.outline.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Appendix", "Overview"]);
}

#[test]
fn list_item_starting_with_code_keeps_its_marker() {
    let d = doc("- ```\n  code\n  ```\n- text\n");
    assert_eq!(d.blocks[0].kind, BlockKind::ListItem { depth: 0, marker: "•".into() });
    assert_eq!(d.blocks[1].kind, BlockKind::Code { lang: None });
    assert_eq!(d.blocks[2].text, "text");
}

#[test]
fn control_characters_in_code_become_marked_placeholders() {
    let d = doc("```\na\x07b\n\tc\n```\n");
    let b = &d.blocks[0];
    assert_eq!(b.text, "a^Gb\n\tc");
    assert_eq!(run_text(b, Inline::PLACEHOLDER), ["^G"]);
}

#[test]
fn pathological_nesting_is_survived() {
    let quotes = format!("{}deep\n", "> ".repeat(5000));
    let d = doc(&quotes);
    assert_eq!(d.blocks.last().map(|b| (b.quote, b.text.as_str())), Some((u8::MAX, "deep")));
    let mut lists = String::new();
    for i in 0..400 {
        lists.push_str(&"  ".repeat(i));
        lists.push_str("- x\n");
    }
    let d = doc(&lists);
    assert!(d.blocks.iter().all(|b| matches!(b.kind, BlockKind::ListItem { .. })));
    let d = doc(&format!("{}{}", "[".repeat(20000), "*a_".repeat(20000)));
    assert_eq!(d.blocks.len(), 1);
    let headings: String = (0..3000).map(|i| format!("{} h{i}\n", "#".repeat(i % 6 + 1))).collect();
    assert_eq!(doc(&headings).outline.len(), 3000);
}

#[test]
fn empty_and_blank_documents_have_no_blocks_and_a_file_title() {
    for text in ["", "\n\n", "---\n---\n", "<!-- only a comment -->\n"] {
        let d = doc(text);
        assert!(d.blocks.is_empty(), "{text:?}: {:?}", d.blocks);
        assert!(d.outline.is_empty());
        assert_eq!(d.title, "test.md");
    }
}
