//! Fuzzy ranking off the UI thread. The UI submits queries tagged with a generation number;
//! a newer submission cancels the running one; results come back on a channel the UI
//! polls, and a caller-supplied notifier wakes the UI loop after each result is sent.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::thread::JoinHandle;

use super::{Hit, Index, Ranker, Scope};

enum Job {
    Rank { generation: u64, query: String, scope: Scope, limit: usize },
    SetIndex(Arc<Index>),
}

pub struct Worker {
    jobs: Option<Sender<Job>>,
    latest: Arc<AtomicU64>,
    shutdown: Arc<AtomicBool>,
    results: Receiver<(u64, Vec<Hit>)>,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    /// Start the thread. `notify` runs on the worker thread after each result is sent.
    pub fn spawn(index: Arc<Index>, notify: Box<dyn Fn() + Send>) -> Worker {
        let (jobs, job_rx) = channel();
        let (result_tx, results) = channel();
        let latest = Arc::new(AtomicU64::new(0));
        let shutdown = Arc::new(AtomicBool::new(false));
        let state = Shared { latest: latest.clone(), shutdown: shutdown.clone() };
        let thread = std::thread::Builder::new()
            .name("lectern-search".into())
            .spawn(move || run(index, job_rx, result_tx, notify, state))
            .ok();
        Worker { jobs: Some(jobs), latest, shutdown, results, thread }
    }

    /// Rank `query`; any older query still running is abandoned. Generations should grow.
    pub fn submit(&self, generation: u64, query: &str, scope: Scope, limit: usize) {
        self.latest.store(generation, Ordering::SeqCst);
        self.send(Job::Rank { generation, query: query.to_string(), scope, limit });
    }

    /// Search a new index from the next query on (e.g. after notes changed).
    pub fn set_index(&self, index: Arc<Index>) {
        self.send(Job::SetIndex(index));
    }

    /// The channel results arrive on: (generation, hits).
    pub fn results(&self) -> &Receiver<(u64, Vec<Hit>)> {
        &self.results
    }

    /// Drain the channel and keep the newest result, if any arrived.
    pub fn latest_result(&self) -> Option<(u64, Vec<Hit>)> {
        self.results.try_iter().last()
    }

    /// The generation most recently submitted.
    pub fn latest_generation(&self) -> u64 {
        self.latest.load(Ordering::SeqCst)
    }

    fn send(&self, job: Job) {
        if let Some(tx) = &self.jobs {
            // A dead worker thread only means no results; the UI keeps working.
            let _ = tx.send(job);
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.shutdown.store(true, Ordering::SeqCst);
        self.jobs = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

struct Shared {
    latest: Arc<AtomicU64>,
    shutdown: Arc<AtomicBool>,
}

fn run(
    mut index: Arc<Index>,
    jobs: Receiver<Job>,
    results: Sender<(u64, Vec<Hit>)>,
    notify: Box<dyn Fn() + Send>,
    s: Shared,
) {
    let mut ranker = Ranker::default();
    while let Ok(first) = jobs.recv() {
        // Skip straight to the newest query; index swaps are applied in order.
        let mut pending = None;
        let mut next = Some(first);
        while let Some(job) = next {
            match job {
                Job::SetIndex(i) => {
                    index = i;
                    ranker.reset();
                }
                rank @ Job::Rank { .. } => pending = Some(rank),
            }
            next = match jobs.try_recv() {
                Ok(j) => Some(j),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => return,
            };
        }
        let Some(Job::Rank { generation, query, scope, limit }) = pending else { continue };
        let cancelled = || s.shutdown.load(Ordering::Relaxed) || s.latest.load(Ordering::Relaxed) != generation;
        if let Some(hits) = ranker.rank(&index, &query, scope, limit, &cancelled) {
            if cancelled() {
                continue;
            }
            if results.send((generation, hits)).is_err() {
                return;
            }
            notify();
        }
    }
}
