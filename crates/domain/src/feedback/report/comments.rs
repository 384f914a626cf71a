//! The comments a report shows: per place (general first, then the domains in order) and per
//! group (in display order), only for groups whose comments may be shown, in an order no one
//! can trace back to who wrote first.

use sha2::{Digest, Sha256};

use super::{CommentBlock, ReportInput, ShownGroup};

/// The comment blocks of the shown groups; empty comments, comments on a domain not in the
/// round and empty blocks are left out.
pub(super) fn blocks(input: &ReportInput, shown: &[ShownGroup]) -> Vec<CommentBlock> {
    let places = std::iter::once(None).chain(input.domains.iter().map(|d| Some(d.as_str())));
    let mut blocks = Vec::new();
    for place in places {
        for group in shown {
            if !group.settings.may_show_comments(group.respondents) {
                continue;
            }
            let texts = texts_of(group, place, input.seed);
            if !texts.is_empty() {
                blocks.push(CommentBlock {
                    domain: place.map(str::to_owned),
                    group: group.key,
                    texts,
                });
            }
        }
    }
    blocks
}

fn texts_of(group: &ShownGroup, place: Option<&str>, seed: u64) -> Vec<String> {
    let mut texts: Vec<String> = group
        .responses
        .iter()
        .flat_map(|response| &response.comments)
        .filter(|(domain, text)| domain.as_deref() == place && !text.is_empty())
        .map(|(_, text)| text.as_str().to_owned())
        .collect();
    texts.sort_by_cached_key(|text| order_key(seed, text));
    texts
}

/// SHA-256 of the seed and the text: the same order for the same release on every machine
/// and run (unlike std's randomly keyed hasher), unrelated to the order of submission, and
/// not guessable before the seed is drawn.
fn order_key(seed: u64, text: &str) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(seed.to_le_bytes());
    hasher.update(text.as_bytes());
    hasher.finalize().into()
}
