//! Colours and text attributes for every kind of thing on screen. Terminal default colours
//! with 16-colour accents (cheap to send, readable on light and dark backgrounds); a mono theme
//! for NO_COLOR that keeps bold, underline and reverse video.

use ratatui::style::{Color, Modifier, Style};

use crate::doc::Inline;
use crate::layout::SegKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless the user set NO_COLOR (https://no-color.org: any non-empty value).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color { Style::new().fg(c) } else { Style::new() }
    }

    pub fn segment(&self, kind: SegKind, inline: Inline) -> Style {
        let mut s = match kind {
            SegKind::Indent | SegKind::Body | SegKind::TableCell => Style::new(),
            SegKind::QuoteBar | SegKind::TableBorder | SegKind::Rule => self.dim(),
            SegKind::Marker => self.fg(Color::Yellow),
            SegKind::Heading(1) => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            SegKind::Heading(2) => self.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            SegKind::Heading(_) => Style::new().add_modifier(Modifier::BOLD),
            SegKind::Code => self.fg(Color::Green),
            SegKind::TableHeader => Style::new().add_modifier(Modifier::BOLD),
        };
        if inline.contains(Inline::BOLD) {
            s = s.add_modifier(Modifier::BOLD);
        }
        if inline.contains(Inline::ITALIC) {
            s = s.add_modifier(Modifier::ITALIC);
        }
        if inline.contains(Inline::STRIKE) {
            s = s.add_modifier(Modifier::CROSSED_OUT);
        }
        if inline.contains(Inline::CODE) {
            s = s.patch(self.fg(Color::Green));
        }
        if inline.contains(Inline::LINK) {
            s = s.patch(self.fg(Color::Blue)).add_modifier(Modifier::UNDERLINED);
        }
        if inline.contains(Inline::PLACEHOLDER) {
            s = self.dim();
        }
        s
    }

    pub fn dim(&self) -> Style {
        if self.color { Style::new().fg(Color::DarkGray) } else { Style::new().add_modifier(Modifier::DIM) }
    }

    pub fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The section being read, in the tree, while the cursor is elsewhere.
    pub fn current(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// A `/` match other than the current one.
    pub fn other_match(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn current_match(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The passage a fuzzy-search jump landed on.
    pub fn mark(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
}
