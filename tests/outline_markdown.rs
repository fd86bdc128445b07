//! Golden outlines for Markdown files and the mdBook fixture, plus a sweep over the shared
//! Markdown corpus checking outline invariants.

use std::path::{Path, PathBuf};

use lectern::doc::{Document, Origin, markdown};

fn corpus_dir() -> PathBuf {
    PathBuf::from("/work/shared/corpus/markdown")
}

fn parse_file(path: &Path) -> Document {
    let bytes = std::fs::read(path).expect("read fixture");
    markdown::parse(&String::from_utf8_lossy(&bytes), Origin::File(path.to_path_buf()))
}

#[test]
#[ignore]
fn dump_outlines() {
    let name = std::env::var("DUMP").unwrap_or_default();
    let doc = if Path::new(&name).is_dir() {
        lectern::doc::mdbook::load_book(Path::new(&name)).expect("book").expect("readable")
    } else {
        parse_file(&corpus_dir().join(&name))
    };
    println!("TITLE: {}\nNOTICES: {:?}\n{}", doc.title, doc.notices, doc.outline_text());
    if std::env::var("BLOCKS").is_ok() {
        for (i, b) in doc.blocks.iter().enumerate() {
            println!("{i} {:?} q{} {:?}", b.kind, b.quote, b.text);
        }
    }
}
