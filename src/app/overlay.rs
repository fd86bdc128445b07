//! Overlays drawn over the reader, and which keymap sections apply while each is open.

use super::find::FindPrompt;
use super::fuzzy::FuzzyOverlay;
use crate::input::Context;

#[derive(Debug)]
pub enum Overlay {
    Help { scroll: usize },
    Library { selected: usize },
    /// The fuzzy-search overlay (`f`, Ctrl-p).
    Fuzzy(Box<FuzzyOverlay>),
    /// The `/` prompt on the status line.
    Find(FindPrompt),
}

impl Overlay {
    /// Keymap sections in force, most specific first. Field overlays send every key that is
    /// not bound in the field section into their text input.
    pub fn contexts(&self) -> &'static [Context] {
        match self {
            Overlay::Help { .. } | Overlay::Library { .. } => &[Context::List],
            Overlay::Fuzzy(_) | Overlay::Find(_) => &[Context::Field],
        }
    }

    pub fn takes_text(&self) -> bool {
        self.contexts().contains(&Context::Field)
    }
}
