//! The terminal session: raw mode and the alternate screen on entry, and the terminal given
//! back on every way out — normal exit, error (Drop), panic (hook), SIGTERM/SIGHUP (signal
//! thread) and Ctrl-Z (suspend/resume).

use std::io::{self, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::terminal;

/// Held while a frame is being written, so a signal arriving mid-frame restores the terminal
/// after the frame rather than in the middle of an escape sequence.
pub static OUTPUT_LOCK: Mutex<()> = Mutex::new(());
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// What undoes everything we may have set: scroll region, left/right margins, attributes,
/// cursor visibility, synchronized output, then the main screen.
pub const RESTORE: &[u8] = b"\x1b[r\x1b[?69l\x1b[0m\x1b[?2026l\x1b[?25h\x1b[?1049l";
const ENTER: &[u8] = b"\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J";

pub struct Session {
    _private: (),
}

impl Session {
    pub fn enter() -> io::Result<Session> {
        install_panic_hook();
        install_signal_handlers();
        enter_raw()?;
        Ok(Session { _private: () })
    }

    /// Ctrl-Z: give the terminal back, stop, and take it again when continued.
    pub fn suspend(&self) -> io::Result<()> {
        restore();
        #[cfg(unix)]
        {
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
        }
        enter_raw()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

fn enter_raw() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    let mut out = io::stdout().lock();
    out.write_all(ENTER)?;
    out.flush()?;
    ACTIVE.store(true, Ordering::SeqCst);
    Ok(())
}

/// Give the terminal back. Safe to call more than once and from any thread.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = out.write_all(RESTORE);
    let _ = out.flush();
    let _ = terminal::disable_raw_mode();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

fn install_signal_handlers() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) else { return };
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                // Save what the app registered (reading position, note draft) first.
                crate::app::exit_hook::run_all();
                // Wait for a frame in progress to finish, then never let another start.
                let _guard = OUTPUT_LOCK.lock();
                restore();
                std::process::exit(128 + sig);
            }
        });
    }
}
