//! Setting up a round's groups and raters: adding a group with its thresholds (checked by the
//! domain's anonymity rules), removing or merging groups, and adding raters by address or as
//! copy links, whose URLs are answered once and stored only as a hash.

use leidraad_app::feedback::{GroupRequest, RaterRequest};

use super::input::{self, count};
use super::*;

fn default_threshold() -> i64 {
    3
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewGroupBody {
    #[schema(schema_with = input::group_kind)]
    pub kind: String,
    #[serde(default)]
    #[schema(schema_with = input::group_label)]
    pub label: String,
    /// Answers the group needs before the report shows it: at least 3, also for an
    /// identifiable board (which is then shown from one answer on).
    #[serde(
        default = "default_threshold",
        deserialize_with = "crate::api::input::whole"
    )]
    #[schema(minimum = 3, default = 3)]
    pub threshold: i64,
    /// Answers the group needs before the report shows its comments: at least `threshold`,
    /// which it is when left out.
    #[serde(default, deserialize_with = "crate::api::input::optional_whole")]
    #[schema(minimum = 3)]
    pub comment_threshold: Option<i64>,
    /// Only for `bestuur`: shown from one answer on, and its raters are told so.
    #[serde(default)]
    pub identifiable: bool,
}

/// Adds a group to a concept round.
#[utoipa::path(post, path = "/api/v1/feedback/{id}/groups", tag = "feedback", params(("id" = i64, Path)), request_body = NewGroupBody, responses((status = 201, description = "the new group", body = Created), (status = 400, description = "a threshold below 3 (`anonymity-threshold-too-low`), a comment threshold below the group's (`anonymity-comments-below-group`), an identifiable group that is not the board (`feedback-identifiable-not-board`), an unknown kind (`feedback-group-kind-invalid`), or an own group without a valid name (`feedback-label-invalid`); nothing is added", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the round is not a concept any more (`feedback-round-state`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_group(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<NewGroupBody>,
) -> Result<Response, AppError> {
    let request = GroupRequest {
        kind: &body.kind,
        label: &body.label,
        threshold: count(body.threshold),
        comment_threshold: body.comment_threshold.map(count),
        identifiable: body.identifiable,
    };
    let group = logic::add_group(&state, &viewer, id, &request).await?;
    Ok((StatusCode::CREATED, Json(Created { id: group })).into_response())
}

/// Removes a group of a concept round, with its raters.
#[utoipa::path(delete, path = "/api/v1/feedback/{id}/groups/{group}", tag = "feedback", params(("id" = i64, Path), ("group" = i64, Path)), responses((status = 204), (status = 409, description = "the round is not a concept any more (`feedback-round-state`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn delete_group(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, group)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    logic::remove_group(&state, &viewer, id, group).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeBody {
    /// The group that stays.
    #[serde(deserialize_with = "crate::api::input::whole")]
    pub into: i64,
    /// The group whose raters move into `into`; it is removed.
    #[serde(deserialize_with = "crate::api::input::whole")]
    pub from: i64,
}

/// Merges two groups, as the preview suggests when each is too small to be shown.
#[utoipa::path(post, path = "/api/v1/feedback/{id}/merge", tag = "feedback", params(("id" = i64, Path)), request_body = MergeBody, responses((status = 204), (status = 400, description = "`into` and `from` are the same group (`feedback-merge-same`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the round is not a concept any more (`feedback-round-state`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_merge(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<MergeBody>,
) -> Result<StatusCode, AppError> {
    logic::merge_groups(&state, &viewer, id, body.into, body.from).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RaterBody {
    #[schema(schema_with = crate::api::input::email)]
    pub email: String,
    #[serde(default)]
    #[schema(schema_with = input::rater_name)]
    pub name: String,
}

/// The most copy links one request makes, as on the page.
const MAX_COPY_LINKS: i64 = 50;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRatersBody {
    /// Raters who get their link by mail when the round is sent (at once, in an open round).
    /// An address the round has already is skipped.
    #[serde(default)]
    pub raters: Vec<RaterBody>,
    /// How many links without an address to make, for the leader to hand out.
    #[serde(default, deserialize_with = "crate::api::input::whole")]
    #[schema(minimum = 0, maximum = 50, default = 0)]
    pub copy_links: i64,
}

#[derive(Serialize, ToSchema)]
pub struct AddedRaters {
    /// The copy links' whole URLs. They are answered here once: only a hash is stored, so
    /// nobody, the leader included, can read them again.
    pub copy_links: Vec<String>,
}

/// Adds raters to a group of a concept or open round: by address, and as copy links.
#[utoipa::path(post, path = "/api/v1/feedback/{id}/groups/{group}/raters", tag = "feedback", params(("id" = i64, Path), ("group" = i64, Path)), request_body = NewRatersBody, responses((status = 201, body = AddedRaters), (status = 400, description = "an address or name the rules refuse (`feedback-rater-email-invalid`, `feedback-name-invalid`), no rater and no copy link (`feedback-raters-none`), more than 50 copy links (`feedback-copy-links-invalid`), or more than 200 raters in the round (`feedback-raters-too-many`); nothing is added", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the round waits for its coach or is closed (`feedback-round-state`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_raters(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, group)): Path<(i64, i64)>,
    JsonBody(body): JsonBody<NewRatersBody>,
) -> Result<Response, AppError> {
    if !(0..=MAX_COPY_LINKS).contains(&body.copy_links) {
        return Err(AppError::BadRequest {
            code: "feedback-copy-links-invalid",
        });
    }
    let raters: Vec<RaterRequest> = body
        .raters
        .iter()
        .map(|r| RaterRequest {
            email: &r.email,
            name: &r.name,
        })
        .collect();
    let copies = count(body.copy_links);
    let links = logic::add_rater_list(&state, &viewer, id, group, &raters, copies).await?;
    let added = AddedRaters { copy_links: links };
    Ok((StatusCode::CREATED, Json(added)).into_response())
}

/// Removes a rater (their link) from a concept round.
#[utoipa::path(delete, path = "/api/v1/feedback/{id}/raters/{link}", tag = "feedback", params(("id" = i64, Path), ("link" = i64, Path)), responses((status = 204), (status = 409, description = "the round is not a concept any more (`feedback-round-state`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn delete_rater(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, link)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    logic::remove_rater(&state, &viewer, id, link).await?;
    Ok(StatusCode::NO_CONTENT)
}
