//! `/feedback/{id}/zelf`: the leader rates the round's cards themselves, on the same scale as
//! the raters (without "kan ik niet beoordelen": one always can about oneself). The form works
//! without JavaScript; with it, every choice saves at once through the API.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::feedback as logic;
use leidraad_domain::Rating;

use super::{RatingCard, cards_by_domain};
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render};

#[derive(Template)]
#[template(path = "feedback_self.html")]
pub struct SelfPage {
    page: PageContext,
    id: i64,
    domains: Vec<(String, Vec<RatingCard>)>,
    options: Vec<(String, String)>,
    closed: bool,
}

pub async fn get_self(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let round = logic::leader_round(&state, &viewer, id).await?;
    let framework = state
        .library
        .framework(&round.record.framework_id)
        .ok_or(AppError::Internal)?;
    let chosen = |card: &str| {
        round
            .self_answers
            .iter()
            .find(|(c, _)| c == card)
            .and_then(|(_, score)| Rating::from_score(*score).ok())
            .map_or(String::new(), |r| r.code().to_owned())
    };
    let save_url = |card: &str| format!("/api/v1/feedback/{id}/zelf/{card}");
    render(&SelfPage {
        page: PageContext::new(tr, format!("/feedback/{id}/zelf"), Section::Other),
        id,
        domains: cards_by_domain(tr, framework, &round.record.cards, chosen, save_url),
        options: Rating::ALL
            .iter()
            .map(|r| (r.code().to_owned(), tr.t(r.label_key()).into_owned()))
            .collect(),
        closed: round.is("gesloten"),
    })
}

/// Saves every card of the form at once: the page's way without JavaScript.
pub async fn post_self(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let round = logic::leader_round(&state, &viewer, id).await?;
    let mut ratings = Vec::new();
    for card in &round.record.cards {
        let value = form.get(&format!("card-{card}"));
        if value.is_empty() {
            continue;
        }
        let rating =
            Rating::from_code(value).map_err(|e| AppError::BadRequest { code: e.code() })?;
        ratings.push((card.clone(), rating));
    }
    for (card, rating) in ratings {
        logic::save_self_rating(&state, &viewer, id, &card, Some(rating)).await?;
    }
    Ok(Redirect::to(&format!("/feedback/{id}?melding=zelf-opgeslagen")).into_response())
}
