//! Static files, embedded in the binary. Their URLs carry a fingerprint of their content, so
//! browsers may cache them for a year and still never see a stale file after an upgrade.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::Method;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use axum::routing::get;
use leidraad_domain::fingerprint::fingerprint;

use crate::AppState;

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static str,
    url: String,
}

fn asset(name: &'static str, content_type: &'static str, body: &'static str) -> Asset {
    let version = &fingerprint([body])[..10];
    Asset {
        name,
        content_type,
        body,
        url: format!("/static/{version}/{name}"),
    }
}

static ASSETS: LazyLock<[Asset; 2]> = LazyLock::new(|| {
    [
        asset(
            "app.css",
            "text/css; charset=utf-8",
            // One file for the browser, written in parts by what they style; later parts
            // may refine earlier ones.
            concat!(
                include_str!("../static/css/base.css"),
                include_str!("../static/css/content.css"),
                include_str!("../static/css/accounts.css"),
                include_str!("../static/css/start.css"),
                include_str!("../static/css/reflection.css"),
                include_str!("../static/css/results.css"),
                include_str!("../static/css/feedback.css"),
                include_str!("../static/css/rater.css"),
                include_str!("../static/css/report.css"),
                include_str!("../static/css/dialogue.css"),
                include_str!("../static/css/scan.css"),
                include_str!("../static/css/plan.css"),
                include_str!("../static/css/log.css"),
            ),
        ),
        asset(
            "app.js",
            "text/javascript; charset=utf-8",
            concat!(
                include_str!("../static/js/base.js"),
                include_str!("../static/js/reflection.js"),
                include_str!("../static/js/board.js"),
                include_str!("../static/js/rating.js"),
                include_str!("../static/js/dialogue.js"),
            ),
        ),
    ]
});

pub fn css_url() -> &'static str {
    &ASSETS[0].url
}

pub fn js_url() -> &'static str {
    &ASSETS[1].url
}

pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    vec![(Method::GET, "/static/{version}/{name}", get(get_asset))]
}

async fn get_asset(Path((version, name)): Path<(String, String)>) -> Response {
    let Some(asset) = ASSETS.iter().find(|a| a.name == name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // An old version's URL still gets today's file, but not for a year.
    let cache = if asset.url.ends_with(&format!("{version}/{name}")) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut response = asset.body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}
