//! Runs the real `lectern` binary in a pseudo-terminal and models its screen with vt100, so
//! end-to-end tests see exactly what a user's terminal would.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    state: Arc<Mutex<(vt100::Parser, Vec<u8>)>>,
    reader: Option<std::thread::JoinHandle<()>>,
    /// A private data directory (unless the test gave LECTERN_DATA_DIR), so runs never read or
    /// write the user's notes and positions, and never resume where an earlier run left off.
    _data: Option<tempfile::TempDir>,
}

pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_lectern"))
}

impl Pty {
    pub fn spawn(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        Pty::spawn_program(&binary(), args, env, cols, rows)
    }

    /// Run any program (`less`, a shell) the same way, for side-by-side measurements.
    pub fn spawn_program(program: &std::path::Path, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        let mut cmd = CommandBuilder::new(program);
        for a in args {
            cmd.arg(a);
        }
        cmd.env("TERM", "xterm-256color");
        let data = if env.iter().any(|(k, _)| *k == "LECTERN_DATA_DIR") {
            None
        } else {
            let d = tempfile::tempdir().expect("temp data dir");
            cmd.env("LECTERN_DATA_DIR", d.path());
            Some(d)
        };
        for (k, v) in env {
            cmd.env(k, v);
        }
        Pty::spawn_command(cmd, cols, rows, data)
    }

    /// Run a shell command line in the pseudo-terminal (for pipes into the binary).
    pub fn spawn_shell(command: &str, cols: u16, rows: u16) -> Pty {
        let mut cmd = CommandBuilder::new("sh");
        cmd.arg("-c");
        cmd.arg(command);
        cmd.env("TERM", "xterm-256color");
        // Never let a test read or write the real user's data.
        let data = tempfile::tempdir().expect("temp data dir");
        cmd.env("LECTERN_DATA_DIR", data.path());
        Pty::spawn_command(cmd, cols, rows, Some(data))
    }

    fn spawn_command(mut cmd: CommandBuilder, cols: u16, rows: u16, data: Option<tempfile::TempDir>) -> Pty {
        let system = native_pty_system();
        let pair =
            system.openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("open a pseudo-terminal");
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        let child = pair.slave.spawn_command(cmd).expect("spawn lectern");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let state = Arc::new(Mutex::new((vt100::Parser::new(rows, cols, 0), Vec::new())));
        let st = state.clone();
        let handle = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut g = st.lock().unwrap();
                        g.0.process(&buf[..n]);
                        g.1.extend_from_slice(&buf[..n]);
                    }
                }
            }
        });
        Pty { master: pair.master, writer, child, state, reader: Some(handle), _data: data }
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Send keys one at a time with a pause, so each is its own read (like a person typing).
    pub fn type_slowly(&mut self, keys: &[&str]) {
        for k in keys {
            self.send(k);
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    pub fn contents(&self) -> String {
        self.state.lock().unwrap().0.screen().contents()
    }

    pub fn row(&self, r: u16) -> String {
        let g = self.state.lock().unwrap();
        let (_, cols) = g.0.screen().size();
        g.0.screen().contents_between(r, 0, r, cols)
    }

    pub fn bytes_len(&self) -> usize {
        self.state.lock().unwrap().1.len()
    }

    pub fn raw(&self) -> Vec<u8> {
        self.state.lock().unwrap().1.clone()
    }

    pub fn alternate_screen(&self) -> bool {
        self.state.lock().unwrap().0.screen().alternate_screen()
    }

    pub fn cursor_hidden(&self) -> bool {
        self.state.lock().unwrap().0.screen().hide_cursor()
    }

    /// Wait until `pred` holds for the screen text; panics with the screen after `secs`.
    pub fn wait_for(&self, what: &str, secs: u64, pred: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let c = self.contents();
            if pred(&c) {
                return;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen:\n{c}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_text(&self, text: &str) {
        self.wait_for(text, 10, |c| c.contains(text));
    }

    /// Wait until no output arrives for `quiet_ms`.
    pub fn settle(&self, quiet_ms: u64) {
        let mut last = self.bytes_len();
        let mut since = Instant::now();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
            let n = self.bytes_len();
            if n != last {
                last = n;
                since = Instant::now();
            } else if since.elapsed() >= Duration::from_millis(quiet_ms) {
                return;
            }
        }
    }

    /// Change the terminal size (the program gets SIGWINCH).
    pub fn resize(&self, cols: u16, rows: u16) {
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("resize pty");
        self.state.lock().unwrap().0.set_size(rows, cols);
    }

    /// Send bytes and wait until output stops (`quiet_ms` without a byte); returns the bytes
    /// the program wrote in answer. Waits up to `first_ms` for the first byte (an action may
    /// legitimately write nothing).
    pub fn measure(&mut self, keys: &str, first_ms: u64, quiet_ms: u64) -> usize {
        let before = self.bytes_len();
        self.send(keys);
        let deadline = Instant::now() + Duration::from_millis(first_ms);
        while self.bytes_len() == before && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(2));
        }
        self.settle(quiet_ms);
        self.bytes_len() - before
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    pub fn signal(&self, sig: &str) {
        let ok =
            std::process::Command::new("kill").arg(format!("-{sig}")).arg(self.pid().to_string()).status().unwrap();
        assert!(ok.success());
    }

    /// Wait for the process to end; returns its exit code.
    pub fn wait_exit(&mut self, secs: u64) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                // Let the reader drain what was written last.
                std::thread::sleep(Duration::from_millis(100));
                return st.exit_code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("lectern did not exit; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The pty's line discipline settings as `stty -a` prints them (to check raw mode is off).
    pub fn stty(&self) -> String {
        let tty = self.master.tty_name().expect("pty has a name");
        let out = std::process::Command::new("stty").arg("-a").arg("-F").arg(&tty).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Assert the terminal was handed back: main screen, cursor visible, cooked mode, no
    /// scroll region or margins left behind.
    pub fn assert_restored(&self) {
        assert!(!self.alternate_screen(), "still on the alternate screen");
        assert!(!self.cursor_hidden(), "cursor left hidden");
        let stty = self.stty();
        assert!(stty.contains(" icanon") && stty.contains(" echo"), "raw mode left on: {stty}");
        let raw = self.raw();
        let tail = &raw[raw.len().saturating_sub(64)..];
        let text = String::from_utf8_lossy(tail);
        assert!(text.contains("\x1b[r"), "scroll region not reset at exit: {text:?}");
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        drop(self.reader.take());
    }
}
