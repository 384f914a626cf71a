use std::sync::Arc;

use leidraad_app::{App, Mailer, Messages, Settings};
use leidraad_domain::{Language, Library};
use leidraad_store::Store;

use crate::cookie::SessionCookie;
use crate::i18n::Tr;
use crate::log_cache::LogCache;
use crate::page_cache::PageCache;
use crate::report_cache::ReportCache;

/// What every handler may use: the use cases' [`App`] (reached through `Deref`, so
/// `state.store` and `&state` as `&App` both work) and what only HTTP needs. Cheap to clone:
/// everything is shared.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    /// Answers built once from the content; see [`PageCache`].
    pub pages: PageCache,
    /// Released reports, rendered once; see [`ReportCache`].
    pub reports: ReportCache,
    /// Learning logs' lists, rendered while they stay the same; see [`LogCache`].
    pub logs: LogCache,
    pub session_cookie: SessionCookie,
}

impl std::ops::Deref for AppState {
    type Target = App;

    fn deref(&self) -> &App {
        &self.app
    }
}

impl AppState {
    pub fn new(library: Library, store: Store) -> Self {
        AppState::with_settings(
            library,
            store,
            Settings::default(),
            Mailer::outbox(std::env::temp_dir().join("leidraad-outbox")),
        )
    }

    pub fn with_settings(
        library: Library,
        store: Store,
        settings: Settings,
        mailer: Mailer,
    ) -> Self {
        let session_cookie =
            SessionCookie::new(settings.secure_cookies(), settings.session.absolute);
        AppState {
            app: App::new(library, store, settings, mailer, Arc::new(FluentMessages)),
            pages: PageCache::default(),
            reports: ReportCache::default(),
            logs: LogCache::default(),
            session_cookie,
        }
    }
}

/// The use cases' mail texts, from the Fluent locales.
struct FluentMessages;

impl Messages for FluentMessages {
    fn text(
        &self,
        language: Language,
        key: &str,
        argument: Option<(&'static str, &str)>,
    ) -> String {
        let tr = Tr::new(language);
        match argument {
            None => tr.t(key).into_owned(),
            Some((name, value)) => tr.t1(key, name, value),
        }
    }
}
