//! What each route sends, checked without a server.

use super::*;
use crate::fixture::OpenReflection;

fn fixture(open: Option<OpenReflection>, finished: Option<i64>) -> Fixture {
    Fixture {
        token: "ab".repeat(32),
        open,
        finished,
        rater_links: None,
        released_round: None,
        scans: None,
        development: None,
    }
}

fn rater_links(tokens: &[&str]) -> RaterLinks {
    RaterLinks {
        tokens: keys(tokens),
        form: serde_json::from_str(
            r#"{"domains":[{"id":"visie","cards":[{"id":"visie-01"},{"id":"visie-02"}]}]}"#,
        )
        .unwrap(),
        rounds: 1,
        took: std::time::Duration::ZERO,
    }
}

fn keys(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| (*k).to_owned()).collect()
}

/// (card, pile) of a save-answer request.
fn card_and_pile(request: &RequestSpec) -> (String, u8) {
    let card = request.uri.path().rsplit('/').next().unwrap().to_owned();
    let body: serde_json::Value =
        serde_json::from_slice(&request.body.as_ref().unwrap().bytes).unwrap();
    (card, body["pile"].as_u64().unwrap() as u8)
}

#[test]
fn fixed_routes_are_one_plain_get() {
    let set = for_route(RouteName::Card, None).unwrap();
    assert_eq!(
        set.next().unwrap().describe(),
        format!("GET {}", RouteName::Card.path())
    );
    assert!(set.next().unwrap().authorization.is_none());
    assert!(std::ptr::eq(set.next().unwrap(), set.next().unwrap()));
}

#[test]
fn save_answer_rotates_cards_and_changes_the_pile_every_lap() {
    let open = OpenReflection {
        id: 7,
        card_keys: keys(&["visie-01", "visie-02", "sociaal-01"]),
    };
    let set = for_route(RouteName::SaveAnswer, Some(&fixture(Some(open), None))).unwrap();
    let sent: Vec<(String, u8)> = (0..14)
        .map(|_| card_and_pile(set.next().unwrap()))
        .collect();
    assert_eq!(sent[0], ("visie-01".into(), 1));
    assert_eq!(sent[1], ("visie-02".into(), 1));
    assert_eq!(sent[3], ("visie-01".into(), 2));
    assert_eq!(sent[11], ("sociaal-01".into(), 4));
    assert_eq!(sent[12], ("visie-01".into(), 1), "the rotation starts over");
    for pair in sent.windows(2) {
        assert_ne!(pair[0].0, pair[1].0, "consecutive writes differ in card");
    }
    for later in 3..sent.len() {
        assert_ne!(
            sent[later].1,
            sent[later - 3].1,
            "each lap changes the pile"
        );
    }
    let request = set.next().unwrap();
    assert_eq!(request.method, hyper::Method::PUT);
    assert_eq!(
        request.uri.path(),
        "/api/v1/reflections/7/answers/sociaal-01"
    );
    assert_eq!(
        request.authorization.as_ref().unwrap(),
        &format!("Bearer {}", "ab".repeat(32))
    );
    assert_eq!(
        request.body.as_ref().unwrap().content_type,
        "application/json"
    );
}

#[test]
fn clones_share_the_rotation() {
    let open = OpenReflection {
        id: 1,
        card_keys: keys(&["a", "b"]),
    };
    let set = for_route(RouteName::SaveAnswer, Some(&fixture(Some(open), None))).unwrap();
    let other = set.clone();
    assert_eq!(card_and_pile(set.next().unwrap()).0, "a");
    assert_eq!(card_and_pile(other.next().unwrap()).0, "b");
    assert_eq!(card_and_pile(set.next().unwrap()), ("a".into(), 2));
}

#[test]
fn the_answer_body_is_what_the_autosave_sends() {
    let body: serde_json::Value = serde_json::from_str(&answer_body(3)).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"pile": 3, "note": "", "evidence": "", "starred": false})
    );
}

#[test]
fn profile_reads_the_finished_reflection_with_the_token() {
    let set = for_route(RouteName::Profile, Some(&fixture(None, Some(5)))).unwrap();
    assert_eq!(set.next().unwrap().describe(), "GET /reflecties/5");
    assert!(set.next().unwrap().authorization.is_some());
}

#[test]
fn missing_fixture_parts_are_named() {
    let err = for_route(RouteName::SaveAnswer, Some(&fixture(None, Some(5)))).unwrap_err();
    assert!(err.contains("open reflection"), "{err}");
    let empty = OpenReflection {
        id: 2,
        card_keys: Vec::new(),
    };
    let err = for_route(RouteName::SaveAnswer, Some(&fixture(Some(empty), None))).unwrap_err();
    assert!(err.contains("has none"), "{err}");
    let err = for_route(RouteName::Profile, Some(&fixture(None, None))).unwrap_err();
    assert!(err.contains("finished reflection"), "{err}");
    assert!(for_route(RouteName::Profile, None).is_err());
}

#[test]
fn submit_form_sends_each_link_once_with_a_whole_form() {
    let mut with_links = fixture(None, None);
    with_links.rater_links = Some(rater_links(&["t1", "t2", "t3"]));
    let set = for_route(RouteName::SubmitForm, Some(&with_links)).unwrap();
    let sent: Vec<&RequestSpec> = (0..3).map(|_| set.next().unwrap()).collect();
    assert!(set.next().is_none(), "used up, never repeated");
    assert!(set.clone().next().is_none(), "clones share the count");
    for (request, token) in sent.iter().zip(["t1", "t2", "t3"]) {
        assert_eq!(request.describe(), "POST /api/v1/rater/submit");
        assert_eq!(
            request.authorization.as_ref().unwrap(),
            &format!("Bearer {token}")
        );
        let body = request.body.as_ref().unwrap();
        assert_eq!(body.content_type, "application/json");
        let form: serde_json::Value = serde_json::from_slice(&body.bytes).unwrap();
        assert_eq!(form["answers"].as_object().unwrap().len(), 2);
        assert!(form["comments"]["algemeen"].is_string());
    }
    assert_ne!(
        sent[0].body.as_ref().unwrap().bytes,
        sent[1].body.as_ref().unwrap().bytes,
        "raters answer differently"
    );
}

#[test]
fn feedback_report_reads_the_released_round_with_the_token() {
    let mut released = fixture(None, None);
    released.released_round = Some(12);
    let set = for_route(RouteName::FeedbackReport, Some(&released)).unwrap();
    assert_eq!(set.next().unwrap().describe(), "GET /feedback/12/rapport");
    assert_eq!(
        set.next().unwrap().authorization.as_ref().unwrap(),
        &format!("Bearer {}", "ab".repeat(32))
    );
}

#[test]
fn missing_feedback_fixture_parts_are_named() {
    let err = for_route(RouteName::SubmitForm, Some(&fixture(None, None))).unwrap_err();
    assert!(err.contains("rater links"), "{err}");
    let err = for_route(RouteName::FeedbackReport, Some(&fixture(None, None))).unwrap_err();
    assert!(err.contains("released 360° round"), "{err}");
    let err = for_route(RouteName::ScanSubmit, Some(&fixture(None, None))).unwrap_err();
    assert!(err.contains("board's scans"), "{err}");
    let mut empty = fixture(None, None);
    empty.rater_links = Some(rater_links(&[]));
    assert!(for_route(RouteName::SubmitForm, Some(&empty)).is_err());
}

#[test]
fn the_log_and_portfolio_are_read_with_the_leaders_session() {
    let err = for_route(RouteName::LogPage, Some(&fixture(None, None))).unwrap_err();
    assert!(
        err.contains("log-page needs") && err.contains("session"),
        "{err}"
    );
    let mut signed_in = fixture(None, None);
    signed_in.development = Some(crate::development::DevelopmentFixture {
        cookie: "leidraad_session=cd".into(),
        activities: 200,
        added: 191,
        adding: std::time::Duration::ZERO,
        log_bytes: 1,
        pdf_bytes: 1,
        first_pdf: std::time::Duration::ZERO,
    });
    for (route, described) in [
        (RouteName::LogPage, "GET /logboek"),
        (RouteName::PortfolioPdf, "GET /portfolio.pdf"),
    ] {
        let set = for_route(route, Some(&signed_in)).unwrap();
        let request = set.next().unwrap();
        assert_eq!(request.describe(), described);
        assert!(request.authorization.is_none());
        assert_eq!(request.headers[0].1, "leidraad_session=cd");
    }
}

#[test]
fn card_keys_are_encoded_as_one_segment() {
    assert_eq!(encode_path_segment("visie-01"), "visie-01");
    assert_eq!(encode_path_segment("a/b c"), "a%2Fb%20c");
}
