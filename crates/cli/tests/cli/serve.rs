//! `leidraad serve`: it prints its address, serves, logs, and stops cleanly on SIGTERM.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{leidraad, run, temp_dir};

struct Server {
    child: Child,
    url: String,
    data: PathBuf,
}

fn start_server(extra: &[&str]) -> Server {
    let data = temp_dir();
    let mut child = leidraad()
        .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
        .arg(&data)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .trim_end_matches('/')
        .to_owned();
    Server { child, url, data }
}

fn http_get(url: &str) -> String {
    // A tiny blocking client keeps this test binary free of an HTTP client dependency.
    use std::io::{Read, Write};
    let address = url.trim_start_matches("http://");
    let (host, path) = address
        .split_once('/')
        .map_or((address, "/"), |(h, _)| (h, "/healthz"));
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

fn wait_for_exit(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(
            start.elapsed() < limit,
            "the server did not stop within {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_server_prints_its_url_serves_and_stops_cleanly_on_sigterm() {
    let mut server = start_server(&[]);
    let response = http_get(&format!("{}/healthz", server.url));
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = wait_for_exit(&mut server.child, Duration::from_secs(10));
    assert!(exit.success(), "exit after SIGTERM: {exit:?}");
    let mut stderr = String::new();
    std::io::Read::read_to_string(server.child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    assert!(stderr.contains("shutting down"), "{stderr}");
    assert!(server.data.join("leidraad.sqlite3").exists());
    std::fs::remove_dir_all(&server.data).unwrap();
}

#[test]
fn a_stalled_connection_does_not_keep_the_server_from_stopping_after_sigterm() {
    use std::io::Write;
    // The header read timeout is far away: only the shutdown grace period can end the
    // stalled connection in time.
    let mut server = start_server(&[
        "--shutdown-grace-seconds",
        "1",
        "--header-read-timeout-seconds",
        "600",
    ]);
    let address = server.url.trim_start_matches("http://").to_owned();
    // A fresh connection with a request line and one header, then silence.
    let mut stalled = std::net::TcpStream::connect(&address).unwrap();
    write!(stalled, "GET /healthz HTTP/1.1\r\nHost: {address}\r\n").unwrap();
    // Connections are accepted in order: once a later one is served, the stalled one is
    // accepted too. A moment more for the server to read its half request.
    let response = http_get(&format!("{}/healthz", server.url));
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    std::thread::sleep(Duration::from_millis(300));

    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    // 1 s of grace; the rest is margin for a busy machine.
    let exit = wait_for_exit(&mut server.child, Duration::from_secs(30));
    assert!(exit.success(), "exit after SIGTERM: {exit:?}");
    let mut stderr = String::new();
    std::io::Read::read_to_string(server.child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    assert!(stderr.contains("shutdown grace period"), "{stderr}");
    drop(stalled);
    std::fs::remove_dir_all(&server.data).unwrap();
}

#[test]
fn json_logs_are_one_object_per_line_without_query_strings() {
    let mut server = start_server(&["--log-format", "json"]);
    let _ = http_get(&format!("{}/healthz", server.url));
    Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    wait_for_exit(&mut server.child, Duration::from_secs(10));
    let mut stderr = String::new();
    std::io::Read::read_to_string(server.child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(
            line.starts_with('{') && line.ends_with('}'),
            "not JSON: {line}"
        );
    }
    assert!(
        stderr.contains("\"route\":\"/healthz\""),
        "request log names the route: {stderr}"
    );
    std::fs::remove_dir_all(&server.data).unwrap();
}

#[test]
fn serving_on_a_wildcard_address_needs_a_public_url_for_links_in_mail() {
    let data = temp_dir();
    let (output, _, stderr) = run(leidraad()
        .args(["serve", "--bind", "0.0.0.0:0", "--data-dir"])
        .arg(&data)
        .env_remove("LEIDRAAD_PUBLIC_URL"));
    assert!(!output.status.success());
    assert!(stderr.contains("--public-url"), "{stderr}");
    std::fs::remove_dir_all(&data).unwrap();
}
