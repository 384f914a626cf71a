//! Comparing two moments of one's own.

use leidraad_domain::Language;
use leidraad_domain::reflection::Comparison;
use leidraad_store::reflections::ReflectionRecord;

use super::{cards_of, framework_of, open_own};
use crate::App;
use crate::Error;
use crate::Viewer;

/// Compares two of the viewer's own reflections of one framework, the earlier first.
pub async fn compare(
    state: &App,
    language: Language,
    viewer: &Viewer,
    a: i64,
    b: i64,
) -> Result<(ReflectionRecord, ReflectionRecord, Comparison), Error> {
    let first = open_own(state, viewer, a).await?;
    let second = open_own(state, viewer, b).await?;
    if first.framework_id != second.framework_id {
        return Err(Error::BadRequest {
            code: "compare-other-framework",
        });
    }
    let (earlier, later) = if (first.started_at, first.id) <= (second.started_at, second.id) {
        (first, second)
    } else {
        (second, first)
    };
    let framework = framework_of(state, &later)?;
    let domains: Vec<&str> = framework
        .domains
        .iter()
        .map(|d| d.id.as_str())
        .filter(|d| earlier.domains.iter().any(|e| e == d) || later.domains.iter().any(|l| l == d))
        .collect();
    let before = cards_of(state, language, &earlier).await?;
    let after = cards_of(state, language, &later).await?;
    let comparison = Comparison::between(&domains, &before, &after);
    Ok((earlier, later, comparison))
}
