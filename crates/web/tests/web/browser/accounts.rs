//! Accounts in the browser: an invitation accepted, and the account pages under axe.

use super::*;

#[tokio::test]
async fn an_invitee_accepts_the_invitation_sets_a_password_and_signs_in() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let world = crate::accounts::world(&app).await;
    let browser = Browser::start().await;
    sign_in(&browser, &app, "admin@a.example", crate::accounts::PASSWORD).await;
    browser
        .goto(&app.url(&format!("/organisaties/{}", world.org_a)))
        .await;
    fill_and_submit(
        &browser,
        &[("#invite-email", "nieuwe.collega@a.example")],
        "#h-invitations ~ form button[type=submit]",
    )
    .await;
    browser
        .wait_for("!!document.getElementById('invitation-link')")
        .await;
    let link = browser.text(&browser.find("#invitation-link").await).await;
    assert!(link.contains("/uitnodiging/"), "{link}");
    let sign_out = browser.find(".account-nav button").await;
    browser.click(&sign_out).await;
    browser.wait_for("location.pathname === '/inloggen'").await;

    browser.goto(&link).await;
    let password = "een lange zin als wachtwoord";
    fill_and_submit(
        &browser,
        &[
            ("#name", "Nina Nieuw"),
            ("#password", password),
            ("#password_again", password),
        ],
        "main form button[type=submit]",
    )
    .await;
    browser
        .wait_for("location.pathname === '/mijn-leidraad'")
        .await;
    let nav = browser.text(&browser.find(".account-nav").await).await;
    assert!(nav.contains("Nina Nieuw"), "{nav}");

    let sign_out = browser.find(".account-nav button").await;
    browser.click(&sign_out).await;
    browser.wait_for("location.pathname === '/inloggen'").await;
    sign_in(&browser, &app, "nieuwe.collega@a.example", password).await;
    browser.goto(&app.url("/account")).await;
    let heading = browser.text(&browser.find("h1").await).await;
    assert_eq!(heading, "Mijn account");
    browser.close().await;
    app.stop().await;
}

#[tokio::test]
async fn the_account_pages_have_no_serious_accessibility_violations() {
    if !enabled() {
        return;
    }
    let axe = axe_source();
    let app = spawn_app().await;
    let world = crate::accounts::world(&app).await;
    let browser = Browser::start().await;
    let open_invitation = {
        let admin = crate::accounts::Browser::signed_in(&app, "admin@a.example").await;
        let html = admin
            .post(
                &format!("/organisaties/{}/uitnodigingen", world.org_a),
                &[("email", "axe@a.example"), ("role", "staff")],
            )
            .await
            .text()
            .await
            .unwrap();
        crate::accounts::link_in(&html, "/uitnodiging/")
    };
    let signed_out = vec![
        "/inloggen".to_owned(),
        "/wachtwoord-vergeten".to_owned(),
        open_invitation,
    ];
    let org = world.org_a;
    let signed_in = vec![
        "/account".to_owned(),
        "/organisaties".to_owned(),
        format!("/organisaties/{org}"),
        format!("/organisaties/{org}/leden/{}", world.people["staff"].1),
        format!("/organisaties/{org}/logboek"),
        format!("/organisaties/{org}/postvak-uit"),
    ];
    let mut serious = Vec::new();
    for language in ["nl", "en"] {
        browser.goto(&app.url("/inloggen")).await;
        if browser
            .execute("return document.documentElement.lang")
            .await
            != language
        {
            switch_language(&browser, language).await;
        }
        for page in &signed_out {
            serious.extend(axe_violations(&browser, &axe, &app.url(page), language).await);
        }
        sign_in(&browser, &app, "admin@a.example", crate::accounts::PASSWORD).await;
        for page in &signed_in {
            serious.extend(axe_violations(&browser, &axe, &app.url(page), language).await);
        }
        let sign_out = browser.find(".account-nav button").await;
        browser.click(&sign_out).await;
        browser.wait_for("location.pathname === '/inloggen'").await;
    }
    browser.close().await;
    app.stop().await;
    assert!(
        serious.is_empty(),
        "serious or critical violations:\n{}",
        serious.join("\n")
    );
}

#[tokio::test]
async fn signing_out_forgets_the_text_kept_on_the_device() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    crate::accounts::world(&app).await;
    let browser = Browser::start().await;
    sign_in(
        &browser,
        &app,
        "school-leader@a.example",
        crate::accounts::PASSWORD,
    )
    .await;
    browser.goto(&app.url("/account")).await;
    // What reflection.js keeps when a save fails, and something of another site's making.
    browser
        .execute(
            "localStorage.setItem('leidraad-concept:1:visie-02', '{\"note\":\"geheim\"}');
             localStorage.setItem('iets-anders', 'blijft');",
        )
        .await;
    let sign_out = browser.find(".account-nav button").await;
    browser.click(&sign_out).await;
    browser.wait_for("location.pathname === '/inloggen'").await;
    let kept = browser
        .execute("return [localStorage.getItem('leidraad-concept:1:visie-02'), localStorage.getItem('iets-anders')]")
        .await;
    assert_eq!(kept, json!([null, "blijft"]));
    browser.close().await;
    app.stop().await;
}
