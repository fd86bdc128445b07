//! Search latency on a ~5 MB Markdown document. Ignored by default; run with
//! `cargo test --release --test bench_search -- --ignored --nocapture`.
//! Uses /work/shared/corpus/markdown/*.md when present (repeated to 5 MB), else generated text.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lectern::doc::{BlockKind, Document, Origin, Section, assign_section_ids};
use lectern::library::parse_text;
use lectern::search::{Index, Ranker, Scope, TextQuery, find_all};

const TARGET_BYTES: usize = 5 << 20;

fn corpus_text() -> (String, String) {
    let dir = PathBuf::from("/work/shared/corpus/markdown");
    let mut parts = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut paths: Vec<PathBuf> =
            rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "md")).collect();
        paths.sort();
        for p in paths {
            if let Ok(t) = std::fs::read_to_string(&p) {
                parts.push(t);
            }
        }
    }
    if parts.is_empty() {
        return (generated(), "generated text (corpus not found)".into());
    }
    let mut text = String::new();
    while text.len() < TARGET_BYTES {
        for p in &parts {
            text.push_str(p);
            text.push_str("\n\n");
        }
    }
    (text, format!("{} corpus files from {}", parts.len(), dir.display()))
}

fn generated() -> String {
    let words = [
        "render", "buffer", "terminal", "resize", "widget", "layout", "frame", "cursor", "scroll", "style", "event",
        "backend", "cell", "area", "text", "line", "span",
    ];
    let mut text = String::new();
    let mut seed = 12345u64;
    let mut n = 0;
    while text.len() < TARGET_BYTES {
        if n % 400 == 0 {
            text.push_str(&format!("\n## Section {n}\n\n"));
        }
        for _ in 0..60 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(words[(seed >> 33) as usize % words.len()]);
            text.push_str(if (seed >> 20).is_multiple_of(13) { "ing " } else { " " });
        }
        text.push_str("\n\n");
        n += 1;
    }
    text
}

/// The Markdown reader may still be a placeholder; give the document the outline a real
/// one would (a section per `#` line) so title ranking is measured at realistic size.
fn outline_from_hashes(doc: &mut Document) {
    doc.outline.clear();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    for (b, block) in doc.blocks.iter_mut().enumerate() {
        let hashes = block.text.bytes().take_while(|&c| c == b'#').count();
        if !(1..=6).contains(&hashes) || !block.text[hashes..].starts_with(' ') {
            continue;
        }
        let level = hashes as u8;
        let title = block.text[hashes..].trim().to_string();
        block.kind = BlockKind::Heading { level };
        while stack.last().is_some_and(|&(l, _)| l >= level) {
            stack.pop();
        }
        let parent = stack.last().map(|&(_, i)| i);
        doc.outline.push(Section {
            id: String::new(),
            title,
            level: stack.len() as u8 + 1,
            parent,
            block: b,
            number: None,
        });
        stack.push((level, doc.outline.len() - 1));
    }
    assign_section_ids(&mut doc.outline);
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[test]
#[ignore]
fn bench_search_5mb() {
    let (text, source) = corpus_text();
    let t = Instant::now();
    let mut doc = parse_text(&text, Origin::File("bench.md".into()));
    let parse = t.elapsed();
    if doc.outline.len() < 10 {
        outline_from_hashes(&mut doc);
    }
    let t = Instant::now();
    let index = Index::build(std::slice::from_ref(&doc));
    let build = t.elapsed();
    println!("source: {source}");
    println!(
        "{} bytes, {} blocks, {} outline entries, {} candidates; parse {:?}, index build {:?}",
        text.len(),
        doc.blocks.len(),
        doc.outline.len(),
        index.len(),
        parse,
        build
    );

    let mut all = Vec::new();
    for query in ["render buffer", "terminal resize", "widget"] {
        let mut ranker = Ranker::default();
        let mut line = Vec::new();
        for end in 1..=query.len() {
            let q = &query[..end];
            let t = Instant::now();
            let hits = ranker.rank(&index, q, Scope::Library, 50, &|| false).unwrap_or_default();
            let dt = t.elapsed();
            line.push(format!("{q:?}:{:.2}ms/{}", dt.as_secs_f64() * 1e3, hits.len()));
            all.push(dt);
        }
        println!("typing {query:?}: {}", line.join(" "));
        for h in ranker.rank(&index, query, Scope::Library, 3, &|| false).unwrap_or_default() {
            println!("    {:>4} {:?} {}", h.score, h.kind, h.display);
        }
    }
    let max = all.iter().max().copied().unwrap_or_default();
    let med = median(&mut all);
    println!(
        "per keystroke: median {:.2} ms, max {:.2} ms over {} keystrokes",
        med.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3,
        all.len()
    );

    let mut finds = Vec::new();
    for (pattern, regex) in
        [("render", false), ("Buffer", false), ("terminal resize", false), ("\\vwidgets?\\b", false), ("e", false)]
    {
        let q = TextQuery::parse(pattern, regex).expect("valid pattern");
        let t = Instant::now();
        let found = find_all(&doc, &q);
        let dt = t.elapsed();
        println!("find_all {pattern:?}: {:.2} ms, {} matches", dt.as_secs_f64() * 1e3, found.len());
        finds.push(dt);
    }
    assert!(med < Duration::from_millis(16), "median keystroke {med:?}");
    let worst_find = finds.iter().max().copied().unwrap_or_default();
    assert!(worst_find < Duration::from_millis(50), "find_all {worst_find:?}");
}
