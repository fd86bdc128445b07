//! YAML front matter: a `---` line at the very start, closed by a `---` or `...` line.
//! It is metadata, not prose, so the reader skips it and only keeps its title.

/// Front matter found at the start of a document.
#[derive(Debug, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// The `title:` value, unquoted, if present and non-empty.
    pub title: Option<String>,
    /// The document after the closing line.
    pub body: &'a str,
}

/// Split front matter off `text`; None when it does not start with a closed block.
/// A `---` followed by a blank line is a thematic break, not front matter.
pub fn split(text: &str) -> Option<FrontMatter<'_>> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut offset = first.len();
    let mut title = None;
    let mut seen_content = false;
    for line in lines {
        offset += line.len();
        let trimmed = line.trim_end();
        if !seen_content && trimmed.is_empty() {
            return None;
        }
        seen_content = true;
        if trimmed == "---" || trimmed == "..." {
            return Some(FrontMatter { title, body: &text[offset..] });
        }
        if title.is_none() {
            title = title_value(trimmed);
        }
    }
    None
}

fn title_value(line: &str) -> Option<String> {
    let value = line.strip_prefix("title:")?.trim();
    let unquoted = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(value);
    (!unquoted.is_empty()).then(|| unquoted.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_block_is_split_with_its_title() {
        let fm = split("---\ntitle: \"Spec\"\nauthor: x\n...\n\n# One\n").expect("front matter");
        assert_eq!(fm.title.as_deref(), Some("Spec"));
        assert_eq!(fm.body, "\n# One\n");
    }

    #[test]
    fn rules_and_unclosed_blocks_are_not_front_matter() {
        assert_eq!(split("---\n\nText\n"), None);
        assert_eq!(split("---\ntitle: x\nno end"), None);
        assert_eq!(split("# Heading\n---\n"), None);
    }
}
