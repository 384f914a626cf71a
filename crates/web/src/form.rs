//! Form bodies as a list of fields, so repeated fields (several roles ticked) and missing
//! ones are ours to judge, with our own messages, rather than a deserialiser's.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;

use crate::error::AppError;

const MAX_FORM_BYTES: usize = 64 * 1024;

pub struct FormFields(Vec<(String, String)>);

impl FormFields {
    /// The first value of a field, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Whether the form sent the field at all (an empty value counts).
    pub fn contains(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| n == name)
    }

    /// Every value of a field, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl<S: Send + Sync> FromRequest<S> for FormFields {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_form = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(AppError::BadRequest { code: "not-a-form" });
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| AppError::TooLarge)?;
        if bytes.len() > MAX_FORM_BYTES {
            return Err(AppError::TooLarge);
        }
        Ok(FormFields(
            form_urlencoded::parse(&bytes)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        ))
    }
}
