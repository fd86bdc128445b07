//! The event loop: block for input (no tick), drain everything queued, apply it all, draw once.
//! With `--bandwidth`, a frame waits while the previous one is still on the wire; input keeps
//! being applied meanwhile and only the latest state is sent. Idle means no output and no
//! wakeups: the only timeout is the wait for the link while a frame is due.
//!
//! Test hooks (read only here, for the end-to-end tests): `LECTERN_TEST_PANIC_KEY=c` panics
//! when the key `c` is pressed (to test the panic restore path); `LECTERN_TEST_STOCK_BACKEND=1`
//! draws through ratatui's stock crossterm backend (to compare screens with it).

use std::io::{self, BufWriter};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::backend::CrosstermBackend;

use super::caps;
use super::frugal::FrugalBackend;
use super::keys::to_key;
use super::pacing::Pacer;
use super::screen::{Output, Screen};
use super::session::{OUTPUT_LOCK, Session};
use crate::app::update::{handle_key, update};
use crate::app::{Action, App};
use crate::input::{Code, Key};
use crate::ui::Theme;

/// How long one step of background work (measuring or taking over a big document) may take
/// between checks for input.
const BACKGROUND_SLICE: Duration = Duration::from_millis(8);

/// Run the reader until the user quits. The terminal is restored however this returns.
pub fn run(app: &mut App) -> io::Result<()> {
    let session = Session::enter()?;
    let theme = Theme::for_settings(&app.settings);
    let caps = caps::detect(app.settings.margins, &|name| std::env::var(name).ok());
    let stock = std::env::var_os("LECTERN_TEST_STOCK_BACKEND").is_some_and(|v| v == "1");
    let result = if stock {
        let out = BufWriter::with_capacity(1 << 16, terminal_out()?);
        event_loop(app, &session, Screen::new(CrosstermBackend::new(out), theme)?)
    } else {
        event_loop(app, &session, Screen::new(FrugalBackend::new(terminal_out()?, caps), theme)?)
    };
    drop(session);
    result
}

/// Our own handle on the terminal: the frugal backend writes each frame with one `write_all`,
/// and a plain file descriptor turns that into one `write()` (stdout's line buffering would
/// split a frame at its last newline).
#[cfg(unix)]
fn terminal_out() -> io::Result<std::fs::File> {
    use std::os::fd::AsFd;
    Ok(std::fs::File::from(io::stdout().as_fd().try_clone_to_owned()?))
}

#[cfg(not(unix))]
fn terminal_out() -> io::Result<io::Stdout> {
    Ok(io::stdout())
}

fn event_loop<B: Output>(app: &mut App, session: &Session, mut screen: Screen<B>) -> io::Result<()> {
    let mut pacer = Pacer::new(app.settings.bandwidth);
    let panic_key = test_panic_key();
    let (c, r) = crossterm::terminal::size()?;
    update(app, Action::Resize(c, r));
    let mut frame_due = true;
    loop {
        if frame_due {
            // Draw now unless the link is busy and input arrives before it frees.
            let input_first = match pacer.delay(Instant::now()) {
                Some(wait) => event::poll(wait)?,
                None => false,
            };
            if !input_first {
                let _guard = OUTPUT_LOCK.lock();
                let bytes = screen.draw(app)?;
                pacer.sent(bytes, Instant::now());
                frame_due = false;
                continue;
            }
        }
        // Block for input, unless a timer is due (a position or draft save) or background work
        // (a big document loading) is pending. Idle has neither: no wakeups, no bytes.
        let timer = app.next_timer().map(|due| due.saturating_duration_since(Instant::now()));
        let wait = match (app.background_wait(), timer) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(wait) = wait
            && !event::poll(wait)?
        {
            app.run_timers(Instant::now());
            if app.background_wait().is_some() && app.background_step(BACKGROUND_SLICE) {
                frame_due = true;
            }
            continue;
        }
        let mut suspend = false;
        apply(app, event::read()?, &mut suspend, panic_key);
        while !app.quit && !suspend && event::poll(Duration::ZERO)? {
            apply(app, event::read()?, &mut suspend, panic_key);
        }
        if app.quit {
            return Ok(());
        }
        if suspend {
            session.suspend()?;
            // The terminal may have changed while we were stopped; repaint from nothing.
            let (c, r) = crossterm::terminal::size()?;
            update(app, Action::Resize(c, r));
            screen.clear()?;
        }
        // Ranking waits until every queued key is applied, and gives way to a newer key.
        if !app.prepare_frame(&|| event::poll(Duration::ZERO).unwrap_or(false)) {
            continue;
        }
        if std::mem::take(&mut app.full_redraw) {
            screen.clear()?;
        }
        frame_due = true;
    }
}

fn test_panic_key() -> Option<char> {
    std::env::var("LECTERN_TEST_PANIC_KEY").ok().and_then(|v| v.chars().next())
}

fn apply(app: &mut App, ev: Event, suspend: &mut bool, panic_key: Option<char>) {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            if let Some(key) = to_key(&k) {
                if panic_key.is_some_and(|c| key == Key { code: Code::Char(c), ctrl: false, alt: false }) {
                    panic!("LECTERN_TEST_PANIC_KEY pressed (test hook)");
                }
                // Ctrl-Z reaches us as a key in raw mode; suspending needs the session.
                if key == Key::ctrl('z') {
                    *suspend = true;
                } else {
                    handle_key(app, key);
                }
            }
        }
        Event::Resize(c, r) => update(app, Action::Resize(c, r)),
        _ => {}
    }
}
