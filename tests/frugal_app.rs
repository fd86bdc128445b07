//! The reader itself (real App, real ui::render, the Screen the event loop uses) through the
//! frugal backend: thousands of random actions — scrolls, jumps, overlays, resizes, tree
//! toggles — and after every frame the terminal model fed with our bytes must equal ratatui's
//! buffer (vt100 without margins, our margin-aware model with them). Also checks the byte
//! budgets that do not need a pseudo-terminal.

mod support {
    pub mod compare;
    #[allow(dead_code)]
    pub mod scene;
    pub mod screen_model;
}

use std::path::PathBuf;

use lectern::app::update::{handle_key, update};
use lectern::app::{Action, App, Settings};
use lectern::input::{Code, Key};
use lectern::library::Library;
use lectern::term::frugal::{Caps, FrugalBackend};
use lectern::term::screen::Screen;
use lectern::ui::Theme;
use ratatui::buffer::Buffer;

use support::compare::{compare_model, compare_vt100};
use support::scene::Rng;
use support::screen_model::ScreenModel;

const FIXTURE: &str = "tests/fixtures/ratatui-0.29.0__CHANGELOG.md";

struct Harness {
    app: App,
    screen: Screen<FrugalBackend<Vec<u8>>>,
    parser: vt100::Parser,
    model: ScreenModel,
    caps: Caps,
}

impl Harness {
    fn new(cols: u16, rows: u16, caps: Caps, settings: Settings) -> Harness {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
        let library = Library::open_paths(&[path]);
        let theme = Theme::for_settings(&settings);
        let mut app = App::new(library, cols, rows, settings);
        update(&mut app, Action::Resize(cols, rows));
        let mut backend = FrugalBackend::new(Vec::new(), caps);
        backend.set_size(cols, rows);
        let screen = Screen::new(backend, theme).expect("screen");
        Harness { app, screen, parser: vt100::Parser::new(rows, cols, 0), model: ScreenModel::new(cols, rows), caps }
    }

    fn keys(&mut self, keys: &[Key]) {
        for k in keys {
            handle_key(&mut self.app, *k);
        }
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.screen.terminal_mut().backend_mut().set_size(cols, rows);
        update(&mut self.app, Action::Resize(cols, rows));
        self.parser.set_size(rows, cols);
        self.model.resize(cols, rows);
    }

    /// Draw one frame, check both screens against the buffer, return the frame's bytes.
    fn frame(&mut self, label: &str) -> Vec<u8> {
        let mut drawn: Option<Buffer> = None;
        while !self.app.prepare_frame(&|| false) {}
        if std::mem::take(&mut self.app.full_redraw) {
            self.screen.clear().expect("clear");
        }
        self.screen.draw_inner(&mut self.app, |b| drawn = Some(b.clone())).expect("draw");
        let expected = drawn.expect("a frame was drawn");
        let bytes = std::mem::take(self.screen.terminal_mut().backend_mut().writer_mut());
        let shown = |e: String| format!("{label}: {e}\nbytes: {:?}", String::from_utf8_lossy(&bytes));
        self.model.feed(&bytes);
        if let Err(e) = compare_model(&expected, &self.model) {
            panic!("model {}", shown(e));
        }
        if !self.caps.margins {
            self.parser.process(&bytes);
            if let Err(e) = compare_vt100(&expected, self.parser.screen()) {
                panic!("vt100 {}", shown(e));
            }
        }
        bytes
    }
}

fn ch(c: char) -> Key {
    Key { code: Code::Char(c), ctrl: false, alt: false }
}

fn code(code: Code) -> Key {
    Key { code, ctrl: false, alt: false }
}

/// A random action a reader might take, as keys (or a resize).
fn random_action(h: &mut Harness, rng: &mut Rng) {
    match rng.below(100) {
        0..=29 => h.keys(&[ch(['j', 'k'][rng.below(2)])]),
        30..=37 => {
            let n = 1 + rng.below(30);
            let k = ['j', 'k'][rng.below(2)];
            h.keys(&vec![ch(k); n]);
        }
        38..=45 => h.keys(&[[ch(' '), ch('b'), ch('d').ctrl_of(), ch('u').ctrl_of()][rng.below(4)]]),
        46..=53 => h.keys(&[[ch(']'), ch('['), ch('g'), ch('G'), Key::ctrl('o')][rng.below(5)]]),
        54..=57 => {
            let p = rng.below(100);
            let mut keys: Vec<Key> = p.to_string().chars().map(ch).collect();
            keys.push(ch('%'));
            h.keys(&keys);
        }
        58..=62 => h.keys(&[ch('t')]),
        63..=68 => h.keys(&[code(Code::Tab)]),
        69..=74 => h.keys(&[[ch('j'), ch('k'), ch('h'), ch('l'), code(Code::Enter)][rng.below(5)]]),
        75..=79 => h.keys(&[[ch('?'), ch('o')][rng.below(2)]]),
        80..=83 => h.keys(&[code(Code::Esc)]),
        84..=86 => h.keys(&[[ch('<'), ch('>'), ch('H'), ch('L')][rng.below(4)]]),
        87..=90 => {
            let cols = 20 + rng.below(140) as u16;
            let rows = 4 + rng.below(50) as u16;
            h.resize(cols, rows);
        }
        91 => h.keys(&[Key::ctrl('l')]),
        92..=94 => h.keys(&[[ch('f'), Key::ctrl('p'), ch('/')][rng.below(3)]]),
        95..=98 => {
            // Typing (in the fuzzy overlay or a find field, if one is open).
            let n = 1 + rng.below(4);
            let keys: Vec<Key> = (0..n).map(|_| ch(['e', 'r', 'a', 't', 'x', '漢'][rng.below(6)])).collect();
            h.keys(&keys);
            if rng.below(3) == 0 {
                h.keys(&[code(Code::Backspace)]);
            }
        }
        _ => {}
    }
}

trait CtrlOf {
    fn ctrl_of(self) -> Key;
}

impl CtrlOf for Key {
    fn ctrl_of(self) -> Key {
        Key { ctrl: true, ..self }
    }
}

fn random_session(seed: u64, frames: usize, caps: Caps, lean: bool) -> u64 {
    random_session_with(seed, frames, caps, Settings { lean, ..Settings::default() })
}

fn random_session_with(seed: u64, frames: usize, caps: Caps, settings: Settings) -> u64 {
    let mut rng = Rng::new(seed);
    let mut h = Harness::new(80, 24, caps, settings);
    let mut total = 0;
    h.frame(&format!("seed {seed} first frame"));
    for i in 0..frames {
        // Sometimes several actions land before one frame, as when keys arrive together.
        for _ in 0..1 + rng.below(3) / 2 {
            random_action(&mut h, &mut rng);
        }
        total += h.frame(&format!("seed {seed} frame {i}")).len() as u64;
    }
    total
}

#[test]
fn random_reader_frames_match_vt100_without_margins() {
    let mut total = 0;
    for seed in 1..=4 {
        total += random_session(seed, 700, Caps { margins: false, sync: seed % 2 == 0 }, seed == 3);
    }
    println!("2800 random reader frames without margins: {total} bytes");
}

/// The text pane below a tree band scrolls inside a scroll region that starts below the top
/// row and stays set between frames: cursor motion must never cross its margins.
#[test]
fn random_frames_with_the_tree_on_top_match_vt100() {
    let mut total = 0;
    for seed in 21..=23 {
        let settings = Settings { tree_at: lectern::app::TreeAt::Top, ..Settings::default() };
        total += random_session_with(seed, 700, Caps { margins: false, sync: seed % 2 == 0 }, settings);
    }
    println!("2100 random frames with the tree on top: {total} bytes");
}

#[test]
fn random_reader_frames_match_the_model_with_margins() {
    let mut total = 0;
    for seed in 11..=14 {
        total += random_session(seed, 700, Caps { margins: true, sync: false }, seed == 12);
    }
    println!("2800 random reader frames with margins: {total} bytes");
}

#[test]
#[ignore = "debugging aid: prints the bytes of a few frames"]
fn show_frames() {
    for (name, caps, settings) in [
        ("hidden", Caps::default(), Settings { no_tree: true, ..Settings::default() }),
        ("margins", Caps { margins: true, sync: false }, Settings::default()),
        ("no margins", Caps::default(), Settings::default()),
    ] {
        let mut h = Harness::new(80, 24, caps, settings);
        h.frame("first");
        h.keys(&[ch('3'), ch('0'), ch('%')]);
        h.frame("30%");
        for k in ['j', 'j', 'k', 'k'] {
            h.keys(&[ch(k)]);
            let b = h.frame(&k.to_string());
            println!("{name} {k}: {} B {:?}", b.len(), String::from_utf8_lossy(&b));
        }
        if name == "hidden" {
            continue;
        }
        h.keys(&[code(Code::Tab)]);
        h.frame("tab");
        for _ in 0..2 {
            h.keys(&[ch('j')]);
            let b = h.frame("tree j");
            println!("{name} tree j: {} B {:?}", b.len(), String::from_utf8_lossy(&b));
        }
    }
}
