//! What a planned round will be able to show, before anyone is invited. A leader who invites
//! exactly as many raters as the threshold learns only afterwards, when one of them did not
//! answer, that the whole group is missing from the report; the preview says so while the
//! rater list can still change, and suggests merging small groups that would be lost apart.

use serde::Serialize;

use super::GroupSettings;

/// One group as planned: its key, settings and how many raters are invited.
#[derive(Debug, Clone, Copy)]
pub struct PlannedGroup<'a> {
    pub key: i64,
    pub settings: &'a GroupSettings,
    pub invited: usize,
}

/// What will become of a group's figures, depending on how many invitees answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outlook {
    /// Shown if everyone answers, and still shown if two do not.
    Shown,
    /// Shown if all or all but one answer; hidden if two do not.
    LostIfTwoMissing,
    /// Shown only if everyone answers.
    LostIfOneMissing,
    /// Fewer invited than the threshold: never shown.
    NeverShown,
    /// An identifiable board group: shown from one answer on.
    Identifiable,
}

impl Outlook {
    /// The stable code, for the API and the locales (`feedback-outlook-{code}`).
    pub fn code(self) -> &'static str {
        match self {
            Outlook::Shown => "shown",
            Outlook::LostIfTwoMissing => "lost-if-two-missing",
            Outlook::LostIfOneMissing => "lost-if-one-missing",
            Outlook::NeverShown => "never-shown",
            Outlook::Identifiable => "identifiable",
        }
    }

    /// Whether the leader should be warned: the group may well be missing from the report.
    pub fn is_at_risk(self) -> bool {
        matches!(
            self,
            Outlook::LostIfTwoMissing | Outlook::LostIfOneMissing | Outlook::NeverShown
        )
    }
}

/// The preview of one group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupPreview {
    pub key: i64,
    pub outlook: Outlook,
    pub invited: usize,
    pub threshold: usize,
    /// Whether the group's comments are shown if everyone answers.
    pub comments_shown_if_all: bool,
    /// Invite at least this many to survive two missing answers: threshold + 2.
    pub recommended: usize,
}

/// The preview of a whole round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Preview {
    /// Every group, in the order given.
    pub groups: Vec<GroupPreview>,
    /// Pairs of anonymous groups (keys, in the order given) that are at risk on their own and
    /// would be [`Outlook::Shown`] together, under the settings of either.
    pub merge_suggestions: Vec<(i64, i64)>,
}

/// The preview of `groups`.
pub fn preview(groups: &[PlannedGroup]) -> Preview {
    Preview {
        groups: groups.iter().map(group_preview).collect(),
        merge_suggestions: merge_suggestions(groups),
    }
}

fn group_preview(group: &PlannedGroup) -> GroupPreview {
    GroupPreview {
        key: group.key,
        outlook: outlook(group.settings, group.invited),
        invited: group.invited,
        threshold: group.settings.threshold(),
        comments_shown_if_all: group.settings.may_show_comments(group.invited),
        recommended: group.settings.threshold() + 2,
    }
}

/// The outlook of `invited` raters under `settings`, asked of the same rule the report
/// applies, for everyone answering and for one or two missing.
fn outlook(settings: &GroupSettings, invited: usize) -> Outlook {
    let shown_with_missing = |missing: usize| {
        invited
            .checked_sub(missing)
            .is_some_and(|answered| settings.may_show(answered))
    };
    if !shown_with_missing(0) {
        Outlook::NeverShown
    } else if settings.identifiable {
        Outlook::Identifiable
    } else if !shown_with_missing(1) {
        Outlook::LostIfOneMissing
    } else if !shown_with_missing(2) {
        Outlook::LostIfTwoMissing
    } else {
        Outlook::Shown
    }
}

/// Every pair of at-risk anonymous groups whose raters together are safe. The merged group
/// keeps the settings of one of the two (the leader picks which), so the pair must be safe
/// under both.
fn merge_suggestions(groups: &[PlannedGroup]) -> Vec<(i64, i64)> {
    let at_risk: Vec<&PlannedGroup> = groups
        .iter()
        .filter(|g| !g.settings.identifiable && outlook(g.settings, g.invited).is_at_risk())
        .collect();
    let mut pairs = Vec::new();
    for (i, first) in at_risk.iter().enumerate() {
        for second in &at_risk[i + 1..] {
            let together = first.invited + second.invited;
            let safe = outlook(first.settings, together) == Outlook::Shown
                && outlook(second.settings, together) == Outlook::Shown;
            if safe {
                pairs.push((first.key, second.key));
            }
        }
    }
    pairs
}
