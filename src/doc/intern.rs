//! Sharing the few distinct list markers ("•", "1.", "[x]") among the many list items that
//! show them: a big changelog has over a hundred thousand items, and a small allocation per
//! marker would cost more than the marker's text. Must not import ratatui or crossterm.

use std::sync::Arc;

/// How many recent distinct markers are remembered; lists repeat a handful at a time.
const RECENT: usize = 64;

/// Hands out shared copies of recently seen strings.
#[derive(Debug, Default)]
pub struct Interner {
    recent: Vec<Arc<str>>,
}

impl Interner {
    /// A shared string equal to `s`: one seen lately, else a new one remembered from now on.
    pub fn get(&mut self, s: &str) -> Arc<str> {
        if let Some(found) = self.recent.iter().rev().find(|r| ***r == *s) {
            return Arc::clone(found);
        }
        if self.recent.len() == RECENT {
            self.recent.remove(0);
        }
        let new: Arc<str> = Arc::from(s);
        self.recent.push(Arc::clone(&new));
        new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_one_allocation() {
        let mut i = Interner::default();
        let a = i.get("•");
        let b = i.get("•");
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(&*i.get("1."), "1.");
        for n in 0..200 {
            i.get(&format!("{n}."));
        }
        assert!(i.recent.len() <= RECENT);
        assert_eq!(&*i.get("•"), "•");
    }
}
