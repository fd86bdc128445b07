//! Randomised inputs built from the characters the readers' heuristics look at (digits,
//! brackets, bullets, underlines, multibyte punctuation, control characters): no reader and
//! no layout width may panic on any of them.

use lectern::doc::{Origin, markdown, plain};
use lectern::layout::Layout;

const PIECES: &[&str] = &[
    "(",
    ")",
    "1",
    "2.",
    "3.1",
    "a)",
    "IV",
    "Chapter ",
    "PART ONE",
    "•",
    "- ",
    "* ",
    "o ",
    "#",
    "## ",
    "=",
    "===",
    "---",
    "`",
    "```",
    "|",
    ">",
    "[",
    "](",
    "!",
    "’",
    "‘",
    "\u{a0}",
    "日本",
    "👩‍👩‍👧",
    "e\u{301}",
    "\t",
    "\n",
    "\n\n",
    "\r",
    "\x0c",
    "\x1b[31m",
    "\u{9b}",
    "\u{202e}",
    " ",
    "  ",
    "    ",
    "word",
    "Title",
    "CAPS LINE",
    ".",
    ":",
    "Contents",
    "\u{0}",
    "_",
    "**",
    "~~",
    "1)",
    "(a)",
    "(‘\\b’)",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_documents_parse_and_wrap() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..1500 {
        let n = (rng.next() % 120) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(PIECES[(rng.next() % PIECES.len() as u64) as usize]);
        }
        let result = std::panic::catch_unwind(|| {
            for doc in [plain::parse(&text, Origin::Stdin), markdown::parse(&text, Origin::Stdin)] {
                for w in [1u16, 2, 7, 40] {
                    let l = Layout::build(&doc, w);
                    for i in 0..l.len() {
                        let _ = l.segments(&doc, i);
                    }
                }
            }
        });
        assert!(result.is_ok(), "round {round} panicked on {text:?}");
    }
}
