//! Load generation: N clients, each on its own keep-alive connection, sending one request
//! after the other (closed loop) for a fixed time.

use std::net::SocketAddr;
use std::time::Duration;

use hyper::StatusCode;
use tokio::time::Instant;

use crate::http::Connection;
use crate::requests::RequestSet;

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
}

impl Measurement {
    /// All requests that finished inside the window, good or bad.
    pub fn requests(&self) -> u64 {
        self.latencies.len() as u64 + self.errors
    }

    fn absorb(&mut self, other: Measurement) {
        self.latencies.extend(other.latencies);
        self.errors += other.errors;
    }
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
/// ends. Reconnects when the connection breaks.
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
        if outcome.is_none() {
            tokio::time::sleep(RECONNECT_PAUSE).await;
        }
        if started < window.recording_starts {
            continue;
        }
        match outcome {
            Some(StatusCode::OK) => seen.latencies.push(latency),
            Some(_) | None => seen.errors += 1,
        }
    }
}

/// Sends one request, opening the connection first if needed. `None` when the request did
/// not get a response; the connection is then dropped so the next request reconnects.
async fn request_once(
    connection: &mut Option<Connection>,
    address: SocketAddr,
    requests: &RequestSet,
) -> Option<StatusCode> {
    let open = match connection {
        Some(open) => open,
        None => connection.insert(Connection::open(address).await.ok()?),
    };
    // Taken only once connected, so a reconnect does not skip a request of the rotation.
    match open.send_and_discard(requests.next()).await {
        Ok(status) => Some(status),
        Err(_) => {
            *connection = None;
            None
        }
    }
}
