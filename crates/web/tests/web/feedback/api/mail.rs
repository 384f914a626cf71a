//! The mails of a round: the coach's approval before any invitation goes out, and reminders
//! that reach only those who have not answered while the leader learns only how many.

use super::*;

/// Every mail in the outbox: (file name, the mail as read).
async fn mails(app: &TestApp) -> Vec<(String, String)> {
    app.mail_settled().await;
    let Ok(dir) = std::fs::read_dir(&app.outbox) else {
        return Vec::new();
    };
    let mut mails: Vec<(String, String)> = dir
        .map(|entry| {
            let path = entry.unwrap().path();
            let raw = std::fs::read_to_string(&path).unwrap();
            (path.display().to_string(), decode_mail(&raw))
        })
        .collect();
    mails.sort();
    mails
}

fn addressed_to<'a>(mails: &'a [(String, String)], email: &str) -> Vec<&'a str> {
    let header = format!("To: {email}");
    mails
        .iter()
        .filter(|(_, mail)| mail.lines().any(|line| line == header))
        .map(|(_, mail)| mail.as_str())
        .collect()
}

#[tokio::test]
async fn a_reminder_reaches_only_those_who_have_not_answered_and_says_only_how_many() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, &world).await;
    let team = group(&app, id, "team").await;
    let raters = ["een@a.example", "twee@a.example", "drie@a.example"];
    let list: Vec<Value> = raters.iter().map(|e| json!({"email": e})).collect();
    add_raters(&leader, id, team, json!({"raters": list, "copy_links": 1})).await;
    let sent = post(&leader, &format!("/api/v1/feedback/{id}/send"), None).await;
    assert_eq!(sent.status(), StatusCode::OK);
    let invitations = mails(&app).await;
    let first = addressed_to(&invitations, raters[0]);
    assert_eq!(first.len(), 1, "each rater is mailed their link");
    let token = link_in(first[0], "/b/")
        .trim_start_matches("/b/")
        .to_owned();
    submit_in_store(&app, &token, &[("visie-01", 3)], &[]).await;

    // The leader sees that one answered, not who: no rater carries anything that differs.
    let round = round_json(&leader, id).await;
    assert_eq!(group_in(&round, "team")["answered"], 1);
    for rater in round["raters"].as_array().unwrap() {
        assert!(rater.get("answered").is_none(), "{rater}");
        let mut keys: Vec<&String> = rater.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(
            keys,
            ["email", "group", "id", "invited_at", "name"],
            "{rater}"
        );
    }

    let reminded = post(&leader, &format!("/api/v1/feedback/{id}/remind"), None).await;
    assert_eq!(reminded.status(), StatusCode::OK);
    assert_eq!(
        reminded.json::<Value>().await.unwrap(),
        json!({"reminded": 2})
    );
    let after = mails(&app).await;
    let new: Vec<(String, String)> = after
        .into_iter()
        .filter(|mail| !invitations.contains(mail))
        .collect();
    assert_eq!(new.len(), 2, "two reminders");
    assert!(
        addressed_to(&new, raters[0]).is_empty(),
        "not to who answered"
    );
    for email in &raters[1..] {
        assert_eq!(addressed_to(&new, email).len(), 1, "{email} reminded");
    }
    app.stop().await;
}

#[tokio::test]
async fn a_coach_reads_a_round_that_waits_sends_it_back_and_approves_it() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let coach = Browser::signed_in(&app, "coach@a.example").await;
    let staff = Browser::signed_in(&app, "staff@a.example").await;
    let id = start(&leader, &world).await;
    let team = group(&app, id, "team").await;
    let patch = call(
        &leader,
        Method::PATCH,
        &format!("/api/v1/feedback/{id}"),
        Some(json!({"coach_email": "coach@a.example"})),
    )
    .await;
    assert_eq!(patch.status(), StatusCode::NO_CONTENT);
    let round = round_json(&leader, id).await;
    assert_eq!(round["coach_email"], "coach@a.example");
    assert_eq!(round["request"], "Hoe ervaren jullie mijn visie?", "kept");
    let rater = json!({"raters": [{"email": "rater@a.example"}]});
    add_raters(&leader, id, team, rater).await;
    let send = format!("/api/v1/feedback/{id}/send");
    let sent: Value = post(&leader, &send, None).await.json().await.unwrap();
    assert_eq!(sent["state"], "ter-goedkeuring");
    assert!(addressed_to(&mails(&app).await, "rater@a.example").is_empty());

    let list: Value = call(&coach, Method::GET, "/api/v1/feedback", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["to_approve"][0]["id"], id);
    let seen = round_json(&coach, id).await;
    assert_eq!(seen["raters"][0]["email"], "rater@a.example");

    let back = format!("/api/v1/feedback/{id}/send-back");
    let empty = post(&coach, &back, Some(json!({"note": ""}))).await;
    assert_eq!(
        refused(empty, StatusCode::BAD_REQUEST).await,
        "feedback-request-invalid"
    );
    let note = json!({"note": "Vraag ook collega's."});
    let sent_back = post(&coach, &back, Some(note)).await;
    assert_eq!(sent_back.status(), StatusCode::NO_CONTENT);
    let round = round_json(&leader, id).await;
    assert_eq!(
        (&round["state"], &round["coach_note"]),
        (&json!("concept"), &json!("Vraag ook collega's."))
    );
    post(&leader, &send, None).await;

    let approve = format!("/api/v1/feedback/{id}/approve");
    for outsider in [&staff, &leader] {
        let status = post(outsider, &approve, None).await.status();
        assert_eq!(status, StatusCode::NOT_FOUND, "only the coach approves");
    }
    let approved = post(&coach, &approve, None).await;
    assert_eq!(approved.status(), StatusCode::NO_CONTENT);
    assert_eq!(round_json(&leader, id).await["state"], "open");
    assert_eq!(
        addressed_to(&mails(&app).await, "rater@a.example").len(),
        1,
        "the invitation went out on approval"
    );
    let again = post(&coach, &approve, None).await;
    assert_eq!(
        again.status(),
        StatusCode::NOT_FOUND,
        "nothing waits any more"
    );
    app.stop().await;
}
