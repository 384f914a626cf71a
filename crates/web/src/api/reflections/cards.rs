//! Own cards and focus cards.

use super::*;

#[derive(Deserialize, ToSchema)]
pub struct NewOwnCard {
    /// One of the reflection's domains.
    pub domain: String,
    #[schema(schema_with = crate::api::input::own_card_text)]
    pub text: String,
}

/// An own card; answers and focus cards name it by its key, `eigen-{id}`.
#[derive(Serialize, ToSchema)]
pub struct OwnCardItem {
    pub id: i64,
    pub domain_id: String,
    pub text: String,
    pub created_at: i64,
}

#[utoipa::path(post, path = "/api/v1/reflections/{id}/own-cards", tag = "reflections", params(("id" = i64, Path)), request_body = NewOwnCard, responses((status = 201, description = "the new card", body = OwnCardItem), (status = 400, description = "a domain that is not in the reflection (`domain-not-in-reflection`), or a text the schema refuses", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the domain already has four own cards (`own-cards-full`), or the reflection is finished (`reflection-finished`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_own_card(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<NewOwnCard>,
) -> Result<Response, AppError> {
    let card = logic::add_own_card(&state, &viewer, id, &body.domain, &body.text).await?;
    let card = OwnCardItem {
        id: card.id,
        domain_id: card.domain_id,
        text: card.text,
        created_at: card.created_at,
    };
    Ok((StatusCode::CREATED, Json(card)).into_response())
}

#[utoipa::path(delete, path = "/api/v1/reflections/{id}/own-cards/{card}", tag = "reflections", params(("id" = i64, Path), ("card" = i64, Path)), responses((status = 204), (status = 409, description = "the reflection is finished (`reflection-finished`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn delete_own_card(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, card)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    logic::delete_own_card(&state, &viewer, id, card).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct FocusBody {
    pub card: String,
}

#[utoipa::path(post, path = "/api/v1/reflections/{id}/focus", tag = "reflections", params(("id" = i64, Path)), request_body = FocusBody, responses((status = 204), (status = 409, description = "a fourth focus card, a card that is not a growth point of the reflection or is already chosen, or a finished reflection", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_focus(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<FocusBody>,
) -> Result<StatusCode, AppError> {
    logic::add_focus(&state, &viewer, id, &body.card).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/v1/reflections/{id}/focus/{card}", tag = "reflections", params(("id" = i64, Path), ("card" = String, Path)), responses((status = 204), (status = 409, description = "the reflection is finished (`reflection-finished`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn delete_focus(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, card)): Path<(i64, String)>,
) -> Result<StatusCode, AppError> {
    logic::remove_focus(&state, &viewer, id, &card).await?;
    Ok(StatusCode::NO_CONTENT)
}
