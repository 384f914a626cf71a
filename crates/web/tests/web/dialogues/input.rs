//! Nonsense gets a clear message and changes nothing: starting, joining, contributing,
//! picking and controlling.

use reqwest::StatusCode;

use super::{LEADER, code_of, control, join, participant_post, start};
use crate::accounts::{Browser, world};
use crate::helpers::{TestApp, spawn_app, text_of};

async fn dialogues_of(app: &TestApp, person: leidraad_domain::accounts::PersonId) -> usize {
    app.store.dialogues_of(person).await.unwrap().len()
}

#[tokio::test]
async fn starting_refuses_what_cannot_be_a_dialogue() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let cases: [(&[(&str, &str)], &str); 7] = [
        (
            &[
                ("title", "X"),
                ("format", "poker"),
                ("deck", "dialoogkaarten"),
            ],
            "Kies een van de werkvormen",
        ),
        (
            &[("title", "X"), ("format", "trek-een-kaart")],
            "Kies minstens één stapel",
        ),
        (
            &[
                ("title", "X"),
                ("format", "trek-een-kaart"),
                ("deck", "focus"),
            ],
            "nog geen focuskaarten",
        ),
        (
            &[
                ("title", "X"),
                ("format", "trek-een-kaart"),
                ("deck", "domein:bestaat-niet"),
            ],
            "bestaat niet",
        ),
        (
            &[
                ("title", "X"),
                ("format", "trek-een-kaart"),
                ("deck", "dialoogkaarten"),
                ("minutes", "0"),
            ],
            "1 tot 60 minuten",
        ),
        (
            &[
                ("title", "Team\u{0}overleg"),
                ("format", "trek-een-kaart"),
                ("deck", "dialoogkaarten"),
            ],
            "1 tot 80 tekens",
        ),
        (
            &[
                ("title", ""),
                ("format", "trek-een-kaart"),
                ("deck", "dialoogkaarten"),
            ],
            "1 tot 80 tekens",
        ),
    ];
    for (fields, message) in cases {
        let response = leader.post("/dialogen", fields).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{fields:?}");
        let text = text_of(&response.text().await.unwrap());
        assert!(text.contains(message), "{fields:?}: {text}");
    }
    assert_eq!(dialogues_of(&app, world.people["school-leader"].1).await, 0);
}

#[tokio::test]
async fn joining_refuses_bad_codes_and_names_and_limits_guessing() {
    let app = spawn_app().await;
    world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, "vrij-gesprek", &[]).await;
    let code = code_of(&leader, id).await;
    let post = |fields: Vec<(&'static str, String)>| {
        let app = &app;
        async move {
            app.client
                .post(app.url("/meedoen"))
                .form(&fields)
                .send()
                .await
                .unwrap()
        }
    };
    let malformed = post(vec![("code", "12ab56".into()), ("stap", "code".into())]).await;
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
    assert!(text_of(&malformed.text().await.unwrap()).contains("zes cijfers"));
    let name = post(vec![("code", code.clone()), ("name", "Ay\u{1b}la".into())]).await;
    assert_eq!(name.status(), StatusCode::BAD_REQUEST);
    assert!(text_of(&name.text().await.unwrap()).contains("1 tot 40 tekens"));
    let anonymous = post(vec![("code", code.clone()), ("anoniem", "ja".into())]).await;
    assert_eq!(
        anonymous.status(),
        StatusCode::BAD_REQUEST,
        "not allowed in this dialogue"
    );
    assert!(app.store.participants(id).await.unwrap().is_empty());
    let wrong = if code == "000000" { "000001" } else { "000000" };
    for _ in 0..10 {
        let response = post(vec![("code", wrong.into()), ("stap", "code".into())]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    let limited = post(vec![("code", code.clone()), ("name", "Ayla".into())]).await;
    assert_eq!(
        limited.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right code waits"
    );
    let wait: i64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait));
    app.clock.advance(61);
    join(&app, &code, "Ayla", false).await;
}

#[tokio::test]
async fn contributions_picks_and_controls_refuse_nonsense_and_change_nothing() {
    let app = spawn_app().await;
    world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, "kies-je-kaart", &[]).await;
    let token = join(&app, &code_of(&leader, id).await, "Ayla", false).await;
    let before = app.store.dialogue(id).await.unwrap().unwrap().last_seq;
    let long = "x".repeat(601);
    for text in ["", "   ", "Hallo\u{7}", long.as_str()] {
        let status = participant_post(&app, &token, "bijdrage", &[("text", text)]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{text:?}");
    }
    let anonymous = [("text", "Hallo"), ("anoniem", "ja")];
    assert_eq!(
        participant_post(&app, &token, "bijdrage", &anonymous).await,
        StatusCode::BAD_REQUEST
    );
    let four = [
        ("kaart", "dialoog-01"),
        ("kaart", "dialoog-02"),
        ("kaart", "dialoog-03"),
        ("kaart", "dialoog-04"),
    ];
    for picks in [
        &four[..],
        &[][..],
        &[("kaart", "visie-01")][..],
        &[("kaart", "dialoog-01"), ("collega", "B\u{0}")][..],
    ] {
        assert_eq!(
            participant_post(&app, &token, "keuze", picks).await,
            StatusCode::BAD_REQUEST,
            "{picks:?}"
        );
    }
    assert_eq!(
        participant_post(&app, &token, "notitie", &[("note", "a\u{0}b")]).await,
        StatusCode::BAD_REQUEST
    );
    for (action, extra) in [
        ("toveren", &[][..]),
        ("kies", &[("kaart", "visie-01")][..]),
        ("kies", &[("kaart", "")][..]),
        ("tonen", &[("bijdrage", "twee")][..]),
        ("deelnemer-verwijderen", &[("deelnemer", "999999")][..]),
        ("fase", &[][..]),
        ("delen", &[][..]),
    ] {
        let status = control(&leader, id, action, extra).await;
        assert!(status.is_client_error(), "{action} {extra:?}: {status}");
    }
    // A plain form shows the problem on the phone's own screen, in words.
    let page = app
        .client
        .post(app.url(&format!("/d/{token}/bijdrage")))
        .form(&[("text", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::BAD_REQUEST);
    assert!(text_of(&page.text().await.unwrap()).contains("1 tot 600 tekens"));
    assert_eq!(
        app.store.dialogue(id).await.unwrap().unwrap().last_seq,
        before
    );
    assert!(app.store.picks(id).await.unwrap().is_empty());
    let participant = app.store.participants(id).await.unwrap().remove(0);
    assert_eq!(participant.note, "");
}
