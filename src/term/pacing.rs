//! Frame pacing for slow links (`--bandwidth BYTES_PER_S`), as a byte-budget clock: after N
//! bytes are written the link counts as busy for N / rate seconds. While it is busy the loop
//! keeps applying input but draws nothing; when it frees, one frame with the latest state goes
//! out. Pure (time is passed in), so it is tested without sleeping.

use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Pacer {
    /// Bytes per second; None sends every frame at once.
    rate: Option<u64>,
    /// When the bytes written so far will have crossed the link.
    free_at: Option<Instant>,
}

impl Pacer {
    /// A rate of 0 means no pacing (there is no such thing as a link that carries nothing).
    pub fn new(rate: Option<u64>) -> Pacer {
        Pacer { rate: rate.filter(|&r| r > 0), free_at: None }
    }

    /// Record that `bytes` were written at `now`; they queue behind what is still on the wire.
    pub fn sent(&mut self, bytes: u64, now: Instant) {
        let Some(rate) = self.rate else { return };
        if bytes == 0 {
            return;
        }
        let start = self.free_at.map_or(now, |t| t.max(now));
        let secs = bytes as f64 / rate as f64;
        self.free_at = Some(start + Duration::from_secs_f64(secs));
    }

    /// How long a due frame must still wait at `now`; None when the link is free.
    pub fn delay(&self, now: Instant) -> Option<Duration> {
        let free_at = self.free_at?;
        (free_at > now).then(|| free_at - now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpaced_is_always_free() {
        let mut p = Pacer::new(None);
        let t = Instant::now();
        p.sent(1_000_000, t);
        assert_eq!(p.delay(t), None);
        let mut zero = Pacer::new(Some(0));
        zero.sent(10, t);
        assert_eq!(zero.delay(t), None);
    }

    #[test]
    fn bytes_keep_the_link_busy_for_their_time_on_the_wire() {
        let mut p = Pacer::new(Some(1000));
        let t = Instant::now();
        p.sent(500, t);
        assert_eq!(p.delay(t), Some(Duration::from_millis(500)));
        assert_eq!(p.delay(t + Duration::from_millis(200)), Some(Duration::from_millis(300)));
        assert_eq!(p.delay(t + Duration::from_millis(500)), None);
        // A second frame sent while the first is on the wire queues behind it.
        p.sent(250, t + Duration::from_millis(100));
        assert_eq!(p.delay(t), Some(Duration::from_millis(750)));
        // Once idle, the clock starts from now, not from the past.
        p.sent(100, t + Duration::from_secs(5));
        assert_eq!(p.delay(t + Duration::from_secs(5)), Some(Duration::from_millis(100)));
    }

    #[test]
    fn an_empty_frame_costs_nothing() {
        let mut p = Pacer::new(Some(10));
        let t = Instant::now();
        p.sent(0, t);
        assert_eq!(p.delay(t), None);
    }
}
