//! The JSON API, `/api/v1`. Its OpenAPI document is generated from these types and handlers,
//! so it cannot drift from what the server does.

use std::sync::LazyLock;

use axum::http::{HeaderValue, Method, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

mod accounts;
mod body;
mod content;
mod feedback;
mod input;
mod learning_log;
mod openapi;
mod plans;
mod portfolio;
mod rater;
pub mod reflections;
mod space_scans;

use crate::routes::{Reach, Route, cached_rows, rows};
pub(crate) use body::JsonBody;
use openapi::Conventions;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Leidraad API",
        version = "1",
        description = "The professional standard for Dutch school leaders and its dialogue cards. \
            Every text comes in Dutch (`nl`) and English (`en`). Errors are RFC 9457 problem \
            objects (`application/problem+json`) with a stable `code`."
    ),
    paths(
        content::list_frameworks, content::get_framework, content::list_cards,
        content::list_dialogue_cards,
        accounts::get_me, accounts::list_organisations, accounts::get_organisation,
        accounts::list_schools, accounts::post_school, accounts::list_members,
        accounts::patch_member, accounts::delete_member, accounts::list_invitations,
        accounts::post_invitation, accounts::delete_invitation, accounts::list_tokens,
        accounts::post_token, accounts::delete_token, accounts::get_export,
        reflections::list_reflections, reflections::post_reflection, reflections::get_reflection,
        reflections::put_answer, reflections::patch_answer, reflections::post_own_card, reflections::delete_own_card,
        reflections::post_focus, reflections::delete_focus, reflections::post_finish,
        reflections::get_profile, reflections::get_comparison, reflections::post_share,
        reflections::delete_share
    ),
    modifiers(&Conventions),
    components(schemas(
        content::LocalizedText,
        content::FrameworkList,
        content::FrameworkSummary,
        content::FrameworkDetail,
        content::DomainDetail,
        content::CardItem,
        content::CardList,
        content::DialogueCardItem,
        content::DialogueCardList,
        ProblemSchema,
        accounts::Me,
        accounts::OrganisationItem,
        accounts::OrganisationList,
        accounts::SchoolItem,
        accounts::SchoolList,
        accounts::NewSchool,
        accounts::MemberItem,
        accounts::MemberList,
        accounts::MemberChange,
        accounts::InvitationItem,
        accounts::InvitationList,
        accounts::NewInvitationBody,
        accounts::CreatedInvitationItem,
        accounts::TokenItem,
        accounts::TokenList,
        accounts::NewToken,
        accounts::CreatedToken,
        reflections::ReflectionSummary,
        reflections::ReflectionList,
        reflections::NewReflectionBody,
        reflections::Created,
        reflections::CardState,
        reflections::ReflectionDetail,
        reflections::PileValue,
        reflections::AnswerBody,
        reflections::AnswerChange,
        reflections::Saved,
        reflections::NewOwnCard,
        reflections::OwnCardItem,
        reflections::FocusBody,
        reflections::DomainScore,
        reflections::ProfileBody,
        reflections::DomainChangeBody,
        reflections::CardMoveBody,
        reflections::ComparisonBody,
        reflections::ShareBody
    ))
)]
struct ApiDoc;

/// The document: the main one with each capability's part merged in, and then the
/// conventions applied to every operation once more, so the merged ones get them too.
static OPENAPI_JSON: LazyLock<String> = LazyLock::new(|| {
    let mut document = ApiDoc::openapi();
    document.merge(feedback::FeedbackApi::openapi());
    document.merge(rater::RaterApi::openapi());
    document.merge(space_scans::ScanApi::openapi());
    document.merge(learning_log::LearningLogApi::openapi());
    document.merge(plans::PlanApi::openapi());
    document.merge(portfolio::PortfolioApi::openapi());
    utoipa::Modify::modify(&Conventions, &mut document);
    document
        .to_pretty_json()
        .expect("the OpenAPI document serialises")
});

/// Every API route, as rows of the route table (see [`crate::routes`]).
pub fn routes() -> Vec<Route> {
    use Method as M;
    cached_rows(vec![
        (M::GET, "/api/v1/frameworks", get(content::list_frameworks)),
        (
            M::GET,
            "/api/v1/frameworks/{id}",
            get(content::get_framework),
        ),
    ])
    .chain(rows(
        Reach::Public,
        vec![
            (M::GET, "/api/v1/openapi.json", get(get_openapi)),
            (M::GET, "/api/v1/cards", get(content::list_cards)),
            (
                M::GET,
                "/api/v1/dialogue-cards",
                get(content::list_dialogue_cards),
            ),
        ],
    ))
    .chain(rows(Reach::Personal, accounts::personal_routes()))
    .chain(rows(Reach::Organisation, accounts::organisation_routes()))
    .chain(rows(Reach::Reflection, reflections::routes()))
    .chain(rows(Reach::Feedback, feedback::routes()))
    .chain(rows(Reach::Link, rater::routes()))
    .chain(rows(Reach::Scan, space_scans::routes()))
    .chain(rows(Reach::Personal, learning_log::routes()))
    .chain(rows(Reach::Link, space_scans::respondent_routes()))
    .chain(rows(Reach::Plan, plans::routes()))
    .chain(rows(Reach::Plan, portfolio::routes()))
    .collect()
}

async fn get_openapi() -> Response {
    let mut response = OPENAPI_JSON.as_str().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// RFC 9457 problem details.
#[derive(Serialize, ToSchema)]
#[schema(as = Problem)]
pub struct ProblemSchema {
    #[schema(example = "about:blank")]
    pub r#type: String,
    pub title: String,
    pub status: u16,
    /// A sentence for people, in the language of `Accept-Language`.
    pub detail: String,
    /// A stable identifier for programs, e.g. `not-found`, `query-too-long`, `unknown-language`.
    pub code: String,
}
