//! Load generation: N clients, each on its own keep-alive connection, sending one request
//! after the other (closed loop) for a fixed time; and the check before it that every route
//! answers 200.

use std::net::SocketAddr;
use std::time::Duration;

use hyper::StatusCode;
use tokio::time::Instant;

use crate::cli::RouteName;
use crate::http::{self, Connection};
use crate::report::RouteResult;
use crate::requests::RequestSet;
use crate::stats::{self, LatencySummary};

/// How long a client waits after a broken connection before it reconnects, so a dead server
/// does not turn the load generator into a busy loop.
const RECONNECT_PAUSE: Duration = Duration::from_millis(10);

/// One run of load against one route.
#[derive(Debug, Clone)]
pub struct LoadPlan {
    pub address: SocketAddr,
    pub requests: RequestSet,
    pub clients: usize,
    pub warmup: Duration,
    pub duration: Duration,
}

/// What the clients saw inside the measured window.
#[derive(Debug, Default)]
pub struct Measurement {
    /// Latency of every `200 OK`: from just before sending to the end of the body.
    pub latencies: Vec<Duration>,
    /// Responses other than `200 OK` and failed requests.
    pub errors: u64,
    /// A client found the route's requests used up (submit-form's links) and stopped early.
    pub ran_out: bool,
}

impl Measurement {
    /// All requests that finished inside the window, good or bad.
    pub fn requests(&self) -> u64 {
        self.latencies.len() as u64 + self.errors
    }

    fn absorb(&mut self, other: Measurement) {
        self.latencies.extend(other.latencies);
        self.errors += other.errors;
        self.ran_out |= other.ran_out;
    }
}

/// One request per route before any load: a route that does not answer 200 would only
/// produce a row of errors.
pub async fn check_routes(
    address: SocketAddr,
    routes: &[(RouteName, RequestSet)],
) -> Result<(), String> {
    for (route, requests) in routes {
        let request = requests
            .next()
            .ok_or_else(|| format!("{} has no request to send", route.name()))?;
        let (status, body) = http::send_once(address, request)
            .await
            .map_err(|e| format!("{} ({}) failed: {e}", request.describe(), route.name()))?;
        if status != StatusCode::OK {
            return Err(format!(
                "{} ({}) answered {status}, expected 200 OK:\n{}",
                request.describe(),
                route.name(),
                crate::excerpt(&body)
            ));
        }
    }
    Ok(())
}

/// Measures one route at one level; `ceiling_rps` is the ceiling's at this level.
pub async fn measure(
    route: RouteName,
    plan: &LoadPlan,
    ceiling_rps: f64,
) -> Result<RouteResult, String> {
    let mut measurement = run(plan).await?;
    let successes = measurement.latencies.len() as u64;
    let rps = stats::requests_per_second(successes, plan.duration);
    let ceiling_rps = if route == RouteName::Ceiling {
        rps
    } else {
        ceiling_rps
    };
    Ok(RouteResult {
        route,
        clients: plan.clients,
        requests: measurement.requests(),
        errors: measurement.errors,
        rps,
        latency: LatencySummary::from_latencies(&mut measurement.latencies),
        ceiling_ratio: stats::ceiling_ratio(rps, ceiling_rps),
        ran_out: measurement.ran_out,
    })
}

/// When the clients stop, and from when their requests count (before that: warmup).
#[derive(Debug, Clone, Copy)]
struct Window {
    recording_starts: Instant,
    ends: Instant,
}

impl Window {
    fn after_warmup(plan: &LoadPlan) -> Self {
        let recording_starts = Instant::now() + plan.warmup;
        Window {
            recording_starts,
            ends: recording_starts + plan.duration,
        }
    }
}

/// Runs the plan and merges what every client saw.
pub async fn run(plan: &LoadPlan) -> Result<Measurement, String> {
    let window = Window::after_warmup(plan);
    let clients: Vec<_> = (0..plan.clients)
        .map(|_| tokio::spawn(run_client(plan.address, plan.requests.clone(), window)))
        .collect();
    let mut total = Measurement::default();
    for client in clients {
        let seen = client
            .await
            .map_err(|e| format!("a load client failed: {e}"))?;
        total.absorb(seen);
    }
    Ok(total)
}

/// One client: a request, wait for the whole response, the next request, until the window
/// ends or the requests are used up. Reconnects when the connection breaks.
async fn run_client(address: SocketAddr, requests: RequestSet, window: Window) -> Measurement {
    let mut seen = Measurement::default();
    let mut connection: Option<Connection> = None;
    loop {
        let started = Instant::now();
        if started >= window.ends {
            return seen;
        }
        let outcome = request_once(&mut connection, address, &requests).await;
        let latency = started.elapsed();
        match outcome {
            Outcome::UsedUp => {
                seen.ran_out = true;
                return seen;
            }
            Outcome::Failed => tokio::time::sleep(RECONNECT_PAUSE).await,
            Outcome::Answered(_) => {}
        }
        if started < window.recording_starts {
            continue;
        }
        match outcome {
            Outcome::Answered(StatusCode::OK) => seen.latencies.push(latency),
            _ => seen.errors += 1,
        }
    }
}

/// What became of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Answered(StatusCode),
    /// No response: connecting, sending or reading failed.
    Failed,
    /// There was no request left to send.
    UsedUp,
}

/// Sends one request, opening the connection first if needed. On `Failed` the connection is
/// dropped, so the next request reconnects.
async fn request_once(
    connection: &mut Option<Connection>,
    address: SocketAddr,
    requests: &RequestSet,
) -> Outcome {
    let open = match connection {
        Some(open) => open,
        None => match Connection::open(address).await {
            Ok(opened) => connection.insert(opened),
            Err(_) => return Outcome::Failed,
        },
    };
    // Taken only once connected, so a reconnect does not skip a request of the rotation.
    let Some(request) = requests.next() else {
        return Outcome::UsedUp;
    };
    match open.send_and_discard(request).await {
        Ok(status) => Outcome::Answered(status),
        Err(_) => {
            *connection = None;
            Outcome::Failed
        }
    }
}
