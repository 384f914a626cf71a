//! A reflection's results in Chromium: the profile and the comparison fit a phone, the radar's
//! names (wrapped on the server by estimated widths) clear the dots and each other as the
//! browser draws them, axe finds nothing serious in either language, and the print view fits
//! A4 with the page's margins.

use reqwest::Method;
use serde_json::json;

use super::phone::too_wide;
use super::*;
use crate::accounts::{PASSWORD, world};
use crate::reflections::call;

/// Reflections of the leader: the whole standard, two domains and three domains, each with
/// some cards sorted and finished; and an open one on the whole standard. Returns their ids.
async fn moments(leader: &crate::accounts::Browser<'_>, organisation: i64) -> [i64; 4] {
    let mut ids = [0; 4];
    let scopes = [
        json!([]),
        json!(["visie", "sociaal"]),
        json!(["visie", "omgeving", "sociaal"]),
        json!([]),
    ];
    for (n, domains) in scopes.into_iter().enumerate() {
        let body = json!({"organisation": organisation, "domains": domains, "confirm": true});
        let started = call(leader, Method::POST, "/api/v1/reflections", Some(body)).await;
        let id = started.json::<serde_json::Value>().await.unwrap()["id"]
            .as_i64()
            .unwrap();
        for (i, card) in [
            "visie-01",
            "visie-02",
            "omgeving-01",
            "sociaal-01",
            "sociaal-02",
        ]
        .iter()
        .enumerate()
        {
            let path = format!("/api/v1/reflections/{id}/answers/{card}");
            let pile = (i + n) % 4 + 1;
            call(leader, Method::PUT, &path, Some(json!({"pile": pile}))).await;
        }
        if n < 3 {
            let finish = format!("/api/v1/reflections/{id}/finish");
            call(leader, Method::POST, &finish, None).await;
        }
        ids[n] = id;
    }
    ids
}

/// What on the radar overlaps as drawn: a name over a dot, a name over another name, or a
/// name outside the chart.
const RADAR_CLASHES: &str = "
  const svg = document.querySelector('svg.radar');
  if (!svg) return ['no radar'];
  const box = e => e.getBBox();
  const meet = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width
    && a.y < b.y + b.height && b.y < a.y + a.height;
  const labels = [...svg.querySelectorAll('.radar__label')];
  const dots = [...svg.querySelectorAll('.radar__dot')];
  const view = svg.viewBox.baseVal;
  const found = [];
  labels.forEach((l, i) => {
    const b = box(l);
    if (b.x < view.x - 0.5 || b.x + b.width > view.x + view.width + 0.5
        || b.y < view.y - 0.5 || b.y + b.height > view.y + view.height + 0.5)
      found.push('outside: ' + l.textContent);
    dots.forEach(d => { if (meet(b, box(d))) found.push(l.textContent + ' over a dot'); });
    labels.forEach((m, j) => { if (j > i && meet(b, box(m)))
      found.push(l.textContent + ' over ' + m.textContent); });
  });
  return found;";

#[tokio::test]
async fn the_profile_and_the_comparison_fit_a_phone_and_the_names_clear_the_dots() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = crate::accounts::Browser::signed_in(&app, "school-leader@a.example").await;
    let [whole, two, three, open] = moments(&leader, world.org_a.get()).await;
    let browser = Browser::start().await;
    sign_in(&browser, &app, "school-leader@a.example", PASSWORD).await;
    let pages = [
        format!("/reflecties/{whole}"),
        format!("/reflecties/{two}"),
        format!("/reflecties/{three}"),
        format!("/reflecties/vergelijk?a={whole}&b={open}"),
        format!("/reflecties/vergelijk?a={two}&b={three}"),
        "/reflecties".to_owned(),
        format!("/reflecties/{open}/afronden"),
    ];
    let mut problems = Vec::new();
    for language in ["nl", "en"] {
        if browser
            .execute("return document.documentElement.lang")
            .await
            != language
        {
            switch_language(&browser, language).await;
        }
        for width in [360, 390, 1280] {
            browser.set_window_size(width, 900).await;
            for page in &pages {
                browser.goto(&app.url(page)).await;
                for problem in too_wide(&browser).await {
                    problems.push(format!("{language} {width} {page}: {problem}"));
                }
                if !browser.find_all("svg.radar").await.is_empty() {
                    let clashes = browser.execute(RADAR_CLASHES).await;
                    for clash in clashes.as_array().unwrap() {
                        problems.push(format!("{language} {width} {page}: {clash}"));
                    }
                }
            }
        }
    }
    // Below three domains: bars, each named.
    browser.goto(&app.url(&format!("/reflecties/{two}"))).await;
    assert!(browser.find_all("svg.radar").await.is_empty());
    assert_eq!(browser.find_all(".score-bar").await.len(), 2);
    browser.close().await;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test]
async fn the_result_pages_have_no_serious_axe_violations_in_either_language() {
    if !enabled() {
        return;
    }
    let axe = axe_source();
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = crate::accounts::Browser::signed_in(&app, "school-leader@a.example").await;
    let [whole, two, three, open] = moments(&leader, world.org_a.get()).await;
    let browser = Browser::start().await;
    sign_in(&browser, &app, "school-leader@a.example", PASSWORD).await;
    let pages = [
        "/reflecties".to_owned(),
        format!("/reflecties/{whole}"),
        format!("/reflecties/{two}"),
        format!("/reflecties/{whole}/afdrukken"),
        format!("/reflecties/{open}/afronden"),
        format!("/reflecties/vergelijk?a={whole}&b={open}"),
        format!("/reflecties/vergelijk?a={two}&b={three}"),
    ];
    let mut serious = Vec::new();
    for language in ["nl", "en"] {
        if browser
            .execute("return document.documentElement.lang")
            .await
            != language
        {
            switch_language(&browser, language).await;
        }
        for page in &pages {
            serious.extend(axe_violations(&browser, &axe, &app.url(page), language).await);
        }
        // The confirmation before a second open moment, as the form's answer.
        browser.goto(&app.url("/reflecties")).await;
        let start = browser
            .find("form[action='/reflecties'] button[type=submit]")
            .await;
        browser.click(&start).await;
        browser
            .wait_for("!!document.querySelector('.open-moment--confirm')")
            .await;
        browser.execute(&axe).await;
        let found = browser.execute_async(RUN_AXE).await;
        for v in found.as_array().expect("violations") {
            if matches!(v["impact"].as_str(), Some("serious" | "critical")) {
                serious.push(format!("{language} confirmation: {v}"));
            }
        }
    }
    browser.close().await;
    assert!(serious.is_empty(), "{}", serious.join("\n"));
}

#[tokio::test]
async fn the_print_view_fits_a4_with_margins_and_the_card_sheets_keep_none() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = crate::accounts::Browser::signed_in(&app, "school-leader@a.example").await;
    let [whole, ..] = moments(&leader, world.org_a.get()).await;
    let browser = Browser::start().await;
    sign_in(&browser, &app, "school-leader@a.example", PASSWORD).await;
    // A4 less 14 mm margins each side: 182 mm, 688 CSS pixels; printed, as print media.
    browser.set_window_size(688, 1000).await;
    browser
        .command(
            Method::POST,
            "/goog/cdp/execute",
            Some(json!({"cmd": "Emulation.setEmulatedMedia", "params": {"media": "print"}})),
        )
        .await;
    browser
        .goto(&app.url(&format!("/reflecties/{whole}/afdrukken")))
        .await;
    let margins = browser
        .execute(
            "const rules = [...document.styleSheets].flatMap(s => [...s.cssRules]);
             const page = rules.filter(r => r instanceof CSSPageRule);
             return page.map(r => (r.selectorText || '(all)') + ' ' + r.style.margin);",
        )
        .await;
    assert_eq!(
        margins,
        json!(["(all) 16mm 14mm", "card-sheets 0px"]),
        "pages have margins, the card sheets none"
    );
    let wide = too_wide(&browser).await;
    assert!(wide.is_empty(), "the print view at A4 width: {wide:?}");
    let table = browser
        .execute(
            "const t = document.querySelector('table.print-cards');
             return t.scrollWidth <= t.parentElement.clientWidth;",
        )
        .await;
    assert_eq!(table, json!(true), "the table is not cut");
    browser.goto(&app.url("/afdrukken")).await;
    let sheets = browser
        .execute("return getComputedStyle(document.body).page")
        .await;
    assert_eq!(sheets, json!("card-sheets"));
    browser.close().await;
}
