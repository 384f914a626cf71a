//! Evidence files in the API: the file as the raw request body with its name in the query,
//! listed, downloaded as an attachment, deleted.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use leidraad_app::learning_log::{self as logic, EvidenceRecord};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;

#[derive(Serialize, ToSchema)]
pub struct EvidenceItem {
    pub id: i64,
    /// The activity it belongs to, if any.
    pub activity: Option<i64>,
    /// The cleaned name it is shown and downloaded under.
    pub filename: String,
    /// What the bytes were recognised as.
    pub content_type: String,
    pub size: i64,
}

#[derive(Serialize, ToSchema)]
pub struct EvidenceList {
    pub files: Vec<EvidenceItem>,
    /// Bytes all the caller's files take, of at most 200 MB.
    pub used: i64,
}

pub fn evidence_item(file: &EvidenceRecord) -> EvidenceItem {
    EvidenceItem {
        id: file.id,
        activity: file.activity_id,
        filename: file.filename.clone(),
        content_type: file.content_type.clone(),
        size: file.size_bytes,
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The file's name as the client knows it; only its last part is kept, cleaned.
    #[serde(default)]
    pub filename: String,
    /// One of the caller's activities to attach it to.
    #[serde(default)]
    pub activity: Option<i64>,
}

/// Keeps a file: the request body is the file itself. It is judged by its bytes, not its
/// name: PDF, PNG, JPEG, GIF, WebP and Office documents (OOXML, legacy, OpenDocument) pass;
/// HTML, SVG, programs, scripts and anything unknown do not.
#[utoipa::path(post, path = "/api/v1/learning-log/evidence", tag = "learning-log", params(UploadQuery), request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file, at most 10 MB."), responses(
    (status = 201, body = EvidenceItem),
    (status = 400, description = "a file of a kind that is not kept (`evidence-type-refused`) or over 10 MB (`evidence-too-large`); nothing is stored", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 404, description = "`activity` is not one of the caller's", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 409, description = "the caller's files would take more than 200 MB (`evidence-quota-full`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 413, description = "a body far over the limit, refused before it is read", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn post_evidence(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Query(query): Query<UploadQuery>,
    body: Bytes,
) -> Result<Response, AppError> {
    let record = logic::upload(&state, &viewer, query.activity, &query.filename, &body).await?;
    Ok((StatusCode::CREATED, Json(evidence_item(&record))).into_response())
}

/// The caller's files, oldest first.
#[utoipa::path(get, path = "/api/v1/learning-log/evidence", tag = "learning-log", responses((status = 200, body = EvidenceList)))]
pub async fn list_evidence(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Json<EvidenceList>, AppError> {
    let files = logic::evidence_list(&state, &viewer).await?;
    Ok(Json(EvidenceList {
        used: files.iter().map(|f| f.size_bytes).sum(),
        files: files.iter().map(evidence_item).collect(),
    }))
}

/// A file, as an attachment (`nosniff`, never cached), for its owner and for whom they share
/// a development plan with; anyone else gets 404.
#[utoipa::path(get, path = "/api/v1/learning-log/evidence/{id}", tag = "learning-log", params(("id" = i64, Path)), responses(
    (status = 200, description = "the file's bytes, with the content type they were recognised as", content((Vec<u8> = "application/pdf"), (Vec<u8> = "image/png"), (Vec<u8> = "image/jpeg"), (Vec<u8> = "image/gif"), (Vec<u8> = "image/webp"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.presentationml.presentation"), (Vec<u8> = "application/msword"), (Vec<u8> = "application/vnd.ms-excel"), (Vec<u8> = "application/vnd.ms-powerpoint"), (Vec<u8> = "application/vnd.oasis.opendocument.text"), (Vec<u8> = "application/vnd.oasis.opendocument.spreadsheet"), (Vec<u8> = "application/vnd.oasis.opendocument.presentation")))
))]
pub async fn get_evidence(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let download = logic::download(&state, &viewer, id).await?;
    Ok(crate::pages::learning_log::attachment(download))
}

/// Deletes one of the caller's files.
#[utoipa::path(delete, path = "/api/v1/learning-log/evidence/{id}", tag = "learning-log", params(("id" = i64, Path)), responses((status = 204, description = "deleted")))]
pub async fn delete_evidence(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    logic::delete_evidence(&state, &viewer, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    /// The document names every content type a download can answer: each kind the domain
    /// keeps.
    #[test]
    fn every_kept_kind_is_a_documented_content_type() {
        use utoipa::OpenApi;
        let document = super::super::LearningLogApi::openapi()
            .to_json()
            .expect("the document serialises");
        for bytes in [
            &b"%PDF-1.4"[..],
            b"\x89PNG\r\n\x1a\n",
            b"\xff\xd8\xff\xe0",
            b"GIF89a",
            b"RIFF\0\0\0\0WEBP",
        ] {
            let kind = leidraad_domain::development::sniff(bytes).unwrap();
            assert!(
                document.contains(kind.content_type()),
                "{}",
                kind.content_type()
            );
        }
    }
}
