//! What a use case answers when it does not do what was asked. Each refusal names a stable
//! problem code (`school-name-taken`, `email-invalid` …) that the adapters put into words in
//! the person's language and into the API's problem objects.

use leidraad_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No such thing, or one the person may not know exists.
    #[error("not found")]
    NotFound,
    /// Input that cannot be used; `code` names the problem.
    #[error("bad request: {code}")]
    BadRequest { code: &'static str },
    /// Not signed in, or an unknown token.
    #[error("unauthorized")]
    Unauthorized,
    /// A member whose roles do not allow this.
    #[error("forbidden")]
    Forbidden,
    /// The request is valid but clashes with what exists; `code` as for `BadRequest`.
    #[error("conflict: {code}")]
    Conflict { code: &'static str },
    /// Too many tries; try again after this many seconds.
    #[error("too many attempts")]
    TooManyAttempts { retry_after: i64 },
    #[error("internal error")]
    Internal,
    #[error("storage failed")]
    Store(#[from] StoreError),
}

impl Error {
    /// The problem code of a refusal, for an audit entry.
    pub fn code(&self) -> &'static str {
        match self {
            Error::BadRequest { code } | Error::Conflict { code } => code,
            Error::NotFound => "not-found",
            Error::Unauthorized => "unauthorized",
            Error::Forbidden => "forbidden",
            Error::TooManyAttempts { .. } => "too-many-attempts",
            Error::Internal | Error::Store(_) => "internal",
        }
    }
}

/// An error with all its causes on one line, for logs and operator messages.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
