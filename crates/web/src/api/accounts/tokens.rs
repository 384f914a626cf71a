//! One's own API tokens and the download of one's data.

use super::*;

#[derive(Serialize, ToSchema)]
pub struct TokenItem {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct TokenList {
    pub tokens: Vec<TokenItem>,
}

#[utoipa::path(get, path = "/api/v1/me/tokens", tag = "accounts", responses((status = 200, body = TokenList)))]
pub async fn list_tokens(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Json<TokenList>, AppError> {
    let tokens = directory::api_tokens(&state, &viewer)
        .await?
        .into_iter()
        .map(|t| TokenItem {
            id: t.id,
            name: t.name,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
        })
        .collect();
    Ok(Json(TokenList { tokens }))
}

#[derive(Deserialize, ToSchema)]
pub struct NewToken {
    #[schema(schema_with = crate::api::input::token_name)]
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedToken {
    pub name: String,
    /// Shown once; only its digest is stored.
    pub token: String,
}

#[utoipa::path(post, path = "/api/v1/me/tokens", tag = "accounts", request_body = NewToken, responses((status = 201, body = CreatedToken)))]
pub async fn post_token(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    JsonBody(body): JsonBody<NewToken>,
) -> Result<Response, AppError> {
    let created = leidraad_app::me::create_token(&state, &viewer, &body.name).await?;
    let body = CreatedToken {
        name: created.name,
        token: created.secret,
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[utoipa::path(delete, path = "/api/v1/me/tokens/{id}", tag = "accounts", params(("id" = i64, Path)), responses((status = 204)))]
pub async fn delete_token(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    leidraad_app::me::revoke_token(&state, &viewer, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Everything Leidraad holds about the caller.
#[utoipa::path(get, path = "/api/v1/me/export", tag = "accounts", responses((status = 200, description = "account, memberships, sessions, tokens, audit events and reflections", body = Object)))]
pub async fn get_export(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Json<PersonalData>, AppError> {
    Ok(Json(leidraad_app::me::export(&state, &viewer).await?))
}
