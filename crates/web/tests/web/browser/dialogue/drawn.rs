//! Trek een kaart with three phones, a cut connection, the summary and axe.

use super::*;

const ANNA: &str = "Wat ons bindt is de zorg voor élk kind, ook als het schuurt.";
const BRAM: &str = "Ik durf niet altijd te zeggen wat ik denk & dat is jammer.";
const CHRIS: &str = "We kunnen veel meer van elkaars lessen leren.";

#[tokio::test]
async fn a_drawn_card_dialogue_runs_on_three_phones_catches_up_and_is_summarised() {
    if !enabled() {
        return;
    }
    let shots = std::env::var_os("LEIDRAAD_DIALOGUE_SCREENSHOTS").map(std::path::PathBuf::from);
    let shots = shots.as_deref();
    let axe = axe_source();
    let app = spawn_app().await;
    world(&app).await;
    let (facilitator, phones) = tokio::join!(Browser::start(), Browser::start());
    sign_in(&facilitator, &app, "school-leader@a.example", PASSWORD).await;
    let (id, code) = start_dialogue(
        &facilitator,
        &app,
        "Studiedag: wat ons bindt",
        "trek-een-kaart",
    )
    .await;
    assert!(
        code.len() == 7 && code.chars().filter(char::is_ascii_digit).count() == 6,
        "a six-digit code, spaced for reading aloud: {code:?}"
    );
    let mut serious = Vec::new();
    let mut problems = Vec::new();

    // The join page on a phone, before anyone joins; then three people join in their own
    // windows.
    phones.set_window_size(390, 844).await;
    serious.extend(axe_violations(&phones, &axe, &app.url("/meedoen"), "nl").await);
    problems.extend(phone_problems(&phones, "/meedoen").await);
    let mut windows = vec![current_window(&phones).await];
    for _ in 0..2 {
        windows.push(new_window(&phones).await);
    }
    // Bram's phone reaches the app through a cable the test can pull out.
    let cable = Cable::to(&app);
    let mut tokens = Vec::new();
    for (window, name) in windows.iter().zip(["Anna", "Bram", "Chris"]) {
        switch_to(&phones, window).await;
        phones.set_window_size(390, 844).await;
        let origin = if name == "Bram" {
            cable.url("")
        } else {
            app.url("")
        };
        tokens.push(join(&phones, &origin, &code, name).await);
    }
    let distinct: BTreeSet<_> = tokens.iter().collect();
    assert_eq!(
        distinct.len(),
        3,
        "three participants, each with a link of their own"
    );
    facilitator
        .wait_for("document.querySelectorAll('#present li').length === 3")
        .await;
    let present = string(
        &facilitator,
        "return document.getElementById('present').innerText",
    )
    .await;
    for name in ["Anna", "Bram", "Chris"] {
        assert!(present.contains(name), "{name} is present: {present}");
    }
    let (anna, bram, chris) = (&windows[0], &windows[1], &windows[2]);

    // Two cards are drawn; every phone shows the second.
    control(
        &facilitator,
        "trek",
        "document.getElementById('live-round').textContent.includes('1')",
    )
    .await;
    let first_card = card_on_screen(&facilitator).await;
    control(
        &facilitator,
        "trek",
        "document.getElementById('live-round').textContent.includes('2')",
    )
    .await;
    let second_card = card_on_screen(&facilitator).await;
    assert_ne!(first_card, second_card, "no card twice");
    for window in &windows {
        switch_to(&phones, window).await;
        phones
            .wait_for(&format!(
                "document.querySelector('#current-card .live-card__text')?.textContent === {}",
                json!(second_card)
            ))
            .await;
    }

    // The timer runs on a phone, then stands still.
    switch_to(&phones, chris).await;
    let before = phones.text(&phones.find("#live-timer").await).await;
    assert_eq!(before, "3:00", "the timer waits at the minutes chosen");
    control(
        &facilitator,
        "timer-start",
        "document.getElementById('live-timer').classList.contains('live-timer--running')",
    )
    .await;
    phones
        .wait_for("document.getElementById('live-timer').classList.contains('live-timer--running')")
        .await;
    phones
        .wait_for(&format!(
            "document.getElementById('live-timer').textContent !== {}",
            json!(before)
        ))
        .await;

    // Contributions: Anna by name, Bram anonymously, Chris by name.
    for (window, text, anonymous) in [
        (anna, ANNA, false),
        (bram, BRAM, true),
        (chris, CHRIS, false),
    ] {
        switch_to(&phones, window).await;
        contribute(&phones, text, anonymous).await;
    }
    facilitator
        .wait_for("document.querySelectorAll('#waiting li').length === 3")
        .await;
    let waiting = string(
        &facilitator,
        "return document.getElementById('waiting').innerText",
    )
    .await;
    assert!(
        waiting.contains(ANNA) && waiting.contains(BRAM) && waiting.contains(CHRIS),
        "{waiting}"
    );
    assert!(
        !waiting.contains("Bram"),
        "the anonymous contribution carries no name: {waiting}"
    );
    assert!(
        waiting.contains("Anna"),
        "a named one carries its name: {waiting}"
    );

    // The facilitator shows Anna's; a phone has it within about a second, without a reload.
    switch_to(&phones, chris).await;
    let show = |text: &str| {
        format!(
            "[...document.querySelectorAll('#waiting li')].find(li => li.textContent.includes({})).querySelector('button[value=tonen]')",
            json!(text)
        )
    };
    let button = facilitator.execute(&format!("return {}", show(ANNA))).await;
    let button = Element(
        button[ELEMENT]
            .as_str()
            .expect("Anna's show button")
            .to_owned(),
    );
    facilitator.click(&button).await;
    let took = time_until(
        &phones,
        &format!(
            "document.getElementById('shown').textContent.includes({})",
            json!(ANNA)
        ),
        Duration::from_millis(1500),
    )
    .await;
    eprintln!("a shown contribution reached a phone in {took:?}");
    facilitator
        .wait_for("document.querySelectorAll('#shown li').length === 1")
        .await;
    let button = facilitator.execute(&format!("return {}", show(BRAM))).await;
    facilitator
        .click(&Element(
            button[ELEMENT]
                .as_str()
                .expect("Bram's show button")
                .to_owned(),
        ))
        .await;
    facilitator
        .wait_for("document.querySelectorAll('#shown li').length === 2")
        .await;
    switch_to(&phones, anna).await;
    phones
        .wait_for("document.querySelectorAll('#shown li').length === 2")
        .await;
    let shown = string(&phones, "return document.getElementById('shown').innerText").await;
    assert!(
        !shown.contains(CHRIS),
        "a waiting contribution stays off the phones: {shown}"
    );
    assert!(!shown.contains("Bram"), "{shown}");

    if shots.is_some() {
        screenshot(&facilitator, shots, "facilitator-1280", 1280).await;
        screenshot(&facilitator, shots, "facilitator-390", 390).await;
        screenshot(&phones, shots, "participant-390", 390).await;
    }

    control(
        &facilitator,
        "timer-pauze",
        "!document.getElementById('live-timer').classList.contains('live-timer--running')",
    )
    .await;
    switch_to(&phones, chris).await;
    phones
        .wait_for(
            "!document.getElementById('live-timer').classList.contains('live-timer--running')",
        )
        .await;
    let paused = phones.text(&phones.find("#live-timer").await).await;
    tokio::time::sleep(Duration::from_millis(1300)).await;
    assert_eq!(
        phones.text(&phones.find("#live-timer").await).await,
        paused,
        "a paused timer stands still"
    );
    assert_ne!(paused, "3:00", "the timer ran");

    // Bram's connection drops while a card is drawn; back online, his phone catches up.
    switch_to(&phones, bram).await;
    let seq_at_cut = phones.execute("return window.__events.at(-1)").await;
    let events_before = phones.execute("return window.__events.length").await;
    cable.pull_out();
    phones
        .wait_for("document.getElementById('stream-status').textContent !== ''")
        .await;
    control(
        &facilitator,
        "trek",
        "document.getElementById('live-round').textContent.includes('3')",
    )
    .await;
    let third_card = card_on_screen(&facilitator).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        card_on_screen(&phones).await,
        second_card,
        "offline, the phone heard nothing"
    );
    assert_eq!(
        phones.execute("return window.__events.length").await,
        events_before
    );
    cable.put_back();
    phones
        .wait_for(&format!(
            "document.querySelector('#current-card .live-card__text')?.textContent === {}
             && document.getElementById('stream-status').textContent === ''",
            json!(third_card)
        ))
        .await;
    assert_eq!(
        phones.execute("return window.__samePage === true").await,
        json!(true),
        "no reload"
    );
    let round = string(
        &phones,
        "return document.getElementById('live-round').textContent",
    )
    .await;
    assert!(round.contains('3'), "round three: {round}");
    let seen_by_bram = phones.execute("return window.__events").await;
    switch_to(&phones, anna).await;
    let seen_by_anna = phones.execute("return window.__events").await;
    let after_cut = |seen: &Value| -> Vec<i64> {
        let seen: Vec<i64> = seen
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64().unwrap())
            .collect();
        assert!(
            seen.windows(2).all(|w| w[0] < w[1]),
            "no event twice: {seen:?}"
        );
        seen.into_iter()
            .filter(|s| *s > seq_at_cut.as_i64().unwrap_or(0))
            .collect()
    };
    let (bram_after, anna_after) = (after_cut(&seen_by_bram), after_cut(&seen_by_anna));
    assert!(!anna_after.is_empty(), "events came after the cut");
    assert_eq!(
        bram_after, anna_after,
        "the phone that was cut off got every event after all"
    );

    // axe on the live pages, in Dutch, then in English; the phone pages on 390 and 360 px.
    serious.extend(
        axe_violations(
            &facilitator,
            &axe,
            &app.url(&format!("/dialogen/{id}")),
            "nl",
        )
        .await,
    );
    serious.extend(axe_violations(&facilitator, &axe, &app.url("/dialogen"), "nl").await);
    switch_to(&phones, chris).await;
    let chris_page = app.url(&format!("/d/{}", tokens[2]));
    serious.extend(axe_violations(&phones, &axe, &chris_page, "nl").await);
    for width in [390, 360] {
        phones.set_window_size(width, 844).await;
        problems.extend(phone_problems(&phones, &format!("/d/… at {width} px")).await);
        phones
            .goto(&app.url(&format!("/meedoen?code={}", code.replace(' ', ""))))
            .await;
        problems.extend(phone_problems(&phones, &format!("/meedoen?code at {width} px")).await);
        phones.goto(&app.url("/meedoen")).await;
        problems.extend(phone_problems(&phones, &format!("/meedoen at {width} px")).await);
        phones.goto(&chris_page).await;
    }
    if shots.is_some() {
        phones
            .goto(&app.url(&format!("/meedoen?code={}", code.replace(' ', ""))))
            .await;
        screenshot(&phones, shots, "join-name-390", 390).await;
        phones.goto(&app.url("/meedoen")).await;
        screenshot(&phones, shots, "join-390", 390).await;
    }
    switch_language(&facilitator, "en").await;
    serious.extend(
        axe_violations(
            &facilitator,
            &axe,
            &app.url(&format!("/dialogen/{id}")),
            "en",
        )
        .await,
    );
    serious.extend(axe_violations(&facilitator, &axe, &app.url("/dialogen"), "en").await);
    switch_language(&facilitator, "nl").await;
    phones.goto(&format!("{chris_page}?taal=en")).await;
    phones
        .wait_for("document.documentElement.lang === 'en'")
        .await;
    serious.extend(axe_on_screen(&phones, &axe, "/d/… (en)").await);
    serious.extend(axe_violations(&phones, &axe, &app.url("/meedoen"), "en").await);
    phones
        .goto(&app.url(&format!("/meedoen?code={}", code.replace(' ', ""))))
        .await;
    serious.extend(axe_on_screen(&phones, &axe, "/meedoen?code (en)").await);
    phones.goto(&format!("{chris_page}?taal=nl")).await;
    phones
        .wait_for("document.documentElement.lang === 'nl'")
        .await;

    // The end: Chris's contribution, shown at last, is deleted from the summary (which holds
    // what the room saw), and the summary is shared and exported.
    facilitator.goto(&app.url(&format!("/dialogen/{id}"))).await;
    let button = facilitator
        .execute(&format!("return {}", show(CHRIS)))
        .await;
    facilitator
        .click(&Element(
            button[ELEMENT]
                .as_str()
                .expect("Chris's show button")
                .to_owned(),
        ))
        .await;
    facilitator
        .wait_for("document.querySelectorAll('#shown li').length === 3")
        .await;
    click_to_next_page(
        &facilitator,
        "button[name=actie][value=einde]",
        "location.pathname.endsWith('/samenvatting')",
    )
    .await;
    let summary = string(
        &facilitator,
        "return document.querySelector('main').innerText",
    )
    .await;
    for text in [ANNA, BRAM, CHRIS, &first_card, &second_card, &third_card] {
        assert!(
            summary.contains(text),
            "the summary holds {text:?}: {summary}"
        );
    }
    let delete = facilitator
        .execute(&format!(
            "return [...document.querySelectorAll('li.contribution')].find(li => li.textContent.includes({})).querySelector('button[value=wissen]')",
            json!(CHRIS)
        ))
        .await;
    facilitator.execute("window.__oldPage = true").await;
    facilitator
        .click(&Element(
            delete[ELEMENT]
                .as_str()
                .expect("a delete button")
                .to_owned(),
        ))
        .await;
    facilitator
        .wait_for(&format!(
            "!window.__oldPage && document.readyState === 'complete' && !document.querySelector('main').textContent.includes({})",
            json!(CHRIS)
        ))
        .await;
    click_to_next_page(
        &facilitator,
        "button[name=actie][value=delen]",
        "!document.querySelector('button[name=actie][value=delen]')",
    )
    .await;
    let markdown = facilitator
        .execute_async(&format!(
            "const done = arguments[arguments.length - 1];
             fetch('/dialogen/{id}/samenvatting.md').then(r => r.text()).then(done, e => done(String(e)));"
        ))
        .await;
    let markdown = markdown.as_str().expect("the Markdown");
    for text in [ANNA, BRAM, &first_card, &second_card, &third_card] {
        assert!(
            markdown.contains(text),
            "the Markdown holds {text:?}:\n{markdown}"
        );
    }
    assert!(
        !markdown.contains(CHRIS),
        "the deleted contribution is gone:\n{markdown}"
    );
    let bram_line = markdown.lines().position(|l| l.contains(BRAM)).unwrap();
    let by = markdown
        .lines()
        .skip(bram_line)
        .take(3)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        !by.contains("Bram"),
        "the anonymous contribution stays anonymous:\n{markdown}"
    );

    // Anna's phone, still the same page, now links to the summary.
    switch_to(&phones, anna).await;
    phones
        .wait_for("!document.getElementById('ended-note').hidden && !document.getElementById('summary-link').hidden")
        .await;
    assert_eq!(
        phones.execute("return window.__samePage === true").await,
        json!(true),
        "no reload"
    );
    click_to_next_page(
        &phones,
        "#summary-link a",
        "location.pathname.endsWith('/samenvatting')",
    )
    .await;
    let theirs = string(&phones, "return document.querySelector('main').innerText").await;
    assert!(theirs.contains(ANNA) && !theirs.contains(CHRIS), "{theirs}");
    serious.extend(axe_on_screen(&phones, &axe, "/d/…/samenvatting (nl)").await);
    screenshot(&phones, shots, "participant-summary-390", 390).await;
    problems.extend(phone_problems(&phones, "/d/…/samenvatting").await);

    let summary_path = format!("/dialogen/{id}/samenvatting");
    serious.extend(axe_violations(&facilitator, &axe, &app.url(&summary_path), "nl").await);
    screenshot(&facilitator, shots, "summary-1280", 1280).await;
    switch_language(&facilitator, "en").await;
    serious.extend(axe_violations(&facilitator, &axe, &app.url(&summary_path), "en").await);

    assert!(problems.is_empty(), "on a phone:\n{}", problems.join("\n"));
    assert!(
        serious.is_empty(),
        "serious axe violations:\n{}",
        serious.join("\n")
    );
    phones.close().await;
    facilitator.close().await;
    app.stop().await;
}
