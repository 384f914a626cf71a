use std::net::SocketAddr;

use leidraad_domain::load_library;
use leidraad_store::test_support::TestDatabase;
use leidraad_store::{Backend, Store};
use leidraad_web::{AppState, Clock, Mailer, ServeOptions, Settings, embedded_content};
use reqwest::header::{ACCEPT_LANGUAGE, COOKIE};
use tokio::sync::oneshot;

pub const FRAMEWORK: &str = "beroepsstandaard-schoolleiders";

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub store: Store,
    /// The app's clock: tests move it forward to let sessions and links expire.
    pub clock: Clock,
    /// Where the app files mail when no SMTP server is configured.
    pub outbox: std::path::PathBuf,
    /// The app's mailer, to wait until queued mail has left.
    pub mailer: Mailer,
    /// The app as its handlers see it, for use cases the tests call directly.
    pub state: AppState,
    /// The database this app runs on; a second instance may share it.
    pub database_url: String,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    /// Dropped with the first instance only.
    _database: Option<TestDatabase>,
}

fn backend() -> Backend {
    match std::env::var("TEST_APP_BACKEND").as_deref() {
        Ok("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    }
}

/// Starts the real app on 127.0.0.1:0 with a database of its own.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(None).await
}

/// As [`spawn_app`], with mail sent over SMTP to `smtp_url` instead of the outbox.
pub async fn spawn_app_with(smtp_url: Option<&str>) -> TestApp {
    spawn_app_configured(smtp_url, |_| {}).await
}

/// As [`spawn_app_with`], with settings changed by `configure` (session limits, the public
/// URL).
pub async fn spawn_app_configured(
    smtp_url: Option<&str>,
    configure: impl FnOnce(&mut Settings),
) -> TestApp {
    spawn_app_serving(smtp_url, configure, ServeOptions::default()).await
}

/// As [`spawn_app_configured`], served with these connection limits (the header read
/// timeout, the cap on connections, the shutdown grace period).
pub async fn spawn_app_serving(
    smtp_url: Option<&str>,
    configure: impl FnOnce(&mut Settings),
    options: ServeOptions,
) -> TestApp {
    let database = TestDatabase::create(backend()).await;
    let url = database.url.clone();
    serve_on(&url, Some(database), smtp_url, configure, options).await
}

/// A second instance of `first`: its own process state on the same database, as several
/// `leidraad serve` processes share one PostgreSQL database.
pub async fn spawn_instance_of(first: &TestApp) -> TestApp {
    serve_on(
        &first.database_url,
        None,
        None,
        |_| {},
        ServeOptions::default(),
    )
    .await
}

async fn serve_on(
    url: &str,
    database: Option<TestDatabase>,
    smtp_url: Option<&str>,
    configure: impl FnOnce(&mut Settings),
    options: ServeOptions,
) -> TestApp {
    let store = Store::connect(url).await.expect("connect");
    store.migrate().await.expect("migrate");
    let library = load_library(&embedded_content()).expect("the embedded content is valid");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a free port");
    let address: SocketAddr = listener.local_addr().unwrap();
    let (shutdown, stopped) = oneshot::channel::<()>();
    let outbox = std::env::temp_dir().join(format!("leidraad-outbox-{:016x}", fastrand::u64(..)));
    let mailer = Mailer::new(smtp_url, "Leidraad <leidraad@localhost>", outbox.clone())
        .expect("a valid mail setup");
    // As `leidraad serve` does without --public-url: links in mail name the bound address.
    let mut settings = Settings {
        public_url: Some(format!("http://{address}")),
        ..Settings::default()
    };
    configure(&mut settings);
    let state = AppState::with_settings(library, store.clone(), settings, mailer.clone());
    let clock = state.clock.clone();
    let shutdown_signal = async {
        let _ = stopped.await;
    };
    let server = tokio::spawn(leidraad_web::serve_with_options(
        listener,
        state.clone(),
        options,
        shutdown_signal,
    ));
    TestApp {
        address: format!("http://{address}"),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        store,
        clock,
        outbox,
        mailer,
        state,
        database_url: url.to_owned(),
        shutdown: Some(shutdown),
        server: Some(server),
        _database: database,
    }
}

impl TestApp {
    /// Waits until every mail the app queued has been sent or filed.
    pub async fn mail_settled(&self) {
        self.mailer.settled(&self.store).await;
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    /// A GET as a browser that prefers `accept_language` and may carry a language cookie.
    pub async fn get_as(
        &self,
        path: &str,
        accept_language: &str,
        cookie: Option<&str>,
    ) -> reqwest::Response {
        let mut request = self
            .client
            .get(self.url(path))
            .header(ACCEPT_LANGUAGE, accept_language);
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.expect("request")
    }

    pub async fn get_html(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.text().await.unwrap()
    }

    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.unwrap()
    }

    /// Stops the server the way SIGTERM does and waits until in-flight requests are done.
    pub async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(server) = self.server.take() {
            server
                .await
                .expect("server task")
                .expect("server ran cleanly");
        }
        self.store.close().await;
    }
}

/// Text between the first `<tag` … `</tag>` after `from`, tags removed, whitespace folded.
pub fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}
