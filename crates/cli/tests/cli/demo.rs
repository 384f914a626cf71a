//! `leidraad demo`: two schools and every role, seeded once.

use crate::{leidraad, run, store_in, temp_dir};

#[tokio::test]
async fn the_demo_has_two_schools_and_every_role_and_seeds_once() {
    let data = temp_dir();
    for _ in 0..2 {
        let (output, _, stderr) = run(leidraad()
            .args(["demo", "--seed-only", "--data-dir"])
            .arg(&data));
        assert!(output.status.success(), "{stderr}");
    }
    let store = store_in(&data).await;
    assert_eq!(store.count_people().await.unwrap(), 15);
    let admin = store
        .person_by_email("beheerder@leidraad.example")
        .await
        .unwrap()
        .unwrap();
    let organisation = store.memberships_of(admin.id).await.unwrap()[0]
        .organisation
        .organisation_id();
    assert_eq!(store.schools(organisation).await.unwrap().len(), 2);
    let members = store.members(organisation).await.unwrap();
    assert_eq!(members.len(), 15);
    for role in ["admin", "board-member", "school-leader", "coach", "staff"] {
        let holders = members
            .iter()
            .filter(|m| m.roles.to_codes() == role)
            .count();
        let expected = match role {
            "staff" => 10,
            "school-leader" => 2,
            _ => 1,
        };
        assert_eq!(holders, expected, "{role}");
    }
    let sanne = store
        .person_by_email("schoolleider.linde@leidraad.example")
        .await
        .unwrap()
        .unwrap();
    let moments = store.reflections_of(sanne.id).await.unwrap();
    assert_eq!(moments.len(), 2, "last year's moment and one in progress");
    assert!(moments[0].finished_at.is_some() && moments[1].finished_at.is_none());
    assert_eq!(store.answers(moments[0].id).await.unwrap().len(), 80);
    assert_eq!(store.focus_cards(moments[0].id).await.unwrap().len(), 3);
    assert_eq!(
        store.reflection_viewers(moments[0].id).await.unwrap().len(),
        2,
        "shared with board member and coach"
    );
    team_scans_of(&store, sanne.id).await;
    plans_of(&store, sanne.id).await;
    suggestions_of(&store, sanne.id).await;
    let password = leidraad_domain::accounts::PasswordHash::from_stored(admin.password_hash);
    assert!(
        leidraad_domain::accounts::verify_password("leidraad-demo-2026", &password),
        "the README's password"
    );
    store.close().await;
    std::fs::remove_dir_all(&data).unwrap();
}

/// Sanne's team scans at De Linde: last school year's and this year's released, the later
/// with eight answers, her estimate and the board member's (so its results have gaps, a board
/// member's gaps, open answers, roles named under "Anders" and a comparison), and a follow-up per bouw still open with three answers.
async fn team_scans_of(store: &leidraad_store::Store, sanne: leidraad_domain::accounts::PersonId) {
    use leidraad_store::space_scans::ScanState;
    let mut scans = store.scans_of(sanne).await.unwrap();
    assert_eq!(scans.len(), 3, "two released scans and an open one");
    scans.sort_by_key(|s| s.scan.created_at);
    let (earlier, later, open) = (&scans[0].scan, &scans[1].scan, &scans[2].scan);
    assert_eq!(earlier.state, ScanState::Released);
    assert_eq!(later.state, ScanState::Released);
    assert!(
        earlier.released_at < later.released_at,
        "the earlier one is what the later one compares with"
    );
    assert!(
        later.created_at - earlier.created_at > 120 * 86_400,
        "a school year apart"
    );
    let (_, before) = store.scan_results(earlier.id).await.unwrap().unwrap();
    assert!(before.starts_with(r#"{"respondents":7,"#), "{before}");
    let (_, results) = store.scan_results(later.id).await.unwrap().unwrap();
    assert!(results.starts_with(r#"{"respondents":8,"#), "{results}");
    for shown in [
        // The largest gap: Sanne expects more room than the team feels with its innovations.
        r#""gaps":[{"statement":"veranderen-07","estimate":3"#,
        "Cultuurcoördinator",
        "wat-beperkt-ruimte",
        "begeleider-in-de-klas",
        // Henk, the board member, beside her: more room than the team feels with the rules.
        r#""by":"Henk Jansen","gaps":[{"statement":"belemmeren-01","estimate":4"#,
    ] {
        assert!(results.contains(shown), "{shown} in {results}");
    }
    assert_eq!(open.state, ScanState::Open);
    assert!(open.closes_at > now() + 7 * 86_400, "open for weeks yet");
    assert_eq!(
        store.units_of(open.id).await.unwrap().len(),
        2,
        "one per bouw"
    );
    assert_eq!(store.scan_response_count(open.id).await.unwrap(), 3);
    assert_eq!(store.scan_estimate(open.id).await.unwrap().len(), 30);
    assert!(store.scan_results(open.id).await.unwrap().is_none());
}

/// Sanne's development plans: last year's two themes (one achieved with its review, one
/// underway) and this year's three, from a 360° blind spot, a team-scan gap and last year's
/// unfinished theme, shared with the coach.
async fn plans_of(store: &leidraad_store::Store, sanne: leidraad_domain::accounts::PersonId) {
    let plans = store.plans_of(sanne).await.unwrap();
    assert_eq!(plans.len(), 2, "this school year's and last");
    let this = store.full_plan(plans[0].0.id).await.unwrap().unwrap();
    let kinds: Vec<&str> = this.themes.iter().map(|t| t.source_kind.as_str()).collect();
    assert_eq!(kinds, ["blind-spot", "scan-gap", "carried-over"]);
    assert!(
        this.themes
            .iter()
            .all(|t| !t.goal.is_empty() && !t.actions.is_empty())
    );
    let blind = &this.themes[0];
    assert!(
        blind.cards.contains(&blind.source_item),
        "the blind spot's card"
    );
    assert_eq!(
        store.plan_viewers(this.plan.id).await.unwrap().len(),
        1,
        "the coach"
    );
    let last = store.full_plan(plans[1].0.id).await.unwrap().unwrap();
    assert_eq!(last.themes[0].status, "achieved");
    assert!(!last.themes[0].review.is_empty());
    assert_eq!(this.themes[2].source_id, Some(last.themes[1].id));
}

/// What Sanne did in Leidraad and did not put in her log yet: her team meeting, the coach's
/// intervision she joined and this year's scan wait among them, and nothing she logged (last
/// year's reflection, a released scan) is offered again.
async fn suggestions_of(store: &leidraad_store::Store, sanne: leidraad_domain::accounts::PersonId) {
    let waiting = store.unlogged_sources(sanne).await.unwrap();
    let titles: Vec<(&str, &str)> = waiting
        .iter()
        .map(|s| (s.kind.as_str(), s.title.as_str()))
        .collect();
    assert!(
        titles.contains(&("dialogue", "Teamoverleg: ons vak")),
        "{titles:?}"
    );
    assert!(
        titles.contains(&("dialogue", "Intervisie schoolleiders: de lastige ouder")),
        "joined, not facilitated: {titles:?}"
    );
    assert!(
        titles.iter().any(|(kind, _)| *kind == "team-scan"),
        "{titles:?}"
    );
    let logged: Vec<(String, i64)> = store
        .activities_of(sanne)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|a| a.source)
        .collect();
    assert!(!logged.is_empty());
    assert!(
        waiting
            .iter()
            .all(|s| !logged.contains(&(s.kind.clone(), s.id)))
    );
}

fn now() -> i64 {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    i64::try_from(since.unwrap().as_secs()).unwrap()
}
