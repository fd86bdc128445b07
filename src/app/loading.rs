//! Work the app does between keys while a big document settles: taking over documents whose
//! background parse finished, and measuring the wrapped length of the current one. The event
//! loop waits with a timeout only while `background_wait` says so; idle means blocking.

use std::time::{Duration, Instant};

use super::{App, Overlay};
use crate::doc::{Anchor, Document};
use crate::library::loader::Progress;

/// How long the loop waits for input while only a background parse is running.
const PARSE_POLL: Duration = Duration::from_millis(100);
/// At most this often a frame is drawn for progress alone.
const PROGRESS_FRAME: Duration = Duration::from_millis(250);

/// When background work last asked for a frame.
#[derive(Debug, Default)]
pub struct Background {
    last_frame: Option<Instant>,
}

impl App {
    /// How long the event loop may block on input before calling `background_step`: `None`
    /// when nothing is pending (block until input), zero while lines are being measured.
    pub fn background_wait(&self) -> Option<Duration> {
        if self.counting() {
            Some(Duration::ZERO)
        } else if self.library.loading.is_empty() {
            None
        } else {
            Some(PARSE_POLL)
        }
    }

    /// Do background work for about `budget`; true when a frame should be drawn (a document
    /// was taken over, measuring finished, or progress is due).
    pub fn background_step(&mut self, budget: Duration) -> bool {
        let mut finished = self.take_finished_documents();
        if self.counting() {
            let deadline = Instant::now() + budget;
            let doc = &self.library.docs[self.current];
            let more = self.views[self.current].count_step(doc, deadline);
            finished |= !more;
        }
        self.show_progress();
        let now = Instant::now();
        let due = self.background.last_frame.is_none_or(|t| now - t >= PROGRESS_FRAME);
        if finished || due {
            self.background.last_frame = Some(now);
            self.refresh();
            return true;
        }
        false
    }

    fn counting(&self) -> bool {
        self.views.get(self.current).and_then(|v| v.layout.as_ref()).is_some_and(|l| !l.is_complete())
    }

    /// Swap in every document whose parse is done, keeping the reader's place.
    fn take_finished_documents(&mut self) -> bool {
        // A fuzzy overlay holds hits into the current documents; wait until it closes.
        if matches!(self.overlay, Some(Overlay::Fuzzy(_))) {
            return false;
        }
        let mut any = false;
        let mut i = 0;
        while i < self.library.loading.len() {
            match self.library.loading[i].poll() {
                Progress::Running => i += 1,
                Progress::Done(doc) => {
                    let at = self.library.loading.remove(i).doc;
                    self.replace_document(at, doc);
                    super::memory::release_free_memory();
                    any = true;
                }
                Progress::Failed => {
                    let at = self.library.loading.remove(i).doc;
                    let name = self.library.docs.get(at).map(|d| d.origin.display_name()).unwrap_or_default();
                    self.message = Some(format!("{name}: reading the rest failed; showing the start only"));
                    any = true;
                }
            }
        }
        any
    }

    fn replace_document(&mut self, at: usize, doc: Document) {
        let (Some(old), Some(view)) = (self.library.docs.get(at), self.views.get(at)) else { return };
        let top = carry_anchor(old, &doc, view.top);
        let mut fresh = super::view::DocView::new(&doc);
        fresh.top = top;
        self.views[at] = fresh;
        self.library.docs[at] = doc;
        self.fuzzy.index = None;
        if self.find.as_ref().is_some_and(|f| f.doc == at) {
            self.find = None;
        }
        if self.mark.is_some_and(|m| m.doc == at) {
            self.mark = None;
        }
        if self.message.as_deref().is_some_and(|m| m.starts_with(LOADING)) {
            self.message = None;
        }
    }

    /// "Loading big.txt (101 MB): chapter tree 40% built, 1 s" in the status line while the current document's parse runs.
    pub(super) fn show_progress(&mut self) {
        let Some(l) = self.library.loading.iter().find(|l| l.doc == self.current) else { return };
        if self.message.as_deref().is_some_and(|m| !m.starts_with(LOADING)) {
            return;
        }
        let name = self.library.docs.get(l.doc).map(|d| d.origin.display_name()).unwrap_or_default();
        let mb = l.bytes as f64 / 1e6;
        let secs = l.started.elapsed().as_secs();
        let percent = l.percent();
        self.message = Some(format!("{LOADING}{name} ({mb:.0} MB): chapter tree {percent}% built, {secs} s"));
    }
}

const LOADING: &str = "Loading ";

/// Where `top` (an anchor in `old`) is in `new`, the same document parsed in full: the block
/// with the same text nearest the same index, else the same index.
pub(super) fn carry_anchor(old: &Document, new: &Document, top: Anchor) -> Anchor {
    if new.blocks.is_empty() {
        return Anchor::default();
    }
    let Some(text) = old.blocks.get(top.block).map(|b| b.text.as_str()) else {
        return Anchor::new(top.block.min(new.blocks.len() - 1), 0);
    };
    let same = |i: usize| new.blocks.get(i).is_some_and(|b| b.text == text);
    let found = (0..=256).find_map(|d| {
        if same(top.block + d) {
            Some(top.block + d)
        } else if d <= top.block && same(top.block - d) {
            Some(top.block - d)
        } else {
            None
        }
    });
    match found {
        Some(block) => Anchor::new(block, top.byte),
        None => Anchor::new(top.block.min(new.blocks.len() - 1), 0),
    }
}
