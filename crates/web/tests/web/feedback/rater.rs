//! The rater's pages: the link is traded for a cookie and leaves the address bar, the page
//! promises who sees what before anything is asked, the form saves and submits without
//! script, and afterwards, or after closing, the link shows thanks or a closed page and never
//! the answers. Guessing links is slowed down.

use leidraad_domain::accounts::Secret;
use leidraad_store::feedback::{Change, NewGroup};
use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, LOCATION, REFERRER_POLICY, RETRY_AFTER, SET_COOKIE};

use super::*;
use crate::accounts::{csrf_in, world};
use crate::helpers::{spawn_app, text_of};

/// An open round of the leader on the cards of `domains`, with one team rater: (round, the
/// rater's token).
pub async fn open_round_with_rater(
    app: &TestApp,
    world: &World,
    domains: &[&str],
) -> (i64, String) {
    let leader = Browser::signed_in(app, LEADER).await;
    let me = person(app, LEADER).await;
    let round = new_round(&leader, world, domains).await;
    let team = group(app, round, "team").await;
    let token = add_rater(app, round, me, team).await;
    open(app, round, me).await;
    (round, token)
}

/// A browser without an account that has opened the link: its cookie jar holds the link,
/// and `csrf` the form token its page carries.
pub async fn rater<'a>(app: &'a TestApp, token: &str) -> Browser<'a> {
    let mut browser = Browser::new(app);
    let opened = browser.get(&format!("/b/{token}")).await;
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    let html = browser.get("/beoordelen").await.text().await.unwrap();
    browser.csrf = csrf_in(&html).expect("the form carries its token");
    browser
}

/// The link's id in the store, for its draft.
pub async fn link_id(app: &TestApp, token: &str) -> i64 {
    let digest = Secret::parse(token).unwrap().digest();
    app.store.link_by_digest(&digest).await.unwrap().unwrap().id
}

fn assert_private(response: &reqwest::Response, what: &str) {
    assert_eq!(response.headers()[REFERRER_POLICY], "no-referrer", "{what}");
    assert_eq!(response.headers()[CACHE_CONTROL], "no-store", "{what}");
}

#[tokio::test]
async fn the_link_becomes_a_cookie_and_leaves_the_address_bar() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let (round, token) = open_round_with_rater(&app, &world, &["visie"]).await;
    let browser = Browser::new(&app);
    let opened = browser.get(&format!("/b/{token}")).await;
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    assert_eq!(opened.headers()[LOCATION], "/beoordelen");
    assert_private(&opened, "the link");
    let cookie = opened.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    assert!(
        cookie.starts_with(&format!("leidraad_link={token};")),
        "{cookie}"
    );
    for part in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(part), "{part} in {cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain HTTP here: {cookie}");
    let max_age: i64 = cookie
        .split("Max-Age=")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .unwrap()
        .parse()
        .unwrap();
    let closes_at = app.store.round(round).await.unwrap().unwrap().closes_at;
    assert!(
        max_age > 0 && max_age <= closes_at - app.clock.now(),
        "{max_age}"
    );

    let page = browser.get("/beoordelen").await;
    assert_eq!(page.status(), StatusCode::OK);
    assert_private(&page, "the form");
    let html = page.text().await.unwrap();
    assert!(!html.contains(&token), "the page never shows the token");
    let text = text_of(&html);
    for said in [
        "Feedback voor Test school-leader",
        "Hoe ervaren jullie mijn leiderschap?",
        "Je antwoordt in de groep Teamleden",
        "minstens 3 mensen uit je groep antwoorden",
        "Je naam staat nooit bij je antwoorden",
        "losgemaakt van je link",
        "Je kunt antwoorden tot en met",
        "kan ik niet beoordelen",
        "Tot slot",
    ] {
        assert!(text.contains(said), "{said:?} in {text}");
    }
    // The promise comes before the first question.
    assert!(html.find("Wie ziet wat?").unwrap() < html.find("name=\"card-visie-01\"").unwrap());
    assert!(html.contains(r#"data-save-url="/api/v1/rater/answers/visie-01""#));
    assert!(html.contains(r#"data-save-url="/api/v1/rater/comments/visie""#));
    assert!(html.contains(r#"data-save-url="/api/v1/rater/comments/algemeen""#));
    assert!(!html.contains("/uitloggen"), "no account on a rater's page");
}

#[tokio::test]
async fn without_its_link_the_form_says_how_to_get_back_and_unknown_links_are_404() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let _ = open_round_with_rater(&app, &world, &["visie"]).await;
    let nothing = app.get("/beoordelen").await;
    assert_eq!(nothing.status(), StatusCode::NOT_FOUND);
    assert_private(&nothing, "the form without a link");
    assert!(
        nothing
            .text()
            .await
            .unwrap()
            .contains("Open de link uit je mail opnieuw")
    );
    let garbage = app
        .client
        .get(app.url("/beoordelen"))
        .header("cookie", "leidraad_link=garbage")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), StatusCode::NOT_FOUND);
    assert!(
        garbage.headers()[SET_COOKIE]
            .to_str()
            .unwrap()
            .starts_with("leidraad_link=; Path=/; Max-Age=0"),
        "a cookie that leads nowhere is dropped"
    );
    // An unknown link answers as anything unknown does.
    let unknown = app.get(&format!("/b/{}", "0".repeat(64))).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_private(&unknown, "an unknown link");
    let elsewhere = app.get("/bestaat-niet").await;
    assert_eq!(
        text_of(&unknown.text().await.unwrap()),
        text_of(&elsewhere.text().await.unwrap())
    );
}

#[tokio::test]
async fn the_form_saves_without_script_and_submits_after_asking_once() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let (round, token) = open_round_with_rater(&app, &world, &["visie"]).await;
    let rater = rater(&app, &token).await;
    let saved = rater
        .post(
            "/beoordelen",
            &[
                ("card-visie-01", "vaak"),
                ("card-visie-02", "kan-niet-beoordelen"),
                ("comment-visie", "Duidelijke koers."),
                ("comment-algemeen", ""),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(saved.headers()[LOCATION], "/beoordelen?melding=bewaard");
    let link = link_id(&app, &token).await;
    let draft = app.store.draft_of(link).await.unwrap();
    assert_eq!(
        draft.answers,
        [("visie-01".to_owned(), 3), ("visie-02".to_owned(), 0)]
    );
    assert!(
        draft
            .comments
            .contains(&("visie".to_owned(), "Duidelijke koers.".to_owned()))
    );
    let again = rater
        .get("/beoordelen?melding=bewaard")
        .await
        .text()
        .await
        .unwrap();
    assert!(text_of(&again).contains("Je antwoorden zijn bewaard"));
    assert!(
        again.contains(r#"value="vaak" checked"#),
        "the choice is shown again"
    );

    let asked = rater
        .post("/beoordelen/inleveren", &[("card-visie-03", "2")])
        .await;
    assert_eq!(asked.status(), StatusCode::OK);
    let asked = text_of(&asked.text().await.unwrap());
    assert!(asked.contains("Je hebt 3 van de"), "{asked}");
    assert!(!app.store.draft_of(link).await.unwrap().answers.is_empty());

    let submitted = rater
        .post("/beoordelen/inleveren", &[("bevestigd", "ja")])
        .await;
    assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
    assert_eq!(submitted.headers()[LOCATION], "/beoordelen");
    let thanks = rater.get("/beoordelen").await;
    assert_eq!(thanks.status(), StatusCode::OK);
    let thanks = thanks.text().await.unwrap();
    assert!(text_of(&thanks).contains("Dank je wel!"));
    assert!(!thanks.contains("Duidelijke koers"), "never the answers");
    assert!(!thanks.contains("checked"), "never the answers");
    assert!(thanks.contains("data-forget-drafts=\"leidraad-concept:beoordeling-"));
    let draft = app.store.draft_of(link).await.unwrap();
    assert!(draft.answers.is_empty() && draft.comments.is_empty());
    let responses = app.store.responses_of(round).await.unwrap();
    assert_eq!(responses.len(), 1);
    assert_eq!(responses[0].answers.len(), 3);

    let twice = rater
        .post("/beoordelen/inleveren", &[("bevestigd", "ja")])
        .await;
    assert_eq!(twice.status(), StatusCode::CONFLICT);
    assert!(text_of(&twice.text().await.unwrap()).contains("Je had al ingeleverd"));
    // Opening the link again shows the thanks, not the form.
    let reopened = rater.get(&format!("/b/{token}")).await;
    assert_eq!(reopened.status(), StatusCode::SEE_OTHER);
    let page = rater.get("/beoordelen").await.text().await.unwrap();
    assert!(text_of(&page).contains("Dank je wel!"));
    assert_eq!(app.store.responses_of(round).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_refused_comment_comes_back_as_typed_and_the_rest_is_saved() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let (_, token) = open_round_with_rater(&app, &world, &["visie"]).await;
    let rater = rater(&app, &token).await;
    let long = "x".repeat(2001);
    let refused = rater
        .post(
            "/beoordelen",
            &[("card-visie-01", "soms"), ("comment-visie", &long)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let html = refused.text().await.unwrap();
    assert!(html.contains(&long), "the text is not lost");
    assert!(html.contains(r#"aria-invalid="true""#));
    let draft = app
        .store
        .draft_of(link_id(&app, &token).await)
        .await
        .unwrap();
    assert_eq!(draft.answers, [("visie-01".to_owned(), 2)]);
    assert!(draft.comments.iter().all(|(_, text)| text.len() < 2001));
    // A value off the scale refuses the whole post.
    let off = rater
        .post(
            "/beoordelen",
            &[("card-visie-02", "5"), ("card-visie-03", "vaak")],
        )
        .await;
    assert_eq!(off.status(), StatusCode::BAD_REQUEST);
    let draft = app
        .store
        .draft_of(link_id(&app, &token).await)
        .await
        .unwrap();
    assert_eq!(draft.answers.len(), 1);
}

#[tokio::test]
async fn a_post_from_another_site_or_without_the_forms_token_is_refused() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let (_, token) = open_round_with_rater(&app, &world, &["visie"]).await;
    let mut rater = rater(&app, &token).await;
    let cross = rater
        .client
        .post(app.url("/beoordelen/inleveren"))
        .header("sec-fetch-site", "cross-site")
        .form(&[
            ("csrf_token", rater.csrf.as_str()),
            ("bevestigd", "ja"),
            ("card-visie-01", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), StatusCode::FORBIDDEN);
    rater.csrf = "0".repeat(64);
    let forged = rater.post("/beoordelen", &[("card-visie-01", "1")]).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let link = link_id(&app, &token).await;
    assert!(app.store.draft_of(link).await.unwrap().answers.is_empty());
    let state = app
        .store
        .link_by_digest(&Secret::parse(&token).unwrap().digest())
        .await
        .unwrap()
        .unwrap();
    assert!(!state.answered);
}

#[tokio::test]
async fn a_signed_in_member_who_answers_is_only_a_link_holder() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let (_, token) = open_round_with_rater(&app, &world, &["visie"]).await;
    let mut member = Browser::signed_in(&app, "staff@a.example").await;
    member.get(&format!("/b/{token}")).await;
    let html = member.get("/beoordelen").await.text().await.unwrap();
    assert!(!html.contains("Test staff"), "no name on the rater's page");
    assert!(!html.contains("/uitloggen"));
    assert!(
        !html.contains(&member.csrf),
        "the session's token is not on the page"
    );
    // The link's form token is enough; the session's plays no part.
    member.csrf = csrf_in(&html).unwrap();
    let saved = member.post("/beoordelen", &[("card-visie-01", "4")]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let draft = app
        .store
        .draft_of(link_id(&app, &token).await)
        .await
        .unwrap();
    assert_eq!(draft.answers, [("visie-01".to_owned(), 4)]);
}

#[tokio::test]
async fn an_identifiable_board_is_told_so_before_answering() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let me = person(&app, LEADER).await;
    let round = new_round(&leader, &world, &["visie"]).await;
    let board = NewGroup {
        kind: "bestuur",
        label: None,
        threshold: 3,
        comment_threshold: 3,
        identifiable: true,
    };
    let Change::Done(group) = app.store.add_group(round, me, &board).await.unwrap() else {
        panic!("the board group is added");
    };
    let token = add_rater(&app, round, me, group).await;
    open(&app, round, me).await;
    let rater = rater(&app, &token).await;
    let text = text_of(&rater.get("/beoordelen").await.text().await.unwrap());
    assert!(text.contains("heeft je groep herkenbaar gemaakt"), "{text}");
    assert!(text.contains("als je de enige uit je groep bent"), "{text}");
    assert!(!text.contains("minstens 3 mensen"), "{text}");
}

#[tokio::test]
async fn guessing_links_from_one_address_must_wait_after_ten_tries() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let (_, token) = open_round_with_rater(&app, &world, &["visie"]).await;
    for guess in 0..10 {
        let response = app.get(&format!("/b/{guess:064x}")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "guess {guess}");
    }
    let waiting = app.get(&format!("/b/{:064x}", 99)).await;
    assert_eq!(waiting.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_private(&waiting, "the refusal");
    let seconds: i64 = waiting.headers()[RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&seconds), "{seconds}");
    // Right or wrong, the address waits: a right guess would otherwise be told apart.
    let right = app.get(&format!("/b/{token}")).await;
    assert_eq!(right.status(), StatusCode::TOO_MANY_REQUESTS);
    app.clock.advance(61);
    let later = app.get(&format!("/b/{token}")).await;
    assert_eq!(later.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn after_closing_the_link_shows_a_polite_closed_page_and_takes_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let (round, token) = open_round_with_rater(&app, &world, &["visie"]).await;
    let rater = rater(&app, &token).await;
    rater.post("/beoordelen", &[("card-visie-01", "3")]).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let closed = leader
        .post(&format!("/feedback/{round}/sluiten"), &[])
        .await;
    assert_eq!(closed.status(), StatusCode::SEE_OTHER);

    let page = rater.get("/beoordelen").await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(text_of(&html).contains("Deze feedbackronde is gesloten"));
    assert!(!html.contains("name=\"card-visie-01\""));
    let late = rater
        .post(
            "/beoordelen/inleveren",
            &[("bevestigd", "ja"), ("card-visie-02", "1")],
        )
        .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    assert!(text_of(&late.text().await.unwrap()).contains("gesloten"));
    // The link itself shows the same, without a cookie for a round that is over.
    let fresh = Browser::new(&app);
    let opened = fresh.get(&format!("/b/{token}")).await;
    assert_eq!(opened.status(), StatusCode::OK);
    assert!(opened.headers().get(SET_COOKIE).is_none());
    assert_private(&opened, "a closed link");
    let link = link_id(&app, &token).await;
    assert!(app.store.draft_of(link).await.unwrap().answers.is_empty());
}

#[tokio::test]
async fn the_rater_switches_language_with_a_link() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let (_, token) = open_round_with_rater(&app, &world, &["visie"]).await;
    let rater = rater(&app, &token).await;
    let html = rater.get("/beoordelen").await.text().await.unwrap();
    assert!(html.contains(r#"href="?taal=en""#));
    let switched = rater.get("/beoordelen?taal=en").await;
    assert_eq!(switched.status(), StatusCode::SEE_OTHER);
    assert_eq!(switched.headers()[LOCATION], "/beoordelen");
    let text = text_of(&rater.get("/beoordelen").await.text().await.unwrap());
    assert!(text.contains("Who sees what?"), "{text}");
    assert!(text.contains("second nature"), "{text}");
}
