//! Re-anchoring on real corpus files parsed by the real readers: a note on many sections, then
//! the file is edited on disk (paragraphs inserted above, text reworded right before some
//! quotes, words changed inside other quotes, one annotated section deleted) and reopened by
//! path, as the reader would. Counts of exact, fuzzy and orphaned placements are printed.

use std::path::Path;

use lectern::doc::{Anchor, Document};
use lectern::library::Library;
use lectern::store::{Placement, Store};

/// What was done to the text around one note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    None,
    /// The word before the quote was replaced: the quote itself is intact.
    Nearby,
    /// A word inside the quote was replaced.
    InQuote,
    /// The note's section was deleted.
    Deleted,
}

struct Planted {
    section: usize,
    quote: String,
    /// Up to three words of the block just before the quote, and the quote's first words.
    before_word: Option<String>,
    words: Vec<String>,
    edit: Edit,
}

fn open(path: &Path) -> Document {
    let lib = Library::open_paths(&[path.to_path_buf()]);
    lib.docs.into_iter().next().expect("fixture parses")
}

/// The first paragraph of section `s` long enough to quote from, and a word boundary inside it.
fn passage(doc: &Document, s: usize) -> Option<Anchor> {
    let start = doc.outline[s].block + 1;
    let end =
        doc.outline.iter().map(|x| x.block).filter(|&b| b > doc.outline[s].block).min().unwrap_or(doc.blocks.len());
    (start..end).find_map(|b| {
        let text = &doc.blocks[b].text;
        if text.len() < 120 || !text.is_ascii() {
            return None;
        }
        // Start at the fourth word, so there is context before the quote.
        let byte = text.match_indices(' ').nth(2).map(|(i, _)| i + 1)?;
        Some(Anchor::new(b, byte))
    })
}

fn unique(hay: &str, needle: &str) -> Option<usize> {
    let mut it = hay.match_indices(needle);
    let first = it.next()?.0;
    it.next().is_none().then_some(first)
}

/// A leaf section with a note, whose passage and heading and the next heading are unique in the source.
fn deletable(doc: &Document, source: &str, planted: &[Planted]) -> Option<(usize, std::ops::Range<usize>)> {
    let mid = planted.len() / 2;
    for p in planted[mid..].iter().chain(&planted[..mid]) {
        let s = p.section;
        let next = doc
            .outline
            .iter()
            .enumerate()
            .filter(|(_, x)| x.block > doc.outline[s].block)
            .min_by_key(|(_, x)| x.block)?;
        // A passage repeated elsewhere (manuals repeat sentences between sync and async
        // variants) would rightly be re-found there: delete a section whose passage is unique.
        if unique(source, &p.words.join(" ")).is_none() {
            continue;
        }
        if next.1.level > doc.outline[s].level || doc.outline[s].title.len() < 6 || next.1.title.len() < 6 {
            continue;
        }
        let (Some(a), Some(b)) = (unique(source, &doc.outline[s].title), unique(source, &next.1.title)) else {
            continue;
        };
        if a >= b {
            continue;
        }
        let a = source[..a].rfind('\n').map_or(0, |i| i + 1);
        let b = source[..b].rfind('\n').map_or(0, |i| i + 1);
        return Some((s, a..b));
    }
    None
}

fn run(fixture: &str, want_notes: usize) -> (usize, usize, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(fixture);
    let original =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(fixture)).unwrap();
    std::fs::write(&path, &original).unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    let doc = open(&path);

    // Plant a note on evenly spread sections.
    let candidates: Vec<(usize, Anchor)> =
        (0..doc.outline.len()).filter_map(|s| passage(&doc, s).map(|a| (s, a))).collect();
    assert!(candidates.len() >= want_notes.min(10), "{fixture}: only {} sections with a paragraph", candidates.len());
    let step = (candidates.len() / want_notes).max(1);
    let mut h = store.open_doc(&doc).unwrap();
    let mut planted = Vec::new();
    for (k, &(s, at)) in candidates.iter().step_by(step).take(want_notes).enumerate() {
        let note = h.add_note(&doc, at, &format!("note {k}")).unwrap();
        let text = &doc.blocks[at.block].text;
        let before_word = text[..at.byte].split_whitespace().last().map(str::to_string);
        let words = text[at.byte..].split_whitespace().take(3).map(str::to_string).collect();
        planted.push(Planted { section: s, quote: note.anchor.quote, before_word, words, edit: Edit::None });
    }

    // Edit the source.
    let mut source = original.clone();
    if let Some((s, range)) = deletable(&doc, &source, &planted) {
        source.replace_range(range, "");
        for p in planted.iter_mut().filter(|p| p.section == s) {
            p.edit = Edit::Deleted;
        }
    }
    for (k, p) in planted.iter_mut().enumerate() {
        if p.edit != Edit::None || p.words.len() < 3 {
            continue;
        }
        let phrase = p.words.join(" ");
        match (k % 3, &p.before_word) {
            (0, Some(w)) => {
                if let Some(at) = unique(&source, &format!("{w} {phrase}")) {
                    source.replace_range(at..at + w.len(), "altered");
                    p.edit = Edit::Nearby;
                }
            }
            (1, _) => {
                if let Some(at) = unique(&source, &phrase) {
                    let second = at + p.words[0].len() + 1;
                    source.replace_range(second..second + p.words[1].len(), "changed");
                    p.edit = Edit::InQuote;
                }
            }
            _ => {}
        }
    }
    let first_break = source.find("\n\n").unwrap_or(0);
    source.insert_str(first_break, "\n\nThis paragraph was inserted above everything else by the test.\n\nAnd a second one, so that every later block moves down by two.");
    std::fs::write(&path, &source).unwrap();

    // Reopen by path: the record of the old text is gathered and re-anchored.
    let edited = open(&path);
    let h = store.open_doc(&edited).unwrap();
    let placed = h.placed_notes(&edited);
    assert_eq!(placed.len(), planted.len(), "{fixture}: no note is ever dropped");
    let (mut exact, mut fuzzy, mut orphaned, mut elsewhere) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for (note, placement) in &placed {
        let k: usize = note.text.trim_start_matches("note ").parse().unwrap();
        let p = &planted[k];
        match placement {
            Placement::Exact(_) => exact += 1,
            Placement::Fuzzy(_) => fuzzy += 1,
            Placement::Orphaned => orphaned += 1,
        }
        let text_at = |a: Anchor| edited.blocks[a.block].text[a.byte..].to_string();
        let ok = match (p.edit, placement) {
            (Edit::Deleted, Placement::Orphaned) => true,
            // A paraphrase of the passage in a sibling section (sync/async variants of one
            // call) is similar enough for the fuzzy match: acceptable, counted, never exact.
            (Edit::Deleted, Placement::Fuzzy(_)) => {
                elsewhere += 1;
                true
            }
            (Edit::None | Edit::Nearby, Placement::Exact(a)) => text_at(*a).starts_with(&p.quote),
            // The quote's third word onwards survives the change of its second word.
            (Edit::InQuote, Placement::Fuzzy(a) | Placement::Exact(a)) => {
                let t = text_at(*a);
                t.starts_with(&p.words[0]) && t.contains(&p.words[2])
            }
            _ => false,
        };
        if !ok {
            let found = placement.anchor().map(|a| text_at(a).chars().take(70).collect::<String>());
            wrong.push(format!("note {k} ({:?}) on {:?}: {placement:?} {found:?}", p.edit, p.quote));
        }
    }
    let count = |e: Edit| planted.iter().filter(|p| p.edit == e).count();
    println!(
        "reanchor corpus {fixture}: {} notes ({} nearby rewording, {} in-quote rewording, {} in the deleted section) -> exact {exact}, fuzzy {fuzzy}, orphaned {orphaned} (deleted but re-found in a similar passage: {elsewhere}), misplaced {}",
        planted.len(),
        count(Edit::Nearby),
        count(Edit::InQuote),
        count(Edit::Deleted),
        wrong.len()
    );
    assert!(wrong.is_empty(), "{fixture}: misplaced notes:\n{}", wrong.join("\n"));
    assert!(
        count(Edit::Deleted) > 0 && count(Edit::InQuote) > 0 && count(Edit::Nearby) > 0,
        "{fixture}: every kind of edit was made"
    );
    (exact, fuzzy, orphaned)
}

#[test]
fn rfc_notes_follow_edits() {
    let (_, fuzzy, orphaned) = run("rfc3533.txt", 20);
    assert!(fuzzy > 0 && orphaned > 0);
}

#[test]
fn debian_constitution_notes_follow_edits() {
    let (_, fuzzy, orphaned) = run("doc-debian__constitution.txt", 30);
    assert!(fuzzy > 0 && orphaned > 0);
}

#[test]
fn markdown_manual_notes_follow_edits() {
    let (exact, fuzzy, _) = run("nodejs-20.20.2__fs.md", 60);
    assert!(fuzzy > 0 && exact >= 45);
}
