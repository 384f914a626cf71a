//! A two-second memory of who a credential belongs to. Every request of a signed-in person
//! would otherwise cost three or four reads (the session or token, the person, their
//! memberships) before its own work; autosave sends many small requests, so this cache is
//! what lets saving keep up.
//!
//! Safety: an entry lives at most [`FRESH_FOR`] seconds of the app's clock, and a session's
//! own lifetime is checked on every hit. Any request that may change who someone is or what
//! they may do (every state-changing request except those that only touch reflections or the
//! language) empties the whole cache when it succeeds, so within one process a sign-out, a
//! revoked token or a changed role takes effect at once. Across several instances on
//! PostgreSQL the other instances follow within two seconds.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use leidraad_domain::accounts::limits::SessionLifetime;

use super::Viewer;

pub const FRESH_FOR: i64 = 2;
/// Beyond this many signed-in credentials in two seconds the cache starts over.
const MAX_ENTRIES: usize = 10_000;

#[derive(Clone, Default)]
pub struct ViewerCache {
    entries: Arc<RwLock<HashMap<String, Cached>>>,
}

struct Cached {
    viewer: Arc<Viewer>,
    fetched_at: i64,
    /// The session's start and last request, for its own expiry; `None` for a token.
    session: Option<(i64, i64)>,
}

impl ViewerCache {
    pub fn get(&self, key: &str, now: i64, lifetime: SessionLifetime) -> Option<Arc<Viewer>> {
        let entries = self.entries.read().ok()?;
        let cached = entries.get(key)?;
        let fresh = now >= cached.fetched_at && now < cached.fetched_at + FRESH_FOR;
        let alive = cached
            .session
            .is_none_or(|(created, seen)| lifetime.is_alive(created, seen, now));
        (fresh && alive).then(|| cached.viewer.clone())
    }

    pub fn put(&self, key: String, viewer: Arc<Viewer>, now: i64, session: Option<(i64, i64)>) {
        if let Ok(mut entries) = self.entries.write() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(
                key,
                Cached {
                    viewer,
                    fetched_at: now,
                    session,
                },
            );
        }
    }

    pub fn forget_all(&self) {
        if let Ok(mut entries) = self.entries.write() {
            entries.clear();
        }
    }
}

/// Whether a successful state-changing request to `path` can leave every viewer as it was:
/// reflections and the language belong to no one's identity or rights.
pub fn leaves_viewers_alone(path: &str) -> bool {
    path.starts_with("/reflecties") || path.starts_with("/api/v1/reflections") || path == "/taal"
}

#[cfg(test)]
mod tests {
    use super::*;
    use leidraad_domain::accounts::{Actor, PersonId};

    fn viewer() -> Arc<Viewer> {
        Arc::new(Viewer {
            person: PersonId(1),
            name: "A".into(),
            email: "a@x.example".into(),
            actor: Actor::new(PersonId(1)),
            memberships: Vec::new(),
            session: None,
        })
    }

    #[test]
    fn an_entry_lives_two_seconds_of_the_app_clock() {
        let cache = ViewerCache::default();
        let lifetime = SessionLifetime::default();
        cache.put("k".into(), viewer(), 100, None);
        assert!(cache.get("k", 101, lifetime).is_some());
        assert!(cache.get("k", 102, lifetime).is_none());
        assert!(
            cache.get("k", 99, lifetime).is_none(),
            "a clock set back is no excuse"
        );
        assert!(cache.get("other", 100, lifetime).is_none());
    }

    #[test]
    fn a_session_past_its_lifetime_is_not_served_and_forgetting_empties_all() {
        let cache = ViewerCache::default();
        let lifetime = SessionLifetime {
            idle: 10,
            absolute: 200,
        };
        cache.put("s".into(), viewer(), 100, Some((0, 95)));
        assert!(cache.get("s", 100, lifetime).is_some());
        assert!(
            cache
                .get(
                    "s",
                    101,
                    SessionLifetime {
                        idle: 5,
                        absolute: 200
                    }
                )
                .is_none()
        );
        cache.forget_all();
        assert!(cache.get("s", 100, lifetime).is_none());
    }

    #[test]
    fn only_reflections_and_the_language_leave_viewers_alone() {
        assert!(leaves_viewers_alone(
            "/api/v1/reflections/1/answers/visie-01"
        ));
        assert!(leaves_viewers_alone("/reflecties/1/kaarten/visie-01"));
        assert!(leaves_viewers_alone("/taal"));
        for path in [
            "/uitloggen",
            "/profiel/tokens/1/intrekken",
            "/api/v1/me/tokens/1",
            "/organisaties/1/leden/2",
        ] {
            assert!(!leaves_viewers_alone(path), "{path}");
        }
    }
}
