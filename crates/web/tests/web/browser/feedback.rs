//! A 360° round works through in Chromium, as issue 11 asks: the leader starts a round and
//! sees the preview, three team members and one board member answer through their links on
//! phone-sized screens, a fourth team member starts and never submits, the round closes, and
//! the leader reads a report with the team and the board and no trace of the unfinished
//! answers. axe finds nothing serious on the rater's page or the report, in both languages.

use leidraad_domain::accounts::Secret;
use reqwest::Method;

use super::phone::too_wide;
use super::*;
use crate::accounts::{PASSWORD, decode_mail, world};
use crate::feedback::group;

const TEAM: [&str; 4] = [
    "anna@team.example",
    "bert@team.example",
    "carla@team.example",
    "dirk@team.example",
];
const BOARD: &str = "voorzitter@bestuur.example";

/// Every `/b/{token}` link in the outbox, by recipient (the newest mail to each).
async fn links_by_recipient(app: &crate::helpers::TestApp) -> Vec<(String, String)> {
    app.mail_settled().await;
    let mut files: Vec<_> = std::fs::read_dir(&app.outbox)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut links = Vec::new();
    for file in files {
        let mail = decode_mail(&std::fs::read_to_string(file).unwrap());
        let (Some(to), Some(at)) = (
            mail.lines().find_map(|l| l.strip_prefix("To: ")),
            mail.find("/b/"),
        ) else {
            continue;
        };
        links.push((to.trim().to_owned(), mail[at..at + 3 + 64].to_owned()));
    }
    links
}

fn link_of<'a>(links: &'a [(String, String)], address: &str) -> &'a str {
    &links
        .iter()
        .rfind(|(to, _)| to.contains(address))
        .unwrap_or_else(|| panic!("no link mailed to {address}: {links:?}"))
        .1
}

/// Clicks `css` and waits for the next page to have loaded and meet `condition`: a marker set
/// on the old page tells it from the new one, whose address may look the same.
async fn click_to_next_page(browser: &Browser, css: &str, condition: &str) {
    browser.execute("window.__oldPage = true").await;
    browser.click(&browser.find(css).await).await;
    browser
        .wait_for(&format!(
            "!window.__oldPage && document.readyState === 'complete' && ({condition})"
        ))
        .await;
}

/// The leader starts a round on one domain and makes the board a group that may be shown from
/// one answer; returns the round and its team and board groups.
async fn set_up(browser: &Browser, app: &crate::helpers::TestApp) -> (i64, i64, i64) {
    browser.goto(&app.url("/feedback")).await;
    browser
        .click(&browser.find("input[name=scope][value=domeinen]").await)
        .await;
    browser
        .click(&browser.find("input[name=domain][value=visie]").await)
        .await;
    click_to_next_page(
        browser,
        "form[action='/feedback'] button[type=submit]",
        "/^\\/feedback\\/\\d+$/.test(location.pathname)",
    )
    .await;
    let round: i64 = browser
        .location()
        .await
        .trim_start_matches("/feedback/")
        .parse()
        .unwrap();
    let default_board = group(app, round, "bestuur").await;
    browser
        .click(&browser.find(".add-group summary").await)
        .await;
    browser
        .click(&browser.find("#kind option[value=bestuur]").await)
        .await;
    browser
        .click(&browser.find("input[name=identifiable]").await)
        .await;
    click_to_next_page(
        browser,
        "form[action$='/groepen'] button[type=submit]",
        "location.search.includes('groep-toegevoegd')",
    )
    .await;
    let remove =
        format!("form[action='/feedback/{round}/groepen/{default_board}/verwijderen'] button");
    click_to_next_page(
        browser,
        &remove,
        "location.search.includes('groep-verwijderd')",
    )
    .await;
    let team = group(app, round, "team").await;
    let board = group(app, round, "bestuur").await;
    (round, team, board)
}

async fn add_raters(browser: &Browser, round: i64, group: i64, lines: &str) {
    let field = browser.find(&format!("#raters-{group}")).await;
    browser.send_keys(&field, lines).await;
    let submit = format!("form[action='/feedback/{round}/groepen/{group}/beoordelaars'] button");
    click_to_next_page(
        browser,
        &submit,
        "location.search.includes('beoordelaars-toegevoegd')",
    )
    .await;
}

/// A rater opens their link on a phone, rates every card and submits, confirming once.
async fn answer_and_submit(
    browser: &Browser,
    app: &crate::helpers::TestApp,
    link: &str,
    pick: &str,
) {
    browser.command(Method::DELETE, "/cookie", None).await;
    browser.goto(&app.url(link)).await;
    browser
        .wait_for("location.pathname === '/beoordelen'")
        .await;
    assert!(
        !browser.location().await.contains("/b/"),
        "the token left the address bar"
    );
    assert_eq!(
        too_wide(browser).await,
        Vec::<String>::new(),
        "the rater's form on a phone"
    );
    for radio in browser
        .find_all(&format!("fieldset.rate-card input[value='{pick}']"))
        .await
    {
        browser.click(&radio).await;
    }
    click_to_next_page(
        browser,
        "button[formaction='/beoordelen/inleveren']",
        "!!document.querySelector('button[name=bevestigd]')",
    )
    .await;
    click_to_next_page(
        browser,
        "button[name=bevestigd]",
        "!document.querySelector('fieldset.rate-card')",
    )
    .await;
}

#[tokio::test]
async fn a_round_works_through_from_the_preview_to_the_report() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    world(&app).await;
    let leader = Browser::start().await;
    sign_in(&leader, &app, "school-leader@a.example", PASSWORD).await;
    let (round, team, board) = set_up(&leader, &app).await;
    add_raters(&leader, round, team, &TEAM.join("\n")).await;
    let page = leader.execute("return document.body.innerText").await;
    assert!(
        page.as_str()
            .unwrap()
            .contains("verdwijnt de groep als twee"),
        "the preview warns about four team members: {page}"
    );
    add_raters(&leader, round, board, BOARD).await;
    click_to_next_page(
        &leader,
        "form[action$='/versturen'] button",
        "location.search.includes('verstuurd')",
    )
    .await;
    let links = links_by_recipient(&app).await;

    let phone = Browser::start().await;
    phone.set_window_size(390, 844).await;
    for (address, pick) in [
        (TEAM[0], "vaak"),
        (TEAM[1], "soms"),
        (TEAM[2], "vanzelfsprekend"),
        (BOARD, "kan-niet-beoordelen"),
    ] {
        answer_and_submit(&phone, &app, link_of(&links, address), pick).await;
    }
    // The fourth starts: two answers autosaved, never submitted.
    phone.command(Method::DELETE, "/cookie", None).await;
    let unfinished = link_of(&links, TEAM[3]);
    phone.goto(&app.url(unfinished)).await;
    phone.wait_for("location.pathname === '/beoordelen'").await;
    for radio in phone
        .find_all("fieldset.rate-card input[value='nog-niet']")
        .await
        .into_iter()
        .take(2)
    {
        phone.click(&radio).await;
    }
    phone.wait_for("[...document.querySelectorAll('.save-state')].filter(e => e.textContent.trim()).length >= 2").await;
    let axe = axe_source();
    let mut serious = axe_violations(&phone, &axe, &app.url("/beoordelen"), "nl").await;
    let token = unfinished.trim_start_matches("/b/");
    let draft = app
        .store
        .link_by_digest(&Secret::parse(token).unwrap().digest())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        app.store.draft_of(draft.id).await.unwrap().answers.len(),
        2,
        "autosaved"
    );

    click_to_next_page(
        &leader,
        "form[action$='/sluiten'] button",
        "location.pathname.endsWith('/rapport')",
    )
    .await;
    let report = leader.execute("return document.body.innerText").await;
    let report = report.as_str().unwrap();
    assert!(
        report.contains("Teamleden") && report.contains("Bestuur"),
        "{report}"
    );
    assert!(
        app.store
            .draft_of(draft.id)
            .await
            .unwrap()
            .answers
            .is_empty(),
        "the draft is gone"
    );
    let (_, snapshot) = app.store.report_of(round).await.unwrap().unwrap();
    let snapshot: serde_json::Value = serde_json::from_str(&snapshot).unwrap();
    let respondents: Vec<_> = snapshot["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["kind"].clone(), g["respondents"].clone()))
        .collect();
    assert_eq!(
        respondents,
        [
            (serde_json::json!("team"), serde_json::json!(3)),
            (serde_json::json!("bestuur"), serde_json::json!(1))
        ]
    );
    let nog_niet = snapshot["cards"].as_array().unwrap().iter().any(|c| {
        c["groups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g[1]["mean"] == serde_json::json!(1.0))
    });
    assert!(
        !nog_niet,
        "nothing of the unfinished answers (all 'nog niet') is in the report"
    );
    let path = format!("/feedback/{round}/rapport");
    serious.extend(axe_violations(&leader, &axe, &app.url(&path), "nl").await);
    switch_language(&leader, "en").await;
    serious.extend(axe_violations(&leader, &axe, &app.url(&path), "en").await);
    leader.set_window_size(390, 844).await;
    leader.goto(&app.url(&path)).await;
    assert_eq!(
        too_wide(&leader).await,
        Vec::<String>::new(),
        "the report on a phone"
    );
    assert!(
        serious.is_empty(),
        "serious axe violations:\n{}",
        serious.join("\n")
    );
    phone.close().await;
    leader.close().await;
    app.stop().await;
}
