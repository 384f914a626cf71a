//! What every use case may reach: the content, the store, mail, the clock, the settings and
//! the caches. The web adapter wraps it with what only HTTP needs (cookies, the page cache).

use std::sync::Arc;

use leidraad_domain::accounts::limits::{SessionLifetime, SignInThrottle};
use leidraad_domain::search::SearchIndex;
use leidraad_domain::{Language, Library};
use leidraad_store::Store;

use crate::cache::{ReflectionShapes, ViewerCache};
use crate::clock::Clock;
use crate::dialogues::DialogueBus;
use crate::mail::Mailer;

/// The use cases' world. Cheap to clone: everything is shared.
#[derive(Clone)]
pub struct App {
    pub library: Arc<Library>,
    pub search: Arc<SearchIndex>,
    pub store: Store,
    pub settings: Arc<Settings>,
    pub mailer: Mailer,
    pub clock: Clock,
    /// Who recent credentials belong to; see [`ViewerCache`].
    pub viewers: ViewerCache,
    /// What never changes about a reflection; see [`ReflectionShapes`].
    pub reflection_shapes: ReflectionShapes,
    /// The words of mail, in the recipient's language.
    pub messages: Arc<dyn Messages>,
    /// How live dialogues reach their screens; see [`DialogueBus`].
    pub dialogues: DialogueBus,
}

impl App {
    pub fn new(
        library: Library,
        store: Store,
        settings: Settings,
        mailer: Mailer,
        messages: Arc<dyn Messages>,
    ) -> App {
        let search = SearchIndex::new(&library);
        App {
            library: Arc::new(library),
            search: Arc::new(search),
            store,
            settings: Arc::new(settings),
            mailer,
            clock: Clock::default(),
            viewers: ViewerCache::default(),
            reflection_shapes: ReflectionShapes::default(),
            messages,
            dialogues: DialogueBus::default(),
        }
    }

    /// Empties every memory of who someone is and what they may do: called by each use case
    /// that changes identity or rights (a role, a membership, a sign-out, an erasure), never
    /// guessed from a URL.
    pub fn forget_identities(&self) {
        self.viewers.forget_all();
        self.reflection_shapes.forget_all();
    }
}

/// Translations for the texts a use case writes itself (mail). The web adapter answers from
/// its Fluent locales.
pub trait Messages: Send + Sync {
    /// The message `key` in `language`, with at most one named argument.
    fn text(&self, language: Language, key: &str, argument: Option<(&'static str, &str)>)
    -> String;
}

/// How accounts behave; `leidraad serve` fills it from flags.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub session: SessionLifetime,
    pub throttle: SignInThrottle,
    /// The address people reach Leidraad at (`https://leidraad.bestuur.nl`): the start of
    /// every link in mail. `leidraad serve` always sets it.
    pub public_url: Option<String>,
    /// How many reverse proxies of ours append to `X-Forwarded-For`; the client address is
    /// that many entries from the right. 0: the header is ignored (the default). Read by the
    /// web adapter only.
    pub forwarded_hops: usize,
    /// Days an ended dialogue is kept unless saved; `None`: 30.
    pub dialogue_retention_days: Option<u32>,
}

impl Settings {
    /// Secure cookies (and HSTS) whenever Leidraad is reached over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|url| url.starts_with("https://"))
    }
}
