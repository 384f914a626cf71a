//! Accounts: organisations, schools, people, their roles and what those roles allow.
//!
//! Everything here is pure. Values typed by people ([`Email`], [`Password`], [`PersonName`])
//! are parsed once, at the edge, into types that cannot hold an invalid value; each refusal has
//! a stable `code()` that the web layer translates. Who may do what is decided in one place,
//! [`policy::decide`]; the policy has a module of its own ([`crate::policy`]) and is
//! re-exported here, so `accounts::policy` and `accounts::{Action, decide, …}` still name it.

mod email;
mod ids;
pub(crate) use ids::id_type;
mod label;
pub mod limits;
mod name;
mod password;
mod password_hash;
mod role;
mod secret;

pub use crate::policy;
pub use crate::policy::{Action, Actor, Decision, DenyReason, Membership, Target, decide};
pub use email::{Email, EmailError, MAX_DOMAIN_LABEL_CHARS, MAX_EMAIL_CHARS, MAX_LOCAL_PART_CHARS};
pub use ids::{OrganisationId, PersonId, SchoolId};
pub use label::{
    LabelError, LabelKind, MAX_ORGANISATION_NAME_CHARS, MAX_SCHOOL_NAME_CHARS,
    MAX_TOKEN_NAME_CHARS, OrganisationName, SchoolName, TokenName,
};
pub use name::{MAX_PERSON_NAME_CHARS, PersonName, PersonNameError};
pub use password::{
    MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, Password, PasswordError, is_common_password,
};
pub use password_hash::{
    ARGON2_ITERATIONS, ARGON2_MEMORY_KIB, ARGON2_PARALLELISM, HashMemory, PasswordHash, SALT_BYTES,
    decoy_hash, hash_password, hash_password_in, needs_rehash, verify_password, verify_password_in,
};
pub use role::{Role, RoleSet, UnknownRole};
pub use secret::{SECRET_BYTES, Secret, digest_of};
