//! `update` transitions on a document built from the model: scrolling, counts, percent jumps,
//! sections, the jump list, the tree following the reading position, resize anchoring.

use lectern::app::update::{handle_key, update};
use lectern::app::{Action, App, Command, Focus, Overlay, Settings};
use lectern::doc::{Block, BlockKind, Document, Format, Origin, Section, assign_section_ids};
use lectern::input::{Code, Key};
use lectern::library::Library;

/// Three chapters of two sections each, every section with a few long paragraphs.
fn book() -> Document {
    let mut blocks = Vec::new();
    let mut outline = Vec::new();
    for c in 0..3 {
        let parent = outline.len();
        outline.push(Section {
            id: String::new(),
            title: format!("Chapter {c}"),
            level: 1,
            parent: None,
            block: blocks.len(),
            number: None,
        });
        blocks.push(Block::new(BlockKind::Heading { level: 1 }, format!("Chapter {c}")));
        for s in 0..2 {
            outline.push(Section {
                id: String::new(),
                title: format!("Section {c}.{s}"),
                level: 2,
                parent: Some(parent),
                block: blocks.len(),
                number: None,
            });
            blocks.push(Block::new(BlockKind::Heading { level: 2 }, format!("Section {c}.{s}")));
            for p in 0..4 {
                blocks.push(Block::new(BlockKind::Paragraph, format!("Paragraph {c}.{s}.{p} ").repeat(12)));
            }
        }
    }
    assign_section_ids(&mut outline);
    Document { title: "Book".into(), origin: Origin::Stdin, format: Format::Plain, blocks, outline, notices: vec![] }
}

fn app(cols: u16, rows: u16) -> App {
    let lib = Library { docs: vec![book()], ..Library::default() };
    App::new(lib, cols, rows, Settings::default())
}

fn keys(app: &mut App, ks: &str) {
    for c in ks.chars() {
        handle_key(app, Key::ch(c));
    }
}

fn top_line(app: &App) -> usize {
    app.view().unwrap().top_line()
}

fn section_title(app: &App) -> String {
    let doc = app.doc().unwrap();
    let s = app.view().unwrap().current_section(doc).unwrap();
    doc.outline[s].title.clone()
}

#[test]
fn scrolling_with_counts_and_clamping() {
    let mut a = app(80, 24);
    keys(&mut a, "j");
    assert_eq!(top_line(&a), 1);
    keys(&mut a, "5j");
    assert_eq!(top_line(&a), 6);
    keys(&mut a, "3k");
    assert_eq!(top_line(&a), 3);
    keys(&mut a, "kkkkkk");
    assert_eq!(top_line(&a), 0, "never above the top");
    keys(&mut a, "G");
    let max = a.view().unwrap().max_top(23);
    assert_eq!(top_line(&a), max);
    keys(&mut a, "j");
    assert_eq!(top_line(&a), max, "never past the end");
    assert_eq!(a.view().unwrap().percent(23), 100);
    keys(&mut a, "g");
    assert_eq!(top_line(&a), 0);
    handle_key(&mut a, Key::plain(Code::Char(' ')));
    assert_eq!(top_line(&a), 22, "a page keeps one line of context");
    handle_key(&mut a, Key::ctrl('u'));
    assert_eq!(top_line(&a), 11);
}

#[test]
fn percent_jumps_and_jump_list() {
    let mut a = app(80, 24);
    let len = a.view().unwrap().layout().len();
    keys(&mut a, "50%");
    let half = top_line(&a);
    assert!(half.abs_diff(len / 2) <= 2, "50% went to {half} of {len}");
    keys(&mut a, "10p");
    let tenth = top_line(&a);
    assert!(tenth.abs_diff(len / 10) <= 2);
    keys(&mut a, "''");
    assert_eq!(top_line(&a), half, "'' goes back to before the last jump");
    handle_key(&mut a, Key::ctrl('o'));
    assert_eq!(top_line(&a), 0);
    handle_key(&mut a, Key { code: Code::Right, ctrl: false, alt: true });
    assert_eq!(top_line(&a), half, "forward again");
    handle_key(&mut a, Key { code: Code::Char('i'), ctrl: false, alt: true });
    assert_eq!(top_line(&a), tenth);
}

#[test]
fn section_motion_and_tree_following() {
    let mut a = app(80, 24);
    assert_eq!(section_title(&a), "Chapter 0");
    keys(&mut a, "]");
    assert_eq!(section_title(&a), "Section 0.0");
    keys(&mut a, "2]");
    assert_eq!(section_title(&a), "Chapter 1");
    let doc = a.doc().unwrap();
    assert_eq!(a.view().unwrap().tree.cursor, doc.outline.iter().position(|s| s.title == "Chapter 1").unwrap());
    keys(&mut a, "6j");
    assert_eq!(section_title(&a), "Section 1.0");
    keys(&mut a, "[");
    assert_eq!(section_title(&a), "Section 1.0", "[ inside a section goes to its start");
    let heading_line = a.view().unwrap().layout().first_line_of_block(a.doc().unwrap().outline[4].block);
    assert_eq!(top_line(&a), heading_line);
    keys(&mut a, "[");
    assert_eq!(section_title(&a), "Chapter 1");
    keys(&mut a, "[");
    assert_eq!(section_title(&a), "Section 0.1");
    // Jumping to the last section near the end pins it even though it cannot reach the top.
    keys(&mut a, "G");
    keys(&mut a, "g");
    for _ in 0..10 {
        keys(&mut a, "]");
    }
    assert_eq!(section_title(&a), "Section 2.1");
}

#[test]
fn tree_focus_collapse_and_open() {
    let mut a = app(80, 24);
    handle_key(&mut a, Key::plain(Code::Tab));
    assert_eq!(a.focus, Focus::Tree);
    keys(&mut a, "H");
    assert_eq!(a.view().unwrap().tree.rows().len(), 3, "collapse all leaves the chapters");
    keys(&mut a, "jj");
    handle_key(&mut a, Key::plain(Code::Enter));
    assert_eq!(section_title(&a), "Chapter 2");
    keys(&mut a, "l");
    assert_eq!(a.view().unwrap().tree.rows().len(), 5);
    keys(&mut a, "lj");
    handle_key(&mut a, Key::plain(Code::Enter));
    assert_eq!(section_title(&a), "Section 2.1");
    keys(&mut a, "L");
    assert_eq!(a.view().unwrap().tree.rows().len(), 9);
    handle_key(&mut a, Key::plain(Code::Tab));
    assert_eq!(a.focus, Focus::Text);
    keys(&mut a, "t");
    assert!(!a.tree_shown);
    handle_key(&mut a, Key::plain(Code::Tab));
    assert_eq!(a.focus, Focus::Text, "no focus on a hidden tree");
}

#[test]
fn tree_resize_keys() {
    let mut a = app(100, 30);
    let w = a.tree_width;
    keys(&mut a, ">");
    assert!(a.tree_width > w);
    keys(&mut a, "<<<<<<<<<<");
    assert_eq!(a.tree_width, lectern::app::geometry::MIN_TREE_WIDTH);
}

#[test]
fn tree_shown_at_start_only_when_wide_enough() {
    assert!(app(80, 24).tree_shown);
    assert!(!app(79, 24).tree_shown);
    assert!(!app(40, 12).tree_shown);
    // A tree on top needs height rather than width.
    let top = |cols, rows| {
        let settings = Settings { tree_at: lectern::app::TreeAt::Top, ..Settings::default() };
        App::new(Library::bundled(), cols, rows, settings).tree_shown
    };
    assert!(top(40, 24));
    assert!(!top(120, 23));
    assert!(!top(40, 12));
}

#[test]
fn resize_keeps_the_same_text_at_the_top() {
    let mut a = app(120, 40);
    keys(&mut a, "40j");
    let anchor = a.view().unwrap().top;
    for (c, r) in [(40u16, 12u16), (200, 50), (61, 17), (120, 40)] {
        update(&mut a, Action::Resize(c, r));
        let v = a.view().unwrap();
        let l = v.layout().line_of(anchor);
        let t = v.top_line();
        // The top is the line holding the anchor, or the blank separator just above it.
        assert!(t == l || (t + 1 == l && v.layout().line(t).blank), "at {c}x{r}: top {t}, anchor line {l}");
    }
}

#[test]
fn overlays_open_and_close() {
    let mut a = app(80, 24);
    keys(&mut a, "?");
    assert!(matches!(a.overlay, Some(Overlay::Help { scroll: 0 })));
    keys(&mut a, "j");
    assert!(matches!(a.overlay, Some(Overlay::Help { scroll: 1 })), "keys go to the overlay");
    keys(&mut a, "q");
    assert!(a.overlay.is_none(), "q closes an overlay without a text field");
    assert!(!a.quit);
    keys(&mut a, "o");
    assert!(matches!(a.overlay, Some(Overlay::Library { .. })));
    handle_key(&mut a, Key::plain(Code::Esc));
    assert!(a.overlay.is_none());
    keys(&mut a, "q");
    assert!(a.quit);
}

#[test]
fn library_enter_switches_document() {
    let mut lib = Library::bundled();
    lib.docs.push(book());
    let n = lib.docs.len();
    let mut a = App::new(lib, 80, 24, Settings::default());
    keys(&mut a, "o");
    for _ in 0..n {
        keys(&mut a, "j");
    }
    handle_key(&mut a, Key::plain(Code::Enter));
    assert_eq!(a.current, n - 1);
    assert_eq!(a.doc().unwrap().title, "Book");
    update(&mut a, Action::Run(Command::Quit, None));
    assert!(a.quit);
}

#[test]
fn tree_follows_width_until_the_user_chooses() {
    let mut a = app(100, 30);
    assert!(a.tree_shown);
    update(&mut a, Action::Resize(60, 20));
    assert!(!a.tree_shown, "a narrow terminal hides the tree");
    update(&mut a, Action::Resize(100, 30));
    assert!(a.tree_shown);
    keys(&mut a, "t");
    update(&mut a, Action::Resize(60, 20));
    update(&mut a, Action::Resize(100, 30));
    assert!(!a.tree_shown, "after t the user's choice sticks");
}

#[test]
fn every_k_moves_exactly_one_line_on_the_seeds() {
    let mut a = App::new(Library::bundled(), 80, 24, Settings::default());
    keys(&mut a, "G");
    let mut prev = top_line(&a);
    assert!(prev > 10);
    while prev > 0 {
        keys(&mut a, "k");
        let now = top_line(&a);
        assert_eq!(now + 1, prev, "k from line {prev} went to {now}");
        prev = now;
    }
    for _ in 0..30 {
        keys(&mut a, "j");
        let now = top_line(&a);
        assert_eq!(now, prev + 1);
        prev = now;
    }
}

#[test]
fn every_k_moves_exactly_one_line_in_a_long_markdown_file() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ratatui-0.29.0__CHANGELOG.md");
    let lib = Library::open_paths(&[path]);
    let mut a = App::new(lib, 80, 24, Settings::default());
    keys(&mut a, "30%");
    let mut prev = top_line(&a);
    for _ in 0..400 {
        keys(&mut a, "k");
        let now = top_line(&a);
        assert_eq!(now + 1, prev, "k from line {prev} went to {now}");
        prev = now;
    }
}

#[test]
fn link_targets_are_one_key_away() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ratatui-0.29.0__CHANGELOG.md");
    let mut a = App::new(Library::open_paths(&[path]), 80, 24, Settings::default());
    keys(&mut a, "U");
    match &a.overlay {
        Some(Overlay::Links { items, .. }) => {
            assert!(!items.is_empty());
            assert!(items.iter().all(|l| !l.url.is_empty() && !l.text.contains("](")), "{items:?}");
            assert!(items.iter().any(|l| l.url.starts_with("https://")), "{items:?}");
        }
        other => panic!("links overlay not open: {other:?}"),
    }
    keys(&mut a, "q");
    assert!(a.overlay.is_none());
    // The seeds are plain text: no links, a message instead of an empty box.
    let mut s = App::new(Library::bundled(), 80, 24, Settings::default());
    keys(&mut s, "U");
    assert!(s.overlay.is_none());
    assert_eq!(s.message.as_deref(), Some("No links on screen"));
}

/// The help overlay pages and jumps to its ends; at the end a further press changes nothing, so
/// the first press back moves at once.
#[test]
fn help_pages_and_stops_at_its_ends() {
    let mut a = app(60, 12);
    handle_key(&mut a, Key::ch('?'));
    let scroll = |a: &App| match a.overlay {
        Some(Overlay::Help { scroll }) => scroll,
        ref other => panic!("help closed: {other:?}"),
    };
    handle_key(&mut a, Key::ch(' '));
    let page = scroll(&a);
    assert!(page >= 5, "Space moves a page of rows, not one: {page}");
    handle_key(&mut a, Key::ch('G'));
    let end = scroll(&a);
    assert!(end > page, "G goes to the last screenful");
    for _ in 0..5 {
        handle_key(&mut a, Key::ch('j'));
    }
    assert_eq!(scroll(&a), end, "no scrolling past the end");
    handle_key(&mut a, Key::ch('k'));
    assert_eq!(scroll(&a), end - 1, "one press back moves back");
    handle_key(&mut a, Key::ch('b'));
    assert_eq!(scroll(&a), end - 1 - page);
    handle_key(&mut a, Key::ch('g'));
    assert_eq!(scroll(&a), 0);
    handle_key(&mut a, Key::plain(Code::Esc));
    assert!(a.overlay.is_none());
}

/// Library list: G selects the last document, g the first, Space a page further.
#[test]
fn library_list_jumps_to_either_end() {
    let mut a = App::new(Library::bundled(), 80, 24, Settings::default());
    handle_key(&mut a, Key::ch('o'));
    handle_key(&mut a, Key::ch('G'));
    let last = a.library.docs.len() - 1;
    assert!(matches!(a.overlay, Some(Overlay::Library { selected }) if selected == last), "{:?}", a.overlay);
    handle_key(&mut a, Key::ch('g'));
    assert!(matches!(a.overlay, Some(Overlay::Library { selected: 0 })));
    handle_key(&mut a, Key::ch(' '));
    assert!(matches!(a.overlay, Some(Overlay::Library { selected }) if selected == last), "clamped to the last");
}
