//! Tests for mdBook loading on small books written to a temporary folder.

use super::*;

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

fn shape(doc: &Document) -> Vec<(String, u8, Option<usize>)> {
    doc.outline.iter().map(|s| (s.title.clone(), s.level, s.parent)).collect()
}

#[test]
fn not_a_book_is_none() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "README.md", "# Hi\n");
    assert!(load_book(dir.path()).is_none());
}

#[test]
fn parts_prefix_suffix_drafts_and_missing_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "SUMMARY.md",
        "# Contents\n\n[Preface](pre.md)\n\n# Basics\n\n- [One](one.md)\n  - [Draft]()\n    - [Deep](deep.md)\n- [Gone](gone.md)\n\n---\n\n[Thanks](thanks%20you.md)\n",
    );
    write(d, "pre.md", "Just prose.\n");
    write(
        d,
        "one.md",
        "# One, the file's title\n\nText.\n\n## Detail\n\n```rust\n# use std::io;\n#\nfn main() {}\n    ##x\n```\n",
    );
    write(d, "deep.md", "## A\n\n## B\n");
    write(d, "thanks you.md", "Thanks.\n");
    let doc = load_book(d).expect("a book").expect("readable");
    assert_eq!(doc.title, "Contents");
    let expect = |t: &str, l: u8, p: Option<usize>| (t.to_string(), l, p);
    assert_eq!(
        shape(&doc),
        [
            expect("Preface", 1, None),
            expect("Basics", 1, None),
            expect("One", 2, Some(1)),
            expect("Detail", 3, Some(2)),
            expect("Deep", 3, Some(2)),
            expect("A", 4, Some(4)),
            expect("B", 4, Some(4)),
            expect("Gone", 2, Some(1)),
            expect("Thanks", 1, None),
        ]
    );
    // Merged chapter heading: the entry jumps to the file's own heading, levelled by depth.
    let one = &doc.blocks[doc.outline[2].block];
    assert_eq!(one.text, "One, the file's title");
    assert_eq!(one.kind, BlockKind::Heading { level: 2 });
    // Inserted chapter heading for a file without one.
    assert_eq!(doc.blocks[doc.outline[0].block].text, "Preface");
    assert_eq!(doc.blocks[doc.outline[0].block + 1].text, "Just prose.");
    // mdBook's hidden Rust lines stay hidden.
    assert!(doc.blocks.iter().any(|b| b.text == "fn main() {}\n    #x"));
    assert_eq!(doc.notices.len(), 1, "{:?}", doc.notices);
    assert!(doc.notices[0].contains("Gone"));
    assert!(doc.outline.iter().all(|s| s.block < doc.blocks.len()));
    assert_eq!(doc.outline[3].id, "basics/one/detail");
}

#[test]
fn book_toml_title_wins_and_src_folder_is_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "book.toml", "[output.html]\ntitle = \"wrong\"\n[book]\nauthors = []\ntitle = 'The Book'\n");
    write(d, "src/SUMMARY.md", "- [A](a.md)\n");
    write(d, "src/a.md", "# A\n");
    let doc = load_book(d).expect("a book").expect("readable");
    assert_eq!(doc.title, "The Book");
    assert_eq!(shape(&doc), [("A".to_string(), 1, None)]);
}

#[test]
fn empty_summary_is_an_error_and_links_are_cleaned() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "SUMMARY.md", "# Summary\n\n- [Draft]()\n");
    assert!(matches!(load_book(dir.path()), Some(Err(_))));
    assert_eq!(clean_link("./a%20b/c.md#frag"), "a b/c.md");
    assert_eq!(clean_link("bad%zz.md"), "bad%zz.md");
}
