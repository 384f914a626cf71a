//! The live dialogue scenario (issue 12, `--routes dialogue`): many participants follow one
//! dialogue through server-sent events, the facilitator moves to the next card, and the bench
//! measures how long the card takes to reach every participant, and what the open streams
//! cost the server in resident memory.
//!
//! 1. The demo school leader (the fixture's API token) starts a dialogue on instance A
//!    (`POST /dialogen`, Trek een kaart, the dialogue cards and every domain's indicator
//!    cards) and reads the join code off the projector screen.
//! 2. `--dialogue-participants` (500) join with the code and a name (`POST /meedoen`),
//!    participant `i` on instance `i % instances`. On PostgreSQL a second server (instance B)
//!    is started on the same database, and the instances share events through LISTEN/NOTIFY.
//! 3. Resident memory of every instance (`VmRSS`), one settling second after the joins.
//! 4. Every participant opens its stream (`GET /d/{token}/stroom?na=N`, where N is the
//!    number on the participant's screen, as the browser's script does), each on its own raw
//!    TCP connection (`sse.rs`); all stay open. Once every stream has sent its first line,
//!    and one settling second later, resident memory again.
//! 5. For reference, the ceiling (`/healthz`) with one client for 2 s, with the streams open.
//! 6. The facilitator's "next card", `POST /dialogen/{id}/bediening` with `actie=volgende`
//!    and `Accept: application/json` (204), `--dialogue-actions` (50) times after 2 unrecorded
//!    ones, one at a time: the next is sent once every participant has the card (or after
//!    10 s) and 100 ms have passed. For each participant the bench notes when the card
//!    event's `data:` line with that round arrived. The latency reported is from just before
//!    the POST was sent to that arrival; the POST's own time to its 204, and the arrivals
//!    counted from the 204, are shown beside it.
//! 7. Resident memory after the actions, with the streams still open.
//!
//! Goals on the 2-core machine: p99 under 250 ms, and under 100 MB resident with the 500
//! connected (on two instances: both together).

mod setup;
mod sse;

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use hyper::StatusCode;
use tokio::sync::mpsc;
use tokio::time::Instant;

use crate::http::{Connection, RequestSpec};
use crate::load::{self, LoadPlan};
use crate::requests::RequestSet;
use crate::server::{DataDir, ServerProcess};
use crate::stats::{LatencySummary, milliseconds};
use sse::Message;

/// The card should reach 99 % of the participants within this.
pub const GOAL_P99: Duration = Duration::from_millis(250);
/// The server(s) should stay under this many MB with the participants connected.
pub const GOAL_RESIDENT_MB: f64 = 100.0;

/// "Next card" actions before the measured ones, not recorded.
const WARMUP_ACTIONS: usize = 2;
/// How long the bench waits for every participant to get a card.
const ARRIVAL_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the streams may take to open.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(60);
/// Between one action's last arrival and the next action.
const PAUSE: Duration = Duration::from_millis(100);
/// Before each memory reading: time for the server to finish what it started.
const SETTLE: Duration = Duration::from_secs(1);
/// The ceiling reference with the streams open.
const CEILING_DURATION: Duration = Duration::from_secs(2);
const CEILING_WARMUP: Duration = Duration::from_millis(500);

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
    fn from_values(values: &mut [f64]) -> Self {
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

/// Runs the scenario against `main` (instance A), starting instance B on `database_url` when
/// the plan asks for two; B is stopped before this returns.
pub async fn measure(
    plan: DialoguePlan,
    binary: &Path,
    database_url: Option<&str>,
    main: &ServerProcess,
    token: &str,
) -> Result<DialogueResult, String> {
    let second = if plan.instances > 1 {
        let mut second = ServerProcess::start(binary, DataDir::fresh()?, database_url)?;
        second.wait_until_ready().await?;
        Some(second)
    } else {
        None
    };
    let mut servers = vec![main];
    servers.extend(second.as_ref());
    let addresses: Vec<SocketAddr> = servers.iter().map(|s| s.address).collect();

    let started = setup::start(main.address, token).await?;
    let joined = Instant::now();
    let tokens = setup::join_all(&addresses, &started.code, plan.participants).await?;
    println!(
        "Dialogue {} (code {}): {} participants joined in {:.1} s on {} instance(s).",
        started.id,
        started.code,
        plan.participants,
        joined.elapsed().as_secs_f64(),
        addresses.len()
    );
    let seq = setup::last_event(main.address, &tokens[0]).await?;
    tokio::time::sleep(SETTLE).await;
    let before = resident(&servers)?;

    let (sender, mut messages) = mpsc::unbounded_channel();
    let mut followers = tokio::task::JoinSet::new();
    let connecting = Instant::now();
    for (participant, token) in tokens.iter().enumerate() {
        let address = addresses[participant % addresses.len()];
        let path = format!("/d/{token}/stroom?na={seq}");
        followers.spawn(sse::follow(address, path, participant, sender.clone()));
    }
    drop(sender);
    wait_until_connected(&mut messages, plan.participants).await?;
    let connect_wall = connecting.elapsed();
    tokio::time::sleep(SETTLE).await;
    let connected = resident(&servers)?;

    let ceiling = ceiling_with_streams_open(main.address).await?;
    let cpu_before = cpu(&servers)?;
    let actions = run_actions(plan, main.address, token, started.id, &mut messages).await?;
    let cpu_after = cpu(&servers)?;
    tokio::time::sleep(SETTLE).await;
    let after = resident(&servers)?;
    followers.shutdown().await;
    drop(second);

    let memory = (0..addresses.len())
        .map(|instance| InstanceMemory {
            cpu_per_action: Duration::from_secs_f64(
                (cpu_after[instance] - cpu_before[instance]).max(0.0)
                    / (WARMUP_ACTIONS + plan.actions) as f64,
            ),
            before_mb: before[instance],
            connected_mb: connected[instance],
            after_actions_mb: after[instance],
            streams: (0..plan.participants)
                .filter(|p| p % addresses.len() == instance)
                .count(),
        })
        .collect();
    Ok(actions.into_result(plan, addresses.len(), connect_wall, ceiling, memory))
}

fn resident(servers: &[&ServerProcess]) -> Result<Vec<f64>, String> {
    servers.iter().map(|s| s.resident_mb()).collect()
}

fn cpu(servers: &[&ServerProcess]) -> Result<Vec<f64>, String> {
    servers.iter().map(|s| s.cpu_seconds()).collect()
}

async fn wait_until_connected(
    messages: &mut mpsc::UnboundedReceiver<(usize, Message)>,
    participants: usize,
) -> Result<(), String> {
    let deadline = Instant::now() + CONNECT_TIMEOUT;
    let mut ready = 0;
    while ready < participants {
        match tokio::time::timeout_at(deadline, messages.recv()).await {
            Ok(Some((_, Message::Ready))) => ready += 1,
            Ok(Some((_, Message::Card { .. }))) => {}
            Ok(Some((participant, Message::Failed(error)))) => {
                return Err(format!(
                    "the stream of participant P{participant} failed: {error}"
                ));
            }
            Ok(None) => return Err("every stream ended".into()),
            Err(_) => {
                return Err(format!(
                    "only {ready} of {participants} streams opened within {} s",
                    CONNECT_TIMEOUT.as_secs()
                ));
            }
        }
    }
    Ok(())
}

async fn ceiling_with_streams_open(address: SocketAddr) -> Result<LatencySummary, String> {
    let plan = LoadPlan {
        address,
        requests: RequestSet::one(RequestSpec::get("/healthz")?),
        clients: 1,
        warmup: CEILING_WARMUP,
        duration: CEILING_DURATION,
    };
    let mut measured = load::run(&plan).await?;
    if measured.errors > 0 {
        return Err(format!(
            "/healthz failed {} times with the streams open",
            measured.errors
        ));
    }
    Ok(LatencySummary::from_latencies(&mut measured.latencies))
}

/// What the actions gave, before it is summed up.
#[derive(Default)]
struct Actions {
    arrivals: Vec<(usize, Duration)>,
    from_answer_ms: Vec<f64>,
    posts: Vec<Duration>,
    per_action: Vec<(Duration, Duration)>,
    missing: usize,
    failed_streams: usize,
}

impl Actions {
    fn into_result(
        mut self,
        plan: DialoguePlan,
        instances: usize,
        connect_wall: Duration,
        ceiling: LatencySummary,
        memory: Vec<InstanceMemory>,
    ) -> DialogueResult {
        let arrival_by_instance = (0..instances)
            .map(|instance| {
                let mut latencies: Vec<Duration> = self
                    .arrivals
                    .iter()
                    .filter(|(participant, _)| participant % instances == instance)
                    .map(|(_, latency)| *latency)
                    .collect();
                LatencySummary::from_latencies(&mut latencies)
            })
            .collect();
        let mut all: Vec<Duration> = self.arrivals.iter().map(|(_, l)| *l).collect();
        DialogueResult {
            plan,
            arrival: LatencySummary::from_latencies(&mut all),
            arrival_by_instance,
            from_answer_ms: SignedSummary::from_values(&mut self.from_answer_ms),
            post: LatencySummary::from_latencies(&mut self.posts),
            per_action: self.per_action,
            arrivals: self.arrivals.len(),
            missing: self.missing,
            failed_streams: self.failed_streams,
            connect_wall,
            ceiling,
            memory,
        }
    }
}

/// The "next card" actions, one at a time; the first `WARMUP_ACTIONS` are not recorded.
async fn run_actions(
    plan: DialoguePlan,
    address: SocketAddr,
    token: &str,
    dialogue: i64,
    messages: &mut mpsc::UnboundedReceiver<(usize, Message)>,
) -> Result<Actions, String> {
    let next = RequestSpec::post_form(
        &format!("/dialogen/{dialogue}/bediening"),
        &[("actie", "volgende")],
    )?
    .with_bearer(token)?
    .with_header("accept", "application/json");
    let mut facilitator = Connection::open(address)
        .await
        .map_err(|e| format!("the facilitator cannot connect: {e}"))?;
    let mut actions = Actions::default();
    let mut failed = vec![false; plan.participants];
    for action in 0..WARMUP_ACTIONS + plan.actions {
        // A fresh dialogue has no card yet: action k puts round k + 1 on the table.
        let round = u32::try_from(action + 1).unwrap_or(u32::MAX);
        let recorded = action >= WARMUP_ACTIONS;
        let sent = Instant::now();
        let (status, body) = facilitator
            .send(&next)
            .await
            .map_err(|e| format!("\"next card\" failed: {e}"))?;
        let answered = Instant::now();
        if status != StatusCode::NO_CONTENT {
            return Err(format!(
                "\"next card\" (round {round}) answered {status}, expected 204:\n{}",
                crate::excerpt(&body)
            ));
        }
        let mut last = Duration::ZERO;
        let mut have = vec![false; plan.participants];
        let mut arrived = failed.iter().filter(|f| **f).count();
        let deadline = sent + ARRIVAL_TIMEOUT;
        while arrived < plan.participants {
            let Ok(message) = tokio::time::timeout_at(deadline, messages.recv()).await else {
                break;
            };
            let Some((participant, message)) = message else {
                break;
            };
            match message {
                Message::Card { round: seen, at } if seen == round && !have[participant] => {
                    have[participant] = true;
                    arrived += 1;
                    last = last.max(at - sent);
                    if recorded {
                        actions.arrivals.push((participant, at - sent));
                        actions.from_answer_ms.push(signed_ms(at, answered));
                    }
                }
                Message::Failed(_) if !failed[participant] => {
                    failed[participant] = true;
                    arrived += 1;
                }
                _ => {}
            }
        }
        if recorded {
            actions.posts.push(answered - sent);
            if arrived < plan.participants {
                last = ARRIVAL_TIMEOUT;
            }
            actions.per_action.push((answered - sent, last));
            actions.missing += plan.participants - arrived;
        }
        tokio::time::sleep(PAUSE).await;
    }
    actions.failed_streams = failed.iter().filter(|f| **f).count();
    Ok(actions)
}

/// `at − reference` in ms, negative when `at` came first.
fn signed_ms(at: Instant, reference: Instant) -> f64 {
    if at >= reference {
        milliseconds(at - reference)
    } else {
        -milliseconds(reference - at)
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
