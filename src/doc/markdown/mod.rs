//! Markdown reader (pulldown-cmark with GFM tables, strikethrough, task lists, footnotes and
//! heading attributes): headings form the outline. Must not import ratatui or crossterm.
//!
//! Choices a reader of the model should know:
//! - Soft and hard line breaks both become a space; every block is reflowed to the width.
//! - YAML front matter (`---` ... `---`/`...` at the very start) is skipped with a notice;
//!   its `title:` is used when the document has no single level-1 heading.
//! - Raw HTML: tags and comments are dropped and their text kept; HTML blocks with visible
//!   text become paragraphs.
//! - Images show as "[image: alt]"; footnote references as "[n]", definitions as paragraphs
//!   starting "[n] ", numbered in order of first mention.
//! - Every heading (quoted or in a list too) is an outline entry; the outline's depth is the
//!   heading's nesting, not its source level, so a document of `##` headings has roots.
//! - Documents using the 2014 CommonMark spec's "."-delimited examples get them as code
//!   blocks (see `spec_examples`).

mod blocks;
mod cuts;
mod front_matter;
mod html;
mod inline;
mod spec_examples;
#[cfg(test)]
mod stretch_tests;
mod stretches;
mod table;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use pulldown_cmark::{Options, Parser};

use super::{Block, BlockKind, Document, Format, Origin, Section, assign_section_ids};

/// Parse Markdown into a document.
pub fn parse(text: &str, origin: Origin) -> Document {
    parse_text(Cow::Borrowed(text), origin, stretches::STRETCH_BYTES)
}

/// [`parse`] for a text the caller gives up: a long text is given back stretch by stretch as
/// it is parsed, so the text and the finished blocks are never held at once in full.
pub fn parse_owned(text: String, origin: Origin) -> Document {
    parse_text(Cow::Owned(text), origin, stretches::STRETCH_BYTES)
}

fn parse_text(text: Cow<'_, str>, origin: Origin, stretch: usize) -> Document {
    let mut notices = Vec::new();
    let text = if text.contains('\r') { Cow::Owned(text.replace("\r\n", "\n")) } else { text };
    let (skip, front_title) = match front_matter::split(&text) {
        Some(fm) => {
            notices.push("Skipped the YAML front matter at the start of the file.".to_string());
            (text.len() - fm.body.len(), fm.title)
        }
        None => (0, None),
    };
    let blocks = body_blocks(text, skip, stretch);
    let mut outline = heading_outline(&blocks);
    assign_section_ids(&mut outline);
    let title = choose_title(&blocks, &outline, front_title, &origin);
    Document { title, origin, format: Format::Markdown, blocks, outline, notices }
}

/// The blocks of `text` after its first `skip` bytes (front matter).
fn body_blocks(text: Cow<'_, str>, skip: usize, stretch: usize) -> Vec<Block> {
    if let Some(rewritten) = spec_examples::rewrite(&text[skip..]) {
        return blocks_of(&rewritten, stretch);
    }
    match text {
        Cow::Owned(text) => match stretches::plan(&text[skip..], stretch) {
            Some(plan) => {
                let len = text.len() - skip;
                // Not exact only for a text whose references expand to nearly its own length.
                stretches::parse(stretches::split_owned(text, skip, &plan.cuts), &plan.definitions, len).0
            }
            None => whole_blocks(&text[skip..]),
        },
        Cow::Borrowed(text) => blocks_of(&text[skip..], stretch),
    }
}

/// The blocks of a borrowed body, a stretch at a time when that gives the same blocks.
fn blocks_of(body: &str, stretch: usize) -> Vec<Block> {
    if let Some(plan) = stretches::plan(body, stretch) {
        let (blocks, exact) = stretches::parse(plan.slices(body), &plan.definitions, body.len());
        if exact {
            return blocks;
        }
    }
    whole_blocks(body)
}

fn whole_blocks(body: &str) -> Vec<Block> {
    let mut builder = blocks::BlockBuilder::default();
    for event in Parser::new_ext(body, options()) {
        builder.event(event);
    }
    builder.finish()
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

/// The outline from heading blocks, a flat pre-order list with ids left empty. Depth is
/// nesting: a heading's parent is the nearest earlier heading of a smaller source level.
pub(crate) fn heading_outline(blocks: &[Block]) -> Vec<Section> {
    let mut outline = Vec::new();
    // (source level, outline index) of the open ancestors.
    let mut open: Vec<(u8, usize)> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let BlockKind::Heading { level } = b.kind else {
            continue;
        };
        while open.last().is_some_and(|&(l, _)| l >= level) {
            open.pop();
        }
        outline.push(Section {
            id: String::new(),
            title: b.text.clone(),
            level: (open.len() + 1).min(u8::MAX as usize) as u8,
            parent: open.last().map(|&(_, idx)| idx),
            block: i,
            number: None,
        });
        open.push((level, outline.len() - 1));
    }
    outline
}

/// The document's title: its level-1 heading when it has exactly one, else the front
/// matter's title, else the first heading when it is the only root of the outline, else the
/// file name. A document with many level-1 headings (a changelog whose versions are `#`,
/// the CommonMark spec's chapters) is not titled after its first section.
fn choose_title(blocks: &[Block], outline: &[Section], front_title: Option<String>, origin: &Origin) -> String {
    let mut level_one = blocks.iter().filter(|b| b.kind == BlockKind::Heading { level: 1 });
    if let (Some(only), None) = (level_one.next(), level_one.next()) {
        return only.text.clone();
    }
    if let Some(t) = front_title {
        return t;
    }
    let roots = outline.iter().filter(|s| s.parent.is_none()).count();
    match outline.first() {
        Some(first) if roots == 1 => first.title.clone(),
        _ => origin.display_name(),
    }
}
