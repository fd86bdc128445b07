//! The event loop: block for input (no tick), drain everything queued, apply it all, draw once.

use std::io::{self, BufWriter, Write};
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::keys::to_key;
use super::session::{OUTPUT_LOCK, Session};
use crate::app::update::{handle_key, update};
use crate::app::{Action, App};
use crate::input::Key;
use crate::ui::{self, Theme};

/// Background work between keys takes slices this long, so a key waits at most about this.
const BACKGROUND_SLICE: Duration = Duration::from_millis(8);

/// Run the reader until the user quits. The terminal is restored however this returns.
pub fn run(app: &mut App) -> io::Result<()> {
    let session = Session::enter()?;
    // One write per frame: a frame leaves as one packet instead of 1 KB slices.
    let out = BufWriter::with_capacity(1 << 16, io::stdout());
    let mut terminal = Terminal::new(CrosstermBackend::new(out))?;
    let theme = Theme::from_env();
    let (c, r) = crossterm::terminal::size()?;
    update(app, Action::Resize(c, r));
    draw(&mut terminal, app, &theme)?;
    while !app.quit {
        // Block for input, unless background work (a big document loading) is pending.
        let first = match app.background_wait() {
            Some(wait) if !event::poll(wait)? => {
                if app.background_step(BACKGROUND_SLICE) {
                    draw(&mut terminal, app, &theme)?;
                }
                continue;
            }
            _ => event::read()?,
        };
        let mut suspend = false;
        apply(app, first, &mut suspend);
        while !app.quit && event::poll(Duration::ZERO)? {
            apply(app, event::read()?, &mut suspend);
        }
        if app.quit {
            break;
        }
        if suspend {
            session.suspend()?;
            app.full_redraw = true;
        }
        // Ranking waits until every queued key is applied, and gives way to a newer key.
        if !app.prepare_frame(&|| event::poll(Duration::ZERO).unwrap_or(false)) {
            continue;
        }
        if std::mem::take(&mut app.full_redraw) {
            terminal.clear()?;
        }
        draw(&mut terminal, app, &theme)?;
    }
    drop(terminal);
    drop(session);
    Ok(())
}

fn apply(app: &mut App, ev: Event, suspend: &mut bool) {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            if let Some(key) = to_key(&k) {
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

fn draw<W: Write>(terminal: &mut Terminal<CrosstermBackend<W>>, app: &App, theme: &Theme) -> io::Result<()> {
    let _guard = OUTPUT_LOCK.lock();
    terminal.draw(|f| ui::render(app, theme, f))?;
    Ok(())
}
