//! One error type for every handler. A handler returns an [`AppError`]; it becomes a response
//! with the right status and a [`Problem`] attached, and the `render_errors` middleware turns
//! that — or any other error status, such as an extractor's rejection or a caught panic — into
//! a page in the user's language, or a JSON problem object under `/api`.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
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
    /// The generic problem for a status that carries no problem of its own.
    pub fn for_status(status: StatusCode) -> Problem {
        let code = match status.as_u16() {
            400 => "bad-request",
            404 => "not-found",
            405 => "method-not-allowed",
            408 => "timeout",
            413 => "too-large",
            415 => "unsupported-media-type",
            422 => "bad-request",
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
        if matches!(self, AppError::Unauthorized) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response.extensions_mut().insert(problem);
        response
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

#[derive(Serialize)]
struct ProblemDocument<'a> {
    r#type: &'a str,
    title: String,
    status: u16,
    detail: String,
    code: &'a str,
}

/// RFC 9457 problem details, with the message in the request's language.
pub fn problem_json(problem: Problem, tr: Tr) -> Response {
    let document = ProblemDocument {
        r#type: "about:blank",
        title: tr
            .t(&format!("problem-{}-title", problem.code))
            .into_owned(),
        status: problem.status.as_u16(),
        detail: tr.t(&format!("problem-{}", problem.code)).into_owned(),
        code: problem.code,
    };
    let mut response = (problem.status, Json(document)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

/// The error page, in the request's language.
pub fn problem_page(problem: Problem, tr: Tr) -> Response {
    let page = crate::pages::ErrorPage::new(tr, problem);
    match askama::Template::render(&page) {
        Ok(html) => (problem.status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(error = %error, "rendering the error page failed");
            (problem.status, tr.t("problem-internal")).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_of_typed_input_has_a_message_in_both_languages() {
        let codes = [
            "email-domain-invalid",
            "email-domain-not-ascii",
            "email-empty",
            "email-invalid",
            "email-local-part-empty",
            "email-local-part-invalid",
            "email-local-part-too-long",
            "email-too-long",
            "name-empty",
            "name-invalid",
            "name-too-long",
            "password-common",
            "password-like-email",
            "password-too-long",
            "password-too-short",
            "password-mismatch",
            "current-password-wrong",
            "sign-in-refused",
            "invitation-sign-in-first",
            "organisation-name-empty",
            "organisation-name-too-long",
        ];
        for lang in leidraad_domain::Language::ALL {
            let tr = Tr::new(lang);
            for code in codes {
                let key = format!("problem-{code}");
                assert!(
                    !tr.t(&key).starts_with("Unknown localization"),
                    "{key} in {lang}"
                );
            }
        }
    }

    #[test]
    fn every_problem_code_has_a_title_and_a_message_in_both_languages() {
        let codes = [
            "bad-request",
            "not-found",
            "method-not-allowed",
            "timeout",
            "too-large",
            "unsupported-media-type",
            "internal",
            "query-too-long",
            "query-too-many-terms",
            "unknown-language",
            "bad-return-path",
            "unauthorized",
            "forbidden",
            "cross-site",
            "too-many-attempts",
            "email-taken",
            "school-name-taken",
            "last-admin",
            "invitation-closed",
            "reset-link-closed",
            "not-a-form",
            "role-unknown",
            "roles-empty",
            "school-unknown",
            "school-name-empty",
            "school-name-too-long",
            "token-name-empty",
            "token-name-too-long",
            "pile-invalid",
            "card-not-in-reflection",
            "text-too-long",
            "text-invalid",
            "own-card-empty",
            "own-cards-full",
            "domain-unknown",
            "domain-not-in-reflection",
            "framework-unknown",
            "prefill-unknown",
            "reflection-finished",
            "reflection-not-finished",
            "focus-too-many",
            "focus-not-a-growth-point",
            "focus-already-chosen",
            "compare-other-framework",
            "share-person-unknown",
        ];
        for lang in leidraad_domain::Language::ALL {
            let tr = Tr::new(lang);
            for code in codes {
                for key in [format!("problem-{code}-title"), format!("problem-{code}")] {
                    assert!(
                        !tr.t(&key).starts_with("Unknown localization"),
                        "{key} in {lang}"
                    );
                }
            }
        }
    }
}
