//! Plain-text reader: finds the structure a human sees in a text file (headings by number,
//! keyword, underline, capitals or position; lists; preformatted text; contents blocks) and
//! builds the block list and outline from it. Must not import ratatui or crossterm.

mod blocks;
mod contents;
mod groups;
mod headings;
mod lines;
mod markers;
mod outline;
#[cfg(test)]
mod tests;

use super::{Block, BlockKind, Document, Format, Origin, Section, assign_section_ids, progress};
use blocks::ListState;
use groups::{Group, GroupKind};
use headings::{Heading, Style};

/// What a group becomes. One per group (hundreds of thousands in a big file), so the rare
/// heading is boxed to keep the common case small.
#[derive(Debug, Clone)]
enum Role {
    Body,
    Heading(Box<Heading>),
    /// Consumed by a neighbour (a merged subtitle, a repeated title line).
    Skip,
    /// A list inside a contents block whose items are themselves outline entries.
    ContentsItems,
}

/// Parse plain text into a document.
pub fn parse(text: &str, origin: Origin) -> Document {
    let text = lines::unify_newlines(text);
    let items = lines::items(&text);
    progress::report(1, 1, 0, 60);
    let wrap = blocks::wrap_width(items.iter().filter_map(|i| match i {
        lines::Item::Text(t) => Some(*t),
        lines::Item::PageBreak => None,
    }));
    let mut groups = groups::groups(&items);
    progress::report(1, 1, 60, 240);
    // Groups borrow the text, not the items; a big file's line list goes before the blocks grow.
    drop(items);
    let title_group = outline::find_title(&mut groups, wrap);
    let mut roles = classify(&groups);
    progress::report(1, 1, 240, 350);
    if let Some(t) = title_group {
        let title = lines::collapse(groups[t].lines[0]);
        roles[t] =
            Role::Heading(Box::new(Heading { group: t, style: Style::Title, number: None, title, merged_next: false }));
        outline::demote_title_page(&groups, &mut roles, t);
    }
    contents::apply(&groups, &mut roles, wrap);
    require_underline_when_usual(&groups, &mut roles);
    let restart = check_numbering(&groups, &mut roles);
    drop_repeated_titles(&mut roles, title_group);
    let mut ranks = outline::ranks(&roles);
    let part = restart.and_then(|g| appendix_part(&mut roles, &mut ranks, g));
    progress::report(1, 1, 350, 370);
    build(groups, roles, ranks, part, wrap, origin)
}

/// Chapters numbered afresh from group `g` on are appendices when the document names them
/// so (an "Appendices" heading, usually in its contents): that heading becomes their parent,
/// placed where they start, and everything from there nests one level deeper.
fn appendix_part(roles: &mut [Role], ranks: &mut [Option<i32>], g: usize) -> Option<Part> {
    let is_part_name =
        |t: &str| matches!(t.trim().to_lowercase().as_str(), "appendices" | "appendix" | "annexes" | "annex");
    let named =
        (0..g).find(|&i| matches!(&roles[i], Role::Heading(h) if h.number.is_none() && is_part_name(&h.title)))?;
    let Role::Heading(h) = &roles[named] else { return None };
    let title = h.title.clone();
    roles[named] = Role::Body;
    let rank = ranks[g]?;
    for r in ranks[g..].iter_mut().flatten() {
        *r += 1;
    }
    Some(Part { group: g, title, rank })
}

/// A synthetic parent section opened before group `group`.
struct Part {
    group: usize,
    title: String,
    rank: i32,
}

fn classify(groups: &[Group]) -> Vec<Role> {
    let mut roles = vec![Role::Body; groups.len()];
    let mut i = 0;
    while i < groups.len() {
        if let Some(h) = headings::candidate(groups, i) {
            let merged = h.merged_next;
            roles[i] = Role::Heading(Box::new(h));
            if merged && i + 1 < groups.len() {
                roles[i + 1] = Role::Skip;
                i += 1;
            }
        }
        i += 1;
    }
    roles
}

/// Where numbered headings are underlined (Sphinx and docutils text), a numbered line without
/// an underline is a list item ("1. Russ Allbery"), not a section.
fn require_underline_when_usual(groups: &[Group], roles: &mut [Role]) {
    let numbered = |r: &Role| matches!(r, Role::Heading(h) if matches!(h.style, Style::Numbered(_)));
    let underlined =
        |r: &Role| matches!(r, Role::Heading(h) if matches!(groups[h.group].kind, GroupKind::Underlined(_)));
    let total = roles.iter().filter(|r| numbered(r)).count();
    let under = roles.iter().filter(|r| numbered(r) && underlined(r)).count();
    // Headings there are marked; a bare line above a paragraph is a lead-in sentence.
    let all_under = roles.iter().filter(|r| underlined(r)).count();
    if all_under >= 3 {
        for r in roles.iter_mut() {
            if matches!(r, Role::Heading(h) if h.style == Style::Standalone) {
                *r = Role::Body;
            }
        }
    }
    if total >= 3 && under * 4 >= total * 3 {
        for r in roles.iter_mut() {
            if numbered(r) && !underlined(r) {
                *r = Role::Body;
            }
        }
    }
}

/// Numbered candidates out of sequence are list items or stray lines, not sections. A "1."
/// underlined exactly like the chapters before it starts a new run (appendices numbered
/// afresh, as in the Debian Policy Manual).
fn check_numbering(groups: &[Group], roles: &mut [Role]) -> Option<usize> {
    let mut first_restart = None;
    let mut last: Option<Vec<u32>> = None;
    let mut last_letter: Option<u8> = None;
    let mut chapter_underline: Option<GroupKind> = None;
    for (i, r) in roles.iter_mut().enumerate() {
        if let Role::Heading(h) = r
            && let Style::Numbered(p) = &h.style
        {
            let kind = groups[h.group].kind;
            let restart = p.as_slice() == [1]
                && last.as_ref().is_some_and(|l| l[0] > 1)
                && matches!(kind, GroupKind::Underlined(_))
                && chapter_underline == Some(kind);
            if headings::follows(last.as_deref(), p) || restart {
                if restart && !headings::follows(last.as_deref(), p) {
                    first_restart.get_or_insert(i);
                }
                if p.len() == 1 {
                    chapter_underline = Some(kind);
                }
                last = Some(p.clone());
            } else {
                *r = Role::Body;
            }
        } else if let Role::Heading(h) = r
            && let Style::Keyword(_, kw) = &h.style
            && kw == "appendix"
            && h.number.as_deref().is_some_and(|n| n.len() == 1)
        {
            // Lettered appendices run A, B, C...; a stray "C. Something" alone is not one.
            let letter = h.number.as_deref().and_then(|n| n.bytes().next()).unwrap_or(b'A');
            let ok = match last_letter {
                None => letter == b'A',
                Some(prev) => letter == prev + 1,
            };
            if ok {
                last_letter = Some(letter);
            } else {
                *r = Role::Body;
            }
        } else if let Role::Heading(h) = r
            && let Style::Keyword(..) = &h.style
            && let Some(n) =
                h.number.as_deref().and_then(|n| n.rsplit(lines::is_space).next()).and_then(|n| n.parse().ok())
        {
            // "Chapter 4" opens the 4.x run of numbered sections.
            last = Some(vec![n]);
        }
    }
    first_restart
}

/// A title repeated as a running head (or twice at the top) is not a new section.
fn drop_repeated_titles(roles: &mut [Role], title_group: Option<usize>) {
    let Some(t) = title_group else { return };
    let Role::Heading(title) = &roles[t] else { return };
    let key = title.title.to_lowercase();
    for (i, r) in roles.iter_mut().enumerate().skip(t + 1) {
        if let Role::Heading(h) = r
            && h.number.is_none()
            && h.title.to_lowercase() == key
        {
            *r = if i == t + 1 { Role::Skip } else { Role::Body };
        }
    }
}

struct Builder {
    blocks: Vec<Block>,
    outline: Vec<Section>,
    /// (rank, outline index, keyword number text) of the open headings.
    stack: Vec<(i32, usize, Option<String>)>,
}

impl Builder {
    /// Open a section at `rank` for the block about to be pushed; None if it repeats an open one.
    fn open(&mut self, rank: i32, title: &str, number: Option<&str>, key: Option<&str>) -> Option<u8> {
        let key = key.map(str::to_lowercase);
        if key.is_some() && self.stack.iter().any(|(_, _, k)| *k == key) {
            return None;
        }
        while self.stack.last().is_some_and(|(r, _, _)| *r >= rank) {
            self.stack.pop();
        }
        let level = (self.stack.len() + 1).min(u8::MAX as usize) as u8;
        self.outline.push(Section {
            id: String::new(),
            title: title.to_string(),
            level,
            parent: self.stack.last().map(|(_, i, _)| *i),
            block: self.blocks.len(),
            number: number.map(str::to_string),
        });
        self.stack.push((rank, self.outline.len() - 1, key));
        Some(level)
    }
}

/// Takes the groups, roles and ranks and gives each back once its blocks are made (the lists
/// are reversed and popped, and shrunk as they empty): on a big file that memory is reused by
/// the block texts instead of adding to the peak.
fn build(
    mut groups: Vec<Group>,
    mut roles: Vec<Role>,
    mut ranks: Vec<Option<i32>>,
    part: Option<Part>,
    wrap: usize,
    origin: Origin,
) -> Document {
    let mut b = Builder { blocks: Vec::new(), outline: Vec::new(), stack: Vec::new() };
    let mut lists = ListState::default();
    let mut contents_rank = 0;
    groups.reverse();
    roles.reverse();
    ranks.reverse();
    let mut i = 0;
    let total = groups.len();
    while let (Some(g), Some(role), Some(rank)) = (groups.pop(), roles.pop(), ranks.pop()) {
        if i % 4096 == 0 {
            progress::report(i, total, 370, 1000);
        }
        if groups.len() < groups.capacity() / 2 {
            groups.shrink_to_fit();
            roles.shrink_to_fit();
            ranks.shrink_to_fit();
        }
        if let Some(p) = part.as_ref().filter(|p| p.group == i)
            && let Some(level) = b.open(p.rank, &p.title, None, None)
        {
            b.blocks.push(Block::new(BlockKind::Heading { level: level.min(6) }, p.title.clone()));
        }
        let is_list = g.kind == GroupKind::Text && blocks::is_list(&g.lines);
        if !is_list {
            lists.reset();
        }
        match &role {
            Role::Skip => {}
            Role::Heading(h) => {
                let rank = rank.unwrap_or(20);
                if h.style == Style::Contents {
                    contents_rank = rank;
                }
                let shown = match &h.number {
                    Some(n) if h.title.is_empty() => n.clone(),
                    Some(n) => format!("{n} {}", h.title),
                    None => h.title.clone(),
                };
                let title = if h.title.is_empty() { shown.clone() } else { h.title.clone() };
                let number = h.number.as_deref().filter(|_| !h.title.is_empty());
                let kind = match b.open(rank, &title, number, h.number.as_deref()) {
                    Some(level) => BlockKind::Heading { level: level.min(6) },
                    None => BlockKind::Paragraph,
                };
                b.blocks.push(Block::new(kind, shown));
            }
            Role::ContentsItems => {
                for item in blocks::list_items(&g.lines, &mut lists) {
                    let depth = match &item.kind {
                        BlockKind::ListItem { depth, .. } => i32::from(*depth),
                        _ => 0,
                    };
                    b.open(contents_rank + 2 + depth, &item.text, None, None);
                    b.blocks.push(item);
                }
            }
            Role::Body => body_blocks(&g, wrap, &mut lists, &mut b.blocks),
        }
        i += 1;
    }
    finish(b, origin)
}

fn body_blocks(g: &Group, wrap: usize, lists: &mut ListState, out: &mut Vec<Block>) {
    match g.kind {
        GroupKind::PageBreak | GroupKind::Separator => out.push(Block::new(BlockKind::Rule, "")),
        GroupKind::Furniture | GroupKind::Figure => out.push(blocks::code_block(&g.lines)),
        GroupKind::Underlined(_) => out.push(blocks::paragraph(&g.lines)),
        GroupKind::Text if blocks::is_list(&g.lines) && !blocks::is_preformatted(&g.lines[..1], wrap) => {
            out.extend(blocks::list_items(&g.lines, lists))
        }
        GroupKind::Text if blocks::is_preformatted(&g.lines, wrap) => out.push(blocks::code_block(&g.lines)),
        GroupKind::Text => out.push(blocks::paragraph(&g.lines)),
    }
}

fn finish(b: Builder, origin: Origin) -> Document {
    let Builder { blocks, mut outline, .. } = b;
    let title = outline
        .first()
        .map(|s| s.title.clone())
        .or_else(|| blocks.iter().map(|b| first_line(&b.text)).find(|l| readable(l)))
        .unwrap_or_else(|| origin.display_name());
    if outline.is_empty() && !blocks.is_empty() {
        outline.push(Section {
            id: String::new(),
            title: title.clone(),
            level: 1,
            parent: None,
            block: 0,
            number: None,
        });
    }
    assign_section_ids(&mut outline);
    Document { title, origin, format: Format::Plain, blocks, outline, notices: Vec::new() }
}

/// Good enough to stand for the document: has letters and no terminal escapes (a log's first
/// line of escape codes would make a useless title; the file name is better).
fn readable(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_control)
}

fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or("");
    line.chars().take(100).collect()
}
