//! What the scenario measured, and its table with the goals.

use std::time::Duration;

use crate::stats::{LatencySummary, milliseconds};

use super::{GOAL_P99, GOAL_RESIDENT_MB};

/// What to run.
#[derive(Debug, Clone, Copy)]
pub struct DialoguePlan {
    pub participants: usize,
    pub actions: usize,
    /// 1, or 2 on PostgreSQL.
    pub instances: usize,
}

/// Resident memory of one instance, MB of 2^20 bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InstanceMemory {
    /// After the joins, before any stream is open.
    pub before_mb: f64,
    /// With every stream open.
    pub connected_mb: f64,
    /// After the actions, streams still open.
    pub after_actions_mb: f64,
    /// Streams on this instance.
    pub streams: usize,
    /// The instance's CPU time (user and system) per "next card" action, the card and the
    /// timer that follows it, over every action (10 ms resolution in all).
    pub cpu_per_action: Duration,
}

impl InstanceMemory {
    /// What one open stream costs, in KB of 2^10 bytes.
    pub fn per_stream_kb(&self) -> f64 {
        if self.streams == 0 {
            return 0.0;
        }
        (self.connected_mb - self.before_mb) * 1024.0 / self.streams as f64
    }
}

/// What the scenario found.
#[derive(Debug, Clone)]
pub struct DialogueResult {
    pub plan: DialoguePlan,
    /// From just before each POST was sent to each participant's card.
    pub arrival: LatencySummary,
    /// The same per instance (A, B).
    pub arrival_by_instance: Vec<LatencySummary>,
    /// Arrivals counted from the 204 instead, in ms: negative when the card came first.
    pub from_answer_ms: SignedSummary,
    /// The POST's own time until its 204.
    pub post: LatencySummary,
    /// Per measured action: the POST until its 204, and until the last participant had
    /// the card (the timeout when one never did).
    pub per_action: Vec<(Duration, Duration)>,
    /// Arrivals measured (actions × participants, less the missing).
    pub arrivals: usize,
    /// Cards that did not arrive within the timeout.
    pub missing: usize,
    /// Streams that failed during the actions.
    pub failed_streams: usize,
    /// How long opening every stream took.
    pub connect_wall: Duration,
    /// `/healthz` with one client while the streams were open.
    pub ceiling: LatencySummary,
    pub memory: Vec<InstanceMemory>,
}

impl DialogueResult {
    pub fn total_connected_mb(&self) -> f64 {
        self.memory.iter().map(|m| m.connected_mb).sum()
    }

    pub fn total_after_actions_mb(&self) -> f64 {
        self.memory.iter().map(|m| m.after_actions_mb).sum()
    }

    fn latency_met(&self) -> bool {
        self.missing == 0 && self.failed_streams == 0 && self.arrival.p99 < GOAL_P99
    }

    fn memory_met(&self) -> bool {
        self.total_connected_mb().max(self.total_after_actions_mb()) < GOAL_RESIDENT_MB
    }
}

/// Percentiles of values that may be negative (ms).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SignedSummary {
    pub p50: f64,
    pub p99: f64,
    pub max: f64,
}

impl SignedSummary {
    pub(super) fn from_values(values: &mut [f64]) -> Self {
        values.sort_unstable_by(f64::total_cmp);
        let at = |percent: f64| {
            if values.is_empty() {
                return 0.0;
            }
            let rank = (percent / 100.0 * values.len() as f64).ceil() as usize;
            values[rank.clamp(1, values.len()) - 1]
        };
        SignedSummary {
            p50: at(50.0),
            p99: at(99.0),
            max: values.last().copied().unwrap_or_default(),
        }
    }
}

const INSTANCE_NAMES: [&str; 2] = ["A", "B"];

/// The scenario's table, with its goals.
pub fn table(result: &DialogueResult, ceiling_one_client: Option<LatencySummary>) -> String {
    let plan = result.plan;
    let instances = result.memory.len();
    let mut lines = vec![format!(
        "Live dialogue: {} participants on {instances} instance(s), {} \"next card\" actions \
         ({} arrivals, {} missing, {} streams failed; streams opened in {:.1} s)",
        plan.participants,
        plan.actions,
        result.arrivals,
        result.missing,
        result.failed_streams,
        result.connect_wall.as_secs_f64(),
    )];
    lines.push(format!(
        "{:<52} {:>8} {:>8} {:>8}",
        "latency", "p50 ms", "p99 ms", "max ms"
    ));
    let row = |what: &str, l: &LatencySummary| {
        format!(
            "{what:<52} {:>8.2} {:>8.2} {:>8.2}",
            milliseconds(l.p50),
            milliseconds(l.p99),
            milliseconds(l.max)
        )
    };
    lines.push(row(
        "card at every participant, from POST sent",
        &result.arrival,
    ));
    if instances > 1 {
        for (instance, latency) in result.arrival_by_instance.iter().enumerate() {
            let name = INSTANCE_NAMES.get(instance).unwrap_or(&"?");
            lines.push(row(&format!("  participants on instance {name}"), latency));
        }
    }
    let signed = result.from_answer_ms;
    lines.push(format!(
        "{:<52} {:>8.2} {:>8.2} {:>8.2}",
        "card, counted from the 204 (negative: before it)", signed.p50, signed.p99, signed.max
    ));
    lines.push(row("\"next card\" POST until its 204", &result.post));
    lines.push(row(
        "ceiling /healthz, 1 client, streams open",
        &result.ceiling,
    ));
    if let Some(ceiling) = ceiling_one_client {
        lines.push(row("ceiling /healthz, 1 client, before (table)", &ceiling));
    }
    lines.push(String::new());
    lines.push(format!(
        "{:<20} {:>8} {:>16} {:>14} {:>14} {:>16}",
        "resident memory MB",
        "before",
        "streams open",
        "after actions",
        "KB per stream",
        "CPU ms / action"
    ));
    for (instance, memory) in result.memory.iter().enumerate() {
        let name = INSTANCE_NAMES.get(instance).unwrap_or(&"?");
        lines.push(format!(
            "{:<20} {:>8.1} {:>16.1} {:>14.1} {:>14.1} {:>16.1}",
            format!("instance {name} ({})", memory.streams),
            memory.before_mb,
            memory.connected_mb,
            memory.after_actions_mb,
            memory.per_stream_kb(),
            milliseconds(memory.cpu_per_action),
        ));
    }
    lines.push(String::new());
    let verdict = |met: bool| if met { "met" } else { "NOT met" };
    lines.push(format!(
        "dialogue: p99 {:.1} ms (goal < {:.0} ms): {}",
        milliseconds(result.arrival.p99),
        milliseconds(GOAL_P99),
        if result.missing > 0 || result.failed_streams > 0 {
            "NOT met: cards were missing or streams failed"
        } else {
            verdict(result.latency_met())
        }
    ));
    lines.push(format!(
        "dialogue: {:.1} MB resident with {} connected{} (goal < {GOAL_RESIDENT_MB:.0} MB): {}",
        result
            .total_connected_mb()
            .max(result.total_after_actions_mb()),
        plan.participants,
        if instances > 1 {
            ", both instances together"
        } else {
            ""
        },
        verdict(result.memory_met())
    ));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogue::signed_ms;
    use tokio::time::Instant;

    fn summary(p50: u64, p99: u64, max: u64) -> LatencySummary {
        LatencySummary {
            p50: Duration::from_millis(p50),
            p99: Duration::from_millis(p99),
            max: Duration::from_millis(max),
        }
    }

    fn result(p99: u64, connected_mb: f64) -> DialogueResult {
        DialogueResult {
            plan: DialoguePlan {
                participants: 500,
                actions: 30,
                instances: 1,
            },
            arrival: summary(20, p99, p99 + 5),
            arrival_by_instance: vec![summary(20, p99, p99 + 5)],
            from_answer_ms: SignedSummary {
                p50: -3.0,
                p99: 10.0,
                max: 12.0,
            },
            post: summary(5, 9, 10),
            per_action: vec![(Duration::from_millis(5), Duration::from_millis(20)); 30],
            arrivals: 15_000,
            missing: 0,
            failed_streams: 0,
            connect_wall: Duration::from_secs(2),
            ceiling: summary(0, 1, 2),
            memory: vec![InstanceMemory {
                before_mb: 20.0,
                connected_mb,
                after_actions_mb: connected_mb,
                streams: 500,
                cpu_per_action: Duration::from_millis(12),
            }],
        }
    }

    #[test]
    fn the_goals_are_judged() {
        let table = table(&result(120, 40.0), None);
        assert!(
            table.contains("p99 120.0 ms (goal < 250 ms): met"),
            "{table}"
        );
        assert!(table.contains("40.0 MB resident with 500 connected (goal < 100 MB): met"));
        assert!(table.contains("-3.00"), "{table}");
        let table = super::table(&result(300, 140.0), None);
        assert!(table.contains("(goal < 250 ms): NOT met"), "{table}");
        assert!(table.contains("(goal < 100 MB): NOT met"), "{table}");
        let mut missing = result(100, 40.0);
        missing.missing = 3;
        assert!(super::table(&missing, None).contains("NOT met: cards were missing"));
    }

    #[test]
    fn a_stream_costs_the_difference_over_the_streams() {
        let memory = InstanceMemory {
            before_mb: 20.0,
            connected_mb: 30.0,
            after_actions_mb: 31.0,
            streams: 512,
            cpu_per_action: Duration::ZERO,
        };
        assert_eq!(memory.per_stream_kb(), 20.0);
    }

    #[test]
    fn signed_percentiles_keep_their_sign() {
        let mut values = vec![3.0, -2.0, 1.0, -5.0];
        let summary = SignedSummary::from_values(&mut values);
        assert_eq!(summary.p50, -2.0);
        assert_eq!(summary.p99, 3.0);
        assert_eq!(summary.max, 3.0);
        let earlier = Instant::now();
        let later = earlier + Duration::from_millis(4);
        assert_eq!(signed_ms(earlier, later), -4.0);
        assert_eq!(signed_ms(later, earlier), 4.0);
    }
}
