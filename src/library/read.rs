//! Reading one file's bytes for the library: a cheap binary sniff before reading it all, a size
//! cap, and one-line error descriptions. Must not import ratatui or crossterm.

use std::io::{self, Read};
use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use crate::doc::decode::{self, SNIFF_LEN};

/// Larger files are refused: a reader holds the whole document in memory several times over.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug)]
pub enum ReadFailure {
    Io(io::Error),
    TooLarge,
    /// The first bytes already show it is not text; the rest was not read.
    Binary,
}

impl std::fmt::Display for ReadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadFailure::Io(e) => f.write_str(&describe_io(e)),
            ReadFailure::TooLarge => write!(f, "larger than {} MiB, not opened", MAX_FILE_BYTES >> 20),
            ReadFailure::Binary => f.write_str("not a text document (binary data)"),
        }
    }
}

/// Read a file (or a FIFO, or a device named by the user), stopping early when the first
/// [`SNIFF_LEN`] bytes are binary, so `/dev/zero` or a 2 GB video is refused at once.
pub fn read_document_bytes(path: &Path) -> Result<Vec<u8>, ReadFailure> {
    let file = std::fs::File::open(path).map_err(ReadFailure::Io)?;
    let mut bytes = Vec::new();
    let mut limited = file.take(MAX_FILE_BYTES + 1);
    (&mut limited).take(SNIFF_LEN as u64).read_to_end(&mut bytes).map_err(ReadFailure::Io)?;
    if decode::looks_binary(&bytes) {
        return Err(ReadFailure::Binary);
    }
    limited.read_to_end(&mut bytes).map_err(ReadFailure::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadFailure::TooLarge);
    }
    Ok(bytes)
}

/// How long a FIFO may keep us waiting before we say why the terminal is still blank.
const FIFO_NOTE_AFTER: Duration = Duration::from_millis(400);

/// Run `read` on a FIFO the user named. Opening one blocks until a program writes to it, and the
/// read lasts until that program closes it; past a moment of that, a line on stderr says what we
/// are waiting for, since the terminal would otherwise just sit blank.
pub fn noting_a_slow_fifo<T>(path: &Path, read: impl FnOnce() -> T) -> T {
    let (done, waiting) = mpsc::channel::<()>();
    // A file name can carry escape sequences like any text from outside.
    let name = crate::doc::sanitize::visible(&path.display().to_string()).into_owned();
    let note = std::thread::spawn(move || {
        if waiting.recv_timeout(FIFO_NOTE_AFTER) == Err(RecvTimeoutError::Timeout) {
            eprintln!("lectern: {name}: waiting for a program to write to this FIFO and close it (Ctrl-C gives up)");
        }
    });
    let out = read();
    drop(done);
    let _ = note.join();
    out
}

/// "permission denied" rather than "Permission denied (os error 13)".
pub fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let full = e.to_string();
            match full.find(" (os error") {
                Some(cut) => full[..cut].to_string(),
                None => full,
            }
        }
    }
}
