//! Document identity: a stable 64-bit FNV-1a hash of the document's whitespace-normalised text.
//! Deliberately not std's `DefaultHasher`, whose output may change between Rust releases.

use crate::doc::Document;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Incremental FNV-1a (64-bit).
#[derive(Debug, Clone, Copy)]
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(FNV_OFFSET)
    }
}

impl Fnv1a {
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
    }
    pub fn finish(self) -> u64 {
        self.0
    }
}

/// FNV-1a of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h = Fnv1a::default();
    h.write(bytes);
    h.finish()
}

/// The fingerprint of a document: 16 hex digits of FNV-1a over the words of all block texts
/// joined by single spaces. Block boundaries and runs of whitespace do not count, so a reader
/// that splits paragraphs differently, or a file re-wrapped by an editor, keeps its identity.
pub fn fingerprint(doc: &Document) -> String {
    let mut h = Fnv1a::default();
    let mut first = true;
    for block in &doc.blocks {
        for word in block.text.split_whitespace() {
            if !first {
                h.write(b" ");
            }
            first = false;
            h.write(word.as_bytes());
        }
    }
    format!("{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, BlockKind, Format, Origin};

    fn doc(texts: &[&str]) -> Document {
        Document {
            title: "t".into(),
            origin: Origin::Stdin,
            format: Format::Plain,
            blocks: texts.iter().map(|t| Block::new(BlockKind::Paragraph, *t)).collect(),
            outline: Vec::new(),
            notices: Vec::new(),
        }
    }

    #[test]
    fn known_vectors() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn whitespace_and_block_splits_do_not_matter_but_words_do() {
        let a = fingerprint(&doc(&["Hello  world.", "Second\tpara"]));
        let b = fingerprint(&doc(&["Hello world. Second", "para"]));
        let c = fingerprint(&doc(&["Hello world. Second para!"]));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 16);
    }
}
