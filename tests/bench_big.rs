//! Big documents: time to first frame, peak memory and per-action frame times on a 100 MB
//! plain-text file, a 20 MB and a 5 MB Markdown file. Ignored by default; run with
//! `cargo test --release --test bench_big -- --ignored --nocapture`.
//!
//! The files are built in a temporary directory by repeating /work/shared/corpus text
//! (text/* and markdown/*.md) when it exists, else generated prose with headings; the output
//! says which. Each file is measured in a child process of its own, so the peak resident size
//! (VmHWM) belongs to that file alone. A frame is the action applied plus a full render into
//! ratatui's TestBackend (the terminal diff and output are not included).

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::{Duration, Instant};

use lectern::app::{Action, App, Command, Settings};
use lectern::library::Library;
use lectern::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const CHILD_ENV: &str = "LECTERN_BENCH_BIG_FILE";
const COLS: u16 = 160;
const ROWS: u16 = 48;

#[test]
#[ignore]
fn bench_big() {
    let dir = std::env::temp_dir().join("lectern-bench-big");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let files =
        [("big.txt", "text", 100_000_000), ("big20.md", "markdown", 20_000_000), ("big5.md", "markdown", 5_000_000)];
    for (name, kind, size) in files {
        let path = dir.join(name);
        let source = make_file(&path, kind, size);
        println!("\n== {name}: {} MB from {source}", size / 1_000_000);
        let out = Process::new(std::env::current_exe().expect("test binary"))
            .args(["--ignored", "--exact", "bench_big_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .output()
            .expect("run the child");
        let text = String::from_utf8_lossy(&out.stdout);
        for line in text.lines().filter(|l| l.starts_with("  ")) {
            println!("{line}");
        }
        assert!(out.status.success(), "child failed: {}", String::from_utf8_lossy(&out.stderr));
    }
}

/// Measures one file (named by the environment); does nothing in a normal run.
#[test]
#[ignore]
fn bench_big_child() {
    let Some(path) = std::env::var_os(CHILD_ENV).map(PathBuf::from) else { return };
    // libtest prints "test ... " without a line end before the first output.
    println!();
    let file_mb = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    let mut term = Terminal::new(TestBackend::new(COLS, ROWS)).expect("test terminal");
    let theme = Theme { color: true, lean: false };

    let start = Instant::now();
    let library = Library::open_paths(std::slice::from_ref(&path));
    let mut app = App::new(library, COLS, ROWS, Settings::default());
    term.draw(|f| ui::render(&app, &theme, f)).expect("draw");
    let first = start.elapsed();
    println!("  first frame        {:>8.1} ms   (RSS {:.0} MB)", ms(first), rss_mb("VmRSS"));

    // Keys while the document is still loading.
    let mut during = Frames::default();
    during.time("j (loading)", &mut app, &mut term, &theme, |a| run(a, Command::LineDown));
    during.time("G (loading)", &mut app, &mut term, &theme, |a| run(a, Command::Bottom));
    during.time("resize (loading)", &mut app, &mut term, &theme, |a| {
        lectern::app::update::update(a, Action::Resize(COLS - 30, ROWS))
    });
    during.time("resize back (loading)", &mut app, &mut term, &theme, |a| {
        lectern::app::update::update(a, Action::Resize(COLS, ROWS))
    });
    during.time("g (loading)", &mut app, &mut term, &theme, |a| run(a, Command::Top));

    let mut worst_step = Duration::ZERO;
    let mut tree_done = None;
    while app.background_wait().is_some() {
        if tree_done.is_none() && app.library.loading.is_empty() {
            tree_done = Some(start.elapsed());
        }
        let t = Instant::now();
        if app.background_wait() == Some(Duration::ZERO) {
            app.background_step(Duration::from_millis(8));
        } else {
            std::thread::sleep(Duration::from_millis(5));
            app.background_step(Duration::from_millis(8));
        }
        worst_step = worst_step.max(t.elapsed());
    }
    let loaded = start.elapsed();
    // The full parse is in (the tree is complete); what follows is counting wrapped lines.
    println!("  tree complete      {:>8.1} ms", ms(tree_done.unwrap_or(loaded)));
    let doc = app.doc().expect("a document");
    println!(
        "  fully loaded       {:>8.1} ms   ({} blocks, {} sections, {} lines at {} cols; slowest background slice {:.1} ms)",
        ms(loaded),
        doc.blocks.len(),
        doc.outline.len(),
        app.view().map_or(0, |v| v.layout().len()),
        app.geometry().wrap_width,
        ms(worst_step)
    );
    println!("  RSS after loading  {:>8.0} MB   ({:.1}x the file)", rss_mb("VmRSS"), rss_mb("VmRSS") / file_mb);

    let mut frames = during;
    for _ in 0..50 {
        frames.time("j", &mut app, &mut term, &theme, |a| run(a, Command::LineDown));
    }
    for _ in 0..20 {
        frames.time("PageDown", &mut app, &mut term, &theme, |a| run(a, Command::PageDown));
    }
    frames.time("G", &mut app, &mut term, &theme, |a| run(a, Command::Bottom));
    frames.time("g", &mut app, &mut term, &theme, |a| run(a, Command::Top));
    frames.time("50%", &mut app, &mut term, &theme, |a| {
        lectern::app::update::update(a, Action::Run(Command::Percent, Some(50)))
    });
    for _ in 0..20 {
        frames.time("] next section", &mut app, &mut term, &theme, |a| run(a, Command::NextSection));
    }
    let sections = app.doc().map_or(0, |d| d.outline.len());
    for k in 1..=9 {
        frames.time("tree jump", &mut app, &mut term, &theme, |a| {
            let cur = a.current;
            a.views[cur].tree.cursor = sections * k / 10;
            run(a, Command::TreeOpen);
        });
    }
    for w in [120, 100, 80, 140, COLS] {
        frames
            .time("resize", &mut app, &mut term, &theme, |a| lectern::app::update::update(a, Action::Resize(w, ROWS)));
    }
    frames.print();
    println!("  peak RSS           {:>8.0} MB   ({:.1}x the file)", rss_mb("VmHWM"), rss_mb("VmHWM") / file_mb);
}

fn run(app: &mut App, cmd: Command) {
    lectern::app::update::update(app, Action::Run(cmd, None));
}

/// Frame times per action name, in order of first use.
#[derive(Default)]
struct Frames(Vec<(&'static str, Vec<Duration>)>);

impl Frames {
    fn time(
        &mut self,
        name: &'static str,
        app: &mut App,
        term: &mut Terminal<TestBackend>,
        theme: &Theme,
        act: impl FnOnce(&mut App),
    ) {
        let t = Instant::now();
        act(app);
        term.draw(|f| ui::render(app, theme, f)).expect("draw");
        let d = t.elapsed();
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => v.push(d),
            None => self.0.push((name, vec![d])),
        }
    }

    fn print(&self) {
        for (name, v) in &self.0 {
            let max = v.iter().max().copied().unwrap_or_default();
            let mean = v.iter().sum::<Duration>() / v.len().max(1) as u32;
            println!("  {name:<22} mean {:>6.2} ms  max {:>6.2} ms  ({} frames)", ms(mean), ms(max), v.len());
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn rss_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Write `size` bytes of `kind` text to `path` (kept between runs when the size matches);
/// returns where the text came from.
fn make_file(path: &Path, kind: &str, size: usize) -> String {
    let dir = Path::new("/work/shared/corpus").join(kind);
    let mut sources: Vec<PathBuf> =
        std::fs::read_dir(&dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    sources.retain(|p| p.is_file() && (kind == "text" || p.extension().is_some_and(|x| x == "md")));
    sources.sort();
    let parts: Vec<String> = sources.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let from = if parts.is_empty() {
        "generated text (corpus not found)".to_string()
    } else {
        format!("{} corpus files in {}", parts.len(), dir.display())
    };
    if std::fs::metadata(path).is_ok_and(|m| m.len() as usize == size) {
        return from;
    }
    let parts = if parts.is_empty() { vec![generated(kind == "markdown")] } else { parts };
    let mut text = String::with_capacity(size + (1 << 20));
    'fill: loop {
        for p in &parts {
            text.push_str(p);
            text.push_str("\n\n");
            if text.len() >= size {
                break 'fill;
            }
        }
    }
    // Cut at a line end at or before `size`, then pad with spaces to the exact size.
    let cut = text[..size].rfind('\n').map_or(0, |i| i + 1);
    text.truncate(cut);
    text.extend(std::iter::repeat_n(' ', size - cut));
    std::fs::write(path, text).expect("write the benchmark file");
    from
}

fn generated(markdown: bool) -> String {
    let words = ["reader", "chapter", "terminal", "section", "document", "window", "anchor", "width"];
    let mut out = String::new();
    for chapter in 1..=40 {
        out.push_str(&if markdown { format!("# Chapter {chapter}\n\n") } else { format!("CHAPTER {chapter}\n\n") });
        for para in 0..30 {
            for w in 0..90 {
                out.push_str(words[(chapter * 7 + para * 3 + w) % words.len()]);
                out.push(if w % 12 == 11 { '\n' } else { ' ' });
            }
            out.push_str("\n\n");
        }
    }
    out
}
