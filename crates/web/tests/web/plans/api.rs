//! The development plan's JSON API over real HTTP, as a page's script calls it: a whole plan
//! (three themes and the fourth refused, texts saved over what the writer saw, actions and
//! review moments, carrying a theme into next year, sharing with a coach and withdrawing it),
//! a theme made from a 360° blind spot, and every refusal with its status and problem code,
//! each leaving the plan as it was.

use reqwest::header::LOCATION;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::accounts::{Browser, World, world};
use crate::feedback::report::released;
use crate::helpers::{TestApp, spawn_app};
use crate::reflections::call;

const LEADER: &str = "school-leader@a.example";
const COACH: &str = "coach@a.example";
const STAFF: &str = "staff@a.example";

async fn json_of(response: reqwest::Response) -> Value {
    response.json().await.unwrap()
}

/// A refusal: its status and problem code.
async fn refused(response: reqwest::Response, status: StatusCode, code: &str) {
    assert_eq!(response.status(), status, "{code}");
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json",
        "{code}"
    );
    assert_eq!(json_of(response).await["code"], code);
}

async fn get(browser: &Browser<'_>, path: &str) -> Value {
    let response = call(browser, Method::GET, path, None).await;
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    json_of(response).await
}

/// The school year of today, as the API names it.
async fn current_year(leader: &Browser<'_>) -> String {
    get(leader, "/api/v1/plans").await["current_year"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn next_year(year: &str) -> String {
    let start: i32 = year[..4].parse().unwrap();
    format!("{}-{}", start + 1, start + 2)
}

async fn add_theme(leader: &Browser<'_>, year: &str, body: Value) -> reqwest::Response {
    let path = format!("/api/v1/plans/{year}/themes");
    call(leader, Method::POST, &path, Some(body)).await
}

/// Adds a theme that must be accepted; its id.
async fn theme(leader: &Browser<'_>, year: &str, body: Value) -> i64 {
    let response = add_theme(leader, year, body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = response.headers()[LOCATION].to_str().unwrap().to_owned();
    let created = json_of(response).await;
    let id = created["id"].as_i64().unwrap();
    assert_eq!(location, format!("/api/v1/plan-themes/{id}"));
    assert_eq!(created["year"], year);
    id
}

async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    Browser::signed_in(app, email).await
}

#[tokio::test]
async fn a_plan_holds_three_themes_with_their_texts_actions_and_review_moments() {
    let app = spawn_app().await;
    let _world: World = world(&app).await;
    let leader = signed_in(&app, LEADER).await;
    let year = current_year(&leader).await;
    assert_eq!(get(&leader, "/api/v1/plans").await["plans"], json!([]));

    // A year without a plan is an empty plan; the first theme makes it.
    let empty = get(&leader, &format!("/api/v1/plans/{year}")).await;
    assert_eq!(empty["id"], Value::Null);
    assert_eq!(empty["themes"], json!([]));
    for bad in ["2026-2028", "2026", "26-27", "1999-2000", "2101-2102"] {
        let path = format!("/api/v1/plans/{bad}");
        let response = call(&leader, Method::GET, &path, None).await;
        refused(response, StatusCode::BAD_REQUEST, "school-year-invalid").await;
        let response = add_theme(&leader, bad, json!({"title": "Visie"})).await;
        refused(response, StatusCode::BAD_REQUEST, "school-year-invalid").await;
    }

    let first = theme(
        &leader,
        &year,
        json!({"title": "  Het team meenemen in de visie ", "goal": "Elke maand de koers bespreken.", "cards": ["visie-01", "visie-01", "visie-02"]}),
    )
    .await;
    theme(&leader, &year, json!({"title": "Feedback vragen"})).await;
    let third = theme(
        &leader,
        &year,
        json!({"title": "Onderwijskwaliteit", "source": {"kind": "own"}}),
    )
    .await;
    let plan = get(&leader, &format!("/api/v1/plans/{year}")).await;
    let themes = plan["themes"].as_array().unwrap();
    assert_eq!(themes.len(), 3);
    assert_eq!(themes[0]["title"], "Het team meenemen in de visie");
    assert_eq!(themes[0]["cards"], json!(["visie-01", "visie-02"]));
    assert_eq!(themes[0]["status"], "planned");
    assert_eq!(
        themes[0]["source"],
        json!({"kind": "own", "id": null, "item": ""})
    );
    assert_eq!(
        themes.iter().map(|t| &t["position"]).collect::<Vec<_>>(),
        [&json!(1), &json!(2), &json!(3)]
    );
    let list = get(&leader, "/api/v1/plans").await;
    assert_eq!(list["plans"][0]["year"], year.as_str());
    assert_eq!(list["plans"][0]["themes"], 3);

    // A fourth theme is refused with the standard's reason, and nothing changes.
    let response = add_theme(&leader, &year, json!({"title": "Een vierde"})).await;
    refused(response, StatusCode::CONFLICT, "plan-too-many-themes").await;
    // Cards of another framework (a team-scan statement, a dialogue card) or none at all, and
    // input the rules refuse, are refused whole.
    for (body, code) in [
        (
            json!({"title": "X", "cards": ["ruimte-01"]}),
            "plan-card-unknown",
        ),
        (
            json!({"title": "X", "cards": ["visie-01", "dialoog-01"]}),
            "plan-card-unknown",
        ),
        (
            json!({"title": "X", "cards": ["bestaat-niet"]}),
            "plan-card-unknown",
        ),
        (json!({"title": "a\u{0}b"}), "plan-title-invalid"),
        (json!({"title": "twee\nregels"}), "plan-title-invalid"),
        (json!({"title": "   "}), "plan-title-invalid"),
        (json!({"title": "x".repeat(121)}), "plan-title-invalid"),
        (
            json!({"title": "X", "goal": "a\u{1b}[31m"}),
            "plan-text-invalid",
        ),
        (
            json!({"title": "X", "goal": "x".repeat(2001)}),
            "plan-text-invalid",
        ),
        (
            json!({"title": "X", "source": {"kind": "own", "id": 1}}),
            "plan-source-unknown",
        ),
    ] {
        // Into a year with room, so only the refusal can stop it.
        let response = add_theme(&leader, &next_year(&year), body).await;
        refused(response, StatusCode::BAD_REQUEST, code).await;
    }
    let cards = (1..=10)
        .map(|i| format!("visie-{i:02}"))
        .collect::<Vec<_>>();
    let response = add_theme(
        &leader,
        &next_year(&year),
        json!({"title": "X", "cards": cards}),
    )
    .await;
    refused(response, StatusCode::BAD_REQUEST, "plan-too-many-cards").await;
    for body in [
        json!({"title": "X", "colour": "rood"}),
        json!({"title": 3}),
        json!({"title": "X", "source": {"kind": "carried-over", "id": first}}),
        json!(["X"]),
    ] {
        let response = add_theme(&leader, &next_year(&year), body).await;
        refused(response, StatusCode::BAD_REQUEST, "bad-request").await;
    }
    assert_eq!(get(&leader, &format!("/api/v1/plans/{year}")).await, plan);
    let next = get(&leader, &format!("/api/v1/plans/{}", next_year(&year))).await;
    assert_eq!(next["id"], Value::Null, "no refusal made a plan");

    // A theme's title, status and cards; a card of another framework changes nothing.
    let path = format!("/api/v1/plan-themes/{first}");
    let changed = call(
        &leader,
        Method::PATCH,
        &path,
        Some(json!({"title": "Visie met het team", "status": "underway", "cards": null})),
    )
    .await;
    assert_eq!(changed.status(), StatusCode::NO_CONTENT);
    let before = get(&leader, &path).await;
    assert_eq!(before["year"], year.as_str());
    assert_eq!(before["title"], "Visie met het team");
    assert_eq!(before["status"], "underway");
    assert_eq!(before["cards"], json!(["visie-01", "visie-02"]));
    for (body, code) in [
        (json!({"cards": ["ruimte-01"]}), "plan-card-unknown"),
        (json!({"title": "a\u{7f}"}), "plan-title-invalid"),
        (json!({"status": "klaar"}), "bad-request"),
        (json!({"title": "X", "goal": "Y"}), "bad-request"),
    ] {
        let response = call(&leader, Method::PATCH, &path, Some(body)).await;
        refused(response, StatusCode::BAD_REQUEST, code).await;
    }
    assert_eq!(get(&leader, &path).await, before);

    // Free texts are saved over what the writer saw; a stale base is refused with 409.
    let goal = format!("{path}/texts/goal");
    let saved = call(
        &leader,
        Method::PUT,
        &goal,
        Some(json!({"text": "Elke maand de koers, met het team.", "base": "Elke maand de koers bespreken."})),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::NO_CONTENT);
    let stale = call(
        &leader,
        Method::PUT,
        &goal,
        Some(json!({"text": "Van een ander apparaat", "base": "Elke maand de koers bespreken."})),
    )
    .await;
    refused(stale, StatusCode::CONFLICT, "plan-text-changed").await;
    for (field, text) in [
        ("monitoring", "Het team noemt de koers zelf.".to_owned()),
        ("review", "x".repeat(4000)),
    ] {
        let response = call(
            &leader,
            Method::PUT,
            &format!("{path}/texts/{field}"),
            Some(json!({"text": text})),
        )
        .await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT, "{field}");
    }
    for (field, text, status) in [
        ("goal", "x".repeat(2001), StatusCode::BAD_REQUEST),
        ("monitoring", "a\u{0}".to_owned(), StatusCode::BAD_REQUEST),
        ("review", "x".repeat(4001), StatusCode::BAD_REQUEST),
    ] {
        let response = call(
            &leader,
            Method::PUT,
            &format!("{path}/texts/{field}"),
            Some(json!({"text": text})),
        )
        .await;
        refused(response, status, "plan-text-invalid").await;
    }
    let response = call(
        &leader,
        Method::PUT,
        &format!("{path}/texts/title"),
        Some(json!({"text": "X"})),
    )
    .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let texts = get(&leader, &path).await;
    assert_eq!(texts["goal"], "Elke maand de koers, met het team.");
    assert_eq!(texts["monitoring"], "Het team noemt de koers zelf.");
    assert_eq!(texts["review"].as_str().unwrap().len(), 4000);

    // Actions: a text and maybe a day; a date in another form is refused.
    let actions = format!("{path}/actions");
    let added = call(
        &leader,
        Method::POST,
        &actions,
        Some(json!({"text": "Intervisie plannen", "due_on": "2027-01-15"})),
    )
    .await;
    assert_eq!(added.status(), StatusCode::CREATED);
    let action = json_of(added).await["id"].as_i64().unwrap();
    let undated = call(
        &leader,
        Method::POST,
        &actions,
        Some(json!({"text": "Lezen"})),
    )
    .await;
    assert_eq!(undated.status(), StatusCode::CREATED);
    for (body, code) in [
        (json!({"text": "X", "due_on": "15-01-2027"}), "date-invalid"),
        (json!({"text": "X", "due_on": "2027-02-30"}), "date-invalid"),
        (json!({"text": "X", "due_on": ""}), "date-invalid"),
        (json!({"text": "X", "due_on": "morgen"}), "date-invalid"),
        (json!({"text": "twee\nregels"}), "plan-action-invalid"),
        (json!({"text": ""}), "plan-action-invalid"),
        (json!({"text": "x".repeat(301)}), "plan-action-invalid"),
        (json!({"due_on": "2027-01-15"}), "bad-request"),
        (json!({"text": "X", "done": true}), "bad-request"),
    ] {
        let response = call(&leader, Method::POST, &actions, Some(body)).await;
        refused(response, StatusCode::BAD_REQUEST, code).await;
    }
    let one = format!("{actions}/{action}");
    let ticked = call(
        &leader,
        Method::PATCH,
        &one,
        Some(json!({"done": true, "due_on": null})),
    )
    .await;
    assert_eq!(ticked.status(), StatusCode::NO_CONTENT);
    for body in [json!({"due_on": "2027-1-5"}), json!({"due_on": ""})] {
        let response = call(&leader, Method::PATCH, &one, Some(body)).await;
        refused(response, StatusCode::BAD_REQUEST, "date-invalid").await;
    }
    let response = call(&leader, Method::PATCH, &one, Some(json!({"text": "a\tb"}))).await;
    refused(response, StatusCode::BAD_REQUEST, "plan-action-invalid").await;
    let with_actions = get(&leader, &path).await;
    assert_eq!(
        with_actions["actions"],
        json!([
            {"id": action, "text": "Intervisie plannen", "due_on": null, "done": true},
            {"id": action + 1, "text": "Lezen", "due_on": null, "done": false},
        ])
    );
    let deleted = call(
        &leader,
        Method::DELETE,
        &format!("{actions}/{}", action + 1),
        None,
    )
    .await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let again = call(
        &leader,
        Method::DELETE,
        &format!("{actions}/{}", action + 1),
        None,
    )
    .await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);

    // Review moments: a day (always) and a note.
    let moments = format!("{path}/review-moments");
    let added = call(
        &leader,
        Method::POST,
        &moments,
        Some(json!({"due_on": "2027-03-01", "note": "Vragen hoe het team de koers ziet."})),
    )
    .await;
    assert_eq!(added.status(), StatusCode::CREATED);
    let moment = json_of(added).await["id"].as_i64().unwrap();
    for (body, code) in [
        (json!({"due_on": "1 maart"}), "date-invalid"),
        (json!({"due_on": ""}), "date-invalid"),
        (
            json!({"due_on": "2027-03-01", "note": "a\u{0}b"}),
            "plan-text-invalid",
        ),
        (json!({"note": "Geen dag"}), "bad-request"),
        (json!({"due_on": null}), "bad-request"),
    ] {
        let response = call(&leader, Method::POST, &moments, Some(body)).await;
        refused(response, StatusCode::BAD_REQUEST, code).await;
    }
    let one = format!("{moments}/{moment}");
    let noted = call(
        &leader,
        Method::PATCH,
        &one,
        Some(json!({"note": "Het team noemt de koers.", "due_on": "2027-03-08"})),
    )
    .await;
    assert_eq!(noted.status(), StatusCode::NO_CONTENT);
    for (body, code) in [
        (json!({"due_on": "08-03-2027"}), "date-invalid"),
        (json!({"done": true}), "bad-request"),
    ] {
        let response = call(&leader, Method::PATCH, &one, Some(body)).await;
        refused(response, StatusCode::BAD_REQUEST, code).await;
    }
    let read = get(&leader, &path).await;
    assert_eq!(
        read["review_moments"],
        json!([{"id": moment, "due_on": "2027-03-08", "note": "Het team noemt de koers."}])
    );
    assert_eq!(read["actions"].as_array().unwrap().len(), 1);

    // A theme carried into next year once; deleting one frees its place.
    let carried = call(&leader, Method::POST, &format!("{path}/carry-over"), None).await;
    assert_eq!(carried.status(), StatusCode::CREATED);
    let carried = json_of(carried).await;
    assert_eq!(carried["year"], next_year(&year).as_str());
    let twice = call(&leader, Method::POST, &format!("{path}/carry-over"), None).await;
    refused(twice, StatusCode::CONFLICT, "plan-theme-carried").await;
    let next = get(&leader, &format!("/api/v1/plans/{}", next_year(&year))).await;
    assert_eq!(next["themes"][0]["title"], "Visie met het team");
    assert_eq!(
        next["themes"][0]["goal"],
        "Elke maand de koers, met het team."
    );
    assert_eq!(next["themes"][0]["actions"], json!([]));
    assert_eq!(
        next["themes"][0]["source"],
        json!({"kind": "carried-over", "id": first, "item": ""})
    );
    assert_eq!(next["earlier_themes"][0]["carried"], true);
    assert_eq!(next["earlier_themes"][1]["carried"], false);

    // The last school year a plan can be for has no next one to carry into.
    let last = theme(&leader, "2100-2101", json!({"title": "Ver vooruit"})).await;
    let path_last = format!("/api/v1/plan-themes/{last}/carry-over");
    let response = call(&leader, Method::POST, &path_last, None).await;
    refused(response, StatusCode::CONFLICT, "plan-year-last").await;
    assert_eq!(
        get(&leader, "/api/v1/plans").await["plans"][0]["year"],
        "2100-2101"
    );

    let gone = call(
        &leader,
        Method::DELETE,
        &format!("/api/v1/plan-themes/{third}"),
        None,
    )
    .await;
    assert_eq!(gone.status(), StatusCode::NO_CONTENT);
    let read = call(
        &leader,
        Method::GET,
        &format!("/api/v1/plan-themes/{third}"),
        None,
    )
    .await;
    assert_eq!(read.status(), StatusCode::NOT_FOUND);
    let fourth = theme(&leader, &year, json!({"title": "Een nieuw derde thema"})).await;
    let plan = get(&leader, &format!("/api/v1/plans/{year}")).await;
    assert_eq!(plan["themes"][2]["id"], fourth);
    assert_eq!(plan["themes"][2]["position"], 3);
    app.stop().await;
}

#[tokio::test]
async fn a_plan_is_its_owners_and_theirs_it_is_shared_with_until_withdrawn() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = signed_in(&app, LEADER).await;
    let coach = signed_in(&app, COACH).await;
    let staff = signed_in(&app, STAFF).await;
    let year = current_year(&leader).await;
    let shares = format!("/api/v1/plans/{year}/shares");

    // No plan yet: nothing to share.
    let none = call(
        &leader,
        Method::POST,
        &shares,
        Some(json!({"email": COACH})),
    )
    .await;
    assert_eq!(none.status(), StatusCode::NOT_FOUND);
    let id = theme(
        &leader,
        &year,
        json!({"title": "Visie", "cards": ["visie-01"]}),
    )
    .await;
    let path = format!("/api/v1/plan-themes/{id}");
    let add = call(
        &leader,
        Method::POST,
        &format!("{path}/actions"),
        Some(json!({"text": "Plannen"})),
    )
    .await;
    assert_eq!(add.status(), StatusCode::CREATED);
    let action = json_of(add).await["id"].as_i64().unwrap();
    let before = get(&leader, &path).await;

    // Someone else's theme is as unknown as none, for reading and for every change.
    for other in [&coach, &staff] {
        for (method, suffix, body) in [
            (Method::GET, String::new(), None),
            (
                Method::PATCH,
                String::new(),
                Some(json!({"title": "Van mij"})),
            ),
            (Method::DELETE, String::new(), None),
            (
                Method::PUT,
                "/texts/goal".to_owned(),
                Some(json!({"text": "Van mij"})),
            ),
            (
                Method::PUT,
                "/texts/review".to_owned(),
                Some(json!({"text": "Van mij"})),
            ),
            (Method::POST, "/carry-over".to_owned(), None),
            (
                Method::POST,
                "/actions".to_owned(),
                Some(json!({"text": "Van mij"})),
            ),
            (
                Method::PATCH,
                format!("/actions/{action}"),
                Some(json!({"done": true})),
            ),
            (Method::DELETE, format!("/actions/{action}"), None),
            (
                Method::POST,
                "/review-moments".to_owned(),
                Some(json!({"due_on": "2027-03-01"})),
            ),
        ] {
            let response = call(other, method.clone(), &format!("{path}{suffix}"), body).await;
            assert_eq!(
                response.status(),
                StatusCode::NOT_FOUND,
                "{method} {suffix}"
            );
        }
        let plan = get(other, &format!("/api/v1/plans/{year}")).await;
        assert_eq!(plan["themes"], json!([]), "their own plan is empty");
    }
    assert_eq!(get(&leader, &path).await, before);

    // Sharing by name, with a colleague only.
    for email in ["niemand@a.example", &world.admin_b.0] {
        let response = call(
            &leader,
            Method::POST,
            &shares,
            Some(json!({"email": email})),
        )
        .await;
        refused(response, StatusCode::BAD_REQUEST, "share-person-unknown").await;
    }
    let shared = call(
        &leader,
        Method::POST,
        &shares,
        Some(json!({"email": COACH})),
    )
    .await;
    assert_eq!(shared.status(), StatusCode::NO_CONTENT);
    let coach_id = world.people["coach"].1.get();
    let plan = get(&leader, &format!("/api/v1/plans/{year}")).await;
    assert_eq!(
        plan["shared_with"],
        json!([{"id": coach_id, "name": "Test coach"}])
    );
    let plan_id = plan["id"].as_i64().unwrap();

    // The coach reads it; nobody else, and not its owner under shared-plans.
    let list = get(&coach, "/api/v1/shared-plans").await;
    assert_eq!(list["plans"][0]["id"], plan_id);
    assert_eq!(list["plans"][0]["year"], year.as_str());
    assert_eq!(list["plans"][0]["owner"], "Test school-leader");
    let read = get(&coach, &format!("/api/v1/shared-plans/{plan_id}")).await;
    assert_eq!(read["themes"][0]["title"], "Visie");
    assert_eq!(read["themes"][0]["actions"][0]["text"], "Plannen");
    assert_eq!(read["owner"], "Test school-leader");
    for other in [&leader, &staff] {
        let response = call(
            other,
            Method::GET,
            &format!("/api/v1/shared-plans/{plan_id}"),
            None,
        )
        .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(
        get(&staff, "/api/v1/shared-plans").await["plans"],
        json!([])
    );
    // Reading it gives the coach no way to change it.
    let response = call(&coach, Method::PATCH, &path, Some(json!({"title": "X"}))).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // Withdrawn: the coach gets 404 at once.
    let unshare = format!("{shares}/{coach_id}");
    let withdrawn = call(&leader, Method::DELETE, &unshare, None).await;
    assert_eq!(withdrawn.status(), StatusCode::NO_CONTENT);
    let response = call(
        &coach,
        Method::GET,
        &format!("/api/v1/shared-plans/{plan_id}"),
        None,
    )
    .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        get(&coach, "/api/v1/shared-plans").await["plans"],
        json!([])
    );
    let again = call(&leader, Method::DELETE, &unshare, None).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    let response = call(
        &leader,
        Method::DELETE,
        &format!("/api/v1/plans/20x6-2027/shares/{coach_id}"),
        None,
    )
    .await;
    refused(response, StatusCode::BAD_REQUEST, "school-year-invalid").await;
    app.stop().await;
}

#[tokio::test]
async fn a_theme_is_made_from_ones_own_blind_spot_and_from_no_one_elses() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = signed_in(&app, LEADER).await;
    // visie-02 is the round's blind spot (self 4, the team 2 and 3), visie-01 a hidden
    // strength.
    let round = released(&app, &world, &leader).await;
    let year = current_year(&leader).await;
    let blind_spot = |round: i64, item: &str| json!({"title": "Wat het team ziet", "cards": ["visie-05"], "source": {"kind": "blind-spot", "id": round, "item": item}});

    // Refused first, into an empty year: nothing of it may be stored.
    for body in [
        blind_spot(round, "visie-01"),
        blind_spot(round, "omgeving-01"),
        blind_spot(round + 1000, "visie-02"),
        blind_spot(round, ""),
        json!({"title": "X", "source": {"kind": "blind-spot", "item": "visie-02"}}),
        json!({"title": "X", "source": {"kind": "focus-card", "id": round, "item": "visie-02"}}),
        json!({"title": "X", "source": {"kind": "scan-gap", "id": round, "item": "ruimte-01"}}),
    ] {
        let response = add_theme(&leader, &year, body).await;
        refused(response, StatusCode::BAD_REQUEST, "plan-source-unknown").await;
    }
    // Someone else's report is no source of theirs, even with its blind spot named.
    let coach = signed_in(&app, COACH).await;
    let response = add_theme(&coach, &year, blind_spot(round, "visie-02")).await;
    refused(response, StatusCode::BAD_REQUEST, "plan-source-unknown").await;
    assert_eq!(get(&coach, "/api/v1/plans").await["plans"], json!([]));
    assert_eq!(get(&leader, "/api/v1/plans").await["plans"], json!([]));

    // The leader's own blind spot: the theme links back to it and is about its card first.
    let id = theme(&leader, &year, blind_spot(round, "visie-02")).await;
    let made = get(&leader, &format!("/api/v1/plan-themes/{id}")).await;
    assert_eq!(
        made["source"],
        json!({"kind": "blind-spot", "id": round, "item": "visie-02"})
    );
    assert_eq!(made["cards"], json!(["visie-02", "visie-05"]));
    app.stop().await;
}
