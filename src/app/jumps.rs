//! The jump list: positions before each jump, walked back with `''`/Ctrl-o and forward again.

use crate::doc::Anchor;

const MAX_JUMPS: usize = 100;

#[derive(Debug, Clone, Default)]
pub struct JumpList {
    back: Vec<Anchor>,
    forward: Vec<Anchor>,
}

impl JumpList {
    /// Record `from` as the place a jump left; a new jump forgets the forward history.
    pub fn record(&mut self, from: Anchor) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
            if self.back.len() > MAX_JUMPS {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    pub fn back(&mut self, current: Anchor) -> Option<Anchor> {
        let to = self.back.pop()?;
        self.forward.push(current);
        Some(to)
    }

    pub fn forward(&mut self, current: Anchor) -> Option<Anchor> {
        let to = self.forward.pop()?;
        self.back.push(current);
        Some(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_and_forward() {
        let a = |b| Anchor::new(b, 0);
        let mut j = JumpList::default();
        j.record(a(1));
        j.record(a(5));
        assert_eq!(j.back(a(9)), Some(a(5)));
        assert_eq!(j.back(a(5)), Some(a(1)));
        assert_eq!(j.back(a(1)), None);
        assert_eq!(j.forward(a(1)), Some(a(5)));
        assert_eq!(j.forward(a(5)), Some(a(9)));
        j.back(a(9));
        j.record(a(7));
        assert_eq!(j.forward(a(7)), None, "a new jump drops the forward history");
    }
}
