//! The frugal backend must leave the terminal showing exactly ratatui's buffer after every frame
//! (checked with vt100 and, for left/right margins, with our own screen model), and must be
//! cheap: bytes per scroll are printed next to ratatui's stock CrosstermBackend.

mod support {
    pub mod compare;
    pub mod scene;
    pub mod screen_model;
}

use lectern::term::frugal::{Caps, FrugalBackend};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use support::compare::{compare_model, compare_vt100};
use support::scene::{Rng, Scene};
use support::screen_model::ScreenModel;

struct Harness {
    terminal: Terminal<FrugalBackend<Vec<u8>>>,
    parser: vt100::Parser,
    model: ScreenModel,
    caps: Caps,
    last: Vec<u8>,
    seen: usize,
}

impl Harness {
    fn new(width: u16, height: u16, caps: Caps) -> Self {
        let mut backend = FrugalBackend::new(Vec::new(), caps);
        backend.set_size(width, height);
        let terminal = Terminal::new(backend).expect("terminal");
        Harness {
            terminal,
            parser: vt100::Parser::new(height, width, 0),
            model: ScreenModel::new(width, height),
            caps,
            last: Vec::new(),
            seen: 0,
        }
    }

    fn total_seen(&self) -> usize {
        self.seen
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().set_size(width, height);
        self.terminal.resize(Rect::new(0, 0, width, height)).expect("resize");
        self.parser.set_size(height, width);
        self.model.resize(width, height);
    }

    fn hint(&mut self, area: Rect, dy: i32) {
        self.terminal.backend_mut().hint_scroll(area, dy);
    }

    /// Draw, check the screens against the buffer, return the bytes the frame cost.
    fn frame(&mut self, scene: &Scene, label: &str) -> usize {
        let completed = self.terminal.draw(|f| scene.render(f)).expect("draw");
        let expected: Buffer = completed.buffer.clone();
        let bytes = std::mem::take(self.terminal.backend_mut().writer_mut());
        self.last = bytes.clone();
        self.seen += bytes.len();
        self.model.feed(&bytes);
        let shown = |e: String| format!("{label}: {e}\nbytes: {:?}", String::from_utf8_lossy(&bytes));
        if let Err(e) = compare_model(&expected, &self.model) {
            panic!("model {}", shown(e));
        }
        let cursor = scene.popup.is_some();
        assert_eq!(self.model.cursor_visible, cursor, "{label}: model cursor visibility");
        if !self.caps.margins {
            self.parser.process(&bytes);
            if let Err(e) = compare_vt100(&expected, self.parser.screen()) {
                panic!("vt100 {}", shown(e));
            }
            assert_eq!(!self.parser.screen().hide_cursor(), cursor, "{label}: vt100 cursor");
        }
        if cursor {
            let want = self.terminal.get_cursor_position().expect("cursor");
            assert_eq!((self.model.col, self.model.row), (want.x, want.y), "{label}: cursor position");
            if !self.caps.margins {
                assert_eq!(self.parser.screen().cursor_position(), (want.y, want.x), "{label}");
            }
        }
        bytes.len()
    }
}

fn random_session(seed: u64, frames: usize, caps: Caps) -> u64 {
    let mut rng = Rng::new(seed);
    let mut scene = Scene::new(&mut rng, false);
    let (mut width, mut height) = (80u16, 24u16);
    let mut h = Harness::new(width, height, caps);
    let mut total = 0u64;
    for i in 0..frames {
        let roll = rng.below(100);
        let text_area = scene.text_area(Rect::new(0, 0, width, height));
        match roll {
            0..=44 => {
                let dy = rng.below(13) as i32 - 6;
                let dy = if rng.chance(5) { i32::from(height) } else { dy };
                let old = scene.top as i32;
                scene.top = (old + dy).clamp(0, scene.max_top() as i32) as usize;
                let moved = scene.top as i32 - old;
                match rng.below(10) {
                    0 => h.hint(text_area, rng.below(9) as i32 - 4),
                    1 => {}
                    _ => h.hint(text_area, moved),
                }
            }
            45..=59 => scene.selected = rng.below(60),
            60..=67 => {
                scene.popup = match scene.popup {
                    Some(_) => None,
                    None => Some(String::new()),
                }
            }
            68..=77 => {
                if let Some(q) = scene.popup.as_mut() {
                    q.push(['a', 'b', 'c', '漢'][rng.below(4)]);
                }
            }
            78..=80 => {
                width = 20 + rng.below(110) as u16;
                height = 5 + rng.below(40) as u16;
                h.resize(width, height);
            }
            81..=84 => scene.tree = !scene.tree,
            85..=88 => scene.theme += 1,
            89..=90 => scene.inject_escape = !scene.inject_escape,
            91..=93 => h.terminal.backend_mut().invalidate(),
            _ => {}
        }
        total += h.frame(&scene, &format!("seed {seed} frame {i}")) as u64;
    }
    total
}

#[test]
fn random_frames_match_vt100_without_margins() {
    let mut total = 0;
    for seed in 1..=6 {
        total += random_session(seed, 600, Caps { margins: false, sync: seed % 2 == 0 });
    }
    println!("3600 random frames without margins: {total} bytes");
}

#[test]
fn random_frames_match_model_with_margins() {
    let mut total = 0;
    for seed in 11..=16 {
        total += random_session(seed, 600, Caps { margins: true, sync: false });
    }
    println!("3600 random frames with margins: {total} bytes");
}

/// Bytes for drawing `scene` after moving its text by one line, on both backends.
fn one_line_scroll(tree: bool, caps: Caps, hint: bool) -> (usize, usize) {
    let mut rng = Rng::new(7);
    let mut scene = Scene::new(&mut rng, true);
    scene.tree = tree;
    scene.top = 10;
    let mut h = Harness::new(80, 24, caps);
    h.frame(&scene, "first");
    scene.top = 11;
    if hint {
        h.hint(scene.text_area(Rect::new(0, 0, 80, 24)), 1);
    }
    let frugal = h.frame(&scene, "scrolled");
    if std::env::var_os("FRUGAL_SHOW_BYTES").is_some() {
        println!("{:?}", String::from_utf8_lossy(&h.last));
    }
    let idle = h.frame(&scene, "idle");
    assert_eq!(idle, 0, "a frame with no change costs nothing");

    scene.top = 10;
    let stock = stock_bytes(&scene, |s| s.top = 11);
    (frugal, stock)
}

/// A writer whose bytes stay readable while a backend owns it.
#[derive(Clone, Default)]
struct SharedBytes(Rc<RefCell<Vec<u8>>>);

impl Write for SharedBytes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn stock_bytes(scene: &Scene, change: impl Fn(&mut Scene)) -> usize {
    let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)) };
    let out = SharedBytes::default();
    let mut terminal = Terminal::with_options(CrosstermBackend::new(out.clone()), options).expect("stock");
    let mut scene_copy = Scene { lines: scene.lines.clone(), popup: scene.popup.clone(), ..*scene };
    terminal.draw(|f| scene_copy.render(f)).expect("draw");
    let before = out.0.borrow().len();
    change(&mut scene_copy);
    terminal.draw(|f| scene_copy.render(f)).expect("draw");
    Backend::flush(terminal.backend_mut()).expect("flush");
    let after = out.0.borrow().len();
    after - before
}

#[test]
fn one_line_scroll_full_width_is_cheap() {
    let (detected, stock) = one_line_scroll(false, Caps::default(), false);
    let (hinted, _) = one_line_scroll(false, Caps::default(), true);
    println!("one-line scroll, full width 80x24: frugal {detected} B (auto), {hinted} B (hint); stock {stock} B");
    assert!(detected < 150, "{detected}");
    assert!(hinted < 150, "{hinted}");
}

#[test]
fn one_line_scroll_beside_tree_with_margins_is_cheap() {
    let caps = Caps { margins: true, sync: false };
    let (frugal, stock) = one_line_scroll(true, caps, true);
    println!("one-line scroll, text right of 24-col tree, margins: frugal {frugal} B; stock {stock} B");
    assert!(frugal < 150, "{frugal}");
}

#[test]
fn one_line_scroll_beside_tree_without_margins_is_bounded() {
    let (frugal, stock) = one_line_scroll(true, Caps::default(), true);
    let (unhinted, _) = one_line_scroll(true, Caps::default(), false);
    println!(
        "one-line scroll, text right of 24-col tree, no margins: frugal {frugal} B (hint), {unhinted} B (no hint); stock {stock} B"
    );
    assert!(frugal < 400, "{frugal}");
}

#[test]
fn escape_in_a_cell_never_reaches_the_terminal() {
    let mut rng = Rng::new(3);
    let mut scene = Scene::new(&mut rng, true);
    let mut h = Harness::new(40, 10, Caps::default());
    h.frame(&scene, "before");
    scene.inject_escape = true;
    let completed = h.terminal.draw(|f| scene.render(f)).expect("draw");
    assert!(completed.buffer[(1, 9)].symbol().contains('\x1b'));
    let bytes = std::mem::take(h.terminal.backend_mut().writer_mut());
    assert!(!bytes.windows(4).any(|w| w == b"\x1b[2J" || w == b"\x1b[31"), "{bytes:?}");
    assert!(!String::from_utf8_lossy(&bytes).contains('\u{9b}'));
    assert!(bytes.contains(&b'?'));
}

#[test]
fn invalidate_repaints_and_cursor_changes_cost_only_themselves() {
    let mut rng = Rng::new(5);
    let mut scene = Scene::new(&mut rng, true);
    let mut h = Harness::new(80, 24, Caps::default());
    let first = h.frame(&scene, "first");
    h.terminal.backend_mut().invalidate();
    let repaint = h.frame(&scene, "repaint");
    // The scroll region may have been left set: a repaint resets it with the screen.
    assert!(h.last.starts_with(b"\x1b[m\x1b[r\x1b[2J"), "{:?}", String::from_utf8_lossy(&h.last));
    assert!(repaint * 10 > first * 9, "a full repaint: {repaint} vs first {first}");
    scene.popup = Some(String::new());
    h.frame(&scene, "popup");
    if let Some(q) = scene.popup.as_mut() {
        q.push('x');
    }
    let typed = h.frame(&scene, "typed");
    // The query shows in all 11 popup rows here, so 11 cells change: about 4 B each.
    println!("typing one query character (11 cells change): {typed} B");
    assert!(typed < 60, "{typed}: {:?}", String::from_utf8_lossy(&h.last));
    assert_eq!(h.terminal.backend().bytes_written() as usize, h.total_seen());
}

#[test]
fn reset_sequence_restores_modes() {
    let reset = lectern::term::frugal::reset_sequence();
    for part in [&b"\x1b[r"[..], b"\x1b[?69l", b"\x1b[m", b"\x1b[?25h"] {
        assert!(reset.windows(part.len()).any(|w| w == part), "{part:?}");
    }
}

/// Clearing a line whose first column is already blank starts the erase at column 0 when a CR
/// gets there for less than it costs to reach the first changed cell.
#[test]
fn a_line_is_cleared_from_wherever_the_cursor_gets_cheapest() {
    let mut h = Harness::new(20, 3, Caps::default());
    let draw = |h: &mut Harness, rows: [&str; 3]| {
        h.terminal
            .draw(|f| {
                for (y, text) in rows.iter().enumerate() {
                    f.buffer_mut().set_string(0, y as u16, *text, ratatui::style::Style::new());
                }
            })
            .expect("draw");
        let bytes = std::mem::take(h.terminal.backend_mut().writer_mut());
        h.parser.process(&bytes);
        bytes
    };
    draw(&mut h, ["title", " indented words", "end"]);
    let bytes = draw(&mut h, ["title", "", "end"]);
    assert!(bytes.windows(4).any(|w| w == b"\r\x1b[K"), "{:?}", String::from_utf8_lossy(&bytes));
    assert!(!bytes.windows(4).any(|w| w == b" \x1b[K"), "{:?}", String::from_utf8_lossy(&bytes));
    assert_eq!(h.parser.screen().contents(), "title\n\nend");
}
