//! The self-reflection in the browser: sorting by keyboard, reloading, the profile, and the
//! pile board that never puts an old note back.

use super::*;

/// An earlier, finished reflection of `person` on the whole standard, for the comparison.
async fn earlier_reflection(
    app: &crate::helpers::TestApp,
    person: leidraad_domain::accounts::PersonId,
    organisation: leidraad_domain::accounts::OrganisationId,
) -> i64 {
    use leidraad_store::reflections::{AnswerFields, AnswerUpdate, NewReflection};
    let library = leidraad_domain::load_library(&leidraad_web::embedded_content()).unwrap();
    let framework = library.default_framework().unwrap();
    let domains: Vec<String> = framework.domains.iter().map(|d| d.id.clone()).collect();
    let at = app.clock.now() - 365 * 86_400;
    let id = app
        .store
        .create_reflection(NewReflection {
            person,
            organisation: Some(organisation),
            framework_id: &framework.id,
            content_fingerprint: &framework.fingerprint,
            domains: &domains,
            now: at,
            prefill_from: None,
        })
        .await
        .unwrap()
        .unwrap();
    for card in &framework.cards {
        let update = AnswerUpdate {
            card_id: &card.id,
            pile: Some(leidraad_domain::reflection::Pile::NotYet),
            note: "",
            evidence: "",
            starred: false,
            fields: AnswerFields::ALL,
        };
        app.store.save_answer(person, id, update, at).await.unwrap();
    }
    app.store
        .finish_reflection(person, id, at + 60)
        .await
        .unwrap();
    id
}

#[tokio::test]
async fn a_leader_sorts_all_80_cards_by_keyboard_reloads_halfway_and_reads_the_profile() {
    if !enabled() {
        return;
    }
    let axe = axe_source();
    let app = spawn_app().await;
    let world = crate::accounts::world(&app).await;
    let leader = world.people["school-leader"].1;
    let earlier = earlier_reflection(&app, leader, world.org_a).await;
    let browser = Browser::start().await;
    sign_in(
        &browser,
        &app,
        "school-leader@a.example",
        crate::accounts::PASSWORD,
    )
    .await;
    browser.goto(&app.url("/reflecties")).await;
    let mut serious = axe_violations(&browser, &axe, &app.url("/reflecties"), "nl").await;
    let start = browser.find("#h-start ~ form button[type=submit]").await;
    browser.click(&start).await;
    browser
        .wait_for("location.pathname.endsWith('/sorteren')")
        .await;
    let id: i64 = browser
        .execute("return location.pathname.split('/')[2]")
        .await
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let sort_url = app.url(&format!("/reflecties/{id}/sorteren"));
    serious.extend(axe_violations(&browser, &axe, &sort_url, "nl").await);
    let list_url = app.url(&format!("/reflecties/{id}/lijst"));
    serious.extend(axe_violations(&browser, &axe, &list_url, "nl").await);
    browser.goto(&sort_url).await;

    for n in 1..=80 {
        browser
            .wait_for(&format!(
                "document.getElementById('progress') && document.getElementById('progress').textContent.startsWith('Kaart {n} ')"
            ))
            .await;
        if n == 41 {
            // Halfway: the browser reloads and comes back exactly here, nothing lost.
            browser
                .goto(&app.url(&format!("/reflecties/{id}/sorteren")))
                .await;
            browser
                .wait_for("document.getElementById('progress').textContent.startsWith('Kaart 41 ')")
                .await;
            assert_eq!(app.store.answers(id).await.unwrap().len(), 40);
        }
        let key = ["1", "2", "3", "4"][n % 4];
        browser.press(&[key]).await;
    }
    browser
        .wait_for(&format!("location.pathname === '/reflecties/{id}'"))
        .await;
    let answers = app.store.answers(id).await.unwrap();
    assert_eq!(answers.iter().filter(|a| a.pile.is_some()).count(), 80);

    // Finishing asks first, on a page of its own.
    let finish = browser.find("form[action$='/afronden'] button").await;
    browser.click(&finish).await;
    browser
        .wait_for(&format!(
            "location.pathname === '/reflecties/{id}/afronden'"
        ))
        .await;
    let confirm = browser
        .find("form[method=post][action$='/afronden'] button")
        .await;
    browser.click(&confirm).await;
    browser
        .wait_for("!!document.querySelector('.notice')")
        .await;
    assert_eq!(
        browser
            .find_all("svg.radar polygon.radar__shape")
            .await
            .len(),
        1
    );
    assert_eq!(browser.find_all("#h-strengths ~ ul li").await.len(), 20);
    for chosen in 1..=3 {
        let choose = browser.find("form[action$='/focus'] button").await;
        browser.click(&choose).await;
        // After the first choice the address already says `melding=focus`, so only the
        // length of the list tells that the next page has loaded.
        browser
            .wait_for(&format!(
                "document.querySelectorAll('#h-focus ~ ol li').length === {chosen}"
            ))
            .await;
    }
    assert_eq!(browser.find_all("#h-focus ~ ol li").await.len(), 3);
    let fourth = browser.find("form[action$='/focus'] button").await;
    browser.click(&fourth).await;
    browser
        .wait_for("!!document.getElementById('form-error')")
        .await;
    let message = browser.text(&browser.find("#form-error").await).await;
    assert!(message.contains("twee of drie"), "{message}");
    serious
        .extend(axe_violations(&browser, &axe, &app.url(&format!("/reflecties/{id}")), "nl").await);
    serious.extend(
        axe_violations(
            &browser,
            &axe,
            &app.url(&format!("/reflecties/vergelijk?a={earlier}&b={id}")),
            "nl",
        )
        .await,
    );
    let rows = browser.find_all("table tbody tr").await;
    assert!(rows.len() >= 9, "a row per domain and the cards that moved");
    browser.close().await;
    app.stop().await;
    assert!(
        serious.is_empty(),
        "serious or critical violations:\n{}",
        serious.join("\n")
    );
}

/// The outside test's steps (issue 8): a pile board is open; elsewhere a note is saved; the
/// card's pile is changed on the board. And: a note typed in the sort view, then Back to the
/// board, then the pile changed there. Either way the newer note, evidence and star stay.
#[tokio::test]
async fn a_pile_board_loaded_earlier_never_puts_an_old_note_back() {
    if !enabled() {
        return;
    }
    use leidraad_store::reflections::{AnswerFields, AnswerUpdate, NewReflection};
    let app = spawn_app().await;
    let world = crate::accounts::world(&app).await;
    let leader = world.people["school-leader"].1;
    let library = leidraad_domain::load_library(&leidraad_web::embedded_content()).unwrap();
    let framework = library.default_framework().unwrap();
    let id = app
        .store
        .create_reflection(NewReflection {
            person: leader,
            organisation: Some(world.org_a),
            framework_id: &framework.id,
            content_fingerprint: &framework.fingerprint,
            domains: &["visie".to_owned()],
            now: app.clock.now(),
            prefill_from: None,
        })
        .await
        .unwrap()
        .unwrap();
    let browser = Browser::start().await;
    sign_in(
        &browser,
        &app,
        "school-leader@a.example",
        crate::accounts::PASSWORD,
    )
    .await;
    let list_url = app.url(&format!("/reflecties/{id}/lijst?domein=visie"));
    browser.goto(&list_url).await;
    // Elsewhere (another tab, a phone), a note, evidence and a star are saved.
    let elsewhere = AnswerUpdate {
        card_id: "visie-01",
        pile: None,
        note: "nieuwe notitie",
        evidence: "jaarplan 2026",
        starred: true,
        fields: AnswerFields::ALL,
    };
    app.store
        .save_answer(leader, id, elsewhere, app.clock.now())
        .await
        .unwrap();
    let choose = |card: &str, pile: &str| {
        format!(
            "document.querySelector('.board-card[data-card=\"{card}\"] .move[value$=\"={pile}\"]').click();"
        )
    };
    browser.execute(&choose("visie-01", "2")).await;
    browser
        .wait_for("document.querySelector('.save-status').textContent.endsWith('Opgeslagen')")
        .await;
    let stored = |answers: Vec<leidraad_store::reflections::AnswerRecord>, card: &str| {
        let a = answers.into_iter().find(|a| a.card_id == card).unwrap();
        (a.pile.map(|p| p.score()), a.note, a.evidence, a.starred)
    };
    assert_eq!(
        stored(app.store.answers(id).await.unwrap(), "visie-01"),
        (
            Some(2),
            "nieuwe notitie".into(),
            "jaarplan 2026".into(),
            true
        )
    );

    // A note typed in the sort view, then Back to the board loaded before it.
    browser
        .goto(&app.url(&format!("/reflecties/{id}/sorteren?kaart=visie-02")))
        .await;
    let note = browser.find("#note").await;
    browser
        .send_keys(&note, "getypt in de sorteerweergave")
        .await;
    browser
        .wait_for("document.querySelector('.save-status').textContent.endsWith('Opgeslagen')")
        .await;
    browser.execute("history.back()").await;
    browser
        .wait_for("!!document.querySelector('.board-card[data-card=\"visie-02\"]')")
        .await;
    browser.execute(&choose("visie-02", "4")).await;
    browser
        .wait_for("document.querySelector('.save-status').textContent.endsWith('Opgeslagen')")
        .await;
    let (pile, note, _, _) = stored(app.store.answers(id).await.unwrap(), "visie-02");
    assert_eq!(
        (pile, note.as_str()),
        (Some(4), "getypt in de sorteerweergave")
    );
    browser.close().await;
    app.stop().await;
}
