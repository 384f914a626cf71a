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

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{FRAMEWORK, spawn_app};

/// The W3C name under which WebDriver hands out element references.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const WAIT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);

/// Whether to run; says once per test why not.
fn enabled() -> bool {
    if std::env::var("LEIDRAAD_BROWSER_TESTS").as_deref() == Ok("1") {
        return true;
    }
    eprintln!("skipped: set LEIDRAAD_BROWSER_TESTS=1 (see .ci/install-browser-deps)");
    false
}

/// A program the tests need: `default`, or what `variable` says. Fails when it is not there.
fn required_file(variable: &str, default: &str, what: &str) -> PathBuf {
    let path = std::env::var_os(variable).map_or_else(|| PathBuf::from(default), PathBuf::from);
    assert!(
        path.is_file(),
        "{what} not found at {} (set {variable} to override): run .ci/install-browser-deps",
        path.display()
    );
    path
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// A reference to an element on the current page.
struct Element(String);

/// One chromedriver with one Chromium session. `close` ends both; dropping it (also when a
/// test panics) ends the session, stops chromedriver and removes the temporary profile.
struct Browser {
    http: reqwest::Client,
    driver_address: SocketAddr,
    session: Option<String>,
    driver: Child,
    scratch: PathBuf,
}

impl Browser {
    async fn start() -> Browser {
        let chromedriver = required_file("CHROMEDRIVER", "/usr/bin/chromedriver", "chromedriver");
        let chromium = required_file("CHROMIUM", "/usr/bin/chromium", "Chromium");
        let port = free_port();
        let scratch = std::env::temp_dir().join(format!(
            "leidraad-browser-{}-{port}-{:08x}",
            std::process::id(),
            fastrand::u32(..)
        ));
        let profile = scratch.join("profile");
        std::fs::create_dir_all(&profile).expect("create a temporary Chromium profile");
        let log =
            std::fs::File::create(scratch.join("chromedriver.log")).expect("chromedriver log");
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("chromedriver log"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", chromedriver.display()));
        // From here on, Drop cleans up whatever goes wrong.
        let mut browser = Browser {
            http: reqwest::Client::new(),
            driver_address: SocketAddr::from(([127, 0, 0, 1], port)),
            session: None,
            driver,
            scratch,
        };
        browser.wait_until_driver_listens();

        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "timeouts": { "script": 30_000, "pageLoad": 30_000, "implicit": 0 },
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    format!("--user-data-dir={}", profile.display()),
                    "--window-size=1280,900",
                    "--lang=nl-NL",
                ],
                // Like a Dutch visitor's browser: the app starts in Dutch.
                "prefs": { "intl.accept_languages": "nl-NL,nl" },
            },
        }}});
        let response = browser
            .http
            .post(format!("http://{}/session", browser.driver_address))
            .json(&capabilities)
            .send()
            .await
            .expect("ask chromedriver for a session");
        let status = response.status();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        let Some(session) = body["value"]["sessionId"].as_str() else {
            panic!(
                "chromedriver started no Chromium session ({status}): {}\nchromedriver log:\n{}",
                body["value"],
                browser.driver_log()
            );
        };
        browser.session = Some(session.to_owned());
        browser
    }

    /// Polls until chromedriver accepts connections (it takes ~0.1 s), at most 15 s.
    fn wait_until_driver_listens(&mut self) {
        let started = Instant::now();
        loop {
            if let Ok(Some(status)) = self.driver.try_wait() {
                panic!(
                    "chromedriver exited ({status}) before it listened:\n{}",
                    self.driver_log()
                );
            }
            if TcpStream::connect_timeout(&self.driver_address, Duration::from_millis(200)).is_ok()
            {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "chromedriver did not listen on {} within 15 s:\n{}",
                self.driver_address,
                self.driver_log()
            );
            std::thread::sleep(POLL);
        }
    }

    fn driver_log(&self) -> String {
        std::fs::read_to_string(self.scratch.join("chromedriver.log")).unwrap_or_default()
    }

    /// One WebDriver command on this session; the `value` of the answer, or what went wrong.
    async fn try_command(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, String> {
        let session = self.session.as_deref().expect("an open session");
        let url = format!("http://{}/session/{session}{path}", self.driver_address);
        let mut request = self.http.request(method.clone(), url);
        if method == Method::POST {
            request = request.json(&body.unwrap_or_else(|| json!({})));
        }
        let response = request
            .send()
            .await
            .map_err(|e| format!("{method} {path}: {e}"))?;
        let status = response.status();
        let answer: Value = response
            .json()
            .await
            .map_err(|e| format!("{method} {path}: {status}, no JSON: {e}"))?;
        if status.is_success() {
            Ok(answer["value"].clone())
        } else {
            Err(format!(
                "{method} {path}: {status} {}: {}",
                answer["value"]["error"], answer["value"]["message"]
            ))
        }
    }

    async fn command(&self, method: Method, path: &str, body: Option<Value>) -> Value {
        self.try_command(method, path, body)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    async fn goto(&self, url: &str) {
        self.command(Method::POST, "/url", Some(json!({ "url": url })))
            .await;
    }

    /// Path and query of the page on screen.
    async fn location(&self) -> String {
        let url = self.command(Method::GET, "/url", None).await;
        let url = reqwest::Url::parse(url.as_str().expect("a URL")).expect("a valid URL");
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    async fn find_all(&self, css: &str) -> Vec<Element> {
        let found = self
            .command(
                Method::POST,
                "/elements",
                Some(json!({ "using": "css selector", "value": css })),
            )
            .await;
        found
            .as_array()
            .expect("a list of elements")
            .iter()
            .map(|e| Element(e[ELEMENT].as_str().expect("an element id").to_owned()))
            .collect()
    }

    async fn find(&self, css: &str) -> Element {
        let mut found = self.find_all(css).await;
        assert!(!found.is_empty(), "no `{css}` on {}", self.location().await);
        found.swap_remove(0)
    }

    async fn click(&self, element: &Element) {
        // The stylesheet scrolls smoothly, and WebDriver would click where the element is
        // still on its way to: bring it into view at once first.
        self.command(
            Method::POST,
            "/execute/sync",
            Some(json!({
                "script": "arguments[0].scrollIntoView({ block: 'center', behavior: 'instant' });",
                "args": [{ ELEMENT: element.0 }],
            })),
        )
        .await;
        self.command(Method::POST, &format!("/element/{}/click", element.0), None)
            .await;
    }

    async fn send_keys(&self, element: &Element, text: &str) {
        self.command(
            Method::POST,
            &format!("/element/{}/value", element.0),
            Some(json!({ "text": text })),
        )
        .await;
    }

    /// The element's text as rendered.
    async fn text(&self, element: &Element) -> String {
        let text = self
            .command(Method::GET, &format!("/element/{}/text", element.0), None)
            .await;
        text.as_str().expect("text").trim().to_owned()
    }

    /// Presses and releases each key in turn, wherever the focus is.
    async fn press(&self, keys: &[&str]) {
        let actions: Vec<Value> = keys
            .iter()
            .flat_map(|key| {
                [
                    json!({ "type": "keyDown", "value": key }),
                    json!({ "type": "keyUp", "value": key }),
                ]
            })
            .collect();
        self.command(
            Method::POST,
            "/actions",
            Some(json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] })),
        )
        .await;
    }

    /// Runs `script` as the body of a function in the page and returns what it returns.
    async fn execute(&self, script: &str) -> Value {
        self.command(
            Method::POST,
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
        .await
    }

    /// Like `execute`, but the script reports by calling its last argument.
    async fn execute_async(&self, script: &str) -> Value {
        self.command(
            Method::POST,
            "/execute/async",
            Some(json!({ "script": script, "args": [] })),
        )
        .await
    }

    /// Waits until the JavaScript expression `condition` holds on the page on screen; a page
    /// that is still loading counts as not yet.
    async fn wait_for(&self, condition: &str) {
        let script = format!("return Boolean({condition});");
        let started = Instant::now();
        loop {
            let holds = self
                .try_command(
                    Method::POST,
                    "/execute/sync",
                    Some(json!({ "script": script, "args": [] })),
                )
                .await;
            if holds == Ok(Value::Bool(true)) {
                return;
            }
            if started.elapsed() > WAIT {
                panic!(
                    "`{condition}` did not come true within {WAIT:?} on {} (last: {holds:?})",
                    self.location().await
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    async fn set_window_size(&self, width: u32, height: u32) {
        self.command(
            Method::POST,
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        )
        .await;
    }

    /// Ends the session (Chromium quits), then Drop stops chromedriver and cleans up.
    async fn close(mut self) {
        if self.session.is_some() {
            let ended = self.try_command(Method::DELETE, "", None).await;
            if let Err(e) = ended {
                eprintln!("closing the browser: {e}");
            }
            self.session = None;
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(session) = self.session.take() {
            // Not closed (a test failed): end the session without async, so Chromium quits.
            if let Ok(mut stream) = TcpStream::connect(self.driver_address) {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
                let request = format!(
                    "DELETE /session/{session} HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    self.driver_address
                );
                if stream.write_all(request.as_bytes()).is_ok() {
                    let _ = stream.read_to_end(&mut Vec::new());
                }
            }
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        // Chromium's helpers may still be letting go of the profile for a moment.
        for _ in 0..40 {
            if std::fs::remove_dir_all(&self.scratch).is_ok() || !self.scratch.exists() {
                return;
            }
            std::thread::sleep(POLL);
        }
        eprintln!("could not remove {}", self.scratch.display());
    }
}

/// Clicks the language switch and waits for the page to come back in `language`.
async fn switch_language(browser: &Browser, language: &str) {
    let button = browser.find(".language-switch button[name=lang]").await;
    browser.click(&button).await;
    browser
        .wait_for(&format!("document.documentElement.lang === '{language}'"))
        .await;
}

fn axe_source() -> String {
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

const RUN_AXE: &str = "const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] })
  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.length, target: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
    summary: v.nodes.length ? v.nodes[0].failureSummary : null }))))
  .catch(e => done({ error: String(e) }));";

#[tokio::test]
async fn a_visitor_opens_the_standard_and_follows_a_card() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let browser = Browser::start().await;
    browser.goto(&app.url("/standaard")).await;
    assert_eq!(browser.find_all("section.domain").await.len(), 9);
    let links = browser.find_all("section.domain a.card-link").await;
    assert_eq!(links.len(), 80);

    // A card far down the page, so the click has to scroll to it.
    let wanted = browser
        .execute(
            "const a = document.querySelectorAll('section.domain a.card-link')[60];
             return [a.getAttribute('href'), a.querySelector('.card-link__text').textContent];",
        )
        .await;
    let (href, text) = (
        wanted[0].as_str().unwrap().to_owned(),
        wanted[1].as_str().unwrap().to_owned(),
    );
    assert!(
        href.starts_with(&format!("/kaders/{FRAMEWORK}/kaarten/")),
        "{href}"
    );
    browser.click(&links[60]).await;
    browser
        .wait_for(&format!("location.pathname === '{href}'"))
        .await;
    let heading = browser.find("h1#card-text").await;
    assert_eq!(browser.text(&heading).await, text.trim());
    assert_eq!(browser.find_all(".breadcrumbs").await.len(), 1);

    browser.close().await;
    app.stop().await;
}

#[tokio::test]
async fn the_language_switch_reloads_the_page_in_english_and_is_remembered() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let browser = Browser::start().await;
    browser.goto(&app.url("/standaard")).await;
    assert_eq!(
        browser
            .execute("return document.documentElement.lang")
            .await,
        "nl",
        "a Dutch browser gets Dutch"
    );
    let body = browser.find("body").await;
    assert!(
        browser
            .text(&body)
            .await
            .contains("Ik gebruik gezamenlijke waarden als basis")
    );

    switch_language(&browser, "en").await;
    assert_eq!(
        browser.location().await,
        "/standaard",
        "back on the same page"
    );
    let body = browser.find("body").await;
    let text = browser.text(&body).await;
    assert!(text.contains("I use shared values"), "{text}");
    assert!(!text.contains("Ik gebruik gezamenlijke waarden"), "{text}");

    let nav_link = browser.find(".site-nav a[href='/dialoogkaarten']").await;
    browser.click(&nav_link).await;
    browser
        .wait_for("location.pathname === '/dialoogkaarten'")
        .await;
    assert_eq!(
        browser
            .execute("return document.documentElement.lang")
            .await,
        "en",
        "the choice is remembered on the next page"
    );
    let heading = browser.find("h1").await;
    assert_eq!(browser.text(&heading).await, "Dialogue cards");

    switch_language(&browser, "nl").await;
    assert_eq!(browser.location().await, "/dialoogkaarten");
    let heading = browser.find("h1").await;
    assert_eq!(browser.text(&heading).await, "Dialoogkaarten");

    browser.close().await;
    app.stop().await;
}

#[tokio::test]
async fn drawing_a_dialogue_card_shows_a_question_and_drawing_again_another() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let browser = Browser::start().await;
    browser.goto(&app.url("/dialoogkaarten")).await;
    let dialogue_page = format!(
        "/^\\/kaders\\/{FRAMEWORK}\\/dialoogkaarten\\/dialoog-\\d\\d$/.test(location.pathname)"
    );

    let draw = browser.find("#draw-card").await;
    browser.click(&draw).await;
    browser.wait_for(&dialogue_page).await;
    let first = browser.location().await;
    let question = browser.find("#dialogue-question").await;
    let first_question = browser.text(&question).await;
    assert!(first_question.len() > 10, "a question: {first_question:?}");

    let draw = browser.find("#draw-card").await;
    browser.click(&draw).await;
    browser
        .wait_for(&format!(
            "{dialogue_page} && location.pathname !== '{first}'"
        ))
        .await;
    let question = browser.find("#dialogue-question").await;
    let second_question = browser.text(&question).await;
    assert!(!second_question.is_empty());
    assert_ne!(second_question, first_question, "another card");

    browser.close().await;
    app.stop().await;
}

#[tokio::test]
async fn the_first_tab_reaches_the_skip_link_which_jumps_to_the_content() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let browser = Browser::start().await;
    browser.goto(&app.url("/")).await;
    browser.press(&[TAB]).await;
    let focused = browser
        .execute("const e = document.activeElement; return [e.tagName, e.className, e.getAttribute('href')];")
        .await;
    assert_eq!(
        focused,
        json!(["A", "skip-link", "#main"]),
        "the first Tab lands on the skip link"
    );
    let visible = browser
        .execute("const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight && r.width > 1;")
        .await;
    assert_eq!(
        visible.as_bool(),
        Some(true),
        "the focused skip link is on screen"
    );

    browser.press(&[ENTER]).await;
    browser
        .wait_for("document.activeElement.id === 'main' || location.hash === '#main'")
        .await;
    let (focus, hash) = (
        browser.execute("return document.activeElement.id").await,
        browser.execute("return location.hash").await,
    );
    eprintln!("after the skip link: focus on #{focus}, location hash {hash}");

    browser.close().await;
    app.stop().await;
}

#[tokio::test]
async fn searching_from_the_header_marks_the_accented_word() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let browser = Browser::start().await;
    browser.goto(&app.url("/")).await;
    let search = browser.find("#site-search").await;
    browser.send_keys(&search, "creeer").await;
    browser.send_keys(&search, ENTER).await;
    browser
        .wait_for("location.pathname === '/zoeken' && document.querySelector('main h1') !== null")
        .await;
    assert_eq!(browser.location().await, "/zoeken?q=creeer");
    let marks = browser
        .execute("return [...document.querySelectorAll('mark')].map(m => m.textContent);")
        .await;
    let marks: Vec<String> = marks
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap().to_lowercase())
        .collect();
    assert!(marks.iter().any(|m| m == "creëer"), "marks: {marks:?}");

    browser.close().await;
    app.stop().await;
}

#[tokio::test]
async fn the_pages_have_no_serious_accessibility_violations_in_either_language() {
    if !enabled() {
        return;
    }
    let axe = axe_source();
    let app = spawn_app().await;
    let browser = Browser::start().await;
    let pages = [
        "/".to_owned(),
        "/standaard".to_owned(),
        format!("/kaders/{FRAMEWORK}/kaarten/visie-01"),
        "/dialoogkaarten".to_owned(),
        format!("/kaders/{FRAMEWORK}/dialoogkaarten/dialoog-07"),
        "/zoeken?q=visie".to_owned(),
        "/afdrukken".to_owned(),
        "/kaders".to_owned(),
        "/bestaat-niet".to_owned(),
    ];
    let mut serious = Vec::new();
    let mut total = 0;
    for language in ["nl", "en"] {
        browser.goto(&app.url("/")).await;
        let current = browser
            .execute("return document.documentElement.lang")
            .await;
        if current != language {
            switch_language(&browser, language).await;
        }
        for page in &pages {
            browser.goto(&app.url(page)).await;
            assert_eq!(
                browser
                    .execute("return document.documentElement.lang")
                    .await,
                language,
                "{page}"
            );
            browser.execute(&axe).await;
            let violations = browser.execute_async(RUN_AXE).await;
            if let Some(error) = violations.get("error") {
                panic!("axe failed on {page} ({language}): {error}");
            }
            let violations = violations.as_array().expect("a list of violations");
            total += violations.len();
            eprintln!("axe {language} {page}: {} violation(s)", violations.len());
            for v in violations {
                let line = format!(
                    "[{}] {} on {page} ({language}): {} — {} node(s), e.g. {}",
                    v["impact"].as_str().unwrap_or("?"),
                    v["id"].as_str().unwrap_or("?"),
                    v["help"].as_str().unwrap_or("?"),
                    v["nodes"],
                    v["target"]
                );
                eprintln!("  {line}");
                if let Some(summary) = v["summary"].as_str() {
                    eprintln!(
                        "    first node: {}",
                        summary.split_whitespace().collect::<Vec<_>>().join(" ")
                    );
                }
                if matches!(v["impact"].as_str(), Some("serious" | "critical")) {
                    serious.push(line);
                }
            }
        }
    }
    eprintln!(
        "axe: {total} violation(s) on {} page views",
        pages.len() * 2
    );
    browser.close().await;
    app.stop().await;
    assert!(
        serious.is_empty(),
        "serious or critical accessibility violations:\n{}",
        serious.join("\n")
    );
}

#[tokio::test]
async fn on_a_phone_the_pages_do_not_scroll_sideways() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let browser = Browser::start().await;
    browser.set_window_size(390, 844).await;
    for page in [
        "/standaard".to_owned(),
        format!("/kaders/{FRAMEWORK}/kaarten/visie-01"),
    ] {
        browser.goto(&app.url(&page)).await;
        let sizes = browser
            .execute(
                "return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
                  wide: [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                      + ' (right ' + Math.round(e.getBoundingClientRect().right) + ')') };",
            )
            .await;
        let (scroll, inner) = (
            sizes["scroll"].as_u64().unwrap(),
            sizes["inner"].as_u64().unwrap(),
        );
        assert!(
            inner <= 400,
            "the window is phone-sized, not {inner} px wide"
        );
        assert!(
            scroll <= inner + 1,
            "{page} is {scroll} px wide in a {inner} px window; too wide: {}",
            sizes["wide"]
        );
    }
    browser.close().await;
    app.stop().await;
}

/// Types into the fields named in `fields` (by CSS selector) and submits with `submit`.
async fn fill_and_submit(browser: &Browser, fields: &[(&str, &str)], submit: &str) {
    for (selector, text) in fields {
        let field = browser.find(selector).await;
        browser.send_keys(&field, text).await;
    }
    let button = browser.find(submit).await;
    browser.click(&button).await;
}

async fn sign_in(browser: &Browser, app: &crate::helpers::TestApp, email: &str, password: &str) {
    browser.goto(&app.url("/inloggen")).await;
    fill_and_submit(
        browser,
        &[("#email", email), ("#password", password)],
        "main form button[type=submit]",
    )
    .await;
    browser.wait_for("location.pathname !== '/inloggen'").await;
}

#[tokio::test]
async fn an_invitee_accepts_the_invitation_sets_a_password_and_signs_in() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let world = crate::accounts::world(&app).await;
    let browser = Browser::start().await;
    sign_in(&browser, &app, "admin@a.example", crate::accounts::PASSWORD).await;
    browser
        .goto(&app.url(&format!("/organisaties/{}", world.org_a)))
        .await;
    fill_and_submit(
        &browser,
        &[("#invite-email", "nieuwe.collega@a.example")],
        "#h-invitations ~ form button[type=submit]",
    )
    .await;
    browser
        .wait_for("!!document.getElementById('invitation-link')")
        .await;
    let link = browser.text(&browser.find("#invitation-link").await).await;
    assert!(link.contains("/uitnodiging/"), "{link}");
    let sign_out = browser.find(".account-nav button").await;
    browser.click(&sign_out).await;
    browser.wait_for("location.pathname === '/inloggen'").await;

    browser.goto(&link).await;
    let password = "een lange zin als wachtwoord";
    fill_and_submit(
        &browser,
        &[
            ("#name", "Nina Nieuw"),
            ("#password", password),
            ("#password_again", password),
        ],
        "main form button[type=submit]",
    )
    .await;
    browser
        .wait_for(&format!(
            "location.pathname === '/organisaties/{}'",
            world.org_a
        ))
        .await;
    let nav = browser.text(&browser.find(".account-nav").await).await;
    assert!(nav.contains("Nina Nieuw"), "{nav}");

    let sign_out = browser.find(".account-nav button").await;
    browser.click(&sign_out).await;
    browser.wait_for("location.pathname === '/inloggen'").await;
    sign_in(&browser, &app, "nieuwe.collega@a.example", password).await;
    browser.goto(&app.url("/profiel")).await;
    let heading = browser.text(&browser.find("h1").await).await;
    assert_eq!(heading, "Uw profiel");
    browser.close().await;
    app.stop().await;
}

#[tokio::test]
async fn the_account_pages_have_no_serious_accessibility_violations() {
    if !enabled() {
        return;
    }
    let axe = axe_source();
    let app = spawn_app().await;
    let world = crate::accounts::world(&app).await;
    let browser = Browser::start().await;
    let open_invitation = {
        let admin = crate::accounts::Browser::signed_in(&app, "admin@a.example").await;
        let html = admin
            .post(
                &format!("/organisaties/{}/uitnodigingen", world.org_a),
                &[("email", "axe@a.example"), ("role", "staff")],
            )
            .await
            .text()
            .await
            .unwrap();
        crate::accounts::link_in(&html, "/uitnodiging/")
    };
    let signed_out = vec![
        "/inloggen".to_owned(),
        "/wachtwoord-vergeten".to_owned(),
        open_invitation,
    ];
    let org = world.org_a;
    let signed_in = vec![
        "/profiel".to_owned(),
        "/organisaties".to_owned(),
        format!("/organisaties/{org}"),
        format!("/organisaties/{org}/leden/{}", world.people["staff"].1),
        format!("/organisaties/{org}/logboek"),
        format!("/organisaties/{org}/postvak-uit"),
    ];
    let mut serious = Vec::new();
    for language in ["nl", "en"] {
        browser.goto(&app.url("/inloggen")).await;
        if browser
            .execute("return document.documentElement.lang")
            .await
            != language
        {
            switch_language(&browser, language).await;
        }
        for page in &signed_out {
            serious.extend(axe_violations(&browser, &axe, &app.url(page), language).await);
        }
        sign_in(&browser, &app, "admin@a.example", crate::accounts::PASSWORD).await;
        for page in &signed_in {
            serious.extend(axe_violations(&browser, &axe, &app.url(page), language).await);
        }
        let sign_out = browser.find(".account-nav button").await;
        browser.click(&sign_out).await;
        browser.wait_for("location.pathname === '/inloggen'").await;
    }
    browser.close().await;
    app.stop().await;
    assert!(
        serious.is_empty(),
        "serious or critical violations:\n{}",
        serious.join("\n")
    );
}

/// Runs axe on `url`; returns the serious and critical violations, printing all.
async fn axe_violations(browser: &Browser, axe: &str, url: &str, language: &str) -> Vec<String> {
    browser.goto(url).await;
    browser.execute(axe).await;
    let violations = browser.execute_async(RUN_AXE).await;
    if let Some(error) = violations.get("error") {
        panic!("axe failed on {url}: {error}");
    }
    let mut serious = Vec::new();
    for v in violations.as_array().expect("a list of violations") {
        let line = format!(
            "[{}] {} on {url} ({language}): {} — e.g. {}",
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

/// An earlier, finished reflection of `person` on the whole standard, for the comparison.
async fn earlier_reflection(
    app: &crate::helpers::TestApp,
    person: leidraad_domain::accounts::PersonId,
    organisation: leidraad_domain::accounts::OrganisationId,
) -> i64 {
    use leidraad_store::reflections::{AnswerFields, AnswerUpdate, NewReflection};
    let library = leidraad_domain::load_library(&leidraad_web::embedded_content()).unwrap();
    let framework = library.default_framework().unwrap();
    let domains: Vec<String> = framework.domains.iter().map(|d| d.id.clone()).collect();
    let at = app.clock.now() - 365 * 86_400;
    let id = app
        .store
        .create_reflection(NewReflection {
            person,
            organisation: Some(organisation),
            framework_id: &framework.id,
            content_fingerprint: &framework.fingerprint,
            domains: &domains,
            now: at,
            prefill_from: None,
        })
        .await
        .unwrap()
        .unwrap();
    for card in &framework.cards {
        let update = AnswerUpdate {
            card_id: &card.id,
            pile: Some(leidraad_domain::reflection::Pile::NotYet),
            note: "",
            evidence: "",
            starred: false,
            fields: AnswerFields::ALL,
        };
        app.store.save_answer(person, id, update, at).await.unwrap();
    }
    app.store
        .finish_reflection(person, id, at + 60)
        .await
        .unwrap();
    id
}

#[tokio::test]
async fn a_leader_sorts_all_80_cards_by_keyboard_reloads_halfway_and_reads_the_profile() {
    if !enabled() {
        return;
    }
    let axe = axe_source();
    let app = spawn_app().await;
    let world = crate::accounts::world(&app).await;
    let leader = world.people["school-leader"].1;
    let earlier = earlier_reflection(&app, leader, world.org_a).await;
    let browser = Browser::start().await;
    sign_in(
        &browser,
        &app,
        "school-leader@a.example",
        crate::accounts::PASSWORD,
    )
    .await;
    browser.goto(&app.url("/reflecties")).await;
    let mut serious = axe_violations(&browser, &axe, &app.url("/reflecties"), "nl").await;
    let start = browser.find("#h-start ~ form button[type=submit]").await;
    browser.click(&start).await;
    browser
        .wait_for("location.pathname.endsWith('/sorteren')")
        .await;
    let id: i64 = browser
        .execute("return location.pathname.split('/')[2]")
        .await
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let sort_url = app.url(&format!("/reflecties/{id}/sorteren"));
    serious.extend(axe_violations(&browser, &axe, &sort_url, "nl").await);
    let list_url = app.url(&format!("/reflecties/{id}/lijst"));
    serious.extend(axe_violations(&browser, &axe, &list_url, "nl").await);
    browser.goto(&sort_url).await;

    for n in 1..=80 {
        browser
            .wait_for(&format!(
                "document.getElementById('progress') && document.getElementById('progress').textContent.startsWith('Kaart {n} ')"
            ))
            .await;
        if n == 41 {
            // Halfway: the browser reloads and comes back exactly here, nothing lost.
            browser
                .goto(&app.url(&format!("/reflecties/{id}/sorteren")))
                .await;
            browser
                .wait_for("document.getElementById('progress').textContent.startsWith('Kaart 41 ')")
                .await;
            assert_eq!(app.store.answers(id).await.unwrap().len(), 40);
        }
        let key = ["1", "2", "3", "4"][n % 4];
        browser.press(&[key]).await;
    }
    browser
        .wait_for(&format!("location.pathname === '/reflecties/{id}'"))
        .await;
    let answers = app.store.answers(id).await.unwrap();
    assert_eq!(answers.iter().filter(|a| a.pile.is_some()).count(), 80);

    let finish = browser.find("form[action$='/afronden'] button").await;
    browser.click(&finish).await;
    browser
        .wait_for("!!document.querySelector('.notice')")
        .await;
    assert_eq!(
        browser
            .find_all("svg.radar polygon.radar__shape")
            .await
            .len(),
        1
    );
    assert_eq!(browser.find_all("#h-strengths ~ ul li").await.len(), 20);
    for chosen in 1..=3 {
        let choose = browser.find("form[action$='/focus'] button").await;
        browser.click(&choose).await;
        // After the first choice the address already says `melding=focus`, so only the
        // length of the list tells that the next page has loaded.
        browser
            .wait_for(&format!(
                "document.querySelectorAll('#h-focus ~ ol li').length === {chosen}"
            ))
            .await;
    }
    assert_eq!(browser.find_all("#h-focus ~ ol li").await.len(), 3);
    let fourth = browser.find("form[action$='/focus'] button").await;
    browser.click(&fourth).await;
    browser
        .wait_for("!!document.getElementById('form-error')")
        .await;
    let message = browser.text(&browser.find("#form-error").await).await;
    assert!(message.contains("twee of drie"), "{message}");
    serious
        .extend(axe_violations(&browser, &axe, &app.url(&format!("/reflecties/{id}")), "nl").await);
    serious.extend(
        axe_violations(
            &browser,
            &axe,
            &app.url(&format!("/reflecties/vergelijk?a={earlier}&b={id}")),
            "nl",
        )
        .await,
    );
    let rows = browser.find_all("table tbody tr").await;
    assert!(rows.len() >= 9, "a row per domain and the cards that moved");
    browser.close().await;
    app.stop().await;
    assert!(
        serious.is_empty(),
        "serious or critical violations:\n{}",
        serious.join("\n")
    );
}

/// The outside test's steps (issue 8): a list view is open; elsewhere a note is saved; the
/// card's pile is changed in the list. And: a note typed in the sort view, then Back to the
/// list, then the pile changed there. Either way the newer note, evidence and star stay.
#[tokio::test]
async fn a_list_view_loaded_earlier_never_puts_an_old_note_back() {
    if !enabled() {
        return;
    }
    use leidraad_store::reflections::{AnswerFields, AnswerUpdate, NewReflection};
    let app = spawn_app().await;
    let world = crate::accounts::world(&app).await;
    let leader = world.people["school-leader"].1;
    let library = leidraad_domain::load_library(&leidraad_web::embedded_content()).unwrap();
    let framework = library.default_framework().unwrap();
    let id = app
        .store
        .create_reflection(NewReflection {
            person: leader,
            organisation: Some(world.org_a),
            framework_id: &framework.id,
            content_fingerprint: &framework.fingerprint,
            domains: &["visie".to_owned()],
            now: app.clock.now(),
            prefill_from: None,
        })
        .await
        .unwrap()
        .unwrap();
    let browser = Browser::start().await;
    sign_in(
        &browser,
        &app,
        "school-leader@a.example",
        crate::accounts::PASSWORD,
    )
    .await;
    let list_url = app.url(&format!("/reflecties/{id}/lijst?domein=visie"));
    browser.goto(&list_url).await;
    // Elsewhere (another tab, a phone), a note, evidence and a star are saved.
    let elsewhere = AnswerUpdate {
        card_id: "visie-01",
        pile: None,
        note: "nieuwe notitie",
        evidence: "jaarplan 2026",
        starred: true,
        fields: AnswerFields::ALL,
    };
    app.store
        .save_answer(leader, id, elsewhere, app.clock.now())
        .await
        .unwrap();
    let choose = |card: &str, pile: &str| {
        format!(
            "const s = document.querySelector('select[data-card=\"{card}\"]'); \
             s.value = '{pile}'; s.dispatchEvent(new Event('change'));"
        )
    };
    browser.execute(&choose("visie-01", "2")).await;
    browser
        .wait_for("document.querySelector('.save-status').textContent === 'Opgeslagen'")
        .await;
    let stored = |answers: Vec<leidraad_store::reflections::AnswerRecord>, card: &str| {
        let a = answers.into_iter().find(|a| a.card_id == card).unwrap();
        (a.pile.map(|p| p.score()), a.note, a.evidence, a.starred)
    };
    assert_eq!(
        stored(app.store.answers(id).await.unwrap(), "visie-01"),
        (
            Some(2),
            "nieuwe notitie".into(),
            "jaarplan 2026".into(),
            true
        )
    );

    // A note typed in the sort view, then Back to the list loaded before it.
    browser
        .goto(&app.url(&format!("/reflecties/{id}/sorteren?kaart=visie-02")))
        .await;
    let note = browser.find("#note").await;
    browser
        .send_keys(&note, "getypt in de sorteerweergave")
        .await;
    browser
        .wait_for("document.querySelector('.save-status').textContent === 'Opgeslagen'")
        .await;
    browser.execute("history.back()").await;
    browser
        .wait_for("!!document.querySelector('select[data-card=\"visie-02\"]')")
        .await;
    browser.execute(&choose("visie-02", "4")).await;
    browser
        .wait_for("document.querySelector('.save-status').textContent === 'Opgeslagen'")
        .await;
    let (pile, note, _, _) = stored(app.store.answers(id).await.unwrap(), "visie-02");
    assert_eq!(
        (pile, note.as_str()),
        (Some(4), "getypt in de sorteerweergave")
    );
    browser.close().await;
    app.stop().await;
}
