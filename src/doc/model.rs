//! The format-independent document model every reader produces and every layer above consumes.
//! Must not import ratatui or crossterm: the model knows nothing of terminals or widths.

use std::ops::Range;

/// Where a document came from; used for titles in errors, the library list and user-data identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Embedded in the binary (the sample library); the name is the seed's file name.
    Bundled(String),
    File(std::path::PathBuf),
    Stdin,
}

impl Origin {
    /// A short human name: the file name, the seed name or "stdin".
    pub fn display_name(&self) -> String {
        match self {
            Origin::Bundled(n) => n.clone(),
            Origin::File(p) => {
                p.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| p.display().to_string())
            }
            Origin::Stdin => "stdin".to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
}

/// Inline style flags carried by a run of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Inline(pub u8);

impl Inline {
    pub const PLAIN: Inline = Inline(0);
    pub const BOLD: Inline = Inline(1);
    pub const ITALIC: Inline = Inline(2);
    pub const CODE: Inline = Inline(4);
    pub const STRIKE: Inline = Inline(8);
    pub const LINK: Inline = Inline(16);
    /// Text the reader substituted for something unprintable (control characters etc.).
    pub const PLACEHOLDER: Inline = Inline(32);

    pub fn contains(self, other: Inline) -> bool {
        self.0 & other.0 == other.0
    }
    pub fn union(self, other: Inline) -> Inline {
        Inline(self.0 | other.0)
    }
}

/// A byte offset into a block's text as stored in runs and links. Block texts stay far below
/// 4 GiB (files over 256 MiB are refused), so 32 bits suffice and halve the size of a run; a
/// larger offset would be clamped, never wrapped.
pub fn offset32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A styled byte range of a block's text. Runs are sorted and do not overlap;
/// bytes not covered by any run are plain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyleRun {
    pub range: Range<u32>,
    pub style: Inline,
}

impl StyleRun {
    pub fn new(range: Range<usize>, style: Inline) -> StyleRun {
        StyleRun { range: offset32(range.start)..offset32(range.end), style }
    }

    /// The run's byte range in its block's text, for slicing.
    pub fn bytes(&self) -> Range<usize> {
        self.range.start as usize..self.range.end as usize
    }
}

/// A hyperlink: the byte range of its visible text and its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub range: Range<u32>,
    pub url: String,
}

impl Link {
    pub fn new(range: Range<usize>, url: String) -> Link {
        Link { range: offset32(range.start)..offset32(range.end), url }
    }

    /// The byte range of the link's visible text in its block's text, for slicing.
    pub fn bytes(&self) -> Range<usize> {
        self.range.start as usize..self.range.end as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

/// A table: cell texts only (inline styles are dropped inside cells).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub align: Vec<Align>,
    /// Number of leading rows that are header rows (0 or 1 in practice).
    pub header_rows: usize,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading; `level` is 1 for the largest. Its text is the title.
    Heading {
        level: u8,
    },
    Paragraph,
    /// One list item's paragraph. `depth` counts from 0; `marker` is what the source shows
    /// ("•", "1.", "[x]"), or empty for a continuation paragraph of the same item.
    ListItem {
        depth: u8,
        /// Shared among the items showing the same marker (see `intern`).
        marker: std::sync::Arc<str>,
    },
    /// Preformatted text: lines separated by '\n', never reflowed.
    Code {
        lang: Option<Box<str>>,
    },
    /// The block's text holds the cells as "cell\tcell\n" rows so search and anchors see them.
    Table(Box<Table>),
    /// A horizontal rule or page break.
    Rule,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Block-quote nesting depth (0 = not quoted).
    pub quote: u8,
    /// The block's text, sanitised (no control characters) and with source hard-wraps
    /// already joined for reflowable kinds.
    pub text: String,
    /// Boxed slices rather than vectors: a document holds one of each per block, and most
    /// are empty, so the capacity word is dead weight.
    pub runs: Box<[StyleRun]>,
    pub links: Box<[Link]>,
}

impl Block {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Block {
        Block { kind, quote: 0, text: text.into(), runs: Box::default(), links: Box::default() }
    }
}

/// One entry of the outline. The outline is a flat pre-order list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Stable id derived from the titles on the path (slugs joined by '/', deduplicated with
    /// a numeric suffix), so it survives edits elsewhere in the document.
    pub id: String,
    pub title: String,
    /// Depth in the tree, 1 for a root entry.
    pub level: u8,
    /// Index into `Document::outline` of the parent entry.
    pub parent: Option<usize>,
    /// Index into `Document::blocks` the entry jumps to (its heading, or the body heading a
    /// contents entry refers to).
    pub block: usize,
    /// Source numbering, if any ("2.3", "IV").
    pub number: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub origin: Origin,
    pub format: Format,
    pub blocks: Vec<Block>,
    pub outline: Vec<Section>,
    /// Things the reader wants the user told (lossy decoding, skipped front matter, ...).
    pub notices: Vec<String>,
}

impl Document {
    /// Index of the innermost outline entry whose block is at or before `block`, if any.
    /// Outline entries are in document order of their target blocks for body headings;
    /// this scans backwards so contents entries pointing forward do not confuse it.
    pub fn section_at(&self, block: usize) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, s) in self.outline.iter().enumerate() {
            if s.block <= block && best.is_none_or(|b| self.outline[b].block <= s.block) {
                best = Some(i);
            }
        }
        best
    }

    /// Titles from the root to `section`, inclusive.
    pub fn section_path(&self, section: usize) -> Vec<&str> {
        let mut path = Vec::new();
        let mut cur = Some(section);
        while let Some(i) = cur {
            path.push(self.outline[i].title.as_str());
            cur = self.outline[i].parent;
        }
        path.reverse();
        path
    }
}

/// Make a slug for section ids: lowercase alphanumerics separated by single '-'.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// Fill in `id` for every section from its ancestors' slugs, deduplicating repeats.
pub fn assign_section_ids(outline: &mut [Section]) {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for i in 0..outline.len() {
        let base = match outline[i].parent {
            Some(p) => format!("{}/{}", outline[p].id, slug(&outline[i].title)),
            None => slug(&outline[i].title),
        };
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        outline[i].id = if *n == 1 { base } else { format!("{base}~{n}") };
    }
}

impl Document {
    /// The outline as indented text, one entry per line ("  " per level below 1, then the
    /// number if any, then the title). Used by golden tests and `--outline`.
    pub fn outline_text(&self) -> String {
        let mut out = String::new();
        for s in &self.outline {
            for _ in 1..s.level {
                out.push_str("  ");
            }
            if let Some(n) = &s.number {
                out.push_str(n);
                out.push(' ');
            }
            out.push_str(&super::sanitize::visible(&s.title));
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_block_records_stay_small() {
        // A big document holds hundreds of thousands of these; see the README's memory table.
        assert!(std::mem::size_of::<Block>() <= 88, "Block is {} bytes", std::mem::size_of::<Block>());
        assert!(std::mem::size_of::<StyleRun>() <= 12);
        assert_eq!(StyleRun::new(3..7, Inline::BOLD).bytes(), 3..7);
        assert_eq!(offset32(usize::MAX), u32::MAX);
    }

    #[test]
    fn slug_folds_punctuation_and_case() {
        assert_eq!(slug("The United Nations’ role in SSR "), "the-united-nations-role-in-ssr");
        assert_eq!(slug("  2.3  Scope"), "2-3-scope");
    }

    #[test]
    fn ids_are_path_based_and_deduplicated() {
        let sec =
            |t: &str, parent| Section { id: String::new(), title: t.into(), level: 1, parent, block: 0, number: None };
        let mut o = vec![sec("A", None), sec("Intro", Some(0)), sec("Intro", Some(0))];
        assign_section_ids(&mut o);
        assert_eq!(o[1].id, "a/intro");
        assert_eq!(o[2].id, "a/intro~2");
    }
}
