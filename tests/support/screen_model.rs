//! A small terminal model for the sequences the frugal backend emits, including what vt100 lacks:
//! left/right margins (DECLRMM `CSI ?69h`, DECSLRM `CSI l;r s`). Unknown sequences panic so that
//! the tests notice anything the backend starts emitting without a model for it.

use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelCell {
    /// "" for an erased cell and for the second column of a wide character.
    pub text: String,
    pub wide_tail: bool,
    pub fg: Color,
    pub bg: Color,
    pub modifier: Modifier,
}

impl ModelCell {
    fn erased(bg: Color) -> Self {
        ModelCell { text: String::new(), wide_tail: false, fg: Color::Reset, bg, modifier: Modifier::empty() }
    }
}

pub struct ScreenModel {
    pub width: u16,
    pub height: u16,
    pub cells: Vec<ModelCell>,
    pub col: u16,
    pub row: u16,
    pending_wrap: bool,
    fg: Color,
    bg: Color,
    modifier: Modifier,
    top: u16,
    bottom: u16,
    left: u16,
    right: u16,
    lrmm: bool,
    pub cursor_visible: bool,
}

impl ScreenModel {
    pub fn new(width: u16, height: u16) -> Self {
        ScreenModel {
            width,
            height,
            cells: vec![ModelCell::erased(Color::Reset); usize::from(width) * usize::from(height)],
            col: 0,
            row: 0,
            pending_wrap: false,
            fg: Color::Reset,
            bg: Color::Reset,
            modifier: Modifier::empty(),
            top: 0,
            bottom: height - 1,
            left: 0,
            right: width - 1,
            lrmm: false,
            cursor_visible: true,
        }
    }

    /// A resize keeps nothing we rely on: the backend clears after it.
    pub fn resize(&mut self, width: u16, height: u16) {
        let visible = self.cursor_visible;
        let lrmm = self.lrmm;
        *self = ScreenModel::new(width, height);
        self.cursor_visible = visible;
        self.lrmm = lrmm;
    }

    pub fn cell(&self, x: u16, y: u16) -> &ModelCell {
        &self.cells[usize::from(y) * usize::from(self.width) + usize::from(x)]
    }

    fn cell_mut(&mut self, x: u16, y: u16) -> &mut ModelCell {
        &mut self.cells[usize::from(y) * usize::from(self.width) + usize::from(x)]
    }

    /// Erasing or overwriting half of a wide character erases the other half.
    fn clear_wide_partner(&mut self, x: u16, y: u16) {
        if self.cell(x, y).wide_tail && x > 0 {
            let bg = self.cell(x - 1, y).bg;
            *self.cell_mut(x - 1, y) = ModelCell::erased(bg);
        } else if self.cell(x, y).text.width() == 2 && x + 1 < self.width {
            let bg = self.cell(x + 1, y).bg;
            *self.cell_mut(x + 1, y) = ModelCell::erased(bg);
        }
    }

    fn erase(&mut self, x: u16, y: u16) {
        self.clear_wide_partner(x, y);
        *self.cell_mut(x, y) = ModelCell::erased(self.bg);
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        let text = std::str::from_utf8(bytes).expect("backend output is UTF-8");
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\x1b' => match chars.next() {
                    Some('[') => {
                        let mut body = String::new();
                        for c in chars.by_ref() {
                            if ('\x40'..='\x7e').contains(&c) {
                                self.csi(&body, c);
                                break;
                            }
                            body.push(c);
                        }
                    }
                    Some('M') => self.reverse_index(),
                    other => panic!("unmodelled escape {other:?}"),
                },
                '\r' => self.set_col(0),
                '\n' => self.line_feed(),
                '\x08' => {
                    let col = self.col.min(self.width - 1);
                    self.set_col(col.saturating_sub(1));
                }
                c if c.is_control() => panic!("unmodelled control {c:?}"),
                c => {
                    let mut grapheme = c.to_string();
                    while let Some(&next) = chars.peek() {
                        if next.to_string().width() == 0 && !next.is_control() {
                            grapheme.push(next);
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    self.print(&grapheme);
                }
            }
        }
    }

    fn set_col(&mut self, col: u16) {
        self.col = col.min(self.width - 1);
        self.pending_wrap = false;
    }

    fn set_row(&mut self, row: u16) {
        self.row = row.min(self.height - 1);
        self.pending_wrap = false;
    }

    fn line_feed(&mut self) {
        self.pending_wrap = false;
        if self.row == self.bottom {
            self.scroll(1);
        } else if self.row + 1 < self.height {
            self.row += 1;
        }
    }

    fn reverse_index(&mut self) {
        self.pending_wrap = false;
        if self.row == self.top {
            self.scroll(-1);
        } else if self.row > 0 {
            self.row -= 1;
        }
    }

    fn print(&mut self, grapheme: &str) {
        let width = grapheme.width().clamp(1, 2) as u16;
        if self.pending_wrap || self.col + width > self.width {
            self.pending_wrap = false;
            self.col = 0;
            self.line_feed();
        }
        let (x, y) = (self.col, self.row);
        self.clear_wide_partner(x, y);
        if width == 2 {
            self.clear_wide_partner(x + 1, y);
        }
        let cell = ModelCell {
            text: grapheme.to_string(),
            wide_tail: false,
            fg: self.fg,
            bg: self.bg,
            modifier: self.modifier,
        };
        *self.cell_mut(x, y) = cell.clone();
        if width == 2 {
            *self.cell_mut(x + 1, y) = ModelCell { text: String::new(), wide_tail: true, ..cell };
        }
        if x + width >= self.width {
            self.col = self.width - 1;
            self.pending_wrap = true;
        } else {
            self.col = x + width;
        }
    }

    /// Scroll inside the margins: n > 0 moves content up.
    fn scroll(&mut self, n: i32) {
        let (top, bottom) = (i32::from(self.top), i32::from(self.bottom));
        let rows: Vec<i32> = if n > 0 { (top..=bottom).collect() } else { (top..=bottom).rev().collect() };
        for y in rows {
            let src = y + n;
            for x in self.left..=self.right {
                let cell = if (top..=bottom).contains(&src) {
                    self.cell(x, src as u16).clone()
                } else {
                    ModelCell::erased(self.bg)
                };
                *self.cell_mut(x, y as u16) = cell;
            }
        }
    }

    fn csi(&mut self, body: &str, final_byte: char) {
        let private = body.starts_with('?');
        let params: Vec<u16> = body.trim_start_matches('?').split(';').map(|p| p.parse::<u16>().unwrap_or(0)).collect();
        let p = |i: usize, default: u16| params.get(i).copied().filter(|&v| v != 0).unwrap_or(default);
        match (private, final_byte) {
            (true, 'h') | (true, 'l') => {
                let on = final_byte == 'h';
                for mode in &params {
                    match mode {
                        25 => self.cursor_visible = on,
                        69 => {
                            self.lrmm = on;
                            self.left = 0;
                            self.right = self.width - 1;
                        }
                        2026 => {}
                        other => panic!("unmodelled private mode {other}"),
                    }
                }
            }
            (false, 'H') => {
                self.set_row(p(0, 1) - 1);
                self.set_col(p(1, 1) - 1);
            }
            (false, 'G') => self.set_col(p(0, 1) - 1),
            (false, 'd') => self.set_row(p(0, 1) - 1),
            (false, 'A') => self.set_row(self.row.saturating_sub(p(0, 1))),
            (false, 'B') => self.set_row(self.row.saturating_add(p(0, 1))),
            (false, 'C') => self.set_col(self.col.saturating_add(p(0, 1))),
            (false, 'D') => self.set_col(self.col.saturating_sub(p(0, 1))),
            (false, 'K') => {
                assert_eq!(p(0, 0), 0, "only EL 0 is modelled");
                for x in self.col..self.width {
                    self.erase(x, self.row);
                }
            }
            (false, 'X') => {
                let end = (self.col + p(0, 1)).min(self.width);
                for x in self.col..end {
                    self.erase(x, self.row);
                }
            }
            (false, 'J') => {
                assert_eq!(p(0, 0), 2, "only ED 2 is modelled");
                for y in 0..self.height {
                    for x in 0..self.width {
                        *self.cell_mut(x, y) = ModelCell::erased(self.bg);
                    }
                }
            }
            (false, 'S') => self.scroll(i32::from(p(0, 1))),
            (false, 'T') => self.scroll(-i32::from(p(0, 1))),
            (false, 'r') => {
                self.top = p(0, 1) - 1;
                self.bottom = p(1, self.height) - 1;
                self.set_row(0);
                self.set_col(0);
            }
            (false, 's') => {
                assert!(self.lrmm, "CSI s without DECLRMM would save the cursor");
                self.left = p(0, 1) - 1;
                self.right = p(1, self.width) - 1;
                self.set_row(0);
                self.set_col(0);
            }
            (false, 'm') => self.sgr(&params),
            other => panic!("unmodelled CSI {body:?} {other:?}"),
        }
    }

    fn sgr(&mut self, params: &[u16]) {
        let mut i = 0;
        while i < params.len() {
            let code = params[i];
            match code {
                0 => {
                    self.fg = Color::Reset;
                    self.bg = Color::Reset;
                    self.modifier = Modifier::empty();
                }
                1..=9 => self.modifier |= ON[usize::from(code) - 1],
                22 => self.modifier -= Modifier::BOLD | Modifier::DIM,
                23 => self.modifier -= Modifier::ITALIC,
                24 => self.modifier -= Modifier::UNDERLINED,
                25 => self.modifier -= Modifier::SLOW_BLINK | Modifier::RAPID_BLINK,
                27 => self.modifier -= Modifier::REVERSED,
                28 => self.modifier -= Modifier::HIDDEN,
                29 => self.modifier -= Modifier::CROSSED_OUT,
                30..=37 => self.fg = Color::Indexed((code - 30) as u8),
                90..=97 => self.fg = Color::Indexed((code - 90 + 8) as u8),
                40..=47 => self.bg = Color::Indexed((code - 40) as u8),
                100..=107 => self.bg = Color::Indexed((code - 100 + 8) as u8),
                39 => self.fg = Color::Reset,
                49 => self.bg = Color::Reset,
                59 => {}
                38 | 48 | 58 => {
                    let color = match params.get(i + 1) {
                        Some(5) => {
                            i += 2;
                            Color::Indexed(params[i] as u8)
                        }
                        Some(2) => {
                            i += 4;
                            Color::Rgb(params[i - 2] as u8, params[i - 1] as u8, params[i] as u8)
                        }
                        other => panic!("bad extended colour {other:?}"),
                    };
                    match code {
                        38 => self.fg = color,
                        48 => self.bg = color,
                        _ => {}
                    }
                }
                other => panic!("unmodelled SGR {other}"),
            }
            i += 1;
        }
    }
}

const ON: [Modifier; 9] = [
    Modifier::BOLD,
    Modifier::DIM,
    Modifier::ITALIC,
    Modifier::UNDERLINED,
    Modifier::SLOW_BLINK,
    Modifier::RAPID_BLINK,
    Modifier::REVERSED,
    Modifier::HIDDEN,
    Modifier::CROSSED_OUT,
];
