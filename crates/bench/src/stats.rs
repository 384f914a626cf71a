//! The arithmetic: percentiles, throughput and the comparison with the ceiling.

use std::time::Duration;

/// The share of the ceiling each page should reach: the project's goal.
pub const GOAL_CEILING_RATIO: f64 = 0.5;

/// Latency figures of one measurement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatencySummary {
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
}

impl LatencySummary {
    /// Summarises the latencies (sorted in place); all zero when there are none.
    pub fn from_latencies(latencies: &mut [Duration]) -> Self {
        latencies.sort_unstable();
        LatencySummary {
            p50: percentile(latencies, 50.0),
            p99: percentile(latencies, 99.0),
            max: latencies.last().copied().unwrap_or_default(),
        }
    }
}

/// The nearest-rank percentile of `sorted`: the smallest value that at least `percent` % of
/// the values do not exceed. Zero for an empty list.
pub fn percentile(sorted: &[Duration], percent: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (percent / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Requests per second over the measured window.
pub fn requests_per_second(requests: u64, window: Duration) -> f64 {
    if window.is_zero() {
        return 0.0;
    }
    requests as f64 / window.as_secs_f64()
}

/// A route's throughput as a fraction of the ceiling's at the same concurrency.
pub fn ceiling_ratio(route_rps: f64, ceiling_rps: f64) -> Option<f64> {
    (ceiling_rps > 0.0).then(|| route_rps / ceiling_rps)
}

pub fn milliseconds(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn millis(values: impl IntoIterator<Item = u64>) -> Vec<Duration> {
        values.into_iter().map(Duration::from_millis).collect()
    }

    #[test]
    fn percentiles_of_one_to_a_hundred_are_the_rank_itself() {
        let sorted = millis(1..=100);
        assert_eq!(percentile(&sorted, 50.0), Duration::from_millis(50));
        assert_eq!(percentile(&sorted, 99.0), Duration::from_millis(99));
        assert_eq!(percentile(&sorted, 100.0), Duration::from_millis(100));
        assert_eq!(percentile(&sorted, 0.0), Duration::from_millis(1));
    }

    #[test]
    fn percentiles_of_short_lists_round_up_to_a_real_value() {
        let sorted = millis([10, 20, 30]);
        assert_eq!(percentile(&sorted, 50.0), Duration::from_millis(20));
        assert_eq!(percentile(&sorted, 99.0), Duration::from_millis(30));
        assert_eq!(percentile(&[], 50.0), Duration::ZERO);
    }

    #[test]
    fn the_summary_sorts_first() {
        let mut latencies = millis([5, 1, 4, 2, 3]);
        let summary = LatencySummary::from_latencies(&mut latencies);
        assert_eq!(summary.p50, Duration::from_millis(3));
        assert_eq!(summary.p99, Duration::from_millis(5));
        assert_eq!(summary.max, Duration::from_millis(5));
    }

    #[test]
    fn throughput_is_requests_over_the_window() {
        assert_eq!(requests_per_second(500, Duration::from_secs(5)), 100.0);
        assert_eq!(requests_per_second(7, Duration::ZERO), 0.0);
    }

    #[test]
    fn the_ceiling_ratio_compares_with_the_ceiling() {
        assert_eq!(ceiling_ratio(2500.0, 10000.0), Some(0.25));
        assert_eq!(ceiling_ratio(10000.0, 10000.0), Some(1.0));
        assert_eq!(ceiling_ratio(100.0, 0.0), None);
    }

    #[test]
    fn milliseconds_keep_their_fraction() {
        assert_eq!(milliseconds(Duration::from_micros(1500)), 1.5);
    }
}
