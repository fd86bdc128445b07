//! The `lectern` binary: wires the library together; no logic of its own.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use lectern::app::App;
use lectern::cli::Cli;
use lectern::layout::Layout;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(sub) = &cli.command {
        return match lectern::app::notes_cli::run(sub, cli.data_dir.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("lectern: {}", lectern::doc::sanitize::visible(&e));
                ExitCode::FAILURE
            }
        };
    }
    let mut library = match cli.open_library() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("lectern: cannot read stdin: {e}");
            return ExitCode::FAILURE;
        }
    };
    for p in &library.problems {
        eprintln!("lectern: {}", lectern::doc::sanitize::visible(p));
    }
    if let Some(n) = library.skipped_notice() {
        eprintln!("lectern: {n}");
    }
    if library.docs.is_empty() {
        eprintln!("lectern: nothing to read");
        return ExitCode::FAILURE;
    }
    if cli.outline || !std::io::stdout().is_terminal() {
        library.finish_loading();
    }
    if cli.outline {
        let mut out = std::io::stdout().lock();
        for d in &library.docs {
            let _ = writeln!(out, "# {}\n{}", lectern::doc::sanitize::visible(&d.title), d.outline_text());
        }
        return ExitCode::SUCCESS;
    }
    if !std::io::stdout().is_terminal() {
        // Like less: when the output is not a terminal, just print the text.
        print_plain(&library, cli.settings().0.max_text_width);
        return ExitCode::SUCCESS;
    }
    let (cols, rows) = crossterm::terminal::size().unwrap_or((80, 24));
    let (settings, mut setting_problems) = cli.settings();
    let mut app = App::new(library, cols, rows, settings);
    if let Some((path, text)) = lectern::cli::user_keymap() {
        let problems = match text {
            Ok(t) => app.keymap.apply_overrides(&t),
            Err(e) => vec![format!("cannot read: {e}")],
        };
        setting_problems.extend(problems.into_iter().map(|p| format!("{}: {p}", path.display())));
    }
    if !setting_problems.is_empty() {
        app.message = Some(setting_problems.join("; "));
    }
    app.attach_store(lectern::store::Store::open_default(cli.data_dir.as_deref()));
    match lectern::term::run::run(&mut app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lectern: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print_plain(library: &lectern::library::Library, width: u16) {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for doc in &library.docs {
        let layout = Layout::build(doc, width);
        for i in 0..layout.len() {
            let line: String = layout.segments(doc, i).iter().map(|s| s.text.as_ref()).collect();
            if writeln!(out, "{}", line.trim_end()).is_err() {
                return;
            }
        }
    }
}
