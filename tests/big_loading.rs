//! A big file opens from its first part, the full parse arrives in the background, and the
//! app swaps it in keeping the reader's place; afterwards the loop goes back to blocking.

use std::time::{Duration, Instant};

use lectern::app::update::update;
use lectern::app::{Action, App, Command, Settings};
use lectern::doc::Origin;
use lectern::library::Library;
use lectern::library::loader::{self, BACKGROUND_BYTES};

fn big_markdown() -> (String, usize) {
    let mut text = String::new();
    let mut chapters = 0;
    while text.len() < BACKGROUND_BYTES + 4096 {
        chapters += 1;
        text.push_str(&format!("# Chapter {chapters}\n\n"));
        for p in 0..6 {
            text.push_str(&format!("Paragraph {p} of chapter {chapters}. {}\n\n", "Words to wrap here. ".repeat(40)));
        }
    }
    (text, chapters)
}

#[test]
fn big_file_opens_from_its_start_and_completes_in_the_background() {
    let (text, chapters) = big_markdown();
    let (first, loading) = loader::open(text.into_bytes(), Origin::File("big.md".into()), 0).expect("text");
    let mut lib = Library::default();
    lib.docs.push(first);
    lib.loading.extend(loading);
    assert_eq!(lib.loading.len(), 1);

    let mut app = App::new(lib, 100, 30, Settings::default());
    assert!(app.message.as_deref().is_some_and(|m| m.starts_with("Loading big.md")), "{:?}", app.message);
    let partial = app.doc().expect("doc").outline.len();
    assert!(partial < chapters);
    assert!(app.background_wait().is_some(), "the loop polls while loading");

    for _ in 0..40 {
        update(&mut app, Action::Run(Command::PageDown, None));
    }
    let top = app.view().expect("view").top;
    let top_text = app.doc().expect("doc").blocks[top.block].text.clone();

    let deadline = Instant::now() + Duration::from_secs(60);
    let mut shown = Vec::new();
    while app.background_wait().is_some() {
        assert!(Instant::now() < deadline, "loading never finished");
        app.background_step(Duration::from_millis(8));
        if let Some(p) = app.message.as_deref().and_then(percent_built) {
            shown.push(p);
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    // The status line said how far the parse had got, never going back.
    assert!(!shown.is_empty(), "no progress was shown");
    assert!(shown.windows(2).all(|w| w[0] <= w[1]), "{shown:?}");
    let doc = app.doc().expect("doc");
    assert_eq!(doc.outline.len(), chapters, "the tree is complete once loading finishes");
    let view = app.view().expect("view");
    assert_eq!(doc.blocks[view.top.block].text, top_text, "the same text stays on top");
    assert_eq!(view.top, top);
    assert!(view.layout().is_complete());
    assert_eq!(app.message, None, "the loading message goes away");

    // Once settled, G lands at the exact end and the loop blocks again.
    update(&mut app, Action::Run(Command::Bottom, None));
    let view = app.view().expect("view");
    assert_eq!(view.top_line(), view.max_top(app.body_height()));
    assert_eq!(app.background_wait(), None);
}

#[test]
fn small_files_parse_at_once() {
    let (doc, loading) = loader::open(b"# One\n\ntext\n".to_vec(), Origin::Stdin, 0).expect("text");
    assert!(loading.is_none());
    assert_eq!(doc.outline.len(), 1);
}

#[test]
fn decoding_without_a_copy_gives_what_decode_gives() {
    use lectern::doc::decode::{decode, decode_owned};
    for bytes in [&b"plain\ntext"[..], b"crlf\r\ntext", b"\xEF\xBB\xBFbom", b"lat\xE9in", b"\0\0\0\0bin", b""] {
        assert_eq!(decode_owned(bytes.to_vec()), decode(bytes), "{bytes:?}");
    }
}

/// The figure in "Loading big.md (4 MB): chapter tree 40% built, 0 s".
fn percent_built(message: &str) -> Option<u32> {
    let before = message.split("% built").next().filter(|b| b.len() < message.len())?;
    before.rsplit(' ').next()?.parse().ok()
}
