//! The `leidraad` binary as an operator uses it: real processes, real signals.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn leidraad() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_leidraad"));
    command
        .env_remove("LEIDRAAD_DATABASE_URL")
        .env("RUST_LOG", "info");
    command
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("leidraad-cli-{:016x}", fastrand::u64(..)));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn content_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

/// A copy of the shipped deck in which `file` has `from` replaced by `to`.
fn broken_content(file: &str, from: &str, to: &str) -> PathBuf {
    let dir = temp_dir();
    let deck = dir.join("beroepsstandaard-schoolleiders");
    std::fs::create_dir_all(&deck).unwrap();
    for name in ["framework.toml", "cards.toml", "dialogue-cards.toml"] {
        let text = std::fs::read_to_string(
            content_source()
                .join("beroepsstandaard-schoolleiders")
                .join(name),
        )
        .unwrap();
        let text = if name == file {
            assert!(text.contains(from), "{from} is not in {name}");
            text.replacen(from, to, 1)
        } else {
            text
        };
        std::fs::write(deck.join(name), text).unwrap();
    }
    dir
}

fn run(command: &mut Command) -> (Output, String, String) {
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output, stdout, stderr)
}

#[test]
fn content_check_accepts_the_shipped_decks() {
    let (output, stdout, _) = run(leidraad().args(["content", "check"]));
    assert!(output.status.success());
    assert!(
        stdout.contains("ok: beroepsstandaard-schoolleiders"),
        "{stdout}"
    );
    assert!(
        stdout.contains("9 domains, 80 cards, 22 dialogue cards"),
        "{stdout}"
    );
    let (output, _, _) = run(leidraad().arg("content").arg("check").arg(content_source()));
    assert!(output.status.success());
}

#[test]
fn content_check_rejects_broken_content_naming_file_and_item() {
    let cases = [
        (
            "cards.toml",
            "domain = \"visie\"",
            "domain = \"visioen\"",
            "cards.toml: `visie-01`: unknown domain `visioen`",
        ),
        (
            "cards.toml",
            "id = \"visie-02\"",
            "id = \"visie-01\"",
            "cards.toml: `visie-01`: duplicate id",
        ),
        (
            "cards.toml",
            "id = \"visie-01\"",
            "id = \"visie-01\"\ncolour = \"red\"",
            "cards.toml: TOML parse error at line 3, column 1: unknown field `colour`",
        ),
        (
            "dialogue-cards.toml",
            "question = { nl = \"Hoe beschrijf",
            "question = { nl = \"  \", xx = \"Hoe beschrijf",
            "dialogue-cards.toml",
        ),
        (
            "framework.toml",
            "kind = \"quality\"",
            "kind = \"deugd\"",
            "framework.toml",
        ),
    ];
    for (file, from, to, expected) in cases {
        let dir = broken_content(file, from, to);
        let (output, stdout, stderr) = run(leidraad().args(["content", "check"]).arg(&dir));
        assert_eq!(
            output.status.code(),
            Some(2),
            "{file}: {from} → {to}\n{stdout}{stderr}"
        );
        assert!(stderr.contains("invalid content"), "{stderr}");
        assert!(
            stderr.contains(expected),
            "expected `{expected}` in:\n{stderr}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn a_missing_translation_is_named() {
    let dir = broken_content(
        "cards.toml",
        ", en = \"I use shared values as the foundation\"",
        "",
    );
    let (output, _, stderr) = run(leidraad().args(["content", "check"]).arg(&dir));
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr.contains("cards.toml: `visie-01`: text: missing translation `en`"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_server_refuses_to_start_on_invalid_content() {
    let content = broken_content("cards.toml", "domain = \"visie\"", "domain = \"visioen\"");
    let data = temp_dir();
    let (output, _, stderr) = run(leidraad()
        .args(["serve", "--bind", "127.0.0.1:0", "--content-dir"])
        .arg(&content)
        .arg("--data-dir")
        .arg(&data));
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("unknown domain `visioen`"), "{stderr}");
    std::fs::remove_dir_all(content).unwrap();
    std::fs::remove_dir_all(data).unwrap();
}

#[test]
fn migrate_creates_the_sqlite_database_in_the_data_dir() {
    let data = temp_dir().join("nested/data");
    let (output, stdout, stderr) = run(leidraad().arg("migrate").arg("--data-dir").arg(&data));
    assert!(output.status.success(), "{stderr}");
    assert!(stdout.contains("migrations applied"));
    assert!(data.join("leidraad.sqlite3").exists());
    let (output, _, _) = run(leidraad().arg("migrate").arg("--data-dir").arg(&data));
    assert!(output.status.success(), "migrating twice is harmless");
}

#[test]
fn a_bad_database_url_is_a_clear_error() {
    let (output, _, stderr) = run(leidraad().args(["migrate", "--database-url", "mysql://x/y"]));
    assert!(!output.status.success());
    assert!(
        stderr.contains("expected a sqlite:… or postgres://… URL"),
        "{stderr}"
    );
    let (output, _, stderr) = run(leidraad().args([
        "migrate",
        "--database-url",
        "postgres://nobody:secret-password@127.0.0.1:1/none",
    ]));
    assert!(!output.status.success());
    assert!(
        stderr.contains("cannot open the database at postgres://127.0.0.1:1/none"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("secret-password"),
        "the password leaked: {stderr}"
    );
}

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

fn run_with_stdin(command: &mut Command, stdin: &str) -> (Output, String, String) {
    use std::io::Write;
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output, stdout, stderr)
}

async fn store_in(data: &Path) -> leidraad_store::Store {
    let url = format!("sqlite://{}", data.join("leidraad.sqlite3").display());
    leidraad_store::Store::connect(&url).await.unwrap()
}

#[tokio::test]
async fn admin_init_reads_the_password_from_stdin_and_runs_once() {
    let data = temp_dir();
    let init = |password: &str| {
        run_with_stdin(
            leidraad()
                .args([
                    "admin",
                    "init",
                    "--organisation",
                    "Bestuur Noord",
                    "--email",
                    "ada@noord.example",
                    "--data-dir",
                ])
                .arg(&data),
            password,
        )
    };
    let (output, _, stderr) = init("kort\n");
    assert!(!output.status.success());
    assert!(stderr.contains("password"), "{stderr}");
    let (output, stdout, stderr) = init("correct horse battery staple\n");
    assert!(output.status.success(), "{stderr}");
    assert!(stdout.contains("ada@noord.example"), "{stdout}");
    assert!(
        !stderr.contains("correct horse"),
        "the password never shows"
    );
    let (output, _, stderr) = init("correct horse battery staple\n");
    assert!(!output.status.success());
    assert!(stderr.contains("already has people"), "{stderr}");

    let store = store_in(&data).await;
    let person = store
        .person_by_email("ada@noord.example")
        .await
        .unwrap()
        .unwrap();
    assert!(
        person
            .password_hash
            .starts_with("$argon2id$v=19$m=19456,t=2,p=1$")
    );
    let memberships = store.memberships_of(person.id).await.unwrap();
    assert_eq!(memberships[0].organisation.name, "Bestuur Noord");
    assert_eq!(memberships[0].roles.to_codes(), "admin");
    store.close().await;

    let (output, stdout, _) = run(leidraad()
        .args([
            "admin",
            "api-token",
            "--email",
            "Ada@Noord.example",
            "--data-dir",
        ])
        .arg(&data));
    assert!(output.status.success());
    let token = stdout.trim();
    assert_eq!(token.len(), 64, "{stdout}");
    let store = store_in(&data).await;
    let digest = leidraad_domain::accounts::Secret::parse(token)
        .unwrap()
        .digest();
    assert_eq!(
        store.use_api_token(&digest, 1).await.unwrap(),
        Some(person.id)
    );
    store.close().await;
    let (output, _, stderr) = run(leidraad()
        .args([
            "admin",
            "api-token",
            "--email",
            "nobody@noord.example",
            "--data-dir",
        ])
        .arg(&data));
    assert!(!output.status.success());
    assert!(
        stderr.contains("no account with the email nobody@noord.example"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&data).unwrap();
}

#[tokio::test]
async fn the_demo_has_two_schools_and_every_role_and_seeds_once() {
    let data = temp_dir();
    for _ in 0..2 {
        let (output, _, stderr) = run(leidraad()
            .args(["demo", "--seed-only", "--data-dir"])
            .arg(&data));
        assert!(output.status.success(), "{stderr}");
    }
    let store = store_in(&data).await;
    assert_eq!(store.count_people().await.unwrap(), 15);
    let admin = store
        .person_by_email("beheerder@leidraad.example")
        .await
        .unwrap()
        .unwrap();
    let organisation = store.memberships_of(admin.id).await.unwrap()[0]
        .organisation
        .organisation_id();
    assert_eq!(store.schools(organisation).await.unwrap().len(), 2);
    let members = store.members(organisation).await.unwrap();
    assert_eq!(members.len(), 15);
    for role in ["admin", "board-member", "school-leader", "coach", "staff"] {
        let holders = members
            .iter()
            .filter(|m| m.roles.to_codes() == role)
            .count();
        let expected = match role {
            "staff" => 10,
            "school-leader" => 2,
            _ => 1,
        };
        assert_eq!(holders, expected, "{role}");
    }
    let sanne = store
        .person_by_email("schoolleider.linde@leidraad.example")
        .await
        .unwrap()
        .unwrap();
    let moments = store.reflections_of(sanne.id).await.unwrap();
    assert_eq!(moments.len(), 2, "last year's moment and one in progress");
    assert!(moments[0].finished_at.is_some() && moments[1].finished_at.is_none());
    assert_eq!(store.answers(moments[0].id).await.unwrap().len(), 80);
    assert_eq!(store.focus_cards(moments[0].id).await.unwrap().len(), 3);
    assert_eq!(
        store.reflection_viewers(moments[0].id).await.unwrap().len(),
        2,
        "shared with board member and coach"
    );
    let password = leidraad_domain::accounts::PasswordHash::from_stored(admin.password_hash);
    assert!(
        leidraad_domain::accounts::verify_password("leidraad-demo-2026", &password),
        "the README's password"
    );
    store.close().await;
    std::fs::remove_dir_all(&data).unwrap();
}

#[tokio::test]
async fn admin_organisation_add_makes_a_second_organisation_with_its_admin() {
    let data = temp_dir();
    let (output, _, stderr) = run_with_stdin(
        leidraad()
            .args(["admin", "init", "--organisation", "Bestuur Noord"])
            .args(["--email", "ada@noord.example", "--data-dir"])
            .arg(&data),
        "correct horse battery staple\n",
    );
    assert!(output.status.success(), "{stderr}");
    let add = |name: &str, email: &str, stdin: &str| {
        run_with_stdin(
            leidraad()
                .args(["admin", "organisation", "add", "--name", name])
                .args(["--email", email, "--data-dir"])
                .arg(&data),
            stdin,
        )
    };
    // Nonsense changes nothing.
    let (output, _, stderr) = add("Stichting\u{1b}Zuid", "bo@zuid.example", "");
    assert!(!output.status.success());
    assert!(stderr.contains("organisation-name-invalid"), "{stderr}");
    let (output, _, stderr) = add("Stichting Zuid", "bo@zuid.example", "kort\n");
    assert!(!output.status.success());
    assert!(stderr.contains("password"), "{stderr}");
    // A new admin gives a password on stdin; an existing account needs none.
    let (output, stdout, stderr) = add(
        "Stichting Zuid",
        "bo@zuid.example",
        "een lange zin als wachtwoord\n",
    );
    assert!(output.status.success(), "{stderr}");
    assert!(stdout.contains("a new account"), "{stdout}");
    let (output, stdout, stderr) = add("Coöperatie West", "ada@noord.example", "");
    assert!(output.status.success(), "{stderr}");
    assert!(stdout.contains("an existing account"), "{stdout}");

    let store = store_in(&data).await;
    let bo = store
        .person_by_email("bo@zuid.example")
        .await
        .unwrap()
        .unwrap();
    let memberships = store.memberships_of(bo.id).await.unwrap();
    assert_eq!(memberships.len(), 1);
    assert_eq!(memberships[0].organisation.name, "Stichting Zuid");
    assert_eq!(memberships[0].roles.to_codes(), "admin");
    let ada = store
        .person_by_email("ada@noord.example")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(store.memberships_of(ada.id).await.unwrap().len(), 2);
    store.close().await;
    std::fs::remove_dir_all(&data).unwrap();
}

#[test]
fn a_fresh_data_dir_and_database_are_private_to_the_server() {
    use std::os::unix::fs::PermissionsExt;
    let data = temp_dir().join("nieuw");
    let (output, _, stderr) = run(leidraad().args(["migrate", "--data-dir"]).arg(&data));
    assert!(output.status.success(), "{stderr}");
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("leidraad.sqlite3")), 0o600);
    std::fs::remove_dir_all(data.parent().unwrap()).unwrap();
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
