//! One domain as a list: every card's pile at once, and the domain's own cards.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::super::{PageContext, Section, encode_query, render};
use super::super::{PileView, domain_title, piles};
use super::{CardView, card_view, load};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::{AppError, OwnErrorBody};
use crate::form::FormFields;
use crate::i18n::Tr;
use leidraad_app::reflections::{self as logic, AnswerInput};

#[derive(Template)]
#[template(path = "reflection_list.html")]
pub struct ListPage {
    page: PageContext,
    id: i64,
    domains: Vec<(String, usize, String)>,
    domain: String,
    domain_title: String,
    domain_number: usize,
    cards: Vec<CardView>,
    piles: Vec<PileView>,
    own_cards_left: usize,
    error: String,
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    domein: String,
}

async fn list_page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    domain: &str,
) -> Result<ListPage, AppError> {
    let loaded = load(state, tr, viewer, id).await?;
    if loaded.record.finished_at.is_some() {
        return Err(AppError::Conflict {
            code: "reflection-finished",
        });
    }
    let framework = logic::framework_of(state, &loaded.record)?;
    let domain = if loaded.record.domains.iter().any(|d| d == domain) {
        domain.to_owned()
    } else {
        loaded.record.domains.first().cloned().unwrap_or_default()
    };
    let (domain_number, domain_title) = domain_title(tr, framework, &domain);
    let cards: Vec<CardView> = loaded
        .scope
        .iter()
        .filter(|c| c.domain == domain)
        .map(|c| card_view(tr, framework, c, &loaded.answers))
        .collect();
    let own = cards.iter().filter(|c| c.own).count();
    Ok(ListPage {
        page: PageContext::new(tr, format!("/reflecties/{id}/lijst"), Section::Other),
        id,
        domains: loaded
            .record
            .domains
            .iter()
            .map(|d| {
                let (number, title) = super::super::domain_title(tr, framework, d);
                (d.clone(), number, title)
            })
            .collect(),
        domain,
        domain_title,
        domain_number,
        cards,
        piles: piles(tr),
        own_cards_left: usize::from(framework.own_cards_per_domain).saturating_sub(own),
        error: String::new(),
    })
}

pub async fn get_list(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    render(&list_page(&state, tr, &viewer, id, &query.domein).await?)
}

/// Saves every card of the list whose pile changed; the rest of each answer stays as it was.
pub async fn post_list(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let tr = Tr::new(Default::default());
    let loaded = load(&state, tr, &viewer, id).await?;
    let domain = form.get("domein").to_owned();
    for card in loaded.scope.iter().filter(|c| c.domain == domain) {
        let field = format!("pile-{}", card.key);
        if !form.contains(&field) {
            continue;
        }
        let chosen = form.get(&field);
        // Compared with what the page showed, not with what is stored now: a pile another
        // tab set since is left alone unless this page changed it.
        let was_field = format!("was-{}", card.key);
        let shown = if form.contains(&was_field) {
            form.get(&was_field).to_owned()
        } else {
            loaded
                .answers
                .iter()
                .find(|a| a.card_id == card.key)
                .and_then(|a| a.pile)
                .map(|p| p.score().to_string())
                .unwrap_or_default()
        };
        if chosen == shown {
            continue;
        }
        let input = AnswerInput {
            pile: Some(Some(chosen)),
            ..AnswerInput::default()
        };
        logic::save_answer(&state, &viewer, id, &card.key, input).await?;
    }
    Ok(Redirect::to(&format!(
        "/reflecties/{id}/lijst?domein={}&melding=opgeslagen",
        encode_query(&domain)
    ))
    .into_response())
}

pub async fn post_own_card(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let domain = form.get("domain");
    match logic::add_own_card(&state, &viewer, id, domain, form.get("text"))
        .await
        .map_err(AppError::from)
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/reflecties/{id}/lijst?domein={}",
            encode_query(domain)
        ))
        .into_response()),
        Err(AppError::BadRequest { code } | AppError::Conflict { code }) => {
            let mut page = list_page(&state, tr, &viewer, id, domain).await?;
            page.error = tr.t(&format!("problem-{code}")).into_owned();
            let mut response = render(&page)?;
            *response.status_mut() = StatusCode::BAD_REQUEST;
            response.extensions_mut().insert(OwnErrorBody);
            Ok(response)
        }
        Err(error) => Err(error),
    }
}

pub async fn post_delete_own_card(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, card)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let domain = logic::delete_own_card(&state, &viewer, id, card).await?;
    Ok(Redirect::to(&format!(
        "/reflecties/{id}/lijst?domein={}",
        encode_query(&domain)
    ))
    .into_response())
}
