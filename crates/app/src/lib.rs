//! Leidraad's use cases: one function per thing a person does (sign in, invite, reset a
//! password, start a reflection, save an answer, share, erase an account …). Pages, the JSON
//! API, `leidraad demo` and `leidraad admin` all call these, so a rule can never hold on one
//! path and not on another. Input arrives parsed into domain types, or as text that is parsed
//! here by the domain's own rules; results are domain values or this crate's [`Error`].
//!
//! This crate knows nothing of HTTP, templates or OpenAPI: it depends on the domain, the
//! store and mail only.

pub mod accounts;
mod cache;
mod clock;
mod context;
pub mod dialogues;
pub mod directory;
mod error;
pub mod feedback;
pub mod files;
mod guesses;
pub mod hashing;
mod identify;
pub mod learning_log;
pub mod mail;
pub mod me;
pub mod organisations;
pub mod plans;
pub mod portfolio;
pub mod reflections;
mod secrets;
pub mod space_scans;
pub mod start;
mod viewer;

pub use cache::{ReflectionShapes, ViewerCache};
pub use clock::Clock;
pub use context::{App, Messages, Settings};
pub use error::{Error, error_chain};
pub use identify::{Credential, Identity, identify};
pub use mail::{MailSetupError, Mailer};
pub use secrets::{new_salt, new_secret};
pub use viewer::{SessionInfo, Viewer, actor_of, load_viewer};
