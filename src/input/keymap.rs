//! The keymap: which key sequences run which command in which context, parsed from the table in
//! `assets/keymap.txt` so the dispatcher and the help overlay read the same source.

use super::key::Key;
use crate::app::command::Command;

const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Reader,
    Tree,
    Global,
    List,
    /// An overlay with a one-line text field: unbound keys are typed into it.
    Field,
    /// The bookmark list (`B`), before the generic list keys.
    Bookmarks,
    /// The note list (`A`), before the generic list keys.
    Notes,
    /// The multi-line note editor: unbound keys are typed into it.
    Editor,
    /// A yes/no question.
    Confirm,
}

impl Context {
    /// Every context, in the order help and the README present them.
    pub const ALL: [Context; 9] = [
        Context::Reader,
        Context::Global,
        Context::Tree,
        Context::List,
        Context::Field,
        Context::Bookmarks,
        Context::Notes,
        Context::Editor,
        Context::Confirm,
    ];

    fn from_name(s: &str) -> Option<Context> {
        Some(match s {
            "reader" => Context::Reader,
            "tree" => Context::Tree,
            "global" => Context::Global,
            "list" => Context::List,
            "field" => Context::Field,
            "bookmarks" => Context::Bookmarks,
            "notes" => Context::Notes,
            "editor" => Context::Editor,
            "confirm" => Context::Confirm,
            _ => return None,
        })
    }
    pub fn title(self) -> &'static str {
        match self {
            Context::Reader => "Reading",
            Context::Tree => "Chapter tree (when focused)",
            Context::Global => "Anywhere",
            Context::List => "Lists and overlays",
            Context::Field => "Search fields",
            Context::Bookmarks => "Bookmark list (B)",
            Context::Notes => "Note list (A)",
            Context::Editor => "Note editor",
            Context::Confirm => "Questions",
        }
    }

    /// Contexts whose unbound keys are text typed into a field or editor.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Field | Context::Editor)
    }
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub command: Command,
    /// Each entry is one key sequence (most are a single key; `''` is two).
    pub keys: Vec<Vec<Key>>,
    /// The key names as written, for the help overlay.
    pub key_names: Vec<String>,
    pub help: String,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Keymap {
    /// The built-in keymap. The table is part of the binary, so an error in it is a bug caught
    /// by the unit tests, never a user-facing condition.
    pub fn default_map() -> Keymap {
        Keymap::parse(DEFAULT_KEYMAP).expect("assets/keymap.txt is valid")
    }

    pub fn parse(text: &str) -> Result<Keymap, String> {
        let mut bindings = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split(" | ").map(str::trim).collect();
            let [ctx, cmd, keys, help] = fields[..] else {
                return Err(format!("keymap line {}: expected 4 fields separated by ' | '", n + 1));
            };
            let context =
                Context::from_name(ctx).ok_or_else(|| format!("keymap line {}: unknown context {ctx:?}", n + 1))?;
            let command =
                Command::from_name(cmd).ok_or_else(|| format!("keymap line {}: unknown command {cmd:?}", n + 1))?;
            let mut seqs = Vec::new();
            let mut names = Vec::new();
            for tok in keys.split_whitespace() {
                seqs.push(parse_sequence(tok).ok_or_else(|| format!("keymap line {}: bad key {tok:?}", n + 1))?);
                names.push(tok.to_string());
            }
            bindings.push(Binding { context, command, keys: seqs, key_names: names, help: help.to_string() });
        }
        Ok(Keymap { bindings })
    }

    /// Apply a user's keymap file (same format as the default): each line replaces the keys of
    /// that command in that context, so users rebind without copying the whole table.
    /// Returns one message per line that could not be used; the rest still applies.
    pub fn apply_overrides(&mut self, text: &str) -> Vec<String> {
        let mut problems = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = t.split(" | ").map(str::trim).collect();
            let parsed = match fields[..] {
                [_, _, _] | [_, _, _, _] => {
                    Keymap::parse(&format!("{} | {} | {} | -", fields[0], fields[1], fields[2]))
                }
                _ => Err(format!("keymap line {}: expected context | command | keys", n + 1)),
            };
            match parsed {
                Ok(mut km) => {
                    let new = km.bindings.remove(0);
                    match self.bindings.iter_mut().find(|b| b.context == new.context && b.command == new.command) {
                        Some(b) => {
                            b.keys = new.keys;
                            b.key_names = new.key_names;
                        }
                        None => {
                            problems.push(format!("keymap line {}: {} is not bound in that context", n + 1, fields[1]))
                        }
                    }
                }
                Err(e) => problems.push(e.replacen("keymap line 1", &format!("keymap line {}", n + 1), 1)),
            }
        }
        problems
    }

    /// Bindings of `context` whose sequence starts with `prefix`: (complete match, any longer).
    pub fn lookup(&self, contexts: &[Context], prefix: &[Key]) -> Lookup {
        let mut longer = false;
        for ctx in contexts {
            for b in self.bindings.iter().filter(|b| b.context == *ctx) {
                for seq in &b.keys {
                    if seq.as_slice() == prefix {
                        return Lookup::Found(b.command);
                    }
                    if seq.len() > prefix.len() && seq.starts_with(prefix) {
                        longer = true;
                    }
                }
            }
        }
        if longer { Lookup::Prefix } else { Lookup::None }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Found(Command),
    Prefix,
    None,
}

/// A key token: a key name ("Ctrl-d"), or several printable characters typed in a row ("''").
fn parse_sequence(tok: &str) -> Option<Vec<Key>> {
    if let Some(k) = Key::parse(tok) {
        return Some(vec![k]);
    }
    if tok.chars().count() > 1 && !tok.contains('-') && tok.chars().all(|c| !c.is_alphanumeric() || c.is_lowercase()) {
        return Some(tok.chars().map(Key::ch).collect());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_keymap_parses_and_has_the_contract_keys() {
        let km = Keymap::default_map();
        let find = |ctx, name: &str| match km.lookup(&[ctx], &[Key::parse(name).unwrap()]) {
            Lookup::Found(c) => Some(c),
            _ => None,
        };
        assert_eq!(find(Context::Reader, "j"), Some(Command::LineDown));
        assert_eq!(find(Context::Reader, "Ctrl-d"), Some(Command::HalfDown));
        assert_eq!(find(Context::Reader, "G"), Some(Command::Bottom));
        assert_eq!(find(Context::Reader, "]"), Some(Command::NextSection));
        assert_eq!(find(Context::Reader, "Ctrl-o"), Some(Command::JumpBack));
        assert_eq!(find(Context::Global, "t"), Some(Command::ToggleTree));
        assert_eq!(find(Context::Global, "Tab"), Some(Command::SwitchFocus));
        assert_eq!(find(Context::Tree, "h"), Some(Command::TreeCollapse));
        assert_eq!(find(Context::Global, "H"), Some(Command::CollapseAll));
        assert_eq!(find(Context::Global, "?"), Some(Command::Help));
        assert_eq!(find(Context::Global, "o"), Some(Command::Library));
        assert_eq!(km.lookup(&[Context::Reader], &[Key::ch('\'')]), Lookup::Prefix);
        assert_eq!(km.lookup(&[Context::Reader], &[Key::ch('\''), Key::ch('\'')]), Lookup::Found(Command::JumpBack));
    }

    #[test]
    fn jump_forward_does_not_use_ctrl_i() {
        // Terminals send Tab as Ctrl-i, so forward must not depend on it.
        let km = Keymap::default_map();
        let fwd = km.bindings.iter().find(|b| b.command == Command::JumpForward).unwrap();
        assert!(fwd.keys.iter().all(|s| s[0] != Key::ctrl('i') && s[0].code != super::super::key::Code::Tab));
    }

    #[test]
    fn user_overrides_rebind_and_report_bad_lines() {
        let mut km = Keymap::default_map();
        let problems = km.apply_overrides("# mine\nreader | line_down | J Down\nreader | nope | x\ntree | quit | q\n");
        assert_eq!(km.lookup(&[Context::Reader], &[Key::ch('J')]), Lookup::Found(Command::LineDown));
        assert_eq!(km.lookup(&[Context::Reader], &[Key::ch('j')]), Lookup::None);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("keymap line 3"));
    }

    #[test]
    fn bad_lines_are_reported() {
        assert!(Keymap::parse("reader | nope | j | x").is_err());
        assert!(Keymap::parse("reader | line_down | j").is_err());
        assert!(Keymap::parse("wat | line_down | j | x").is_err());
    }
}
