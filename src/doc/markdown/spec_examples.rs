//! The 2014 CommonMark spec's example notation: a line holding only "." opens an example,
//! a second "." separates its Markdown from the expected HTML, a third closes it. Read as
//! plain Markdown the examples would turn into real headings and lists and wreck the
//! outline, so when a document clearly uses the notation they become two code blocks.

/// A document needs this many well-formed examples before the rewrite applies; a stray
/// "." line in ordinary prose is left alone.
const MIN_EXAMPLES: usize = 3;

/// `text` with every dot-delimited example turned into fenced code blocks, or None when
/// the document does not use the notation. Expects '\n' line endings.
pub fn rewrite(text: &str) -> Option<String> {
    // Cheap rejection for the common case: no line can start with '.'.
    if !text.starts_with('.') && !text.contains("\n.") {
        return None;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let examples = find_examples(&lines);
    if examples.len() < MIN_EXAMPLES {
        return None;
    }
    let mut out = String::with_capacity(text.len() + examples.len() * 32);
    let mut next = 0;
    for ex in &examples {
        for line in &lines[next..ex.open] {
            out.push_str(line);
            out.push('\n');
        }
        push_fenced(&mut out, "markdown", &lines[ex.open + 1..ex.middle]);
        out.push('\n');
        push_fenced(&mut out, "html", &lines[ex.middle + 1..ex.close]);
        next = ex.close + 1;
    }
    let tail = lines[next.min(lines.len())..].join("\n");
    out.push_str(&tail);
    Some(out)
}

struct Example {
    open: usize,
    middle: usize,
    close: usize,
}

fn is_dot(line: &str) -> bool {
    line.trim_end() == "."
}

fn is_blank(lines: &[&str], i: usize) -> bool {
    lines.get(i).is_none_or(|l| l.trim().is_empty())
}

/// Examples start after a blank line (or at the start) and end before one (or at the end).
fn find_examples(lines: &[&str]) -> Vec<Example> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if is_dot(lines[i]) && (i == 0 || is_blank(lines, i - 1)) {
            let middle = (i + 1..lines.len()).find(|&j| is_dot(lines[j]));
            let close = middle.and_then(|m| (m + 1..lines.len()).find(|&j| is_dot(lines[j])));
            if let (Some(middle), Some(close)) = (middle, close)
                && is_blank(lines, close + 1)
            {
                found.push(Example { open: i, middle, close });
                i = close + 1;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// A fence longer than any backtick run starting a content line, so content cannot close it.
fn push_fenced(out: &mut String, lang: &str, content: &[&str]) {
    let longest = content.iter().map(|l| l.trim_start().chars().take_while(|&c| c == '`').count()).max().unwrap_or(0);
    let fence = "`".repeat((longest + 1).max(3));
    out.push_str(&fence);
    out.push_str(lang);
    out.push('\n');
    for line in content {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&fence);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_become_code_and_prose_stays() {
        let ex = ".\n# foo\n.\n<h1>foo</h1>\n.\n";
        let text = format!("Intro\n\n{ex}\n{ex}\n{ex}\nEnd\n");
        let out = rewrite(&text).expect("uses the notation");
        assert!(out.starts_with("Intro\n\n```markdown\n# foo\n```\n\n```html\n<h1>foo</h1>\n```\n"));
        assert!(out.ends_with("\nEnd\n"));
    }

    #[test]
    fn fences_inside_examples_get_a_longer_fence() {
        let ex = ".\n```\ncode\n```\n.\n<pre>\n.\n";
        let out = rewrite(&format!("{ex}\n{ex}\n{ex}")).expect("uses the notation");
        assert!(out.starts_with("````markdown\n```\ncode\n```\n````\n"));
    }

    #[test]
    fn ordinary_documents_are_untouched() {
        assert_eq!(rewrite("A list ends here\n.\n\nText\n"), None);
    }
}
