//! The owner's estimate: the same statements, answered as they expect the team to answer.
//! Autosaved one statement at a time until the scan is released.

use leidraad_domain::space_scan::{Estimate, ScanAnswer};

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
    let answer = answer.trim();
    if !answer.is_empty() {
        // The same check as a whole estimate gets: a known statement and a known answer.
        Estimate::parse(scan, &[(statement, answer)])?;
    } else if scan.statement(statement).is_none() {
        return Err(Error::BadRequest {
            code: "scan-statement-unknown",
        });
    }
    let answer = if answer.is_empty() {
        ""
    } else {
        answer
            .parse::<ScanAnswer>()
            .map_err(|e| Error::BadRequest { code: e.code() })?
            .code()
    };
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
    let saved = state.store.scan_estimate(id).await?;
    let known: Vec<(&str, &str)> = saved
        .iter()
        .filter(|(statement, _)| scan.statement(statement).is_some())
        .map(|(statement, answer)| (statement.as_str(), answer.as_str()))
        .collect();
    Ok(Estimate::parse(scan, &known)?)
}
