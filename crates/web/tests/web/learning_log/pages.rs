//! The learning log's pages: the log with its progress, adding an activity (and the form
//! shown again with the reason when it is refused), a file uploaded with the page's own
//! multipart form and downloaded, a refused upload, and setting the cycle.

use reqwest::StatusCode;

use super::{LEADER, PDF};
use crate::accounts::{Browser, world};
use crate::helpers::{spawn_app, text_of};

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

/// The activity page's upload form, sent as a browser sends it.
async fn upload(browser: &Browser<'_>, id: i64, name: &str, bytes: &[u8]) -> reqwest::Response {
    let html = browser
        .get(&format!("/logboek/{id}"))
        .await
        .text()
        .await
        .unwrap();
    let marker = "enctype=\"multipart/form-data\"";
    let form_start = html[..html.find(marker).unwrap()].rfind("<form").unwrap();
    let action_at = html[form_start..].find("action=\"").unwrap() + form_start + 8;
    let action =
        html[action_at..action_at + html[action_at..].find('"').unwrap()].replace("&amp;", "&");
    let boundary = "----leidraad-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    browser
        .client
        .post(browser.app.url(&action))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header("sec-fetch-site", "same-origin")
        .body(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_leader_keeps_a_log_with_a_cycle_and_evidence() {
    let app = spawn_app().await;
    let _world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let page = text_of(&leader.get("/logboek").await.text().await.unwrap());
    assert!(page.contains("Stel je registercyclus in"), "{page}");

    let response = leader
        .post(
            "/logboek/cyclus",
            &[("start", "2026-01-01"), ("target", "")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let fields = [
        ("kind", "course"),
        ("title", "Cursus verandermanagement"),
        ("day", "2026-03-12"),
        ("hours", "1,5"),
        ("points", "20"),
        ("domain", "visie"),
        ("card", "visie-01"),
        ("learned", "Dat verandering tijd kost."),
        ("differently", ""),
    ];
    let response = leader.post("/logboek", &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let to = location(&response);
    let id: i64 = to
        .trim_start_matches("/logboek/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let page = text_of(&leader.get("/logboek").await.text().await.unwrap());
    assert!(page.contains("20 van 100 punten"), "{page}");
    assert!(page.contains("1,5 uur · 20 punten"), "{page}");

    let response = upload(&leader, id, "Certificaat.pdf", PDF).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "{}",
        response.text().await.unwrap()
    );
    let html = leader
        .get(&format!("/logboek/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Certificaat.pdf"));
    let file = app
        .store
        .evidence_of(_world.people["school-leader"].1)
        .await
        .unwrap()[0]
        .id;
    let download = leader.get(&format!("/logboek/bestanden/{file}")).await;
    assert_eq!(download.headers()["x-content-type-options"], "nosniff");
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);

    let mut exe = b"MZ\x90\0".to_vec();
    exe.resize(4096, 0);
    let response = upload(&leader, id, "handleiding.pdf", &exe).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let page = text_of(&response.text().await.unwrap());
    assert!(page.contains("kijkt daarvoor naar de inhoud"), "{page}");
    assert_eq!(
        app.store
            .evidence_of(_world.people["school-leader"].1)
            .await
            .unwrap()
            .len(),
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn a_refused_activity_shows_the_form_again_and_stores_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    for (field, value, words) in [
        ("hours", "-2", "Een negatief getal kan niet"),
        ("points", "-10", "Registerpunten zijn een heel getal"),
        ("day", "12-03-2026", "jjjj-mm-dd"),
        ("card", "elders-01", "hoort niet bij de beroepsstandaard"),
        ("title", "Cursus\u{1b}", "op één regel"),
    ] {
        let mut fields = vec![
            ("kind", "course"),
            ("title", "Cursus"),
            ("day", "2026-03-12"),
            ("hours", "2"),
            ("points", "10"),
        ];
        fields.retain(|(name, _)| *name != field);
        fields.push((field, value));
        let response = leader.post("/logboek", &fields).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{field}");
        let html = response.text().await.unwrap();
        assert!(
            text_of(&html).contains(words),
            "{field}: {}",
            text_of(&html)
        );
        assert!(html.contains(&format!("value=\"{}\"", "2026-03-12")) || field == "day");
    }
    let person = world.people["school-leader"].1;
    assert!(app.store.activities_of(person).await.unwrap().is_empty());
    let response = leader
        .post(
            "/logboek/cyclus",
            &[("start", "2026-01-01"), ("target", "-5")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(app.store.register_cycle(person).await.unwrap(), None);
    app.stop().await;
}

/// An activity as the store takes it, for changes made the way another instance would.
fn stored<'a>(title: &'a str) -> leidraad_store::learning_log::ActivityFields<'a> {
    leidraad_store::learning_log::ActivityFields {
        kind: "reading",
        title,
        happened_on: "2026-02-03",
        minutes: 120,
        points: 0,
        framework_id: "schoolleider",
        domains: &[],
        cards: &[],
        themes: &[],
        learned: "",
        differently: "",
    }
}

/// The log's list is kept rendered, but a change made through another instance (here: the
/// store itself, which this app's cache never hears of) shows on the next visit.
#[tokio::test]
async fn the_log_shows_every_change_wherever_it_was_made() {
    use leidraad_store::learning_log::{Change, NewEvidence};
    let app = spawn_app().await;
    let world = world(&app).await;
    let person = world.people["school-leader"].1;
    let leader = Browser::signed_in(&app, LEADER).await;
    let log = || async { text_of(&leader.get("/logboek").await.text().await.unwrap()) };
    assert!(log().await.contains("Je logboek is nog leeg"));

    let Change::Done(id) = app
        .store
        .add_activity(person, stored("Boek over eigenaarschap"), None, 1)
        .await
        .unwrap()
    else {
        panic!("not added")
    };
    assert!(log().await.contains("Boek over eigenaarschap"));
    assert!(log().await.contains("Boek over eigenaarschap"), "kept");

    app.store
        .update_activity(person, id, stored("Boek over vertrouwen"), 2)
        .await
        .unwrap();
    let page = log().await;
    assert!(page.contains("Boek over vertrouwen"), "{page}");
    assert!(!page.contains("eigenaarschap"), "{page}");

    let file = NewEvidence {
        activity_id: Some(id),
        filename: "samenvatting.pdf",
        content_type: "application/pdf",
        bytes: PDF,
    };
    let Change::Done(file) = app
        .store
        .add_evidence(person, file, 1 << 20, 3)
        .await
        .unwrap()
    else {
        panic!("not kept")
    };
    assert!(log().await.contains("1 bestand"));
    assert!(app.store.delete_evidence(person, file.id).await.unwrap());
    assert!(!log().await.contains("1 bestand"));

    assert!(app.store.delete_activity(person, id).await.unwrap());
    assert!(log().await.contains("Je logboek is nog leeg"));
    app.stop().await;
}

/// The standard's cards are on the form's own page, not on every visit of the log.
#[tokio::test]
async fn the_form_has_a_page_of_its_own() {
    let app = spawn_app().await;
    let _world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let log = leader.get("/logboek").await.text().await.unwrap();
    assert!(log.contains(r#"href="/logboek/nieuw""#));
    assert!(!log.contains(r#"name="card""#));
    let form = leader.get("/logboek/nieuw").await;
    assert_eq!(form.status(), StatusCode::OK);
    assert_eq!(form.headers()["cache-control"], "no-store");
    let form = form.text().await.unwrap();
    assert_eq!(form.matches(r#"name="card""#).count(), 80);
    assert!(form.contains(r#"action="/logboek""#));
    app.stop().await;
}
