//! One round as its leader (or, while it waits, their coach) reads it, with the preview of
//! what its report would show; and changing its setup.

use super::input;
use super::*;

/// A group as its leader plans and follows it.
#[derive(Serialize, ToSchema)]
pub struct GroupItem {
    pub id: i64,
    /// `team`, `collegas`, `bestuur` or `eigen`.
    pub kind: String,
    /// The name of an own group; null for the others.
    pub label: Option<String>,
    /// Answers the group needs before the report shows it.
    pub threshold: usize,
    /// Answers the group needs before the report shows its comments.
    pub comment_threshold: usize,
    /// A board shown from one answer on; its raters are told so before they answer.
    pub identifiable: bool,
    /// How many raters are in the group.
    pub invited: usize,
    /// How many of them answered: a count, never who.
    pub answered: usize,
    /// What the report would show if everyone answered: `shown` (also if two do not),
    /// `lost-if-two-missing`, `lost-if-one-missing`, `never-shown` (fewer raters than the
    /// threshold) or `identifiable`.
    pub outlook: String,
    /// Invite at least this many for the group to survive two missing answers.
    pub recommended: usize,
    /// Whether its comments would be shown if everyone answered.
    pub comments_shown_if_all: bool,
}

/// A rater in the leader's list. There is deliberately no "answered": the leader learns how
/// many of a group answered, never who.
#[derive(Serialize, ToSchema)]
pub struct RaterItem {
    pub id: i64,
    pub group: i64,
    /// The address the link is mailed to; null for a copy link the leader hands out.
    pub email: Option<String>,
    pub name: String,
    /// When the invitation was mailed; null before the round was sent, and for copy links.
    pub invited_at: Option<i64>,
}

/// Two groups each at risk on their own that would be shown together: `POST …/merge`.
#[derive(Serialize, ToSchema)]
pub struct MergeSuggestion {
    pub into: i64,
    pub from: i64,
}

#[derive(Serialize, ToSchema)]
pub struct RoundDetail {
    #[serde(flatten)]
    pub summary: RoundItem,
    pub framework_id: String,
    pub request: String,
    /// The closing day in Amsterdam, `YYYY-MM-DD`, as `PATCH` takes it.
    pub closes_on: String,
    /// The coach asked to approve the rater list before it goes out.
    pub coach_email: Option<String>,
    /// The coach's note when they sent the list back; empty otherwise.
    pub coach_note: String,
    /// The card ids asked about, in the deck's order.
    pub card_ids: Vec<String>,
    pub groups: Vec<GroupItem>,
    pub raters: Vec<RaterItem>,
    pub merge_suggestions: Vec<MergeSuggestion>,
    /// How many cards the leader has rated themself.
    pub self_rated: usize,
}

/// One round with its groups, raters and the preview of what the report would show. Its
/// leader reads it; so does the coach they asked, while it waits for their approval.
#[utoipa::path(get, path = "/api/v1/feedback/{id}", tag = "feedback", params(("id" = i64, Path)), responses((status = 200, body = RoundDetail)))]
pub async fn get_round(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<RoundDetail>, AppError> {
    let round = match logic::leader_round(&state, &viewer, id).await {
        Err(leidraad_app::Error::NotFound) => logic::for_coach(&state, &viewer, id).await?,
        other => other?,
    };
    Ok(Json(detail(round)))
}

fn detail(round: LeaderRound) -> RoundDetail {
    let groups = round.groups.iter().map(|(g, settings)| {
        let preview = round.preview.groups.iter().find(|p| p.key == g.id);
        let answered = round.progress.iter().find(|(group, _, _)| *group == g.id);
        GroupItem {
            id: g.id,
            kind: g.kind.clone(),
            label: g.label.clone(),
            threshold: settings.threshold(),
            comment_threshold: settings.comment_threshold(),
            identifiable: settings.identifiable,
            invited: round.invited_in(g.id),
            answered: answered.map_or(0, |(_, _, answered)| *answered),
            outlook: preview.map_or("", |p| p.outlook.code()).to_owned(),
            recommended: preview.map_or(0, |p| p.recommended),
            comments_shown_if_all: preview.is_some_and(|p| p.comments_shown_if_all),
        }
    });
    let raters = round.links.iter().map(|link| RaterItem {
        id: link.id,
        group: link.group_id,
        email: link.email.clone(),
        name: link.name.clone(),
        invited_at: link.invited_at,
    });
    let merges = round.preview.merge_suggestions.iter();
    let record = &round.record;
    RoundDetail {
        summary: item(record),
        framework_id: record.framework_id.clone(),
        request: record.request.clone(),
        closes_on: day(record.closes_at),
        coach_email: round.coach_email.clone(),
        coach_note: record.coach_note.clone(),
        card_ids: record.cards.clone(),
        groups: groups.collect(),
        raters: raters.collect(),
        merge_suggestions: merges
            .map(|(into, from)| MergeSuggestion {
                into: *into,
                from: *from,
            })
            .collect(),
        self_rated: round.self_answers.len(),
    }
}

/// "YYYY-MM-DD" of a moment, in Amsterdam.
fn day(at: i64) -> String {
    let local = LocalDateTime::amsterdam(at);
    format!("{:04}-{:02}-{:02}", local.year, local.month, local.day)
}

/// The parts of a concept round's setup to change; a part left out keeps what is stored.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundChange {
    #[serde(default)]
    #[schema(schema_with = input::request_change)]
    pub request: Option<String>,
    #[serde(default)]
    #[schema(schema_with = input::closing_day_change)]
    pub closes_on: Option<String>,
    /// A colleague's address to approve the rater list before it goes out; `null` or an empty
    /// string: no approval asked.
    #[serde(default, deserialize_with = "input::present")]
    #[schema(value_type = Option<String>, format = Email)]
    pub coach_email: Option<Option<String>>,
}

#[utoipa::path(patch, path = "/api/v1/feedback/{id}", tag = "feedback", params(("id" = i64, Path)), request_body = RoundChange, responses((status = 204), (status = 400, description = "a request, closing day or address the rules refuse (`feedback-request-invalid`, `feedback-date-invalid`, `feedback-date-past`, `feedback-date-too-far`, `email-invalid`), no colleague with the coach's address (`feedback-coach-unknown`), or the caller's own (`feedback-coach-self`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the round is not a concept any more (`feedback-round-state`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn patch_round(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<RoundChange>,
) -> Result<StatusCode, AppError> {
    let round = logic::leader_round(&state, &viewer, id).await?;
    let record = &round.record;
    let closes_on = body.closes_on.unwrap_or_else(|| day(record.closes_at));
    let coach = match body.coach_email {
        Some(coach) => coach.unwrap_or_default(),
        None => round.coach_email.clone().unwrap_or_default(),
    };
    let request = body.request.as_deref().unwrap_or(&record.request);
    logic::update_round(&state, &viewer, id, request, &closes_on, &coach).await?;
    Ok(StatusCode::NO_CONTENT)
}
