//! Principals: everyone the policy can be asked about. A signed-in member is one; so is a
//! rater or respondent who opened a token link, and a dialogue participant who typed a join
//! code. The last two have no account: the link or the code is all they hold, and all the
//! policy knows of them.

use super::rules::{Holder, decide_holder};
use super::{Action, Actor, Decision, Target, decide};
use crate::accounts::id_type;

id_type!(
    /// A 360° feedback round (360°-feedbackronde).
    FeedbackRoundId
);
id_type!(
    /// A professional-space team scan (teamscan professionele ruimte).
    SpaceScanId
);
id_type!(
    /// A live dialogue (dialoogsessie).
    DialogueId
);
id_type!(
    /// One token link of a feedback round or a team scan. The store finds it by the digest of
    /// the token in the URL; the draft answers hang from it until they are submitted, and then
    /// move into a response with no link back.
    AnswerLinkId
);

/// A round that anonymous answers are given in, through token links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoundId {
    FeedbackRound(FeedbackRoundId),
    SpaceScan(SpaceScanId),
}

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// A signed-in person, with their memberships.
    Member(Actor),
    /// Whoever holds the token link `link` of `round`: a rater in a feedback round or a
    /// respondent to a team scan. No person: the link is deliberately not tied to one.
    Rater { round: RoundId, link: AnswerLinkId },
    /// Whoever joined `dialogue` with its join code.
    Participant { dialogue: DialogueId },
}

impl Principal {
    /// The member behind the principal, if it is one.
    pub fn member(&self) -> Option<&Actor> {
        match self {
            Principal::Member(actor) => Some(actor),
            Principal::Rater { .. } | Principal::Participant { .. } => None,
        }
    }

    /// [`decide_principal`] for this principal.
    pub fn decide(&self, action: Action, target: &Target<'_>) -> Decision {
        decide_principal(self, action, target)
    }
}

impl From<Actor> for Principal {
    fn from(actor: Actor) -> Principal {
        Principal::Member(actor)
    }
}

/// Decides whether `principal` may perform `action` on `target`, by the rules in the module
/// doc: a member exactly as [`decide`] does, a link or code holder by the second table.
pub fn decide_principal(principal: &Principal, action: Action, target: &Target<'_>) -> Decision {
    match principal {
        Principal::Member(actor) => decide(actor, action, target),
        Principal::Rater { round, link } => decide_holder(
            Holder::Rater {
                round: *round,
                link: *link,
            },
            action,
            target,
        ),
        Principal::Participant { dialogue } => decide_holder(
            Holder::Participant {
                dialogue: *dialogue,
            },
            action,
            target,
        ),
    }
}
