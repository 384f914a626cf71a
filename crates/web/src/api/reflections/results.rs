//! Finishing, the profile, the comparison of two moments, and sharing.

use super::*;

#[utoipa::path(post, path = "/api/v1/reflections/{id}/finish", tag = "reflections", params(("id" = i64, Path)), responses((status = 204), (status = 409, description = "the reflection is finished already (`reflection-finished`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_finish(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    logic::finish(&state, &viewer, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct DomainScore {
    pub domain: String,
    /// Cards on nog niet, soms, vaak, vanzelfsprekend.
    pub counts: [usize; 4],
    pub unsorted: usize,
    pub mean: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct ProfileBody {
    pub domains: Vec<DomainScore>,
    pub strengths: Vec<String>,
    pub growth_points: Vec<String>,
    pub focus_cards: Vec<String>,
}

#[utoipa::path(get, path = "/api/v1/reflections/{id}/profile", tag = "reflections", params(("id" = i64, Path)), responses((status = 200, body = ProfileBody)))]
pub async fn get_profile(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<ProfileBody>, AppError> {
    let logic::Loaded { full, .. } = logic::load(&state, &viewer, id).await?;
    let framework = logic::framework_of(&state, &full.record)?;
    let scope = logic::scope_cards(tr.lang, framework, &full.record, &full.own_cards);
    let cards = logic::sorted_cards(&scope, &full.answers);
    let profile = logic::profile(&full.record, &cards);
    Ok(Json(ProfileBody {
        domains: profile
            .domains
            .iter()
            .map(|d| DomainScore {
                domain: d.domain.clone(),
                counts: d.counts,
                unsorted: d.unsorted,
                mean: d.mean_rounded(),
            })
            .collect(),
        strengths: profile.strengths.iter().map(|c| c.card.clone()).collect(),
        growth_points: profile
            .growth_points
            .iter()
            .map(|c| c.card.clone())
            .collect(),
        focus_cards: full.focus_cards,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct DomainChangeBody {
    pub domain: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub change: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct CardMoveBody {
    pub card: String,
    pub domain: String,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

#[derive(Serialize, ToSchema)]
pub struct ComparisonBody {
    pub earlier: i64,
    pub later: i64,
    pub domains: Vec<DomainChangeBody>,
    pub moves: Vec<CardMoveBody>,
}

/// Two of the caller's own moments: `{id}` against `{other}`, the earlier one first.
#[utoipa::path(get, path = "/api/v1/reflections/{id}/comparison/{other}", tag = "reflections", params(("id" = i64, Path), ("other" = i64, Path)), responses((status = 200, body = ComparisonBody), (status = 400, description = "the two reflections are of different frameworks (`compare-other-framework`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn get_comparison(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, other)): Path<(i64, i64)>,
) -> Result<Json<ComparisonBody>, AppError> {
    let compared = logic::comparison(&state, &viewer, id, other).await?;
    let comparison = compared.comparison;
    let round = |v: Option<f64>| v.map(|v| (v * 10.0).round() / 10.0);
    Ok(Json(ComparisonBody {
        earlier: compared.earlier.record.id,
        later: compared.later.record.id,
        domains: comparison
            .domains
            .iter()
            .map(|d| DomainChangeBody {
                domain: d.domain.clone(),
                before: round(d.before),
                after: round(d.after),
                change: round(d.delta()),
            })
            .collect(),
        moves: comparison
            .moves
            .iter()
            .map(|m| CardMoveBody {
                card: m.card.clone(),
                domain: m.domain.clone(),
                before: m.before.map(|p| p.score()),
                after: m.after.map(|p| p.score()),
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ShareBody {
    /// The email of the person to share with (a board member, a coach).
    #[schema(schema_with = crate::api::input::email)]
    pub email: String,
}

#[utoipa::path(post, path = "/api/v1/reflections/{id}/shares", tag = "reflections", params(("id" = i64, Path)), request_body = ShareBody, responses((status = 204), (status = 400, description = "no colleague (someone else in one of the author's organisations) with that e-mail address (`share-person-unknown`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the reflection is not finished yet (`reflection-not-finished`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 429, description = "too many shares tried in the last hour (`too-many-attempts`)", body = crate::api::ProblemSchema, content_type = "application/problem+json", headers(("Retry-After" = i64, description = "seconds until the next try is counted")))))]
pub async fn post_share(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<ShareBody>,
) -> Result<StatusCode, AppError> {
    logic::share(&state, &viewer, id, &body.email).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/v1/reflections/{id}/shares/{person}", tag = "reflections", params(("id" = i64, Path), ("person" = i64, Path)), responses((status = 204)))]
pub async fn delete_share(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, person)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    let person = leidraad_domain::accounts::PersonId(person);
    logic::unshare(&state, &viewer, id, person).await?;
    Ok(StatusCode::NO_CONTENT)
}
