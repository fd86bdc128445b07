//! Colours and text attributes for every kind of thing on screen. Terminal default colours
//! with 16-colour accents (cheap to send, readable on light and dark backgrounds); a mono theme
//! for NO_COLOR that keeps bold, underline and reverse video; a lean theme for slow links that
//! keeps only bold and reverse video and draws with ASCII.

use ratatui::style::{Color, Modifier, Style};

use crate::doc::Inline;
use crate::layout::SegKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Theme {
    pub color: bool,
    /// Low-bandwidth profile: every attribute change costs bytes on the wire, so only bold and
    /// reverse video remain (no colour, dim, italic, underline or strike) and lines are ASCII.
    pub lean: bool,
}

impl Theme {
    /// Colour unless the user set NO_COLOR (https://no-color.org: any non-empty value).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color, lean: false }
    }

    /// The theme for these settings: lean when asked for, else colour unless NO_COLOR.
    pub fn for_settings(settings: &crate::app::Settings) -> Theme {
        if settings.lean { Theme { color: false, lean: true } } else { Theme::from_env() }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color && !self.lean { Style::new().fg(c) } else { Style::new() }
    }

    /// Drop what the lean profile does not send: everything but bold and reverse video.
    fn lean_cut(&self, s: Style) -> Style {
        if !self.lean {
            return s;
        }
        let keep = s.add_modifier & (Modifier::BOLD | Modifier::REVERSED);
        Style::new().add_modifier(keep)
    }

    /// The column between the tree and the text.
    pub fn separator(&self) -> &'static str {
        if self.lean { "|" } else { "│" }
    }

    /// The rule under a tree placed above the text.
    pub fn separator_row(&self) -> &'static str {
        if self.lean { "-" } else { "─" }
    }

    /// Popup borders: ASCII in the lean profile (one byte a cell instead of three).
    pub fn border_set(&self) -> ratatui::symbols::border::Set {
        if self.lean {
            ratatui::symbols::border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            ratatui::symbols::border::PLAIN
        }
    }

    /// Tree fold markers: (leaf, expanded, collapsed).
    pub fn fold_markers(&self) -> [&'static str; 3] {
        if self.lean { ["  ", "- ", "+ "] } else { ["  ", "▾ ", "▸ "] }
    }

    pub fn segment(&self, kind: SegKind, inline: Inline) -> Style {
        let mut s = match kind {
            // List markers stay plain: a coloured bullet costs 5 B on every item line scrolled in.
            SegKind::Indent | SegKind::Body | SegKind::TableCell | SegKind::Marker => Style::new(),
            SegKind::QuoteBar | SegKind::TableBorder | SegKind::Rule => self.dim(),
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
            // Colour alone marks a link where there is colour: an underline too would cost two
            // more bytes on the wire for every link that scrolls into view.
            s = if self.color { s.patch(self.fg(Color::Blue)) } else { s.add_modifier(Modifier::UNDERLINED) };
        }
        if inline.contains(Inline::PLACEHOLDER) {
            s = self.dim();
        }
        self.lean_cut(s)
    }

    pub fn dim(&self) -> Style {
        if self.lean {
            Style::new()
        } else if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
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

    /// Every style this theme can produce keeps to the lean attributes (for tests).
    pub fn is_lean_style(style: Style) -> bool {
        style.fg.is_none_or(|c| c == Color::Reset)
            && style.bg.is_none_or(|c| c == Color::Reset)
            && (style.add_modifier - (Modifier::BOLD | Modifier::REVERSED)).is_empty()
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
        self.lean_cut(Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD))
    }

    /// A note shown inline under its passage.
    pub fn note(&self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::ITALIC)
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
}
