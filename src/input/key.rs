//! Key chords as the keymap names them ("j", "Ctrl-d", "Alt-Right"), independent of the terminal
//! library so the keymap and dispatcher are testable without a terminal.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    Char(char),
    Enter,
    Esc,
    Backspace,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Delete,
    Insert,
    F(u8),
}

/// A key with modifiers. Shift is folded into the character for printable keys ("G", not
/// "Shift-g"), so only Ctrl and Alt are kept for those.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: Code,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: Code) -> Key {
        Key { code, ctrl: false, alt: false }
    }
    pub const fn ch(c: char) -> Key {
        Key::plain(Code::Char(c))
    }
    pub const fn ctrl(c: char) -> Key {
        Key { code: Code::Char(c), ctrl: true, alt: false }
    }

    /// Parse a key name as written in the keymap. `Space` names the space bar.
    pub fn parse(name: &str) -> Option<Key> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = name;
        loop {
            if let Some(r) = rest.strip_prefix("Ctrl-") {
                ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("Alt-") {
                alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "Space" => Code::Char(' '),
            "Enter" => Code::Enter,
            "Esc" => Code::Esc,
            "Backspace" => Code::Backspace,
            "Tab" => Code::Tab,
            "BackTab" => Code::BackTab,
            "Up" => Code::Up,
            "Down" => Code::Down,
            "Left" => Code::Left,
            "Right" => Code::Right,
            "Home" => Code::Home,
            "End" => Code::End,
            "PageUp" => Code::PageUp,
            "PageDown" => Code::PageDown,
            "Delete" => Code::Delete,
            "Insert" => Code::Insert,
            f if f.len() > 1 && f.starts_with('F') => Code::F(f[1..].parse().ok()?),
            s => {
                let mut cs = s.chars();
                let c = cs.next()?;
                if cs.next().is_some() {
                    return None;
                }
                Code::Char(c)
            }
        };
        Some(Key { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            Code::Char(' ') => f.write_str("Space"),
            Code::Char(c) => write!(f, "{c}"),
            Code::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for name in ["j", "G", "Ctrl-d", "Alt-Right", "Space", "F1", "BackTab", "%", "Ctrl-Alt-x"] {
            let k = Key::parse(name).unwrap();
            assert_eq!(k.to_string(), name);
        }
        assert_eq!(Key::parse("Ctrl-"), None);
        assert_eq!(Key::parse("Foo"), None);
    }
}
