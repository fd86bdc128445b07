//! Whole-screen snapshots of the reader on the bundled seeds, at 80x24 and 40x12, rendered
//! through ratatui's TestBackend: what a user sees, reviewed as text.

use lectern::app::update::{handle_key, update};
use lectern::app::{Action, App, Settings};
use lectern::input::{Code, Key};
use lectern::library::Library;
use lectern::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.cols, app.rows)).unwrap();
    let theme = Theme { color: true, lean: false };
    t.draw(|f| ui::render(app, &theme, f)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn seeds(cols: u16, rows: u16) -> App {
    App::new(Library::bundled(), cols, rows, Settings::default())
}

fn press(app: &mut App, keys: &[Key]) {
    for k in keys {
        handle_key(app, *k);
    }
}

#[test]
fn start_80x24() {
    insta::assert_snapshot!(screen(&seeds(80, 24)));
}

#[test]
fn start_40x12() {
    insta::assert_snapshot!(screen(&seeds(40, 12)));
}

#[test]
fn tree_focused_and_jumped_80x24() {
    let mut a = seeds(80, 24);
    press(
        &mut a,
        &[Key::plain(Code::Tab), Key::ch('L'), Key::ch('j'), Key::ch('j'), Key::ch('j'), Key::plain(Code::Enter)],
    );
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn help_overlay_80x24() {
    let mut a = seeds(80, 24);
    press(&mut a, &[Key::ch('?')]);
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn help_overlay_40x12() {
    let mut a = seeds(40, 12);
    press(&mut a, &[Key::ch('?')]);
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn library_overlay_80x24() {
    let mut a = seeds(80, 24);
    press(&mut a, &[Key::ch('o')]);
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn second_seed_after_resize_40x12() {
    let mut a = seeds(80, 24);
    press(&mut a, &[Key::ch('o'), Key::ch('j'), Key::plain(Code::Enter), Key::ch('5'), Key::ch('j')]);
    update(&mut a, Action::Resize(40, 12));
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn every_screen_size_renders_without_panic() {
    let mut a = seeds(80, 24);
    for cols in 1..=130u16 {
        for rows in [1u16, 2, 3, 5, 12, 24] {
            update(&mut a, Action::Resize(cols, rows));
            let _ = screen(&a);
        }
    }
    press(&mut a, &[Key::ch('?')]);
    for cols in 1..=90u16 {
        update(&mut a, Action::Resize(cols, 6));
        let _ = screen(&a);
    }
}

fn fuzzy_with(cols: u16, rows: u16, query: &str) -> App {
    let mut a = seeds(cols, rows);
    press(&mut a, &[Key::ch('f')]);
    let keys: Vec<Key> = query.chars().map(Key::ch).collect();
    press(&mut a, &keys);
    assert!(a.prepare_frame(&|| false));
    a
}

#[test]
fn fuzzy_overlay_80x24() {
    insta::assert_snapshot!(screen(&fuzzy_with(80, 24, "natl ownrship")));
}

#[test]
fn fuzzy_overlay_empty_query_is_one_hint_row_80x24() {
    insta::assert_snapshot!(screen(&fuzzy_with(80, 24, "")));
}

#[test]
fn fuzzy_overlay_40x12() {
    insta::assert_snapshot!(screen(&fuzzy_with(40, 12, "gendr chal")));
}

#[test]
fn slash_prompt_and_matches_40x12() {
    let mut a = seeds(40, 12);
    let mut keys = vec![Key::ch('/')];
    keys.extend("security".chars().map(Key::ch));
    press(&mut a, &keys);
    insta::assert_snapshot!("slash_prompt_typing_40x12", screen(&a));
    press(&mut a, &[Key::plain(Code::Enter), Key::ch('n')]);
    insta::assert_snapshot!("slash_second_match_40x12", screen(&a));
}

/// `--tree-at top`: the tree over a third of the rows, a rule, the text below; after a jump
/// from the tree the text pane still shows the chosen section at its top.
#[test]
fn tree_on_top_jumped_80x24() {
    let settings = Settings { tree_at: lectern::app::TreeAt::Top, ..Settings::default() };
    let mut a = App::new(Library::bundled(), 80, 24, settings);
    press(&mut a, &[Key::plain(Code::Tab), Key::ch('L'), Key::ch('j'), Key::ch('j'), Key::plain(Code::Enter)]);
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn tree_on_top_40x12() {
    let settings = Settings { tree_at: lectern::app::TreeAt::Top, ..Settings::default() };
    let mut a = App::new(Library::bundled(), 40, 12, settings);
    press(&mut a, &[Key::ch('t')]);
    insta::assert_snapshot!(screen(&a));
}
