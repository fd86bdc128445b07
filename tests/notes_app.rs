//! Bookmarks, notes and the reading position through the app's own key handling, on a real
//! Markdown file and a real store in a temp directory (no terminal): what each key of the
//! issue does, what lands on disk, and what a second start sees.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lectern::app::inline::{Row, screen_rows};
use lectern::app::update::handle_key;
use lectern::app::{App, Overlay, Settings, exit_hook};
use lectern::input::{Code, Key};
use lectern::library::Library;
use lectern::store::Store;
use lectern::store::draft::pending_drafts;

const GUIDE: &str = "# Guide\n\nAn introduction to the guide that is long enough to wrap over a couple of lines at sixty columns.\n\n## Installation\n\nDownload the archive from the project page and unpack it into a directory of your choice before running anything.\n\nThe installer checks for a compatible runtime and refuses to continue if the version is older than three years.\n\n## Configuration\n\nSettings live in a single file called lectern.toml which is read once at start and never written by the program.\n\nColours can be turned off with the NO_COLOR environment variable, which every well-behaved terminal tool respects.\n\n## Troubleshooting\n\nIf the screen looks garbled over a slow link, try a smaller window or disable the status bar for a while.\n\nCrashes should be reported with the log file attached and a short description of what you were doing at the time.\n";

struct Fixture {
    _dir: tempfile::TempDir,
    file: PathBuf,
    data: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("guide.md");
    std::fs::write(&file, GUIDE).unwrap();
    let data = dir.path().join("data");
    Fixture { file, data, _dir: dir }
}

fn start(file: &Path, data: &Path) -> App {
    let lib = Library::open_paths(&[file.to_path_buf()]);
    let mut app = App::new(lib, 100, 12, Settings::default());
    app.attach_store(Store::open(data));
    app
}

fn keys(app: &mut App, ks: &[Key]) {
    for k in ks {
        handle_key(app, *k);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        handle_key(app, if c == '\n' { Key::plain(Code::Enter) } else { Key::ch(c) });
    }
}

/// The title of the section being read.
fn section(app: &App) -> Option<String> {
    let doc = &app.library.docs[app.current];
    app.views[app.current].current_section(doc).map(|s| doc.outline[s].title.clone())
}

fn esc() -> Key {
    Key::plain(Code::Esc)
}
fn enter() -> Key {
    Key::plain(Code::Enter)
}

fn record(data: &Path) -> lectern::store::DocRecord {
    let (mut records, _) = Store::open(data).unwrap().records().unwrap();
    assert_eq!(records.len(), 1, "one document record");
    records.remove(0)
}

#[test]
fn m_bookmarks_with_the_section_title_and_b_lists_renames_deletes_and_undoes() {
    let f = fixture();
    let mut app = start(&f.file, &f.data);
    keys(&mut app, &[Key::ch(']'), Key::ch('m')]);
    let Some(Overlay::BookmarkName(p)) = &app.overlay else { panic!("m opens the name prompt: {:?}", app.overlay) };
    assert_eq!(p.input.text, "Installation");
    keys(&mut app, &[enter()]);
    assert_eq!(record(&f.data).bookmarks[0].name, "Installation");
    // A second bookmark with an edited name, further down.
    keys(&mut app, &[Key::ch(']'), Key::ch('m'), Key::ctrl('u')]);
    typed(&mut app, "Settings file");
    keys(&mut app, &[enter()]);
    assert_eq!(record(&f.data).bookmarks.len(), 2);

    keys(&mut app, &[Key::ch('g'), Key::ch('B')]);
    let Some(Overlay::Records(l)) = &app.overlay else { panic!("B opens the list") };
    let names: Vec<&str> = l.shown.iter().map(|&i| l.entries[i].label()).collect();
    assert_eq!(names, ["Settings file", "Installation"], "newest first");
    // Filter, then rename the match.
    keys(&mut app, &[Key::ch('/')]);
    typed(&mut app, "inst");
    keys(&mut app, &[enter(), Key::ch('r'), Key::ctrl('u')]);
    typed(&mut app, "Setup");
    keys(&mut app, &[enter()]);
    let names: Vec<String> = record(&f.data).bookmarks.iter().map(|b| b.name.clone()).collect();
    assert!(names.contains(&"Setup".to_string()), "{names:?}");
    // Delete, undo, delete again.
    keys(&mut app, &[Key::ch('d')]);
    assert_eq!(record(&f.data).bookmarks.len(), 1);
    keys(&mut app, &[Key::ch('u')]);
    assert_eq!(record(&f.data).bookmarks.len(), 2, "u brings the bookmark back");
    // Enter jumps to it and closes the list.
    keys(&mut app, &[Key::ch('/'), esc(), enter()]);
    assert!(app.overlay.is_none());
    assert_eq!(section(&app).as_deref(), Some("Configuration"), "Enter on the first (newest) bookmark");
}

#[test]
fn a_writes_a_note_that_is_marked_listed_searchable_and_editable() {
    let f = fixture();
    let mut app = start(&f.file, &f.data);
    keys(&mut app, &[Key::ch(']'), Key::ch('a')]);
    assert!(matches!(app.overlay, Some(Overlay::Editor(_))));
    typed(&mut app, "Check the runtime first\nand keep the archive");
    keys(&mut app, &[Key::ctrl('s')]);
    assert!(app.overlay.is_none(), "Ctrl-s saves and closes: {:?}", app.message);
    let rec = record(&f.data);
    assert_eq!(rec.notes.len(), 1);
    assert_eq!(rec.notes[0].text, "Check the runtime first\nand keep the archive");
    assert_eq!(rec.notes[0].anchor.section_path.last().map(String::as_str), Some("Installation"));
    // The tree marks the section.
    let doc = &app.library.docs[0];
    let data = &app.annotations.docs[0];
    let s = doc.outline.iter().position(|s| s.title == "Installation").unwrap();
    assert!(data.sections.contains(&s));
    // i shows it under its passage.
    keys(&mut app, &[Key::ch('i')]);
    let rows = screen_rows(&app, 11);
    assert!(
        rows.iter().any(|r| matches!(r, Row::Note { text, first: true } if text.starts_with("Check the runtime"))),
        "{rows:?}"
    );
    keys(&mut app, &[Key::ch('i')]);
    assert!(screen_rows(&app, 11).iter().all(|r| matches!(r, Row::Text(_))));
    // Fuzzy search finds the note and goes to its passage.
    keys(&mut app, &[Key::ch('g'), Key::ch('f')]);
    typed(&mut app, "runtme");
    assert!(app.prepare_frame(&|| false));
    let Some(Overlay::Fuzzy(o)) = &app.overlay else { panic!() };
    assert!(o.hits.iter().any(|h| h.kind == lectern::search::CandidateKind::Note), "{:?}", o.hits);
    let k = o.hits.iter().position(|h| h.kind == lectern::search::CandidateKind::Note).unwrap();
    for _ in 0..k {
        keys(&mut app, &[Key::plain(Code::Down)]);
    }
    keys(&mut app, &[enter()]);
    let heading = app.library.docs[0].outline[s].block;
    assert_eq!(app.mark.map(|m| m.anchor.block), Some(heading), "the note's passage is marked");
    // A lists it; e edits; Esc on a change asks; n goes back; Ctrl-s saves the edit.
    keys(&mut app, &[Key::ch('A')]);
    let Some(Overlay::Records(l)) = &app.overlay else { panic!("A opens the note list") };
    assert_eq!(l.shown.len(), 1);
    keys(&mut app, &[Key::ch('e')]);
    typed(&mut app, " today");
    keys(&mut app, &[esc()]);
    assert!(matches!(&app.overlay, Some(Overlay::Editor(e)) if e.confirm_discard), "Esc on a changed note asks");
    keys(&mut app, &[Key::ch('n'), Key::ctrl('s')]);
    assert_eq!(record(&f.data).notes[0].text, "Check the runtime first\nand keep the archive today");
    // d deletes with undo in the list.
    keys(&mut app, &[Key::ch('A'), Key::ch('d')]);
    assert!(record(&f.data).notes.is_empty());
    keys(&mut app, &[Key::ch('u'), esc()]);
    assert_eq!(record(&f.data).notes.len(), 1);
    // A new note discarded with Esc, y.
    keys(&mut app, &[Key::ch('a')]);
    typed(&mut app, "never mind");
    keys(&mut app, &[esc(), Key::ch('y')]);
    assert!(app.overlay.is_none());
    assert_eq!(record(&f.data).notes.len(), 1);
}

#[test]
fn reopening_resumes_where_the_reader_left_off() {
    let f = fixture();
    let mut app = start(&f.file, &f.data);
    keys(&mut app, &[Key::ch(']'), Key::ch(']'), Key::ch(']'), Key::ch('j')]);
    let top = app.views[0].top;
    assert!(app.next_timer().is_some(), "a move schedules the position save");
    assert!(exit_hook::is_set(exit_hook::POSITION), "and arms the save on SIGHUP");
    // The timer fires; idle again afterwards.
    app.run_timers(Instant::now() + Duration::from_secs(5));
    assert!(app.next_timer().is_none(), "idle: no timer");
    let again = start(&f.file, &f.data);
    assert_eq!(again.views[0].top, top);
    // Quit writes a newer position at once.
    keys(&mut app, &[Key::ch('g'), Key::ch('q')]);
    let third = start(&f.file, &f.data);
    assert_eq!(third.views[0].top, app.views[0].top);
    assert_ne!(third.views[0].top, top);
}

#[test]
fn an_unsaved_note_is_kept_as_a_draft_and_offered_at_the_next_start() {
    let f = fixture();
    let mut app = start(&f.file, &f.data);
    keys(&mut app, &[Key::ch(']'), Key::ch('a')]);
    typed(&mut app, "half a thought");
    assert!(app.next_timer().is_some(), "typing schedules the draft");
    app.run_timers(Instant::now() + Duration::from_secs(10));
    let store = Store::open(&f.data).unwrap();
    assert!(pending_drafts(&store).unwrap().0.is_empty(), "a draft whose editor is open is not left behind");
    drop(app); // the process "dies" with the editor open
    let (drafts, _) = pending_drafts(&store).unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].text, "half a thought");

    let mut next = start(&f.file, &f.data);
    assert!(matches!(next.overlay, Some(Overlay::RestoreDraft(_))), "the draft is offered");
    keys(&mut next, &[Key::ch('y')]);
    let Some(Overlay::Editor(e)) = &next.overlay else { panic!("y restores into the editor") };
    assert_eq!(e.text(), "half a thought");
    typed(&mut next, ", finished");
    keys(&mut next, &[Key::ctrl('s')]);
    assert_eq!(record(&f.data).notes[0].text, "half a thought, finished");
    assert!(pending_drafts(&store).unwrap().0.is_empty(), "saving clears the draft");
    // Esc on the question keeps a draft for later; n discards.
    let mut app = start(&f.file, &f.data);
    keys(&mut app, &[Key::ch('a')]);
    typed(&mut app, "second");
    app.save_pending();
    drop(app);
    let mut later = start(&f.file, &f.data);
    keys(&mut later, &[esc()]);
    assert_eq!(pending_drafts(&store).unwrap().0.len(), 1);
    let mut last = start(&f.file, &f.data);
    keys(&mut last, &[Key::ch('n')]);
    assert!(pending_drafts(&store).unwrap().0.is_empty());
}

#[test]
fn an_edited_file_keeps_its_notes_and_reports_orphans() {
    let f = fixture();
    let mut app = start(&f.file, &f.data);
    keys(&mut app, &[Key::ch(']'), Key::ch('a')]);
    typed(&mut app, "on installation");
    keys(&mut app, &[Key::ctrl('s'), Key::ch(']'), Key::ch(']'), Key::ch('a')]);
    typed(&mut app, "on troubleshooting");
    keys(&mut app, &[Key::ctrl('s')]);
    assert_eq!(record(&f.data).notes.len(), 2);
    // Delete the troubleshooting section and add a paragraph at the top.
    let cut = GUIDE.find("## Troubleshooting").unwrap();
    let edited = format!("# Guide\n\nA brand new opening paragraph.\n{}", &GUIDE["# Guide\n".len()..cut]);
    std::fs::write(&f.file, edited).unwrap();
    let app = start(&f.file, &f.data);
    let data = &app.annotations.docs[0];
    assert_eq!(data.notes.len(), 2, "no note is dropped");
    assert_eq!(data.orphaned(), 1);
    assert!(app.message.as_deref().unwrap_or("").contains("could not be placed"), "{:?}", app.message);
}

#[test]
fn without_a_store_the_reader_still_works_and_says_so() {
    let f = fixture();
    let lib = Library::open_paths(std::slice::from_ref(&f.file));
    let mut app = App::new(lib, 100, 12, Settings::default());
    app.attach_store(Err(lectern::store::StoreError::NoDataDir));
    assert!(app.message.as_deref().unwrap_or("").contains("off"));
    keys(&mut app, &[Key::ch('m')]);
    assert!(app.overlay.is_none());
    keys(&mut app, &[Key::ch('j')]);
    assert!(app.next_timer().is_none());
}

#[test]
fn help_lists_every_new_key() {
    let km = lectern::input::Keymap::default_map();
    let lines = lectern::ui::help::lines(&km);
    for (key, what) in [
        ("m", "Bookmark"),
        ("B", "Bookmarks"),
        ("a", "Note"),
        ("A", "Notes"),
        ("i", "under their passages"),
        ("r", "Rename"),
        ("d", "Delete"),
        ("u", "Undo"),
        ("e", "Edit"),
        ("Ctrl-s", "Save"),
        ("Esc", "asks"),
    ] {
        assert!(
            lines
                .iter()
                .any(|(k, h)| k.split(' ').any(|x| x == key) && h.to_lowercase().contains(&what.to_lowercase())),
            "help lacks {key} ({what})"
        );
    }
}

/// With notes inline, paging down or up (whole or half pages) never skips a line of the text:
/// each step moves by the lines that fit beside the notes' rows.
#[test]
fn paging_with_inline_notes_skips_no_line_either_way() {
    let f = fixture();
    let mut app = start(&f.file, &f.data);
    for _ in 0..3 {
        keys(&mut app, &[Key::ch(']'), Key::ch('a')]);
        typed(&mut app, "a note long enough to wrap\nover\nseveral\nrows of the pane");
        keys(&mut app, &[Key::ctrl('s')]);
    }
    keys(&mut app, &[Key::ch('i')]);
    let h = app.body_height();
    let total = app.views[0].layout().len();
    for (forward, step) in
        [(true, Key::ch(' ')), (false, Key::ch('b')), (true, Key::ctrl('d')), (false, Key::ctrl('u'))]
    {
        keys(&mut app, &[if forward { Key::ch('g') } else { Key::ch('G') }]);
        let mut seen = vec![false; total];
        for _ in 0..200 {
            for r in screen_rows(&app, h) {
                if let Row::Text(i) = r {
                    seen[i] = true;
                }
            }
            let top = app.views[0].top_line();
            keys(&mut app, &[step]);
            if app.views[0].top_line() == top {
                break;
            }
        }
        let missed: Vec<usize> = (0..total).filter(|&i| !seen[i]).collect();
        assert!(missed.is_empty(), "{step:?} skipped lines {missed:?} of {total}");
    }
}

#[test]
fn a_bookmark_whose_file_became_a_fifo_is_not_reopened_so_the_reader_never_blocks() {
    let f = fixture();
    let mut app = start(&f.file, &f.data);
    keys(&mut app, &[Key::ch(']'), Key::ch('m'), enter()]);
    assert_eq!(record(&f.data).bookmarks.len(), 1);
    drop(app);
    std::fs::remove_file(&f.file).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&f.file).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let other = f.data.with_file_name("other.md");
    std::fs::write(&other, "# Other\n\nSomething else entirely.\n").unwrap();
    let mut app = start(&other, &f.data);
    keys(&mut app, &[Key::ch('B')]);
    let Some(Overlay::Records(l)) = &app.overlay else { panic!("B opens the list") };
    assert_eq!(l.shown.len(), 1, "the guide's bookmark is listed although the guide is not open");
    // Reopening would block on the FIFO until a writer came; it is refused with a message.
    keys(&mut app, &[enter()]);
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("is not a file to reopen"), "{message}");
    assert_eq!(app.library.docs.len(), 1);
}
