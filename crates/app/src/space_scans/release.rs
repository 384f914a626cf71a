//! Releasing a scan: once at least its threshold of people answered, the owner closes it and
//! the results are computed once, by the domain's rules, and stored, with the owner's and
//! every board member's estimate beside them; the answers themselves are deleted in the same
//! transaction. Reading the results reads that snapshot, beside the
//! owner's previous scan of the same questionnaire when there is one.

use leidraad_domain::space_scan::{
    BoardEstimate, Change, ResultsInput, ScanResults, ScanSettings, Submitted, compare,
    compute_results,
};
use leidraad_store::space_scans::{Change as StoreChange, ScanRecord, ScanState, UnitRecord};

use super::body::Body;
use super::estimate::estimate_of;
use super::{own_scan, questionnaire, settle};
use crate::{App, Error, Viewer};

/// Closes the scan and stores its results. Refused while fewer than the threshold answered:
/// results that show nothing would end the scan for nothing.
pub async fn release(state: &App, viewer: &Viewer, id: i64) -> Result<(), Error> {
    let record = own_scan(state, viewer, id).await?;
    if record.state == ScanState::Released {
        return Err(Error::Conflict {
            code: "scan-released",
        });
    }
    let answered = state.store.scan_response_count(id).await?;
    if answered < record.threshold {
        return Err(Error::Conflict {
            code: "scan-too-few-responses",
        });
    }
    settle(state.store.close_scan(viewer.person, id).await?)?;
    let scan = questionnaire(state, &record)?;
    let units = state.store.units_of(id).await?;
    let stored = state.store.scan_responses(id).await?;
    let subgroups: Vec<i64> = if units.len() > 1 {
        units.iter().map(|u| u.id).collect()
    } else {
        Vec::new()
    };
    let mut responses = Vec::with_capacity(stored.len());
    for response in &stored {
        let body: Body = serde_json::from_str(&response.body).map_err(|_| Error::Internal)?;
        responses.push(Submitted {
            // One unit is the whole group: it has no subgroup to show.
            subgroup: (units.len() > 1).then_some(response.unit_id),
            response: body
                .known_to(scan)
                .parse(scan)
                .map_err(|_| Error::Internal)?,
        });
    }
    let estimate = estimate_of(state, viewer, id).await?;
    // Read after the close: no board member's estimate changes any more.
    let board = super::board::at_release(state, &record, scan).await?;
    let board_estimates: Vec<BoardEstimate<'_>> = board
        .iter()
        .map(|(key, by, estimate)| BoardEstimate {
            key: *key,
            by,
            estimate,
        })
        .collect();
    let settings =
        ScanSettings::new(usize::try_from(record.threshold).map_err(|_| Error::Internal)?)?;
    let results = compute_results(&ResultsInput {
        scan,
        settings,
        responses: &responses,
        estimate: (!estimate.ratings.is_empty()).then_some(&estimate),
        board_estimates: &board_estimates,
        key: report_key(),
        subgroups: &subgroups,
    });
    let snapshot = serde_json::to_string(&results).map_err(|_| Error::Internal)?;
    let stored = state
        .store
        .release_scan(
            viewer.person,
            id,
            responses.len(),
            &snapshot,
            state.clock.now(),
        )
        .await?;
    match stored {
        // The scan was closed before the responses were read: they cannot have changed.
        StoreChange::ResponsesChanged => Err(Error::Internal),
        other => settle(other),
    }
}

/// A scan's results as its owner reads them.
#[derive(Debug, Clone)]
pub struct ScanResultsView {
    pub record: ScanRecord,
    pub units: Vec<UnitRecord>,
    /// How many answered: while it runs the count, after release the results' own.
    pub answered: i64,
    /// `None` until released.
    pub results: Option<ScanResults>,
    /// Beside the owner's previous released scan of the same questionnaire, if any.
    pub comparison: Option<Comparison>,
}

#[derive(Debug, Clone)]
pub struct Comparison {
    pub earlier: ScanRecord,
    pub changes: Vec<Change>,
}

pub async fn results(state: &App, viewer: &Viewer, id: i64) -> Result<ScanResultsView, Error> {
    let record = own_scan(state, viewer, id).await?;
    let units = state.store.units_of(id).await?;
    let results = stored_results(state, id).await?;
    let answered = match &results {
        Some(results) => results.respondents as i64,
        None => state.store.scan_response_count(id).await?,
    };
    let comparison = match &results {
        Some(later) => comparison(state, viewer, &record, later).await?,
        None => None,
    };
    Ok(ScanResultsView {
        record,
        units,
        answered,
        results,
        comparison,
    })
}

async fn stored_results(state: &App, id: i64) -> Result<Option<ScanResults>, Error> {
    let Some((_, snapshot)) = state.store.scan_results(id).await? else {
        return Ok(None);
    };
    serde_json::from_str(&snapshot)
        .map(Some)
        .map_err(|_| Error::Internal)
}

/// The owner's latest scan of the same questionnaire in the same organisation released
/// before this one, and how each statement's mean moved since.
async fn comparison(
    state: &App,
    viewer: &Viewer,
    record: &ScanRecord,
    later: &ScanResults,
) -> Result<Option<Comparison>, Error> {
    let released_at = record.released_at.unwrap_or(i64::MAX);
    let candidates = state
        .store
        .scans_of(viewer.person)
        .await?
        .into_iter()
        .map(|summary| summary.scan)
        .filter(|s| {
            s.id != record.id
                && s.questionnaire_id == record.questionnaire_id
                && s.organisation_id == record.organisation_id
                && s.released_at.is_some_and(|at| at < released_at)
        });
    // Only a scan of the same schools: one school is no trend for another.
    let schools = schools_of(state, record.id).await?;
    let mut earlier = None;
    for scan in candidates {
        let newer = earlier
            .as_ref()
            .is_none_or(|e: &ScanRecord| scan.released_at > e.released_at);
        if newer && schools_of(state, scan.id).await? == schools {
            earlier = Some(scan);
        }
    }
    let Some(earlier) = earlier else {
        return Ok(None);
    };
    let Some(before) = stored_results(state, earlier.id).await? else {
        return Ok(None);
    };
    let changes = compare(&before, later);
    Ok((!changes.is_empty()).then_some(Comparison { earlier, changes }))
}

/// The schools a scan's units stand for, in order, each once.
async fn schools_of(state: &App, scan: i64) -> Result<Vec<i64>, Error> {
    let mut schools: Vec<i64> = state
        .store
        .units_of(scan)
        .await?
        .iter()
        .filter_map(|u| u.school_id.map(|s| s.get()))
        .collect();
    schools.sort_unstable();
    schools.dedup();
    Ok(schools)
}

/// The key that orders the open answers of one report: random, drawn once.
fn report_key() -> u64 {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    u64::from_le_bytes(bytes)
}
