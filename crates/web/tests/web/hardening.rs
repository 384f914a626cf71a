//! What an outside test of accounts and reflections found (issue 8), each pinned by a test
//! that fails without its fix: links in mail never follow the Host header, sharing reveals
//! nothing about other organisations, a save never erases text it did not mean to change,
//! names refuse control characters, erasure takes the mail files along, a sign-in over an
//! ended session stands, short idle limits still keep active sessions, cached pages answer
//! only GET, problem titles exist, personal answers are never stored by the browser, and a
//! request never waits for the mail server.

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::accounts::{Browser, csrf_in, decode_mail, link_in, newest_mail, world};
use crate::helpers::{spawn_app, spawn_app_configured};
use crate::reflections::call;

/// A new reflection on one domain, open for sorting.
async fn open_reflection(leader: &Browser<'_>, organisation: i64) -> i64 {
    let started = call(
        leader,
        Method::POST,
        "/api/v1/reflections",
        Some(json!({"organisation": organisation, "domains": ["visie"]})),
    )
    .await;
    assert_eq!(started.status(), StatusCode::CREATED);
    started.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
}

/// A reflection on one domain, finished.
async fn finished_reflection(leader: &Browser<'_>, organisation: i64) -> i64 {
    let id = open_reflection(leader, organisation).await;
    let finish = format!("/api/v1/reflections/{id}/finish");
    let finished = call(leader, Method::POST, &finish, None).await;
    assert!(finished.status().is_success(), "{}", finished.status());
    id
}

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
async fn shares_sent_at_once_cannot_slip_past_the_hourly_limit() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = finished_reflection(&leader, world.org_a.get()).await;
    let share = format!("/api/v1/reflections/{id}/shares");
    let tries = (0..40).map(|n| {
        let request = leader
            .client
            .post(app.url(&share))
            .header("x-csrf-token", &leader.csrf)
            .json(&json!({ "email": format!("probe{n}@b.example") }));
        async move { request.send().await.unwrap() }
    });
    let answers = futures_join_all(tries).await;
    let let_through = answers
        .iter()
        .filter(|r| r.status() != StatusCode::TOO_MANY_REQUESTS)
        .count();
    // Tries are counted in the order they were written: the first twenty are answered on
    // their merits, none after them.
    assert_eq!(let_through, 20, "{let_through} of 40 got past the limit");
    let log = app.store.audit_log(world.org_a, 200).await.unwrap();
    let tried = log
        .iter()
        .filter(|e| e.event == "reflection-share-try")
        .count();
    assert_eq!(tried, 40, "every try is in the audit log");
}

/// Runs the futures at once and gathers their outcomes, in order.
async fn futures_join_all<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let mut set = Vec::new();
    for future in futures {
        set.push(tokio::spawn(future));
    }
    let mut out = Vec::new();
    for handle in set {
        out.push(handle.await.unwrap());
    }
    out
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
async fn sharing_tells_nothing_about_addresses_outside_ones_own_organisations() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let open = open_reflection(&leader, world.org_a.get()).await;
    // On an open reflection every address gets the same answer, known or not.
    let mut answers = Vec::new();
    for email in ["admin@b.example", "niemand@b.example", "coach@a.example"] {
        let response = call(
            &leader,
            Method::POST,
            &format!("/api/v1/reflections/{open}/shares"),
            Some(json!({ "email": email })),
        )
        .await;
        answers.push(response.status());
    }
    assert_eq!(answers, [StatusCode::CONFLICT; 3]);

    let id = finished_reflection(&leader, world.org_a.get()).await;
    let share = format!("/api/v1/reflections/{id}/shares");
    let mut bodies = Vec::new();
    for email in ["admin@b.example", "niemand@b.example"] {
        let response = call(
            &leader,
            Method::POST,
            &share,
            Some(json!({ "email": email })),
        )
        .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{email}");
        bodies.push(response.json::<Value>().await.unwrap());
    }
    assert_eq!(bodies[0], bodies[1], "an account elsewhere looks like none");
    assert_eq!(bodies[0]["code"], "share-person-unknown");
    let colleague = call(
        &leader,
        Method::POST,
        &share,
        Some(json!({"email": "coach@a.example"})),
    )
    .await;
    assert_eq!(colleague.status(), StatusCode::NO_CONTENT);

    let log = app.store.audit_log(world.org_a, 50).await.unwrap();
    let shares: Vec<_> = log
        .iter()
        .filter(|e| e.event == "reflection-share")
        .collect();
    assert_eq!(shares.len(), 6, "every try is in the audit log");
    assert_eq!(
        shares.iter().filter(|e| e.outcome == "succeeded").count(),
        1
    );

    // Twenty tries an hour; the next waits.
    for n in 0..14 {
        let email = format!("probe{n}@b.example");
        let response = call(
            &leader,
            Method::POST,
            &share,
            Some(json!({ "email": email })),
        )
        .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    }
    let throttled = call(
        &leader,
        Method::POST,
        &share,
        Some(json!({"email": "board-member@a.example"})),
    )
    .await;
    assert_eq!(throttled.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(throttled.headers().contains_key("retry-after"));
    app.clock.advance(3601);
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let later = call(
        &leader,
        Method::POST,
        &share,
        Some(json!({"email": "board-member@a.example"})),
    )
    .await;
    assert_eq!(later.status(), StatusCode::NO_CONTENT, "after an hour");
}

#[tokio::test]
async fn a_save_from_a_page_loaded_earlier_keeps_the_newer_note() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = open_reflection(&leader, world.org_a.get()).await;
    let list_path = format!("/reflecties/{id}/lijst?domein=visie");
    let sort_path = format!("/reflecties/{id}/sorteren?kaart=visie-01");
    let list = leader.get(&list_path).await.text().await.unwrap();
    let sort = leader.get(&sort_path).await.text().await.unwrap();
    assert!(
        !list.contains("data-note"),
        "the list no longer carries notes to send back"
    );
    // Elsewhere, a note, evidence and a star are saved.
    let card = format!("/api/v1/reflections/{id}/answers/visie-01");
    let saved = call(
        &leader,
        Method::PATCH,
        &card,
        Some(json!({"note": "nieuw", "evidence": "jaarplan", "starred": true})),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::OK);
    // The page's script changes only the pile.
    let moved = call(&leader, Method::PATCH, &card, Some(json!({"pile": 2}))).await;
    assert_eq!(moved.status(), StatusCode::OK);
    // The list's form, without script, posts every pile as the page showed it.
    let csrf = csrf_in(&list).unwrap();
    let response = leader
        .client
        .post(app.url(&format!("/reflecties/{id}/lijst")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("domein", "visie"),
            ("was-visie-01", ""),
            ("pile-visie-01", ""),
            ("was-visie-02", ""),
            ("pile-visie-02", "4"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // The sort page, loaded before, is sent again with its old note untouched.
    let csrf = csrf_in(&sort).unwrap();
    let response = leader
        .client
        .post(app.url(&format!("/reflecties/{id}/kaarten/visie-01")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("pile", "3"),
            ("note", ""),
            ("note_was", ""),
            ("evidence", ""),
            ("evidence_was", ""),
            ("starred_was", "false"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let answers = app.store.answers(id).await.unwrap();
    let first = answers.iter().find(|a| a.card_id == "visie-01").unwrap();
    assert_eq!(
        (
            first.pile.map(|p| p.score()),
            first.note.as_str(),
            first.evidence.as_str(),
            first.starred
        ),
        (Some(3), "nieuw", "jaarplan", true),
        "only the pile changed"
    );
    let second = answers.iter().find(|a| a.card_id == "visie-02").unwrap();
    assert_eq!(second.pile.map(|p| p.score()), Some(4));
    // PATCH with nonsense changes nothing.
    for body in [
        json!({"pile": 5}),
        json!({"note": "a\u{0}b"}),
        json!({"starred": "ja"}),
    ] {
        let refused = call(&leader, Method::PATCH, &card, Some(body.clone())).await;
        assert!(refused.status().is_client_error(), "{body}");
    }
    let after = app.store.answers(id).await.unwrap();
    assert_eq!(after.len(), 2);
    assert_eq!(
        after.iter().find(|a| a.card_id == "visie-01").unwrap().note,
        "nieuw"
    );
}

#[tokio::test]
async fn names_with_control_characters_are_refused_with_a_clear_message_and_change_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let before = app.store.schools(world.org_a).await.unwrap().len();
    for name in ["School\u{0}A3", "School\u{1b}[31m", "twee\nregels"] {
        let api = call(
            &admin,
            Method::POST,
            &format!("/api/v1/organisations/{}/schools", world.org_a),
            Some(json!({ "name": name })),
        )
        .await;
        assert_eq!(api.status(), StatusCode::BAD_REQUEST, "{name:?}");
        let problem: Value = api.json().await.unwrap();
        assert_eq!(problem["code"], "school-name-invalid");
        assert!(!problem["title"].as_str().unwrap().contains("Unknown"));

        let token = call(
            &admin,
            Method::POST,
            "/api/v1/me/tokens",
            Some(json!({ "name": name })),
        )
        .await;
        assert_eq!(token.status(), StatusCode::BAD_REQUEST, "{name:?}");
        assert_eq!(
            token.json::<Value>().await.unwrap()["code"],
            "token-name-invalid"
        );

        let page = admin
            .post(
                &format!("/organisaties/{}/naam", world.org_a),
                &[("name", name)],
            )
            .await;
        assert_eq!(page.status(), StatusCode::BAD_REQUEST, "{name:?}");
        let html = page.text().await.unwrap();
        assert!(html.contains("tekens die niet in een naam horen"), "{html}");
        let school = admin
            .post(
                &format!("/organisaties/{}/scholen", world.org_a),
                &[("name", name)],
            )
            .await;
        assert_eq!(school.status(), StatusCode::BAD_REQUEST, "{name:?}");
    }
    assert_eq!(app.store.schools(world.org_a).await.unwrap().len(), before);
    assert!(
        app.store
            .api_tokens_of(world.people["admin"].1)
            .await
            .unwrap()
            .is_empty()
    );
    let organisation = app.store.organisation(world.org_a).await.unwrap().unwrap();
    assert_eq!(organisation.name, "Bestuur A");
}

#[tokio::test]
async fn email_problems_in_the_api_have_real_titles_in_both_languages() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    for (language, title) in [("nl", "Dit verzoek klopt niet"), ("en", "This request")] {
        let response = admin
            .client
            .post(app.url(&format!(
                "/api/v1/organisations/{}/invitations",
                world.org_a
            )))
            .header("x-csrf-token", &admin.csrf)
            .header("accept-language", language)
            .json(&json!({"email": "geen-adres", "roles": ["staff"]}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["code"], "email-invalid");
        let shown = problem["title"].as_str().unwrap();
        assert!(!shown.contains("Unknown localization"), "{shown}");
        assert!(shown.contains(title), "{shown}");
    }
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
            "/profiel/verwijderen",
            &[("current_password", crate::accounts::PASSWORD)],
        )
        .await;
    assert_eq!(erased.status(), StatusCode::SEE_OTHER);
    assert!(!files[0].exists(), "the mail with its live link is gone");
    let _ = decode_mail;
}

#[tokio::test]
async fn signing_in_over_an_ended_sessions_cookie_keeps_the_new_session() {
    let app = spawn_app().await;
    world(&app).await;
    let browser = Browser::signed_in(&app, "staff@a.example").await;
    // The session ends on its own while the browser keeps the cookie.
    app.clock.advance(31 * 60);
    let again = browser
        .post(
            "/inloggen",
            &[
                ("email", "staff@a.example"),
                ("password", crate::accounts::PASSWORD),
            ],
        )
        .await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let cookies: Vec<_> = again
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        cookies.len(),
        1,
        "one cookie, not set and then cleared: {cookies:?}"
    );
    assert!(!cookies[0].contains("Max-Age=0"), "{cookies:?}");
    let profile = browser.get("/profiel").await;
    assert_eq!(profile.status(), StatusCode::OK, "signed in");
}

#[tokio::test]
async fn with_a_one_minute_idle_limit_an_active_session_stays() {
    let app = spawn_app_configured(None, |settings| settings.session.idle = 60).await;
    world(&app).await;
    let browser = Browser::signed_in(&app, "staff@a.example").await;
    for _ in 0..6 {
        app.clock.advance(40);
        let page = browser.get("/profiel").await;
        assert_eq!(page.status(), StatusCode::OK, "still signed in");
    }
    app.clock.advance(61);
    let page = browser.get("/profiel").await;
    assert_eq!(
        page.status(),
        StatusCode::SEE_OTHER,
        "idle for a minute: ended"
    );
}

#[tokio::test]
async fn cached_content_pages_answer_only_get() {
    let app = spawn_app().await;
    for (path, method) in [
        ("/standaard", Method::DELETE),
        ("/standaard", Method::POST),
        ("/api/v1/frameworks", Method::POST),
        ("/dialoogkaarten", Method::PUT),
    ] {
        assert_eq!(app.get(path).await.status(), StatusCode::OK);
        assert_eq!(app.get(path).await.status(), StatusCode::OK, "from memory");
        let response = app
            .client
            .request(method.clone(), app.url(path))
            .header("sec-fetch-site", "same-origin")
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}"
        );
    }
}

#[tokio::test]
async fn personal_answers_are_never_stored_by_the_browser() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = finished_reflection(&leader, world.org_a.get()).await;
    for path in [
        "/profiel".to_owned(),
        "/reflecties".to_owned(),
        format!("/reflecties/{id}"),
        format!("/api/v1/reflections/{id}"),
        "/api/v1/me/export".to_owned(),
        format!("/organisaties/{}", world.org_a),
    ] {
        let response = leader.get(&path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
        assert!(
            !response.headers().contains_key("strict-transport-security"),
            "no HSTS over plain http"
        );
    }
    let home = app.get("/").await.text().await.unwrap();
    let marker = "rel=\"stylesheet\" href=\"";
    let css = &home[home.find(marker).unwrap() + marker.len()..];
    let css = &css[..css.find('"').unwrap()];
    let response = app.get(css).await;
    assert!(
        response.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable"),
        "assets stay cacheable"
    );

    let https = spawn_app_configured(None, |settings| {
        settings.public_url = Some("https://leidraad.bestuur.example".into());
    })
    .await;
    let response = https.get("/").await;
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000"
    );
}

#[tokio::test]
async fn behind_a_proxy_the_throttle_counts_the_address_the_proxy_added_and_lets_colleagues_in() {
    let app = spawn_app_configured(None, |settings| settings.forwarded_hops = 1).await;
    world(&app).await;
    let attempt = |email: String, password: &'static str, spoofed: String| {
        let app = &app;
        async move {
            app.client
                .post(app.url("/inloggen"))
                .header("x-forwarded-for", format!("{spoofed}, 192.0.2.7"))
                .form(&[("email", email.as_str()), ("password", password)])
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    // One password sprayed over many accounts, each try with another made-up address in front.
    for n in 0..30 {
        let status = attempt(
            format!("gok{n}@a.example"),
            "Welkom01!welkom",
            format!("10.0.{n}.1"),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "refused, not yet throttled"
        );
    }
    // The address (the proxy's entry) is over its limit now: an account that failed from it
    // waits, whatever the client writes in front.
    assert_eq!(
        attempt(
            "gok0@a.example".into(),
            "Welkom01!welkom",
            "10.9.9.9".into()
        )
        .await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // A colleague on the same network who types the right password gets in.
    assert_eq!(
        attempt(
            "staff@a.example".into(),
            crate::accounts::PASSWORD,
            "10.9.9.9".into()
        )
        .await,
        StatusCode::SEE_OTHER
    );
}

/// Reads the value of the hidden field `name` from a page.
fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).expect("the field") + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

#[tokio::test]
async fn the_sort_form_without_script_keeps_typed_text_through_a_refusal_and_line_breaks() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = open_reflection(&leader, world.org_a.get()).await;
    let action = format!("/reflecties/{id}/kaarten/visie-01");
    let page = leader
        .get(&format!("/reflecties/{id}/sorteren?kaart=visie-01"))
        .await
        .text()
        .await
        .unwrap();
    let post = |fields: Vec<(&'static str, String)>| {
        let mut fields = fields;
        fields.push(("csrf_token", csrf_in(&page).unwrap()));
        leader.client.post(app.url(&action)).form(&fields).send()
    };
    // A note and evidence with a control character: refused, the page comes back.
    let refused = post(vec![
        ("note", "mijn notitie".into()),
        ("note_was", hidden(&page, "note_was")),
        ("evidence", "zie\u{b}bijlage".into()),
        ("evidence_was", hidden(&page, "evidence_was")),
        ("starred_was", hidden(&page, "starred_was")),
    ])
    .await
    .unwrap();
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let again = refused.text().await.unwrap();
    assert!(
        again.contains("mijn notitie"),
        "the typed note is shown again"
    );
    // The person fixes the evidence and saves the page as it came back.
    let saved = post(vec![
        ("note", "mijn notitie".into()),
        ("note_was", hidden(&again, "note_was")),
        ("evidence", "zie bijlage\r\nen het jaarplan".into()),
        ("evidence_was", hidden(&again, "evidence_was")),
        ("starred_was", hidden(&again, "starred_was")),
    ])
    .await
    .unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let stored = &app.store.answers(id).await.unwrap()[0];
    assert_eq!(stored.note, "mijn notitie", "not lost after the refusal");
    // Elsewhere the evidence changes; the page that shows the old one (with its line break,
    // sent back by the browser as CRLF) only moves the card.
    let card = format!("/api/v1/reflections/{id}/answers/visie-01");
    call(
        &leader,
        Method::PATCH,
        &card,
        Some(json!({"evidence": "nieuw bewijs"})),
    )
    .await;
    let shown = stored.evidence.clone();
    let moved = post(vec![
        ("pile", "2".into()),
        ("note", "mijn notitie".into()),
        ("note_was", "mijn notitie".into()),
        ("evidence", shown.replace('\n', "\r\n")),
        ("evidence_was", shown),
        ("starred_was", "false".into()),
    ])
    .await
    .unwrap();
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let after = &app.store.answers(id).await.unwrap()[0];
    assert_eq!(after.evidence, "nieuw bewijs", "the newer evidence stays");
    assert_eq!(after.pile.map(|p| p.score()), Some(2));
}
