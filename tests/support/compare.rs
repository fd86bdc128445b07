//! Does a terminal screen (vt100's or our margin-aware model) look exactly like ratatui's buffer?
//! "Looks like": same text in each cell and the same fg/bg/bold/italic/underline/reverse, except
//! that a blank cell without reverse/underline shows only its background.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use super::screen_model::ScreenModel;

/// The palette index ratatui's named colours stand for (as the backend emits them).
pub fn normalise(color: Color) -> Color {
    lectern::term::frugal::palette_index(color).map_or(color, Color::Indexed)
}

fn from_vt100(color: vt100::Color) -> Color {
    match color {
        vt100::Color::Default => Color::Reset,
        vt100::Color::Idx(i) => Color::Indexed(i),
        vt100::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

/// One screen cell as the comparison sees it.
#[derive(Debug, PartialEq, Eq)]
pub struct Seen {
    pub text: String,
    pub fg: Color,
    pub bg: Color,
    pub modifier: Modifier,
}

const COMPARED: Modifier = Modifier::BOLD.union(Modifier::ITALIC).union(Modifier::UNDERLINED).union(Modifier::REVERSED);
const BLANK_VISIBLE: Modifier = Modifier::UNDERLINED.union(Modifier::REVERSED);

fn seen(text: &str, fg: Color, bg: Color, modifier: Modifier) -> Seen {
    // Emoji sequences: only the part before the joiner is compared (see `expected_text`).
    let text = text.split('\u{200d}').next().unwrap_or("");
    let text = if text.is_empty() { " ".to_string() } else { text.to_string() };
    let modifier = modifier & COMPARED;
    if text == " " && !modifier.intersects(BLANK_VISIBLE) {
        return Seen { text, fg: Color::Reset, bg: normalise(bg), modifier: Modifier::empty() };
    }
    Seen { text, fg: normalise(fg), bg: normalise(bg), modifier }
}

fn expected_text(symbol: &str) -> &str {
    let unsafe_symbol = symbol.chars().any(|c| c.is_control() || ('\u{80}'..='\u{9f}').contains(&c));
    if unsafe_symbol {
        return "?";
    }
    // Screen models (like many terminals) do not join emoji sequences: the cell keeps what
    // comes up to the joiner, and the rest must have been painted over.
    match symbol.find('\u{200d}') {
        Some(i) => &symbol[..i + '\u{200d}'.len_utf8()],
        None => symbol,
    }
}

/// Compare every cell; wide characters cover the next cell, which is not compared.
fn compare(buffer: &Buffer, mut screen: impl FnMut(u16, u16) -> Seen) -> Result<(), String> {
    let area = buffer.area;
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let cell = &buffer[(x, y)];
            let text = expected_text(cell.symbol());
            let want = seen(text, cell.fg, cell.bg, cell.modifier);
            let got = screen(x, y);
            if want != got {
                return Err(format!("cell ({x},{y}): want {want:?}, got {got:?}"));
            }
            // ratatui skips the cells its own width of the symbol covers, hostile symbols included.
            x += (cell.symbol().width() as u16).max(1);
        }
    }
    Ok(())
}

pub fn compare_vt100(buffer: &Buffer, screen: &vt100::Screen) -> Result<(), String> {
    compare(buffer, |x, y| match screen.cell(y, x) {
        Some(c) => {
            let mut modifier = Modifier::empty();
            for (on, m) in [
                (c.bold(), Modifier::BOLD),
                (c.italic(), Modifier::ITALIC),
                (c.underline(), Modifier::UNDERLINED),
                (c.inverse(), Modifier::REVERSED),
            ] {
                if on {
                    modifier |= m;
                }
            }
            seen(&c.contents(), from_vt100(c.fgcolor()), from_vt100(c.bgcolor()), modifier)
        }
        None => seen("<outside>", Color::Reset, Color::Reset, Modifier::empty()),
    })
}

pub fn compare_model(buffer: &Buffer, model: &ScreenModel) -> Result<(), String> {
    compare(buffer, |x, y| {
        let c = model.cell(x, y);
        seen(&c.text, c.fg, c.bg, c.modifier)
    })
}
