//! Splits what a program wrote to its terminal into escape sequences, so hostile-input tests
//! can check which sequences were sent and what they carried.

#![allow(dead_code)]

/// One escape sequence found in terminal output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sequence {
    /// CSI: `ESC [` or 8-bit 0x9B, parameters + intermediates + the final byte.
    Csi { body: Vec<u8>, last: u8 },
    /// A string sequence: OSC (`]`), DCS (`P`), APC (`_`), PM (`^`) or SOS (`X`), with its
    /// introducer letter and everything up to its terminator.
    Text { kind: u8, body: Vec<u8> },
    /// Any other `ESC x` (with intermediates such as `ESC ( B`).
    Short(Vec<u8>),
}

impl Sequence {
    pub fn bytes(&self) -> &[u8] {
        match self {
            Sequence::Csi { body, .. } | Sequence::Text { body, .. } | Sequence::Short(body) => body,
        }
    }
}

/// Every escape sequence in `raw`, in order. Recognises 7-bit forms and the C1 code points
/// U+0080..U+009F as UTF-8 (which a terminal in UTF-8 mode may act on as well).
pub fn sequences(raw: &[u8]) -> Vec<Sequence> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let (intro, next) = match raw[i] {
            0x1b if i + 1 < raw.len() => (raw[i + 1], i + 2),
            0xC2 if i + 1 < raw.len() && (0x80..=0x9F).contains(&raw[i + 1]) => (raw[i + 1] - 0x40, i + 2),
            _ => {
                i += 1;
                continue;
            }
        };
        i = match intro {
            b'[' => {
                let mut j = next;
                while j < raw.len() && (0x20..=0x3F).contains(&raw[j]) {
                    j += 1;
                }
                let last = raw.get(j).copied().unwrap_or(0);
                out.push(Sequence::Csi { body: raw[next..j.min(raw.len())].to_vec(), last });
                j + 1
            }
            b']' | b'P' | b'_' | b'^' | b'X' => {
                let mut j = next;
                let end = loop {
                    match raw.get(j) {
                        None => break j,
                        Some(0x07) => break j + 1,
                        Some(0x1b) if raw.get(j + 1) == Some(&b'\\') => break j + 2,
                        Some(0xC2) if raw.get(j + 1) == Some(&0x9C) => break j + 2,
                        _ => j += 1,
                    }
                };
                out.push(Sequence::Text { kind: intro, body: raw[next..j.min(raw.len())].to_vec() });
                end
            }
            _ => {
                let mut j = next - 1;
                while j < raw.len() && (0x20..=0x2F).contains(&raw[j]) {
                    j += 1;
                }
                out.push(Sequence::Short(raw[next - 1..(j + 1).min(raw.len())].to_vec()));
                j + 1
            }
        };
    }
    out
}

/// Characters that reorder text around them when a terminal implements bidi.
pub const BIDI_CONTROLS: &[char] =
    &['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];

/// Everything a hostile document must never make a program write, checked on `raw`:
/// no string sequences (OSC titles and clipboard, DCS, APC, PM, SOS), no terminal queries
/// (device status, attributes, window reports) whose answers would arrive as typed input, no C1
/// controls, no bidi controls, and no `marker` inside any sequence at all.
/// Returns a description of each violation.
pub fn violations(raw: &[u8], markers: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let text = String::from_utf8_lossy(raw);
    if let Some(c) = text.chars().find(|c| ('\u{80}'..='\u{9F}').contains(c)) {
        found.push(format!("C1 control U+{:04X} written", c as u32));
    }
    if let Some(c) = text.chars().find(|c| BIDI_CONTROLS.contains(c)) {
        found.push(format!("bidi control U+{:04X} written", c as u32));
    }
    for seq in sequences(raw) {
        let shown = String::from_utf8_lossy(seq.bytes()).into_owned();
        match &seq {
            Sequence::Text { kind, .. } => found.push(format!("string sequence ESC {} {shown:?}", *kind as char)),
            Sequence::Csi { last: b'n' | b'c' | b't', .. } => found.push(format!("terminal query CSI {shown:?}")),
            _ => {}
        }
        for m in markers {
            if shown.contains(m) {
                found.push(format!("marker {m} inside {seq:?}"));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_kind() {
        let raw = b"a\x1b[1;2Hb\x1b]0;T\x07c\x1bPq\x1b\\d\x1b(Be\xc2\x9b31m";
        let seqs = sequences(raw);
        assert_eq!(seqs.len(), 5, "{seqs:?}");
        assert_eq!(seqs[0], Sequence::Csi { body: b"1;2".to_vec(), last: b'H' });
        assert_eq!(seqs[1], Sequence::Text { kind: b']', body: b"0;T".to_vec() });
        assert!(!violations(raw, &["T"]).is_empty());
        assert!(violations(b"\x1b[2J\x1b[1mok", &["ok"]).is_empty());
    }
}
