//! Turns a stream of keys into actions: counts (`5j`, `50%`), multi-key sequences (`''`), and
//! context (which keymap sections apply) chosen by the caller from the app's focus.

use super::key::{Code, Key};
use super::keymap::{Context, Keymap, Lookup};
use crate::app::command::{Action, Command};

#[derive(Debug, Default, Clone)]
pub struct Dispatcher {
    count: Option<usize>,
    pending: Vec<Key>,
}

impl Dispatcher {
    /// The count or partial sequence typed so far, for the status line.
    pub fn pending_display(&self) -> Option<String> {
        if self.count.is_none() && self.pending.is_empty() {
            return None;
        }
        let mut s = self.count.map(|c| c.to_string()).unwrap_or_default();
        for k in &self.pending {
            s.push_str(&k.to_string());
        }
        Some(s)
    }

    pub fn reset(&mut self) {
        self.count = None;
        self.pending.clear();
    }

    pub fn feed(&mut self, keymap: &Keymap, contexts: &[Context], key: Key) -> Option<Action> {
        if contexts.iter().any(|c| c.takes_text()) {
            // A text field: its own bindings, and every other key is typed into it.
            self.reset();
            return Some(match keymap.lookup(contexts, &[key]) {
                Lookup::Found(cmd) => Action::Run(cmd, None),
                _ => Action::Type(key),
            });
        }
        let counts_allowed = !contexts.contains(&Context::List);
        if counts_allowed
            && self.pending.is_empty()
            && !key.ctrl
            && !key.alt
            && let Code::Char(c @ '0'..='9') = key.code
            && (c != '0' || self.count.is_some())
        {
            let d = c as usize - '0' as usize;
            // Saturate: a cat on the keyboard should not overflow.
            self.count = Some(self.count.unwrap_or(0).saturating_mul(10).saturating_add(d).min(100_000_000));
            return None;
        }
        if key.code == Code::Esc && (self.count.is_some() || !self.pending.is_empty()) {
            self.reset();
            return None;
        }
        self.pending.push(key);
        match keymap.lookup(contexts, &self.pending) {
            Lookup::Found(cmd) => {
                let count = self.count.take();
                self.pending.clear();
                Some(Action::Run(cmd, count))
            }
            Lookup::Prefix => None,
            Lookup::None => {
                // An unfinished sequence followed by an unrelated key: drop the prefix and
                // treat the key on its own, as vim does.
                let had_prefix = self.pending.len() > 1;
                self.pending.clear();
                if had_prefix {
                    return self.feed(keymap, contexts, key);
                }
                self.count = None;
                None
            }
        }
    }
}

/// Commands whose meaning needs a count to exist at all (`%` without a number does nothing).
pub fn needs_count(cmd: Command) -> bool {
    matches!(cmd, Command::Percent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(keys: &[Key], ctx: &[Context]) -> Vec<Action> {
        let km = Keymap::default_map();
        let mut d = Dispatcher::default();
        keys.iter().filter_map(|k| d.feed(&km, ctx, *k)).collect()
    }

    #[test]
    fn counts_and_percent() {
        let r = [Context::Reader, Context::Global];
        assert_eq!(run(&[Key::ch('5'), Key::ch('j')], &r), vec![Action::Run(Command::LineDown, Some(5))]);
        assert_eq!(run(&[Key::ch('5'), Key::ch('0'), Key::ch('%')], &r), vec![Action::Run(Command::Percent, Some(50))]);
        assert_eq!(run(&[Key::ch('2'), Key::ch('5'), Key::ch('p')], &r), vec![Action::Run(Command::Percent, Some(25))]);
        assert_eq!(run(&[Key::ch('0')], &r), vec![]);
        assert_eq!(
            run(&[Key::ch('3'), Key::plain(Code::Esc), Key::ch('j')], &r),
            vec![Action::Run(Command::LineDown, None)]
        );
    }

    #[test]
    fn two_key_sequence_and_fallthrough() {
        let r = [Context::Reader, Context::Global];
        assert_eq!(run(&[Key::ch('\''), Key::ch('\'')], &r), vec![Action::Run(Command::JumpBack, None)]);
        assert_eq!(run(&[Key::ch('\''), Key::ch('j')], &r), vec![Action::Run(Command::LineDown, None)]);
    }

    #[test]
    fn context_decides() {
        let t = [Context::Tree, Context::Global];
        assert_eq!(run(&[Key::ch('j')], &t), vec![Action::Run(Command::TreeDown, None)]);
        assert_eq!(run(&[Key::ch('t')], &t), vec![Action::Run(Command::ToggleTree, None)]);
        let f = [Context::Field];
        assert_eq!(
            run(&[Key::ch('q'), Key::ch('5')], &f),
            vec![Action::Type(Key::ch('q')), Action::Type(Key::ch('5'))]
        );
        assert_eq!(run(&[Key::plain(Code::Esc)], &f), vec![Action::Run(Command::Close, None)]);
        let l = [Context::List];
        assert_eq!(run(&[Key::ch('q')], &l), vec![Action::Run(Command::Close, None)]);
        assert_eq!(run(&[Key::ch('5')], &l), vec![]);
    }
}
