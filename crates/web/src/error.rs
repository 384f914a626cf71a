//! One error type for every handler. A handler returns an [`AppError`]; it becomes a response
//! with the right status and a [`Problem`] attached, and the `render_errors` middleware turns
//! that — or any other error status, such as an extractor's rejection or a caught panic — into
//! a page in the user's language, or a JSON problem object under `/api`.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use leidraad_store::StoreError;
use serde::Serialize;

use crate::i18n::Tr;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Input that cannot be used; `code` names the problem for machines and is also the key
    /// of its message (`problem-{code}`) in the locales.
    #[error("bad request: {code}")]
    BadRequest { code: &'static str },
    /// Not signed in, or an unknown API token.
    #[error("unauthorized")]
    Unauthorized,
    /// A session cookie was sent, but its session has ended (idle, too old, or signed out
    /// elsewhere): a page's script can then say so plainly instead of blaming the connection.
    #[error("session ended")]
    SessionEnded,
    /// A member whose roles do not allow this.
    #[error("forbidden")]
    Forbidden,
    /// A state change that came from another site or without the session's token.
    #[error("cross-site request refused")]
    CrossSite,
    #[error("request body too large")]
    TooLarge,
    /// The request is valid but clashes with what exists; `code` as for `BadRequest`.
    #[error("conflict: {code}")]
    Conflict { code: &'static str },
    /// Too many failed attempts; try again after this many seconds.
    #[error("too many attempts")]
    TooManyAttempts { retry_after: i64 },
    #[error("internal error")]
    Internal,
    #[error("storage failed")]
    Store(#[from] StoreError),
    #[error("rendering failed")]
    Render(#[from] askama::Error),
}

impl AppError {
    /// A refusal a form shows on its own page again (400 or 409, with its problem code);
    /// anything else stays an error for the error page.
    pub fn into_refusal(self) -> Result<(StatusCode, &'static str), AppError> {
        match self {
            AppError::BadRequest { code } => Ok((StatusCode::BAD_REQUEST, code)),
            AppError::Conflict { code } => Ok((StatusCode::CONFLICT, code)),
            other => Err(other),
        }
    }
}

/// Marks an error response whose body a handler rendered itself (a form shown again with its
/// problem), so the error renderer leaves it alone.
#[derive(Debug, Clone, Copy)]
pub struct OwnErrorBody;

/// What went wrong, in a form the error renderer can put into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Problem {
    pub status: StatusCode,
    pub code: &'static str,
}

impl Problem {
    /// The generic problem for a status that carries no problem of its own. An extractor's
    /// 422 (JSON that parses but has the wrong shape, such as a string where a number belongs)
    /// becomes 400, like malformed JSON and every other refusal of input: the API answers one
    /// status for "this input is not usable", and its OpenAPI document says so.
    pub fn for_status(status: StatusCode) -> Problem {
        if status == StatusCode::UNPROCESSABLE_ENTITY {
            return Problem {
                status: StatusCode::BAD_REQUEST,
                code: "bad-request",
            };
        }
        let code = match status.as_u16() {
            400 => "bad-request",
            404 => "not-found",
            405 => "method-not-allowed",
            408 => "timeout",
            413 => "too-large",
            415 => "unsupported-media-type",
            s if s >= 500 => "internal",
            _ => "bad-request",
        };
        Problem { status, code }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let problem = match &self {
            AppError::NotFound => Problem::for_status(StatusCode::NOT_FOUND),
            AppError::BadRequest { code } => Problem {
                status: StatusCode::BAD_REQUEST,
                code,
            },
            AppError::Unauthorized => Problem {
                status: StatusCode::UNAUTHORIZED,
                code: "unauthorized",
            },
            AppError::SessionEnded => Problem {
                status: StatusCode::UNAUTHORIZED,
                code: "session-ended",
            },
            AppError::Forbidden => Problem {
                status: StatusCode::FORBIDDEN,
                code: "forbidden",
            },
            AppError::CrossSite => Problem {
                status: StatusCode::FORBIDDEN,
                code: "cross-site",
            },
            AppError::TooLarge => Problem::for_status(StatusCode::PAYLOAD_TOO_LARGE),
            AppError::Conflict { code } => Problem {
                status: StatusCode::CONFLICT,
                code,
            },
            AppError::TooManyAttempts { .. } => Problem {
                status: StatusCode::TOO_MANY_REQUESTS,
                code: "too-many-attempts",
            },
            AppError::Internal | AppError::Store(_) | AppError::Render(_) => {
                // The one place a server-side failure is logged, with its whole cause chain.
                tracing::error!(error = %error_chain(&self), "request failed");
                Problem::for_status(StatusCode::INTERNAL_SERVER_ERROR)
            }
        };
        let mut response = problem.status.into_response();
        if let AppError::TooManyAttempts { retry_after } = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after.max(1)));
        }
        if matches!(self, AppError::Unauthorized | AppError::SessionEnded) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response.extensions_mut().insert(problem);
        response
    }
}

pub use leidraad_app::error_chain;

/// A use case's refusal, as HTTP sees it.
impl From<leidraad_app::Error> for AppError {
    fn from(error: leidraad_app::Error) -> AppError {
        use leidraad_app::Error;
        match error {
            Error::NotFound => AppError::NotFound,
            Error::BadRequest { code } => AppError::BadRequest { code },
            Error::Unauthorized => AppError::Unauthorized,
            Error::Forbidden => AppError::Forbidden,
            Error::Conflict { code } => AppError::Conflict { code },
            Error::TooManyAttempts { retry_after } => AppError::TooManyAttempts { retry_after },
            Error::Internal => AppError::Internal,
            Error::Store(error) => AppError::Store(error),
        }
    }
}

#[derive(Serialize)]
struct ProblemDocument<'a> {
    r#type: &'a str,
    title: String,
    status: u16,
    detail: String,
    code: &'a str,
}

impl Problem {
    /// The problem's title: its own, or the general one of its status (most refusals of typed
    /// input share "Dit verzoek klopt niet" and differ in their message).
    pub fn title(self, tr: Tr) -> String {
        tr.try_t(&format!("problem-{}-title", self.code))
            .unwrap_or_else(|| {
                let general = Problem::for_status(self.status);
                tr.t(&format!("problem-{}-title", general.code))
            })
            .into_owned()
    }

    pub fn message(self, tr: Tr) -> String {
        tr.t(&format!("problem-{}", self.code)).into_owned()
    }
}

/// RFC 9457 problem details, with the message in the request's language.
pub fn problem_json(problem: Problem, tr: Tr) -> Response {
    let document = ProblemDocument {
        r#type: "about:blank",
        title: problem.title(tr),
        status: problem.status.as_u16(),
        detail: problem.message(tr),
        code: problem.code,
    };
    let mut response = (problem.status, Json(document)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every problem code the code can answer with, found in the source rather than kept by
    /// hand: each `code: "…"` the web crate writes, the codes of every `…Error` type in the
    /// domain (their `fn code`), and the general code of every error status.
    fn problem_codes() -> std::collections::BTreeSet<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut codes = std::collections::BTreeSet::new();
        let adapters_and_use_cases = rust_files(&root.join("src"))
            .into_iter()
            .chain(rust_files(&root.join("../app/src")));
        for file in adapters_and_use_cases {
            let text = std::fs::read_to_string(&file).unwrap();
            // A code is written as a problem's `code`, or returned as a plain `&'static str`
            // by a parser (`Err("password-mismatch")`) and put into words with `message`.
            for marker in ["code: \"", "code = \"", "Err(\"", "message(tr, \""] {
                for (at, _) in text.match_indices(marker) {
                    let rest = &text[at + marker.len()..];
                    let code = &rest[..rest.find('"').unwrap()];
                    let is_code = code
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if !code.is_empty() && is_code {
                        codes.insert(code.to_owned());
                    }
                }
            }
        }
        for file in rust_files(&root.join("../domain/src")) {
            codes.extend(error_codes_in(&std::fs::read_to_string(&file).unwrap()));
        }
        for status in 400..=599 {
            let status = StatusCode::from_u16(status).unwrap();
            codes.insert(Problem::for_status(status).code.to_owned());
        }
        codes
    }

    fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.extend(rust_files(&path));
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
        files
    }

    /// The string literals inside `fn code` of every `impl …Error` block.
    fn error_codes_in(text: &str) -> Vec<String> {
        let mut codes = Vec::new();
        for (at, _) in text.match_indices("impl ") {
            let header = &text[at..text[at..].find('{').map_or(at, |end| at + end)];
            if !header.trim_end().ends_with("Error") {
                continue;
            }
            let Some(start) = text[at..].find("fn code(") else {
                continue;
            };
            let body = &text[at + start..];
            let body = &body[..body.find("\n    }\n").unwrap_or(body.len())];
            codes.extend(body.split('"').skip(1).step_by(2).map(str::to_owned));
        }
        codes
    }

    #[test]
    fn the_codes_are_found_where_they_are_written() {
        let codes = problem_codes();
        for code in [
            "email-invalid",
            "email-domain-not-ascii",
            "pile-invalid",
            "focus-too-many",
            "own-card-empty",
            "organisation-unknown",
            "share-person-unknown",
            "method-not-allowed",
            "password-common",
            "password-mismatch",
            "sign-in-refused",
            "invitation-sign-in-first",
        ] {
            assert!(codes.contains(code), "{code} not found in {codes:?}");
        }
    }

    #[test]
    fn every_problem_code_has_a_title_and_a_message_in_both_languages() {
        for lang in leidraad_domain::Language::ALL {
            let tr = Tr::new(lang);
            for code in problem_codes() {
                let key = format!("problem-{code}");
                assert!(tr.try_t(&key).is_some(), "{key} in {lang}");
                let problem = Problem {
                    status: StatusCode::BAD_REQUEST,
                    code: Box::leak(code.into_boxed_str()),
                };
                assert!(
                    !problem.title(tr).contains("Unknown localization"),
                    "{key}-title in {lang}"
                );
            }
        }
    }
}
