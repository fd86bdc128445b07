//! Turns a group of body lines into model blocks: reflowed paragraphs, list items with their
//! depth and marker, or preformatted text when the line breaks carry meaning.

use super::super::intern::Interner;
use super::super::{Block, BlockKind};
use super::lines::{char_len, collapse, expand_tabs, indent_of, trim, trim_end};
use super::markers::list_marker;

/// Remembers list indentation across consecutive list groups so nesting survives blank lines.
#[derive(Default)]
pub struct ListState {
    indents: Vec<usize>,
    markers: Interner,
}

impl ListState {
    pub fn reset(&mut self) {
        self.indents.clear();
    }

    fn depth(&mut self, indent: usize) -> u8 {
        while self.indents.last().is_some_and(|&i| i > indent) {
            self.indents.pop();
        }
        if self.indents.last() != Some(&indent) {
            self.indents.push(indent);
        }
        (self.indents.len() - 1).min(u8::MAX as usize) as u8
    }
}

/// The longest line length most paragraphs wrap at (a high percentile, so verse stands out).
pub fn wrap_width<'a>(lines: impl Iterator<Item = &'a str>) -> usize {
    let mut counts = [0usize; 201];
    let mut total = 0;
    for l in lines {
        let n = char_len(l).min(200);
        if n > 0 {
            counts[n] += 1;
            total += 1;
        }
    }
    let mut seen = 0;
    for (n, c) in counts.iter().enumerate().rev() {
        seen += c;
        if seen * 10 >= total {
            return n;
        }
    }
    80
}

pub fn is_list(lines: &[&str]) -> bool {
    lines.first().is_some_and(|l| list_marker(trim(l)).is_some())
}

/// Whether the line breaks of this group are deliberate: columns, art, leaders, verse.
pub fn is_preformatted(lines: &[&str], wrap: usize) -> bool {
    let columns = lines.iter().any(|l| {
        let t = trim(l);
        t.contains('\t') || t.contains("   ") || t.contains(". . .") || t.contains("....")
    });
    let art = lines.iter().any(|l| {
        let t = trim(l);
        let symbols = t.chars().filter(|c| !c.is_alphanumeric() && !c.is_whitespace()).count();
        // A lone character on its own line ("v", "|") is an arrow or a connector.
        (char_len(t) >= 3 && symbols * 5 >= char_len(t) * 2) || (lines.len() > 1 && char_len(t) <= 1)
    });
    if columns || art {
        return true;
    }
    if lines.len() < 2 {
        return false;
    }
    let rest: Vec<usize> = lines[1..].iter().map(|l| indent_of(l)).collect();
    let ragged = rest.iter().max().unwrap_or(&0) - rest.iter().min().unwrap_or(&0) >= 2;
    let body = &lines[..lines.len() - 1];
    let short = body.iter().filter(|l| char_len(trim(l)) * 10 < wrap * 6).count();
    let verse = lines.len() >= 3 && wrap >= 50 && short * 4 >= body.len() * 3;
    ragged || verse
}

pub fn code_block(lines: &[&str]) -> Block {
    let min = lines.iter().map(|l| indent_of(l)).min().unwrap_or(0);
    let mut text = String::new();
    for (n, l) in lines.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        let expanded = expand_tabs(l);
        let cut = expanded.char_indices().nth(min).map_or(expanded.len(), |(i, _)| i);
        text.push_str(trim_end(&expanded[cut..]));
    }
    // Trimmed as it is made, the spare tail is reused by the next block instead of staying
    // a hole in the heap after the parse.
    text.shrink_to_fit();
    Block::new(BlockKind::Code { lang: None }, text)
}

pub fn paragraph(lines: &[&str]) -> Block {
    Block::new(BlockKind::Paragraph, join(lines))
}

fn join(lines: &[&str]) -> String {
    let width = lines.iter().map(|l| char_len(trim_end(l))).max().unwrap_or(0);
    let mut s = String::new();
    let mut prev: Option<&str> = None;
    for l in lines {
        if let Some(p) = prev
            && !cut_at_slash(p, trim(l), width)
        {
            s.push(' ');
        }
        s.push_str(trim(l));
        prev = Some(l);
    }
    collapse(&s)
}

/// A path or URL the source's hard wrap cut before a slash ("… as "/usr/share" then
/// "/common-licenses/GPL" …" in Debian Policy): the next line goes on without a space. Only when
/// the next piece could not have fitted on the line, so paths listed one per line stay apart.
fn cut_at_slash(prev: &str, next: &str, width: usize) -> bool {
    let prev = trim_end(prev);
    let last = prev.rsplit(' ').next().unwrap_or("");
    let first = next.split(' ').next().unwrap_or("");
    next.starts_with('/')
        && !next.starts_with("//")
        && last.contains('/')
        && !last.ends_with('/')
        && char_len(prev) + 1 + char_len(first) > width
}

/// List items: every line with a marker starts an item, other lines continue the last one.
pub fn list_items(lines: &[&str], state: &mut ListState) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur: Option<(u8, String, Vec<&str>)> = None;
    for l in lines {
        if let Some((marker, text)) = list_marker(trim(l)) {
            if let Some((d, m, parts)) = cur.take() {
                out.push(Block::new(BlockKind::ListItem { depth: d, marker: state.markers.get(&m) }, join(&parts)));
            }
            cur = Some((state.depth(indent_of(l)), marker.to_string(), vec![text]));
        } else if let Some((_, _, parts)) = cur.as_mut() {
            parts.push(l);
        }
    }
    if let Some((d, m, parts)) = cur {
        out.push(Block::new(BlockKind::ListItem { depth: d, marker: state.markers.get(&m) }, join(&parts)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_wraps_are_joined_with_single_spaces() {
        let b = paragraph(&["  Alice was beginning to get", "very tired  of sitting\u{a0}"]);
        assert_eq!(b.text, "Alice was beginning to get very tired of sitting");
        assert_eq!(b.kind, BlockKind::Paragraph);
    }

    #[test]
    fn a_path_cut_at_a_slash_by_the_wrap_is_joined_whole() {
        let b = paragraph(&[
            "A copy of the GNU General Public License is available as \"/usr/share",
            "/common-licenses/GPL\" in the Debian distribution or on the World Wide",
            "Web at https://www.gnu.org/licenses/.",
        ]);
        assert!(b.text.contains("\"/usr/share/common-licenses/GPL\" in the"), "{}", b.text);
        // Paths one per line did not run out of room: they stay apart.
        let b = paragraph(&["/etc/motd", "/run/motd", "/usr/lib/motd.d/ and the rest of the line"]);
        assert_eq!(b.text, "/etc/motd /run/motd /usr/lib/motd.d/ and the rest of the line");
        // A slash after a plain word is a new path, not the rest of one.
        let b = paragraph(&["files are kept under the directory named", "/srv/data"]);
        assert_eq!(b.text, "files are kept under the directory named /srv/data");
    }

    #[test]
    fn bullets_keep_list_shape_and_nesting() {
        let mut st = ListState::default();
        let items = list_items(&["* 1. About", "  * 1.1. Scope", "    continued", "• Other"], &mut st);
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].kind, BlockKind::ListItem { depth: 0, marker: "*".into() });
        assert_eq!(items[1].kind, BlockKind::ListItem { depth: 1, marker: "*".into() });
        assert_eq!(items[1].text, "1.1. Scope continued");
        assert_eq!(items[2].kind, BlockKind::ListItem { depth: 0, marker: "•".into() });
    }

    #[test]
    fn columns_art_and_verse_are_preformatted() {
        assert!(is_preformatted(&["Name      Value", "a         1"], 72));
        assert!(is_preformatted(&["+---+---+", "| a | b |"], 72));
        assert!(is_preformatted(&["Twinkle, twinkle,", "little bat!", "How I wonder", "what you're at!"], 72));
        assert!(!is_preformatted(
            &["This is an ordinary paragraph of text that wraps at the", "usual width and ends here."],
            72
        ));
    }

    #[test]
    fn code_keeps_relative_indent_and_expands_tabs() {
        let b = code_block(&["    a\tb", "      c"]);
        assert_eq!(b.text, "a   b\n  c");
    }
}
