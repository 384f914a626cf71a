//! Learning logs' lists as rendered HTML. A log of a few hundred activities costs far more to
//! read and put into words (a day, hours and points per line) than the rest of its page, and
//! it changes only when its owner changes it. So each process keeps the list per person and
//! language with the log's stamp it was made from (migration 0011), and the page serves it
//! while the stamp it reads is the same: a change made through any instance replaces the
//! stamp, and an erased person's id that SQLite gives out again never meets the old list.
//! The owner's right to the page is decided on every request, before this is asked.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use leidraad_domain::Language;
use leidraad_domain::accounts::PersonId;
use leidraad_domain::development::Day;

/// The renderings kept take at most this much HTML; a new one past it pushes out others.
const MAX_BYTES: usize = 16 * 1024 * 1024;

/// A log's list rendered in one language, with what the page around it needs of the list.
pub struct RenderedLog {
    stamp: i64,
    /// The list, escaped and ready to write as it is.
    pub html: String,
    /// The register points by day, for the cycle's progress (which moves with today).
    pub points: Vec<(Day, u32)>,
}

impl RenderedLog {
    pub fn new(stamp: i64, html: String, points: Vec<(Day, u32)>) -> Self {
        RenderedLog {
            stamp,
            html,
            points,
        }
    }
}

pub type LogKey = (PersonId, Language);

#[derive(Default)]
struct Entries {
    lists: HashMap<LogKey, Arc<RenderedLog>>,
    bytes: usize,
}

#[derive(Clone, Default)]
pub struct LogCache {
    entries: Arc<Mutex<Entries>>,
}

impl LogCache {
    /// The list of `key`, if it was rendered from exactly `stamp`.
    pub fn get(&self, key: &LogKey, stamp: i64) -> Option<Arc<RenderedLog>> {
        let entries = self.entries.lock().ok()?;
        entries
            .lists
            .get(key)
            .filter(|rendered| rendered.stamp == stamp)
            .cloned()
    }

    pub fn insert(&self, key: LogKey, rendered: Arc<RenderedLog>) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if let Some(old) = entries.lists.remove(&key) {
            entries.bytes -= old.html.len();
        }
        if rendered.html.len() > MAX_BYTES {
            return;
        }
        while entries.bytes + rendered.html.len() > MAX_BYTES {
            let Some(some) = entries.lists.keys().next().copied() else {
                break;
            };
            if let Some(old) = entries.lists.remove(&some) {
                entries.bytes -= old.html.len();
            }
        }
        entries.bytes += rendered.html.len();
        entries.lists.insert(key, rendered);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(stamp: i64, html: &str) -> Arc<RenderedLog> {
        Arc::new(RenderedLog::new(stamp, html.to_owned(), Vec::new()))
    }

    #[test]
    fn another_stamp_or_language_is_not_served() {
        let cache = LogCache::default();
        let key = (PersonId(7), Language::Nl);
        cache.insert(key, rendered(41, "<ul></ul>"));
        assert_eq!(cache.get(&key, 41).unwrap().html, "<ul></ul>");
        assert!(cache.get(&key, 42).is_none());
        assert!(cache.get(&(PersonId(7), Language::En), 41).is_none());
        assert!(cache.get(&(PersonId(8), Language::Nl), 41).is_none());
    }

    #[test]
    fn a_newer_rendering_replaces_the_older() {
        let cache = LogCache::default();
        let key = (PersonId(7), Language::Nl);
        cache.insert(key, rendered(1, "old"));
        cache.insert(key, rendered(2, "new"));
        assert!(cache.get(&key, 1).is_none());
        assert_eq!(cache.get(&key, 2).unwrap().html, "new");
        assert_eq!(cache.entries.lock().unwrap().bytes, 3);
    }

    #[test]
    fn the_cache_stays_within_its_bytes() {
        let cache = LogCache::default();
        let big = "x".repeat(MAX_BYTES / 4 + 1);
        for person in 0..10 {
            cache.insert((PersonId(person), Language::Nl), rendered(1, &big));
        }
        let entries = cache.entries.lock().unwrap();
        assert_eq!(entries.lists.len(), 3);
        assert!(entries.bytes <= MAX_BYTES);
        drop(entries);
        cache.insert(
            (PersonId(99), Language::Nl),
            rendered(1, &"y".repeat(MAX_BYTES + 1)),
        );
        assert!(cache.get(&(PersonId(99), Language::Nl), 1).is_none());
        assert_eq!(cache.entries.lock().unwrap().lists.len(), 3);
    }
}
