use std::sync::Arc;

use leidraad_domain::Library;
use leidraad_domain::search::SearchIndex;
use leidraad_store::Store;

use crate::page_cache::PageCache;

/// What every handler may use. Cheap to clone: everything is shared.
#[derive(Clone)]
pub struct AppState {
    pub library: Arc<Library>,
    pub search: Arc<SearchIndex>,
    pub store: Store,
    /// Answers built once from the content; see [`PageCache`].
    pub pages: PageCache,
}

impl AppState {
    pub fn new(library: Library, store: Store) -> Self {
        let search = SearchIndex::new(&library);
        AppState {
            library: Arc::new(library),
            search: Arc::new(search),
            store,
            pages: PageCache::default(),
        }
    }
}
