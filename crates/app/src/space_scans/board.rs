//! A board member's estimate: for a scan someone else runs in their organisation, the board
//! member answers the same statements as they expect that team to, autosaved one statement at
//! a time while the scan is open. At release every board member's estimate is frozen into the
//! results under their name, beside the leader's own; the board member sees which scans there
//! are and how many answered, never who, and never the results.

use leidraad_domain::accounts::{Action, PersonId, Target, decide};
use leidraad_domain::space_scan::{Estimate, ScanResults, SpaceScan};
use leidraad_store::space_scans::{Change, ScanRecord};

use super::estimate::{answer_code, known_estimate};
use super::{board_scan, questionnaire, settle};
use crate::{App, Error, Viewer, actor_of};

/// A scan in the board member's list.
#[derive(Debug, Clone)]
pub struct BoardScan {
    pub record: ScanRecord,
    /// The schools it asks, in the scan's order.
    pub schools: Vec<String>,
    pub answered: i64,
    /// How many statements this board member estimated, of how many.
    pub estimated: usize,
    pub statements: usize,
}

/// A scan as the board member estimates it.
#[derive(Debug, Clone)]
pub struct BoardEstimateView {
    pub record: ScanRecord,
    /// The name of the scan's owner: whose team it is.
    pub leader: String,
    pub schools: Vec<String>,
    pub estimate: Estimate,
}

/// Saves the board member's estimate of one statement; an empty answer takes it back.
pub async fn save_board_estimate(
    state: &App,
    viewer: &Viewer,
    id: i64,
    statement: &str,
    answer: &str,
) -> Result<(), Error> {
    let record = board_scan(state, viewer, id).await?;
    let scan = questionnaire(state, &record)?;
    let answer = answer_code(scan, statement, answer)?;
    let saved = state
        .store
        .save_board_estimate(viewer.person, id, statement, answer)
        .await?;
    match saved {
        // Closed for release or released: the estimate is part of the results now.
        Change::WrongState => Err(Error::Conflict {
            code: "scan-board-estimate-closed",
        }),
        other => settle(other),
    }
}

/// The board member's estimate so far, with the scan it is of.
pub async fn board_estimate_of(
    state: &App,
    viewer: &Viewer,
    id: i64,
) -> Result<BoardEstimateView, Error> {
    let record = board_scan(state, viewer, id).await?;
    let scan = questionnaire(state, &record)?;
    let estimate = known_estimate(scan, &state.store.board_estimate(id, viewer.person).await?)?;
    let leader = state
        .store
        .person(record.person_id)
        .await?
        .map(|person| person.name)
        .unwrap_or_default();
    Ok(BoardEstimateView {
        schools: school_names(state, &record).await?,
        leader,
        estimate,
        record,
    })
}

/// The scans of others in every organisation where the viewer is a board member, newest
/// first per organisation.
pub async fn board_scans(state: &App, viewer: &Viewer) -> Result<Vec<BoardScan>, Error> {
    let mut scans = Vec::new();
    for membership in &viewer.memberships {
        let organisation = membership.organisation.organisation_id();
        if !viewer.allowed(
            Action::ViewBoardOverview,
            &Target::organisation(organisation),
        ) {
            continue;
        }
        for summary in state.store.board_scans(organisation, viewer.person).await? {
            let statements = state
                .library
                .space_scan(&summary.scan.questionnaire_id)
                .map_or(0, |scan| scan.statements.len());
            scans.push(BoardScan {
                schools: school_names(state, &summary.scan).await?,
                answered: summary.answered,
                estimated: usize::try_from(summary.estimated).unwrap_or(0),
                statements,
                record: summary.scan,
            });
        }
    }
    Ok(scans)
}

/// The names of the schools a scan's units stand for, in order, each once; the units' own
/// labels when none of their schools is left (a school deleted since).
async fn school_names(state: &App, record: &ScanRecord) -> Result<Vec<String>, Error> {
    let schools = state.store.schools(record.organisation_id).await?;
    let units = state.store.units_of(record.id).await?;
    let mut names: Vec<String> = Vec::new();
    for unit in &units {
        let Some(school) = unit.school_id else {
            continue;
        };
        if let Some(found) = schools.iter().find(|s| s.school_id() == school)
            && !names.contains(&found.name)
        {
            names.push(found.name.clone());
        }
    }
    if names.is_empty() {
        names = units.into_iter().map(|unit| unit.label).collect();
    }
    Ok(names)
}

/// Every board member's estimate of a scan closed for release: (person id, name, estimate),
/// by name. Only of whoever is still a board member of the scan's organisation and not its
/// owner, and only estimates that rate something.
pub(super) async fn at_release(
    state: &App,
    record: &ScanRecord,
    scan: &SpaceScan,
) -> Result<Vec<(i64, String, Estimate)>, Error> {
    let mut frozen = Vec::new();
    for stored in state.store.board_estimates(record.id).await? {
        if stored.person == record.person_id {
            continue;
        }
        let memberships = state.store.memberships_of(stored.person).await?;
        let board = decide(
            &actor_of(stored.person, &memberships),
            Action::ViewBoardOverview,
            &Target::organisation(record.organisation_id),
        )
        .is_allowed();
        let estimate = known_estimate(scan, &stored.answers)?;
        if board && !estimate.ratings.is_empty() {
            frozen.push((stored.person.get(), stored.name, estimate));
        }
    }
    Ok(frozen)
}

/// Takes `person`'s lists out of every released result they are in, before their account is
/// erased: what they estimated goes with them, from the results too.
pub(crate) async fn forget_board_estimates(state: &App, person: PersonId) -> Result<(), Error> {
    for estimated in state.store.board_estimates_of(person).await? {
        let Some((_, snapshot)) = state.store.scan_results(estimated.scan_id).await? else {
            continue;
        };
        let mut results: ScanResults =
            serde_json::from_str(&snapshot).map_err(|_| Error::Internal)?;
        let Some(shown) = results.shown.as_mut() else {
            continue;
        };
        let before = shown.board_gaps.len();
        shown.board_gaps.retain(|list| list.key != person.get());
        if shown.board_gaps.len() != before {
            let snapshot = serde_json::to_string(&results).map_err(|_| Error::Internal)?;
            state
                .store
                .replace_scan_results(estimated.scan_id, &snapshot)
                .await?;
        }
    }
    Ok(())
}
