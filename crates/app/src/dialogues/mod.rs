//! Live dialogues: a signed-in person starts one from a deck and a format and facilitates it
//! from a laptop; whoever has the join code takes part on a phone, no account needed. Every
//! change is an event, stored with its number and published on the [`DialogueBus`]; a screen
//! is the fold of those events ([`leidraad_domain::dialogue::DialogueState`]).

mod bus;
mod facilitate;
mod participate;
mod retention;
mod start;
mod summary;

pub use bus::{DialogueBus, Follower, Step};
pub use facilitate::{Control, FacilitatorView, control, facilitator_view, follow_as_facilitator};
pub use participate::{
    JoinRequest, Joined, ParticipantView, PickRequest, contribute, dialogue_for_code,
    follow_as_participant, join, participant_view, pick, save_note, save_to_portfolio,
};
pub use retention::{DEFAULT_RETENTION_DAYS, sweep};
pub use start::{MyDialogues, StartRequest, my_dialogues, start, start_with_deck};
pub use summary::{
    Summary, SummaryCard, forget, is_kept, keep_facilitated, summary_for_facilitator,
    summary_for_participant, summary_saved,
};

use leidraad_domain::dialogue::DialogueError;
use leidraad_store::dialogues::Outcome;

use crate::Error;

/// A store outcome as a use case's answer.
pub(crate) fn settle<T>(outcome: Outcome<T>) -> Result<T, Error> {
    match outcome {
        Outcome::Done(value) => Ok(value),
        Outcome::NotFound => Err(Error::NotFound),
        Outcome::Ended => Err(Error::Conflict {
            code: "dialogue-ended",
        }),
        Outcome::Locked => Err(Error::Conflict {
            code: "dialogue-locked",
        }),
    }
}

impl From<DialogueError> for Error {
    fn from(error: DialogueError) -> Error {
        Error::BadRequest { code: error.code() }
    }
}
