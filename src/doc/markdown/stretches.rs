//! Parsing a long Markdown text a stretch at a time (cut where [`super::cuts`] allows), so
//! pulldown-cmark's tree, several times the size of its input, exists for one stretch only,
//! and a text the reader owns can be given back stretch by stretch. The blocks are the same
//! as for the whole text; what the parser knows about the whole document is carried over:
//! - link reference definitions are collected from every stretch first and offered to the
//!   others through the broken-link callback; where a label is defined differently in two
//!   stretches, the first definition wins in the whole text, so a later stretch's links to it
//!   are given the first definition's target;
//! - a footnote reference resolves only when its definition is in the same stretch, so
//!   stretches are merged until every reference to a defined footnote sits with a definition;
//! - reference expansion is capped at the text's length: a stretch that reaches its own cap
//!   is parsed again with the cap the whole text would have had left.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Parser, Tag};
use unicase::UniCase;

use super::blocks::BlockBuilder;
use super::{cuts, options};
use crate::doc::Block;

/// About how much text one stretch holds.
pub(super) const STRETCH_BYTES: usize = 256 << 10;
/// pulldown-cmark's cap on reference expansion is the text's length, but at least this.
const MIN_EXPANSION_CAP: usize = 100_000;

/// How a text is cut, and the definitions every stretch may need.
pub(super) struct Plan {
    pub cuts: Vec<usize>,
    pub definitions: Definitions,
}

/// The first definition of every label, and the labels some later stretch defines otherwise.
#[derive(Default)]
pub(super) struct Definitions {
    first: HashMap<UniCase<String>, (String, String)>,
    redefined: HashSet<UniCase<String>>,
}

impl Plan {
    /// The stretches of `text`, borrowed.
    pub fn slices<'t>(&self, text: &'t str) -> Vec<&'t str> {
        bounds(&self.cuts, text.len()).map(|(a, b)| &text[a..b]).collect()
    }
}

/// How to cut `text`, or None when it is too short to be worth it or cannot be cut soundly.
pub(super) fn plan(text: &str, stretch: usize) -> Option<Plan> {
    if text.len() < 2 * stretch {
        return None;
    }
    let mut cuts = cuts::cuts(text, stretch);
    if text.contains("[^") {
        keep_footnotes_together(text, &mut cuts);
    }
    if cuts.is_empty() {
        return None;
    }
    let mut definitions = Definitions::default();
    for (a, b) in bounds(&cuts, text.len()) {
        let part = &text[a..b];
        if !part.contains("]:") {
            continue;
        }
        let parser = Parser::new_ext(part, options());
        for (label, def) in parser.reference_definitions().iter() {
            let title = def.title.as_deref().unwrap_or("").to_string();
            let value = (def.dest.to_string(), title);
            match definitions.first.entry(UniCase::new(label.to_string())) {
                Entry::Vacant(v) => {
                    v.insert(value);
                }
                Entry::Occupied(o) if *o.get() == value => {}
                Entry::Occupied(o) => {
                    definitions.redefined.insert(o.key().clone());
                }
            }
        }
    }
    Some(Plan { cuts, definitions })
}

/// `(start, end)` of each stretch.
fn bounds(cuts: &[usize], len: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let starts = std::iter::once(0).chain(cuts.iter().copied());
    starts.zip(cuts.iter().copied().chain(std::iter::once(len)))
}

/// Drop cuts until each stretch that mentions a footnote defined anywhere also holds one of
/// its definitions. Mentions are found in the text (`[^label]`), which may find more than
/// the parser does; that only costs cuts. Each stretch is parsed once: merging stretches
/// that end at block boundaries merges their definitions.
fn keep_footnotes_together(text: &str, cuts: &mut Vec<usize>) {
    struct Part {
        defined: HashSet<UniCase<String>>,
        mentioned: Vec<Option<UniCase<String>>>,
    }
    let mut parts: Vec<Part> = bounds(cuts, text.len())
        .map(|(a, b)| Part {
            defined: footnote_definitions(&text[a..b]),
            mentioned: footnote_mentions(&text[a..b]).collect(),
        })
        .collect();
    let anywhere: HashSet<UniCase<String>> = parts.iter().flat_map(|p| p.defined.iter().cloned()).collect();
    if anywhere.is_empty() {
        return;
    }
    let stray = |p: &Part| {
        p.mentioned.iter().any(|m| m.as_ref().is_none_or(|l| anywhere.contains(l) && !p.defined.contains(l)))
    };
    while let Some(i) = parts.iter().position(stray) {
        if parts.len() == 1 {
            return;
        }
        // Merge the stretch with both neighbours and look again.
        let (lo, hi) = (i.saturating_sub(1), (i + 1).min(parts.len() - 1));
        let mut merged: Vec<Part> = parts.drain(lo..=hi).collect();
        let mut into = merged.remove(0);
        for p in merged {
            into.defined.extend(p.defined);
            into.mentioned.extend(p.mentioned);
        }
        parts.insert(lo, into);
        cuts.drain(lo..hi);
    }
}

fn footnote_definitions(part: &str) -> HashSet<UniCase<String>> {
    if !part.contains("[^") {
        return HashSet::new();
    }
    Parser::new_ext(part, options())
        .filter_map(|e| match e {
            Event::Start(Tag::FootnoteDefinition(label)) => Some(UniCase::new(label.to_string())),
            _ => None,
        })
        .collect()
}

/// Labels written `[^label]`; None for one this scan cannot read (a line break inside).
fn footnote_mentions(part: &str) -> impl Iterator<Item = Option<UniCase<String>>> + '_ {
    part.match_indices("[^").map(|(i, _)| {
        let rest = &part[i + 2..];
        let end = rest.find([']', '\n'])?;
        (rest.as_bytes()[end] == b']').then(|| UniCase::new(rest[..end].to_string()))
    })
}

/// Parse the stretches in order, dropping each once parsed. `whole_len` is the length of
/// the whole text. The flag is false when the expansion cap could not be matched (a text
/// whose references expand to nearly its own length); the blocks may then differ.
pub(super) fn parse<S: AsRef<str>>(stretches: Vec<S>, defs: &Definitions, whole_len: usize) -> (Vec<Block>, bool) {
    let mut builder = BlockBuilder::default();
    let mut cap_left = whole_len.max(MIN_EXPANSION_CAP);
    let mut exact = true;
    let mut done = 0;
    for stretch in stretches {
        let text = stretch.as_ref();
        // The outline and ids after the blocks take a few percent at most.
        crate::doc::progress::report(done, whole_len, 0, 950);
        done += text.len();
        let mark = builder.blocks.len();
        let mut used = feed(&mut builder, text, defs);
        let mut cap = text.len().max(MIN_EXPANSION_CAP);
        // Until neither this stretch's parser nor the whole text's would have refused an
        // expansion, parse again with a doubled cap (trailing blank lines change no block,
        // they only raise the cap), up to the whole text's cap, which matches it exactly.
        while used.here > 0 && (used.here >= cap || used.whole >= cap_left) {
            if cap >= cap_left || cap_left < text.len() {
                exact &= cap == cap_left && used.here == used.whole;
                break;
            }
            cap = cap.saturating_mul(2).min(cap_left);
            builder.blocks.truncate(mark);
            let mut padded = String::with_capacity(cap);
            padded.push_str(text);
            padded.extend(std::iter::repeat_n('\n', cap - text.len()));
            used = feed(&mut builder, &padded, defs);
        }
        cap_left = cap_left.saturating_sub(used.whole);
    }
    crate::doc::progress::report(1, 1, 0, 950);
    (builder.finish(), exact)
}

/// Reference expansion one stretch used: as its own parser counted it, and as the whole
/// text's parser would have (they differ where a redefined label's target was replaced).
struct Expansion {
    here: usize,
    whole: usize,
}

/// Feed one stretch's events to `builder`.
fn feed(builder: &mut BlockBuilder, text: &str, defs: &Definitions) -> Expansion {
    let callback = |link: BrokenLink<'_>| {
        let (url, title) = defs.first.get(&UniCase::new(link.reference.to_string()))?;
        Some((CowStr::from(url.clone()), CowStr::from(title.clone())))
    };
    let mut used = Expansion { here: 0, whole: 0 };
    for mut event in Parser::new_with_broken_link_callback(text, options(), Some(callback)) {
        if let Event::Start(
            Tag::Link { link_type, dest_url, title, id } | Tag::Image { link_type, dest_url, title, id },
        ) = &mut event
            && is_reference(*link_type)
        {
            used.here += dest_url.len() + title.len();
            let label = UniCase::new(id.to_string());
            if defs.redefined.contains(&label)
                && let Some((url, first_title)) = defs.first.get(&label)
            {
                *dest_url = CowStr::from(url.clone());
                *title = CowStr::from(first_title.clone());
            }
            used.whole += dest_url.len() + title.len();
        }
        builder.event(event);
    }
    used
}

fn is_reference(t: LinkType) -> bool {
    use LinkType::*;
    matches!(t, Reference | ReferenceUnknown | Collapsed | CollapsedUnknown | Shortcut | ShortcutUnknown)
}

/// Cut an owned text into owned stretches from the back, shrinking the text as each tail is
/// copied out, so the text is held about once throughout; the first `skip` bytes (front
/// matter) are dropped.
pub(super) fn split_owned(mut text: String, skip: usize, cuts: &[usize]) -> Vec<String> {
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    for &c in cuts.iter().rev() {
        pieces.push(text.split_off(skip + c));
        text.shrink_to_fit();
    }
    text.drain(..skip);
    pieces.push(text);
    pieces.reverse();
    pieces
}
