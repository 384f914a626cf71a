//! Live dialogues in Chromium, as issue 12 asks. A facilitator runs Trek een kaart on a wide
//! screen while three people without an account join from phones with the code read off that
//! screen: cards are drawn, the timer runs and pauses, contributions come in (one anonymous)
//! and one that is shown appears on the phones without a reload. One phone loses its
//! connection while a card is drawn and catches up when it is back, without a reload and
//! without an event twice or missing. The dialogue ends, a contribution is deleted from the
//! summary, the summary is shared and its Markdown holds the cards and what remains; the
//! phones then show the link to it. An Intervisie walks through its five phases on a phone,
//! and the case bringer's take-away is saved as it is typed. axe finds nothing serious on the
//! pages of a dialogue in either language, and the phone pages fit 390 and 360 px.
//!
//! The participants of one test share one WebDriver session: each has a window of their own,
//! and who they are is in their page's address (`/d/{token}`), not in a cookie.
//!
//! With `LEIDRAAD_DIALOGUE_SCREENSHOTS=<folder>` the first test also saves screenshots of the
//! screens while the dialogue is in full swing.
//!
//! The helpers are here; the Trek een kaart walk is in [`drawn`], the Intervisie in
//! [`intervision`].

mod drawn;
mod intervision;

use std::collections::BTreeSet;
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{Value, json};

use super::phone::too_wide;
use super::*;
use crate::accounts::{PASSWORD, world};
use crate::helpers::TestApp;

/// Put into every participant's page before its own script: notes the id of every event the
/// page's streams deliver, to show that none comes twice or goes missing.
const RECORD_EVENTS: &str = "(() => {
  const Original = window.EventSource;
  window.__events = [];
  window.EventSource = class extends Original {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (e) => window.__events.push(Number(e.lastEventId)));
    }
  };
})();";

/// A window of a session and what to do with it.
async fn new_window(browser: &Browser) -> String {
    let made = browser
        .command(
            Method::POST,
            "/window/new",
            Some(json!({ "type": "window" })),
        )
        .await;
    made["handle"].as_str().expect("a window handle").to_owned()
}

async fn current_window(browser: &Browser) -> String {
    let handle = browser.command(Method::GET, "/window", None).await;
    handle.as_str().expect("a window handle").to_owned()
}

async fn switch_to(browser: &Browser, handle: &str) {
    browser
        .command(Method::POST, "/window", Some(json!({ "handle": handle })))
        .await;
}

/// A Chrome DevTools command on the window in focus.
async fn cdp(browser: &Browser, command: &str, params: Value) -> Value {
    browser
        .command(
            Method::POST,
            "/goog/cdp/execute",
            Some(json!({ "cmd": command, "params": params })),
        )
        .await
}

/// A cable between one phone and the app that the test can pull out: a TCP relay on a port of
/// its own. Pulled out, it closes every connection through it and closes new ones at once,
/// as a phone that loses its network sees it; put back, it relays again.
struct Cable {
    url: String,
    cut: Arc<AtomicBool>,
    live: Arc<Mutex<Vec<TcpStream>>>,
}

impl Cable {
    fn to(app: &TestApp) -> Cable {
        let target: std::net::SocketAddr = app
            .address
            .trim_start_matches("http://")
            .parse()
            .expect("the app's address");
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port for the cable");
        let url = format!("http://{}", listener.local_addr().unwrap());
        let cut = Arc::new(AtomicBool::new(false));
        let live = Arc::new(Mutex::new(Vec::new()));
        let (is_cut, connections) = (cut.clone(), live.clone());
        std::thread::spawn(move || {
            for phone in listener.incoming() {
                let Ok(phone) = phone else { continue };
                if is_cut.load(Ordering::SeqCst) {
                    drop(phone);
                    continue;
                }
                let Ok(app) = TcpStream::connect(target) else {
                    continue;
                };
                let mut list = connections.lock().unwrap();
                for (from, to) in [(&phone, &app), (&app, &phone)] {
                    let (mut from, mut to) = (from.try_clone().unwrap(), to.try_clone().unwrap());
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut from, &mut to);
                        let _ = to.shutdown(Shutdown::Both);
                    });
                }
                list.extend([phone, app]);
            }
        });
        Cable { url, cut, live }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    fn pull_out(&self) {
        self.cut.store(true, Ordering::SeqCst);
        for connection in self.live.lock().unwrap().drain(..) {
            let _ = connection.shutdown(Shutdown::Both);
        }
    }

    fn put_back(&self) {
        self.cut.store(false, Ordering::SeqCst);
    }
}

async fn string(browser: &Browser, script: &str) -> String {
    let value = browser.execute(script).await;
    value.as_str().map(str::to_owned).unwrap_or_default()
}

/// The card on the table, as the page on screen shows it.
async fn card_on_screen(browser: &Browser) -> String {
    string(
        browser,
        "const t = document.querySelector('#current-card .live-card__text');
         return t ? t.textContent : '';",
    )
    .await
}

/// Clicks the facilitator's control `action` (sent in the background) and waits for
/// `condition` on the facilitator's own screen, which follows the stream.
async fn control(browser: &Browser, action: &str, condition: &str) {
    let button = browser
        .find(&format!(
            "[data-control-form] button[name=actie][value='{action}']"
        ))
        .await;
    browser.click(&button).await;
    browser.wait_for(condition).await;
}

/// Clicks `css` and waits for the next page (see feedback.rs) to meet `condition`.
async fn click_to_next_page(browser: &Browser, css: &str, condition: &str) {
    browser.execute("window.__oldPage = true").await;
    browser.click(&browser.find(css).await).await;
    browser
        .wait_for(&format!(
            "!window.__oldPage && document.readyState === 'complete' && ({condition})"
        ))
        .await;
}

/// Waits until `condition` holds, at most `limit`; how long it took.
async fn time_until(browser: &Browser, condition: &str, limit: Duration) -> Duration {
    let started = Instant::now();
    loop {
        let holds = browser
            .try_command(
                Method::POST,
                "/execute/sync",
                Some(json!({ "script": format!("return Boolean({condition});"), "args": [] })),
            )
            .await;
        if holds == Ok(Value::Bool(true)) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < limit,
            "`{condition}` did not come true within {limit:?} on {}",
            browser.location().await
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The facilitator starts a dialogue from `/dialogen`; returns its id and the join code as
/// the screen shows it.
async fn start_dialogue(
    browser: &Browser,
    app: &TestApp,
    title: &str,
    format: &str,
) -> (i64, String) {
    browser.goto(&app.url("/dialogen")).await;
    browser
        .execute(&format!(
            "document.getElementById('title').value = {}",
            json!(title)
        ))
        .await;
    browser
        .click(
            &browser
                .find(&format!("input[name=format][value='{format}']"))
                .await,
        )
        .await;
    browser
        .send_keys(&browser.find("#minutes").await, "3")
        .await;
    click_to_next_page(
        browser,
        "form[action='/dialogen'] button[type=submit]",
        "/^\\/dialogen\\/\\d+$/.test(location.pathname)",
    )
    .await;
    let id: i64 = browser
        .location()
        .await
        .trim_start_matches("/dialogen/")
        .parse()
        .unwrap();
    let code = browser.text(&browser.find("#join-code").await).await;
    (id, code)
}

/// In the window in focus, joins with `code` as `name` (the code as read off the screen, with
/// its space); returns the participant's token. The page is marked, so a reload shows.
async fn join(browser: &Browser, origin: &str, code: &str, name: &str) -> String {
    cdp(
        browser,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": RECORD_EVENTS }),
    )
    .await;
    browser.goto(&format!("{origin}/meedoen")).await;
    browser.send_keys(&browser.find("#code").await, code).await;
    click_to_next_page(
        browser,
        "form[action='/meedoen'] button[type=submit]",
        "!!document.getElementById('name')",
    )
    .await;
    browser.send_keys(&browser.find("#name").await, name).await;
    click_to_next_page(
        browser,
        "form[action='/meedoen'] button[type=submit]",
        "location.pathname.startsWith('/d/')",
    )
    .await;
    browser.execute("window.__samePage = true").await;
    browser
        .location()
        .await
        .trim_start_matches("/d/")
        .to_owned()
}

/// Sends a contribution from the participant's page in focus.
async fn contribute(browser: &Browser, text: &str, anonymous: bool) {
    let area = browser
        .find("form[action$='/bijdrage'] textarea[name=text]")
        .await;
    browser.send_keys(&area, text).await;
    if anonymous {
        browser
            .click(
                &browser
                    .find("form[action$='/bijdrage'] input[name=anoniem]")
                    .await,
            )
            .await;
    }
    browser
        .click(
            &browser
                .find("form[action$='/bijdrage'] button[type=submit]")
                .await,
        )
        .await;
    browser
        .wait_for(
            "document.querySelector('form[action$=\"/bijdrage\"] [data-form-status]').textContent !== ''
             && document.querySelector('form[action$=\"/bijdrage\"] textarea').value === ''",
        )
        .await;
}

/// What is wider than the window or a touch target lower than 44 px on the page on screen.
pub(crate) async fn phone_problems(browser: &Browser, page: &str) -> Vec<String> {
    let small = browser
        .execute(
            "return [...document.querySelectorAll(
                 'main .button, main button, main summary, main select, main input:not([type=hidden]), .language-switch a')]
               .filter(e => e.getClientRects().length > 0)
               .map(e => e.type === 'checkbox' || e.type === 'radio' ? e.closest('label') || e : e)
               .filter(e => e.getBoundingClientRect().height < 44)
               .slice(0, 5)
               .map(e => 'small: ' + (e.textContent.trim() || e.outerHTML.slice(0, 60)) + ' ('
                 + Math.round(e.getBoundingClientRect().height) + ' px)');",
        )
        .await;
    let small = small.as_array().expect("a list").iter();
    too_wide(browser)
        .await
        .into_iter()
        .map(|wide| format!("{page}: wide: {wide}"))
        .chain(small.map(|v| format!("{page}: {}", v.as_str().unwrap_or_default())))
        .collect()
}

/// The whole page as a PNG in `folder`, `width` CSS pixels wide (below 600 as a phone, with
/// its overlay scrollbars), when screenshots were asked for.
pub(crate) async fn screenshot(
    browser: &Browser,
    folder: Option<&std::path::Path>,
    name: &str,
    width: u32,
) {
    let Some(folder) = folder else { return };
    cdp(
        browser,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600 }),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let height = browser
        .execute("return document.documentElement.scrollHeight")
        .await;
    let shot = cdp(
        browser,
        "Page.captureScreenshot",
        json!({ "format": "png", "captureBeyondViewport": true, "clip": {
            "x": 0, "y": 0, "width": width, "height": height, "scale": 1 } }),
    )
    .await;
    cdp(browser, "Emulation.clearDeviceMetricsOverride", json!({})).await;
    let png = from_base64(shot["data"].as_str().expect("a screenshot"));
    std::fs::create_dir_all(folder).unwrap();
    std::fs::write(folder.join(format!("{name}.png")), png).unwrap();
}

fn from_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text.bytes().filter(|c| *c != b'=').map(value).collect();
    let mut bytes = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, d)| n | u32::from(*d) << (18 - 6 * i));
        bytes.extend(&n.to_be_bytes()[1..chunk.len()]);
    }
    bytes
}
