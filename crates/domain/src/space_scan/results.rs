//! The results of a team scan, computed once from the submitted responses and the leader's
//! estimate, and then frozen (like the 360° report, so no later answer can be subtracted from
//! an earlier version). Every decision to show something goes through [`crate::anonymity`]
//! with the scan's threshold, here and nowhere else:
//!
//! - **Below the threshold** there is nothing but the number of respondents.
//! - **A statement** is shown when the people who rated it ("weet ik niet" does not count)
//!   meet the threshold; its don't-know count is shown with it. Every pooled figure (a
//!   section, a killer or helper) pools only statements that are shown themselves, so it
//!   tells nothing they do not.
//! - **Room is always higher-is-more**: each answer is read through [`ScanAnswer::room`], so a
//!   statement where agreeing means less room counts the other way round.
//! - **The open answers** are shown in an order given by a hash of a per-report key and the
//!   text: fixed for the report, unrelated to the order of submission, with nothing beside
//!   them (no subgroup, no time).
//! - **A subgroup** (a school, a team) is shown only as [`AnonymityRules::release_subgroups`]
//!   allows for its respondents, and each of its statements only as that rule allows for the
//!   ratings of that statement, so neither a subgroup nor the rest of the group can be
//!   recovered by subtracting one shown figure from another. A subgroup view has no open
//!   answers and no estimate.
//! - **Board members' estimates** stand beside the team's view as the leader's does, each
//!   as a list of its own under the estimator's name, by the same gap rule; an estimate with
//!   no gap to show (only "weet ik niet", or only statements too few rated) has no list.

mod figures;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::SpaceScan;
use super::answers::{Estimate, Response, ScanSettings};
use crate::anonymity::AnonymityRules;
use figures::Tally;

/// Everything the results are computed from.
#[derive(Debug, Clone, Copy)]
pub struct ResultsInput<'a> {
    pub scan: &'a SpaceScan,
    pub settings: ScanSettings,
    pub responses: &'a [Submitted],
    pub estimate: Option<&'a Estimate>,
    /// Board members' estimates of the same statements, in the order their lists are shown.
    pub board_estimates: &'a [BoardEstimate<'a>],
    /// Random, chosen when the results are computed: orders the open answers.
    pub key: u64,
    /// Every subgroup the scan has, answered in or not: each is listed, so a hidden one
    /// never tells by being there that someone in it answered.
    pub subgroups: &'a [i64],
}

/// A board member's estimate, with whose it is.
#[derive(Debug, Clone, Copy)]
pub struct BoardEstimate<'a> {
    /// The caller's key for the estimator, kept with their list so that it can be taken out
    /// again (the app gives the person's id: an erased account leaves no list behind).
    pub key: i64,
    /// The name the list is shown under.
    pub by: &'a str,
    pub estimate: &'a Estimate,
}

/// A submitted response and the subgroup (school or team) it was given in, if the scan has
/// subgroups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    pub subgroup: Option<i64>,
    pub response: Response,
}

/// The results, as stored and shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanResults {
    /// How many people answered; the only figure there is below the threshold.
    pub respondents: usize,
    pub threshold: usize,
    /// `None` below the threshold.
    pub shown: Option<Shown>,
}

/// What the results show from the threshold on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shown {
    pub figures: Figures,
    /// The leader's estimate beside the team's mean, largest gap first; empty without an
    /// estimate.
    pub gaps: Vec<Gap>,
    /// Per board member who estimated, their estimate beside the team's mean, largest gap
    /// first, in the order they were given. Absent from results stored before board members
    /// could estimate.
    #[serde(default)]
    pub board_gaps: Vec<BoardGaps>,
    /// Per open question in the scan's order; questions nobody answered are left out.
    pub open_answers: Vec<OpenAnswers>,
    /// The roles named under "Anders", in the same kind of order as the open answers; empty
    /// where the open answers may not be shown.
    pub other_roles: Vec<String>,
    /// Every subgroup of the scan, by key, shown or not.
    pub subgroups: Vec<SubgroupView>,
}

/// The figures of a group or a subgroup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// In the scan's order, each with its statements.
    pub sections: Vec<SectionResult>,
    /// Killer elements, the one that takes the most room first.
    pub killers: Vec<ElementScore>,
    /// Helper elements, the one that gives the most room first.
    pub helpers: Vec<ElementScore>,
    /// Every role, in the scan's order.
    pub roles: Vec<RoleCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionResult {
    pub section: String,
    /// Over the shown statements of the section; `None` when none is shown.
    pub spread: Option<Spread>,
    pub statements: Vec<StatementResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementResult {
    pub statement: String,
    /// `None`: too few people rated it.
    pub spread: Option<Spread>,
}

/// How answers spread over the scale, read as room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    /// How many answers gave room 1 (least) to 4 (most): for a statement where agreeing means
    /// less room, "helemaal eens" is counted at room 1.
    pub by_room: [usize; 4],
    /// "Weet ik niet": in no mean.
    pub dont_know: usize,
    /// The mean room, 1–4.
    pub mean: f64,
}

impl Spread {
    /// The answers on the scale (not "weet ik niet").
    pub fn rated(&self) -> usize {
        self.by_room.iter().sum()
    }
}

/// A killer or a helper, scored by the mean room of its shown statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ElementScore {
    pub element: String,
    pub mean: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleCount {
    pub role: String,
    /// How many fulfil it now.
    pub now: usize,
    /// How many would like to.
    pub would_like: usize,
}

/// An estimate (the leader's, or a board member's) of one statement beside the team's mean,
/// both as room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    pub statement: String,
    pub estimate: u8,
    pub team: f64,
    /// `estimate - team`: above zero, the estimator thinks the team feels more room than it
    /// does.
    pub gap: f64,
}

/// One board member's estimate beside the team's view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardGaps {
    /// See [`BoardEstimate::key`].
    pub key: i64,
    /// The board member's name at release.
    pub by: String,
    /// Largest first, never empty.
    pub gaps: Vec<Gap>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenAnswers {
    pub question: String,
    pub texts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubgroupView {
    pub subgroup: i64,
    /// `None` for a subgroup that may not be shown: not even its size.
    pub respondents: Option<usize>,
    pub figures: Option<Figures>,
}

/// The results of a scan; see the module's documentation for what is shown.
pub fn compute_results(input: &ResultsInput<'_>) -> ScanResults {
    let rules = input.settings.rules();
    let respondents = input.responses.len();
    let threshold = input.settings.threshold();
    if !rules.may_show_group(respondents) {
        return ScanResults {
            respondents,
            threshold,
            shown: None,
        };
    }
    let scan = input.scan;
    let all: Vec<&Response> = input.responses.iter().map(|s| &s.response).collect();
    let tallies = figures::tallies(scan, &all);
    let statement_shown: Vec<bool> = tallies
        .iter()
        .map(|t| rules.may_show_group(t.rated()))
        .collect();
    let figures = figures::figures(scan, &all, &tallies, &statement_shown);
    let leaders_gaps = input
        .estimate
        .map(|estimate| gaps(scan, estimate, &figures))
        .unwrap_or_default();
    let board_gaps = input
        .board_estimates
        .iter()
        .map(|board| BoardGaps {
            key: board.key,
            by: board.by.to_owned(),
            gaps: gaps(scan, board.estimate, &figures),
        })
        .filter(|board| !board.gaps.is_empty())
        .collect();
    let (open_answers, other_roles) = if rules.may_show_comments(respondents) {
        (
            figures::open_answers(scan, &all, input.key),
            figures::other_roles(&all, input.key),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let subgroups = subgroups(input, rules, &tallies, &statement_shown);
    ScanResults {
        respondents,
        threshold,
        shown: Some(Shown {
            figures,
            gaps: leaders_gaps,
            board_gaps,
            open_answers,
            other_roles,
            subgroups,
        }),
    }
}

fn gaps(scan: &SpaceScan, estimate: &Estimate, figures: &Figures) -> Vec<Gap> {
    let mut gaps: Vec<Gap> = figures
        .sections
        .iter()
        .flat_map(|section| &section.statements)
        .filter_map(|result| {
            let spread = result.spread.as_ref()?;
            let direction = scan.statement(&result.statement)?.direction;
            let estimate = estimate.ratings.get(&result.statement)?.room(direction)?;
            Some(Gap {
                statement: result.statement.clone(),
                estimate,
                team: spread.mean,
                gap: f64::from(estimate) - spread.mean,
            })
        })
        .collect();
    // Stable: among equal gaps, the questionnaire's order.
    gaps.sort_by(|a, b| b.gap.abs().total_cmp(&a.gap.abs()));
    gaps
}

fn subgroups(
    input: &ResultsInput<'_>,
    rules: AnonymityRules,
    tallies: &[Tally],
    statement_shown: &[bool],
) -> Vec<SubgroupView> {
    let mut members: BTreeMap<i64, Vec<&Response>> = input
        .subgroups
        .iter()
        .map(|key| (*key, Vec::new()))
        .collect();
    for submitted in input.responses {
        if let Some(key) = submitted.subgroup {
            members.entry(key).or_default().push(&submitted.response);
        }
    }
    let whole = input.responses.len();
    let counts: Vec<usize> = members.values().map(Vec::len).collect();
    let released = rules.release_subgroups(whole, &counts);
    let sub_tallies: Vec<Vec<Tally>> = members
        .values()
        .map(|responses| figures::tallies(input.scan, responses))
        .collect();
    // Per statement, the same rule again over the ratings of that statement: a subgroup
    // hidden as a whole counts as 0, so its ratings stay in the unnamed rest.
    let mut shown_per_subgroup = vec![vec![false; tallies.len()]; members.len()];
    for (i, whole_tally) in tallies.iter().enumerate() {
        if !statement_shown[i] {
            continue;
        }
        let rated: Vec<usize> = sub_tallies
            .iter()
            .zip(&released)
            .map(|(t, shown)| if *shown { t[i].rated() } else { 0 })
            .collect();
        for (g, shown) in rules
            .release_subgroups(whole_tally.rated(), &rated)
            .into_iter()
            .enumerate()
        {
            shown_per_subgroup[g][i] = shown;
        }
    }
    members
        .iter()
        .enumerate()
        .map(|(g, (key, responses))| {
            let shown = released[g];
            SubgroupView {
                subgroup: *key,
                respondents: shown.then_some(responses.len()),
                figures: shown.then(|| {
                    figures::figures(
                        input.scan,
                        responses,
                        &sub_tallies[g],
                        &shown_per_subgroup[g],
                    )
                }),
            }
        })
        .collect()
}

/// A statement's mean room in two results of the same questionnaire (a scan repeated a year
/// later).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub statement: String,
    pub earlier: f64,
    pub later: f64,
    /// `later - earlier`: above zero, more room than before.
    pub change: f64,
}

/// Per statement shown in both results, in the later one's order, the change of its mean.
/// Results below their threshold compare to nothing.
pub fn compare(earlier: &ScanResults, later: &ScanResults) -> Vec<Change> {
    let means = |results: &ScanResults| -> BTreeMap<String, f64> {
        results
            .shown
            .iter()
            .flat_map(|shown| &shown.figures.sections)
            .flat_map(|section| &section.statements)
            .filter_map(|s| Some((s.statement.clone(), s.spread.as_ref()?.mean)))
            .collect()
    };
    let before = means(earlier);
    let Some(shown) = &later.shown else {
        return Vec::new();
    };
    shown
        .figures
        .sections
        .iter()
        .flat_map(|section| &section.statements)
        .filter_map(|s| {
            let later = s.spread.as_ref()?.mean;
            let earlier = *before.get(&s.statement)?;
            Some(Change {
                statement: s.statement.clone(),
                earlier,
                later,
                change: later - earlier,
            })
        })
        .collect()
}
