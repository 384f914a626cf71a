//! The start page and the list of decks.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use leidraad_domain::DomainKind;

use super::super::{PageContext, Section, render};
use super::framework_url;
use crate::AppState;
use crate::error::AppError;
use crate::i18n::Tr;

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    page: PageContext,
    framework_title: String,
    framework_url: String,
    practice_count: usize,
    quality_count: usize,
    card_count: usize,
    dialogue_count: usize,
}

pub async fn get_home(State(state): State<AppState>, tr: Tr) -> Result<Response, AppError> {
    let framework = state
        .library
        .default_framework()
        .ok_or(AppError::NotFound)?;
    let count = |kind| framework.domains.iter().filter(|d| d.kind == kind).count();
    render(&HomePage {
        page: PageContext::new(tr, "/", Section::Home),
        framework_title: tr.pick(&framework.title).to_owned(),
        framework_url: framework_url(framework),
        practice_count: count(DomainKind::Practice),
        quality_count: count(DomainKind::Quality),
        card_count: framework.cards.len(),
        dialogue_count: framework.dialogue_cards.len(),
    })
}

pub struct FrameworkSummary {
    pub url: String,
    pub title: String,
    pub description: String,
    pub version: String,
    pub domain_count: usize,
    pub card_count: usize,
    pub dialogue_count: usize,
}

#[derive(Template)]
#[template(path = "frameworks.html")]
pub struct FrameworksPage {
    page: PageContext,
    frameworks: Vec<FrameworkSummary>,
}

pub async fn get_frameworks(State(state): State<AppState>, tr: Tr) -> Result<Response, AppError> {
    let frameworks = state
        .library
        .frameworks
        .iter()
        .map(|f| FrameworkSummary {
            url: framework_url(f),
            title: tr.pick(&f.title).to_owned(),
            description: tr.pick(&f.description).to_owned(),
            version: f.version.clone(),
            domain_count: f.domains.len(),
            card_count: f.cards.len(),
            dialogue_count: f.dialogue_cards.len(),
        })
        .collect();
    render(&FrameworksPage {
        page: PageContext::new(tr, "/kaders", Section::Standard),
        frameworks,
    })
}
