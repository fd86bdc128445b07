//! Runs every fuzz target's body (tests/fuzz/src/targets.rs) over the seed corpus: the
//! fixtures, the shared corpus when it exists, the inputs fuzzing once found (tests/fuzz/
//! regressions/) and a few generated hostile inputs. So each `cargo test` checks what the
//! fuzzers check, on stable Rust, without cargo-fuzz.

// Corpus sweeps report on stderr directly: the test harness hides captured output of passing tests.
use std::io::Write as _;

#[path = "fuzz/src/targets.rs"]
mod targets;

use std::path::{Path, PathBuf};

/// Seeds above this size are cut (a fuzzer's inputs are small too; the big-file tests live
/// elsewhere), which keeps a debug-mode run to seconds.
const MAX_SEED: usize = 64 * 1024;

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn generated() -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = vec![
        b"# \x1b]0;title\x07 Heading\n\ntext \x1b[2J \x9b \xc2\x9b31m".to_vec(),
        format!("{}deep\n", ">".repeat(3000)).into_bytes(),
        format!("{}deep\n", "- ".repeat(3000)).into_bytes(),
        format!("{}x{}\n", "[".repeat(2000), "](u)".repeat(2000)).into_bytes(),
        "\u{202e}abc\u{2066}def\u{2069}\n\n| a\u{1b} | b |\n|---|---|\n| \u{85} | \t |\n".as_bytes().to_vec(),
        b"\xff\xfeh\x00i\x00\r\x00\n\x00".to_vec(),
        b"caf\xe9\r\nna\xefve\rend".to_vec(),
        "🇯🇵👨‍👩‍👧‍👦e\u{301}\u{301}ภาษาไทยབོད་ཡིག".repeat(50).into_bytes(),
    ];
    out.push(r#"{"version":1,"fingerprint":"f","title":"\u001b]0;x\u0007","notes":[]}"#.as_bytes().to_vec());
    out
}

fn seeds() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    files_under(&root.join("tests/fixtures"), &mut paths);
    files_under(&root.join("tests/fuzz/regressions"), &mut paths);
    let shared = root.join("../shared/corpus/hostile");
    let shared = if shared.is_dir() { shared } else { PathBuf::from("/work/shared/corpus/hostile") };
    if shared.is_dir() {
        let _ = writeln!(std::io::stderr(), "seeding from {} as well", shared.display());
        files_under(&shared, &mut paths);
    } else {
        let _ = writeln!(std::io::stderr(), "shared corpus not found; seeding from the fixtures only");
    }
    let mut out: Vec<(String, Vec<u8>)> = paths
        .into_iter()
        .filter_map(|p| {
            let mut bytes = std::fs::read(&p).ok()?;
            bytes.truncate(MAX_SEED);
            Some((p.display().to_string(), bytes))
        })
        .collect();
    out.extend(generated().into_iter().enumerate().map(|(i, b)| (format!("generated #{i}"), b)));
    out
}

fn run(target: &str, f: fn(&[u8]), name: &str, data: &[u8]) {
    if std::panic::catch_unwind(|| f(data)).is_err() {
        panic!("fuzz target {target} fails on seed {name}");
    }
}

#[test]
fn every_target_passes_on_every_seed() {
    let seeds = seeds();
    assert!(seeds.len() > 20, "too few seeds: {}", seeds.len());
    for (name, data) in &seeds {
        run("decode", targets::decode_bytes, name, data);
        run("plain_reader", targets::plain_reader, name, data);
        run("markdown_reader", targets::markdown_reader, name, data);
        run("store_json", targets::store_json, name, data);
        for width in [1u8, 7, 12, 33, 80] {
            let mut input = vec![width, 0];
            input.extend_from_slice(&data[..data.len().min(16 * 1024)]);
            run("wrap", targets::wrap, name, &input);
        }
    }
    println!("{} seeds through 5 targets", seeds.len());
}
