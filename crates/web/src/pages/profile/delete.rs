//! Deleting one's account, in two steps that work without JavaScript: a page that names what
//! will be lost and asks "are you sure?", and the form on it. A POST that did not come from
//! that page (no confirmation field) changes nothing and says why.

use crate::pages::render_refused;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_domain::accounts::{Action, Target};

use super::super::{PageContext, Section, render};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use leidraad_app::{accounts, me};

/// The field only a confirmation page's form carries, and its value.
pub const CONFIRMATION_FIELD: &str = "bevestiging";
pub const CONFIRMED: &str = "ja";

/// Whether a destructive form came from its confirmation page.
pub fn confirmed(form: &FormFields) -> bool {
    form.get(CONFIRMATION_FIELD) == CONFIRMED
}

#[derive(Template)]
#[template(path = "account_delete.html")]
pub struct DeleteAccountPage {
    page: PageContext,
    /// What goes, one phrase each.
    losses: Vec<String>,
    /// Organisations of which the viewer is the only admin: deleting is refused there.
    last_admin_of: Vec<String>,
    error: String,
}

async fn delete_page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
) -> Result<DeleteAccountPage, AppError> {
    let preview = me::erasure_preview(state, viewer).await?;
    let mut losses = vec![tr.t1("delete-loses-account", "email", viewer.email.as_str())];
    if !preview.organisations.is_empty() {
        losses.push(tr.t1(
            "delete-loses-memberships",
            "organisations",
            preview.organisations.join(", "),
        ));
    }
    losses.push(tr.t1("delete-loses-reflections", "count", preview.reflections));
    if preview.shared > 0 {
        losses.push(tr.t1("delete-loses-shares", "count", preview.shared));
    }
    if preview.plans > 0 {
        losses.push(tr.t1("delete-loses-plans", "count", preview.plans));
    }
    if preview.activities > 0 || preview.evidence_files > 0 {
        losses.push(tr.t2(
            "delete-loses-log",
            ("count", preview.activities),
            ("files", preview.evidence_files),
        ));
    }
    losses.push(tr.t1("delete-loses-tokens", "count", preview.api_tokens));
    losses.push(tr.t("delete-loses-sessions").into_owned());
    Ok(DeleteAccountPage {
        page: PageContext::new(tr, "/account/verwijderen", Section::Other),
        losses,
        last_admin_of: preview.last_admin_of,
        error: String::new(),
    })
}

/// "Weet je het zeker?"
pub async fn get_delete_account(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    render(&delete_page(&state, tr, &viewer).await?)
}

/// The confirmation page again, with what stopped the deletion.
async fn refused(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    code: &str,
    status: StatusCode,
) -> Result<Response, AppError> {
    let mut page = delete_page(state, tr, viewer).await?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    render_refused(&page, status)
}

/// Deletes the account: only from the confirmation page, with the current password. The last
/// admin of an organisation must first hand the role to someone else.
pub async fn post_delete_account(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    viewer.may(Action::DeleteOwnAccount, &Target::owned_by(viewer.person))?;
    if !confirmed(&form) {
        let code = "confirmation-missing";
        return refused(&state, tr, &viewer, code, StatusCode::BAD_REQUEST).await;
    }
    if !accounts::confirms_password(&state, viewer.person, form.get("current_password")).await? {
        let code = "current-password-wrong";
        return refused(&state, tr, &viewer, code, StatusCode::BAD_REQUEST).await;
    }
    if let Err(error) = me::erase(&state, &viewer).await.map_err(AppError::from) {
        if let AppError::Conflict { code } = error {
            return refused(&state, tr, &viewer, code, StatusCode::CONFLICT).await;
        }
        return Err(error);
    }
    let mut response = Redirect::to("/inloggen?melding=account-verwijderd").into_response();
    state.session_cookie.clear(response.headers_mut());
    Ok(response)
}
