//! Pens (the terminal's current graphic rendition) and the shortest SGR between two of them.
//!
//! Named colours use the 16-colour codes (`31`, `97`, `44`), 256-colour and RGB forms only for
//! colours that need them; a transition is either incremental or a reset plus the new attributes,
//! whichever is shorter.

use std::io::Write;

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

use super::shadow::{BLANK_VISIBLE, is_plain_blank};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub underline: Color,
    pub modifier: Modifier,
}

impl Pen {
    pub const DEFAULT: Pen =
        Pen { fg: Color::Reset, bg: Color::Reset, underline: Color::Reset, modifier: Modifier::empty() };

    pub fn of(cell: &Cell) -> Pen {
        Pen { fg: cell.fg, bg: cell.bg, underline: cell.underline_color, modifier: cell.modifier }
    }

    /// Whether printing `cell` with this pen shows exactly the (canonical) cell.
    pub fn shows(&self, cell: &Cell) -> bool {
        if is_plain_blank(cell) {
            self.bg == cell.bg && !self.modifier.intersects(BLANK_VISIBLE)
        } else {
            *self == Pen::of(cell)
        }
    }

    /// Whether erase operations with this pen leave default blanks on every terminal.
    pub fn erases_clean(&self) -> bool {
        self.bg == Color::Reset && !self.modifier.intersects(BLANK_VISIBLE)
    }
}

/// Palette index of a named colour; `None` for Reset and RGB.
pub fn palette_index(color: Color) -> Option<u8> {
    Some(match color {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) => i,
        Color::Reset | Color::Rgb(..) => return None,
    })
}

/// SGR parameters selecting `color` as foreground (`base` 30), background (40) or underline (50).
fn color_params(color: Color, base: u8, params: &mut Vec<String>) {
    let extended = base + 8;
    match (color, palette_index(color)) {
        (Color::Reset, _) => params.push((base + 9).to_string()),
        (Color::Rgb(r, g, b), _) => params.push(format!("{extended};2;{r};{g};{b}")),
        (_, Some(i)) if base != 50 && i < 8 => params.push((base + i).to_string()),
        (_, Some(i)) if base != 50 && i < 16 => params.push((base + 60 + i - 8).to_string()),
        (_, Some(i)) => params.push(format!("{extended};5;{i}")),
        (_, None) => {}
    }
}

const MODIFIER_ON: [(Modifier, &str); 9] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
];

/// Off codes; one code may switch off two modifiers (22: bold and dim, 25: both blinks).
const MODIFIER_OFF: [(Modifier, &str); 6] = [
    (Modifier::BOLD.union(Modifier::DIM), "22"),
    (Modifier::ITALIC, "23"),
    (Modifier::UNDERLINED, "24"),
    (Modifier::SLOW_BLINK.union(Modifier::RAPID_BLINK), "25"),
    (Modifier::REVERSED, "27"),
    (Modifier::HIDDEN, "28"),
];

fn on_params(modifier: Modifier, params: &mut Vec<String>) {
    for (m, code) in MODIFIER_ON {
        if modifier.contains(m) {
            params.push(code.to_string());
        }
    }
}

fn from_reset(to: &Pen) -> Vec<String> {
    let mut params = vec!["0".to_string()];
    on_params(to.modifier, &mut params);
    if to.fg != Color::Reset {
        color_params(to.fg, 30, &mut params);
    }
    if to.bg != Color::Reset {
        color_params(to.bg, 40, &mut params);
    }
    if to.underline != Color::Reset {
        color_params(to.underline, 50, &mut params);
    }
    params
}

fn incremental(from: &Pen, to: &Pen) -> Vec<String> {
    let mut params = Vec::new();
    let removed = from.modifier - to.modifier;
    let mut added = to.modifier - from.modifier;
    for (group, code) in MODIFIER_OFF {
        if removed.intersects(group) {
            params.push(code.to_string());
            // The shared off code also cleared the partner that stays on.
            added |= to.modifier & group;
        }
    }
    if removed.contains(Modifier::CROSSED_OUT) {
        params.push("29".to_string());
    }
    on_params(added, &mut params);
    if from.fg != to.fg {
        color_params(to.fg, 30, &mut params);
    }
    if from.bg != to.bg {
        color_params(to.bg, 40, &mut params);
    }
    if from.underline != to.underline {
        color_params(to.underline, 50, &mut params);
    }
    params
}

fn joined_len(params: &[String]) -> usize {
    params.iter().map(String::len).sum::<usize>() + params.len().saturating_sub(1)
}

/// Write the shortest SGR turning pen `from` (None: unknown) into `to`; nothing if equal.
pub fn write_transition(from: Option<&Pen>, to: &Pen, out: &mut Vec<u8>) {
    if from == Some(to) {
        return;
    }
    let reset = from_reset(to);
    let params = match from {
        Some(from) => {
            let inc = incremental(from, to);
            if joined_len(&inc) < joined_len(&reset) { inc } else { reset }
        }
        None => reset,
    };
    if params.len() == 1 && params[0] == "0" {
        out.extend_from_slice(b"\x1b[m");
        return;
    }
    let _ = write!(out, "\x1b[{}m", params.join(";"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sgr(from: Option<Pen>, to: Pen) -> String {
        let mut out = Vec::new();
        write_transition(from.as_ref(), &to, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn named_colours_use_sixteen_colour_codes() {
        let to = Pen { fg: Color::Red, bg: Color::LightBlue, ..Pen::DEFAULT };
        assert_eq!(sgr(Some(Pen::DEFAULT), to), "\x1b[31;104m");
        let to = Pen { fg: Color::Indexed(200), ..Pen::DEFAULT };
        assert_eq!(sgr(Some(Pen::DEFAULT), to), "\x1b[38;5;200m");
        let to = Pen { bg: Color::Rgb(1, 2, 3), ..Pen::DEFAULT };
        assert_eq!(sgr(Some(Pen::DEFAULT), to), "\x1b[48;2;1;2;3m");
    }

    #[test]
    fn only_changes_are_sent() {
        let bold_red = Pen { fg: Color::Red, modifier: Modifier::BOLD, ..Pen::DEFAULT };
        let bold_green = Pen { fg: Color::Green, ..bold_red };
        assert_eq!(sgr(Some(bold_red), bold_green), "\x1b[32m");
        assert_eq!(sgr(Some(bold_red), bold_red), "");
        assert_eq!(sgr(Some(bold_red), Pen::DEFAULT), "\x1b[m");
        assert_eq!(sgr(None, Pen::DEFAULT), "\x1b[m");
    }

    #[test]
    fn shared_off_code_restores_partner() {
        let both = Pen { modifier: Modifier::BOLD | Modifier::DIM | Modifier::ITALIC, ..Pen::DEFAULT };
        let dim = Pen { modifier: Modifier::DIM | Modifier::ITALIC, ..Pen::DEFAULT };
        assert_eq!(sgr(Some(both), dim), "\x1b[22;2m");
    }
}
