//! Whole-reader tests: each heuristic seen through `parse`, on small hand-made texts.

use super::parse;
use crate::doc::{BlockKind, Document, Origin};

fn doc(text: &str) -> Document {
    parse(text, Origin::Stdin)
}

fn titles(d: &Document) -> Vec<(u8, String)> {
    d.outline.iter().map(|s| (s.level, s.title.clone())).collect()
}

#[test]
fn underlines_nest_by_order_of_appearance() {
    let d = doc(
        "Guide\n=====\n\nIntro text that runs\nover two lines.\n\nPart\n----\n\nMore text that runs\nover two lines.\n",
    );
    assert_eq!(titles(&d), vec![(1, "Guide".into()), (2, "Part".into())]);
    assert_eq!(d.blocks[1].text, "Intro text that runs over two lines.");
}

#[test]
fn numbering_gives_depth_and_splits_number() {
    let d = doc(
        "1. Scope\n\nBody one\nand more.\n\n1.1 Detail\n\nBody two\nand more.\n\n2. Next\n\nBody three\nand more.\n",
    );
    let o = &d.outline;
    assert_eq!(o.len(), 3);
    assert_eq!((o[1].number.as_deref(), o[1].title.as_str(), o[1].parent), (Some("1.1"), "Detail", Some(0)));
    assert_eq!(o[2].level, 1);
}

#[test]
fn caps_line_heads_a_section() {
    let d = doc("My Title\n\nIntro paragraph that\nwraps here.\n\nFIRST PART\n\nText that follows\nthe heading.\n");
    assert!(titles(&d).contains(&(2, "FIRST PART".into())));
}

#[test]
fn contents_entries_jump_to_body_headings() {
    let t = "Manual\n\nContents\n\nIntroduction\n\nUsage\n\nIntroduction\n\nThis is the introduction\ntext of the manual.\n\nUsage\n\nThis is how you use\nthe tool at all.\n";
    let d = doc(t);
    let intro = d.outline.iter().find(|s| s.title == "Introduction").unwrap();
    assert_eq!(d.blocks[intro.block].text, "Introduction");
    assert_eq!(intro.block, 4, "points at the body heading, not the contents line");
    assert_eq!(d.blocks[2].kind, BlockKind::Paragraph, "the contents line stays text");
    assert_eq!(d.outline.iter().filter(|s| s.title == "Introduction").count(), 1);
}

#[test]
fn form_feed_becomes_rule_and_page_furniture_is_not_a_heading() {
    let t = "   text of page one that\n   wraps.\n\nAuthor                Informational                [Page 1]\n\u{c}\nRFC 1                   Title                   May 2003\n\n   text of page two that\n   wraps.\n";
    let d = doc(t);
    assert!(d.blocks.iter().any(|b| b.kind == BlockKind::Rule));
    assert!(d.outline.iter().all(|s| !s.title.contains("Page")));
    assert!(d.blocks.iter().any(|b| matches!(b.kind, BlockKind::Code { .. }) && b.text.contains("[Page 1]")));
}

#[test]
fn bullets_become_list_items_without_the_bullet() {
    let d = doc("Title\n\nSome intro text that\nwraps.\n\n  • First point\u{a0}\n  • Second point\n");
    let items: Vec<_> = d.blocks.iter().filter(|b| matches!(b.kind, BlockKind::ListItem { .. })).collect();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].text, "First point");
    assert_eq!(items[0].kind, BlockKind::ListItem { depth: 0, marker: "•".into() });
}

#[test]
fn title_skips_boilerplate_lines() {
    let t = "Please note that all PDF documents open in a new window.\nLogo.gif Site Name\n\nReal Headline Here\n\nPosted: today\n\nBody text of the article\nthat wraps.\n";
    assert_eq!(doc(t).title, "Real Headline Here");
}

#[test]
fn nbsp_is_trimmed_from_titles_and_text() {
    let d = doc("Heading Words\u{a0}\u{a0}\n\nBody with\u{a0} odd spacing\u{a0}\nand wraps.\n");
    assert_eq!(d.title, "Heading Words");
    assert_eq!(d.blocks[1].text, "Body with odd spacing and wraps.");
}

#[test]
fn crlf_and_cr_parse_like_lf() {
    let a = doc("Title\n\nBody line one\nline two.\n");
    let b = doc("Title\r\n\r\nBody line one\r\nline two.\r\n");
    let c = doc("Title\r\rBody line one\rline two.\r");
    assert_eq!(a.blocks, b.blocks);
    assert_eq!(a.blocks, c.blocks);
}

#[test]
fn verse_and_tables_are_preformatted_with_tabs_expanded() {
    let d = doc(
        "Poem\n\nTwinkle, twinkle,\nlittle bat!\nHow I wonder\nwhat you're at!\n\nName\tValue\nab\t1\n\nA paragraph of ordinary prose that runs on for a long while and wraps at the usual\nwidth of the text file it is in.\n",
    );
    let code: Vec<_> = d.blocks.iter().filter(|b| matches!(b.kind, BlockKind::Code { .. })).collect();
    assert_eq!(code.len(), 2);
    assert_eq!(code[0].text, "Twinkle, twinkle,\nlittle bat!\nHow I wonder\nwhat you're at!");
    assert_eq!(code[1].text, "Name    Value\nab      1");
}

#[test]
fn hostile_input_never_panics_and_keeps_an_outline() {
    for t in [
        "",
        "\n\n\n",
        "\u{c}\u{c}",
        "\u{1b}[31mred\u{7}\n",
        "1.\n\n2.3.\n",
        "==\n==\n",
        "\u{a0}\n\u{a0}",
        "* \n- \n",
        "CHAPTER\n",
    ] {
        let d = doc(t);
        for s in &d.outline {
            assert!(s.block < d.blocks.len());
        }
    }
    let d = doc("Title\n\ntext with \u{1b} escape\nand more.\n");
    assert!(d.blocks[1].text.contains('\u{1b}'), "control characters stay for the sanitiser");
}

#[test]
fn large_input_parses_in_linear_time() {
    let unit = "1. Chapter\n\nSome text that wraps\nacross two lines.\n\n  • an item\n\n";
    let small: String = unit.repeat(2_000);
    let big: String = unit.repeat(20_000);
    let t0 = std::time::Instant::now();
    doc(&small);
    let t_small = t0.elapsed();
    let t1 = std::time::Instant::now();
    let d = doc(&big);
    let t_big = t1.elapsed();
    assert!(!d.outline.is_empty());
    // Ten times the input may take at most ~30x the time (generous for noisy CI), not 100x.
    assert!(t_big <= t_small * 30 + std::time::Duration::from_millis(50), "{t_small:?} vs {t_big:?}");
}

#[test]
fn appendices_numbered_afresh_nest_under_their_part() {
    let text = "Manual\n******\n\nAppendices\n^^^^^^^^^^\n\n1. First\n********\n\nBody one.\n\n2. Second\n*********\n\nBody two.\n\n1. Old format\n*************\n\nAppendix body.\n";
    let outline = doc(text).outline_text();
    assert!(outline.contains("Appendices\n    1 Old format"), "{outline}");
    assert!(outline.contains("  2 Second"), "{outline}");
}

#[test]
fn a_terminal_log_is_titled_by_its_file_name() {
    let text = "\u{1b}[1m\u{1b}[7m%\u{1b}[27m\u{1b}[0m\n\n\u{1b}[1;36mconsole\u{1b}[0m on main\n";
    let d = parse(text, Origin::File("session.log".into()));
    assert_eq!(d.title, "session.log");
    assert!(d.outline.iter().all(|s| !s.title.contains('\u{1b}')), "{:?}", d.outline);
    // With a readable line, that line names it.
    let d = parse(&format!("{text}\n$ cargo test\n"), Origin::File("session.log".into()));
    assert_eq!(d.title, "$ cargo test");
}

#[test]
fn a_line_the_contents_name_is_a_heading_even_above_a_one_line_paragraph() {
    let d = doc(concat!(
        "A Small Guide\n\nIts preface runs\nover two lines.\n\n",
        "Table of Contents\n\n",
        "   1. Scope . . . . . 2\n   2. Terms . . . . . 3\n      Full Statement . . . 4\n\n",
        "1. Scope\n\nBody one\nand more.\n\n2. Terms\n\nBody two\nand more.\n\n",
        "Full Statement\n\n   Copyright (C) Somebody (2003).  All Rights Reserved.\n\n",
        "A line alone\n\n   Just one line here.\n",
    ));
    let t: Vec<String> = titles(&d).into_iter().map(|(_, t)| t).collect();
    assert!(t.contains(&"Full Statement".to_string()), "{t:?}");
    assert!(!t.contains(&"A line alone".to_string()), "not named by the contents: {t:?}");
}

#[test]
fn indented_terms_of_a_definition_list_are_not_headings() {
    let d = doc(concat!(
        "Checks\n======\n\n",
        "    The following checks run\n    one after the other:\n\n",
        "    Palindrome\n\n        Verifies that the new password is not\n        a palindrome of the old one.\n\n",
        "Notes\n\nA heading at the margin over\nindented text stays one.\n",
    ));
    let t: Vec<String> = titles(&d).into_iter().map(|(_, t)| t).collect();
    assert_eq!(t, vec!["Checks".to_string(), "Notes".to_string()]);
}
