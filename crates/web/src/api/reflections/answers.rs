//! Saving answers: a whole answer (PUT) or the parts that changed (PATCH, the autosave).

use super::*;

/// A rating as JSON: 1–4, a pile's code, or null for "not sorted".
#[derive(Deserialize)]
#[serde(from = "crate::api::input::WholeOrText")]
pub enum PileValue {
    Score(i64),
    Code(String),
}

impl From<crate::api::input::WholeOrText> for PileValue {
    fn from(value: crate::api::input::WholeOrText) -> Self {
        match value {
            crate::api::input::WholeOrText::Whole(score) => PileValue::Score(score),
            crate::api::input::WholeOrText::Text(code) => PileValue::Code(code),
        }
    }
}

impl utoipa::PartialSchema for PileValue {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        crate::api::input::pile().into()
    }
}

impl ToSchema for PileValue {}

#[derive(Deserialize, ToSchema)]
pub struct AnswerBody {
    #[serde(default)]
    pub pile: Option<PileValue>,
    #[serde(default)]
    #[schema(schema_with = crate::api::input::note)]
    pub note: String,
    #[serde(default)]
    #[schema(schema_with = crate::api::input::note)]
    pub evidence: String,
    #[serde(default)]
    pub starred: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Saved {
    pub saved: bool,
}

/// Saves one card's whole answer; the last write per card wins.
#[utoipa::path(put, path = "/api/v1/reflections/{id}/answers/{card}", tag = "reflections", params(("id" = i64, Path), ("card" = String, Path)), request_body = AnswerBody, responses((status = 200, body = Saved), (status = 400, description = "a rating other than 1–4, a card not in this reflection, a text too long", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the reflection is finished", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn put_answer(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, card)): Path<(i64, String)>,
    JsonBody(body): JsonBody<AnswerBody>,
) -> Result<Json<Saved>, AppError> {
    let pile = body.pile.as_ref().map(PileValue::text);
    logic::save_answer(
        &state,
        &viewer,
        id,
        &card,
        AnswerInput {
            pile: Some(pile.as_deref()),
            note: Some(&body.note),
            evidence: Some(&body.evidence),
            starred: Some(body.starred),
        },
    )
    .await?;
    Ok(Json(Saved { saved: true }))
}

impl PileValue {
    fn text(&self) -> String {
        match self {
            PileValue::Score(score) => score.to_string(),
            PileValue::Code(code) => code.clone(),
        }
    }
}

/// The parts of an answer to change; a part left out keeps what is stored.
#[derive(Deserialize, ToSchema)]
pub struct AnswerChange {
    /// 1–4, a pile's code, or null to unsort the card.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<PileValue>)]
    pub pile: Option<Option<PileValue>>,
    #[schema(schema_with = crate::api::input::note_change)]
    pub note: Option<String>,
    #[schema(schema_with = crate::api::input::note_change)]
    pub evidence: Option<String>,
    pub starred: Option<bool>,
}

/// Tells a field given as `null` (Some(None)) from one left out (None).
fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// Changes only the parts of one card's answer that the body names, so a page that was
/// loaded before another tab saved a note can still move the card without erasing that note.
/// The page's autosave uses this.
#[utoipa::path(patch, path = "/api/v1/reflections/{id}/answers/{card}", tag = "reflections", params(("id" = i64, Path), ("card" = String, Path)), request_body = AnswerChange, responses((status = 200, body = Saved), (status = 400, description = "a rating other than 1–4, a card not in this reflection, a text too long", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the reflection is finished", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn patch_answer(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, card)): Path<(i64, String)>,
    JsonBody(body): JsonBody<AnswerChange>,
) -> Result<Json<Saved>, AppError> {
    let pile = body.pile.as_ref().map(|p| p.as_ref().map(PileValue::text));
    logic::save_answer(
        &state,
        &viewer,
        id,
        &card,
        AnswerInput {
            pile: pile.as_ref().map(Option::as_deref),
            note: body.note.as_deref(),
            evidence: body.evidence.as_deref(),
            starred: body.starred,
        },
    )
    .await?;
    Ok(Json(Saved { saved: true }))
}
