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

fn markdown_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> =
        std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "md"));
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
    for file in dirs.iter().flat_map(|d| markdown_files(d)) {
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        let name = file.display().to_string();
        for stretch in [2 << 10, 16 << 10] {
            let parts = assert_same(&name, &text, stretch);
            println!("{name}: {parts} stretches of {stretch} bytes");
            if text.len() > 100_000 && stretch == 16 << 10 {
                assert!(parts > 4, "{name} should be cut");
            }
        }
        checked += 1;
    }
    assert!(checked >= 2, "the Markdown fixtures were not found");
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
