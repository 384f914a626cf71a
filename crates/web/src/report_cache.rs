//! Released reports as rendered HTML. A report is frozen at release, and turning its snapshot
//! into a page (parsing it, putting every figure into words, the template) costs far more than
//! serving the page, so each process renders a report once per language and kind of reader
//! and keeps it. Who may read a report is still decided on every request, before this is
//! asked, and the snapshot just read is compared with the one the rendering came from: a round
//! id that SQLite gave out again after a deletion can never be served another round's report.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use leidraad_domain::Language;

/// Written where the body holds a form's CSRF field, which differs per session. No text of a
/// report can hold it: every free text refuses control characters.
pub const CSRF_MARK: &str = "\u{0}csrf\u{0}";

/// At most this many renderings are kept (about 300 KB each); a new one past it pushes out
/// another.
const MAX_ENTRIES: usize = 48;

/// A report rendered for one language and one kind of reader.
pub struct RenderedReport {
    /// The snapshot it was rendered from.
    snapshot: String,
    /// The body, split where a CSRF field belongs.
    parts: Vec<String>,
    /// The focus form's card choice (empty when the reader is not the leader).
    pub focus_select: String,
    pub card_count: usize,
    pub has_general_comments: bool,
}

impl RenderedReport {
    pub fn new(
        snapshot: String,
        body: &str,
        focus_select: String,
        card_count: usize,
        has_general_comments: bool,
    ) -> RenderedReport {
        RenderedReport {
            snapshot,
            parts: body.split(CSRF_MARK).map(str::to_owned).collect(),
            focus_select,
            card_count,
            has_general_comments,
        }
    }

    /// The body with `csrf_field` in each of its forms, for a template to write as it is.
    pub fn body<'a>(&'a self, csrf_field: &'a str) -> Body<'a> {
        Body {
            parts: &self.parts,
            csrf_field,
        }
    }
}

pub struct Body<'a> {
    parts: &'a [String],
    csrf_field: &'a str,
}

impl fmt::Display for Body<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                f.write_str(self.csrf_field)?;
            }
            f.write_str(part)?;
        }
        Ok(())
    }
}

/// The round, the page's language, and whether the reader is offered the leader's forms.
pub type ReportKey = (i64, Language, bool);

#[derive(Clone, Default)]
pub struct ReportCache {
    entries: Arc<Mutex<HashMap<ReportKey, Arc<RenderedReport>>>>,
}

impl ReportCache {
    /// The rendering of `key`, if it was made from exactly `snapshot`.
    pub fn get(&self, key: &ReportKey, snapshot: &str) -> Option<Arc<RenderedReport>> {
        let entries = self.entries.lock().ok()?;
        entries
            .get(key)
            .filter(|rendered| rendered.snapshot == snapshot)
            .cloned()
    }

    pub fn insert(&self, key: ReportKey, rendered: Arc<RenderedReport>) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.len() >= MAX_ENTRIES && !entries.contains_key(&key) {
            let some = entries.keys().next().copied();
            if let Some(old) = some {
                entries.remove(&old);
            }
        }
        entries.insert(key, rendered);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(snapshot: &str, body: &str) -> Arc<RenderedReport> {
        Arc::new(RenderedReport::new(
            snapshot.to_owned(),
            body,
            String::new(),
            1,
            false,
        ))
    }

    #[test]
    fn the_csrf_field_goes_where_the_mark_was() {
        let report = rendered("{}", &format!("<form>{CSRF_MARK}</form><p>{CSRF_MARK}"));
        assert_eq!(report.body("<i>").to_string(), "<form><i></form><p><i>");
        assert_eq!(rendered("{}", "plain").body("<i>").to_string(), "plain");
    }

    #[test]
    fn another_snapshot_under_the_same_key_is_not_served() {
        let cache = ReportCache::default();
        let key = (1, Language::Nl, true);
        cache.insert(key, rendered("{\"a\":1}", "one"));
        assert!(cache.get(&key, "{\"a\":1}").is_some());
        assert!(cache.get(&key, "{\"a\":2}").is_none());
        assert!(cache.get(&(1, Language::En, true), "{\"a\":1}").is_none());
    }

    #[test]
    fn the_cache_stays_bounded() {
        let cache = ReportCache::default();
        for id in 0..(MAX_ENTRIES as i64 + 10) {
            cache.insert((id, Language::Nl, false), rendered("{}", "x"));
        }
        assert_eq!(cache.entries.lock().unwrap().len(), MAX_ENTRIES);
    }
}
