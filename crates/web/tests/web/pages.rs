use crate::helpers::{FRAMEWORK, count, spawn_app, text_of};

#[tokio::test]
async fn the_home_page_says_what_leidraad_is_for_and_leads_into_it() {
    let app = spawn_app().await;
    let html = app.get_html("/").await;
    assert!(html.contains("<html lang=\"nl\">"));
    assert!(html.contains("De beroepsstandaard als levend instrument"));
    assert!(html.contains(&format!("href=\"/kaders/{FRAMEWORK}\"")));
    assert!(html.contains("href=\"/dialoogkaarten\""));
    assert!(html.contains("href=\"/zoeken\""));
    assert!(html.contains("href=\"/afdrukken\""));
    let text = text_of(&html);
    assert!(
        text.contains("5 leiderschapspraktijken en 4 persoonlijke kwaliteiten"),
        "{text}"
    );
    assert!(text.contains("80 ‘Ik …’-kaarten"), "{text}");
    app.stop().await;
}

#[tokio::test]
async fn the_standard_shows_nine_domains_in_order_with_all_eighty_cards() {
    let app = spawn_app().await;
    let html = app.get_html(&format!("/kaders/{FRAMEWORK}")).await;
    let domains = [
        "visie",
        "medewerkers",
        "schoolontwikkeling",
        "onderwijskwaliteit",
        "omgeving",
        "cognitief",
        "sociaal",
        "psychologisch",
        "zingevend",
    ];
    let positions: Vec<usize> = domains
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let section = format!("<section class=\"domain domain-{}\" id=\"{d}\"", i + 1);
            html.find(&section).unwrap_or_else(|| panic!("{section}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "domains out of order"
    );
    assert_eq!(count(&html, "class=\"card-link\""), 80);
    assert!(html.contains("Ik gebruik gezamenlijke waarden als basis"));
    assert!(html.contains("Visiegestuurd werken"));
    assert!(html.contains("Zingevende kwaliteiten"));
    assert!(html.contains("Leiderschapspraktijken") && html.contains("Persoonlijke kwaliteiten"));
    let short = app.get_html("/standaard").await;
    assert_eq!(
        count(&short, "class=\"card-link\""),
        80,
        "/standaard shows the default deck"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_card_page_shows_the_card_its_domain_its_translation_and_its_neighbours() {
    let app = spawn_app().await;
    let html = app
        .get_html(&format!("/kaders/{FRAMEWORK}/kaarten/omgeving-11"))
        .await;
    let text = text_of(&html);
    assert!(text.contains("Ik creëer en benut netwerken met het oog op kennisdeling en versterking van het onderwijs en de school"), "{text}");
    assert!(text.contains("Leidinggeven aan verbinding met de (bredere) omgeving"));
    assert!(text.contains("Kaart 11 van 12"), "{text}");
    assert!(html.contains("rel=\"prev\"") && html.contains("rel=\"next\""));
    assert!(html.contains(&format!("/kaders/{FRAMEWORK}/kaarten/omgeving-10")));
    assert!(html.contains(&format!("/kaders/{FRAMEWORK}/kaarten/omgeving-12")));
    assert!(
        html.contains("<span lang=\"en\">I create"),
        "the English translation is shown"
    );

    let first = app
        .get_html(&format!("/kaders/{FRAMEWORK}/kaarten/visie-01"))
        .await;
    assert!(
        !first.contains("rel=\"prev\""),
        "the first card has no previous card"
    );
    let last = app
        .get_html(&format!("/kaders/{FRAMEWORK}/kaarten/zingevend-07"))
        .await;
    assert!(
        !last.contains("rel=\"next\""),
        "the last card has no next card"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_dialogue_deck_lists_all_cards_with_their_follow_up_questions() {
    let app = spawn_app().await;
    let html = app.get_html("/dialoogkaarten").await;
    assert_eq!(count(&html, "class=\"dialogue-list__item\""), 22);
    assert_eq!(count(&html, "class=\"dialogue-list__follow-up\""), 10);
    assert!(html.contains("Wanneer is goed goed genoeg?"));
    assert!(html.contains("Wanneer is goed niet goed genoeg?"));
    assert!(html.contains(&format!("href=\"/kaders/{FRAMEWORK}/dialoogkaarten/trek\"")));
    let same = app
        .get_html(&format!("/kaders/{FRAMEWORK}/dialoogkaarten"))
        .await;
    assert_eq!(count(&same, "class=\"dialogue-list__item\""), 22);
    app.stop().await;
}

#[tokio::test]
async fn drawing_a_dialogue_card_redirects_to_a_card_and_never_the_one_shown() {
    let app = spawn_app().await;
    let prefix = format!("/kaders/{FRAMEWORK}/dialoogkaarten/");
    let mut seen = std::collections::HashSet::new();
    for _ in 0..40 {
        let response = app.get(&format!("{prefix}trek?na=dialoog-07")).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["cache-control"], "no-store");
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        assert!(location.starts_with(&prefix), "{location}");
        assert_ne!(location, format!("{prefix}dialoog-07"));
        seen.insert(location);
    }
    assert!(seen.len() > 5, "draws are random: {seen:?}");
    let card = app.get_html(&format!("{prefix}dialoog-07")).await;
    assert!(
        text_of(&card).contains("Wanneer is goed goed genoeg? Wanneer is goed niet goed genoeg?")
    );
    assert!(
        card.contains("trek?na=dialoog-07"),
        "draw again skips this card"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_print_view_lays_out_every_card_on_a4_sheets_with_blank_cards() {
    let app = spawn_app().await;
    let html = app.get_html("/afdrukken").await;
    let cards = count(&html, "<article class=\"print-card");
    let blanks = count(&html, "print-card--blank");
    assert_eq!(blanks, 9 * 4, "four blank cards per domain");
    assert_eq!(cards, 80 + 36 + 22);
    assert_eq!(count(&html, "<section class=\"sheet\""), cards.div_ceil(8));
    assert!(html.contains("data-print"));
    assert!(html.contains("class=\"print-view\""));

    let without = app.get_html("/afdrukken?lege=nee").await;
    assert_eq!(count(&without, "print-card--blank"), 0);
    assert_eq!(count(&without, "<article class=\"print-card"), 80 + 22);

    let css = app.get_html(&stylesheet_url(&html)).await;
    assert!(css.contains("@page { size: A4"), "print CSS sets A4 pages");
    assert!(css.contains("@media print"));
    // An A4 page is narrower than a laptop screen: rules for small screens must not apply
    // when printing, or the sheets collapse into one column.
    assert!(
        !css.contains("@media (max-width"),
        "width rules are scoped to screens"
    );
    app.stop().await;
}

fn stylesheet_url(html: &str) -> String {
    let start = html.find("<link rel=\"stylesheet\" href=\"").unwrap() + 29;
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

#[tokio::test]
async fn assets_are_embedded_and_cached_for_a_year_under_a_versioned_url() {
    let app = spawn_app().await;
    let html = app.get_html("/").await;
    let css = stylesheet_url(&html);
    assert!(
        css.starts_with("/static/") && css.ends_with("/app.css"),
        "{css}"
    );
    let response = app.get(&css).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/css; charset=utf-8"
    );
    assert!(
        response.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    let stale = app.get("/static/0000000000/app.css").await;
    assert_eq!(stale.status(), 200);
    assert_eq!(stale.headers()["cache-control"], "no-cache");
    assert_eq!(app.get("/static/x/secret.txt").await.status(), 404);
    app.stop().await;
}

#[tokio::test]
async fn the_frameworks_page_lists_the_deck() {
    let app = spawn_app().await;
    let text = text_of(&app.get_html("/kaders").await);
    assert!(text.contains("Beroepsstandaard schoolleiders"));
    assert!(
        text.contains("9 domeinen · 80 kaarten · 22 dialoogkaarten"),
        "{text}"
    );
    app.stop().await;
}

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = spawn_app().await;
    assert_eq!(app.get("/healthz").await.text().await.unwrap(), "ok");
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    app.store.close().await;
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 503, "a closed database is not ready");
    assert_eq!(
        app.get("/healthz").await.status(),
        200,
        "but the process is up"
    );
    app.stop().await;
}

#[tokio::test]
async fn pages_served_from_memory_keep_their_language_headers_and_errors() {
    let app = spawn_app().await;
    let path = format!("/kaders/{FRAMEWORK}/kaarten/visie-02");
    for _ in 0..2 {
        let dutch = app.get_as(&path, "nl", None).await;
        assert_eq!(dutch.headers()["vary"], "Accept-Language, Cookie");
        assert!(
            dutch.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        assert!(dutch.headers().contains_key("content-security-policy"));
        assert!(dutch.text().await.unwrap().contains("<html lang=\"nl\">"));
        let english = app.get_as(&path, "en", None).await.text().await.unwrap();
        assert!(english.contains("<html lang=\"en\">"));
    }
    for _ in 0..2 {
        assert_eq!(
            app.get(&format!("/kaders/{FRAMEWORK}/kaarten/nope"))
                .await
                .status(),
            404
        );
    }
    let with_query = app.get_html(&format!("{path}?utm=x")).await;
    assert!(with_query.contains("name=\"terug\" value=\"/kaders/"));
    let first = app.get_html("/afdrukken?lege=nee").await;
    let again = app.get_html("/afdrukken?lege=nee").await;
    assert_eq!(first, again);
    assert_eq!(
        count(&again, "print-card--blank"),
        0,
        "the query is part of the key"
    );
    assert_eq!(
        count(&app.get_html("/afdrukken").await, "print-card--blank"),
        36
    );
    app.stop().await;
}

/// The content security policy allows no inline style (`style-src 'self'`), so a `style`
/// attribute in a template is silently dropped by the browser: a progress bar drawn that way
/// shows full whatever its value. Bars are SVG shapes, whose sizes are attributes.
#[test]
fn no_template_relies_on_an_inline_style_the_policy_blocks() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        if text.contains(" style=\"") {
            found.push(path.display().to_string());
        }
    }
    assert!(found.is_empty(), "style attributes in {found:?}");
}
