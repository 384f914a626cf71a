//! The owner's estimate: the same statements, answered as they expect the team to answer.
//! Autosaved one statement at a time until the scan is released.

use leidraad_domain::space_scan::{Estimate, ScanAnswer, SpaceScan};

use super::{own_scan, questionnaire, settle};
use crate::{App, Error, Viewer};

/// Saves the estimate of one statement; an empty answer takes it back.
pub async fn save_estimate(
    state: &App,
    viewer: &Viewer,
    id: i64,
    statement: &str,
    answer: &str,
) -> Result<(), Error> {
    let record = own_scan(state, viewer, id).await?;
    let scan = questionnaire(state, &record)?;
    let answer = answer_code(scan, statement, answer)?;
    settle(
        state
            .store
            .save_scan_estimate(viewer.person, id, statement, answer)
            .await?,
    )
}

/// The estimate so far.
pub async fn estimate_of(state: &App, viewer: &Viewer, id: i64) -> Result<Estimate, Error> {
    let record = own_scan(state, viewer, id).await?;
    let scan = questionnaire(state, &record)?;
    known_estimate(scan, &state.store.scan_estimate(id).await?)
}

/// One statement's estimate as typed, checked: the answer's code, or "" to take it back.
/// The statement must be the scan's either way.
pub(super) fn answer_code(
    scan: &SpaceScan,
    statement: &str,
    answer: &str,
) -> Result<&'static str, Error> {
    let answer = answer.trim();
    if answer.is_empty() {
        return match scan.statement(statement) {
            Some(_) => Ok(""),
            None => Err(Error::BadRequest {
                code: "scan-statement-unknown",
            }),
        };
    }
    // The same check as a whole estimate gets: a known statement and a known answer.
    Estimate::parse(scan, &[(statement, answer)])?;
    let answer: ScanAnswer =
        answer
            .parse()
            .map_err(
                |e: leidraad_domain::space_scan::ScanAnswerError| Error::BadRequest {
                    code: e.code(),
                },
            )?;
    Ok(answer.code())
}

/// A stored estimate as the domain reads it, leaving out statements the questionnaire no
/// longer has.
pub(super) fn known_estimate(
    scan: &SpaceScan,
    saved: &[(String, String)],
) -> Result<Estimate, Error> {
    let known: Vec<(&str, &str)> = saved
        .iter()
        .filter(|(statement, _)| scan.statement(statement).is_some())
        .map(|(statement, answer)| (statement.as_str(), answer.as_str()))
        .collect();
    Ok(Estimate::parse(scan, &known)?)
}
