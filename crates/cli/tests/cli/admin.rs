//! `leidraad admin`: the first organisation from a password on stdin, and more organisations
//! with their admins.

use std::process::{Command, Output, Stdio};

use crate::{leidraad, run, store_in, temp_dir};

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
