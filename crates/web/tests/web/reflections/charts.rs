//! The profile chart without JavaScript: a radar with named spokes from three domains, bars
//! below, and the comparison's two moments in one chart.

use serde_json::json;

use super::*;
use crate::accounts::{Browser, world};
use crate::helpers::{count, spawn_app};

#[tokio::test]
async fn the_radar_names_its_spokes_and_gives_way_to_bars_below_three_domains() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let mut ids = Vec::new();
    for domains in [
        json!(["visie"]),
        json!(["visie", "sociaal"]),
        json!(["visie", "sociaal", "omgeving"]),
        json!([]),
    ] {
        let id = start(
            &leader,
            world.org_a.get(),
            json!({"domains": domains, "confirm": true}),
        )
        .await;
        sort(&leader, id, &["visie-01", "visie-02"], 3).await;
        ids.push(id);
    }
    for (id, spokes) in ids.iter().zip([1, 2, 3, 9]) {
        let page = html(&leader, &format!("/reflecties/{id}")).await;
        // The table is the chart's text: every domain by its full name and score.
        assert!(page.contains("<table class=\"data-table profile-table\""));
        assert!(page.contains("1. Visiegestuurd werken"));
        if spokes < 3 {
            assert!(!page.contains("<svg class=\"radar\""), "{spokes} domains");
            assert_eq!(
                count(&page, "class=\"score-bar domain-"),
                spokes,
                "a bar per domain"
            );
            assert!(page.contains("<p class=\"score-bar__name\">Visiegestuurd werken</p>"));
        } else {
            assert!(page.contains("<svg class=\"radar\""), "{spokes} domains");
            assert!(page.contains("role=\"img\"") && page.contains("<title id=\"radar-title\">"));
            assert_eq!(count(&page, "class=\"radar__spoke\""), spokes);
            assert_eq!(count(&page, "class=\"radar__label\""), spokes);
            assert!(
                page.contains(">Visiegestuurd werken</tspan>")
                    || page.contains(">Visiegestuurd</tspan>")
            );
            assert!(page.contains("omgeving</tspan>"), "a name, not a number");
            assert_eq!(count(&page, "<polygon class=\"radar__shape \""), 1);
        }
    }
}

#[tokio::test]
async fn the_comparison_overlays_two_moments_with_a_legend() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let earlier = start(
        &leader,
        world.org_a.get(),
        json!({"domains": ["visie", "sociaal", "omgeving"]}),
    )
    .await;
    sort(
        &leader,
        earlier,
        &["visie-01", "sociaal-01", "omgeving-01"],
        1,
    )
    .await;
    finish(&leader, earlier).await;
    let later = start(
        &leader,
        world.org_a.get(),
        json!({"domains": ["visie", "sociaal", "omgeving"]}),
    )
    .await;
    sort(
        &leader,
        later,
        &["visie-01", "sociaal-01", "omgeving-01"],
        4,
    )
    .await;
    let page = html(
        &leader,
        &format!("/reflecties/vergelijk?a={later}&b={earlier}"),
    )
    .await;
    assert_eq!(
        count(&page, "<polygon class=\"radar__shape chart--earlier\""),
        1
    );
    assert_eq!(
        count(&page, "<polygon class=\"radar__shape chart--later\""),
        1
    );
    // Squares for the earlier moment, dots for the later: apart without colour.
    assert_eq!(count(&page, "<path class=\"radar__dot chart--earlier\""), 3);
    assert_eq!(count(&page, "<circle class=\"radar__dot chart--later\""), 3);
    assert!(page.contains("class=\"chart-legend\""));
    assert!(page.contains(&format!("Eerder: <a href=\"/reflecties/{earlier}\">")));
    assert!(page.contains(&format!("Later: <a href=\"/reflecties/{later}\">")));
    assert!(page.contains("<strong>+3,0</strong>"), "{page}");

    // Two domains: two bars per domain, each named by its moment.
    let two = start(
        &leader,
        world.org_a.get(),
        json!({"domains": ["visie", "sociaal"], "confirm": true}),
    )
    .await;
    sort(&leader, two, &["visie-01"], 2).await;
    let bars = html(
        &leader,
        &format!("/reflecties/vergelijk?a={earlier}&b={two}"),
    )
    .await;
    assert!(
        bars.contains("<svg class=\"radar\""),
        "three domains in either moment: a radar"
    );
    let one = start(
        &leader,
        world.org_a.get(),
        json!({"domains": ["visie"], "confirm": true}),
    )
    .await;
    let other = start(
        &leader,
        world.org_a.get(),
        json!({"domains": ["sociaal"], "confirm": true}),
    )
    .await;
    let bars = html(&leader, &format!("/reflecties/vergelijk?a={one}&b={other}")).await;
    assert!(!bars.contains("<svg class=\"radar\""));
    assert_eq!(count(&bars, "score-bar__row chart--earlier"), 2);
    assert_eq!(count(&bars, "score-bar__row chart--later"), 2);
}
