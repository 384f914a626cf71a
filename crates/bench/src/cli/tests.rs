//! The command line's tests.

use super::*;
use clap::CommandFactory;

#[test]
fn the_command_line_definition_is_consistent() {
    Args::command().debug_assert();
}

#[test]
fn concurrency_lists_parse_in_order() {
    assert_eq!(
        parse_concurrency_levels("1,16,64"),
        Ok(ConcurrencyLevels(vec![1, 16, 64]))
    );
    assert_eq!(
        parse_concurrency_levels(" 8 , 2"),
        Ok(ConcurrencyLevels(vec![8, 2]))
    );
    assert_eq!(
        parse_concurrency_levels("4"),
        Ok(ConcurrencyLevels(vec![4]))
    );
}

#[test]
fn bad_concurrency_lists_are_refused() {
    assert!(parse_concurrency_levels("0").is_err());
    assert!(parse_concurrency_levels("1,,2").is_err());
    assert!(parse_concurrency_levels("-1").is_err());
    assert!(parse_concurrency_levels("many").is_err());
}

#[test]
fn seconds_may_be_fractional_but_not_negative() {
    assert_eq!(parse_seconds("0.5"), Ok(Duration::from_millis(500)));
    assert_eq!(parse_seconds("5"), Ok(Duration::from_secs(5)));
    assert!(parse_seconds("-1").is_err());
    assert!(parse_seconds("soon").is_err());
}

#[test]
fn the_ceiling_is_always_measured_first() {
    let args = Args::try_parse_from(["leidraad-bench", "--routes", "search,ceiling,card"]).unwrap();
    assert_eq!(
        args.selected_routes(),
        vec![RouteName::Ceiling, RouteName::Search, RouteName::Card]
    );
    let args = Args::try_parse_from(["leidraad-bench"]).unwrap();
    assert_eq!(args.selected_routes().len(), 15);
    assert!(args.selected_routes().contains(&RouteName::SaveAnswer));
    assert!(args.selected_routes().contains(&RouteName::Profile));
    assert_eq!(args.concurrency, ConcurrencyLevels(vec![1, 16, 64]));
    assert_eq!(args.sign_ins, 200);
    assert!(!args.no_memory && !args.memory_only);
}

#[test]
fn memory_rows_can_be_left_out_or_measured_alone() {
    let args =
        Args::try_parse_from(["leidraad-bench", "--memory-only", "--sign-ins", "20"]).unwrap();
    assert!(args.memory_only);
    assert_eq!(args.sign_ins, 20);
    assert!(Args::try_parse_from(["leidraad-bench", "--no-memory"]).is_ok());
    assert!(Args::try_parse_from(["leidraad-bench", "--no-memory", "--memory-only"]).is_err());
    assert!(Args::try_parse_from(["leidraad-bench", "--sign-ins", "0"]).is_err());
}

#[test]
fn route_names_match_the_command_line_spelling() {
    for route in RouteName::value_variants() {
        let spelled = route.to_possible_value().unwrap();
        assert_eq!(spelled.get_name(), route.name());
    }
}

#[test]
fn only_the_signed_in_routes_need_the_fixture() {
    let args = Args::try_parse_from(["leidraad-bench", "--routes", "save-answer,profile"]).unwrap();
    assert_eq!(
        args.selected_routes(),
        vec![
            RouteName::Ceiling,
            RouteName::SaveAnswer,
            RouteName::Profile
        ]
    );
    let needing: Vec<RouteName> = RouteName::value_variants()
        .iter()
        .copied()
        .filter(|route| route.needs_fixture())
        .collect();
    assert_eq!(
        needing,
        vec![
            RouteName::SaveAnswer,
            RouteName::Profile,
            RouteName::SubmitForm,
            RouteName::FeedbackReport,
            RouteName::ScanSubmit,
            RouteName::ScanResults,
            RouteName::LogPage,
            RouteName::PortfolioPdf,
            RouteName::Dialogue
        ]
    );
    assert_eq!(RouteName::SaveAnswer.method(), "PUT");
    assert_eq!(RouteName::Profile.method(), "GET");
    assert_eq!(RouteName::SubmitForm.method(), "POST");
    assert_eq!(RouteName::FeedbackReport.method(), "GET");
    assert!(!RouteName::SubmitForm.has_ceiling_goal());
    assert!(RouteName::Profile.has_ceiling_goal());
}

#[test]
fn the_dialogue_runs_on_two_instances_only_on_postgres() {
    let args = Args::try_parse_from(["leidraad-bench", "--routes", "dialogue"]).unwrap();
    let plan = args.dialogue_plan().unwrap();
    assert_eq!(
        (plan.participants, plan.actions, plan.instances),
        (500, 50, 1)
    );
    assert!(RouteName::Dialogue.is_scenario() && RouteName::Dialogue.needs_fixture());
    let postgres = [
        "leidraad-bench",
        "--database-url",
        "postgres://postgres@127.0.0.1:5432/leidraad_bench_dialogue",
    ];
    let args = Args::try_parse_from(postgres).unwrap();
    assert_eq!(args.dialogue_plan().unwrap().instances, 2);
    let args = Args::try_parse_from(postgres.iter().chain(&["--dialogue-instances", "1"])).unwrap();
    assert_eq!(args.dialogue_plan().unwrap().instances, 1);
    let args = Args::try_parse_from(["leidraad-bench", "--dialogue-instances", "2"]).unwrap();
    assert!(args.dialogue_plan().is_err());
    assert!(Args::try_parse_from(["leidraad-bench", "--dialogue-instances", "3"]).is_err());
    assert!(Args::try_parse_from(["leidraad-bench", "--dialogue-actions", "101"]).is_err());
}

#[test]
fn submit_form_gets_a_link_for_every_second_of_every_level() {
    let args = Args::try_parse_from(["leidraad-bench", "--concurrency", "16,64"]).unwrap();
    assert_eq!(args.forms_per_second, 3000);
    assert_eq!(args.submit_form_links(), 3000 * 6 * 2 + 1);
    let args = Args::try_parse_from([
        "leidraad-bench",
        "--concurrency",
        "16",
        "--duration",
        "2.5",
        "--warmup",
        "0",
        "--forms-per-second",
        "100",
    ])
    .unwrap();
    assert_eq!(args.submit_form_links(), 251);
    assert!(Args::try_parse_from(["leidraad-bench", "--forms-per-second", "0"]).is_err());
}

#[test]
fn the_scan_routes_need_the_board_and_have_goals_of_their_own() {
    for route in [RouteName::ScanSubmit, RouteName::ScanResults] {
        assert!(route.needs_fixture() && route.needs_board());
        assert!(!route.has_ceiling_goal() && !route.is_scenario());
    }
    assert!(!RouteName::SubmitForm.needs_board());
    assert_eq!(RouteName::ScanSubmit.method(), "POST");
    assert_eq!(RouteName::ScanResults.method(), "GET");
    let args = Args::try_parse_from(["leidraad-bench", "--concurrency", "16,64"]).unwrap();
    assert_eq!(args.scan_submit_links(), 3000 * 6 * 2 + 1);
    let plan = args.fixture_plan();
    assert_eq!(plan.scan.respondents, 10_000);
    assert_eq!(plan.scan.open_percent, 100);
    assert_eq!(plan.rater_links, args.submit_form_links());
    let args = Args::try_parse_from([
        "leidraad-bench",
        "--concurrency",
        "16",
        "--warmup",
        "0",
        "--duration",
        "2",
        "--scan-responses-per-second",
        "10",
        "--scan-respondents",
        "50",
        "--scan-open-percent",
        "30",
    ])
    .unwrap();
    let plan = args.fixture_plan();
    assert_eq!(
        (
            plan.scan.submit_links,
            plan.scan.respondents,
            plan.scan.open_percent
        ),
        (21, 50, 30)
    );
    assert!(Args::try_parse_from(["leidraad-bench", "--scan-open-percent", "101"]).is_err());
    assert!(Args::try_parse_from(["leidraad-bench", "--scan-respondents", "4"]).is_err());
    assert!(Args::try_parse_from(["leidraad-bench", "--scan-respondents", "50001"]).is_err());
}

#[test]
fn the_log_and_portfolio_need_the_leader_only_and_have_goals_of_their_own() {
    for route in [RouteName::LogPage, RouteName::PortfolioPdf] {
        assert!(route.needs_fixture() && !route.needs_board());
        assert!(!route.has_ceiling_goal() && !route.is_scenario());
        assert_eq!(route.method(), "GET");
    }
    let args =
        Args::try_parse_from(["leidraad-bench", "--routes", "log-page,portfolio-pdf"]).unwrap();
    assert_eq!(
        args.selected_routes(),
        vec![
            RouteName::Ceiling,
            RouteName::LogPage,
            RouteName::PortfolioPdf
        ]
    );
}
