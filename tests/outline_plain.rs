//! Golden outlines for the plain-text reader, plus a sweep over the shared text corpus.

// Corpus sweeps report on stderr directly: the test harness hides captured output of passing tests.
use std::io::Write as _;

use lectern::doc::{Document, Origin, plain};
use std::path::{Path, PathBuf};

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn parse_file(path: &Path) -> Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = String::from_utf8_lossy(&bytes);
    plain::parse(&text, Origin::File(path.to_path_buf()))
}

/// Structural invariants every parsed document must satisfy.
fn check_invariants(name: &str, doc: &Document) {
    assert!(!doc.outline.is_empty(), "{name}: empty outline");
    for (i, s) in doc.outline.iter().enumerate() {
        assert!(s.block < doc.blocks.len(), "{name}: section {i} points past the blocks");
        match s.parent {
            None => assert_eq!(s.level, 1, "{name}: root {i} not at level 1"),
            Some(p) => {
                assert!(p < i, "{name}: parent of {i} does not precede it");
                assert_eq!(s.level, doc.outline[p].level + 1, "{name}: level of {i} inconsistent");
            }
        }
    }
}

fn golden(fixture: &str, golden_name: &str) {
    let path = manifest().join("tests/fixtures").join(fixture);
    let doc = parse_file(&path);
    check_invariants(fixture, &doc);
    let got = format!("TITLE: {}\n{}", doc.title, doc.outline_text());
    let golden_path = manifest().join("tests/golden/plain").join(format!("{golden_name}.outline"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden_path, &got).expect("write golden");
    }
    let want = std::fs::read_to_string(&golden_path).unwrap_or_else(|e| panic!("{}: {e}", golden_path.display()));
    assert_eq!(got, want, "outline of {fixture} differs from {}", golden_path.display());
}

#[test]
fn seed_000_contents_entries_are_the_structure() {
    golden("000_23fd5533f6104e14.txt", "000_23fd5533f6104e14");
}

#[test]
fn seed_003_title_skips_boilerplate() {
    golden("003_a07c73ac8de5727e.txt", "003_a07c73ac8de5727e");
}

#[test]
fn rfc3533() {
    golden("rfc3533.txt", "rfc3533");
}

#[test]
fn debian_policy_contents_map_to_the_body_and_appendices_group() {
    golden("debian-policy__policy.txt", "debian-policy");
}

#[test]
fn us_constitution() {
    golden("us-constitution", "us-constitution");
}

#[test]
fn alice() {
    golden("canterbury__alice29.txt", "canterbury__alice29");
}

#[test]
fn as_you_like_it() {
    golden("canterbury__asyoulik.txt", "canterbury__asyoulik");
}

#[test]
fn gpl3() {
    golden("GPL-3", "GPL-3");
}

#[test]
fn debian_constitution() {
    golden("doc-debian__constitution.txt", "doc-debian__constitution");
}

/// Every file of the shared text corpus parses into a sane outline.
#[test]
fn sweep_shared_text_corpus() {
    let dir = manifest().join("../../shared/corpus/text");
    let dir = if dir.is_dir() { dir } else { PathBuf::from("/work/shared/corpus/text") };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        let _ = writeln!(std::io::stderr(), "sweep skipped: {} not present", dir.display());
        return;
    };
    let mut n = 0;
    for e in entries.flatten() {
        let doc = parse_file(&e.path());
        check_invariants(&e.path().display().to_string(), &doc);
        n += 1;
    }
    let _ = writeln!(std::io::stderr(), "sweep ran over {n} files in {}", dir.display());
    assert!(n > 0);
}

/// `cargo test --test outline_plain print_outlines -- --ignored --nocapture [PLAIN_FILE=path]`
#[test]
#[ignore]
fn print_outlines() {
    let files: Vec<PathBuf> = match std::env::var_os("PLAIN_FILE") {
        Some(f) => vec![PathBuf::from(f)],
        None => std::fs::read_dir("/work/shared/corpus/text")
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default(),
    };
    for f in files {
        let doc = parse_file(&f);
        println!("=== {} | TITLE: {}\n{}", f.display(), doc.title, doc.outline_text());
    }
}

#[test]
fn debian_faq() {
    golden("debian-faq-11.1__debian-faq.en.txt", "debian-faq");
}

/// `cargo test --release --test outline_plain big_file_timing -- --ignored --nocapture`
#[test]
#[ignore]
fn big_file_timing() {
    let mut text = String::new();
    for f in std::fs::read_dir(manifest().join("tests/fixtures")).expect("fixtures").flatten() {
        text.push_str(&String::from_utf8_lossy(&std::fs::read(f.path()).expect("read")));
    }
    let target: usize = std::env::var("PLAIN_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(100) << 20;
    let big = text.repeat(target / text.len().max(1) + 1);
    let t = std::time::Instant::now();
    let doc = plain::parse(&big, Origin::Stdin);
    println!(
        "{} MB -> {} blocks, {} sections in {:?}",
        big.len() >> 20,
        doc.blocks.len(),
        doc.outline.len(),
        t.elapsed()
    );
}

/// Module reference pages nest under chapter 6; the indented terms of a definition list
/// ("Palindrome", "Rotated") are not sections.
#[test]
fn linux_pam_guide() {
    golden("libpam-doc__Linux-PAM_SAG.txt", "linux-pam-sag");
}

/// A GNU info manual read as text: the makeinfo header's END-INFO-DIR-ENTRY is not the title,
/// and sections whose titles open with a quote (‘sed’ scripts) still nest by their numbers.
#[test]
fn sed_info_manual() {
    golden("sed.info", "sed-info");
}
