//! The route table: every route the app serves, page or API, with its method and who may
//! reach it. The router is built from it and nothing else, and the tests that must walk every
//! route (anonymous callers, isolation between organisations, roles, the privacy of
//! reflections) walk [`table`], so no route can escape them.

use std::collections::BTreeMap;

use axum::Router;
use axum::http::Method;
use axum::middleware::from_fn_with_state;
use axum::routing::MethodRouter;

use crate::AppState;
use crate::page_cache::serve_cached;

/// Who a route is for. The tests hold each route to it: a signed-out caller reaches only
/// [`Reach::Public`] routes, another organisation's member none of the
/// [`Reach::Organisation`] ones, and only its author and whom it is shared with a
/// [`Reach::Reflection`] route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Anyone: the standard, search, sign-in, assets, health.
    Public,
    /// A signed-in person, about themselves: their profile, tokens, data, organisations.
    Personal,
    /// One organisation (`{org}`): its members, as their roles allow.
    Organisation,
    /// One reflection (`{id}`) or one's own reflections: the author, and whom it is shared
    /// with.
    Reflection,
    /// One 360° feedback round (`{id}`) or one's own rounds: its leader, the coach they named
    /// to approve it, and whom they shared its report with.
    Feedback,
    /// A rater's answers, through the token link (`/b/{token}`) and the cookie it leaves, and
    /// a team-scan respondent's (`/s/{token}` shared, `/t/{token}` mailed, then `/vragenlijst`):
    /// no account, only the link. Signed-in or not makes no difference.
    Link,
    /// One's own team scans (`/teamscans`, `/api/v1/scans`): starting, sharing, the estimate,
    /// releasing, the results and their exports; only their owner. Besides, a board member's
    /// own estimate of a scan someone else runs in their organisation (`…/bestuur`,
    /// `…/board-estimate`): only that organisation's board members, never the owner.
    Scan,
    /// One's own live dialogues (`/dialogen`): the facilitator's screen and controls, the
    /// summary, and the dialogues one kept.
    Dialogue,
    /// One's own development plan (`/ontwikkelplan`, `/api/v1/plans`, `/api/v1/plan-themes`),
    /// one's portfolio (`/portfolio`, its PDF, ZIP and JSON)
    /// and the plans shared with one (`/ontwikkelplan/gedeeld/{id}`, `/api/v1/shared-plans`):
    /// the owner, and whom they shared it with by name.
    Plan,
    /// A dialogue participant's screen (`/d/{token}`): whoever joined with the code holds the
    /// token; no account, and no session is looked at.
    Participant,
}

/// One row of the table.
pub struct Route {
    pub method: Method,
    pub path: &'static str,
    pub reach: Reach,
    /// Depends only on the content and the language: rendered once, then served from memory.
    pub cached: bool,
    pub handler: MethodRouter<AppState>,
}

/// Rows of one reach, from a module's `(method, path, handler)` list.
pub fn rows(
    reach: Reach,
    list: Vec<(Method, &'static str, MethodRouter<AppState>)>,
) -> impl Iterator<Item = Route> {
    list.into_iter().map(move |(method, path, handler)| Route {
        method,
        path,
        reach,
        cached: false,
        handler,
    })
}

/// Rows served from the page cache.
pub fn cached_rows(
    list: Vec<(Method, &'static str, MethodRouter<AppState>)>,
) -> impl Iterator<Item = Route> {
    rows(Reach::Public, list).map(|route| Route {
        cached: true,
        ..route
    })
}

/// Every route of the app.
pub fn table() -> Vec<Route> {
    crate::pages::routes()
        .into_iter()
        .chain(crate::api::routes())
        .chain(rows(Reach::Public, crate::assets::routes()))
        .chain(rows(Reach::Public, crate::health_routes()))
        .collect()
}

/// The router with every row of [`table`]; rows for the same path become one route.
pub fn router(state: &AppState) -> Router<AppState> {
    let mut by_path: BTreeMap<&'static str, MethodRouter<AppState>> = BTreeMap::new();
    for route in table() {
        let handler = if route.cached {
            route
                .handler
                .route_layer(from_fn_with_state(state.pages.clone(), serve_cached))
        } else {
            route.handler
        };
        let merged = match by_path.remove(route.path) {
            Some(existing) => existing.merge(handler),
            None => handler,
        };
        by_path.insert(route.path, merged);
    }
    by_path
        .into_iter()
        .fold(Router::new(), |router, (path, handler)| {
            router.route(path, handler)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_plan_api(path: &str) -> bool {
        [
            "/api/v1/plans",
            "/api/v1/plan-themes",
            "/api/v1/shared-plans",
            "/api/v1/portfolio",
        ]
        .iter()
        .any(|prefix| path.starts_with(prefix))
    }

    #[test]
    fn every_method_and_path_is_in_the_table_once() {
        let mut seen = std::collections::HashSet::new();
        for route in table() {
            assert!(
                seen.insert((route.method.clone(), route.path)),
                "{} {} twice",
                route.method,
                route.path
            );
        }
    }

    #[test]
    fn a_routes_reach_matches_the_ids_in_its_path() {
        for route in table() {
            let path = route.path;
            let expected = if path.contains("{org}") {
                Reach::Organisation
            } else if path.starts_with("/reflecties") || path.starts_with("/api/v1/reflections") {
                Reach::Reflection
            } else if path.starts_with("/feedback") || path.starts_with("/api/v1/feedback") {
                Reach::Feedback
            } else if crate::rater_link::is_link_path(path) {
                Reach::Link
            } else if path.starts_with("/teamscans") || path.starts_with("/api/v1/scans") {
                Reach::Scan
            } else if path.starts_with("/ontwikkelplan")
                || path.starts_with("/portfolio")
                || is_plan_api(path)
            {
                Reach::Plan
            } else if path.starts_with("/dialogen") {
                Reach::Dialogue
            } else if crate::pages::dialogue::is_participant_path(path) {
                Reach::Participant
            } else if path.starts_with("/account")
                || path == "/mijn-leidraad"
                || path.starts_with("/api/v1/me")
                || path.starts_with("/logboek")
                || path.starts_with("/api/v1/learning-log")
                || path == "/organisaties"
                || path == "/uitloggen"
                || path == "/api/v1/organisations"
            {
                Reach::Personal
            } else {
                Reach::Public
            };
            assert_eq!(route.reach, expected, "{} {path}", route.method);
        }
    }
}
