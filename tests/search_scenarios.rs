//! Scenario tests for searching on the bundled seeds: the fuzzy overlay (type, select, Enter,
//! Esc) and `/`, `n`, `N` in the text, through the same key handling the terminal uses.

use lectern::app::update::handle_key;
use lectern::app::{App, Overlay, Settings};
use lectern::input::{Code, Key};
use lectern::library::Library;

fn seeds() -> App {
    App::new(Library::bundled(), 80, 24, Settings::default())
}

fn typ(app: &mut App, s: &str) {
    for c in s.chars() {
        handle_key(app, Key::ch(c));
    }
    assert!(app.prepare_frame(&|| false));
}

fn key(app: &mut App, k: Key) {
    handle_key(app, k);
    assert!(app.prepare_frame(&|| false));
}

fn current_section(app: &App) -> String {
    let doc = app.doc().unwrap();
    let s = app.view().unwrap().current_section(doc).unwrap();
    doc.outline[s].title.clone()
}

fn hits(app: &App) -> Vec<String> {
    match &app.overlay {
        Some(Overlay::Fuzzy(o)) => o.hits.iter().map(|h| h.display.clone()).collect(),
        _ => panic!("fuzzy overlay not open"),
    }
}

#[test]
fn gendr_chal_then_enter_lands_on_the_section_and_the_tree_follows() {
    let mut a = seeds();
    typ(&mut a, "f");
    typ(&mut a, "gendr chal");
    let h = hits(&a);
    assert!(h[0].ends_with("Gender-Responsive Security Sector Reform › Challenges and Opportunities"), "{h:?}");
    key(&mut a, Key::plain(Code::Enter));
    assert!(a.overlay.is_none());
    assert_eq!(current_section(&a), "Challenges and Opportunities");
    let doc = a.doc().unwrap();
    let view = a.view().unwrap();
    let cursor = &doc.outline[view.tree.cursor];
    assert_eq!(cursor.title, "Challenges and Opportunities");
    assert_eq!(doc.outline[cursor.parent.unwrap()].title, "Gender-Responsive Security Sector Reform");
    assert!(view.tree.rows().contains(&view.tree.cursor), "the tree reveals the section");
}

#[test]
fn natl_ownrship_ranks_the_chapter_first() {
    let mut a = seeds();
    key(&mut a, Key::ctrl('p'));
    typ(&mut a, "natl ownrship");
    assert!(hits(&a)[0].ends_with("National Ownership of Security Sector Reform"), "{:?}", hits(&a));
}

#[test]
fn selection_moves_and_esc_restores_the_view_exactly() {
    let mut a = seeds();
    typ(&mut a, "7j");
    let before = (a.current, a.view().unwrap().top, a.view().unwrap().top_line(), a.view().unwrap().tree.cursor);
    typ(&mut a, "f");
    typ(&mut a, "security");
    key(&mut a, Key::plain(Code::Down));
    key(&mut a, Key::ctrl('n'));
    match &a.overlay {
        Some(Overlay::Fuzzy(o)) => assert_eq!(o.selected, 2),
        _ => panic!(),
    }
    key(&mut a, Key::plain(Code::Esc));
    assert!(a.overlay.is_none());
    let after = (a.current, a.view().unwrap().top, a.view().unwrap().top_line(), a.view().unwrap().tree.cursor);
    assert_eq!(before, after);
}

#[test]
fn text_hit_marks_the_passage_and_scope_widens_to_the_library() {
    let mut a = seeds();
    typ(&mut a, "f");
    typ(&mut a, "palliative");
    assert!(hits(&a).is_empty(), "the word is only in the second seed");
    key(&mut a, Key::plain(Code::Tab));
    assert_eq!(hits(&a).len(), 1);
    key(&mut a, Key::plain(Code::Enter));
    assert_eq!(a.current, 1, "jumped into the other document");
    let mark = a.mark.expect("passage marked");
    let doc = a.doc().unwrap();
    assert!(doc.blocks[mark.anchor.block].text[mark.anchor.byte..mark.end].starts_with("palliative"));
    let v = a.view().unwrap();
    let line = v.layout().line_of(mark.anchor);
    assert!(line >= v.top_line() && line < v.top_line() + 23, "marked passage on screen");
    typ(&mut a, "j");
    assert!(a.mark.is_none(), "moving on clears the mark");
}

#[test]
fn up_on_an_empty_query_recalls_the_last_one() {
    let mut a = seeds();
    typ(&mut a, "f");
    typ(&mut a, "ownership");
    key(&mut a, Key::plain(Code::Enter));
    typ(&mut a, "f");
    key(&mut a, Key::plain(Code::Up));
    match &a.overlay {
        Some(Overlay::Fuzzy(o)) => assert_eq!(o.input.text, "ownership"),
        _ => panic!(),
    }
}

#[test]
fn slash_search_counts_steps_and_wraps() {
    let mut a = seeds();
    typ(&mut a, "/");
    typ(&mut a, "security sector");
    key(&mut a, Key::plain(Code::Enter));
    let f = a.find.as_ref().expect("search active");
    let total = f.matches.len();
    assert!(total > 5, "{total} matches");
    assert_eq!(f.current, Some(0));
    typ(&mut a, "n");
    assert_eq!(a.find.as_ref().unwrap().current, Some(1));
    typ(&mut a, "NN");
    assert_eq!(a.find.as_ref().unwrap().current, Some(total - 1), "N wraps to the last match");
    assert!(a.message.as_deref().unwrap_or("").contains("wrapped"));
    let (_, right) = lectern::ui::status::texts(&a);
    assert!(right.contains(&format!("match {total}/{total}")), "{right}");
    key(&mut a, Key::plain(Code::Esc));
    assert!(a.find.is_none(), "Esc clears the highlight");
}

#[test]
fn slash_is_smart_case_and_reports_bad_regex() {
    let mut a = seeds();
    typ(&mut a, "/");
    typ(&mut a, "SSR");
    key(&mut a, Key::plain(Code::Enter));
    let n_upper = a.find.as_ref().unwrap().matches.len();
    typ(&mut a, "/");
    typ(&mut a, "ssr");
    key(&mut a, Key::plain(Code::Enter));
    let n_lower = a.find.as_ref().unwrap().matches.len();
    assert!(n_lower >= n_upper && n_upper > 0);
    typ(&mut a, "/");
    typ(&mut a, "\\v(unclosed");
    key(&mut a, Key::plain(Code::Enter));
    assert!(a.message.as_deref().unwrap().starts_with("invalid regex"), "{:?}", a.message);
    typ(&mut a, "/");
    typ(&mut a, "zzqx");
    key(&mut a, Key::plain(Code::Enter));
    assert!(a.message.as_deref().unwrap().contains("not found"));
}
