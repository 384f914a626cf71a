//! Leidraad's pure core. Nothing in this crate does IO: content arrives as text and leaves as
//! types; search, the rating scale, scoring and the anonymity rules are plain functions over them.

pub mod accounts;
pub mod anonymity;
pub mod content;
pub mod development;
pub mod dialogue;
pub mod feedback;
pub mod fingerprint;
pub mod language;
pub mod local_time;
pub mod policy;
pub mod rating;
pub mod reflection;
pub mod search;
pub mod space_scan;
mod text;

pub use content::{
    Card, ContentError, ContentErrors, DialogueCard, Domain, DomainKind, Framework, Library,
    Localized, SourceFile, load_library,
};
pub use language::Language;
pub use rating::{RaterAnswer, Rating, RatingError};
pub use search::{SearchHit, SearchQuery, SearchQueryError, Segment};
