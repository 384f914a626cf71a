//! The JSON file's shape.

use std::time::Duration;

use super::*;
use crate::cli::RouteName;

fn result(route: RouteName, clients: usize, ratio: f64) -> RouteResult {
    let latency = LatencySummary {
        p50: Duration::from_micros(1500),
        p99: Duration::from_millis(4),
        max: Duration::from_millis(9),
    };
    RouteResult {
        route,
        clients,
        requests: 100,
        errors: 0,
        rps: 20.0,
        latency,
        ceiling_ratio: Some(ratio),
        ran_out: false,
    }
}

#[test]
fn json_has_one_entry_per_result() {
    let report = Report {
        binary: "target/release/leidraad".into(),
        database: "sqlite",
        duration: Duration::from_secs(5),
        warmup: Duration::from_secs(1),
        memory: None,
        dialogue: None,
        scan: None,
        development: None,
        results: vec![
            result(RouteName::Ceiling, 1, 1.0),
            result(RouteName::Card, 1, 0.5),
        ],
    };
    let text = to_json(&report);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["database"], "sqlite");
    assert_eq!(value["duration_s"], 5.0);
    assert_eq!(value["results"][1]["route"], "card");
    assert_eq!(value["results"][1]["ceiling_ratio"], 0.5);
    assert_eq!(value["results"][1]["p50_ms"], 1.5);
    assert_eq!(value["results"][1]["method"], "GET");
    assert_eq!(value["results"][1]["ran_out"], false);
    assert!(
        text.find("\"route\"") < text.find("\"path\""),
        "fields keep their order"
    );
    assert_eq!(value["memory"], serde_json::Value::Null);
}

#[test]
fn json_has_the_memory_rows_with_their_goals() {
    let report = Report {
        binary: "target/release/leidraad".into(),
        database: "sqlite",
        duration: Duration::from_secs(5),
        warmup: Duration::from_secs(1),
        memory: Some(MemoryResult {
            idle_serve_mb: 12.5,
            idle_demo_mb: 20.0,
            sign_ins: 200,
            after_sign_ins_mb: 60.0,
            sign_in_wall: Duration::from_secs(10),
            sign_in_latency: LatencySummary {
                p50: Duration::from_millis(5000),
                p99: Duration::from_millis(9900),
                max: Duration::from_millis(10_000),
            },
            sign_in_errors: 0,
        }),
        dialogue: None,
        scan: None,
        development: None,
        results: Vec::new(),
    };
    let value: serde_json::Value = serde_json::from_str(&to_json(&report)).unwrap();
    let memory = &value["memory"];
    assert_eq!(memory["idle_serve_mb"], 12.5);
    assert_eq!(memory["idle_demo_mb"], 20.0);
    assert_eq!(memory["goal_idle_mb"], 40.0);
    assert_eq!(memory["after_sign_ins_mb"], 60.0);
    assert_eq!(memory["goal_after_sign_ins_mb"], 120.0);
    assert_eq!(memory["sign_ins_per_second"], 20.0);
    assert_eq!(memory["sign_in_p99_ms"], 9900.0);
}

#[test]
fn json_has_the_release_of_the_scan() {
    let released = crate::scan::ReleasedScan {
        id: 4,
        cookie: "leidraad_session=x".into(),
        respondents: 10_000,
        units: 20,
        with_words: 9_000,
        answering: Duration::from_secs(9),
        release: Duration::from_millis(1070),
        page_bytes: 2_000_000,
    };
    let report = Report {
        binary: "target/release/leidraad".into(),
        database: "postgres",
        duration: Duration::from_secs(5),
        warmup: Duration::from_secs(1),
        memory: None,
        dialogue: None,
        scan: Some(ScanFixture {
            submit: None,
            results: Some(released),
        }),
        development: None,
        results: Vec::new(),
    };
    let value: serde_json::Value = serde_json::from_str(&to_json(&report)).unwrap();
    let results = &value["scan"]["results"];
    assert_eq!(results["release_ms"], 1070.0);
    assert_eq!(results["respondents"], 10_000);
    assert_eq!(results["with_open_answers"], 9_000);
    assert_eq!(value["scan"]["submit"], serde_json::Value::Null);
    assert!(
        !to_json(&report).contains("leidraad_session"),
        "no credentials"
    );
}

#[test]
fn json_has_the_log_and_portfolio_fixture_without_the_session() {
    let report = Report {
        binary: "target/release/leidraad".into(),
        database: "sqlite",
        duration: Duration::from_secs(5),
        warmup: Duration::from_secs(1),
        memory: None,
        dialogue: None,
        scan: None,
        development: Some(crate::development::DevelopmentFixture {
            cookie: "leidraad_session=y".into(),
            activities: 200,
            added: 191,
            adding: Duration::from_millis(1500),
            log_bytes: 400_000,
            pdf_bytes: 90_000,
            first_pdf: Duration::from_millis(42),
        }),
        results: Vec::new(),
    };
    let value: serde_json::Value = serde_json::from_str(&to_json(&report)).unwrap();
    let development = &value["development"];
    assert_eq!(development["activities"], 200);
    assert_eq!(development["added"], 191);
    assert_eq!(development["adding_seconds"], 1.5);
    assert_eq!(development["log_page_bytes"], 400_000);
    assert_eq!(development["pdf_bytes"], 90_000);
    assert_eq!(development["first_pdf_ms"], 42.0);
    assert!(
        !to_json(&report).contains("leidraad_session"),
        "no credentials"
    );
}
