//! Makes text from documents safe to show: every character that a terminal would act on
//! (C0 except tab/newline, DEL, C1, and bidi embedding/override controls) gets a visible
//! placeholder, so nothing from a file can drive the terminal and nothing is hidden either.
//! Must not import ratatui or crossterm.

use std::borrow::Cow;

/// The visible stand-in for `c`, or None when `c` is safe to print as itself.
/// Tab and newline are not handled here: layout expands or breaks on them.
pub fn placeholder(c: char) -> Option<&'static str> {
    const C0: [&str; 32] = [
        "^@", "^A", "^B", "^C", "^D", "^E", "^F", "^G", "^H", "^I", "^J", "^K", "^L", "^M", "^N", "^O", "^P", "^Q",
        "^R", "^S", "^T", "^U", "^V", "^W", "^X", "^Y", "^Z", "^[", "^\\", "^]", "^^", "^_",
    ];
    const C1: [&str; 32] = [
        "<80>", "<81>", "<82>", "<83>", "<84>", "<85>", "<86>", "<87>", "<88>", "<89>", "<8A>", "<8B>", "<8C>", "<8D>",
        "<8E>", "<8F>", "<90>", "<91>", "<92>", "<93>", "<94>", "<95>", "<96>", "<97>", "<98>", "<99>", "<9A>", "<9B>",
        "<9C>", "<9D>", "<9E>", "<9F>",
    ];
    let u = c as u32;
    match u {
        0..=0x1f => Some(C0[u as usize]),
        0x7f => Some("^?"),
        0x80..=0x9f => Some(C1[(u - 0x80) as usize]),
        0x202a => Some("<LRE>"),
        0x202b => Some("<RLE>"),
        0x202c => Some("<PDF>"),
        0x202d => Some("<LRO>"),
        0x202e => Some("<RLO>"),
        0x2066 => Some("<LRI>"),
        0x2067 => Some("<RLI>"),
        0x2068 => Some("<FSI>"),
        0x2069 => Some("<PDI>"),
        _ => None,
    }
}

/// `s` with every unsafe character (including tab and newline) replaced by its placeholder;
/// borrowed when nothing needed replacing. For one-line UI strings: titles, names, messages.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| placeholder(c).is_some()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match placeholder(c) {
            Some(p) if c == '\t' || c == '\n' => {
                let _ = p;
                out.push(' ')
            }
            Some(p) => out.push_str(p),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible() {
        assert_eq!(visible("a\x1b]0;pwn\x07b"), "a^[]0;pwn^Gb");
        assert_eq!(visible("x\u{9b}2J"), "x<9B>2J");
        assert_eq!(visible("\u{202e}abc"), "<RLO>abc");
        assert_eq!(visible("tab\there"), "tab here");
        assert!(matches!(visible("plain “quotes”"), Cow::Borrowed(_)));
    }
}
