//! Terminal capabilities the frugal backend may use, and how to learn them without guessing.

/// Features beyond the common VT100/xterm set; both default to off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Caps {
    /// Left/right margins (DECLRMM `CSI ?69h` + DECSLRM `CSI l;r s`) work.
    pub margins: bool,
    /// Synchronized output (`CSI ?2026h` … `CSI ?2026l`) is understood.
    pub sync: bool,
}

/// What the environment alone says about left/right margins: `Some(false)` where they are known
/// to be missing or unreliable, `None` when only asking the terminal (`CSI ?69$p`) can tell.
pub fn margins_from_env(term: &str, env: &impl Fn(&str) -> Option<String>) -> Option<bool> {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    let term = term.to_ascii_lowercase();
    let multiplexer = set("TMUX") || set("STY") || term.starts_with("screen") || term.starts_with("tmux");
    // mosh sets no standard variable; these two are conventions some setups export.
    let mosh = set("MOSH_CONNECTION") || set("MOSH_SERVER_PID");
    let program = env("TERM_PROGRAM").unwrap_or_default().to_ascii_lowercase();
    let vscode = program == "vscode" || set("VSCODE_INJECTION");
    let kitty = term.contains("kitty") || set("KITTY_WINDOW_ID");
    let alacritty = term.contains("alacritty") || set("ALACRITTY_WINDOW_ID") || set("ALACRITTY_SOCKET");
    if multiplexer || mosh || vscode || kitty || alacritty || term == "dumb" || term.is_empty() {
        Some(false)
    } else {
        None
    }
}

/// The question to send for left/right margin support (DECRQM for private mode 69).
pub const MARGINS_QUERY: &[u8] = b"\x1b[?69$p";

/// Read a DECRPM reply `CSI ? 69 ; Ps $ y` out of `bytes` (other input may surround it).
/// Ps 1/2/3 (set, reset, permanently set) mean the mode exists; 0/4 mean it does not.
pub fn parse_decrqm_reply(bytes: &[u8]) -> Option<bool> {
    let needle = b"\x1b[?69;";
    let start = bytes.windows(needle.len()).position(|w| w == needle)? + needle.len();
    let rest = &bytes[start..];
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || rest.get(digits..digits + 2) != Some(b"$y".as_slice()) {
        return None;
    }
    match std::str::from_utf8(&rest[..digits]).ok()?.parse::<u32>().ok()? {
        1..=3 => Some(true),
        _ => Some(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn multiplexers_and_known_gaps_say_no() {
        assert_eq!(margins_from_env("xterm-256color", &env_of(&[("TMUX", "/tmp/t,1,0")])), Some(false));
        assert_eq!(margins_from_env("screen-256color", &env_of(&[])), Some(false));
        assert_eq!(margins_from_env("xterm", &env_of(&[("STY", "1.pts")])), Some(false));
        assert_eq!(margins_from_env("xterm-256color", &env_of(&[("TERM_PROGRAM", "vscode")])), Some(false));
        assert_eq!(margins_from_env("xterm-kitty", &env_of(&[])), Some(false));
        assert_eq!(margins_from_env("alacritty", &env_of(&[])), Some(false));
        assert_eq!(margins_from_env("xterm-256color", &env_of(&[])), None);
    }

    #[test]
    fn decrpm_replies() {
        assert_eq!(parse_decrqm_reply(b"\x1b[?69;2$y"), Some(true));
        assert_eq!(parse_decrqm_reply(b"junk\x1b[?69;1$y\x1b[?62;c"), Some(true));
        assert_eq!(parse_decrqm_reply(b"\x1b[?69;0$y"), Some(false));
        assert_eq!(parse_decrqm_reply(b"\x1b[?69;4$y"), Some(false));
        assert_eq!(parse_decrqm_reply(b"\x1b[?62;c"), None);
        assert_eq!(parse_decrqm_reply(b"\x1b[?69;$y"), None);
    }
}
