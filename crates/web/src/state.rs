use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use leidraad_domain::Library;
use leidraad_domain::accounts::limits::{SessionLifetime, SignInThrottle};
use leidraad_domain::search::SearchIndex;
use leidraad_store::Store;

use crate::auth::{SessionCookie, ViewerCache};
use crate::mail::Mailer;
use crate::page_cache::PageCache;
use crate::reflections::ReflectionShapes;

/// What every handler may use. Cheap to clone: everything is shared.
#[derive(Clone)]
pub struct AppState {
    pub library: Arc<Library>,
    pub search: Arc<SearchIndex>,
    pub store: Store,
    /// Answers built once from the content; see [`PageCache`].
    pub pages: PageCache,
    pub settings: Arc<Settings>,
    pub session_cookie: SessionCookie,
    pub mailer: Mailer,
    pub clock: Clock,
    /// Who recent credentials belong to; see [`ViewerCache`].
    pub viewers: ViewerCache,
    /// What never changes about a reflection; see [`ReflectionShapes`].
    pub reflection_shapes: ReflectionShapes,
}

/// How the accounts part behaves; `leidraad serve` fills it from flags.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub session: SessionLifetime,
    pub throttle: SignInThrottle,
    /// The address people reach Leidraad at (`https://leidraad.bestuur.nl`), for links in
    /// mail. Without it, links use the address of the request that caused the mail.
    pub public_url: Option<String>,
    /// How many reverse proxies of ours append to `X-Forwarded-For`; the client address is
    /// that many entries from the right. 0: the header is ignored (the default).
    pub forwarded_hops: usize,
}

impl Settings {
    /// Secure cookies whenever Leidraad is reached over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|url| url.starts_with("https://"))
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
        let search = SearchIndex::new(&library);
        let session_cookie =
            SessionCookie::new(settings.secure_cookies(), settings.session.absolute);
        AppState {
            library: Arc::new(library),
            search: Arc::new(search),
            store,
            pages: PageCache::default(),
            settings: Arc::new(settings),
            session_cookie,
            mailer,
            clock: Clock::default(),
            viewers: ViewerCache::default(),
            reflection_shapes: ReflectionShapes::default(),
        }
    }
}

/// The time, in Unix seconds. Tests move it forward to see sessions, links and invitations
/// expire without waiting.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset: Arc<AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> i64 {
        let system = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        system + self.offset.load(Ordering::Relaxed)
    }

    pub fn advance(&self, seconds: i64) {
        self.offset.fetch_add(seconds, Ordering::Relaxed);
    }
}
