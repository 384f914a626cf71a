//! The `leidraad` binary as an operator uses it: real processes, real signals. Content checks
//! in [`content`], serving in [`serve`], `leidraad admin` in [`admin`], `leidraad demo` in
//! [`demo`]; the database and data folder here.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod admin;
mod content;
mod demo;
mod serve;

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

fn run(command: &mut Command) -> (Output, String, String) {
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output, stdout, stderr)
}

async fn store_in(data: &Path) -> leidraad_store::Store {
    let url = format!("sqlite://{}", data.join("leidraad.sqlite3").display());
    leidraad_store::Store::connect(&url).await.unwrap()
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
