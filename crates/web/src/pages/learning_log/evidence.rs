//! Evidence files from the activity page: uploaded with a multipart form (one file), served
//! as an attachment that no browser runs or sniffs, and deleted.

use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::learning_log::{self as logic, Download};

use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;

/// The file field of the upload form: its name as sent and its bytes. A body over the
/// route's limit is refused as too large; a form without a file as a refused type.
async fn file_of(mut form: Multipart) -> Result<(String, Vec<u8>), AppError> {
    while let Some(field) = form.next_field().await.map_err(multipart_error)? {
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(multipart_error)?;
        return Ok((name, bytes.to_vec()));
    }
    Err(AppError::BadRequest {
        code: "evidence-type-refused",
    })
}

fn multipart_error(error: axum::extract::multipart::MultipartError) -> AppError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::TooLarge
    } else {
        AppError::BadRequest { code: "not-a-form" }
    }
}

pub async fn post_upload(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: Multipart,
) -> Result<Response, AppError> {
    let uploaded = match file_of(form).await {
        Ok((name, bytes)) => logic::upload(&state, &viewer, Some(id), &name, &bytes)
            .await
            .map_err(AppError::from),
        Err(error) => Err(error),
    };
    match uploaded {
        Ok(_) => Ok(Redirect::to(&format!("/logboek/{id}#bewijs")).into_response()),
        Err(AppError::TooLarge) => {
            super::activity::refused(
                &state,
                tr,
                &viewer,
                id,
                StatusCode::PAYLOAD_TOO_LARGE,
                "evidence-too-large",
            )
            .await
        }
        Err(error) => {
            let (status, code) = error.into_refusal()?;
            super::activity::refused(&state, tr, &viewer, id, status, code).await
        }
    }
}

pub async fn get_download(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(file): Path<i64>,
) -> Result<Response, AppError> {
    let download = logic::download(&state, &viewer, file).await?;
    Ok(attachment(download))
}

/// A kept file as a download: never shown in the page, never sniffed into something else,
/// never cached, under its cleaned name.
pub fn attachment(download: Download) -> Response {
    let Download {
        filename,
        kind,
        bytes,
    } = download;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(kind.content_type()),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Ok(value) = HeaderValue::from_str(&content_disposition(&filename)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// `attachment` with an ASCII name for old clients and the real name in RFC 5987 form.
fn content_disposition(filename: &str) -> String {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = filename
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

pub async fn post_delete(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(file): Path<i64>,
) -> Result<Response, AppError> {
    let activity = logic::evidence_list(&state, &viewer)
        .await?
        .into_iter()
        .find(|f| f.id == file)
        .and_then(|f| f.activity_id);
    logic::delete_evidence(&state, &viewer, file).await?;
    Ok(match activity {
        Some(id) => Redirect::to(&format!("/logboek/{id}#bewijs")),
        None => Redirect::to("/logboek"),
    }
    .into_response())
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_reach_the_header_safely() {
        assert_eq!(
            super::content_disposition("Certificaat ö.pdf"),
            "attachment; filename=\"Certificaat _.pdf\"; filename*=UTF-8''Certificaat%20%C3%B6.pdf"
        );
    }
}
