//! Chooses the reader for a document from its name and its content.
//! Must not import ratatui or crossterm.

use super::Format;

/// File-name endings that always mean Markdown.
const MARKDOWN_EXTENSIONS: [&str; 4] = [".md", ".markdown", ".mdown", ".mkd"];

/// Only this much of the start of a file is scanned for Markdown evidence.
const SNIFF_BYTES: usize = 256 * 1024;

/// Decide the format.
///
/// Rule:
/// 1. A name ending in `.md`, `.markdown`, `.mdown` or `.mkd` (any case) is Markdown.
/// 2. Anything else (`.txt`, `.text`, no extension, ...) is Markdown only when the first
///    256 KiB score clearly as Markdown: at least 2 ATX headings (`#`..`######`, a space,
///    then text, at a line start, outside fenced code) AND at least one of
///    - a backtick code fence pair (two lines starting with ```` ``` ````),
///    - 2 or more inline links `[text](target)`,
///    - YAML front matter (first line `---`).
///
///    Otherwise it is Plain. Headings alone are not enough because configuration files and
///    shell transcripts in plain manuals start lines with `# comment`; tilde fences do not
///    count because reStructuredText underlines titles with `~~~~`.
pub fn detect_format(name: &str, text: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    if MARKDOWN_EXTENSIONS.iter().any(|ext| lower.ends_with(ext)) {
        return Format::Markdown;
    }
    if Evidence::scan(sniffed_prefix(text)).is_markdown() { Format::Markdown } else { Format::Plain }
}

fn sniffed_prefix(text: &str) -> &str {
    if text.len() <= SNIFF_BYTES {
        return text;
    }
    let mut end = SNIFF_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Counts of Markdown-only constructs.
#[derive(Debug, Default, PartialEq, Eq)]
struct Evidence {
    atx_headings: usize,
    fence_lines: usize,
    inline_links: usize,
    front_matter: bool,
}

impl Evidence {
    fn scan(text: &str) -> Evidence {
        let mut e = Evidence {
            front_matter: text.lines().next().is_some_and(|l| l.trim_end() == "---"),
            ..Evidence::default()
        };
        let mut in_fence = false;
        for line in text.lines() {
            if line.trim_start_matches(' ').starts_with("```") {
                e.fence_lines += 1;
                in_fence = !in_fence;
                continue;
            }
            if in_fence {
                continue;
            }
            if is_atx_heading(line) {
                e.atx_headings += 1;
            }
            e.inline_links += count_inline_links(line);
        }
        e
    }

    fn is_markdown(&self) -> bool {
        self.atx_headings >= 2 && (self.fence_lines >= 2 || self.inline_links >= 2 || self.front_matter)
    }
}

fn is_atx_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let rest = &line[hashes..];
    (1..=6).contains(&hashes) && rest.starts_with(' ') && !rest.trim().is_empty()
}

/// `[text](target)` with non-empty text and a target without spaces before the ')'.
fn count_inline_links(line: &str) -> usize {
    let mut count = 0;
    let mut rest = line;
    while let Some(mid) = rest.find("](") {
        let before = &rest[..mid];
        let after = &rest[mid + 2..];
        let has_text = before.rfind('[').is_some_and(|open| open + 1 < before.len());
        let target_ok = after.find(')').is_some_and(|close| close > 0 && !after[..close].contains(' '));
        if has_text && target_ok {
            count += 1;
        }
        rest = after;
    }
    count
}

#[cfg(test)]
mod tests {
    // The corpus check reports on stderr directly: the harness hides output of passing tests.
    use super::*;
    use std::io::Write as _;

    #[test]
    fn markdown_extensions_win_whatever_the_content() {
        assert_eq!(detect_format("README.MD", "plain words"), Format::Markdown);
        assert_eq!(detect_format("notes.markdown", ""), Format::Markdown);
        assert_eq!(detect_format("a.mdown", ""), Format::Markdown);
        assert_eq!(detect_format("a.mkd", ""), Format::Markdown);
    }

    #[test]
    fn markdown_content_in_a_txt_file_is_markdown() {
        let md = "# Title\n\nSee [docs](http://d) and [more](http://m).\n\n## Usage\n";
        assert_eq!(detect_format("notes.txt", md), Format::Markdown);
        let fenced = "# A\n\n```\ncode\n```\n\n# B\n";
        assert_eq!(detect_format("NOTES", fenced), Format::Markdown);
        let with_front = "---\ntitle: x\n---\n# A\n# B\n";
        assert_eq!(detect_format("x.text", with_front), Format::Markdown);
    }

    #[test]
    fn comments_and_rst_underlines_are_not_markdown() {
        let config = "# default; deny access\nauth required pam_deny.so\n# another comment\n";
        assert_eq!(detect_format("pam.txt", config), Format::Plain);
        let rst = "Title\n~~~~~\n\n# one\n# two\n\nOther\n~~~~~\n";
        assert_eq!(detect_format("policy.txt", rst), Format::Plain);
        // Headings inside a fence do not count.
        let fenced_only = "```\n# a\n# b\n```\n[x](y) [z](w)\n";
        assert_eq!(detect_format("f.txt", fenced_only), Format::Plain);
        assert_eq!(detect_format("empty", ""), Format::Plain);
    }

    #[test]
    fn link_counting_needs_text_and_a_target() {
        assert_eq!(count_inline_links("[a](b) [](c) [d](e f) [g](h)"), 2);
        assert!(is_atx_heading("### Three"));
        assert!(!is_atx_heading("#5 bolt"));
        assert!(!is_atx_heading("####### seven"));
        assert!(!is_atx_heading("#   "));
    }

    /// Every bundled seed reads as plain text.
    #[test]
    fn seeds_are_plain() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).expect("seeds folder") {
            let path = entry.expect("entry").path();
            let text = String::from_utf8_lossy(&std::fs::read(&path).expect("read seed")).into_owned();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            assert_eq!(detect_format(&name, &text), Format::Plain, "{name}");
            checked += 1;
        }
        assert!(checked > 0);
    }

    /// The shared corpus's plain texts stay plain and the spec named .txt reads as Markdown.
    #[test]
    fn corpus_texts_are_detected() {
        let root = std::path::Path::new("/work/shared/corpus");
        if !root.exists() {
            let _ =
                writeln!(std::io::stderr(), "corpus_texts_are_detected: skipped, {} does not exist", root.display());
            return;
        }
        let read = |p: &std::path::Path| String::from_utf8_lossy(&std::fs::read(p).expect("read")).into_owned();
        let mut checked = 0;
        for entry in std::fs::read_dir(root.join("text")).expect("text corpus") {
            let path = entry.expect("entry").path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            assert_eq!(detect_format(&name, &read(&path)), Format::Plain, "{name}");
            checked += 1;
        }
        let spec = root.join("markdown/commonmark-spec-0.5.4__spec.txt");
        assert_eq!(detect_format("commonmark-spec-0.5.4__spec.txt", &read(&spec)), Format::Markdown);
        let _ = writeln!(std::io::stderr(), "corpus_texts_are_detected: ran on {checked} plain texts and the spec");
    }
}
