//! A scan's results as the owner reads them: the snapshot stored at release, as the domain
//! computed it (`leidraad_domain::space_scan::ScanResults`), field for field, and the change
//! since the owner's previous scan of the same questionnaire. Every figure here passed the
//! anonymity rules once, at release; nothing is computed again.
//!
//! The types mirror the domain's and are filled from it, so the document says exactly what
//! is answered. Ids name what a figure is about: statements, sections, roles and open
//! questions as `GET …/estimate` and the respondent's form list them, elements as the
//! content's coverage map, subgroups as the scan's units.

use axum::Json;
use axum::extract::{Path, State};
use leidraad_app::space_scans::{self as logic, Comparison};
use leidraad_domain::space_scan::{
    Change, ElementScore, Figures, Gap, OpenAnswers, RoleCount, ScanResults, SectionResult, Shown,
    Spread, StatementResult, SubgroupView,
};
use serde::Serialize;
use utoipa::ToSchema;

use super::closing_day;
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;

#[derive(Serialize, ToSchema)]
pub struct ScanResultsBody {
    pub id: i64,
    pub title: String,
    /// `open`, `gesloten` or `vrijgegeven`; only a released scan has results.
    pub state: String,
    pub closes_on: String,
    pub threshold: i64,
    /// How many answered: while it runs the count so far, after release the results' own.
    pub answered: i64,
    pub released_at: Option<i64>,
    /// The scan's units: a subgroup of the results is the unit with its id.
    pub units: Vec<ScanUnitLabel>,
    /// The stored results; null until released.
    pub results: Option<ScanResultsSnapshot>,
    /// How the means moved since the owner's previous released scan of the same
    /// questionnaire in the same organisation; null when there is none.
    pub comparison: Option<ScanComparison>,
}

#[derive(Serialize, ToSchema)]
pub struct ScanUnitLabel {
    pub id: i64,
    pub label: String,
}

#[derive(Serialize, ToSchema)]
pub struct ScanResultsSnapshot {
    /// How many people answered; the only figure there is below the threshold.
    pub respondents: usize,
    pub threshold: usize,
    /// Null below the threshold.
    pub shown: Option<ScanShown>,
}

#[derive(Serialize, ToSchema)]
pub struct ScanShown {
    pub figures: ScanFigures,
    /// The owner's estimate beside the team's mean room, largest gap first; empty without
    /// an estimate.
    pub gaps: Vec<ScanGap>,
    /// Per board member who estimated, their estimate beside the team's mean room under
    /// their name, largest gap first, the lists by name; a board member with no gap to show
    /// has no list.
    pub board_gaps: Vec<ScanBoardGaps>,
    /// Per open question in the scan's order (questions nobody answered left out), the texts
    /// in an order that says nothing about who wrote them or when.
    pub open_answers: Vec<ScanOpenAnswers>,
    /// The roles named under "Anders", in the same kind of order.
    pub other_roles: Vec<String>,
    /// Every unit that answered, shown or not.
    pub subgroups: Vec<ScanSubgroup>,
}

#[derive(Serialize, ToSchema)]
pub struct ScanFigures {
    /// In the scan's order, each with its statements.
    pub sections: Vec<ScanSectionResult>,
    /// Elements that take room, the one that takes the most first.
    pub killers: Vec<ScanElementScore>,
    /// Elements that give room, the one that gives the most first.
    pub helpers: Vec<ScanElementScore>,
    /// Every role, in the scan's order.
    pub roles: Vec<ScanRoleCount>,
}

#[derive(Serialize, ToSchema)]
pub struct ScanSectionResult {
    pub section: String,
    /// Over the section's shown statements; null when none is shown.
    pub spread: Option<ScanSpread>,
    pub statements: Vec<ScanStatementResult>,
}

#[derive(Serialize, ToSchema)]
pub struct ScanStatementResult {
    pub statement: String,
    /// Null: too few people rated it to show.
    pub spread: Option<ScanSpread>,
}

/// How the answers spread, read as room: 1 is least, 4 most (for a statement where agreeing
/// means less room, "helemaal eens" counts as room 1).
#[derive(Serialize, ToSchema)]
pub struct ScanSpread {
    /// How many answers gave room 1, 2, 3 and 4.
    #[schema(min_items = 4, max_items = 4)]
    pub by_room: Vec<usize>,
    /// "Weet ik niet": in no mean.
    pub dont_know: usize,
    /// The mean room, 1–4.
    pub mean: f64,
}

/// An element of the source text, scored by the mean room of its shown statements.
#[derive(Serialize, ToSchema)]
pub struct ScanElementScore {
    pub element: String,
    pub mean: f64,
}

#[derive(Serialize, ToSchema)]
pub struct ScanRoleCount {
    pub role: String,
    /// How many fulfil it now.
    pub now: usize,
    /// How many would like to.
    pub would_like: usize,
}

/// An estimate (the owner's, or a board member's) of a statement beside the team's mean,
/// both as room.
#[derive(Serialize, ToSchema)]
pub struct ScanGap {
    pub statement: String,
    pub estimate: u8,
    pub team: f64,
    /// `estimate - team`: above zero, the estimator thought the team felt more room than it
    /// does.
    pub gap: f64,
}

/// One board member's estimate beside the team's view.
#[derive(Serialize, ToSchema)]
pub struct ScanBoardGaps {
    /// The board member's name at release.
    pub by: String,
    /// Largest gap first; never empty.
    #[schema(min_items = 1)]
    pub gaps: Vec<ScanGap>,
}

#[derive(Serialize, ToSchema)]
pub struct ScanOpenAnswers {
    pub question: String,
    pub texts: Vec<String>,
}

/// A unit's own figures, where the anonymity rules allow them.
#[derive(Serialize, ToSchema)]
pub struct ScanSubgroup {
    /// The unit's id.
    pub subgroup: i64,
    /// Null for a unit that may not be shown: not even its size.
    pub respondents: Option<usize>,
    pub figures: Option<ScanFigures>,
}

#[derive(Serialize, ToSchema)]
pub struct ScanComparison {
    pub earlier: ScanEarlier,
    /// Per statement shown in both, the change of its mean room.
    pub changes: Vec<ScanChange>,
}

#[derive(Serialize, ToSchema)]
pub struct ScanEarlier {
    pub id: i64,
    pub title: String,
    pub released_at: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct ScanChange {
    pub statement: String,
    pub earlier: f64,
    pub later: f64,
    /// `later - earlier`: above zero, more room than before.
    pub change: f64,
}

/// The released results (null before release), with the change since the owner's previous
/// scan.
#[utoipa::path(get, path = "/api/v1/scans/{id}/results", tag = "scans", params(("id" = i64, Path)), responses((status = 200, body = ScanResultsBody)))]
pub async fn get_results(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<ScanResultsBody>, AppError> {
    let view = logic::results(&state, &viewer, id).await?;
    let record = &view.record;
    Ok(Json(ScanResultsBody {
        id: record.id,
        title: record.title.clone(),
        state: record.state.code().to_owned(),
        closes_on: closing_day(record.closes_at),
        threshold: record.threshold,
        answered: view.answered,
        released_at: record.released_at,
        units: view
            .units
            .iter()
            .map(|u| ScanUnitLabel {
                id: u.id,
                label: u.label.clone(),
            })
            .collect(),
        results: view.results.as_ref().map(snapshot),
        comparison: view.comparison.as_ref().map(comparison),
    }))
}

fn snapshot(results: &ScanResults) -> ScanResultsSnapshot {
    ScanResultsSnapshot {
        respondents: results.respondents,
        threshold: results.threshold,
        shown: results.shown.as_ref().map(shown),
    }
}

fn shown(shown: &Shown) -> ScanShown {
    ScanShown {
        figures: figures(&shown.figures),
        gaps: shown.gaps.iter().map(gap).collect(),
        board_gaps: shown
            .board_gaps
            .iter()
            .map(|board| ScanBoardGaps {
                by: board.by.clone(),
                gaps: board.gaps.iter().map(gap).collect(),
            })
            .collect(),
        open_answers: shown.open_answers.iter().map(open_answers).collect(),
        other_roles: shown.other_roles.clone(),
        subgroups: shown.subgroups.iter().map(subgroup).collect(),
    }
}

fn figures(figures: &Figures) -> ScanFigures {
    ScanFigures {
        sections: figures.sections.iter().map(section).collect(),
        killers: figures.killers.iter().map(element).collect(),
        helpers: figures.helpers.iter().map(element).collect(),
        roles: figures.roles.iter().map(role).collect(),
    }
}

fn section(section: &SectionResult) -> ScanSectionResult {
    ScanSectionResult {
        section: section.section.clone(),
        spread: section.spread.as_ref().map(spread),
        statements: section.statements.iter().map(statement).collect(),
    }
}

fn statement(statement: &StatementResult) -> ScanStatementResult {
    ScanStatementResult {
        statement: statement.statement.clone(),
        spread: statement.spread.as_ref().map(spread),
    }
}

fn spread(spread: &Spread) -> ScanSpread {
    ScanSpread {
        by_room: spread.by_room.to_vec(),
        dont_know: spread.dont_know,
        mean: spread.mean,
    }
}

fn element(score: &ElementScore) -> ScanElementScore {
    ScanElementScore {
        element: score.element.clone(),
        mean: score.mean,
    }
}

fn role(count: &RoleCount) -> ScanRoleCount {
    ScanRoleCount {
        role: count.role.clone(),
        now: count.now,
        would_like: count.would_like,
    }
}

fn gap(gap: &Gap) -> ScanGap {
    ScanGap {
        statement: gap.statement.clone(),
        estimate: gap.estimate,
        team: gap.team,
        gap: gap.gap,
    }
}

fn open_answers(answers: &OpenAnswers) -> ScanOpenAnswers {
    ScanOpenAnswers {
        question: answers.question.clone(),
        texts: answers.texts.clone(),
    }
}

fn subgroup(view: &SubgroupView) -> ScanSubgroup {
    ScanSubgroup {
        subgroup: view.subgroup,
        respondents: view.respondents,
        figures: view.figures.as_ref().map(figures),
    }
}

fn comparison(comparison: &Comparison) -> ScanComparison {
    ScanComparison {
        earlier: ScanEarlier {
            id: comparison.earlier.id,
            title: comparison.earlier.title.clone(),
            released_at: comparison.earlier.released_at,
        },
        changes: comparison.changes.iter().map(change).collect(),
    }
}

fn change(change: &Change) -> ScanChange {
    ScanChange {
        statement: change.statement.clone(),
        earlier: change.earlier,
        later: change.later,
        change: change.change,
    }
}
