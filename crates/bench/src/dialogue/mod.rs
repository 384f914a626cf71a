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

mod result;
mod setup;
mod sse;

pub use result::{DialoguePlan, DialogueResult, InstanceMemory, SignedSummary, table};

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
pub(crate) fn signed_ms(at: Instant, reference: Instant) -> f64 {
    if at >= reference {
        milliseconds(at - reference)
    } else {
        -milliseconds(reference - at)
    }
}
