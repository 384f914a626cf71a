//! The portfolio: the file of one register cycle, ordered by the nine domains of the standard,
//! to hand to a validation bureau for informal learning or to a board at the yearly
//! conversation. Per domain: the activities with their reflections and evidence, how the piles
//! moved between the reflection moments, the released 360° results, and the plan's themes
//! with their reviews. The cover holds the points per year of the cycle and the totals.
//!
//! Only its owner reads it. Everything comes from the log, the plans, the finished
//! reflections and the released reports as stored; nothing here computes a 360° figure.

mod gather;

use leidraad_domain::Rating;
use leidraad_domain::accounts::{Action, Target};
use leidraad_domain::development::Day;
use leidraad_store::learning_log::ActivityRecord;
use leidraad_store::plans::ThemeRecord;

use crate::learning_log::CycleProgress;
use crate::{App, Error, Viewer};

/// One cycle's portfolio.
#[derive(Debug, Clone)]
pub struct Portfolio {
    pub owner: String,
    /// `None` before the owner set a cycle: then the portfolio holds everything.
    pub cycle: Option<CycleProgress>,
    /// The days it covers: the cycle's, or from the first thing in it until today.
    pub from: Day,
    pub until: Day,
    pub framework_id: String,
    /// The nine domains in the standard's order, each with what belongs to it.
    pub domains: Vec<DomainPart>,
    /// What touches no domain: activities and themes without cards or domains.
    pub elsewhere: DomainPart,
    /// The two reflection moments the piles moved between, by when they were finished.
    pub moments: Option<(i64, i64)>,
    /// Points and hours in the portfolio.
    pub total_points: i64,
    pub total_minutes: i64,
}

/// What one domain holds.
#[derive(Debug, Clone, Default)]
pub struct DomainPart {
    /// Empty for [`Portfolio::elsewhere`].
    pub domain_id: String,
    /// Oldest first.
    pub activities: Vec<ActivityRecord>,
    /// Cards whose pile changed between the first and the last reflection moment.
    pub moves: Vec<PileMove>,
    /// The cards of released 360° reports in this domain, the leader beside the others.
    pub feedback: Vec<FeedbackCard>,
    /// Plan themes about this domain, with the school year they belong to.
    pub themes: Vec<(i64, ThemeRecord)>,
}

impl DomainPart {
    pub fn is_empty(&self) -> bool {
        self.activities.is_empty()
            && self.moves.is_empty()
            && self.feedback.is_empty()
            && self.themes.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PileMove {
    pub card: String,
    pub from: Option<Rating>,
    pub to: Option<Rating>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackCard {
    pub round: i64,
    pub released_at: i64,
    pub card: String,
    pub own: Option<Rating>,
    /// The others' mean, when shown.
    pub others: Option<f64>,
}

/// The viewer's portfolio of their current register cycle.
pub async fn portfolio(state: &App, viewer: &Viewer) -> Result<Portfolio, Error> {
    viewer.may(
        Action::ManageOwnDevelopment,
        &Target::owned_by(viewer.person),
    )?;
    gather::gather(state, viewer).await
}
