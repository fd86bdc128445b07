//! `/` search: literal and regex queries, smart case, Unicode folding, error messages,
//! document-order matches and stepping with wrap-around.

use lectern::doc::{Anchor, Block, BlockKind, Document, Format, Origin};
use lectern::library::parse_text;
use lectern::search::{TextMatch, TextQuery, find_all, first_match_from, next_match};

fn doc(blocks: &[&str]) -> Document {
    Document {
        title: "t".into(),
        origin: Origin::Stdin,
        format: Format::Plain,
        blocks: blocks.iter().map(|t| Block::new(BlockKind::Paragraph, *t)).collect(),
        outline: Vec::new(),
        notices: Vec::new(),
    }
}

fn found(d: &Document, input: &str, regex: bool) -> Vec<(usize, String)> {
    let q = TextQuery::parse(input, regex).expect("valid");
    find_all(d, &q).into_iter().map(|m| (m.block, d.blocks[m.block].text[m.range].to_string())).collect()
}

#[test]
fn smart_case_literal() {
    let d = doc(&["Render the render RENDER"]);
    assert_eq!(found(&d, "render", false).len(), 3);
    assert_eq!(found(&d, "Render", false), vec![(0, "Render".to_string())]);
}

#[test]
fn literal_mode_escapes_regex_syntax() {
    let d = doc(&["a.b axb (x) [y]"]);
    assert_eq!(found(&d, "a.b", false), vec![(0, "a.b".to_string())]);
    assert_eq!(found(&d, "(x)", false).len(), 1);
    assert_eq!(found(&d, "[y", false).len(), 1);
}

#[test]
fn unicode_case_folding_keeps_byte_ranges() {
    let d = doc(&["Une réforme ÉLABORÉE, élaborée"]);
    let q = TextQuery::parse("élaborée", false).expect("valid");
    let ms = find_all(&d, &q);
    assert_eq!(ms.len(), 2);
    for m in &ms {
        assert_eq!(d.blocks[0].text[m.range.clone()].to_lowercase(), "élaborée");
    }
    // An uppercase non-ASCII letter makes the search case-sensitive.
    assert_eq!(found(&d, "ÉLABORÉE", false).len(), 1);
}

#[test]
fn regex_mode_and_the_v_prefix() {
    let d = doc(&["colour color colr"]);
    assert_eq!(found(&d, "colou?r", true).len(), 2);
    assert_eq!(found(&d, "\\vcolou?r", false).len(), 2);
    assert_eq!(found(&d, "colou?r", false).len(), 0);
    let q = TextQuery::parse("\\vx", false).expect("valid");
    assert!(q.is_regex);
    assert_eq!(q.pattern, "x");
}

#[test]
fn regex_escapes_do_not_turn_on_case_sensitivity() {
    let d = doc(&["Foo bar"]);
    assert_eq!(found(&d, "\\vf\\S+", false), vec![(0, "Foo".to_string())]);
    assert_eq!(found(&d, "\\v\\p{Lu}oo", false), vec![(0, "Foo".to_string())]);
    assert!(TextQuery::parse("\\vF\\w+", false).expect("valid").case_sensitive);
}

#[test]
fn invalid_regex_is_a_one_line_error() {
    for bad in ["(unclosed", "a{2,1}", "[z-a]", "\\p{NoSuchClass}"] {
        let e = TextQuery::parse(bad, true).expect_err(bad);
        assert!(e.starts_with("invalid regex: "), "{e}");
        assert!(!e.contains('\n'), "{e}");
        assert!(e.len() < 80, "{e}");
    }
    let e = TextQuery::parse("(unclosed", true).expect_err("unclosed");
    assert!(e.contains("unclosed"), "{e}");
    assert!(TextQuery::parse("", false).is_err());
    assert!(TextQuery::parse("\\v", false).is_err());
}

#[test]
fn empty_regex_matches_are_skipped() {
    let d = doc(&["aaa b"]);
    assert_eq!(found(&d, "\\va*", false), vec![(0, "aaa".to_string())]);
    assert!(found(&d, "\\vx*", false).is_empty());
}

#[test]
fn phrases_across_source_hard_wraps_are_found() {
    let d = parse_text("The quick brown\nfox jumps over\nthe lazy dog.\n\nAnother paragraph.\n", Origin::Stdin);
    assert_eq!(found(&d, "brown fox jumps", false).len(), 1);
}

#[test]
fn matches_are_in_document_order_across_blocks() {
    let d = doc(&["x a x", "none", "x"]);
    let q = TextQuery::parse("x", false).expect("valid");
    let ms = find_all(&d, &q);
    let at: Vec<(usize, usize)> = ms.iter().map(|m| (m.block, m.range.start)).collect();
    assert_eq!(at, vec![(0, 0), (0, 4), (2, 0)]);
}

fn m(block: usize, start: usize) -> TextMatch {
    TextMatch { block, range: start..start + 1 }
}

#[test]
fn next_and_previous_wrap_around() {
    let ms = vec![m(0, 0), m(0, 4), m(2, 0)];
    assert_eq!(next_match(&ms, Anchor::new(0, 0), true), Some((1, false)));
    assert_eq!(next_match(&ms, Anchor::new(0, 4), true), Some((2, false)));
    assert_eq!(next_match(&ms, Anchor::new(2, 0), true), Some((0, true)));
    assert_eq!(next_match(&ms, Anchor::new(1, 0), false), Some((1, false)));
    assert_eq!(next_match(&ms, Anchor::new(0, 0), false), Some((2, true)));
    assert_eq!(next_match(&ms, Anchor::new(0, 2), false), Some((0, false)));
    assert_eq!(next_match(&[], Anchor::new(0, 0), true), None);
}

#[test]
fn first_match_from_includes_the_starting_position() {
    let ms = vec![m(0, 0), m(0, 4), m(2, 0)];
    assert_eq!(first_match_from(&ms, Anchor::new(0, 4)), Some((1, false)));
    assert_eq!(first_match_from(&ms, Anchor::new(1, 0)), Some((2, false)));
    assert_eq!(first_match_from(&ms, Anchor::new(3, 0)), Some((0, true)));
    assert_eq!(first_match_from(&[], Anchor::new(0, 0)), None);
}
