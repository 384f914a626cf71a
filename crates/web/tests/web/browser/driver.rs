//! Chromium through chromedriver, spoken to in W3C WebDriver JSON.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{Value, json};

/// The W3C name under which WebDriver hands out element references.
pub const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
pub const TAB: &str = "\u{E004}";
pub const ENTER: &str = "\u{E007}";
pub const WAIT: Duration = Duration::from_secs(10);
pub const POLL: Duration = Duration::from_millis(50);

/// Whether to run; says once per test why not.
pub fn enabled() -> bool {
    if std::env::var("LEIDRAAD_BROWSER_TESTS").as_deref() == Ok("1") {
        return true;
    }
    eprintln!("skipped: set LEIDRAAD_BROWSER_TESTS=1 (see .ci/install-browser-deps)");
    false
}

/// A program the tests need: `default`, or what `variable` says. Fails when it is not there.
pub fn required_file(variable: &str, default: &str, what: &str) -> PathBuf {
    let path = std::env::var_os(variable).map_or_else(|| PathBuf::from(default), PathBuf::from);
    assert!(
        path.is_file(),
        "{what} not found at {} (set {variable} to override): run .ci/install-browser-deps",
        path.display()
    );
    path
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// A reference to an element on the current page.
pub struct Element(pub String);

/// One chromedriver with one Chromium session. `close` ends both; dropping it (also when a
/// test panics) ends the session, stops chromedriver and removes the temporary profile.
pub struct Browser {
    http: reqwest::Client,
    driver_address: SocketAddr,
    session: Option<String>,
    driver: Child,
    scratch: PathBuf,
}

impl Browser {
    pub async fn start() -> Browser {
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
    pub fn wait_until_driver_listens(&mut self) {
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

    pub fn driver_log(&self) -> String {
        std::fs::read_to_string(self.scratch.join("chromedriver.log")).unwrap_or_default()
    }

    /// One WebDriver command on this session; the `value` of the answer, or what went wrong.
    pub async fn try_command(
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

    pub async fn command(&self, method: Method, path: &str, body: Option<Value>) -> Value {
        self.try_command(method, path, body)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn goto(&self, url: &str) {
        self.command(Method::POST, "/url", Some(json!({ "url": url })))
            .await;
    }

    /// Path and query of the page on screen.
    pub async fn location(&self) -> String {
        let url = self.command(Method::GET, "/url", None).await;
        let url = reqwest::Url::parse(url.as_str().expect("a URL")).expect("a valid URL");
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    pub async fn find_all(&self, css: &str) -> Vec<Element> {
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

    pub async fn find(&self, css: &str) -> Element {
        let mut found = self.find_all(css).await;
        assert!(!found.is_empty(), "no `{css}` on {}", self.location().await);
        found.swap_remove(0)
    }

    pub async fn click(&self, element: &Element) {
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

    pub async fn send_keys(&self, element: &Element, text: &str) {
        self.command(
            Method::POST,
            &format!("/element/{}/value", element.0),
            Some(json!({ "text": text })),
        )
        .await;
    }

    /// The element's text as rendered.
    pub async fn text(&self, element: &Element) -> String {
        let text = self
            .command(Method::GET, &format!("/element/{}/text", element.0), None)
            .await;
        text.as_str().expect("text").trim().to_owned()
    }

    /// Presses and releases each key in turn, wherever the focus is.
    pub async fn press(&self, keys: &[&str]) {
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
    pub async fn execute(&self, script: &str) -> Value {
        self.command(
            Method::POST,
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
        .await
    }

    /// Like `execute`, but the script reports by calling its last argument.
    pub async fn execute_async(&self, script: &str) -> Value {
        self.command(
            Method::POST,
            "/execute/async",
            Some(json!({ "script": script, "args": [] })),
        )
        .await
    }

    /// Waits until the JavaScript expression `condition` holds on the page on screen; a page
    /// that is still loading counts as not yet.
    pub async fn wait_for(&self, condition: &str) {
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

    pub async fn set_window_size(&self, width: u32, height: u32) {
        self.command(
            Method::POST,
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        )
        .await;
    }

    /// Ends the session (Chromium quits), then Drop stops chromedriver and cleans up.
    pub async fn close(mut self) {
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
