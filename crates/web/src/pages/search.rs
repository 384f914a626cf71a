//! Search over every card, both languages, accents ignored.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use leidraad_domain::search::{HitItem, SearchHit, highlight};
use leidraad_domain::{Language, SearchQuery, SearchQueryError, Segment};
use serde::Deserialize;

use super::content::{card_url, dialogue_card_url};
use super::{PageContext, Section, render};
use crate::AppState;
use crate::error::{AppError, OwnErrorBody};
use crate::i18n::Tr;

#[derive(Deserialize)]
pub struct SearchParams {
    q: Option<String>,
}

pub struct ResultView {
    pub url: String,
    /// The domain's title, or "Dialoogkaart".
    pub label: String,
    pub segments: Vec<Segment>,
    /// When the words were found only in the other language, that text, highlighted.
    pub other_segments: Option<Vec<Segment>>,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    page: PageContext,
    searched: bool,
    problem: Option<String>,
    results: Vec<ResultView>,
}

pub async fn get_search(
    State(state): State<AppState>,
    tr: Tr,
    Query(params): Query<SearchParams>,
) -> Result<Response, AppError> {
    let raw = params.q.unwrap_or_default();
    let mut page = PageContext::new(tr, "/zoeken", Section::Search);
    let query = match SearchQuery::parse(&raw) {
        Ok(query) => query,
        Err(SearchQueryError::Empty) => {
            let searched = params_had_query(&raw);
            let problem = searched.then(|| tr.t("search-empty").into_owned());
            return render(&SearchPage {
                page,
                searched: false,
                problem,
                results: Vec::new(),
            });
        }
        Err(error) => {
            // Keep what fits of the query in the box, so the person can shorten it.
            page.query = raw
                .chars()
                .take(leidraad_domain::search::MAX_QUERY_CHARS)
                .collect();
            let problem = Some(tr.t(problem_key(&error)).into_owned());
            let body = render(&SearchPage {
                page,
                searched: false,
                problem,
                results: Vec::new(),
            })?;
            let mut response = (StatusCode::BAD_REQUEST, body).into_response();
            response.extensions_mut().insert(OwnErrorBody);
            return Ok(response);
        }
    };
    page.path = format!("/zoeken?q={}", percent_encode(query.as_str()));
    page.query = query.as_str().to_owned();
    let results = state
        .search
        .search(&state.library, &query, None)
        .iter()
        .map(|hit| result_view(tr, hit, &query))
        .collect();
    render(&SearchPage {
        page,
        searched: true,
        problem: None,
        results,
    })
}

fn params_had_query(raw: &str) -> bool {
    !raw.is_empty()
}

pub fn problem_key(error: &SearchQueryError) -> &'static str {
    match error {
        SearchQueryError::Empty => "search-empty",
        SearchQueryError::TooLong => "problem-query-too-long",
        SearchQueryError::TooManyTerms => "problem-query-too-many-terms",
    }
}

fn result_view(tr: Tr, hit: &SearchHit, query: &SearchQuery) -> ResultView {
    let (url, label, text, other) = match hit.item {
        HitItem::Card(card) => {
            let domain = hit.framework.domain(&card.domain);
            (
                card_url(hit.framework, card),
                domain
                    .map(|d| tr.pick(&d.title).to_owned())
                    .unwrap_or_default(),
                tr.pick(&card.text).to_owned(),
                tr.pick_other(&card.text).to_owned(),
            )
        }
        HitItem::Dialogue(card) => {
            let join = |l: Language| match &card.follow_up {
                Some(f) => format!("{} {}", card.question.get(l), f.get(l)),
                None => card.question.get(l).to_owned(),
            };
            (
                dialogue_card_url(hit.framework, card),
                tr.t("dialogue-card").into_owned(),
                join(tr.lang),
                join(tr.other()),
            )
        }
    };
    let found_here = hit.languages.contains(&tr.lang);
    ResultView {
        url,
        label,
        segments: highlight(&text, query),
        other_segments: (!found_here).then(|| highlight(&other, query)),
    }
}

/// Enough of `application/x-www-form-urlencoded` for a return path.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn return_paths_are_percent_encoded() {
        assert_eq!(
            super::percent_encode("creëer visie&x"),
            "cre%C3%ABer+visie%26x"
        );
    }
}
