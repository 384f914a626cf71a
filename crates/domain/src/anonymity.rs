//! The anonymity rules: which groups of raters or respondents may be shown, and when their
//! comments may be. Every report that shows the answers of several people (the 360° report,
//! the team scan, the board overview) asks these functions and shows only what they release.
//!
//! # The rules
//!
//! 1. **A threshold per group, never below 3.** A group's figures are shown only when at least
//!    [`AnonymityRules::group`] people answered in it. A [`Threshold`] below
//!    [`Threshold::MIN`] (3) cannot be constructed: [`Threshold::new`] refuses it with an error
//!    rather than quietly raising it, so a wrong setting is seen and corrected, never silently
//!    changed into something else.
//! 2. **A separate threshold for comments**, [`AnonymityRules::comments`], compared with the
//!    number of people who answered in the group (not with the number of comments). Words can
//!    identify a writer where a number cannot (style, a detail only one person knows), so it
//!    is never lower than the group threshold: [`AnonymityRules::new`] refuses that. So a
//!    group whose figures are hidden never has its comments shown either.
//! 3. **A group below its threshold is left out entirely.** It is not shown, and it is never
//!    folded into a total or an "everyone else" figure. Were it counted into a total shown
//!    beside the groups that are shown, anyone could recover it by subtraction: total −
//!    shown groups = the hidden group, with its one or two people. [`AnonymityRules::release_groups`]
//!    returns the total of the shown groups only, and [`Released::only_shown`] filters
//!    answers to the shown groups before anything is pooled.
//! 4. **A subgroup is shown only when it and the rest of its group both meet the threshold.**
//!    If a group of 7 is shown, and a subgroup of 5 of it (say, the teachers of one location),
//!    the other 2 follow by subtraction. (A rest of nobody is allowed: a subgroup that is the
//!    whole group gives no one away.) [`AnonymityRules::may_show_subgroup`] checks the pair;
//!    [`AnonymityRules::release_subgroups`] checks a whole partition, where the pairwise rule
//!    is not enough: a group of 7 split 3 + 3 + 1 passes the pairwise rule for both 3s
//!    (3 and 4 left), yet showing the group and both 3s gives away the 1. It hides shown
//!    subgroups, smallest first, until what is left over is empty or meets the threshold.
//!
//! Every function fails closed: a subgroup larger than its group, or any other count that
//! cannot be, is shown nowhere.
//!
//! # What the caller still owns
//!
//! These rules see one release at a time. Two more subtraction attacks lie outside them, and
//! the reports that use this module must close them:
//! - Do not show a count that includes hidden groups anywhere else on the page, in an export
//!   or in the API (a response rate "12 of 15" next to shown groups adding up to 10 gives
//!   the hidden 2 away). Show [`Released::total`] instead.
//! - Compute a report once, when it is released, and freeze it (DESIGN.md). A report
//!   recomputed after one more answer differs from the earlier one by exactly that answer.

use std::fmt;

/// How many people a group needs before its figures (or comments) may be shown. At least
/// [`Threshold::MIN`]; there is no way to make a lower one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Threshold(usize);

impl Threshold {
    /// The lowest threshold there is: 3. With 2, each of the two knows the other's answer.
    pub const MIN: Threshold = Threshold(3);

    /// A threshold of `count` people; below [`Threshold::MIN`] it is refused.
    pub const fn new(count: usize) -> Result<Threshold, ThresholdError> {
        if count < Threshold::MIN.0 {
            Err(ThresholdError::BelowMinimum)
        } else {
            Ok(Threshold(count))
        }
    }

    /// The number of people it asks for.
    pub const fn get(self) -> usize {
        self.0
    }

    /// Whether a group of `count` people meets it.
    pub const fn is_met_by(self, count: usize) -> bool {
        count >= self.0
    }
}

impl Default for Threshold {
    fn default() -> Threshold {
        Threshold::MIN
    }
}

impl TryFrom<usize> for Threshold {
    type Error = ThresholdError;

    fn try_from(count: usize) -> Result<Self, Self::Error> {
        Threshold::new(count)
    }
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A threshold or a pair of thresholds that the rules do not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ThresholdError {
    #[error("an anonymity threshold is at least 3")]
    BelowMinimum,
    #[error("the threshold for comments is at least the threshold for groups")]
    CommentsBelowGroup,
}

impl ThresholdError {
    /// A stable code, for problem objects and form errors.
    pub fn code(self) -> &'static str {
        match self {
            ThresholdError::BelowMinimum => "anonymity-threshold-too-low",
            ThresholdError::CommentsBelowGroup => "anonymity-comments-below-group",
        }
    }
}

/// The two thresholds that hold for one report (a feedback round, a scan). Fields are private
/// so that the comment threshold can never fall below the group threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AnonymityRules {
    group: Threshold,
    comments: Threshold,
}

impl Default for AnonymityRules {
    /// [`AnonymityRules::DEFAULT`].
    fn default() -> AnonymityRules {
        AnonymityRules::DEFAULT
    }
}

/// One group as it goes into [`AnonymityRules::release_groups`]: its key (a rater group, a
/// school, …) and how many people answered in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GroupCount<K> {
    pub group: K,
    pub count: usize,
}

/// The outcome of [`AnonymityRules::release_groups`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Released<K> {
    /// The groups that may be shown, with their counts, in the order given.
    pub shown: Vec<GroupCount<K>>,
    /// The groups that must not be shown, in the order given. Their counts are deliberately
    /// not here: a page can say "too few answers", never how few.
    pub hidden: Vec<K>,
    /// The number of people in the shown groups together; `None` when no group is shown. A
    /// hidden group is never in it.
    pub total: Option<usize>,
}

impl<K: PartialEq> Released<K> {
    /// Whether `group` is among the shown groups.
    pub fn is_shown(&self, group: &K) -> bool {
        self.shown.iter().any(|shown| shown.group == *group)
    }

    /// The items of shown groups only, e.g. answers before they are pooled into an "everyone
    /// else" figure: `released.only_shown(answers.iter().map(|a| (&a.group, a)))`.
    pub fn only_shown<'k, T>(
        &self,
        items: impl IntoIterator<Item = (&'k K, T)>,
    ) -> impl Iterator<Item = T>
    where
        K: 'k,
    {
        items
            .into_iter()
            .filter(|(group, _)| self.is_shown(group))
            .map(|(_, item)| item)
    }
}

impl AnonymityRules {
    /// 3 people for a group's figures, 5 for its comments.
    pub const DEFAULT: AnonymityRules = AnonymityRules {
        group: Threshold::MIN,
        comments: Threshold(5),
    };

    /// Rules with these thresholds; the comment threshold may not be lower than the group
    /// threshold.
    pub const fn new(
        group: Threshold,
        comments: Threshold,
    ) -> Result<AnonymityRules, ThresholdError> {
        if comments.0 < group.0 {
            Err(ThresholdError::CommentsBelowGroup)
        } else {
            Ok(AnonymityRules { group, comments })
        }
    }

    /// The threshold for a group's figures.
    pub const fn group(&self) -> Threshold {
        self.group
    }

    /// The threshold for a group's comments.
    pub const fn comments(&self) -> Threshold {
        self.comments
    }

    /// Whether the figures of a group of `count` people may be shown.
    pub const fn may_show_group(&self, count: usize) -> bool {
        self.group.is_met_by(count)
    }

    /// Whether the comments of a group in which `respondents` people answered may be shown
    /// (however many of them wrote a comment).
    pub const fn may_show_comments(&self, respondents: usize) -> bool {
        self.comments.is_met_by(respondents)
    }

    /// Whether a subgroup of `sub` people of a group of `whole` people may be shown beside
    /// it: only when the subgroup meets the group threshold and so does the rest
    /// (`whole - sub`), or the rest is empty (the subgroup is the whole group, and
    /// subtraction gives nobody away). A subgroup larger than its group is shown nowhere. For
    /// more than one subgroup of the same group use [`AnonymityRules::release_subgroups`].
    pub const fn may_show_subgroup(&self, sub: usize, whole: usize) -> bool {
        if sub > whole {
            return false;
        }
        let rest = whole - sub;
        self.group.is_met_by(sub) && (rest == 0 || self.group.is_met_by(rest))
    }

    /// Sorts groups into shown and hidden by the group threshold, and totals the shown ones.
    /// A key given twice is one group: its counts are added up before the threshold is
    /// applied, and it appears once, where it first appeared.
    pub fn release_groups<K: Clone + PartialEq>(&self, groups: &[(K, usize)]) -> Released<K> {
        let mut merged: Vec<GroupCount<K>> = Vec::with_capacity(groups.len());
        for (group, count) in groups {
            match merged.iter_mut().find(|g| g.group == *group) {
                Some(existing) => existing.count = existing.count.saturating_add(*count),
                None => merged.push(GroupCount {
                    group: group.clone(),
                    count: *count,
                }),
            }
        }
        let (shown, hidden): (Vec<_>, Vec<_>) = merged
            .into_iter()
            .partition(|g| self.may_show_group(g.count));
        let total = if shown.is_empty() {
            None
        } else {
            Some(
                shown
                    .iter()
                    .fold(0usize, |sum, g| sum.saturating_add(g.count)),
            )
        };
        Released {
            shown,
            hidden: hidden.into_iter().map(|g| g.group).collect(),
            total,
        }
    }

    /// Which subgroups of a group of `whole` people may be shown, given the sizes of all its
    /// subgroups (a partition of the group: the counts add up to `whole`). Nothing is shown
    /// when the group itself does not meet the threshold, or when the counts add up to more
    /// than `whole`. Otherwise every subgroup below the threshold is hidden, and then, while
    /// the people outside the shown subgroups number 1 or 2 (fewer than the threshold, but
    /// not none), the smallest shown subgroup is hidden too, so that no subtraction gives
    /// away fewer people than the threshold. Counts adding up to less than `whole` are
    /// treated as one more, unnamed subgroup of the difference.
    ///
    /// The result is `shown[i]` for `subgroups[i]`.
    pub fn release_subgroups(&self, whole: usize, subgroups: &[usize]) -> Vec<bool> {
        let sum = subgroups
            .iter()
            .try_fold(0usize, |sum, count| sum.checked_add(*count));
        let fits = sum.is_some_and(|sum| sum <= whole);
        if !fits || !self.may_show_group(whole) {
            return vec![false; subgroups.len()];
        }
        let mut shown: Vec<bool> = subgroups
            .iter()
            .map(|count| self.may_show_group(*count))
            .collect();
        loop {
            let in_shown: usize = subgroups
                .iter()
                .zip(&shown)
                .filter(|(_, shown)| **shown)
                .map(|(count, _)| count)
                .sum();
            let rest = whole - in_shown;
            if rest == 0 || self.may_show_group(rest) {
                return shown;
            }
            // Hiding a shown subgroup adds at least the threshold to the rest, so one round
            // suffices; the loop only states the rule. Among equals, the first is hidden.
            let smallest = (0..subgroups.len())
                .filter(|i| shown[*i])
                .min_by_key(|i| subgroups[*i]);
            match smallest {
                Some(i) => shown[i] = false,
                None => return shown,
            }
        }
    }
}

#[cfg(test)]
mod tests;
