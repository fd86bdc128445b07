//! A reader-like screen for tests: a text pane, an optional tree pane, a status row, a popup with
//! a cursor, themes, wide characters; plus a tiny deterministic random source.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph};

/// xorshift64*: enough randomness for scenarios, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const WORDS: [&str; 16] = [
    "the",
    "reader",
    "scrolls",
    "through",
    "chapters",
    "of",
    "long",
    "documents",
    "over",
    "slow",
    "links",
    "漢字",
    "かな",
    "🙂",
    "naïve",
    "é́",
];

const STYLES: [Style; 6] = [
    Style::new(),
    Style::new().fg(Color::Red),
    Style::new().add_modifier(Modifier::BOLD),
    Style::new().fg(Color::Indexed(140)).add_modifier(Modifier::ITALIC),
    Style::new().fg(Color::Rgb(10, 200, 30)).add_modifier(Modifier::UNDERLINED),
    Style::new().bg(Color::Blue).fg(Color::White),
];

fn random_line(rng: &mut Rng, plain: bool) -> Line<'static> {
    let mut spans = Vec::new();
    let words = rng.below(14);
    for _ in 0..words {
        let word = WORDS[rng.below(if plain { 11 } else { WORDS.len() })];
        let style = if plain || !rng.chance(20) { Style::new() } else { STYLES[rng.below(STYLES.len())] };
        spans.push(Span::styled(format!("{word} "), style));
    }
    Line::from(spans)
}

pub struct Scene {
    pub lines: Vec<Line<'static>>,
    pub top: usize,
    pub tree: bool,
    pub selected: usize,
    pub popup: Option<String>,
    pub theme: usize,
    /// Put an escape sequence into a cell symbol, as a hostile document might.
    pub inject_escape: bool,
}

pub const TREE_WIDTH: u16 = 24;

impl Scene {
    pub fn new(rng: &mut Rng, plain: bool) -> Self {
        let lines = (0..400).map(|_| random_line(rng, plain)).collect();
        Scene { lines, top: 0, tree: false, selected: 0, popup: None, theme: 0, inject_escape: false }
    }

    /// The pane whose lines scroll, for `area` (the whole screen).
    pub fn text_area(&self, area: Rect) -> Rect {
        let height = area.height.saturating_sub(1);
        let left = if self.tree { TREE_WIDTH.min(area.width) } else { 0 };
        Rect::new(left, 0, area.width - left, height)
    }

    pub fn max_top(&self) -> usize {
        self.lines.len() - 1
    }

    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        let text_area = self.text_area(area);
        let accent = [Color::Blue, Color::Magenta, Color::Indexed(24)][self.theme % 3];
        if self.tree && text_area.x > 0 {
            let tree_area = Rect::new(0, 0, text_area.x, text_area.height);
            let items: Vec<ListItem> = (0..60).map(|i| ListItem::new(format!("{}. Chapter {i}", i + 1))).collect();
            let mut state = ListState::default().with_selected(Some(self.selected));
            let list = List::new(items)
                .block(Block::new().borders(Borders::RIGHT))
                .highlight_style(Style::new().add_modifier(Modifier::REVERSED).fg(accent));
            frame.render_stateful_widget(list, tree_area, &mut state);
        }
        let visible: Vec<Line> =
            self.lines.iter().skip(self.top).take(usize::from(text_area.height)).cloned().collect();
        frame.render_widget(Paragraph::new(visible), text_area);
        let status = format!(" book.md  {}/{} ", self.top + 1, self.lines.len());
        let status_area = Rect::new(0, area.height.saturating_sub(1), area.width, 1.min(area.height));
        frame.render_widget(Paragraph::new(status).style(Style::new().bg(accent).fg(Color::White)), status_area);
        if let Some(query) = &self.popup {
            let width = 60.min(area.width);
            let height = 14.min(area.height);
            let popup = Rect::new((area.width - width) / 2, (area.height - height) / 2, width, height);
            let results: Vec<Line> = std::iter::once(Line::from(format!("> {query}")))
                .chain((0..10).map(|i| Line::from(format!("{i} result for {query}"))))
                .collect();
            frame.render_widget(Clear, popup);
            frame.render_widget(Paragraph::new(results).block(Block::bordered().title("Search")), popup);
            let cursor_x = (popup.x + 3 + query.len() as u16).min(area.width - 1);
            frame.set_cursor_position((cursor_x, (popup.y + 1).min(area.height - 1)));
        }
        // On the status row: ratatui itself mishandles symbols written over half a wide character.
        if self.inject_escape && area.width > 8 && area.height > 1 {
            let y = area.height - 1;
            frame.buffer_mut()[(1, y)].set_symbol("\x1b[2J");
            frame.buffer_mut()[(6, y)].set_symbol("\u{9b}31m");
        }
    }
}
