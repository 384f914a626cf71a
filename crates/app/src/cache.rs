//! A two-second memory of who a credential belongs to. Every request of a signed-in person
//! would otherwise cost three or four reads (the session or token, the person, their
//! memberships) before its own work; autosave sends many small requests, so this cache is
//! what lets saving keep up.
//!
//! Safety: an entry lives at most [`FRESH_FOR`] seconds of the app's clock, and a session's
//! own lifetime is checked on every hit. Every use case that changes who someone is or what
//! they may do (a sign-out, an ended session, a revoked token, a changed role or membership, a
//! new password, an accepted invitation, an erasure, a renamed school or organisation) calls
//! [`crate::App::forget_identities`] when it succeeds, so within one process it takes effect
//! on the next request. Nothing is guessed from URLs. Across several instances on PostgreSQL
//! the other instances follow within two seconds.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use leidraad_domain::accounts::limits::SessionLifetime;

use crate::{Error, Viewer};

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

/// What never changes about a reflection once it exists.
#[derive(Debug, Clone)]
pub struct ReflectionShape {
    pub person: leidraad_domain::accounts::PersonId,
    pub framework_id: String,
    pub domains: Vec<String>,
}

/// Reflection shapes by id, read once. Only facts that cannot change are kept. SQLite may
/// give the id of an erased reflection to a new one, so the memory is emptied together with
/// the viewer cache, by every request that may change identities (an erasure among them).
#[derive(Clone, Default)]
pub struct ReflectionShapes {
    shapes: std::sync::Arc<std::sync::RwLock<HashMap<i64, std::sync::Arc<ReflectionShape>>>>,
}

/// Beyond this many reflections the memory starts over.
const MAX_SHAPES: usize = 50_000;

impl ReflectionShapes {
    pub fn forget_all(&self) {
        if let Ok(mut shapes) = self.shapes.write() {
            shapes.clear();
        }
    }

    pub async fn get(
        &self,
        store: &leidraad_store::Store,
        id: i64,
    ) -> Result<std::sync::Arc<ReflectionShape>, Error> {
        if let Some(shape) = self.shapes.read().ok().and_then(|s| s.get(&id).cloned()) {
            return Ok(shape);
        }
        let record = store.reflection(id).await?.ok_or(Error::NotFound)?;
        let shape = std::sync::Arc::new(ReflectionShape {
            person: record.person_id,
            framework_id: record.framework_id,
            domains: record.domains,
        });
        if let Ok(mut shapes) = self.shapes.write() {
            if shapes.len() >= MAX_SHAPES {
                shapes.clear();
            }
            shapes.insert(id, shape.clone());
        }
        Ok(shape)
    }
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
}
