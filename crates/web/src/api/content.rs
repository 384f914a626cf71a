//! The standard as data: decks, their domains and cards, and the dialogue cards, in both
//! languages, with search. Anyone may call these; the first two are served from memory.

use axum::Json;
use axum::extract::{Path, Query, State};
use leidraad_domain::search::{HitItem, SearchHit, SearchIndex};
use leidraad_domain::{
    Card, DialogueCard, Framework, Language, Library, Localized, SearchQuery, SearchQueryError,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ProblemSchema, input};
use crate::AppState;
use crate::error::AppError;

/// A text in both languages.
#[derive(Serialize, ToSchema)]
pub struct LocalizedText {
    pub nl: String,
    pub en: String,
}

impl From<&Localized> for LocalizedText {
    fn from(text: &Localized) -> Self {
        LocalizedText {
            nl: text.nl.clone(),
            en: text.en.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct FrameworkList {
    pub frameworks: Vec<FrameworkSummary>,
}

#[derive(Serialize, ToSchema)]
pub struct FrameworkSummary {
    #[schema(example = "beroepsstandaard-schoolleiders")]
    pub id: String,
    pub version: String,
    /// Changes whenever the deck's content changes.
    pub fingerprint: String,
    pub title: LocalizedText,
    pub description: LocalizedText,
    pub domain_count: usize,
    pub card_count: usize,
    pub dialogue_card_count: usize,
}

fn summary(framework: &Framework) -> FrameworkSummary {
    FrameworkSummary {
        id: framework.id.clone(),
        version: framework.version.clone(),
        fingerprint: framework.fingerprint.clone(),
        title: (&framework.title).into(),
        description: (&framework.description).into(),
        domain_count: framework.domains.len(),
        card_count: framework.cards.len(),
        dialogue_card_count: framework.dialogue_cards.len(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct FrameworkDetail {
    pub id: String,
    pub version: String,
    pub fingerprint: String,
    pub title: LocalizedText,
    pub description: LocalizedText,
    /// Blank cards per domain a person may fill in with own statements.
    pub own_cards_per_domain: u8,
    pub domains: Vec<DomainDetail>,
}

#[derive(Serialize, ToSchema)]
pub struct DomainDetail {
    #[schema(example = "visie")]
    pub id: String,
    /// `practice` (leiderschapspraktijk) or `quality` (persoonlijke kwaliteit).
    #[schema(example = "practice")]
    pub kind: String,
    pub title: LocalizedText,
    /// The heading as printed on the card set.
    pub heading: LocalizedText,
    pub cards: Vec<CardItem>,
}

/// An indicator card ("Ik …").
#[derive(Serialize, ToSchema)]
pub struct CardItem {
    #[schema(example = "visie-01")]
    pub id: String,
    pub framework_id: String,
    pub domain_id: String,
    pub text: LocalizedText,
    /// The card's page.
    pub url: String,
    /// With `q`: the languages in which every word was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_in: Option<Vec<String>>,
}

fn card_item(framework: &Framework, card: &Card, matched_in: Option<&[Language]>) -> CardItem {
    CardItem {
        id: card.id.clone(),
        framework_id: framework.id.clone(),
        domain_id: card.domain.clone(),
        text: (&card.text).into(),
        url: crate::links::card_url(framework, card),
        matched_in: matched_in.map(language_codes),
    }
}

fn language_codes(languages: &[Language]) -> Vec<String> {
    languages.iter().map(|l| l.code().to_owned()).collect()
}

#[derive(Serialize, ToSchema)]
pub struct DialogueCardItem {
    #[schema(example = "dialoog-01")]
    pub id: String,
    pub framework_id: String,
    pub question: LocalizedText,
    /// The follow-up question some cards carry.
    pub follow_up: Option<LocalizedText>,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_in: Option<Vec<String>>,
}

fn dialogue_item(
    framework: &Framework,
    card: &DialogueCard,
    matched_in: Option<&[Language]>,
) -> DialogueCardItem {
    DialogueCardItem {
        id: card.id.clone(),
        framework_id: framework.id.clone(),
        question: (&card.question).into(),
        follow_up: card.follow_up.as_ref().map(Into::into),
        url: crate::links::dialogue_card_url(framework, card),
        matched_in: matched_in.map(language_codes),
    }
}

#[derive(Serialize, ToSchema)]
pub struct CardList {
    pub cards: Vec<CardItem>,
}

#[derive(Serialize, ToSchema)]
pub struct DialogueCardList {
    pub dialogue_cards: Vec<DialogueCardItem>,
}

/// Filters shared by the card lists.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CardQuery {
    /// Words to search for (all must occur), case- and accent-insensitive; at most 200
    /// characters and 12 words.
    #[param(schema_with = input::search_query)]
    q: Option<String>,
    /// `nl` or `en`: search only this language. Responses always carry both languages.
    #[param(schema_with = input::language)]
    lang: Option<String>,
    /// Only cards of this framework.
    framework: Option<String>,
}

/// A card query parsed into domain types.
struct CardFilter<'a> {
    query: Option<SearchQuery>,
    only: Option<Language>,
    framework: Option<&'a Framework>,
}

fn parse_filter<'a>(library: &'a Library, params: &CardQuery) -> Result<CardFilter<'a>, AppError> {
    let query = match params.q.as_deref().map(SearchQuery::parse) {
        None | Some(Err(SearchQueryError::Empty)) => None,
        Some(Ok(query)) => Some(query),
        Some(Err(SearchQueryError::TooLong)) => {
            return Err(AppError::BadRequest {
                code: "query-too-long",
            });
        }
        Some(Err(SearchQueryError::TooManyTerms)) => {
            return Err(AppError::BadRequest {
                code: "query-too-many-terms",
            });
        }
    };
    let only = match params.lang.as_deref() {
        None | Some("") => None,
        Some(code) => Some(code.parse().map_err(|_| AppError::BadRequest {
            code: "unknown-language",
        })?),
    };
    let framework = match params.framework.as_deref() {
        None | Some("") => None,
        Some(id) => Some(library.framework(id).ok_or(AppError::NotFound)?),
    };
    Ok(CardFilter {
        query,
        only,
        framework,
    })
}

impl CardFilter<'_> {
    fn includes(&self, framework: &Framework) -> bool {
        self.framework.is_none_or(|f| f.id == framework.id)
    }
}

/// Every deck.
#[utoipa::path(get, path = "/api/v1/frameworks", tag = "content",
    responses((status = 200, body = FrameworkList)))]
pub async fn list_frameworks(State(state): State<AppState>) -> Json<FrameworkList> {
    Json(FrameworkList {
        frameworks: state.library.frameworks.iter().map(summary).collect(),
    })
}

/// One deck with its domains and their cards, in the deck's order.
#[utoipa::path(get, path = "/api/v1/frameworks/{id}", tag = "content",
    params(("id" = String, Path, description = "framework id")),
    responses(
        (status = 200, body = FrameworkDetail),
        (status = 404, description = "no framework with this id", body = ProblemSchema, content_type = "application/problem+json")
    ))]
pub async fn get_framework(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<FrameworkDetail>, AppError> {
    let framework = state.library.framework(&id).ok_or(AppError::NotFound)?;
    let domains = framework
        .domains
        .iter()
        .map(|domain| DomainDetail {
            id: domain.id.clone(),
            kind: domain.kind.code().to_owned(),
            title: (&domain.title).into(),
            heading: (&domain.heading).into(),
            cards: framework
                .cards_of(&domain.id)
                .map(|c| card_item(framework, c, None))
                .collect(),
        })
        .collect();
    Ok(Json(FrameworkDetail {
        id: framework.id.clone(),
        version: framework.version.clone(),
        fingerprint: framework.fingerprint.clone(),
        title: (&framework.title).into(),
        description: (&framework.description).into(),
        own_cards_per_domain: framework.own_cards_per_domain,
        domains,
    }))
}

/// Indicator cards: all of them, or those matching `q`.
#[utoipa::path(get, path = "/api/v1/cards", tag = "content", params(CardQuery),
    responses(
        (status = 200, body = CardList),
        (status = 400, description = "`q` of more than 12 different words (`query-too-many-terms`), or a query the schema refuses", body = ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "unknown framework", body = ProblemSchema, content_type = "application/problem+json")
    ))]
pub async fn list_cards(
    State(state): State<AppState>,
    Query(params): Query<CardQuery>,
) -> Result<Json<CardList>, AppError> {
    let filter = parse_filter(&state.library, &params)?;
    let cards = match &filter.query {
        Some(query) => search(&state.search, &state.library, query, &filter)
            .iter()
            .filter_map(|hit| match hit.item {
                HitItem::Card(card) => Some(card_item(hit.framework, card, Some(&hit.languages))),
                HitItem::Dialogue(_) => None,
            })
            .collect(),
        None => state
            .library
            .frameworks
            .iter()
            .filter(|f| filter.includes(f))
            .flat_map(|f| f.cards.iter().map(move |c| card_item(f, c, None)))
            .collect(),
    };
    Ok(Json(CardList { cards }))
}

/// Dialogue cards: all of them, or those matching `q`.
#[utoipa::path(get, path = "/api/v1/dialogue-cards", tag = "content", params(CardQuery),
    responses(
        (status = 200, body = DialogueCardList),
        (status = 400, description = "`q` of more than 12 different words (`query-too-many-terms`), or a query the schema refuses", body = ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "unknown framework", body = ProblemSchema, content_type = "application/problem+json")
    ))]
pub async fn list_dialogue_cards(
    State(state): State<AppState>,
    Query(params): Query<CardQuery>,
) -> Result<Json<DialogueCardList>, AppError> {
    let filter = parse_filter(&state.library, &params)?;
    let dialogue_cards = match &filter.query {
        Some(query) => search(&state.search, &state.library, query, &filter)
            .iter()
            .filter_map(|hit| match hit.item {
                HitItem::Dialogue(card) => {
                    Some(dialogue_item(hit.framework, card, Some(&hit.languages)))
                }
                HitItem::Card(_) => None,
            })
            .collect(),
        None => state
            .library
            .frameworks
            .iter()
            .filter(|f| filter.includes(f))
            .flat_map(|f| {
                f.dialogue_cards
                    .iter()
                    .map(move |c| dialogue_item(f, c, None))
            })
            .collect(),
    };
    Ok(Json(DialogueCardList { dialogue_cards }))
}

fn search<'a>(
    index: &SearchIndex,
    library: &'a Library,
    query: &SearchQuery,
    filter: &CardFilter<'_>,
) -> Vec<SearchHit<'a>> {
    let mut hits = index.search(library, query, filter.only);
    hits.retain(|hit| filter.includes(hit.framework));
    hits
}
