//! The accounts part of the JSON API: who am I, organisations, schools, members, invitations
//! and one's own tokens and data. Authentication is a personal API token
//! (`Authorization: Bearer …`) or, from a page's script, the session cookie with the
//! `X-CSRF-Token` header. Every handler asks the policy, as the pages do.

use crate::api::JsonBody;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, delete, get, patch};
use leidraad_domain::accounts::{Action, Email, OrganisationId, PersonId, Target};
use leidraad_store::accounts::{Member, PersonalData};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::i18n::Tr;
use leidraad_app::organisations::{create_school, revoke_invitation};
use leidraad_app::{accounts, directory};

mod members;
mod tokens;

pub use members::*;
pub use tokens::*;

/// The organisation-scoped API routes; see `organisation_route_table`.
pub fn organisation_routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    vec![
        (
            Method::GET,
            "/api/v1/organisations/{org}",
            get(get_organisation),
        ),
        (
            Method::GET,
            "/api/v1/organisations/{org}/schools",
            get(list_schools),
        ),
        (
            Method::POST,
            "/api/v1/organisations/{org}/schools",
            axum::routing::post(post_school),
        ),
        (
            Method::GET,
            "/api/v1/organisations/{org}/members",
            get(list_members),
        ),
        (
            Method::PATCH,
            "/api/v1/organisations/{org}/members/{person}",
            patch(patch_member),
        ),
        (
            Method::DELETE,
            "/api/v1/organisations/{org}/members/{person}",
            delete(delete_member),
        ),
        (
            Method::GET,
            "/api/v1/organisations/{org}/invitations",
            get(list_invitations),
        ),
        (
            Method::POST,
            "/api/v1/organisations/{org}/invitations",
            axum::routing::post(post_invitation),
        ),
        (
            Method::DELETE,
            "/api/v1/organisations/{org}/invitations/{invitation}",
            delete(delete_invitation),
        ),
    ]
}

pub fn personal_routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    vec![
        (Method::GET, "/api/v1/me", get(get_me)),
        (Method::GET, "/api/v1/me/tokens", get(list_tokens)),
        (
            Method::POST,
            "/api/v1/me/tokens",
            axum::routing::post(post_token),
        ),
        (
            Method::DELETE,
            "/api/v1/me/tokens/{id}",
            delete(delete_token),
        ),
        (Method::GET, "/api/v1/me/export", get(get_export)),
        (
            Method::GET,
            "/api/v1/organisations",
            get(list_organisations),
        ),
    ]
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub organisations: Vec<OrganisationItem>,
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationItem {
    pub id: i64,
    pub name: String,
    /// Your roles there: admin, board-member, school-leader, staff, coach.
    pub roles: Vec<&'static str>,
    /// The schools you belong to there.
    pub schools: Vec<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationList {
    pub organisations: Vec<OrganisationItem>,
}

fn organisation_items(viewer: &Viewer) -> Vec<OrganisationItem> {
    viewer
        .memberships
        .iter()
        .map(|m| OrganisationItem {
            id: m.organisation.id,
            name: m.organisation.name.clone(),
            roles: m.roles.iter().map(|r| r.code()).collect(),
            schools: m.schools.iter().map(|s| s.get()).collect(),
        })
        .collect()
}

/// Who the token or session belongs to, and their memberships.
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts", responses((status = 200, body = Me)))]
pub async fn get_me(SignedIn(viewer): SignedIn) -> Json<Me> {
    Json(Me {
        id: viewer.person.get(),
        name: viewer.name.clone(),
        email: viewer.email.clone(),
        organisations: organisation_items(&viewer),
    })
}

#[utoipa::path(get, path = "/api/v1/organisations", tag = "accounts", responses((status = 200, body = OrganisationList)))]
pub async fn list_organisations(SignedIn(viewer): SignedIn) -> Json<OrganisationList> {
    Json(OrganisationList {
        organisations: organisation_items(&viewer),
    })
}

#[utoipa::path(get, path = "/api/v1/organisations/{org}", tag = "accounts", params(("org" = i64, Path)), responses((status = 200, body = OrganisationItem)))]
pub async fn get_organisation(
    SignedIn(viewer): SignedIn,
    Path(org): Path<i64>,
) -> Result<Json<OrganisationItem>, AppError> {
    let organisation = OrganisationId(org);
    viewer.may(
        Action::ViewOrganisation,
        &Target::organisation(organisation),
    )?;
    organisation_items(&viewer)
        .into_iter()
        .find(|item| item.id == org)
        .map(Json)
        .ok_or(AppError::NotFound)
}
