//! The self-reflection use cases: opening a reflection for its reader, starting one, saving
//! answers and own cards, finishing and choosing focus cards, sharing, and comparing two
//! moments. The pages, the API and the demo call these; the rules themselves (piles, limits,
//! the profile, focus cards) live in the domain crate.

mod answers;
mod cards;
mod compare;
mod finish;
mod open;
mod sharing;
mod start;

pub use answers::{AnswerInput, add_own_card, delete_own_card, move_cards, save_answer};
pub use cards::{
    CardInReflection, ScopeCard, cards_in, profile, profile_cards, scope_cards, sorted_cards,
};
pub use compare::{Compared, comparison};
pub use finish::{FinishPreview, add_focus, finish, finish_preview, remove_focus};
pub use open::{
    Loaded, Moment, Opened, Timeline, framework_of, load, load_own, moments, open, open_own,
    timeline,
};
pub(crate) use sharing::share_try;
pub use sharing::{share, unshare};
pub use start::{NewReflectionRequest, chosen_domains, start};

use leidraad_store::reflections::Change;

use crate::Error;

/// A store outcome as a use case's answer.
pub fn settle<T>(change: Change<T>) -> Result<T, Error> {
    match change {
        Change::Done(value) => Ok(value),
        Change::NotFound => Err(Error::NotFound),
        Change::Finished => Err(Error::Conflict {
            code: "reflection-finished",
        }),
        Change::TooManyOwnCards => Err(Error::Conflict {
            code: "own-cards-full",
        }),
    }
}
