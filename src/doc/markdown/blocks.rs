//! Walks pulldown-cmark events and emits model blocks: paragraphs, headings, list items,
//! code, tables, rules; quotes become a depth on each block, footnotes and images become text.

use std::collections::HashMap;

use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, Event, HeadingLevel, Tag, TagEnd};

use super::html;
use super::inline::{StyleStack, StyledText};
use super::table::TableBuilder;
use crate::doc::intern::Interner;
use crate::doc::{Block, BlockKind, Inline};

/// One open list: its next number when ordered.
struct ListFrame {
    next_number: Option<u64>,
}

/// One open list item: its marker until the first block of the item takes it.
struct ItemFrame {
    marker: Option<String>,
    depth: u8,
}

/// Turns an event stream into blocks. Inline events fill `buf`; any block boundary flushes it.
#[derive(Default)]
pub struct BlockBuilder {
    pub blocks: Vec<Block>,
    buf: Option<StyledText>,
    style: StyleStack,
    quote: u8,
    heading: Option<u8>,
    lists: Vec<ListFrame>,
    items: Vec<ItemFrame>,
    /// Text to start the next block with: "[1] " for a footnote definition, "Note: " ...
    pending_prefix: Option<String>,
    footnotes: HashMap<String, usize>,
    open_links: Vec<(usize, String)>,
    image_starts: Vec<usize>,
    code: Option<(Option<String>, String)>,
    html_block: Option<String>,
    table: Option<TableBuilder>,
    markers: Interner,
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
}

fn bullet(depth: u8) -> &'static str {
    ["•", "◦", "▪"][depth as usize % 3]
}

impl BlockBuilder {
    pub fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                let style = self.style.current().union(Inline::CODE);
                self.buf().push(&t, style);
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                let style = self.style.current().union(Inline::CODE);
                self.buf().push(&t, style);
            }
            Event::Html(t) => match &mut self.html_block {
                Some(raw) => raw.push_str(&t),
                None => self.inline_html(&t),
            },
            Event::InlineHtml(t) => self.inline_html(&t),
            Event::FootnoteReference(label) => {
                let marker = format!("[{}]", self.footnote_number(&label));
                let style = self.style.current();
                self.buf().push(&marker, style);
            }
            // Soft and hard breaks both become a space: blocks are reflowed to the width.
            Event::SoftBreak | Event::HardBreak => self.buf().push(" ", Inline::PLAIN),
            Event::Rule => {
                self.flush();
                self.push_block(Block::new(BlockKind::Rule, ""));
            }
            Event::TaskListMarker(checked) => {
                if let Some(item) = self.items.last_mut().filter(|i| i.marker.is_some()) {
                    item.marker = Some(if checked { "[x]" } else { "[ ]" }.to_string());
                }
            }
        }
    }

    /// Finish and return the blocks.
    pub fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.flush(),
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(heading_number(level));
            }
            Tag::BlockQuote(kind) => {
                self.flush();
                self.quote = self.quote.saturating_add(1);
                self.pending_prefix = kind.map(|k| format!("{}: ", quote_label(k)));
            }
            Tag::CodeBlock(kind) => {
                self.flush();
                self.claim_marker();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
                        .next()
                        .filter(|l| !l.is_empty())
                        .map(str::to_string),
                    CodeBlockKind::Indented => None,
                };
                self.code = Some((lang, String::new()));
            }
            Tag::HtmlBlock => {
                self.flush();
                self.html_block = Some(String::new());
            }
            Tag::List(first) => {
                self.flush();
                self.claim_marker();
                self.lists.push(ListFrame { next_number: first });
            }
            Tag::Item => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1).min(u8::MAX as usize) as u8;
                let marker = match self.lists.last_mut().and_then(|l| l.next_number.as_mut()) {
                    Some(n) => {
                        let m = format!("{n}.");
                        *n = n.saturating_add(1);
                        m
                    }
                    None => bullet(depth).to_string(),
                };
                self.items.push(ItemFrame { marker: Some(marker), depth });
            }
            Tag::FootnoteDefinition(label) => {
                self.flush();
                self.pending_prefix = Some(format!("[{}] ", self.footnote_number(&label)));
            }
            Tag::Table(align) => {
                self.flush();
                self.claim_marker();
                self.table = Some(TableBuilder::new(&align));
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.start_row();
                }
            }
            Tag::TableCell => self.buf = None,
            Tag::Emphasis => self.style.emphasis += 1,
            Tag::Strong => self.style.strong += 1,
            Tag::Strikethrough => self.style.strike += 1,
            Tag::Link { dest_url, .. } => {
                let start = self.buf().len();
                self.open_links.push((start, dest_url.to_string()));
                self.style.link += 1;
            }
            Tag::Image { .. } => {
                let start = self.buf().len();
                self.image_starts.push(start);
                self.buf().push("[image: ", Inline::PLAIN);
            }
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => self.flush(),
            Tag::Superscript | Tag::Subscript | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::DefinitionListTitle | TagEnd::DefinitionListDefinition => self.flush(),
            TagEnd::Heading(_) => {
                self.flush();
                self.heading = None;
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
                self.pending_prefix = None;
            }
            TagEnd::CodeBlock => {
                if let Some((lang, mut text)) = self.code.take() {
                    if text.ends_with('\n') {
                        text.pop();
                    }
                    let mut code = StyledText::default();
                    code.push_preformatted(&text);
                    let mut block = Block::new(BlockKind::Code { lang: lang.map(String::into_boxed_str) }, code.text);
                    block.runs = code.runs.into_boxed_slice();
                    self.push_block(block);
                }
            }
            TagEnd::HtmlBlock => {
                if let Some(raw) = self.html_block.take() {
                    let text = html::visible_text(&raw);
                    if !text.is_empty() {
                        self.buf().push(&text, Inline::PLAIN);
                        self.flush();
                    }
                }
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.flush();
                // An item with no text of its own (`- ` alone) still shows its marker.
                self.claim_marker();
                self.items.pop();
            }
            TagEnd::FootnoteDefinition => {
                self.flush();
                self.pending_prefix = None;
            }
            TagEnd::TableCell => {
                let cell = self.buf.take().unwrap_or_default();
                if let Some(t) = &mut self.table {
                    t.push_cell(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.end_row(true);
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    t.end_row(false);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.push_block(t.finish());
                }
            }
            TagEnd::Emphasis => self.style.emphasis = self.style.emphasis.saturating_sub(1),
            TagEnd::Strong => self.style.strong = self.style.strong.saturating_sub(1),
            TagEnd::Strikethrough => self.style.strike = self.style.strike.saturating_sub(1),
            TagEnd::Link => {
                self.style.link = self.style.link.saturating_sub(1);
                if let Some((start, url)) = self.open_links.pop() {
                    let buf = self.buf();
                    let end = buf.len();
                    buf.add_link(start..end, url);
                }
            }
            TagEnd::Image => {
                let start = self.image_starts.pop().unwrap_or(0);
                let buf = self.buf();
                if buf.len() == start + "[image: ".len() {
                    buf.text.truncate(start);
                    buf.push("[image]", Inline::PLAIN);
                } else {
                    buf.push("]", Inline::PLAIN);
                }
            }
            TagEnd::DefinitionList | TagEnd::Superscript | TagEnd::Subscript | TagEnd::MetadataBlock(_) => {}
        }
    }

    fn text(&mut self, t: &str) {
        if let Some((_, code)) = &mut self.code {
            code.push_str(t);
            return;
        }
        let style = self.style.current();
        self.buf().push(t, style);
    }

    /// Inline HTML: tags are dropped; a `<br>` keeps the words apart.
    fn inline_html(&mut self, t: &str) {
        let visible = html::visible_text(t);
        let buf = self.buf();
        if visible.is_empty() {
            if !buf.ends_with_space() {
                buf.push(" ", Inline::PLAIN);
            }
        } else {
            buf.push(&visible, Inline::PLAIN);
        }
    }

    fn buf(&mut self) -> &mut StyledText {
        let prefix = &mut self.pending_prefix;
        self.buf.get_or_insert_with(|| {
            let mut b = StyledText::default();
            if let Some(p) = prefix.take() {
                b.push(&p, Inline::PLAIN);
            }
            b
        })
    }

    fn footnote_number(&mut self, label: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(label.to_string()).or_insert(next)
    }

    /// Turn the inline buffer into a block of the kind the context calls for.
    fn flush(&mut self) {
        let Some(mut buf) = self.buf.take() else {
            return;
        };
        if self.table.is_some() {
            // Stray text between cells: keep it in the next cell rather than lose it.
            self.buf = Some(buf);
            return;
        }
        buf.normalise_spaces();
        if buf.text.is_empty() {
            return;
        }
        let kind = if let Some(level) = self.heading {
            BlockKind::Heading { level }
        } else if let Some(item) = self.items.last_mut() {
            BlockKind::ListItem {
                depth: item.depth,
                marker: self.markers.get(item.marker.take().as_deref().unwrap_or("")),
            }
        } else {
            BlockKind::Paragraph
        };
        let mut block = Block::new(kind, buf.text);
        block.runs = buf.runs.into_boxed_slice();
        block.links = buf.links.into_boxed_slice();
        self.push_block(block);
    }

    /// Before a block that cannot carry a marker (code, table, nested list) opens inside an
    /// item, emit the item's unused marker on an empty list item so the bullet is not lost.
    fn claim_marker(&mut self) {
        if let Some((depth, marker)) = self.items.last_mut().and_then(|item| Some((item.depth, item.marker.take()?))) {
            let marker = self.markers.get(&marker);
            self.push_block(Block::new(BlockKind::ListItem { depth, marker }, ""));
        }
    }

    fn push_block(&mut self, mut block: Block) {
        block.quote = self.quote;
        // Trimmed now (runs and links were when boxed), the spare tail goes back to the
        // allocator while the next blocks are built and gets reused; trimmed after the parse
        // it would stay a hole.
        block.text.shrink_to_fit();
        self.blocks.push(block);
    }
}

fn quote_label(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "Note",
        BlockQuoteKind::Tip => "Tip",
        BlockQuoteKind::Important => "Important",
        BlockQuoteKind::Warning => "Warning",
        BlockQuoteKind::Caution => "Caution",
    }
}
