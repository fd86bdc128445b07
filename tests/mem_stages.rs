//! Where a big document's memory goes, stage by stage: resident size and peak after reading,
//! decoding and parsing, and the capacities the model holds. Ignored by default; run with
//! `LECTERN_MEM_FILE=path cargo test --release --test mem_stages -- --ignored --nocapture`
//! (without the variable it measures the bench_big files in the temp dir when present).

use std::path::PathBuf;

use lectern::doc::{BlockKind, Document, Origin, decode, markdown, plain};

#[test]
#[ignore]
fn mem_stages() {
    let files: Vec<PathBuf> = match std::env::var_os("LECTERN_MEM_FILE") {
        Some(p) => vec![p.into()],
        None => {
            let dir = std::env::temp_dir().join("lectern-bench-big");
            ["big20.md", "big5.md", "big.txt"].iter().map(|n| dir.join(n)).filter(|p| p.exists()).collect()
        }
    };
    if files.is_empty() {
        println!("no files to measure (run bench_big first or set LECTERN_MEM_FILE)");
    }
    for path in files {
        let out = std::process::Command::new(std::env::current_exe().expect("test binary"))
            .args(["--ignored", "--exact", "mem_stages_child", "--nocapture", "--test-threads=1"])
            .env("LECTERN_MEM_CHILD", &path)
            .output()
            .expect("run the child");
        println!("\n== {}", path.display());
        for line in String::from_utf8_lossy(&out.stdout).lines().filter(|l| l.starts_with("  ")) {
            println!("{line}");
        }
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
#[ignore]
fn mem_stages_child() {
    let Some(path) = std::env::var_os("LECTERN_MEM_CHILD").map(PathBuf::from) else { return };
    println!();
    let file_mb = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    stage("start", file_mb);
    if std::env::var_os("LECTERN_MEM_LOADER_ONLY").is_some() {
        return loader_stages(&path, file_mb);
    }
    let bytes = std::fs::read(&path).expect("read");
    stage("read bytes", file_mb);
    let text = decode::decode_owned(bytes).expect("text").text;
    stage("decoded", file_mb);
    let origin = Origin::File(path.clone());
    let md = path.extension().is_some_and(|x| x == "md");
    let t = std::time::Instant::now();
    let mut doc = if md { markdown::parse(&text, origin) } else { plain::parse(&text, origin) };
    println!("  parse took {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    stage("parsed (text still held)", file_mb);
    drop(text);
    stage("text dropped", file_mb);
    compact(&mut doc);
    trim();
    stage("compacted + trimmed", file_mb);
    account(&doc);
}

/// The loader's way: first part now, the rest on a thread from the owned text.
fn loader_stages(path: &std::path::Path, file_mb: f64) {
    let bytes = std::fs::read(path).expect("read");
    stage("loader: read bytes", file_mb);
    let (first, loading) = lectern::library::loader::open(bytes, Origin::File(path.to_path_buf()), 0).expect("text");
    stage("loader: first part", file_mb);
    let full = loading.and_then(|l| l.wait());
    stage("loader: full parse", file_mb);
    drop(first);
    trim();
    stage("loader: first dropped, trimmed", file_mb);
    if let Some(doc) = &full {
        account(doc);
    }
}

fn compact(doc: &mut Document) {
    doc.blocks.shrink_to_fit();
    doc.outline.shrink_to_fit();
    for b in &mut doc.blocks {
        b.text.shrink_to_fit();
    }
}

fn account(doc: &Document) {
    let mb = |n: usize| n as f64 / 1e6;
    let blocks = doc.blocks.capacity() * std::mem::size_of_val(&doc.blocks[0]);
    let texts: usize = doc.blocks.iter().map(|b| b.text.capacity()).sum();
    let nonempty_text = doc.blocks.iter().filter(|b| b.text.capacity() > 0).count();
    let runs: usize = doc.blocks.iter().map(|b| std::mem::size_of_val(&*b.runs)).sum();
    let nruns: usize = doc.blocks.iter().map(|b| b.runs.len()).sum();
    let with_runs = doc.blocks.iter().filter(|b| !b.runs.is_empty()).count();
    let links: usize = doc.blocks.iter().map(|b| std::mem::size_of_val(&*b.links)).sum();
    let nlinks: usize = doc.blocks.iter().map(|b| b.links.len()).sum();
    let urls: usize = doc.blocks.iter().flat_map(|b| &b.links).map(|l| l.url.capacity()).sum();
    let with_links = doc.blocks.iter().filter(|b| !b.links.is_empty()).count();
    let mut kinds = 0;
    for b in &doc.blocks {
        kinds += match &b.kind {
            // Markers are shared (doc::intern), a few allocations in all.
            BlockKind::ListItem { .. } => 0,
            BlockKind::Code { lang } => lang.as_ref().map_or(0, |l| l.len()),
            BlockKind::Table(t) => {
                t.rows.iter().flatten().map(|c| c.capacity() + 24).sum::<usize>() + t.rows.len() * 24
            }
            _ => 0,
        };
    }
    let outline: usize =
        doc.outline.capacity() * 96 + doc.outline.iter().map(|s| s.id.capacity() + s.title.capacity()).sum::<usize>();
    let allocs = doc.blocks.len() + nonempty_text + with_runs + with_links + nlinks;
    println!(
        "  blocks       {:>7.1} MB  ({} x {} B)",
        mb(blocks),
        doc.blocks.len(),
        std::mem::size_of_val(&doc.blocks[0])
    );
    println!("  texts        {:>7.1} MB  ({} non-empty)", mb(texts), nonempty_text);
    println!("  runs         {:>7.1} MB  ({} runs in {} blocks)", mb(runs), nruns, with_runs);
    println!(
        "  links        {:>7.1} MB  ({} links in {} blocks) + urls {:.1} MB",
        mb(links),
        nlinks,
        with_links,
        mb(urls)
    );
    println!("  kind extras  {:>7.1} MB", mb(kinds));
    println!("  outline      {:>7.1} MB  ({} sections)", mb(outline), doc.outline.len());
    let total = blocks + texts + runs + links + urls + kinds + outline;
    println!(
        "  model total  {:>7.1} MB + ~{:.1} MB malloc headers ({} allocations)",
        mb(total),
        mb(allocs * 16),
        allocs
    );
}

fn trim() {
    unsafe extern "C" {
        fn malloc_trim(pad: usize) -> i32;
    }
    // SAFETY: malloc_trim only walks glibc's own heap.
    unsafe {
        malloc_trim(0);
    }
}

/// Print resident size and the peak since the last stage, then reset the peak.
fn stage(name: &str, file_mb: f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |f: &str| {
        status
            .lines()
            .find(|l| l.starts_with(f))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    let (rss, hwm) = (field("VmRSS:"), field("VmHWM:"));
    println!(
        "  {name:<26} RSS {rss:>6.0} MB ({:.1}x)   peak in stage {hwm:>6.0} MB ({:.1}x)",
        rss / file_mb,
        hwm / file_mb
    );
    // Writing 5 resets VmHWM to the current resident size (Linux 4.0+).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}
