//! Browser tests: the real app in headless Chromium, driven through chromedriver.
//!
//! Off unless `LEIDRAAD_BROWSER_TESTS=1`; with it set, a missing chromedriver, Chromium or
//! axe-core fails the test instead of skipping it. `.ci/install-browser-deps` installs them.
//! `CHROMEDRIVER`, `CHROMIUM` and `AXE_CORE_JS` override where they are looked for.
//!
//! Every test starts its own chromedriver on a free port with a fresh Chromium profile, so the
//! tests run in parallel without sharing cookies. The browser is spoken to with the W3C
//! WebDriver protocol (plain JSON over HTTP) through `reqwest`: fantoccini, built without its
//! TLS features, has no connector a test can hand it unless `hyper-util` is a dependency too.

mod accounts;
mod content;
pub(crate) mod dialogue;
mod driver;
mod feedback;
mod learning_log;
pub mod phone;
mod plan;
mod reflection;
mod results;
mod sorting;
mod space_scan;

use std::path::{Path, PathBuf};

use serde_json::json;

pub use crate::helpers::{FRAMEWORK, spawn_app};
pub use driver::*;

/// Clicks the language switch and waits for the page to come back in `language`.
pub async fn switch_language(browser: &Browser, language: &str) {
    let button = browser.find(".language-switch button[name=lang]").await;
    browser.click(&button).await;
    browser
        .wait_for(&format!("document.documentElement.lang === '{language}'"))
        .await;
}

pub fn axe_source() -> String {
    let path = std::env::var_os("AXE_CORE_JS").map_or_else(
        || {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../target/npm/node_modules/axe-core/axe.min.js")
        },
        PathBuf::from,
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core not readable at {} ({e}; set AXE_CORE_JS to override): run .ci/install-browser-deps",
            path.display()
        )
    })
}

pub const RUN_AXE: &str = "const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] })
  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.length, target: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
    summary: v.nodes.length ? v.nodes[0].failureSummary : null }))))
  .catch(e => done({ error: String(e) }));";

/// Types into the fields named in `fields` (by CSS selector) and submits with `submit`.
pub async fn fill_and_submit(browser: &Browser, fields: &[(&str, &str)], submit: &str) {
    for (selector, text) in fields {
        let field = browser.find(selector).await;
        browser.send_keys(&field, text).await;
    }
    let button = browser.find(submit).await;
    browser.click(&button).await;
}

pub async fn sign_in(
    browser: &Browser,
    app: &crate::helpers::TestApp,
    email: &str,
    password: &str,
) {
    browser.goto(&app.url("/inloggen")).await;
    fill_and_submit(
        browser,
        &[("#email", email), ("#password", password)],
        "main form button[type=submit]",
    )
    .await;
    browser.wait_for("location.pathname !== '/inloggen'").await;
}

/// Runs axe on `url`; returns the serious and critical violations, printing all.
pub async fn axe_violations(
    browser: &Browser,
    axe: &str,
    url: &str,
    language: &str,
) -> Vec<String> {
    browser.goto(url).await;
    axe_on_screen(browser, axe, &format!("{url} ({language})")).await
}

/// Runs axe on the page on screen, without loading it again (a page a script has changed);
/// `what` names it in the report.
pub async fn axe_on_screen(browser: &Browser, axe: &str, what: &str) -> Vec<String> {
    browser.execute(axe).await;
    let violations = browser.execute_async(RUN_AXE).await;
    if let Some(error) = violations.get("error") {
        panic!("axe failed on {what}: {error}");
    }
    let mut serious = Vec::new();
    for v in violations.as_array().expect("a list of violations") {
        let line = format!(
            "[{}] {} on {what}: {} — e.g. {}",
            v["impact"].as_str().unwrap_or("?"),
            v["id"].as_str().unwrap_or("?"),
            v["help"].as_str().unwrap_or("?"),
            v["target"]
        );
        eprintln!("  {line}");
        if matches!(v["impact"].as_str(), Some("serious" | "critical")) {
            serious.push(line);
        }
    }
    serious
}
