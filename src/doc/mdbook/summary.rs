//! mdBook's SUMMARY.md: the book's chapter list. Headings after the first are part titles,
//! links outside lists are prefix/suffix chapters, list items are numbered chapters nested
//! by list depth, and a link with an empty target is a draft chapter (no file).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A `# Part` heading: groups the numbered chapters after it.
    Part(String),
    Chapter(Chapter),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    pub title: String,
    /// Path relative to the source folder; None for a draft.
    pub path: Option<String>,
    /// List nesting depth from 0; prefix and suffix chapters are 0 and not numbered.
    pub depth: usize,
    pub numbered: bool,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The first heading, when it comes before any chapter ("Summary" in most books).
    pub title: Option<String>,
    pub entries: Vec<Entry>,
}

impl Summary {
    pub fn chapter_count(&self) -> usize {
        self.entries.iter().filter(|e| matches!(e, Entry::Chapter(c) if c.path.is_some())).count()
    }
}

/// Read the chapter list from SUMMARY.md's text.
pub fn parse(text: &str) -> Summary {
    let mut state = State::default();
    for event in Parser::new(text) {
        state.event(event);
    }
    state.emit();
    state.summary
}

#[derive(Default)]
struct State {
    summary: Summary,
    list_depth: usize,
    heading: Option<String>,
    current: Option<Chapter>,
    in_link: bool,
}

impl State {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Heading { .. }) => self.heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                let text = self.heading.take().unwrap_or_default().trim().to_string();
                if text.is_empty() {
                    return;
                }
                if self.summary.title.is_none() && self.summary.entries.is_empty() {
                    self.summary.title = Some(text);
                } else {
                    self.summary.entries.push(Entry::Part(text));
                }
            }
            Event::Start(Tag::List(_)) => {
                self.emit();
                self.list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                self.emit();
                self.list_depth = self.list_depth.saturating_sub(1);
            }
            Event::Start(Tag::Item) => {
                self.emit();
                self.current = Some(Chapter {
                    title: String::new(),
                    path: None,
                    depth: self.list_depth.saturating_sub(1),
                    numbered: true,
                });
            }
            Event::End(TagEnd::Item) => self.emit(),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if self.list_depth == 0 && self.heading.is_none() {
                    self.emit();
                    self.current = Some(Chapter { title: String::new(), path: None, depth: 0, numbered: false });
                }
                if let Some(c) = &mut self.current {
                    let url = dest_url.trim();
                    c.path = (!url.is_empty()).then(|| url.to_string());
                }
                self.in_link = true;
            }
            Event::End(TagEnd::Link) => {
                self.in_link = false;
                if self.list_depth == 0 {
                    self.emit();
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = &mut self.heading {
                    h.push_str(&t);
                } else if let Some(c) = &mut self.current
                    && (self.in_link || c.path.is_none())
                {
                    c.title.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(c) = &mut self.current {
                    c.title.push(' ');
                }
            }
            _ => {}
        }
    }

    /// Finish the chapter being read; drafts are kept so their children stay in place.
    fn emit(&mut self) {
        if let Some(mut c) = self.current.take() {
            c.title = c.title.split_whitespace().collect::<Vec<_>>().join(" ");
            if !c.title.is_empty() || c.path.is_some() {
                self.summary.entries.push(Entry::Chapter(c));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chapter(title: &str, path: Option<&str>, depth: usize, numbered: bool) -> Entry {
        Entry::Chapter(Chapter { title: title.into(), path: path.map(Into::into), depth, numbered })
    }

    #[test]
    fn prefix_parts_nesting_drafts_and_suffix() {
        let s = parse(
            "# Summary\n\n[Preface](preface.md)\n\n# Guide\n\n- [One](one.md)\n  - [`Sub` one](one/sub.md)\n  - [Draft]()\n- [Two](./two.md)\n\n---\n\n[Thanks](thanks.md)\n",
        );
        assert_eq!(s.title.as_deref(), Some("Summary"));
        assert_eq!(
            s.entries,
            vec![
                chapter("Preface", Some("preface.md"), 0, false),
                Entry::Part("Guide".into()),
                chapter("One", Some("one.md"), 0, true),
                chapter("Sub one", Some("one/sub.md"), 1, true),
                chapter("Draft", None, 1, true),
                chapter("Two", Some("./two.md"), 0, true),
                chapter("Thanks", Some("thanks.md"), 0, false),
            ]
        );
        assert_eq!(s.chapter_count(), 5);
    }
}
