//! Golden outlines for Markdown files and the mdBook fixture, a sweep over the shared
//! Markdown corpus checking outline invariants, and a parse-time budget.
//!
//! To refresh a golden after a deliberate change: `UPDATE_GOLDEN=1 cargo test --test outline_markdown`.

// Corpus sweeps report on stderr directly: the test harness hides captured output of passing tests.
use std::io::Write as _;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lectern::doc::{Document, Format, Origin, detect, markdown, mdbook};

const CORPUS: &str = "/work/shared/corpus/markdown";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture copy when committed, else the shared corpus copy, else None.
fn source_path(name: &str) -> Option<PathBuf> {
    [manifest_dir().join("tests/fixtures").join(name), Path::new(CORPUS).join(name)].into_iter().find(|p| p.exists())
}

fn parse_file(path: &Path) -> Document {
    let bytes = std::fs::read(path).expect("read markdown file");
    markdown::parse(&String::from_utf8_lossy(&bytes), Origin::File(path.to_path_buf()))
}

fn load_book(path: &Path) -> Document {
    mdbook::load_book(path).expect("folder is a book").expect("book is readable")
}

/// Compare `doc`'s outline with tests/golden/markdown/`golden`.outline (or rewrite it).
fn check_golden(golden: &str, doc: &Document) {
    let path = manifest_dir().join("tests/golden/markdown").join(format!("{golden}.outline"));
    let actual = format!("title: {}\n{}", doc.title, doc.outline_text());
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).expect("golden file exists");
    if expected != actual {
        let first_diff = expected.lines().zip(actual.lines()).position(|(e, a)| e != a);
        panic!(
            "{golden}: outline differs from {} (first differing line {:?}); actual:\n{actual}",
            path.display(),
            first_diff.map(|i| i + 1)
        );
    }
}

/// Valid block indices, parents before children, child level = parent level + 1, roots at 1,
/// heading text without line breaks, unique ids.
fn check_invariants(name: &str, doc: &Document) {
    let mut ids = std::collections::HashSet::new();
    for (i, s) in doc.outline.iter().enumerate() {
        assert!(s.block < doc.blocks.len(), "{name}: section {i} points past the blocks");
        match s.parent {
            Some(p) => {
                assert!(p < i, "{name}: section {i} has parent {p} after it");
                assert_eq!(s.level, doc.outline[p].level + 1, "{name}: section {i} level");
            }
            None => assert_eq!(s.level, 1, "{name}: root section {i} level"),
        }
        assert!(ids.insert(s.id.clone()), "{name}: duplicate id {}", s.id);
    }
    for (i, b) in doc.blocks.iter().enumerate() {
        let reflowed = !matches!(b.kind, lectern::doc::BlockKind::Code { .. } | lectern::doc::BlockKind::Table(_));
        assert!(!(reflowed && b.text.contains('\n')), "{name}: block {i} has a line break");
        for r in &b.runs {
            assert!(r.bytes().end <= b.text.len() && b.text.is_char_boundary(r.bytes().start));
        }
        for l in &b.links {
            assert!(l.bytes().end <= b.text.len() && b.text.is_char_boundary(l.bytes().end));
        }
    }
}

fn golden_for_file(file: &str, golden: &str) {
    let Some(path) = source_path(file) else {
        println!("{golden}: skipped, {file} is neither a fixture nor in {CORPUS}");
        return;
    };
    let doc = parse_file(&path);
    check_invariants(file, &doc);
    check_golden(golden, &doc);
}

#[test]
fn golden_commonmark_spec() {
    golden_for_file("commonmark-spec-0.5.4__spec.txt", "commonmark-spec");
}

#[test]
fn golden_nodejs_fs() {
    golden_for_file("nodejs-20.20.2__fs.md", "nodejs-fs");
}

#[test]
fn golden_ratatui_changelog() {
    golden_for_file("ratatui-0.29.0__CHANGELOG.md", "ratatui-changelog");
}

#[test]
fn golden_rust_releases() {
    golden_for_file("rust-1.95.0__RELEASES.md", "rust-releases");
}

#[test]
fn golden_async_std_book() {
    let path = manifest_dir().join("tests/fixtures/async-std-1.12.0__book");
    let doc = load_book(&path);
    check_invariants("async-std book", &doc);
    assert!(doc.notices.is_empty(), "{:?}", doc.notices);
    check_golden("async-std-book", &doc);
}

/// The spec is Markdown in a .txt file: detection must say so and its examples must not
/// leak into the outline (the example "# foo" headings would otherwise appear).
#[test]
fn spec_txt_is_detected_and_examples_stay_code() {
    let Some(path) = source_path("commonmark-spec-0.5.4__spec.txt") else {
        println!("spec test skipped: file not found");
        return;
    };
    let text = String::from_utf8_lossy(&std::fs::read(&path).expect("read")).into_owned();
    assert_eq!(detect::detect_format("commonmark-spec-0.5.4__spec.txt", &text), Format::Markdown);
    let doc = parse_file(&path);
    assert_eq!(doc.title, "CommonMark Spec");
    assert!(doc.outline.iter().all(|s| s.title != "foo"), "example headings leaked");
    assert!(doc.blocks.iter().any(|b| b.text == "# foo\n## foo\n### foo\n#### foo\n##### foo\n###### foo"));
}

/// Every Markdown file and book in the shared corpus parses without panicking and keeps the
/// outline invariants; hostile and plain texts are also fed to the Markdown reader.
#[test]
fn sweep_shared_corpus() {
    let root = Path::new(CORPUS);
    if !root.exists() {
        let _ = writeln!(std::io::stderr(), "sweep_shared_corpus: not run, {CORPUS} does not exist");
        return;
    }
    let mut ran = 0;
    let mut dirs = vec![root.to_path_buf()];
    for extra in ["../hostile", "../text"] {
        dirs.push(root.join(extra));
    }
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.display().to_string();
            let doc = if path.is_dir() {
                match mdbook::load_book(&path) {
                    Some(Ok(doc)) => doc,
                    _ => continue,
                }
            } else {
                parse_file(&path)
            };
            check_invariants(&name, &doc);
            ran += 1;
        }
    }
    let _ = writeln!(std::io::stderr(), "sweep_shared_corpus: ran on {ran} files and books");
    assert!(ran >= 5);
}

/// A 5 MB Markdown document (the changelog fixture repeated) parses well under a second in
/// release builds; debug builds get a looser budget so the test is not flaky.
#[test]
fn five_megabytes_parse_quickly() {
    let Some(path) = source_path("ratatui-0.29.0__CHANGELOG.md") else {
        println!("five_megabytes_parse_quickly: skipped, fixture missing");
        return;
    };
    let one = String::from_utf8_lossy(&std::fs::read(&path).expect("read")).into_owned();
    let mut big = String::with_capacity(5 * 1024 * 1024 + one.len());
    while big.len() < 5 * 1024 * 1024 {
        big.push_str(&one);
        big.push('\n');
    }
    let start = Instant::now();
    let doc = markdown::parse(&big, Origin::Stdin);
    let took = start.elapsed();
    println!("five_megabytes_parse_quickly: {} bytes, {} blocks in {took:?}", big.len(), doc.blocks.len());
    let budget = if cfg!(debug_assertions) { Duration::from_secs(5) } else { Duration::from_millis(700) };
    assert!(took < budget, "took {took:?}");
    check_invariants("5 MB", &doc);
}

#[test]
#[ignore]
fn dump_outlines() {
    let name = std::env::var("DUMP").unwrap_or_default();
    let path = Path::new(&name);
    let doc = if path.is_dir() { load_book(path) } else { parse_file(&Path::new(CORPUS).join(&name)) };
    println!("TITLE: {}\nNOTICES: {:?}\n{}", doc.title, doc.notices, doc.outline_text());
    if std::env::var("BLOCKS").is_ok() {
        for (i, b) in doc.blocks.iter().enumerate() {
            println!("{i} {:?} q{} {:?}", b.kind, b.quote, b.text);
        }
    }
}
