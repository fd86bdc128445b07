//! Recall of earlier queries (Up/Down in a prompt): newest last, consecutive repeats
//! collapsed, bounded in size.

const MAX_ENTRIES: usize = 200;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
    /// Position while recalling: `Some(i)` shows `entries[i]`; None means "not recalling".
    cursor: Option<usize>,
}

impl History {
    pub fn from_entries(mut entries: Vec<String>) -> History {
        entries.retain(|e| !e.trim().is_empty());
        entries.dedup();
        let excess = entries.len().saturating_sub(MAX_ENTRIES);
        entries.drain(..excess);
        History { entries, cursor: None }
    }

    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Record a submitted query (blank ones and repeats of the newest are ignored) and stop
    /// recalling.
    pub fn push(&mut self, query: &str) {
        self.cursor = None;
        if query.trim().is_empty() || self.entries.last().is_some_and(|l| l == query) {
            return;
        }
        self.entries.push(query.to_string());
        if self.entries.len() > MAX_ENTRIES {
            self.entries.remove(0);
        }
    }

    /// Step back to an older entry; stays on the oldest. None if there is no history.
    pub fn recall_previous(&mut self) -> Option<&str> {
        let i = match self.cursor {
            None => self.entries.len().checked_sub(1)?,
            Some(i) => i.saturating_sub(1),
        };
        self.cursor = Some(i);
        self.entries.get(i).map(String::as_str)
    }

    /// Step forward to a newer entry; None once past the newest (the caller restores the
    /// input the user was typing).
    pub fn recall_next(&mut self) -> Option<&str> {
        let i = self.cursor? + 1;
        if i >= self.entries.len() {
            self.cursor = None;
            return None;
        }
        self.cursor = Some(i);
        self.entries.get(i).map(String::as_str)
    }

    /// Stop recalling without recording anything (prompt closed or edited).
    pub fn reset(&mut self) {
        self.cursor = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recall_walks_back_and_forth_and_dedupes() {
        let mut h = History::default();
        for q in ["a", "b", "b", "", "c"] {
            h.push(q);
        }
        assert_eq!(h.entries(), ["a", "b", "c"]);
        assert_eq!(h.recall_previous(), Some("c"));
        assert_eq!(h.recall_previous(), Some("b"));
        assert_eq!(h.recall_previous(), Some("a"));
        assert_eq!(h.recall_previous(), Some("a"));
        assert_eq!(h.recall_next(), Some("b"));
        assert_eq!(h.recall_next(), Some("c"));
        assert_eq!(h.recall_next(), None);
        assert_eq!(h.recall_previous(), Some("c"));
    }

    #[test]
    fn empty_history_recalls_nothing() {
        let mut h = History::default();
        assert_eq!(h.recall_previous(), None);
        assert_eq!(h.recall_next(), None);
    }

    #[test]
    fn bounded() {
        let mut h = History::default();
        for i in 0..(MAX_ENTRIES + 5) {
            h.push(&i.to_string());
        }
        assert_eq!(h.entries().len(), MAX_ENTRIES);
        assert_eq!(h.entries()[0], "5");
    }
}
