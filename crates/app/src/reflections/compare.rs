//! Comparing two moments of one's own.

use leidraad_domain::reflection::Comparison;
use leidraad_domain::{Framework, Language};
use leidraad_store::reflections::FullReflection;

use super::{framework_of, load_own, profile_cards};
use crate::App;
use crate::Error;
use crate::Viewer;

/// Two moments side by side, the earlier first, each read with its own cards.
pub struct Compared {
    pub earlier: FullReflection,
    pub later: FullReflection,
    pub comparison: Comparison,
}

impl Compared {
    /// A card's text as the comparison shows it: the framework's in `language`, or an own
    /// card's from either moment; the key itself when neither knows it.
    pub fn card_text<'a>(
        &'a self,
        framework: &'a Framework,
        language: Language,
        key: &'a str,
    ) -> &'a str {
        if let Some(card) = framework.card(key) {
            return card.text.get(language);
        }
        self.earlier
            .own_cards
            .iter()
            .chain(&self.later.own_cards)
            .find(|c| c.key() == key)
            .map_or(key, |c| c.text.as_str())
    }
}

/// Compares two of the viewer's own reflections of one framework, the earlier first: two
/// statements, one per moment.
pub async fn comparison(state: &App, viewer: &Viewer, a: i64, b: i64) -> Result<Compared, Error> {
    let first = load_own(state, viewer, a).await?;
    let second = load_own(state, viewer, b).await?;
    if first.record.framework_id != second.record.framework_id {
        return Err(Error::BadRequest {
            code: "compare-other-framework",
        });
    }
    let key = |r: &FullReflection| (r.record.started_at, r.record.id);
    let (earlier, later) = if key(&first) <= key(&second) {
        (first, second)
    } else {
        (second, first)
    };
    let framework = framework_of(state, &later.record)?;
    let domains: Vec<&str> = framework
        .domains
        .iter()
        .map(|d| d.id.as_str())
        .filter(|d| {
            [&earlier, &later]
                .iter()
                .any(|r| r.record.domains.iter().any(|e| e == d))
        })
        .collect();
    let before = profile_cards(framework, &earlier);
    let after = profile_cards(framework, &later);
    let comparison = Comparison::between(&domains, &before, &after);
    Ok(Compared {
        earlier,
        later,
        comparison,
    })
}
