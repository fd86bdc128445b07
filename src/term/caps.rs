//! Which terminal features the frugal backend may use, decided from the environment alone: the
//! reader never queries the terminal at start (a query can hang on a silent link or leak a
//! reply into the first keys), so unknown terminals get the safe answer.

use super::frugal::{Caps, margins_from_env};
use crate::app::Margins;

/// The capabilities for this session: `--margins on|off` wins; `auto` trusts left/right margins
/// only on terminals known to implement them, and never inside a multiplexer, mosh or VS Code.
pub fn detect(margins: Margins, env: &impl Fn(&str) -> Option<String>) -> Caps {
    let term = env("TERM").unwrap_or_default();
    let margins = match margins {
        Margins::On => true,
        Margins::Off => false,
        Margins::Auto => margins_from_env(&term, env).unwrap_or_else(|| known_margins(env)),
    };
    Caps { margins, sync: known_sync(&term, env) }
}

fn set(env: &impl Fn(&str) -> Option<String>, name: &str) -> bool {
    env(name).is_some_and(|v| !v.is_empty())
}

/// Terminals whose sources implement DECLRMM/DECSLRM: xterm, iTerm2, WezTerm, ghostty, mintty,
/// VTE 0.76+ and Windows Terminal.
fn known_margins(env: &impl Fn(&str) -> Option<String>) -> bool {
    let program = env("TERM_PROGRAM").unwrap_or_default();
    let vte = env("VTE_VERSION").and_then(|v| v.trim().parse::<u32>().ok()).unwrap_or(0);
    set(env, "XTERM_VERSION")
        || ["iTerm.app", "WezTerm", "ghostty", "mintty"].contains(&program.as_str())
        || vte >= 7600
        || set(env, "WT_SESSION")
}

/// Terminals known to understand synchronized output (mode 2026). Elsewhere it is not sent:
/// unknown modes are ignored, but the bytes would still cross the link for nothing.
fn known_sync(term: &str, env: &impl Fn(&str) -> Option<String>) -> bool {
    let program = env("TERM_PROGRAM").unwrap_or_default();
    let inside_multiplexer = set(env, "TMUX") || set(env, "STY");
    !inside_multiplexer
        && (["iTerm.app", "WezTerm", "ghostty"].contains(&program.as_str())
            || term.contains("kitty")
            || set(env, "KITTY_WINDOW_ID")
            || term.starts_with("foot")
            || set(env, "WT_SESSION"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    fn margins(pairs: &'static [(&'static str, &'static str)]) -> bool {
        detect(Margins::Auto, &env_of(pairs)).margins
    }

    #[test]
    fn auto_margins_only_on_known_terminals() {
        assert!(margins(&[("TERM", "xterm-256color"), ("XTERM_VERSION", "XTerm(390)")]));
        assert!(margins(&[("TERM", "xterm-256color"), ("TERM_PROGRAM", "WezTerm")]));
        assert!(margins(&[("TERM", "xterm-256color"), ("TERM_PROGRAM", "iTerm.app")]));
        assert!(margins(&[("TERM", "xterm-ghostty"), ("TERM_PROGRAM", "ghostty")]));
        assert!(margins(&[("TERM", "xterm-256color"), ("VTE_VERSION", "7600")]));
        assert!(!margins(&[("TERM", "xterm-256color"), ("VTE_VERSION", "7402")]));
        assert!(margins(&[("TERM", "xterm-256color"), ("WT_SESSION", "0b6c")]));
        // Unknown: off. Known-good outer terminal but inside tmux: off.
        assert!(!margins(&[("TERM", "xterm-256color")]));
        assert!(!margins(&[("TERM", "tmux-256color"), ("XTERM_VERSION", "XTerm(390)"), ("TMUX", "/tmp/x,1,0")]));
        assert!(!margins(&[("TERM", "xterm-kitty"), ("TERM_PROGRAM", "WezTerm")]));
        assert!(!margins(&[("TERM", "xterm-256color"), ("TERM_PROGRAM", "vscode")]));
    }

    #[test]
    fn the_option_overrides_the_environment() {
        let tmux = env_of(&[("TERM", "screen"), ("TMUX", "/tmp/x,1,0")]);
        assert!(detect(Margins::On, &tmux).margins);
        let xterm = env_of(&[("TERM", "xterm"), ("XTERM_VERSION", "XTerm(390)")]);
        assert!(!detect(Margins::Off, &xterm).margins);
    }

    #[test]
    fn sync_only_where_known_and_never_in_tmux() {
        assert!(detect(Margins::Auto, &env_of(&[("TERM", "xterm-kitty")])).sync);
        assert!(!detect(Margins::Auto, &env_of(&[("TERM", "xterm-256color")])).sync);
        assert!(!detect(Margins::Auto, &env_of(&[("TERM", "xterm-kitty"), ("TMUX", "x")])).sync);
    }
}
