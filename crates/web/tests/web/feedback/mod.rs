//! 360° feedback: a leader's round from setup to report, the rater's link, the API, and above
//! all anonymity. The fixtures here set a round up through the leader's own pages and put
//! raters' links in through the store, with tokens the test knows.

use leidraad_domain::accounts::{PersonId, Secret};
use leidraad_store::feedback::{NewLink, RoundState};

use crate::accounts::{Browser, World};
use crate::helpers::TestApp;
use crate::reflections::location;

/// The school leader of organisation A, signed in.
pub const LEADER: &str = "school-leader@a.example";

/// A round of the leader on the cards of `domains` (all when empty), created through the
/// page's form; its three groups (team, colleagues, board) are there, empty.
pub async fn new_round(leader: &Browser<'_>, world: &World, domains: &[&str]) -> i64 {
    let organisation = world.org_a.get().to_string();
    let closes_on = date_in(leader.app, 30);
    let mut fields = vec![
        ("organisation", organisation.as_str()),
        ("request", "Hoe ervaren jullie mijn leiderschap?"),
        ("closes_on", closes_on.as_str()),
    ];
    fields.push((
        "scope",
        if domains.is_empty() {
            "standaard"
        } else {
            "domeinen"
        },
    ));
    for domain in domains {
        fields.push(("domain", domain));
    }
    let response = leader.post("/feedback", &fields).await;
    let to = location(&response);
    assert!(to.starts_with("/feedback/"), "{}: {to}", response.status());
    to.trim_start_matches("/feedback/").parse().unwrap()
}

/// The Amsterdam date `days` from the app's now, as a date field holds it.
pub fn date_in(app: &TestApp, days: i64) -> String {
    let day =
        leidraad_domain::local_time::LocalDateTime::amsterdam(app.clock.now() + days * 86_400);
    format!("{:04}-{:02}-{:02}", day.year, day.month, day.day)
}

/// The id of the round's group of `kind` (`team`, `collegas`, `bestuur`).
pub async fn group(app: &TestApp, round: i64, kind: &str) -> i64 {
    app.store
        .groups_of(round)
        .await
        .unwrap()
        .into_iter()
        .find(|g| g.kind == kind)
        .map(|g| g.id)
        .unwrap()
}

/// A rater in `group`, with a token the test holds: the raw token (for `/b/{token}`).
pub async fn add_rater(app: &TestApp, round: i64, leader: PersonId, group: i64) -> String {
    let mut bytes = [0u8; 32];
    for byte in &mut bytes {
        *byte = fastrand::u8(..);
    }
    let token = Secret::from_random(bytes);
    let change = app
        .store
        .add_link(
            round,
            leader,
            &NewLink {
                group,
                token_digest: &token.digest(),
                email: None,
                name: "",
                now: app.clock.now(),
            },
        )
        .await
        .unwrap();
    assert!(matches!(change, leidraad_store::feedback::Change::Done(_)));
    token.expose().to_owned()
}

/// Opens a concept round as its leader would by sending it without a coach.
pub async fn open(app: &TestApp, round: i64, leader: PersonId) {
    let change = app
        .store
        .set_state(
            round,
            leader,
            RoundState::Concept,
            RoundState::Open,
            None,
            app.clock.now(),
        )
        .await
        .unwrap();
    assert!(matches!(change, leidraad_store::feedback::Change::Done(())));
}

/// Submits a whole form for the link of `token` straight through the store: `answers` as
/// (card, 0–4) and comments as (domain or "", text).
pub async fn submit_in_store(
    app: &TestApp,
    token: &str,
    answers: &[(&str, i64)],
    comments: &[(&str, &str)],
) {
    let link = app
        .store
        .link_by_digest(&Secret::parse(token).unwrap().digest())
        .await
        .unwrap()
        .unwrap();
    let answers: Vec<(String, i64)> = answers.iter().map(|(c, a)| ((*c).to_owned(), *a)).collect();
    let comments: Vec<(String, String)> = comments
        .iter()
        .map(|(d, t)| ((*d).to_owned(), (*t).to_owned()))
        .collect();
    let id: String = (0..32)
        .map(|_| fastrand::alphanumeric().to_ascii_lowercase())
        .map(|c| if c.is_ascii_hexdigit() { c } else { 'a' })
        .collect();
    let change = app
        .store
        .submit(link.id, &id, Some(&answers), Some(&comments))
        .await
        .unwrap();
    assert!(matches!(change, leidraad_store::feedback::Change::Done(())));
}

/// The person id behind an address.
pub async fn person(app: &TestApp, email: &str) -> PersonId {
    app.store.person_by_email(email).await.unwrap().unwrap().id
}
mod api;
pub mod rater;
mod rater_api;
mod release;
pub mod report;

/// Whom the leader shared round `round` with.
pub async fn viewers(app: &TestApp, round: i64) -> Vec<PersonId> {
    let reading = app.store.report_reading(round).await.unwrap();
    reading.map_or_else(Vec::new, |r| {
        r.viewers.into_iter().map(|(p, _)| p).collect()
    })
}
