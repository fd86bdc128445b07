//! The background ranking worker: newest submission wins, results arrive on the channel,
//! the notifier fires.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use lectern::doc::{Block, BlockKind, Document, Format, Origin};
use lectern::search::{Index, Scope, Worker};

fn big_doc() -> Document {
    let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
    let blocks = (0..20_000)
        .map(|i| {
            let text: Vec<&str> = (0..12).map(|k| words[(i * 7 + k * 3) % words.len()]).collect();
            Block::new(BlockKind::Paragraph, format!("{} item{i}", text.join(" ")))
        })
        .collect();
    Document {
        title: "big".into(),
        origin: Origin::Stdin,
        format: Format::Plain,
        blocks,
        outline: Vec::new(),
        notices: Vec::new(),
    }
}

fn wait_for(worker: &Worker, generation: u64) -> Vec<(u64, usize)> {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut got = Vec::new();
    while Instant::now() < deadline {
        if let Ok((g, hits)) = worker.results().recv_timeout(Duration::from_millis(100)) {
            got.push((g, hits.len()));
            if g == generation {
                return got;
            }
        }
    }
    panic!("generation {generation} never arrived; got {got:?}");
}

#[test]
fn newest_submission_wins() {
    let index = Arc::new(Index::build(&[big_doc()]));
    let notified = Arc::new(AtomicUsize::new(0));
    let n = notified.clone();
    let worker = Worker::spawn(
        index,
        Box::new(move || {
            n.fetch_add(1, Ordering::SeqCst);
        }),
    );
    let queries = ["a", "al", "alp", "alph", "alpha", "alpha i", "alpha item1", "alpha item19999"];
    for (g, q) in queries.iter().enumerate() {
        worker.submit(g as u64 + 1, q, Scope::Library, 10);
    }
    let last = queries.len() as u64;
    let got = wait_for(&worker, last);
    // Results arrive oldest to newest, and the newest is the exact query's result.
    assert!(got.windows(2).all(|w| w[0].0 < w[1].0), "{got:?}");
    assert_eq!(got.last(), Some(&(last, 1)));
    // Nothing stale arrives afterwards.
    std::thread::sleep(Duration::from_millis(200));
    assert!(worker.latest_result().is_none());
    assert_eq!(notified.load(Ordering::SeqCst), got.len());
}

#[test]
fn superseded_work_is_not_delivered() {
    let index = Arc::new(Index::build(&[big_doc()]));
    let worker = Worker::spawn(index, Box::new(|| {}));
    // Many submissions in a burst: the worker skips to the newest queued job, and a running
    // job sees the newer generation through its cancel check.
    for g in 1..=200u64 {
        worker.submit(g, if g % 2 == 0 { "echo" } else { "golf" }, Scope::Library, 5);
    }
    let got = wait_for(&worker, 200);
    assert!(got.len() < 200, "every job ran: {}", got.len());
    assert_eq!(worker.latest_generation(), 200);
}

#[test]
fn index_can_be_replaced() {
    let worker = Worker::spawn(Arc::new(Index::build(&[big_doc()])), Box::new(|| {}));
    worker.submit(1, "zulu", Scope::Library, 5);
    assert_eq!(wait_for(&worker, 1).last(), Some(&(1, 0)));
    let mut d = big_doc();
    d.blocks.push(Block::new(BlockKind::Paragraph, "zulu time"));
    worker.set_index(Arc::new(Index::build(&[d])));
    worker.submit(2, "zulu", Scope::Library, 5);
    assert_eq!(wait_for(&worker, 2).last(), Some(&(2, 1)));
}
