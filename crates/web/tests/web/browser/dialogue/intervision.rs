//! An Intervisie through its five phases, and the case bringer's take-away.

use super::*;

#[tokio::test]
async fn an_intervision_walks_its_phases_and_keeps_the_bringers_take_away() {
    if !enabled() {
        return;
    }
    let shots = std::env::var_os("LEIDRAAD_DIALOGUE_SCREENSHOTS").map(std::path::PathBuf::from);
    let shots = shots.as_deref();
    let app = spawn_app().await;
    world(&app).await;
    let (facilitator, phones) = tokio::join!(Browser::start(), Browser::start());
    sign_in(&facilitator, &app, "school-leader@a.example", PASSWORD).await;
    let (_, code) = start_dialogue(
        &facilitator,
        &app,
        "Intervisie: de lastige ouder",
        "intervisie",
    )
    .await;
    phones.set_window_size(390, 844).await;
    let bringer_window = current_window(&phones).await;
    let bringer = join(&phones, &app.url(""), &code, "Dewi").await;
    let other_window = new_window(&phones).await;
    switch_to(&phones, &other_window).await;
    phones.set_window_size(390, 844).await;
    join(&phones, &app.url(""), &code, "Eva").await;

    facilitator
        .wait_for("document.querySelectorAll('#present li').length === 2")
        .await;
    let name_bringer = facilitator
        .execute(
            "return [...document.querySelectorAll('#present li')].find(li => li.textContent.includes('Dewi')).querySelector('button[value=inbrenger]')",
        )
        .await;
    facilitator
        .click(&Element(
            name_bringer[ELEMENT]
                .as_str()
                .expect("a bringer button")
                .to_owned(),
        ))
        .await;
    facilitator
        .wait_for("document.getElementById('live-bringer')?.textContent.includes('Dewi')")
        .await;
    phones
        .wait_for("document.getElementById('live-bringer')?.textContent.includes('Dewi')")
        .await;

    let phase = "document.querySelector('#live-phase .live-phase__name').textContent";
    let mut phases = vec![string(&phones, &format!("return {phase}")).await];
    for step in 2..=5 {
        control(
            &facilitator,
            "fase",
            &format!("document.querySelector('#live-phase .live-phase__step').textContent.match(/\\d+/)[0] === '{step}'"),
        )
        .await;
        let name = string(&facilitator, &format!("return {phase}")).await;
        phones
            .wait_for(&format!("{phase} === {}", json!(name)))
            .await;
        phases.push(name);
    }
    assert_eq!(
        phones
            .execute("return document.querySelector('#h-note [data-for-bringer]').hidden")
            .await,
        json!(true),
        "only the bringer is asked for a take-away"
    );
    screenshot(&facilitator, shots, "intervision-facilitator-1280", 1280).await;
    screenshot(&phones, shots, "intervision-participant-390", 390).await;
    let distinct: BTreeSet<_> = phases.iter().collect();
    assert_eq!(distinct.len(), 5, "five phases, each its own: {phases:?}");
    assert_eq!(phases[0], "De casus");

    // The bringer writes down what she takes away; it is saved as she types.
    switch_to(&phones, &bringer_window).await;
    phones
        .wait_for(&format!("{phase} === {}", json!(phases[4])))
        .await;
    // Named while her page was open, the bringer's note box asks for her take-away at once;
    // Eva's stays her own note.
    phones
        .wait_for("!document.querySelector('#h-note [data-for-bringer]').hidden && document.querySelector('#h-note [data-for-others]').hidden")
        .await;
    assert_eq!(
        phones.execute("return window.__samePage === true").await,
        json!(true)
    );
    let take_away = "Ik bel de ouder morgen zelf en vraag eerst wat zij nodig heeft.";
    phones
        .send_keys(&phones.find("#note").await, take_away)
        .await;
    phones
        .wait_for("document.querySelector('form[data-autosave-note] [data-form-status]').textContent !== ''")
        .await;
    phones.goto(&app.url(&format!("/d/{bringer}"))).await;
    let kept = phones
        .execute("return document.getElementById('note').value")
        .await;
    assert_eq!(kept, json!(take_away), "the take-away was stored");
    let heading = string(
        &phones,
        "return document.getElementById('h-note').textContent",
    )
    .await;
    eprintln!("the bringer's note box: {heading}");
    phones.close().await;
    facilitator.close().await;
    app.stop().await;
}
