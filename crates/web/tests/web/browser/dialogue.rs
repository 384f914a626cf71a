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
async fn phone_problems(browser: &Browser, page: &str) -> Vec<String> {
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

/// Runs axe on the page on screen, without loading it again.
async fn axe_here(browser: &Browser, axe: &str, what: &str) -> Vec<String> {
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

/// The whole page as a PNG in `folder`, `width` CSS pixels wide (below 600 as a phone, with
/// its overlay scrollbars), when screenshots were asked for.
async fn screenshot(browser: &Browser, folder: Option<&std::path::Path>, name: &str, width: u32) {
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

const ANNA: &str = "Wat ons bindt is de zorg voor élk kind, ook als het schuurt.";
const BRAM: &str = "Ik durf niet altijd te zeggen wat ik denk & dat is jammer.";
const CHRIS: &str = "We kunnen veel meer van elkaars lessen leren.";

#[tokio::test]
async fn a_drawn_card_dialogue_runs_on_three_phones_catches_up_and_is_summarised() {
    if !enabled() {
        return;
    }
    let shots = std::env::var_os("LEIDRAAD_DIALOGUE_SCREENSHOTS").map(std::path::PathBuf::from);
    let shots = shots.as_deref();
    let axe = axe_source();
    let app = spawn_app().await;
    world(&app).await;
    let (facilitator, phones) = tokio::join!(Browser::start(), Browser::start());
    sign_in(&facilitator, &app, "school-leader@a.example", PASSWORD).await;
    let (id, code) = start_dialogue(
        &facilitator,
        &app,
        "Studiedag: wat ons bindt",
        "trek-een-kaart",
    )
    .await;
    assert!(
        code.len() == 7 && code.chars().filter(char::is_ascii_digit).count() == 6,
        "a six-digit code, spaced for reading aloud: {code:?}"
    );
    let mut serious = Vec::new();
    let mut problems = Vec::new();

    // The join page on a phone, before anyone joins; then three people join in their own
    // windows.
    phones.set_window_size(390, 844).await;
    serious.extend(axe_violations(&phones, &axe, &app.url("/meedoen"), "nl").await);
    problems.extend(phone_problems(&phones, "/meedoen").await);
    let mut windows = vec![current_window(&phones).await];
    for _ in 0..2 {
        windows.push(new_window(&phones).await);
    }
    // Bram's phone reaches the app through a cable the test can pull out.
    let cable = Cable::to(&app);
    let mut tokens = Vec::new();
    for (window, name) in windows.iter().zip(["Anna", "Bram", "Chris"]) {
        switch_to(&phones, window).await;
        phones.set_window_size(390, 844).await;
        let origin = if name == "Bram" {
            cable.url("")
        } else {
            app.url("")
        };
        tokens.push(join(&phones, &origin, &code, name).await);
    }
    let distinct: BTreeSet<_> = tokens.iter().collect();
    assert_eq!(
        distinct.len(),
        3,
        "three participants, each with a link of their own"
    );
    facilitator
        .wait_for("document.querySelectorAll('#present li').length === 3")
        .await;
    let present = string(
        &facilitator,
        "return document.getElementById('present').innerText",
    )
    .await;
    for name in ["Anna", "Bram", "Chris"] {
        assert!(present.contains(name), "{name} is present: {present}");
    }
    let (anna, bram, chris) = (&windows[0], &windows[1], &windows[2]);

    // Two cards are drawn; every phone shows the second.
    control(
        &facilitator,
        "trek",
        "document.getElementById('live-round').textContent.includes('1')",
    )
    .await;
    let first_card = card_on_screen(&facilitator).await;
    control(
        &facilitator,
        "trek",
        "document.getElementById('live-round').textContent.includes('2')",
    )
    .await;
    let second_card = card_on_screen(&facilitator).await;
    assert_ne!(first_card, second_card, "no card twice");
    for window in &windows {
        switch_to(&phones, window).await;
        phones
            .wait_for(&format!(
                "document.querySelector('#current-card .live-card__text')?.textContent === {}",
                json!(second_card)
            ))
            .await;
    }

    // The timer runs on a phone, then stands still.
    switch_to(&phones, chris).await;
    let before = phones.text(&phones.find("#live-timer").await).await;
    assert_eq!(before, "3:00", "the timer waits at the minutes chosen");
    control(
        &facilitator,
        "timer-start",
        "document.getElementById('live-timer').classList.contains('live-timer--running')",
    )
    .await;
    phones
        .wait_for("document.getElementById('live-timer').classList.contains('live-timer--running')")
        .await;
    phones
        .wait_for(&format!(
            "document.getElementById('live-timer').textContent !== {}",
            json!(before)
        ))
        .await;

    // Contributions: Anna by name, Bram anonymously, Chris by name.
    for (window, text, anonymous) in [
        (anna, ANNA, false),
        (bram, BRAM, true),
        (chris, CHRIS, false),
    ] {
        switch_to(&phones, window).await;
        contribute(&phones, text, anonymous).await;
    }
    facilitator
        .wait_for("document.querySelectorAll('#waiting li').length === 3")
        .await;
    let waiting = string(
        &facilitator,
        "return document.getElementById('waiting').innerText",
    )
    .await;
    assert!(
        waiting.contains(ANNA) && waiting.contains(BRAM) && waiting.contains(CHRIS),
        "{waiting}"
    );
    assert!(
        !waiting.contains("Bram"),
        "the anonymous contribution carries no name: {waiting}"
    );
    assert!(
        waiting.contains("Anna"),
        "a named one carries its name: {waiting}"
    );

    // The facilitator shows Anna's; a phone has it within about a second, without a reload.
    switch_to(&phones, chris).await;
    let show = |text: &str| {
        format!(
            "[...document.querySelectorAll('#waiting li')].find(li => li.textContent.includes({})).querySelector('button[value=tonen]')",
            json!(text)
        )
    };
    let button = facilitator.execute(&format!("return {}", show(ANNA))).await;
    let button = Element(
        button[ELEMENT]
            .as_str()
            .expect("Anna's show button")
            .to_owned(),
    );
    facilitator.click(&button).await;
    let took = time_until(
        &phones,
        &format!(
            "document.getElementById('shown').textContent.includes({})",
            json!(ANNA)
        ),
        Duration::from_millis(1500),
    )
    .await;
    eprintln!("a shown contribution reached a phone in {took:?}");
    facilitator
        .wait_for("document.querySelectorAll('#shown li').length === 1")
        .await;
    let button = facilitator.execute(&format!("return {}", show(BRAM))).await;
    facilitator
        .click(&Element(
            button[ELEMENT]
                .as_str()
                .expect("Bram's show button")
                .to_owned(),
        ))
        .await;
    facilitator
        .wait_for("document.querySelectorAll('#shown li').length === 2")
        .await;
    switch_to(&phones, anna).await;
    phones
        .wait_for("document.querySelectorAll('#shown li').length === 2")
        .await;
    let shown = string(&phones, "return document.getElementById('shown').innerText").await;
    assert!(
        !shown.contains(CHRIS),
        "a waiting contribution stays off the phones: {shown}"
    );
    assert!(!shown.contains("Bram"), "{shown}");

    if shots.is_some() {
        screenshot(&facilitator, shots, "facilitator-1280", 1280).await;
        screenshot(&facilitator, shots, "facilitator-390", 390).await;
        screenshot(&phones, shots, "participant-390", 390).await;
    }

    control(
        &facilitator,
        "timer-pauze",
        "!document.getElementById('live-timer').classList.contains('live-timer--running')",
    )
    .await;
    switch_to(&phones, chris).await;
    phones
        .wait_for(
            "!document.getElementById('live-timer').classList.contains('live-timer--running')",
        )
        .await;
    let paused = phones.text(&phones.find("#live-timer").await).await;
    tokio::time::sleep(Duration::from_millis(1300)).await;
    assert_eq!(
        phones.text(&phones.find("#live-timer").await).await,
        paused,
        "a paused timer stands still"
    );
    assert_ne!(paused, "3:00", "the timer ran");

    // Bram's connection drops while a card is drawn; back online, his phone catches up.
    switch_to(&phones, bram).await;
    let seq_at_cut = phones.execute("return window.__events.at(-1)").await;
    let events_before = phones.execute("return window.__events.length").await;
    cable.pull_out();
    phones
        .wait_for("document.getElementById('stream-status').textContent !== ''")
        .await;
    control(
        &facilitator,
        "trek",
        "document.getElementById('live-round').textContent.includes('3')",
    )
    .await;
    let third_card = card_on_screen(&facilitator).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        card_on_screen(&phones).await,
        second_card,
        "offline, the phone heard nothing"
    );
    assert_eq!(
        phones.execute("return window.__events.length").await,
        events_before
    );
    cable.put_back();
    phones
        .wait_for(&format!(
            "document.querySelector('#current-card .live-card__text')?.textContent === {}
             && document.getElementById('stream-status').textContent === ''",
            json!(third_card)
        ))
        .await;
    assert_eq!(
        phones.execute("return window.__samePage === true").await,
        json!(true),
        "no reload"
    );
    let round = string(
        &phones,
        "return document.getElementById('live-round').textContent",
    )
    .await;
    assert!(round.contains('3'), "round three: {round}");
    let seen_by_bram = phones.execute("return window.__events").await;
    switch_to(&phones, anna).await;
    let seen_by_anna = phones.execute("return window.__events").await;
    let after_cut = |seen: &Value| -> Vec<i64> {
        let seen: Vec<i64> = seen
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64().unwrap())
            .collect();
        assert!(
            seen.windows(2).all(|w| w[0] < w[1]),
            "no event twice: {seen:?}"
        );
        seen.into_iter()
            .filter(|s| *s > seq_at_cut.as_i64().unwrap_or(0))
            .collect()
    };
    let (bram_after, anna_after) = (after_cut(&seen_by_bram), after_cut(&seen_by_anna));
    assert!(!anna_after.is_empty(), "events came after the cut");
    assert_eq!(
        bram_after, anna_after,
        "the phone that was cut off got every event after all"
    );

    // axe on the live pages, in Dutch, then in English; the phone pages on 390 and 360 px.
    serious.extend(
        axe_violations(
            &facilitator,
            &axe,
            &app.url(&format!("/dialogen/{id}")),
            "nl",
        )
        .await,
    );
    serious.extend(axe_violations(&facilitator, &axe, &app.url("/dialogen"), "nl").await);
    switch_to(&phones, chris).await;
    let chris_page = app.url(&format!("/d/{}", tokens[2]));
    serious.extend(axe_violations(&phones, &axe, &chris_page, "nl").await);
    for width in [390, 360] {
        phones.set_window_size(width, 844).await;
        problems.extend(phone_problems(&phones, &format!("/d/… at {width} px")).await);
        phones
            .goto(&app.url(&format!("/meedoen?code={}", code.replace(' ', ""))))
            .await;
        problems.extend(phone_problems(&phones, &format!("/meedoen?code at {width} px")).await);
        phones.goto(&app.url("/meedoen")).await;
        problems.extend(phone_problems(&phones, &format!("/meedoen at {width} px")).await);
        phones.goto(&chris_page).await;
    }
    if shots.is_some() {
        phones
            .goto(&app.url(&format!("/meedoen?code={}", code.replace(' ', ""))))
            .await;
        screenshot(&phones, shots, "join-name-390", 390).await;
        phones.goto(&app.url("/meedoen")).await;
        screenshot(&phones, shots, "join-390", 390).await;
    }
    switch_language(&facilitator, "en").await;
    serious.extend(
        axe_violations(
            &facilitator,
            &axe,
            &app.url(&format!("/dialogen/{id}")),
            "en",
        )
        .await,
    );
    serious.extend(axe_violations(&facilitator, &axe, &app.url("/dialogen"), "en").await);
    switch_language(&facilitator, "nl").await;
    phones.goto(&format!("{chris_page}?taal=en")).await;
    phones
        .wait_for("document.documentElement.lang === 'en'")
        .await;
    serious.extend(axe_here(&phones, &axe, "/d/… (en)").await);
    serious.extend(axe_violations(&phones, &axe, &app.url("/meedoen"), "en").await);
    phones
        .goto(&app.url(&format!("/meedoen?code={}", code.replace(' ', ""))))
        .await;
    serious.extend(axe_here(&phones, &axe, "/meedoen?code (en)").await);
    phones.goto(&format!("{chris_page}?taal=nl")).await;
    phones
        .wait_for("document.documentElement.lang === 'nl'")
        .await;

    // The end: Chris's contribution, shown at last, is deleted from the summary (which holds
    // what the room saw), and the summary is shared and exported.
    facilitator.goto(&app.url(&format!("/dialogen/{id}"))).await;
    let button = facilitator
        .execute(&format!("return {}", show(CHRIS)))
        .await;
    facilitator
        .click(&Element(
            button[ELEMENT]
                .as_str()
                .expect("Chris's show button")
                .to_owned(),
        ))
        .await;
    facilitator
        .wait_for("document.querySelectorAll('#shown li').length === 3")
        .await;
    click_to_next_page(
        &facilitator,
        "button[name=actie][value=einde]",
        "location.pathname.endsWith('/samenvatting')",
    )
    .await;
    let summary = string(
        &facilitator,
        "return document.querySelector('main').innerText",
    )
    .await;
    for text in [ANNA, BRAM, CHRIS, &first_card, &second_card, &third_card] {
        assert!(
            summary.contains(text),
            "the summary holds {text:?}: {summary}"
        );
    }
    let delete = facilitator
        .execute(&format!(
            "return [...document.querySelectorAll('li.contribution')].find(li => li.textContent.includes({})).querySelector('button[value=wissen]')",
            json!(CHRIS)
        ))
        .await;
    facilitator.execute("window.__oldPage = true").await;
    facilitator
        .click(&Element(
            delete[ELEMENT]
                .as_str()
                .expect("a delete button")
                .to_owned(),
        ))
        .await;
    facilitator
        .wait_for(&format!(
            "!window.__oldPage && document.readyState === 'complete' && !document.querySelector('main').textContent.includes({})",
            json!(CHRIS)
        ))
        .await;
    click_to_next_page(
        &facilitator,
        "button[name=actie][value=delen]",
        "!document.querySelector('button[name=actie][value=delen]')",
    )
    .await;
    let markdown = facilitator
        .execute_async(&format!(
            "const done = arguments[arguments.length - 1];
             fetch('/dialogen/{id}/samenvatting.md').then(r => r.text()).then(done, e => done(String(e)));"
        ))
        .await;
    let markdown = markdown.as_str().expect("the Markdown");
    for text in [ANNA, BRAM, &first_card, &second_card, &third_card] {
        assert!(
            markdown.contains(text),
            "the Markdown holds {text:?}:\n{markdown}"
        );
    }
    assert!(
        !markdown.contains(CHRIS),
        "the deleted contribution is gone:\n{markdown}"
    );
    let bram_line = markdown.lines().position(|l| l.contains(BRAM)).unwrap();
    let by = markdown
        .lines()
        .skip(bram_line)
        .take(3)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        !by.contains("Bram"),
        "the anonymous contribution stays anonymous:\n{markdown}"
    );

    // Anna's phone, still the same page, now links to the summary.
    switch_to(&phones, anna).await;
    phones
        .wait_for("!document.getElementById('ended-note').hidden && !document.getElementById('summary-link').hidden")
        .await;
    assert_eq!(
        phones.execute("return window.__samePage === true").await,
        json!(true),
        "no reload"
    );
    click_to_next_page(
        &phones,
        "#summary-link a",
        "location.pathname.endsWith('/samenvatting')",
    )
    .await;
    let theirs = string(&phones, "return document.querySelector('main').innerText").await;
    assert!(theirs.contains(ANNA) && !theirs.contains(CHRIS), "{theirs}");
    serious.extend(axe_here(&phones, &axe, "/d/…/samenvatting (nl)").await);
    screenshot(&phones, shots, "participant-summary-390", 390).await;
    problems.extend(phone_problems(&phones, "/d/…/samenvatting").await);

    let summary_path = format!("/dialogen/{id}/samenvatting");
    serious.extend(axe_violations(&facilitator, &axe, &app.url(&summary_path), "nl").await);
    screenshot(&facilitator, shots, "summary-1280", 1280).await;
    switch_language(&facilitator, "en").await;
    serious.extend(axe_violations(&facilitator, &axe, &app.url(&summary_path), "en").await);

    assert!(problems.is_empty(), "on a phone:\n{}", problems.join("\n"));
    assert!(
        serious.is_empty(),
        "serious axe violations:\n{}",
        serious.join("\n")
    );
    phones.close().await;
    facilitator.close().await;
    app.stop().await;
}

#[tokio::test]
async fn an_intervision_walks_its_phases_and_keeps_the_bringers_take_away() {
    if !enabled() {
        return;
    }
    let shots = std::env::var_os("LEIDRAAD_DIALOGUE_SCREENSHOTS").map(std::path::PathBuf::from);
    let shots = shots.as_deref();
    let app = spawn_app().await;
    world(&app).await;
    let (facilitator, phones) = tokio::join!(Browser::start(), Browser::start());
    sign_in(&facilitator, &app, "school-leader@a.example", PASSWORD).await;
    let (_, code) = start_dialogue(
        &facilitator,
        &app,
        "Intervisie: de lastige ouder",
        "intervisie",
    )
    .await;
    phones.set_window_size(390, 844).await;
    let bringer_window = current_window(&phones).await;
    let bringer = join(&phones, &app.url(""), &code, "Dewi").await;
    let other_window = new_window(&phones).await;
    switch_to(&phones, &other_window).await;
    phones.set_window_size(390, 844).await;
    join(&phones, &app.url(""), &code, "Eva").await;

    facilitator
        .wait_for("document.querySelectorAll('#present li').length === 2")
        .await;
    let name_bringer = facilitator
        .execute(
            "return [...document.querySelectorAll('#present li')].find(li => li.textContent.includes('Dewi')).querySelector('button[value=inbrenger]')",
        )
        .await;
    facilitator
        .click(&Element(
            name_bringer[ELEMENT]
                .as_str()
                .expect("a bringer button")
                .to_owned(),
        ))
        .await;
    facilitator
        .wait_for("document.getElementById('live-bringer')?.textContent.includes('Dewi')")
        .await;
    phones
        .wait_for("document.getElementById('live-bringer')?.textContent.includes('Dewi')")
        .await;

    let phase = "document.querySelector('#live-phase .live-phase__name').textContent";
    let mut phases = vec![string(&phones, &format!("return {phase}")).await];
    for step in 2..=5 {
        control(
            &facilitator,
            "fase",
            &format!("document.querySelector('#live-phase .live-phase__step').textContent.match(/\\d+/)[0] === '{step}'"),
        )
        .await;
        let name = string(&facilitator, &format!("return {phase}")).await;
        phones
            .wait_for(&format!("{phase} === {}", json!(name)))
            .await;
        phases.push(name);
    }
    assert_eq!(
        phones
            .execute("return document.querySelector('#h-note [data-for-bringer]').hidden")
            .await,
        json!(true),
        "only the bringer is asked for a take-away"
    );
    screenshot(&facilitator, shots, "intervision-facilitator-1280", 1280).await;
    screenshot(&phones, shots, "intervision-participant-390", 390).await;
    let distinct: BTreeSet<_> = phases.iter().collect();
    assert_eq!(distinct.len(), 5, "five phases, each its own: {phases:?}");
    assert_eq!(phases[0], "De casus");

    // The bringer writes down what she takes away; it is saved as she types.
    switch_to(&phones, &bringer_window).await;
    phones
        .wait_for(&format!("{phase} === {}", json!(phases[4])))
        .await;
    // Named while her page was open, the bringer's note box asks for her take-away at once;
    // Eva's stays her own note.
    phones
        .wait_for("!document.querySelector('#h-note [data-for-bringer]').hidden && document.querySelector('#h-note [data-for-others]').hidden")
        .await;
    assert_eq!(
        phones.execute("return window.__samePage === true").await,
        json!(true)
    );
    let take_away = "Ik bel de ouder morgen zelf en vraag eerst wat zij nodig heeft.";
    phones
        .send_keys(&phones.find("#note").await, take_away)
        .await;
    phones
        .wait_for("document.querySelector('form[data-autosave-note] [data-form-status]').textContent !== ''")
        .await;
    phones.goto(&app.url(&format!("/d/{bringer}"))).await;
    let kept = phones
        .execute("return document.getElementById('note').value")
        .await;
    assert_eq!(kept, json!(take_away), "the take-away was stored");
    let heading = string(
        &phones,
        "return document.getElementById('h-note').textContent",
    )
    .await;
    eprintln!("the bringer's note box: {heading}");
    phones.close().await;
    facilitator.close().await;
    app.stop().await;
}
