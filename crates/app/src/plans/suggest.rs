//! What a theme can be made from in one click: the viewer's own results that point at growth.
//! The focus cards of their latest finished reflection, the blind spots of their released 360°
//! reports, and the largest gaps of their released team scans; each once, and none that a
//! theme of the plan already came from.

use leidraad_store::feedback::RoundState;
use leidraad_store::plans::FullPlan;
use leidraad_store::space_scans::ScanState;

use super::sources::SourceRequest;
use crate::{App, Error, Viewer};

/// Gaps offered per scan: the largest few are the conversation starters.
const GAPS_PER_SCAN: usize = 3;
/// Released 360° reports and scans looked at, newest first.
const RECENT: usize = 3;

/// A result that can become a theme. `item` is a card of the standard (focus card, blind
/// spot) or a statement of the scan's questionnaire (gap).
#[derive(Debug, Clone)]
pub struct Suggestion {
    pub source: SourceRequest,
    /// The scan's questionnaire, for a gap's statement text.
    pub questionnaire: Option<String>,
    /// When the result came to be, for "from your 360° of …".
    pub at: i64,
}

/// The viewer's results that can become a theme of `plan`.
pub async fn suggestions(
    state: &App,
    viewer: &Viewer,
    plan: Option<&FullPlan>,
) -> Result<Vec<Suggestion>, Error> {
    let mut found = focus_cards(state, viewer).await?;
    found.extend(blind_spots(state, viewer).await?);
    found.extend(scan_gaps(state, viewer).await?);
    let used = |s: &Suggestion| {
        plan.is_some_and(|plan| {
            plan.themes.iter().any(|t| {
                t.source_kind == s.source.kind
                    && t.source_id == s.source.id
                    && t.source_item == s.source.item
            })
        })
    };
    Ok(found.into_iter().filter(|s| !used(s)).collect())
}

fn suggestion(kind: &str, id: i64, item: &str, at: i64) -> Suggestion {
    Suggestion {
        source: SourceRequest {
            kind: kind.to_owned(),
            id: Some(id),
            item: item.to_owned(),
        },
        questionnaire: None,
        at,
    }
}

async fn focus_cards(state: &App, viewer: &Viewer) -> Result<Vec<Suggestion>, Error> {
    let latest = state
        .store
        .reflections_of(viewer.person)
        .await?
        .into_iter()
        .filter(|r| r.finished_at.is_some())
        .max_by_key(|r| r.finished_at);
    let Some(latest) = latest else {
        return Ok(Vec::new());
    };
    let at = latest.finished_at.unwrap_or_default();
    Ok(state
        .store
        .focus_cards(latest.id)
        .await?
        .iter()
        .map(|card| suggestion("focus-card", latest.id, card, at))
        .collect())
}

async fn blind_spots(state: &App, viewer: &Viewer) -> Result<Vec<Suggestion>, Error> {
    let mut found = Vec::new();
    let rounds = state.store.rounds_of(viewer.person).await?;
    let released = rounds
        .iter()
        .filter(|r| r.round.state == RoundState::Closed)
        .take(RECENT);
    for summary in released {
        let Ok(report) = crate::feedback::released_report(state, viewer, summary.round.id).await
        else {
            continue;
        };
        for card in &report.report.blind_spots {
            found.push(suggestion(
                "blind-spot",
                report.record.id,
                card,
                report.released_at,
            ));
        }
    }
    Ok(found)
}

async fn scan_gaps(state: &App, viewer: &Viewer) -> Result<Vec<Suggestion>, Error> {
    let mut found = Vec::new();
    let scans = state.store.scans_of(viewer.person).await?;
    let released = scans
        .iter()
        .filter(|s| s.scan.state == ScanState::Released)
        .take(RECENT);
    for summary in released {
        let view = crate::space_scans::results(state, viewer, summary.scan.id).await?;
        let Some(shown) = view.results.and_then(|r| r.shown) else {
            continue;
        };
        for gap in shown.gaps.iter().take(GAPS_PER_SCAN) {
            let mut s = suggestion(
                "scan-gap",
                summary.scan.id,
                &gap.statement,
                summary.scan.released_at.unwrap_or_default(),
            );
            s.questionnaire = Some(summary.scan.questionnaire_id.clone());
            found.push(s);
        }
    }
    Ok(found)
}
