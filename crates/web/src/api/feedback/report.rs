//! The released report: the snapshot stored at release, read by the leader and whom they
//! shared it with; sharing it by name; and taking a card from it as a focus card. Nothing here
//! computes a figure: a hidden group and a cell with too few ratings are absent or null in
//! the snapshot itself.

use leidraad_domain::accounts::PersonId;
use leidraad_domain::feedback::{CardResult, DomainResult, GroupResult, Report, Score};

use super::*;

#[derive(Serialize, ToSchema)]
pub struct ReportScore {
    /// Mean of the ratings (1–4), to 2 decimals.
    pub mean: f64,
    /// Population standard deviation, to 2 decimals.
    pub spread: f64,
    /// How many ratings.
    pub answers: usize,
    /// How many answered "kan ik niet beoordelen"; in no mean.
    pub cannot_judge: usize,
}

fn score(score: &Score) -> ReportScore {
    ReportScore {
        mean: score.mean,
        spread: score.spread,
        answers: score.answers,
        cannot_judge: score.cannot_judge,
    }
}

/// One shown group's score; null when it has too few ratings ("te weinig oordelen").
#[derive(Serialize, ToSchema)]
pub struct GroupScore {
    pub group: i64,
    pub score: Option<ReportScore>,
}

fn group_scores(scores: &[(i64, Option<Score>)]) -> Vec<GroupScore> {
    scores
        .iter()
        .map(|(group, s)| GroupScore {
            group: *group,
            score: s.as_ref().map(score),
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
pub struct ReportGroup {
    pub id: i64,
    /// `team`, `collegas`, `bestuur` or `eigen`.
    pub kind: String,
    pub label: Option<String>,
    pub identifiable: bool,
    /// Whether the group met its threshold. A hidden group is in no figure and no comment,
    /// and says not how few answered.
    pub shown: bool,
    /// How many answered; null when hidden.
    pub respondents: Option<usize>,
    pub comments_shown: bool,
}

fn group(g: &GroupResult) -> ReportGroup {
    ReportGroup {
        id: g.key,
        kind: g.kind.code().to_owned(),
        label: g.label.clone(),
        identifiable: g.identifiable,
        shown: g.shown,
        respondents: g.respondents,
        comments_shown: g.comments_shown,
    }
}

#[derive(Serialize, ToSchema)]
pub struct ReportDomain {
    pub domain: String,
    /// The mean of the leader's self-rating over the domain's cards.
    pub own: Option<f64>,
    /// Every shown group, in order.
    pub groups: Vec<GroupScore>,
    /// The shown groups together; null with too few ratings.
    pub others: Option<ReportScore>,
}

fn domain(d: &DomainResult) -> ReportDomain {
    ReportDomain {
        domain: d.domain.clone(),
        own: d.own,
        groups: group_scores(&d.groups),
        others: d.others.as_ref().map(score),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ReportCard {
    pub card: String,
    pub domain: String,
    /// The leader's self-rating, 1–4.
    pub own: Option<u8>,
    pub groups: Vec<GroupScore>,
    pub others: Option<ReportScore>,
}

fn card(c: &CardResult) -> ReportCard {
    ReportCard {
        card: c.card.clone(),
        domain: c.domain.clone(),
        own: c.own.map(|r| r.score()),
        groups: group_scores(&c.groups),
        others: c.others.as_ref().map(score),
    }
}

/// The comments of one group on one domain (null: general), in an order fixed per report
/// that is not the order they came in.
#[derive(Serialize, ToSchema)]
pub struct ReportComments {
    pub domain: Option<String>,
    pub group: i64,
    pub texts: Vec<String>,
}

/// The snapshot stored at release, with card, domain and group ids.
#[derive(Serialize, ToSchema)]
pub struct ReportSnapshot {
    /// Every group of the round, in order, shown or not.
    pub groups: Vec<ReportGroup>,
    /// Respondents in the shown groups together; null when no group is shown.
    pub others: Option<usize>,
    pub domains: Vec<ReportDomain>,
    pub cards: Vec<ReportCard>,
    /// Cards where the leader rates themself at least a point above the others.
    pub blind_spots: Vec<String>,
    /// Cards where the others rate the leader at least a point above their self-rating.
    pub hidden_strengths: Vec<String>,
    /// The cards the others rate highest and lowest.
    pub highest: Vec<String>,
    pub lowest: Vec<String>,
    /// Cards where the shown groups agree (means within 0.5) and disagree (1.0 or more apart).
    pub agreement: Vec<String>,
    pub disagreement: Vec<String>,
    pub comments: Vec<ReportComments>,
}

fn snapshot(report: &Report) -> ReportSnapshot {
    ReportSnapshot {
        groups: report.groups.iter().map(group).collect(),
        others: report.others,
        domains: report.domains.iter().map(domain).collect(),
        cards: report.cards.iter().map(card).collect(),
        blind_spots: report.blind_spots.clone(),
        hidden_strengths: report.hidden_strengths.clone(),
        highest: report.highest.clone(),
        lowest: report.lowest.clone(),
        agreement: report.agreement.clone(),
        disagreement: report.disagreement.clone(),
        comments: report
            .comments
            .iter()
            .map(|block| ReportComments {
                domain: block.domain.clone(),
                group: block.group,
                texts: block.texts.clone(),
            })
            .collect(),
    }
}

/// Someone the leader shared the report with.
#[derive(Serialize, ToSchema)]
pub struct ReportViewer {
    pub person: i64,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReportBody {
    pub id: i64,
    pub framework_id: String,
    pub request: String,
    /// The leader's name.
    pub leader: String,
    pub released_at: i64,
    /// The caller is the leader.
    pub own: bool,
    /// Whom the leader shared it with; only in the leader's own answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_with: Option<Vec<ReportViewer>>,
    pub report: ReportSnapshot,
}

/// The released report of a round, for its leader and whom they shared it with. A round that
/// is not released yet has none (404).
#[utoipa::path(get, path = "/api/v1/feedback/{id}/report", tag = "feedback", params(("id" = i64, Path)), responses((status = 200, body = ReportBody)))]
pub async fn get_report(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<ReportBody>, AppError> {
    let released = logic::released_report(&state, &viewer, id).await?;
    let viewers = released.viewers.iter().map(|(person, name)| ReportViewer {
        person: person.get(),
        name: name.clone(),
    });
    let record = &released.record;
    Ok(Json(ReportBody {
        id: record.id,
        framework_id: record.framework_id.clone(),
        request: record.request.clone(),
        leader: released.leader_name.clone(),
        released_at: released.released_at,
        own: released.own,
        shared_with: released.own.then(|| viewers.collect()),
        report: snapshot(&released.report),
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportShareBody {
    /// The address of a colleague in one of the leader's organisations (a coach, a board
    /// member).
    #[schema(schema_with = crate::api::input::email)]
    pub email: String,
}

/// Shares the released report with a colleague by name, as a reflection is shared.
#[utoipa::path(post, path = "/api/v1/feedback/{id}/report/shares", tag = "feedback", params(("id" = i64, Path)), request_body = ReportShareBody, responses((status = 204), (status = 400, description = "no colleague (someone else in one of the leader's organisations) with that address (`share-person-unknown`), or not an address (`email-invalid`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the report is not released yet (`feedback-not-released`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 429, description = "too many shares tried in the last hour (`too-many-attempts`)", body = crate::api::ProblemSchema, content_type = "application/problem+json", headers(("Retry-After" = i64, description = "seconds until the next try is counted")))))]
pub async fn post_report_share(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<ReportShareBody>,
) -> Result<StatusCode, AppError> {
    logic::share_report(&state, &viewer, id, &body.email).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Stops sharing the report with `person`.
#[utoipa::path(delete, path = "/api/v1/feedback/{id}/report/shares/{person}", tag = "feedback", params(("id" = i64, Path), ("person" = i64, Path)), responses((status = 204)))]
pub async fn delete_report_share(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, person)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    logic::unshare_report(&state, &viewer, id, PersonId(person)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportFocusBody {
    /// A card the round asked about.
    pub card: String,
}

#[derive(Serialize, ToSchema)]
pub struct FocusAdded {
    /// The reflection whose focus cards now hold the card: the leader's latest finished one on
    /// the same framework.
    pub reflection: i64,
}

/// Adds a card of the report to the focus cards of the leader's latest finished reflection,
/// under the reflection's rules.
#[utoipa::path(post, path = "/api/v1/feedback/{id}/report/focus", tag = "feedback", params(("id" = i64, Path)), request_body = ReportFocusBody, responses((status = 200, body = FocusAdded), (status = 400, description = "a card the round did not ask about (`card-unknown`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "no finished reflection to add it to (`feedback-focus-no-reflection`), or the reflection's rules refuse it: a fourth focus card (`focus-too-many`), a card that is not one of its growth points (`focus-not-a-growth-point`) or is chosen already (`focus-already-chosen`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_report_focus(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<ReportFocusBody>,
) -> Result<Json<FocusAdded>, AppError> {
    let reflection = logic::add_focus_from_report(&state, &viewer, id, &body.card).await?;
    Ok(Json(FocusAdded { reflection }))
}
