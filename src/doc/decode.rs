//! Turns the bytes of a file into text: encoding detection, binary refusal, line endings.
//! Must not import ratatui or crossterm.
//!
//! Order of decisions: byte-order mark, BOM-less UTF-16, binary refusal, valid UTF-8, then for
//! invalid UTF-8 either lossy UTF-8 (a few stray bytes in a UTF-8 file) or a legacy encoding
//! guessed by `chardetng`.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// Decoded text plus what the user should be told about how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub notices: Vec<String>,
    /// The encoding the bytes were read as ("UTF-8", "UTF-16LE", "EUC-JP", ...).
    pub encoding: &'static str,
}

/// Why bytes were not accepted as a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    /// NUL bytes not explained by UTF-16, or too many control bytes: not a text document.
    Binary,
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotText::Binary => f.write_str("not a text document (binary data)"),
        }
    }
}

/// How many bytes the BOM-less UTF-16 test and the binary test look at. Enough to be sure,
/// small enough that a directory walk can sniff a file without reading all of it.
pub const SNIFF_LEN: usize = 64 * 1024;

/// Decode `bytes` as a document's text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    let mut notices = Vec::new();
    let (text, encoding): (Cow<str>, &'static str) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8_lossy(rest, &mut notices), "UTF-8")
    } else if let Some(enc) = utf16_kind(bytes) {
        let body = bytes.strip_prefix(b"\xFF\xFE").or_else(|| bytes.strip_prefix(b"\xFE\xFF"));
        let (text, had_errors) = enc.decode_without_bom_handling(body.unwrap_or(bytes));
        if had_errors {
            // Random bytes behind an FF FE pair hit lone surrogates every few dozen units.
            let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
            if bad * 100 > text.chars().count() {
                return Err(NotText::Binary);
            }
            notices.push("invalid UTF-16 shown as \u{FFFD}".to_string());
        }
        (text, enc.name())
    } else {
        if raw_bytes_look_binary(bytes) {
            return Err(NotText::Binary);
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => (Cow::Borrowed(text), "UTF-8"),
            Err(_) => decode_invalid_utf8(bytes, &mut notices),
        }
    };
    if text_looks_binary(&text) {
        return Err(NotText::Binary);
    }
    Ok(Decoded { text: normalize_line_endings(text), notices, encoding })
}

/// [`decode`] for bytes the caller gives up: a UTF-8 file without a byte-order mark or
/// carriage returns (the common case) becomes the text without a copy, which matters for a
/// 100 MB file. The result is the same as `decode(&bytes)`.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, NotText> {
    let plain_utf8 = !bytes.starts_with(b"\xEF\xBB\xBF")
        && utf16_kind(&bytes).is_none()
        && !bytes.contains(&b'\r')
        && std::str::from_utf8(&bytes).is_ok();
    if !plain_utf8 {
        return decode(&bytes);
    }
    if raw_bytes_look_binary(&bytes) {
        return Err(NotText::Binary);
    }
    let text = String::from_utf8(bytes).map_err(|_| NotText::Binary)?;
    if text_looks_binary(&text) {
        return Err(NotText::Binary);
    }
    Ok(Decoded { text, notices: Vec::new(), encoding: "UTF-8" })
}

/// The cheap part of [`decode`]'s binary test, for a prefix of a file (at most [`SNIFF_LEN`]
/// bytes are examined): true when the bytes are certainly not a text document.
pub fn looks_binary(prefix: &[u8]) -> bool {
    let prefix = &prefix[..prefix.len().min(SNIFF_LEN)];
    let has_bom = prefix.starts_with(b"\xEF\xBB\xBF") || utf16_bom(prefix).is_some();
    !has_bom && utf16_kind(prefix).is_none() && raw_bytes_look_binary(prefix)
}

fn utf16_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(UTF_16LE),
        [0xFE, 0xFF, ..] => Some(UTF_16BE),
        _ => None,
    }
}

/// UTF-16 by BOM, or without a BOM when the text is mostly ASCII: then nearly every high byte
/// of a code unit is NUL and nearly no low byte is.
fn utf16_kind(bytes: &[u8]) -> Option<&'static Encoding> {
    if let Some(enc) = utf16_bom(bytes) {
        return Some(enc);
    }
    let sample = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
    }
    let mostly = |n: usize| n * 10 >= units * 6;
    let rarely = |n: usize| n * 20 <= units;
    let candidate = if mostly(odd_nul) && rarely(even_nul) {
        UTF_16LE
    } else if mostly(even_nul) && rarely(odd_nul) {
        UTF_16BE
    } else {
        return None;
    };
    // Unpaired surrogates mean it was something else that happens to hold many NULs.
    candidate.decode_without_bom_handling_and_without_replacement(sample).map(|_| candidate)
}

/// NUL bytes (beyond the odd one some text formats carry, like info files) or a high share of
/// control bytes: random data, executables, archives, images.
fn raw_bytes_look_binary(bytes: &[u8]) -> bool {
    let nul = bytes.iter().filter(|&&b| b == 0).count();
    let control = bytes.iter().filter(|&&b| is_binary_control(u32::from(b))).count();
    too_many(nul, control, bytes.len())
}

/// The same test on decoded text, so that UTF-16 and legacy decodings are judged too.
fn text_looks_binary(text: &str) -> bool {
    let (mut nul, mut control, mut chars) = (0, 0, 0);
    for c in text.chars() {
        chars += 1;
        nul += usize::from(c == '\0');
        control += usize::from(is_binary_control(u32::from(c)));
    }
    too_many(nul, control, chars)
}

fn too_many(nul: usize, control: usize, len: usize) -> bool {
    (nul > 0 && nul * 1000 >= len) || control * 100 > len * 5
}

/// Control characters that text files do not normally hold. Tab, newline, CR, form feed and
/// ESC (terminal logs) are normal; backspace and bell occur in logs but rarely.
fn is_binary_control(c: u32) -> bool {
    (c < 0x20 && !matches!(c, 0x08 | 0x09 | 0x0A | 0x0C | 0x0D | 0x1B)) || c == 0x7F
}

/// Invalid UTF-8: lossy UTF-8 when it is mostly UTF-8, else a legacy encoding.
fn decode_invalid_utf8<'a>(bytes: &'a [u8], notices: &mut Vec<String>) -> (Cow<'a, str>, &'static str) {
    let (valid_multibyte, invalid) = utf8_census(bytes);
    if valid_multibyte > 0 && invalid * 2 <= valid_multibyte {
        return (utf8_lossy(bytes, notices), "UTF-8");
    }
    let guess = guess_legacy(bytes);
    let lossy = if valid_multibyte == 0 {
        false
    } else if !guess.is_single_byte() && guess.decode_without_bom_handling_and_without_replacement(bytes).is_some() {
        // A multi-byte legacy encoding (EUC-JP, GBK, ...) that reads every byte cleanly;
        // such text forms many valid UTF-8 sequences by accident.
        false
    } else {
        // Single-byte legacy text forms valid UTF-8 only by accident (far under 5% of its
        // non-ASCII bytes); a damaged UTF-8 file keeps a real share of valid sequences.
        valid_multibyte * 20 >= valid_multibyte + invalid
    };
    if lossy {
        return (utf8_lossy(bytes, notices), "UTF-8");
    }
    let (text, had_errors) = guess.decode_without_bom_handling(bytes);
    notices.push(format!("decoded as {}", guess.name()));
    if had_errors {
        notices.push(format!("bytes invalid in {} shown as \u{FFFD}", guess.name()));
    }
    (text, guess.name())
}

/// chardetng's guess from the first MiB, which is plenty to tell encodings apart.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    const GUESS_LEN: usize = 1 << 20;
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes[..bytes.len().min(GUESS_LEN)], bytes.len() <= GUESS_LEN);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// (bytes in valid multi-byte UTF-8 sequences, bytes in invalid sequences).
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    let (mut valid_multibyte, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().bytes().filter(|b| !b.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    (valid_multibyte, invalid)
}

fn utf8_lossy<'a>(bytes: &'a [u8], notices: &mut Vec<String>) -> Cow<'a, str> {
    let (_, invalid) = utf8_census(bytes);
    if invalid > 0 {
        let noun = if invalid == 1 { "byte" } else { "bytes" };
        notices.push(format!("{invalid} invalid UTF-8 {noun} shown as \u{FFFD}"));
    }
    String::from_utf8_lossy(bytes)
}

/// CRLF and lone CR become LF; everything else (form feeds included) is kept.
fn normalize_line_endings(text: Cow<str>) -> String {
    if !text.contains('\r') {
        return text.into_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            chars.next_if_eq(&'\n');
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        decode(bytes).expect("should decode").text
    }

    fn utf16(s: &str, little: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if little { b"\xFF\xFE" } else { b"\xFE\xFF" });
        }
        for unit in s.encode_utf16() {
            out.extend_from_slice(&if little { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        out
    }

    #[test]
    fn empty_is_empty_text() {
        let d = decode(b"").unwrap();
        assert_eq!(d.text, "");
        assert!(d.notices.is_empty());
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode("\u{FEFF}héllo".as_bytes()).unwrap();
        assert_eq!(d.text, "héllo");
        assert!(d.notices.is_empty());
    }

    #[test]
    fn line_endings_become_lf_and_form_feeds_stay() {
        assert_eq!(text(b"a\r\nb\rc\n\x0cd\r"), "a\nb\nc\n\x0cd\n");
        assert_eq!(text(b"a\r\r\nb"), "a\n\nb");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let s = "Привет, world\r\nline two";
        assert_eq!(text(&utf16(s, true, true)), "Привет, world\nline two");
        assert_eq!(text(&utf16(s, false, true)), "Привет, world\nline two");
        assert_eq!(decode(&utf16(s, false, true)).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn utf16_without_bom_when_ascii_heavy() {
        let s = "Chapter 1\nIt was a dark and stormy night; the rain fell in torrents.";
        assert_eq!(text(&utf16(s, true, false)), s);
        assert_eq!(text(&utf16(s, false, false)), s);
    }

    #[test]
    fn stray_byte_in_utf8_is_lossy_with_notice() {
        let d = decode(b"caf\xc3\xa9 na\xc3\xafve r\xc3\xa9sum\xc3\xa9 \xff end").unwrap();
        assert_eq!(d.text, "café naïve résumé \u{FFFD} end");
        assert_eq!(d.notices, vec!["1 invalid UTF-8 byte shown as \u{FFFD}".to_string()]);
    }

    #[test]
    fn latin1_without_utf8_is_legacy() {
        let d = decode(b"Le caf\xe9 est pr\xeat, dit le gar\xe7on.\n").unwrap();
        assert_eq!(d.text, "Le café est prêt, dit le garçon.\n");
        assert_eq!(d.notices, vec!["decoded as windows-1252".to_string()]);
    }

    #[test]
    fn stray_byte_in_utf8_chinese_stays_utf8() {
        let mut bytes = "他喜欢慢慢地读，一边读一边在纸上写下自己的想法。".repeat(3).into_bytes();
        bytes.insert(9, 0xB0);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("慢慢地读"));
        assert_eq!(d.notices, vec!["1 invalid UTF-8 byte shown as \u{FFFD}".to_string()]);
    }

    #[test]
    fn cyrillic_windows_1251_is_detected() {
        let source = "Глава первая. Это был тихий вечер, и он открыл очень длинную книгу. \
                      В книге было много глав, и каждая рассказывала свою историю.\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(source);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, source);
        assert_eq!(d.notices, vec!["decoded as windows-1251".to_string()]);
    }

    #[test]
    fn nul_bytes_are_binary_but_a_rare_nul_is_not() {
        assert_eq!(decode(b"abc\0def\0ghi"), Err(NotText::Binary));
        let mut long = "word ".repeat(1000).into_bytes();
        long[2500] = 0;
        assert!(decode(&long).is_ok());
    }

    #[test]
    fn random_bytes_are_binary() {
        // xorshift: deterministic pseudo-random bytes
        let mut x: u32 = 0x9E37_79B9;
        let bytes: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 24) as u8
            })
            .collect();
        assert_eq!(decode(&bytes), Err(NotText::Binary));
        assert!(looks_binary(&bytes));
    }

    #[test]
    fn random_bytes_behind_a_utf16_bom_are_binary() {
        let mut x: u32 = 0x0BAD_CAFE;
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend((0..8192).map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        }));
        assert_eq!(decode(&bytes), Err(NotText::Binary));
    }

    #[test]
    fn control_heavy_is_binary_but_escapes_are_text() {
        assert_eq!(decode(b"\x01\x02\x03\x04abc\x05\x06"), Err(NotText::Binary));
        assert!(decode(b"\x1b[1mbold\x1b[0m and \x1b[31mred\x1b[0m\r\n").is_ok());
    }

    #[test]
    fn looks_binary_accepts_text_and_utf16() {
        assert!(!looks_binary(b"plain words\n"));
        assert!(!looks_binary(&utf16("plain words", true, false)));
        assert!(looks_binary(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"));
    }
}
