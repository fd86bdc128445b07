//! The architecture's rule, enforced: the document model and layout never import a terminal
//! crate, so they stay testable and reusable without a terminal.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn doc_and_layout_do_not_import_terminal_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for layer in ["doc", "layout"] {
        rust_files(&root.join(layer), &mut files);
    }
    assert!(files.len() >= 4, "expected the doc and layout sources, found {files:?}");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for banned in ["ratatui", "crossterm", "tui_textarea"] {
                assert!(
                    !code.contains(banned),
                    "{}:{}: {banned} imported in a terminal-free layer",
                    f.display(),
                    n + 1
                );
            }
        }
    }
}
