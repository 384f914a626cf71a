//! Mail: links never follow the Host header, requests never wait for the mail server,
//! queued mail survives a restart, and erasure takes the mail files along.

use crate::accounts::{Browser, decode_mail, link_in, newest_mail, world};
use crate::helpers::{spawn_app, spawn_app_configured};
use reqwest::StatusCode;
use std::time::{Duration, Instant};

#[tokio::test]
async fn a_reset_link_names_the_public_address_whatever_the_host_header_says() {
    let app = spawn_app().await;
    world(&app).await;
    let response = app
        .client
        .post(app.url("/wachtwoord-vergeten"))
        .header("host", "attacker.example")
        .form(&[("email", "staff@a.example")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let mail = newest_mail(&app).await;
    let link = link_in(&mail, "/wachtwoord-herstellen/");
    assert!(!mail.contains("attacker.example"), "{mail}");
    assert!(
        mail.contains(&format!("{}{link}", app.address)),
        "the link starts with the app's own address: {mail}"
    );
}

#[tokio::test]
async fn without_a_public_url_no_link_is_mailed_whatever_the_host_header_says() {
    let app = spawn_app_configured(None, |settings| settings.public_url = None).await;
    world(&app).await;
    let response = app
        .client
        .post(app.url("/wachtwoord-vergeten"))
        .header("host", "attacker.example")
        .form(&[("email", "staff@a.example")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "the same answer as ever");
    app.mail_settled().await;
    let filed = std::fs::read_dir(&app.outbox).map_or(0, Iterator::count);
    assert_eq!(filed, 0, "no link from a request header, so no mail at all");
}

#[tokio::test]
async fn a_reset_request_is_answered_without_waiting_for_the_mail_server() {
    // A mail server that accepts the connection and then never says a word.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let app = spawn_app_configured(Some(&format!("smtp://127.0.0.1:{port}")), |_| {}).await;
    world(&app).await;
    let started = Instant::now();
    let response = app
        .client
        .post(app.url("/wachtwoord-vergeten"))
        .form(&[("email", "staff@a.example")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "answered in {:?} while the mail server hangs",
        started.elapsed()
    );
    drop(silent);
}

#[tokio::test]
async fn queued_mail_survives_a_restart_and_is_sent_by_the_next_run() {
    let app = spawn_app().await;
    let world = world(&app).await;
    // Queued as a request would, but the app is stopped before its worker could send it.
    let id = app
        .store
        .enqueue_mail(leidraad_store::accounts::NewMail {
            organisation: Some(world.org_a),
            recipient_key: "staff@a.example",
            recipient: "staff@a.example",
            kind: "password-reset",
            subject: "Nieuw wachtwoord voor Leidraad",
            body: "https://leidraad.example/wachtwoord-herstellen/x",
            now: 1,
        })
        .await
        .unwrap();
    assert!(id > 0);
    // A claim that was never settled, as after a crash mid-send, is taken up again.
    let claimed = app.store.claim_mail(10, 0).await.unwrap().unwrap();
    assert_eq!(claimed.id, id);
    assert!(app.store.claim_mail(11, 0).await.unwrap().is_none());
    assert!(app.store.claim_mail(400, 100).await.unwrap().is_some());
    let restarted = app.store.clone();
    // The running app's worker wakes on its own schedule; `settled` waits for the queue.
    app.mailer.start(restarted, app.clock.clone());
    app.clock.advance(600);
    app.mail_settled().await;
    assert_eq!(app.store.waiting_mail().await.unwrap(), 0);
    let log = app.store.outgoing_mail(world.org_a, 5).await.unwrap();
    assert!(log[0].outbox_file.is_some(), "filed after the restart");
}

#[tokio::test]
async fn erasing_an_account_deletes_its_mail_files_and_files_are_private() {
    let app = spawn_app().await;
    world(&app).await;
    let staff = Browser::signed_in(&app, "staff@a.example").await;
    staff
        .post("/wachtwoord-vergeten", &[("email", "staff@a.example")])
        .await;
    let mail = newest_mail(&app).await;
    assert!(mail.contains("To: staff@a.example"));
    let files: Vec<_> = std::fs::read_dir(&app.outbox)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(mode(&files[0]) & 0o777, 0o600, "the mail file");
        assert_eq!(mode(&app.outbox) & 0o777, 0o700, "the outbox folder");
    }
    let erased = staff
        .post(
            "/account/verwijderen",
            &[
                ("current_password", crate::accounts::PASSWORD),
                ("bevestiging", "ja"),
            ],
        )
        .await;
    assert_eq!(erased.status(), StatusCode::SEE_OTHER);
    assert!(!files[0].exists(), "the mail with its live link is gone");
    let _ = decode_mail;
}
