//! The server's limits on connections: a client that stops sending is disconnected, the
//! number of open connections is capped, and a stalled connection cannot hold up shutdown.
//! Each test sets its own small limits and speaks raw HTTP/1.1 over TCP, as a slow or
//! malicious client would. The margins are wide: the machine may be busy.

use std::time::Duration;

use leidraad_web::ServeOptions;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;

use crate::helpers::{TestApp, spawn_app_serving};

/// A request line and one header: the start of a request that never ends.
const STALLED_REQUEST: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n";
const HEALTHZ: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n";

/// Far longer than any of these tests waits for something that should happen.
const PATIENCE: Duration = Duration::from_secs(30);

async fn spawn(options: ServeOptions) -> TestApp {
    spawn_app_serving(None, |_| {}, options).await
}

async fn connect(app: &TestApp) -> TcpStream {
    TcpStream::connect(app.address.trim_start_matches("http://"))
        .await
        .expect("connect")
}

/// Reads one response to `GET /healthz` (its body is `ok`); the connection stays open.
async fn read_healthz_response(stream: &mut TcpStream) -> String {
    let mut received = Vec::new();
    let mut buffer = [0u8; 1024];
    while !received.ends_with(b"\r\n\r\nok") {
        let read = stream.read(&mut buffer).await.expect("read a response");
        assert!(
            read > 0,
            "closed before a whole response: {:?}",
            String::from_utf8_lossy(&received)
        );
        received.extend_from_slice(&buffer[..read]);
    }
    String::from_utf8(received).unwrap()
}

/// A connection that has been served once, so the server surely accepted it, and then
/// stays open without a word (an idle keep-alive connection).
async fn served_connection(app: &TestApp) -> TcpStream {
    let mut stream = connect(app).await;
    stream.write_all(HEALTHZ).await.unwrap();
    let response = read_healthz_response(&mut stream).await;
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    stream
}

/// Waits until the server closes the connection (end of stream or a reset) and returns what
/// it sent before; `None` if it is still open after `limit`.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> Option<String> {
    let mut received = Vec::new();
    let mut buffer = [0u8; 1024];
    let reading = async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(read) => received.extend_from_slice(&buffer[..read]),
            }
        }
    };
    timeout(limit, reading).await.ok()?;
    Some(String::from_utf8_lossy(&received).into_owned())
}

#[tokio::test]
async fn a_client_that_stops_in_the_middle_of_its_headers_is_disconnected() {
    let app = spawn(ServeOptions {
        header_read_timeout: Duration::from_secs(1),
        ..ServeOptions::default()
    })
    .await;
    let mut slow = connect(&app).await;
    slow.write_all(STALLED_REQUEST).await.unwrap();
    let sent = closed_within(&mut slow, PATIENCE)
        .await
        .expect("a client silent after one header was still connected after 30 s");
    assert!(!sent.contains("200"), "the half request was served: {sent}");
    // The server goes on serving everyone else.
    assert_eq!(app.get("/healthz").await.status(), 200);
    app.stop().await;
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_the_header_read_timeout() {
    let app = spawn(ServeOptions {
        header_read_timeout: Duration::from_secs(1),
        ..ServeOptions::default()
    })
    .await;
    let mut idle = served_connection(&app).await;
    assert!(
        closed_within(&mut idle, PATIENCE).await.is_some(),
        "an idle keep-alive connection was still open after 30 s"
    );
    let mut silent = connect(&app).await;
    assert!(
        closed_within(&mut silent, PATIENCE).await.is_some(),
        "a connection that never sent a byte was still open after 30 s"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_connection_over_the_cap_waits_until_another_closes() {
    let app = spawn(ServeOptions {
        header_read_timeout: Duration::from_secs(300),
        max_connections: 2,
        ..ServeOptions::default()
    })
    .await;
    let first = served_connection(&app).await;
    let _second = served_connection(&app).await;

    let mut third = connect(&app).await;
    third.write_all(HEALTHZ).await.unwrap();
    // A server without the cap answers within milliseconds; one with it does not answer at
    // all while two connections are open. (On a very busy machine this can only pass
    // wrongly, never fail wrongly.)
    let early = timeout(Duration::from_secs(2), read_healthz_response(&mut third)).await;
    assert!(
        early.is_err(),
        "a third connection was served while two were open: {early:?}"
    );

    drop(first);
    let response = timeout(PATIENCE, read_healthz_response(&mut third))
        .await
        .expect("the third connection was served once the first had closed");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");

    // The first slot is free again after the third closes; the server keeps serving.
    drop(third);
    let fourth = timeout(PATIENCE, app.get("/healthz"))
        .await
        .expect("served after the third closed");
    assert_eq!(fourth.status(), 200);
    app.stop().await;
}

#[tokio::test]
async fn a_stalled_connection_does_not_hold_up_shutdown_beyond_the_grace_period() {
    let app = spawn(ServeOptions {
        // Only the grace period can end the stalled connection before the test gives up.
        header_read_timeout: Duration::from_secs(600),
        shutdown_grace: Duration::from_secs(1),
        ..ServeOptions::default()
    })
    .await;
    // A fresh connection with half a request. (Hyper closes an idle keep-alive connection at
    // once on shutdown, even with half of a next request read; a first request is waited for.)
    let mut stalled = connect(&app).await;
    stalled.write_all(STALLED_REQUEST).await.unwrap();
    // Connections are accepted in order: once a later one is served, the stalled one is
    // accepted too. A moment more for the server to read its half request.
    drop(served_connection(&app).await);
    tokio::time::sleep(Duration::from_millis(300)).await;

    timeout(PATIENCE, app.stop())
        .await
        .expect("serve did not return within 30 s of shutdown, with a 1 s grace period");
    assert!(
        closed_within(&mut stalled, PATIENCE).await.is_some(),
        "the stalled connection is closed when serve returns"
    );
}
