//! The public side in the browser: the standard, a card, dialogue cards, search, the
//! language switch, the skip link, accessibility and phone widths.

use super::*;

#[tokio::test]
async fn a_visitor_opens_the_standard_and_follows_a_card() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let browser = Browser::start().await;
    browser.goto(&app.url("/standaard")).await;
    assert_eq!(browser.find_all("section.domain").await.len(), 9);
    let links = browser.find_all("section.domain a.card-link").await;
    assert_eq!(links.len(), 80);

    // A card far down the page, so the click has to scroll to it.
    let wanted = browser
        .execute(
            "const a = document.querySelectorAll('section.domain a.card-link')[60];
             return [a.getAttribute('href'), a.querySelector('.card-link__text').textContent];",
        )
        .await;
    let (href, text) = (
        wanted[0].as_str().unwrap().to_owned(),
        wanted[1].as_str().unwrap().to_owned(),
    );
    assert!(
        href.starts_with(&format!("/kaders/{FRAMEWORK}/kaarten/")),
        "{href}"
    );
    browser.click(&links[60]).await;
    browser
        .wait_for(&format!("location.pathname === '{href}'"))
        .await;
    let heading = browser.find("h1#card-text").await;
    assert_eq!(browser.text(&heading).await, text.trim());
    assert_eq!(browser.find_all(".breadcrumbs").await.len(), 1);

    browser.close().await;
    app.stop().await;
}

#[tokio::test]
async fn the_language_switch_reloads_the_page_in_english_and_is_remembered() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let browser = Browser::start().await;
    browser.goto(&app.url("/standaard")).await;
    assert_eq!(
        browser
            .execute("return document.documentElement.lang")
            .await,
        "nl",
        "a Dutch browser gets Dutch"
    );
    let body = browser.find("body").await;
    assert!(
        browser
            .text(&body)
            .await
            .contains("Ik gebruik gezamenlijke waarden als basis")
    );

    switch_language(&browser, "en").await;
    assert_eq!(
        browser.location().await,
        "/standaard",
        "back on the same page"
    );
    let body = browser.find("body").await;
    let text = browser.text(&body).await;
    assert!(text.contains("I use shared values"), "{text}");
    assert!(!text.contains("Ik gebruik gezamenlijke waarden"), "{text}");

    let nav_link = browser.find(".site-nav a[href='/dialoogkaarten']").await;
    browser.click(&nav_link).await;
    browser
        .wait_for("location.pathname === '/dialoogkaarten'")
        .await;
    assert_eq!(
        browser
            .execute("return document.documentElement.lang")
            .await,
        "en",
        "the choice is remembered on the next page"
    );
    let heading = browser.find("h1").await;
    assert_eq!(browser.text(&heading).await, "Dialogue cards");

    switch_language(&browser, "nl").await;
    assert_eq!(browser.location().await, "/dialoogkaarten");
    let heading = browser.find("h1").await;
    assert_eq!(browser.text(&heading).await, "Dialoogkaarten");

    browser.close().await;
    app.stop().await;
}

#[tokio::test]
async fn drawing_a_dialogue_card_shows_a_question_and_drawing_again_another() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let browser = Browser::start().await;
    browser.goto(&app.url("/dialoogkaarten")).await;
    let dialogue_page = format!(
        "/^\\/kaders\\/{FRAMEWORK}\\/dialoogkaarten\\/dialoog-\\d\\d$/.test(location.pathname)"
    );

    let draw = browser.find("#draw-card").await;
    browser.click(&draw).await;
    browser.wait_for(&dialogue_page).await;
    let first = browser.location().await;
    let question = browser.find("#dialogue-question").await;
    let first_question = browser.text(&question).await;
    assert!(first_question.len() > 10, "a question: {first_question:?}");

    let draw = browser.find("#draw-card").await;
    browser.click(&draw).await;
    browser
        .wait_for(&format!(
            "{dialogue_page} && location.pathname !== '{first}'"
        ))
        .await;
    let question = browser.find("#dialogue-question").await;
    let second_question = browser.text(&question).await;
    assert!(!second_question.is_empty());
    assert_ne!(second_question, first_question, "another card");

    browser.close().await;
    app.stop().await;
}

#[tokio::test]
async fn the_first_tab_reaches_the_skip_link_which_jumps_to_the_content() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let browser = Browser::start().await;
    browser.goto(&app.url("/")).await;
    browser.press(&[TAB]).await;
    let focused = browser
        .execute("const e = document.activeElement; return [e.tagName, e.className, e.getAttribute('href')];")
        .await;
    assert_eq!(
        focused,
        json!(["A", "skip-link", "#main"]),
        "the first Tab lands on the skip link"
    );
    let visible = browser
        .execute("const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight && r.width > 1;")
        .await;
    assert_eq!(
        visible.as_bool(),
        Some(true),
        "the focused skip link is on screen"
    );

    browser.press(&[ENTER]).await;
    browser
        .wait_for("document.activeElement.id === 'main' || location.hash === '#main'")
        .await;
    let (focus, hash) = (
        browser.execute("return document.activeElement.id").await,
        browser.execute("return location.hash").await,
    );
    eprintln!("after the skip link: focus on #{focus}, location hash {hash}");

    browser.close().await;
    app.stop().await;
}

#[tokio::test]
async fn searching_from_the_header_marks_the_accented_word() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let browser = Browser::start().await;
    browser.goto(&app.url("/")).await;
    let search = browser.find("#site-search").await;
    browser.send_keys(&search, "creeer").await;
    browser.send_keys(&search, ENTER).await;
    browser
        .wait_for("location.pathname === '/zoeken' && document.querySelector('main h1') !== null")
        .await;
    assert_eq!(browser.location().await, "/zoeken?q=creeer");
    let marks = browser
        .execute("return [...document.querySelectorAll('mark')].map(m => m.textContent);")
        .await;
    let marks: Vec<String> = marks
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap().to_lowercase())
        .collect();
    assert!(marks.iter().any(|m| m == "creëer"), "marks: {marks:?}");

    browser.close().await;
    app.stop().await;
}

#[tokio::test]
async fn the_pages_have_no_serious_accessibility_violations_in_either_language() {
    if !enabled() {
        return;
    }
    let axe = axe_source();
    let app = spawn_app().await;
    let browser = Browser::start().await;
    let pages = [
        "/".to_owned(),
        "/standaard".to_owned(),
        format!("/kaders/{FRAMEWORK}/kaarten/visie-01"),
        "/dialoogkaarten".to_owned(),
        format!("/kaders/{FRAMEWORK}/dialoogkaarten/dialoog-07"),
        "/zoeken?q=visie".to_owned(),
        "/afdrukken".to_owned(),
        "/kaders".to_owned(),
        "/bestaat-niet".to_owned(),
    ];
    let mut serious = Vec::new();
    let mut total = 0;
    for language in ["nl", "en"] {
        browser.goto(&app.url("/")).await;
        let current = browser
            .execute("return document.documentElement.lang")
            .await;
        if current != language {
            switch_language(&browser, language).await;
        }
        for page in &pages {
            browser.goto(&app.url(page)).await;
            assert_eq!(
                browser
                    .execute("return document.documentElement.lang")
                    .await,
                language,
                "{page}"
            );
            browser.execute(&axe).await;
            let violations = browser.execute_async(RUN_AXE).await;
            if let Some(error) = violations.get("error") {
                panic!("axe failed on {page} ({language}): {error}");
            }
            let violations = violations.as_array().expect("a list of violations");
            total += violations.len();
            eprintln!("axe {language} {page}: {} violation(s)", violations.len());
            for v in violations {
                let line = format!(
                    "[{}] {} on {page} ({language}): {} — {} node(s), e.g. {}",
                    v["impact"].as_str().unwrap_or("?"),
                    v["id"].as_str().unwrap_or("?"),
                    v["help"].as_str().unwrap_or("?"),
                    v["nodes"],
                    v["target"]
                );
                eprintln!("  {line}");
                if let Some(summary) = v["summary"].as_str() {
                    eprintln!(
                        "    first node: {}",
                        summary.split_whitespace().collect::<Vec<_>>().join(" ")
                    );
                }
                if matches!(v["impact"].as_str(), Some("serious" | "critical")) {
                    serious.push(line);
                }
            }
        }
    }
    eprintln!(
        "axe: {total} violation(s) on {} page views",
        pages.len() * 2
    );
    browser.close().await;
    app.stop().await;
    assert!(
        serious.is_empty(),
        "serious or critical accessibility violations:\n{}",
        serious.join("\n")
    );
}

#[tokio::test]
async fn on_a_phone_the_pages_do_not_scroll_sideways() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let browser = Browser::start().await;
    browser.set_window_size(390, 844).await;
    for page in [
        "/standaard".to_owned(),
        format!("/kaders/{FRAMEWORK}/kaarten/visie-01"),
    ] {
        browser.goto(&app.url(&page)).await;
        let sizes = browser
            .execute(
                "return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
                  wide: [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                      + ' (right ' + Math.round(e.getBoundingClientRect().right) + ')') };",
            )
            .await;
        let (scroll, inner) = (
            sizes["scroll"].as_u64().unwrap(),
            sizes["inner"].as_u64().unwrap(),
        );
        assert!(
            inner <= 400,
            "the window is phone-sized, not {inner} px wide"
        );
        assert!(
            scroll <= inner + 1,
            "{page} is {scroll} px wide in a {inner} px window; too wide: {}",
            sizes["wide"]
        );
    }
    browser.close().await;
    app.stop().await;
}
