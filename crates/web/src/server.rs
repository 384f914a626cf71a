//! The accept loop: HTTP/1.1 on hyper, with the limits that keep one client from holding the
//! server. `axum::serve` has none of them: a client that sends a request line and a header and
//! then nothing keeps its connection, and its task, for ever, any number of such clients are
//! accepted, and one of them keeps a graceful shutdown from ever finishing.
//!
//! - **Reading a request's head** (request line and headers) must finish within
//!   [`ServeOptions::header_read_timeout`], or hyper closes the connection. Hyper starts that
//!   clock as soon as it waits for the next request, so the same limit also closes keep-alive
//!   connections that sit idle between requests, and connections that never send a byte.
//! - **At most [`ServeOptions::max_connections`] connections are open.** When all are taken,
//!   the loop stops accepting until one closes; new clients wait in the kernel's listen backlog
//!   and are served in turn. That protects the server better than accepting and closing at once:
//!   it spends nothing on clients it cannot serve, keeps its file descriptors and memory
//!   bounded, and honest clients are delayed rather than refused. The header read timeout makes
//!   sure a slot held by a silent client frees up again.
//! - **On shutdown** the listener is closed, every connection is asked to finish gracefully
//!   (idle ones close at once, requests in flight are completed, keep-alive ends), and after
//!   [`ServeOptions::shutdown_grace`] whatever is still open is dropped and [`serve`] returns.
//!   Hyper waits for a connection whose first request has only partly arrived, so without
//!   the deadline one such client would hold up the shutdown until its header read timeout.
//!
//! Each request carries `ConnectInfo<SocketAddr>`, the peer address, as `axum::serve` does: the
//! sign-in throttle counts failures per client address.

use std::future::Future;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tower::ServiceExt;

/// How long the loop pauses after an accept error that is not about one connection (out of
/// file descriptors or memory), so it does not spin while the cause lasts.
const ACCEPT_ERROR_PAUSE: Duration = Duration::from_secs(1);

/// The limits of the HTTP server. `leidraad serve` takes them from flags; the defaults suit a
/// small installation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServeOptions {
    /// A request's line and headers must arrive within this time, counted from when the
    /// connection is ready for the next request; it also closes idle keep-alive connections.
    pub header_read_timeout: Duration,
    /// At most this many connections are open at once; more wait to be accepted.
    pub max_connections: usize,
    /// After the shutdown signal, connections get this long to finish before they are dropped.
    pub shutdown_grace: Duration,
}

impl ServeOptions {
    pub const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
    pub const DEFAULT_MAX_CONNECTIONS: usize = 1024;
    pub const DEFAULT_SHUTDOWN_GRACE: Duration = Duration::from_secs(10);
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            header_read_timeout: Self::DEFAULT_HEADER_READ_TIMEOUT,
            max_connections: Self::DEFAULT_MAX_CONNECTIONS,
            shutdown_grace: Self::DEFAULT_SHUTDOWN_GRACE,
        }
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then drains connections for at most
/// the grace period. Errors accepting one connection are logged and never end the loop.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    options: ServeOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(options.header_read_timeout);
    // At least one, or nothing would ever be served.
    let slots = Arc::new(Semaphore::new(options.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);

    loop {
        // Finished connections leave the set here, so it holds at most the open ones.
        while connections.try_join_next().is_some() {}
        let slot = tokio::select! {
            biased;
            () = &mut shutdown => break,
            slot = Arc::clone(&slots).acquire_owned() => {
                slot.expect("the semaphore is never closed")
            }
        };
        let (stream, peer) = tokio::select! {
            biased;
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) if is_connection_error(&error) => continue,
                Err(error) => {
                    tracing::error!(%error, "cannot accept a connection");
                    tokio::select! {
                        () = &mut shutdown => break,
                        () = tokio::time::sleep(ACCEPT_ERROR_PAUSE) => continue,
                    }
                }
            },
        };
        // Responses go out whole; waiting for the client's ACK would only add latency.
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
            // What `into_make_service_with_connect_info` would add: the peer address.
            request.extensions_mut().insert(ConnectInfo(peer));
            app.clone().oneshot(request)
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        connections.spawn(async move {
            // Errors here are the client's: a reset, a header timeout, a malformed request.
            if let Err(error) = connection.await {
                tracing::debug!(%error, "connection ended with an error");
            }
            // The slot is given back when the connection is done (or its task is aborted).
            drop(slot);
        });
    }

    // Closing the listener refuses new connections; those waiting in its backlog are reset.
    drop(listener);
    let max_connections = options.max_connections.max(1);
    let open = max_connections - slots.available_permits();
    if open > 0 {
        tracing::info!(open, "asking open connections to finish");
    }
    if tokio::time::timeout(options.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            open = max_connections - slots.available_permits(),
            grace_seconds = options.shutdown_grace.as_secs_f64(),
            "connections still open after the shutdown grace period are dropped"
        );
    }
    // Aborts what is left and waits until every task is gone, so nothing of the app (a
    // database connection, a request body) outlives `serve`.
    connections.shutdown().await;
    Ok(())
}

/// Errors that concern one connection only (it was reset before it was accepted): the loop
/// just goes on. Anything else, such as running out of file descriptors, is logged and the
/// loop pauses.
fn is_connection_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}
