//! Parsing a stretch at a time gives exactly the document the whole-text parse gives.

use std::borrow::Cow;
use std::path::Path;

use super::{parse_text, stretches};
use crate::doc::{Document, Origin};

const WHOLE: usize = usize::MAX / 4;

fn whole(text: &str) -> Document {
    parse_text(Cow::Borrowed(text), Origin::Stdin, WHOLE)
}

/// Both ways (borrowed and owned) with `stretch`, compared with the whole parse; returns
/// how many stretches the text was cut into.
fn assert_same(name: &str, text: &str, stretch: usize) -> usize {
    let expected = whole(text);
    let borrowed = parse_text(Cow::Borrowed(text), Origin::Stdin, stretch);
    let owned = parse_text(Cow::Owned(text.to_string()), Origin::Stdin, stretch);
    for (how, got) in [("borrowed", &borrowed), ("owned", &owned)] {
        assert_eq!(got.outline, expected.outline, "{name} ({how}, stretch {stretch}): outline");
        if let Some(i) = (0..expected.blocks.len()).find(|&i| got.blocks.get(i) != expected.blocks.get(i)) {
            panic!(
                "{name} ({how}, stretch {stretch}): block {i} differs: {:?} vs {:?}",
                got.blocks.get(i),
                expected.blocks[i]
            );
        }
        assert_eq!(*got, expected, "{name} ({how}, stretch {stretch})");
    }
    stretches::plan(text, stretch).map_or(1, |p| p.cuts.len() + 1)
}

/// Markdown files under `dir` and its subdirectories, plus the CommonMark spec, whose
/// examples are full of fences, HTML blocks and lists: a hard case for cutting.
fn markdown_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for p in std::fs::read_dir(&d).into_iter().flatten().filter_map(|e| e.ok().map(|e| e.path())) {
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "md")
                || p.file_name().is_some_and(|n| n == "commonmark-spec-0.5.4__spec.txt")
            {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn fixtures_parse_the_same_in_stretches() {
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")];
    let corpus = Path::new("/work/shared/corpus/markdown");
    if corpus.is_dir() {
        dirs.push(corpus.to_path_buf());
    } else {
        println!("{} not found: fixtures only", corpus.display());
    }
    let mut checked = 0;
    let mut all = String::new();
    for file in dirs.iter().flat_map(|d| markdown_files(d)) {
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        let name = file.display().to_string();
        for stretch in [2 << 10, 16 << 10] {
            let parts = assert_same(&name, &text, stretch);
            println!("{name}: {parts} stretches of {stretch} bytes");
            if text.len() > 100_000 && stretch == 16 << 10 && !name.ends_with(".txt") {
                assert!(parts > 4, "{name} should be cut");
            }
        }
        all.push_str(&text);
        all.push_str("\n\n");
        checked += 1;
    }
    // Everything in one text: definitions and footnotes from one file meet the others'.
    let parts = assert_same("all files", &all, 8 << 10);
    println!("all files: {parts} stretches");
    assert!(checked >= 10, "the Markdown fixtures were not found");
}

#[test]
fn references_and_footnotes_resolve_across_stretches() {
    let filler = "Some prose that fills the stretch up.\n\n".repeat(40);
    let text = format!(
        "# One\n\nSee [the site][site], [Site] and [^n] too.\n\n{filler}# Two\n\n[site]: https://example.org \"T\"\n\n\
         {filler}# Three\n\nA [site] again, [^n], [^missing].\n\n{filler}[^n]: The note.\n\n{filler}Last.\n"
    );
    let parts = assert_same("refs", &text, 1024);
    assert!(parts > 1, "the text is cut");
    let doc = whole(&text);
    assert!(doc.blocks[1].links.iter().any(|l| l.url == "https://example.org"));
}

#[test]
fn a_label_defined_twice_links_to_its_first_definition_everywhere() {
    let filler = "Prose.\n\n".repeat(200);
    let text = format!(
        "[a]\n\n{filler}Then.\n\n[a]: /first\n\n{filler}Again [a], [x][A], ![i][a].\n\n[a]: /second\n\n{filler}End [a].\n"
    );
    assert!(assert_same("twice", &text, 512) > 3);
    assert!(whole(&text).blocks.iter().flat_map(|b| &b.links).all(|l| l.url == "/first"));
}

#[test]
fn references_past_a_stretch_expansion_cap_match_the_whole_parse() {
    // 80 references to a 2000-byte URL in one stretch use up its own cap (100 000 bytes) but
    // not the whole text's: the stretch is parsed again with the whole text's cap.
    let url = format!("https://example.org/{}", "x".repeat(2000));
    let mut text = "Filler prose for the cap.\n\n".repeat(30_000);
    text.push_str("Refs here.\n\n");
    for _ in 0..8 {
        text.push_str("[a] [a] [a] [a] [a] [a] [a] [a] [a] [a]\n");
    }
    text.push_str(&format!("\n[a]: {url}\n\nEnd.\n"));
    assert!(text.len() > 200_000 * 3);
    assert_same("cap", &text, 4096);
}

#[test]
fn tricky_constructs_parse_the_same_at_every_cut_size() {
    let pieces = [
        "# Title\n\nIntro with [a ref] and [^fn].\n\n",
        "```\n\n# not a heading\n\ncode\n```\n\n",
        "~~~\n\n# x\n\n~~~~\n\nAfter tilde.\n\n",
        "<!--\n\nhidden\n\n-->\n\nShown.\n\n",
        "<pre>\n\nkept\n\n</pre>\n\n<div>\n\ndiv text\n</div>\n\n",
        "> quote\n> more\n\nafter quote\n\n",
        "1. one\n\n2. two\n\ntext between\n\n3. three\n\n",
        "- a\n\n  continued\n\n- b\n\nText [a ref].\n\n",
        "Setext\n===\n\nTable | x\n---|---\na | b\n\n",
        "    indented code\n\n    more\n\nText.\n\n",
        "[a ref]: /target \"T\"\n\n[^fn]: The note.\n\n",
        "Lazy\ncontinuation\n\n## Heading {#id}\n\n",
    ];
    let mut text = String::new();
    for round in 0..6 {
        for (i, p) in pieces.iter().enumerate() {
            if (i + round) % 3 != 0 {
                text.push_str(p);
            }
        }
    }
    // Last, a fence inside a list item that a column-0 line closes: cutting stops there.
    text.push_str("- item\n  ```\n\nplain at column 0\n\n  ```\n\n# After\n\nEnd.\n");
    for stretch in [16, 40, 64, 100, 177, 333, 1000] {
        assert_same("tricky", &text, stretch);
    }
    assert!(assert_same("tricky", &text, 64) > 10, "the text is cut");
    let with_front_matter = format!("---\ntitle: Front\n---\n{text}");
    assert_same("front matter", &with_front_matter, 64);
    assert_eq!(whole(&with_front_matter).notices.len(), 1);
}
