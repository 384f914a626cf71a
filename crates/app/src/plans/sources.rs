//! Where a theme comes from. A theme made "from the results" names its source, and that
//! source must be the viewer's own and say what the theme claims: a focus card of their
//! finished reflection, a blind spot of their released 360° report, a gap of their released
//! team scan. Anything else is refused as unknown, so a plan never links to someone else's
//! results.

use leidraad_domain::accounts::{Action, Target};
use leidraad_domain::development::ThemeSource;
use leidraad_store::space_scans::ScanState;

use crate::space_scans::results;
use crate::{App, Error, Viewer};

/// A source as typed: its kind and the id and item it names.
#[derive(Debug, Clone, Default)]
pub struct SourceRequest {
    /// `own` (or empty), `focus-card`, `blind-spot`, `scan-gap`.
    pub kind: String,
    pub id: Option<i64>,
    pub item: String,
}

const UNKNOWN: Error = Error::BadRequest {
    code: "plan-source-unknown",
};

/// The checked source, and the card of the standard it is about (for a card source).
pub(super) async fn check_source(
    state: &App,
    viewer: &Viewer,
    request: &SourceRequest,
) -> Result<(ThemeSource, Option<String>), Error> {
    let item = request.item.trim().to_owned();
    match (request.kind.trim(), request.id) {
        ("" | "own", None) => Ok((ThemeSource::Own, None)),
        ("focus-card", Some(reflection)) => {
            focus_card(state, viewer, reflection, &item).await?;
            Ok((
                ThemeSource::FocusCard {
                    reflection,
                    card: item.clone(),
                },
                Some(item),
            ))
        }
        ("blind-spot", Some(round)) => {
            blind_spot(state, viewer, round, &item).await?;
            Ok((
                ThemeSource::BlindSpot {
                    round,
                    card: item.clone(),
                },
                Some(item),
            ))
        }
        ("scan-gap", Some(scan)) => {
            scan_gap(state, viewer, scan, &item).await?;
            Ok((
                ThemeSource::ScanGap {
                    scan,
                    statement: item,
                },
                None,
            ))
        }
        _ => Err(UNKNOWN),
    }
}

async fn focus_card(state: &App, viewer: &Viewer, id: i64, card: &str) -> Result<(), Error> {
    let record = state.store.reflection(id).await?.ok_or(UNKNOWN)?;
    viewer
        .may(
            Action::ViewOwnReflection,
            &Target::owned_by(record.person_id),
        )
        .map_err(|_| UNKNOWN)?;
    let focus = state.store.focus_cards(id).await?;
    if record.finished_at.is_none() || !focus.iter().any(|c| c == card) {
        return Err(UNKNOWN);
    }
    Ok(())
}

async fn blind_spot(state: &App, viewer: &Viewer, round: i64, card: &str) -> Result<(), Error> {
    let report = crate::feedback::released_report(state, viewer, round)
        .await
        .map_err(|_| UNKNOWN)?;
    if !report.own || !report.report.blind_spots.iter().any(|c| c == card) {
        return Err(UNKNOWN);
    }
    Ok(())
}

async fn scan_gap(state: &App, viewer: &Viewer, scan: i64, statement: &str) -> Result<(), Error> {
    let view = results(state, viewer, scan).await.map_err(|_| UNKNOWN)?;
    let shown = view.results.and_then(|r| r.shown);
    let gap = shown.is_some_and(|shown| shown.gaps.iter().any(|g| g.statement == statement));
    if view.record.state != ScanState::Released || !gap {
        return Err(UNKNOWN);
    }
    Ok(())
}
