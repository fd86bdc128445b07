//! A one-line text field (search queries, the `/` prompt, list filters) with the editing keys
//! readline users expect.

use crate::input::{Code, Key};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    pub text: String,
    /// Byte offset of the cursor, always on a char boundary.
    pub cursor: usize,
}

impl LineInput {
    pub fn with_text(text: &str) -> LineInput {
        LineInput { text: text.to_string(), cursor: text.len() }
    }

    /// Apply an editing key; returns true when the text changed.
    pub fn edit(&mut self, key: Key) -> bool {
        let before = self.text.len();
        match (key.code, key.ctrl, key.alt) {
            (Code::Char(c), false, false) => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
                return true;
            }
            (Code::Backspace, _, false) | (Code::Char('h'), true, _) => {
                if let Some(c) = self.text[..self.cursor].chars().next_back() {
                    self.cursor -= c.len_utf8();
                    self.text.remove(self.cursor);
                }
            }
            (Code::Delete, _, _) | (Code::Char('d'), true, _) if self.cursor < self.text.len() => {
                self.text.remove(self.cursor);
            }
            (Code::Left, _, _) | (Code::Char('b'), true, _) => {
                if let Some(c) = self.text[..self.cursor].chars().next_back() {
                    self.cursor -= c.len_utf8();
                }
            }
            (Code::Right, _, _) | (Code::Char('f'), true, _) => {
                if let Some(c) = self.text[self.cursor..].chars().next() {
                    self.cursor += c.len_utf8();
                }
            }
            (Code::Home, _, _) | (Code::Char('a'), true, _) => self.cursor = 0,
            (Code::End, _, _) | (Code::Char('e'), true, _) => self.cursor = self.text.len(),
            (Code::Char('u'), true, _) => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            (Code::Char('k'), true, _) => self.text.truncate(self.cursor),
            (Code::Char('w'), true, _) | (Code::Backspace, _, true) => {
                let head = &self.text[..self.cursor];
                let trimmed = head.trim_end();
                let start = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            _ => {}
        }
        self.text.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_and_editing() {
        let mut l = LineInput::default();
        for c in "gendr chal".chars() {
            l.edit(Key::ch(c));
        }
        assert_eq!(l.text, "gendr chal");
        l.edit(Key::ctrl('w'));
        assert_eq!(l.text, "gendr ");
        l.edit(Key::plain(Code::Backspace));
        l.edit(Key::plain(Code::Home));
        l.edit(Key::ch('é'));
        assert_eq!(l.text, "égendr");
        l.edit(Key::plain(Code::Right));
        l.edit(Key::ctrl('k'));
        assert_eq!(l.text, "ég");
        l.edit(Key::ctrl('u'));
        assert_eq!((l.text.as_str(), l.cursor), ("", 0));
        assert!(!l.edit(Key::plain(Code::Backspace)));
    }
}
