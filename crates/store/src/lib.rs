//! The store: the only code in Leidraad that speaks SQL. One concrete [`Store`] serves SQLite
//! and PostgreSQL with one set of queries, chosen from the database URL at start-up.

pub mod accounts;
mod checkpoint;
pub mod dialogues;
mod error;
pub mod feedback;
mod group_commit;
pub mod learning_log;
pub mod plans;
mod read_pool;
pub mod reflections;
pub mod space_scans;
pub mod start;
mod store;
#[cfg(feature = "test-support")]
pub mod test_support;

pub use error::StoreError;
pub use store::{Backend, ContentVersion, Store};
