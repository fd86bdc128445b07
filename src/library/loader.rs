//! Opening big files in two steps: the first stretch of text is parsed at once so the reader
//! can show a page, the whole text is parsed on a background thread and handed over when done.
//! Structure detection looks at the whole document, so only the finished parse is complete.
//! Must not import ratatui or crossterm.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Instant;

use crate::doc::decode::{self, NotText};
use crate::doc::progress::{self, Counter};
use crate::doc::{Document, Format, Origin, detect::detect_format, markdown, plain};

/// Files at least this big open in the background; smaller ones parse in well under 100 ms.
pub const BACKGROUND_BYTES: usize = 3 << 20;
/// About how much text the first, synchronous parse covers.
const FIRST_PART_BYTES: usize = 256 << 10;

/// A document whose full parse is running on another thread.
pub struct Loading {
    /// Index in `Library::docs` of the stand-in document (the first part).
    pub doc: usize,
    /// Size of the decoded text, for progress messages.
    pub bytes: usize,
    pub started: Instant,
    /// Thousandths of the parse done, as the parse thread reports them.
    done: Counter,
    result: Receiver<Document>,
}

impl std::fmt::Debug for Loading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Loading").field("doc", &self.doc).field("bytes", &self.bytes).finish()
    }
}

/// What a finished background parse reports.
pub enum Progress {
    Running,
    Done(Document),
    /// The thread died (a reader panicked); the first part stays.
    Failed,
}

impl Loading {
    /// Non-blocking: the full document once it is ready.
    pub fn poll(&self) -> Progress {
        match self.result.try_recv() {
            Ok(doc) => Progress::Done(doc),
            Err(TryRecvError::Empty) => Progress::Running,
            Err(TryRecvError::Disconnected) => Progress::Failed,
        }
    }

    /// How much of the parse is done, 0 to 100.
    pub fn percent(&self) -> u32 {
        self.done.load(std::sync::atomic::Ordering::Relaxed) / 10
    }

    /// Block until the full document is ready (tests, benchmarks, `--outline`).
    pub fn wait(self) -> Option<Document> {
        self.result.recv().ok()
    }
}

/// Decode `bytes` and parse the first part now, the rest in the background. `doc` is the index
/// the first part will have in the library. Small inputs are parsed at once (no `Loading`).
pub fn open(bytes: Vec<u8>, origin: Origin, doc: usize) -> Result<(Document, Option<Loading>), NotText> {
    let empty = bytes.is_empty();
    let decoded = decode::decode_owned(bytes)?;
    let mut notices = decoded.notices;
    if empty {
        notices.push("the file is empty".to_string());
    }
    let text = decoded.text;
    let format = detect_format(&origin.display_name(), &text);
    if text.len() < BACKGROUND_BYTES {
        return Ok((with_notices(parse(&text, format, origin), &notices), None));
    }
    let cut = first_part_end(&text);
    let first = with_notices(parse(&text[..cut], format, origin.clone()), &notices);
    let (tx, rx) = mpsc::channel();
    let bytes = text.len();
    let done = Counter::default();
    let report_to = done.clone();
    std::thread::spawn(move || {
        progress::watch(report_to);
        let full = with_notices(parse_owned(text, format, origin), &notices);
        progress::report(1, 1, 0, 1000);
        // The receiver may be gone (the app quit); nothing to do then.
        let _ = tx.send(full);
    });
    Ok((first, Some(Loading { doc, bytes, started: Instant::now(), done, result: rx })))
}

/// [`parse`] giving the text up as early as the reader can: Markdown stretch by stretch,
/// plain text once parsed.
fn parse_owned(text: String, format: Format, origin: Origin) -> Document {
    let mut doc = match format {
        Format::Markdown => markdown::parse_owned(text, origin),
        Format::Plain => plain::parse(&text, origin),
    };
    compact(&mut doc);
    doc
}

fn parse(text: &str, format: Format, origin: Origin) -> Document {
    let mut doc = match format {
        Format::Markdown => markdown::parse(text, origin),
        Format::Plain => plain::parse(text, origin),
    };
    compact(&mut doc);
    doc
}

/// Give back the spare capacity readers leave behind: a block list grown by doubling holds up
/// to twice its length, and texts built by pushing hold spare bytes. On a 100 MB file that is
/// tens of megabytes for nothing.
fn compact(doc: &mut Document) {
    doc.blocks.shrink_to_fit();
    doc.outline.shrink_to_fit();
    for b in &mut doc.blocks {
        b.text.shrink_to_fit();
    }
}

fn with_notices(mut doc: Document, notices: &[String]) -> Document {
    let mut all = notices.to_vec();
    all.append(&mut doc.notices);
    doc.notices = all;
    doc
}

/// Where the first part ends: the first blank line after `FIRST_PART_BYTES` (a paragraph
/// boundary, so no paragraph is cut), or a line end, or the whole text.
fn first_part_end(text: &str) -> usize {
    if text.len() <= FIRST_PART_BYTES {
        return text.len();
    }
    let rest = &text.as_bytes()[FIRST_PART_BYTES..];
    let blank = rest.windows(2).take(1 << 20).position(|w| w == b"\n\n");
    let line = || rest.iter().position(|&b| b == b'\n');
    match blank.or_else(line) {
        // Both are ASCII bytes, so the cut is a char boundary.
        Some(i) => FIRST_PART_BYTES + i + 1,
        None => text.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_part_ends_after_a_blank_line() {
        let para = "word ".repeat(100) + "\n\n";
        let text = para.repeat(FIRST_PART_BYTES / para.len() + 10);
        let cut = first_part_end(&text);
        assert!(cut > FIRST_PART_BYTES && cut < FIRST_PART_BYTES + para.len() + 2);
        assert!(text[..cut].ends_with('\n'));
        assert_eq!(first_part_end("short"), 5);
    }

    #[test]
    fn big_input_finishes_in_the_background_with_the_full_outline() {
        let mut text = String::new();
        let mut n = 0;
        while text.len() < BACKGROUND_BYTES + 1000 {
            n += 1;
            text.push_str(&format!("# Chapter {n}\n\n{}\n\n", "Some prose here. ".repeat(400)));
        }
        let origin = Origin::File("big.md".into());
        let (first, loading) = open(text.clone().into_bytes(), origin.clone(), 0).expect("text");
        let loading = loading.expect("a big input loads in the background");
        assert!(first.outline.len() < n, "the first part covers only the start");
        let mut seen = 0;
        let full = loop {
            let now = loading.percent();
            assert!(now >= seen && now <= 100, "progress {seen} then {now}");
            seen = now;
            match loading.poll() {
                Progress::Done(doc) => break doc,
                Progress::Running => std::thread::sleep(std::time::Duration::from_millis(1)),
                Progress::Failed => panic!("the parse thread died"),
            }
        };
        assert!(loading.percent() >= 95, "the finished parse reported {}%", loading.percent());
        assert_eq!(full.outline.len(), n);
        assert_eq!(full, markdown::parse(&text, origin));
    }
}
