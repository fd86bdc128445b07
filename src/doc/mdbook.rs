//! mdBook folders: a `SUMMARY.md` gives the chapter files and their order; the book opens as
//! one document whose outline is the chapter tree with each chapter's own headings under
//! it. Must not import ratatui or crossterm.

mod summary;

use std::path::{Path, PathBuf};

use summary::{Chapter, Entry};

use super::{Block, BlockKind, Document, Format, Origin, Section, assign_section_ids, decode, markdown};

/// If `dir` is an mdBook (a `SUMMARY.md` in it or in `dir/src`), read the whole book as one
/// document. None when `dir` is not a book; Err with a message when it is but cannot be read.
/// Chapter files that are missing or unreadable become a notice and a short placeholder
/// paragraph; draft chapters (empty link target) are skipped and their sub-chapters move up.
pub fn load_book(dir: &Path) -> Option<Result<Document, String>> {
    let src = [dir.to_path_buf(), dir.join("src")].into_iter().find(|d| d.join("SUMMARY.md").is_file())?;
    Some(read_book(dir, &src))
}

fn read_book(dir: &Path, src: &Path) -> Result<Document, String> {
    let summary_path = src.join("SUMMARY.md");
    let text = read_text(&summary_path)?;
    let summary = summary::parse(&text);
    if summary.chapter_count() == 0 {
        return Err(format!("{}: lists no chapters", summary_path.display()));
    }
    let mut book = BookBuilder { src: src.to_path_buf(), ..BookBuilder::default() };
    // (list depth, outline index) of the numbered chapters that can still take children.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut part: Option<usize> = None;
    for entry in &summary.entries {
        match entry {
            Entry::Part(title) => {
                open.clear();
                part = Some(book.add_heading_entry(title, None));
            }
            Entry::Chapter(ch) if !ch.numbered => {
                open.clear();
                part = None;
                book.add_chapter(ch, None);
            }
            Entry::Chapter(ch) => {
                while open.last().is_some_and(|&(d, _)| d >= ch.depth) {
                    open.pop();
                }
                let parent = open.last().map(|&(_, i)| i).or(part);
                if let Some(idx) = book.add_chapter(ch, parent) {
                    open.push((ch.depth, idx));
                }
            }
        }
    }
    let BookBuilder { mut blocks, mut outline, notices, .. } = book;
    // Heading blocks show the depth they have in the book, not in their chapter file.
    for s in &outline {
        if let Some(b) = blocks.get_mut(s.block) {
            b.kind = BlockKind::Heading { level: s.level.min(6) };
        }
    }
    assign_section_ids(&mut outline);
    let title = book_toml_title(&dir.join("book.toml"))
        .or(summary.title)
        .unwrap_or_else(|| Origin::File(dir.to_path_buf()).display_name());
    Ok(Document { title, origin: Origin::File(dir.to_path_buf()), format: Format::Markdown, blocks, outline, notices })
}

#[derive(Default)]
struct BookBuilder {
    src: PathBuf,
    blocks: Vec<Block>,
    outline: Vec<Section>,
    notices: Vec<String>,
}

impl BookBuilder {
    fn level_under(&self, parent: Option<usize>) -> u8 {
        parent.map_or(1, |p| self.outline[p].level.saturating_add(1))
    }

    /// A new heading block with an outline entry pointing at it.
    fn add_heading_entry(&mut self, title: &str, parent: Option<usize>) -> usize {
        let level = self.level_under(parent);
        self.blocks.push(Block::new(BlockKind::Heading { level: level.min(6) }, title));
        self.push_section(title, level, parent, self.blocks.len() - 1)
    }

    fn push_section(&mut self, title: &str, level: u8, parent: Option<usize>, block: usize) -> usize {
        self.outline.push(Section { id: String::new(), title: title.to_string(), level, parent, block, number: None });
        self.outline.len() - 1
    }

    /// Add a chapter's entry and content; None for a draft (nothing to show or nest under).
    fn add_chapter(&mut self, ch: &Chapter, parent: Option<usize>) -> Option<usize> {
        let rel = ch.path.as_deref().map(clean_link)?;
        let path = self.src.join(&rel);
        let doc = match read_text(&path) {
            Ok(text) => {
                let mut doc = markdown::parse(&text, Origin::File(path.clone()));
                hide_rust_boilerplate(&mut doc.blocks);
                doc
            }
            Err(e) => {
                self.notices.push(format!("Chapter \"{}\" could not be read ({e}).", ch.title));
                let idx = self.add_heading_entry(&ch.title, parent);
                self.blocks.push(Block::new(BlockKind::Paragraph, format!("[missing chapter file: {rel}]")));
                return Some(idx);
            }
        };
        self.notices.extend(doc.notices.iter().map(|n| format!("{rel}: {n}")));
        Some(self.graft(&ch.title, parent, doc))
    }

    /// Append a chapter document. When the file opens with its one top heading, that heading
    /// is the chapter's entry (titled as in SUMMARY.md) and its sub-headings nest under it;
    /// otherwise a heading block with the chapter title is inserted and every heading of the
    /// file nests under it.
    fn graft(&mut self, title: &str, parent: Option<usize>, doc: Document) -> usize {
        let offset = self.blocks.len();
        let roots = doc.outline.iter().filter(|s| s.parent.is_none()).count();
        let merge = roots == 1 && doc.outline.first().is_some_and(|s| s.block == 0);
        let level = self.level_under(parent);
        let (chapter, block_offset, skip) = if merge {
            (self.push_section(title, level, parent, offset), offset, 1)
        } else {
            (self.add_heading_entry(title, parent), offset + 1, 0)
        };
        // Outline indices in `doc` -> indices in the book.
        let mut mapped: Vec<usize> = Vec::with_capacity(doc.outline.len());
        for (i, s) in doc.outline.iter().enumerate() {
            if i < skip {
                mapped.push(chapter);
                continue;
            }
            let book_parent = s.parent.map_or(chapter, |p| mapped[p]);
            let lvl = self.outline[book_parent].level.saturating_add(1);
            mapped.push(self.push_section(&s.title, lvl, Some(book_parent), s.block + block_offset));
        }
        self.blocks.extend(doc.blocks);
        chapter
    }
}

/// mdBook hides lines of Rust examples that start with "# " (or are a lone "#"): setup code
/// a reader of the rendered book never sees. "##" at a line start shows as "#".
fn hide_rust_boilerplate(blocks: &mut [Block]) {
    for b in blocks {
        let BlockKind::Code { lang: Some(lang) } = &b.kind else {
            continue;
        };
        if &**lang != "rust" {
            continue;
        }
        let mut kept = Vec::new();
        for line in b.text.split('\n') {
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            if body == "#" || body.starts_with("# ") {
                continue;
            }
            match body.strip_prefix("##") {
                Some(rest) => kept.push(format!("{indent}#{rest}")),
                None => kept.push(line.to_string()),
            }
        }
        let shown = kept.join("\n");
        if shown != b.text {
            b.text = shown;
            // Placeholder runs pointed into the old text; the characters are still visible.
            b.runs = Box::default();
        }
    }
}

fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    decode::decode(&bytes).map(|d| d.text).map_err(|_| format!("{}: not a text file", path.display()))
}

/// A SUMMARY link target as a relative file path: no "./", no "#fragment", %XX decoded.
fn clean_link(link: &str) -> String {
    let no_fragment = link.split('#').next().unwrap_or("");
    let trimmed = no_fragment.trim_start_matches("./");
    let bytes = trimmed.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `title = "..."` in book.toml's `[book]` table (or before any table), by a line scan.
fn book_toml_title(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut table = String::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            table = name.trim().to_string();
            continue;
        }
        if !(table.is_empty() || table == "book") {
            continue;
        }
        let Some(value) = line.strip_prefix("title").map(str::trim_start) else {
            continue;
        };
        let Some(value) = value.strip_prefix('=').map(str::trim) else {
            continue;
        };
        let quote = value.chars().next().filter(|&q| q == '"' || q == '\'')?;
        let inner = &value[1..];
        let end = inner.find(quote)?;
        let title = inner[..end].trim();
        return (!title.is_empty()).then(|| title.to_string());
    }
    None
}

#[cfg(test)]
mod tests;
