//! The released report as its leader and whom they share it with read it: the page, the
//! print view and the CSV, XLSX and JSON downloads show the team beside the self-rating, and a
//! group of two leaves no trace in any of them; nobody else reads any of it; the leader's
//! follow-up forms (focus cards, sharing) change only what they should.

use std::collections::BTreeMap;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::*;
use crate::accounts::world;
use crate::helpers::spawn_app;
use crate::reflections::{call, finish, sort};

/// What a round of a team of four and a pair of colleagues leaves, with the words and figures
/// that would show if the pair were counted anywhere.
const PAIR_COMMENT: &str = "Alleen wij twee";
const PAIR_GENERAL: &str = "Geheim van twee";

/// A released round on the domain "visie": the leader rated visie-01 "nog niet" and visie-02
/// "vanzelfsprekend"; four team members answered (visie-01: 4, 4, 4 and "kan ik niet
/// beoordelen"; visie-02: 2, 2, 3), and two colleagues (visie-01 and visie-03: 1) whose
/// threshold of three was not met.
pub async fn released(app: &TestApp, world: &World, leader: &Browser<'_>) -> i64 {
    let me = person(app, LEADER).await;
    let round = new_round(leader, world, &["visie"]).await;
    let (team, colleagues) = (
        group(app, round, "team").await,
        group(app, round, "collegas").await,
    );
    for (card, score) in [("visie-01", 1), ("visie-02", 4)] {
        let saved = app
            .store
            .save_self_answer(round, me, card, Some(score))
            .await
            .unwrap();
        assert!(matches!(saved, leidraad_store::feedback::Change::Done(())));
    }
    let mut team_tokens = Vec::new();
    for _ in 0..4 {
        team_tokens.push(add_rater(app, round, me, team).await);
    }
    let pair = [
        add_rater(app, round, me, colleagues).await,
        add_rater(app, round, me, colleagues).await,
    ];
    open(app, round, me).await;
    let team_answers: [&[(&str, i64)]; 4] = [
        &[("visie-01", 4), ("visie-02", 2)],
        &[("visie-01", 4), ("visie-02", 2)],
        &[("visie-01", 4), ("visie-02", 3)],
        &[("visie-01", 0)],
    ];
    for (i, (token, answers)) in team_tokens.iter().zip(team_answers).enumerate() {
        let comments: &[(&str, &str)] = if i == 0 {
            &[("visie", "Duidelijke koers"), ("", "Fijne leider")]
        } else {
            &[]
        };
        submit_in_store(app, token, answers, comments).await;
    }
    for token in &pair {
        submit_in_store(
            app,
            token,
            &[("visie-01", 1), ("visie-03", 1)],
            &[("visie", PAIR_COMMENT), ("", PAIR_GENERAL)],
        )
        .await;
    }
    let closed = leader
        .post(&format!("/feedback/{round}/sluiten"), &[])
        .await;
    assert_eq!(closed.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&closed), format!("/feedback/{round}/rapport"));
    round
}

/// Nothing of the pair shows in `text`: not their comments, not the means their ratings would
/// give (visie-01 pooled with theirs: 14 / 5 = 2,8; visie-03: 1,0), not six raters.
fn assert_no_pair(what: &str, text: &str) {
    for trace in [
        PAIR_COMMENT,
        PAIR_GENERAL,
        "2,8",
        "2.8",
        "1,0",
        "6 beoordelaars",
        "5 oordelen",
        "2 beoordelaars",
        "2 oordelen",
    ] {
        assert!(!text.contains(trace), "{what} holds {trace:?}:\n{text}");
    }
}

async fn text(browser: &Browser<'_>, path: &str) -> String {
    let response = browser.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    assert_eq!(
        response.headers()["cache-control"],
        "no-store",
        "GET {path} may be cached"
    );
    response.text().await.unwrap()
}

/// Every file of an XLSX workbook, by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut files = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut text = String::new();
        if std::io::Read::read_to_string(&mut file, &mut text).is_ok() {
            files.insert(file.name().unwrap().to_string(), text);
        }
    }
    files
}

#[tokio::test]
async fn the_leader_reads_self_beside_the_team_and_a_pair_leaves_no_trace_anywhere() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let round = released(&app, &world, &leader).await;

    let page = text(&leader, &format!("/feedback/{round}/rapport")).await;
    // Who answered: the team with its count, the pair by name with no count, all others.
    assert!(page.contains("Teamleden"), "{page}");
    assert!(page.contains("4 beoordelaars"), "{page}");
    assert!(page.contains("Collega-schoolleiders"), "{page}");
    assert!(page.contains("te weinig antwoorden"), "{page}");
    assert!(
        page.contains("Alle anderen samen: 4 beoordelaars"),
        "{page}"
    );
    // Self beside the team: visie-01 "nog niet" (1) against 4,0 with one "cannot judge";
    // visie-02 "vanzelfsprekend" (4) against 2,3 (2, 2, 3).
    assert!(page.contains("Ik gebruik gezamenlijke waarden als basis"));
    assert!(page.contains("4,0"), "{page}");
    assert!(page.contains("1 × kan ik niet beoordelen"), "{page}");
    assert!(page.contains("2,3"), "{page}");
    assert!(page.contains("spreiding 0,5 · 3 oordelen"), "{page}");
    // The domain: self 2,5 (1 and 4), the team's and all others' 3,2 over six ratings.
    assert!(page.contains("2,5"), "{page}");
    assert!(page.contains("spreiding 0,9 · 6 oordelen"), "{page}");
    // A radar needs three domains: one domain is drawn as bars, self and others each.
    assert!(page.contains("score-bar__row chart--self"), "{page}");
    assert!(page.contains("score-bar__row chart--others"), "{page}");
    // The differences: visie-02 a blind spot, visie-01 a hidden strength.
    let blind = page.split("id=\"h-blind-spots\"").nth(1).unwrap();
    let blind = blind.split("id=\"h-hidden-strengths\"").next().unwrap();
    assert!(blind.contains("zelf 4 · anderen 2,3"), "{blind}");
    let hidden = page.split("id=\"h-hidden-strengths\"").nth(1).unwrap();
    let hidden = hidden.split("id=\"h-highest\"").next().unwrap();
    assert!(hidden.contains("zelf 1 · anderen 4,0"), "{hidden}");
    // The team's comments, on the domain and in general.
    assert!(page.contains("Duidelijke koers"));
    assert!(page.contains("Fijne leider"));
    // The leader's own forms and downloads.
    assert!(page.contains(&format!("action=\"/feedback/{round}/rapport/focus\"")));
    assert!(page.contains(&format!("action=\"/feedback/{round}/rapport/delen\"")));
    assert!(page.contains(&format!("href=\"/feedback/{round}/rapport.xlsx\"")));
    assert_no_pair("the page", &page);

    let print = text(&leader, &format!("/feedback/{round}/rapport/afdrukken")).await;
    assert!(print.contains("report-print"));
    assert!(
        print.contains("Test school-leader"),
        "the print view names the leader"
    );
    assert!(print.contains("Hoe ervaren jullie mijn leiderschap?"));
    assert!(print.contains("Duidelijke koers"));
    assert!(
        !print.contains("<form class=\"inline-form"),
        "no forms in print"
    );
    assert_no_pair("the print view", &print);

    let csv = leader.get(&format!("/feedback/{round}/rapport.csv")).await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert_eq!(csv.headers()["cache-control"], "no-store");
    assert!(
        csv.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .ends_with(&format!("-{round}.csv\""))
    );
    let csv = csv.text().await.unwrap();
    assert!(csv.starts_with('\u{feff}'), "a BOM for Excel");
    assert!(csv.contains("\"Teamleden: gemiddelde\""), "{csv}");
    assert!(csv.contains("\"4,00\";\"0,00\";\"3\";\"1\""), "{csv}");
    assert!(csv.contains("\"2,33\";\"0,47\";\"3\";\"0\""), "{csv}");
    // The pair's group is not even a column: a hidden group has no figures to hold.
    assert!(!csv.contains("Collega"), "{csv}");
    assert_no_pair("the CSV file", &csv);

    let xlsx = leader.get(&format!("/feedback/{round}/rapport.xlsx")).await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert_eq!(xlsx.headers()["cache-control"], "no-store");
    let files = unzip(&xlsx.bytes().await.unwrap());
    let sheets: String = files.values().cloned().collect();
    assert!(sheets.contains("Teamleden: gemiddelde"));
    assert!(sheets.contains("Duidelijke koers"));
    assert!(
        sheets.contains("Collega-schoolleiders"),
        "the groups sheet names it"
    );
    assert!(
        !sheets.contains("Collega-schoolleiders: "),
        "but gives it no column"
    );
    assert!(
        sheets.contains("<v>2.33</v>") || sheets.contains("<v>2.33"),
        "{sheets}"
    );
    assert!(!sheets.contains(">2.8<"), "a pooled mean with the pair");
    assert_no_pair("the workbook", &sheets);

    let json: Value = leader
        .get(&format!("/feedback/{round}/rapport.json"))
        .await
        .json()
        .await
        .unwrap();
    let report = &json["report"];
    assert_eq!(json["round"]["id"], round);
    assert_eq!(report["others"], 4);
    let groups = report["groups"].as_array().unwrap();
    assert_eq!(groups[0]["respondents"], 4);
    assert_eq!(groups[1]["kind"], "collegas");
    assert_eq!(groups[1]["shown"], false);
    assert_eq!(groups[1]["respondents"], Value::Null);
    let visie_03 = report["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["card"] == "visie-03")
        .unwrap();
    assert_eq!(visie_03["others"], Value::Null, "{visie_03}");
    assert_eq!(
        visie_03["groups"].as_array().unwrap().len(),
        1,
        "the team only"
    );
    assert_no_pair("the JSON file", &json.to_string());
}

#[tokio::test]
async fn nobody_the_report_is_not_shared_with_reaches_any_of_it() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let round = released(&app, &world, &leader).await;
    let coach = world.people["coach"].1;
    let others = [
        Browser::signed_in(&app, &world.people["staff"].0).await,
        Browser::signed_in(&app, &world.people["coach"].0).await,
        Browser::signed_in(&app, &world.people["board-member"].0).await,
        Browser::signed_in(&app, &world.people["admin"].0).await,
        Browser::signed_in(&app, &world.admin_b.0).await,
    ];
    let gets = [
        "/rapport",
        "/rapport/afdrukken",
        "/rapport.csv",
        "/rapport.xlsx",
        "/rapport.json",
    ];
    for browser in &others {
        for path in gets {
            let path = format!("/feedback/{round}{path}");
            let response = browser.get(&path).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "GET {path}");
            let body = response.text().await.unwrap();
            assert!(!body.contains("Duidelijke koers"), "{path}");
        }
        for (path, fields) in [
            ("/rapport/focus", vec![("card", "visie-02")]),
            (
                "/rapport/delen",
                vec![("email", world.people["coach"].0.as_str())],
            ),
            (&*format!("/rapport/delen/{coach}/intrekken"), vec![]),
        ] {
            let path = format!("/feedback/{round}{path}");
            let response = browser.post(&path, &fields).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "POST {path}");
        }
    }
    assert!(viewers(&app, round).await.is_empty());
    // Nor does a round that was never released, to its own leader.
    let open_round = new_round(&leader, &world, &["visie"]).await;
    let response = leader.get(&format!("/feedback/{open_round}/rapport")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_shared_report_is_read_until_the_leader_withdraws_it() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let round = released(&app, &world, &leader).await;
    let (coach_email, coach) = world.people["coach"].clone();
    let reader = Browser::signed_in(&app, &coach_email).await;

    let shared = leader
        .post(
            &format!("/feedback/{round}/rapport/delen"),
            &[("email", coach_email.as_str())],
        )
        .await;
    assert_eq!(shared.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&shared),
        format!("/feedback/{round}/rapport?melding=gedeeld")
    );
    let page = text(&leader, &location(&shared)).await;
    assert!(page.contains("Het rapport is gedeeld."));
    assert!(
        page.contains("Test coach"),
        "the leader sees whom it is shared with"
    );

    let read = text(&reader, &format!("/feedback/{round}/rapport")).await;
    assert!(read.contains("Test school-leader heeft dit rapport met je gedeeld"));
    assert!(read.contains("Duidelijke koers"));
    assert!(
        !read.contains("/rapport/focus\""),
        "no follow-up forms for a reader"
    );
    assert!(!read.contains("/rapport/delen\""));
    assert!(
        !read.contains("/intrekken"),
        "a reader sees no list of readers"
    );
    assert_no_pair("the shared page", &read);
    for path in [
        "/rapport/afdrukken",
        "/rapport.csv",
        "/rapport.xlsx",
        "/rapport.json",
    ] {
        let response = reader.get(&format!("/feedback/{round}{path}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
    }
    // A reader may not pass it on, nor take its cards as focus cards.
    let passed = reader
        .post(
            &format!("/feedback/{round}/rapport/delen"),
            &[("email", world.people["staff"].0.as_str())],
        )
        .await;
    assert_eq!(passed.status(), StatusCode::NOT_FOUND);
    assert_eq!(viewers(&app, round).await, [coach]);

    let withdrawn = leader
        .post(
            &format!("/feedback/{round}/rapport/delen/{coach}/intrekken"),
            &[],
        )
        .await;
    assert_eq!(withdrawn.status(), StatusCode::SEE_OTHER);
    assert!(location(&withdrawn).ends_with("?melding=ingetrokken"));
    for path in [
        "/rapport",
        "/rapport/afdrukken",
        "/rapport.csv",
        "/rapport.xlsx",
        "/rapport.json",
    ] {
        let response = reader.get(&format!("/feedback/{round}{path}")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    // Withdrawing again finds nothing to withdraw.
    let again = leader
        .post(
            &format!("/feedback/{round}/rapport/delen/{coach}/intrekken"),
            &[],
        )
        .await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
}

/// A finished reflection of the leader on "visie" with visie-02 a growth point ("nog niet").
async fn reflection_with_growth_point(leader: &Browser<'_>, world: &World) -> i64 {
    let started = call(
        leader,
        Method::POST,
        "/api/v1/reflections",
        Some(json!({"organisation": world.org_a.get(), "domains": ["visie"]})),
    )
    .await;
    assert_eq!(started.status(), StatusCode::CREATED);
    let id = started.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    sort(leader, id, &["visie-02"], 1).await;
    sort(leader, id, &["visie-01", "visie-03"], 3).await;
    finish(leader, id).await;
    id
}

#[tokio::test]
async fn the_leader_takes_a_card_of_the_report_as_a_focus_card_and_bad_input_changes_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let round = released(&app, &world, &leader).await;
    let path = format!("/feedback/{round}/rapport/focus");

    // Without a finished reflection there is nowhere to keep a focus card.
    let refused = leader.post(&path, &[("card", "visie-02")]).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("Rond eerst een reflectie af")
    );

    let reflection = reflection_with_growth_point(&leader, &world).await;
    let added = leader.post(&path, &[("card", "visie-02")]).await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&added),
        format!("/feedback/{round}/rapport?melding=focus")
    );
    assert_eq!(
        app.store.focus_cards(reflection).await.unwrap(),
        ["visie-02"]
    );
    let page = text(&leader, &location(&added)).await;
    assert!(page.contains("De kaart staat nu bij de focuskaarten"));

    // A card of no round, a card of the deck outside this round, no card, a card twice: each
    // refused with the page again, and the focus cards as they were.
    for (card, status, message) in [
        (
            "onbekend-99",
            StatusCode::BAD_REQUEST,
            "hoort niet bij deze ronde",
        ),
        (
            "medewerkers-01",
            StatusCode::BAD_REQUEST,
            "hoort niet bij deze ronde",
        ),
        ("", StatusCode::BAD_REQUEST, "hoort niet bij deze ronde"),
        ("visie-02", StatusCode::CONFLICT, "al een focuskaart"),
    ] {
        let response = leader.post(&path, &[("card", card)]).await;
        assert_eq!(response.status(), status, "card {card:?}");
        let body = response.text().await.unwrap();
        assert!(body.contains(message), "card {card:?}: {body}");
        assert!(body.contains("role=\"alert\""), "the problem is announced");
        assert_eq!(
            app.store.focus_cards(reflection).await.unwrap(),
            ["visie-02"]
        );
    }

    // A card the leader did not see as a growth point (what a blind spot is) may be taken too,
    // up to three focus cards.
    for card in ["visie-01", "visie-03"] {
        let added = leader.post(&path, &[("card", card)]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER, "{card}");
    }
    let fourth = leader.post(&path, &[("card", "visie-04")]).await;
    assert_eq!(fourth.status(), StatusCode::CONFLICT);
    assert_eq!(
        app.store.focus_cards(reflection).await.unwrap(),
        ["visie-02", "visie-01", "visie-03"]
    );

    // Sharing with nobody in the organisation, or with no address, is refused too.
    for (email, message) in [
        ("vreemde@elders.example", "geen collega"),
        ("geen-adres", "geen geldig e-mailadres"),
    ] {
        let response = leader
            .post(
                &format!("/feedback/{round}/rapport/delen"),
                &[("email", email)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{email}");
        assert!(response.text().await.unwrap().contains(message), "{email}");
    }
    assert!(viewers(&app, round).await.is_empty());
}

#[tokio::test]
async fn the_report_reads_in_english() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let round = released(&app, &world, &leader).await;
    let switched = leader
        .post("/taal", &[("lang", "en"), ("terug", "/")])
        .await;
    assert!(switched.status().is_redirection(), "{}", switched.status());
    let page = text(&leader, &format!("/feedback/{round}/rapport")).await;
    assert!(page.contains("360° feedback report"), "{page}");
    assert!(page.contains("All others together: 4 raters"), "{page}");
    assert!(page.contains("too few answers"));
    assert!(page.contains("spread 0.5 · 3 ratings"));
    assert!(page.contains("I use shared values as the foundation"));
    let csv = text(&leader, &format!("/feedback/{round}/rapport.csv")).await;
    assert!(csv.contains("\"Team members: mean\""), "{csv}");
    assert!(csv.contains("\"4.00\""), "{csv}");
}

/// The body is rendered once and kept; each session still finds its own CSRF field in every
/// form of it, and a form posted from the second session's page works.
#[tokio::test]
async fn a_kept_report_carries_each_sessions_own_form_field() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let first = Browser::signed_in(&app, LEADER).await;
    let round = released(&app, &world, &first).await;
    let path = format!("/feedback/{round}/rapport");
    let once = text(&first, &path).await;
    let second = Browser::signed_in(&app, LEADER).await;
    assert_ne!(first.csrf, second.csrf);
    let again = text(&second, &path).await;
    assert!(!again.contains('\0'));
    let fields: Vec<&str> = again
        .split("name=\"csrf_token\" value=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    let focus_forms = again.matches("/rapport/focus\"").count();
    assert!(
        focus_forms >= 2,
        "a focus form per growth point and one below"
    );
    assert!(fields.len() > focus_forms, "{fields:?}");
    assert!(
        fields.iter().all(|field| *field == second.csrf),
        "{fields:?}"
    );
    assert_eq!(
        once.replace(&first.csrf, "TOKEN"),
        again.replace(&second.csrf, "TOKEN")
    );
    reflection_with_growth_point(&second, &world).await;
    let added = second
        .post(&format!("{path}/focus"), &[("card", "visie-02")])
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
}
