//! The profile of a reflection (radar chart, bars, strengths, growth points, focus cards,
//! sharing), its print view and exports, and the comparison of two moments.

mod actions;
/// Also drawn by the 360° report (`pages::feedback::report`): self against others.
pub(crate) mod chart;
mod compare;
mod export;
mod finish;
mod fixed;
mod page;

pub use actions::{post_focus, post_remove_focus, post_share, post_unshare};
pub use compare::get_comparison;
pub use export::{get_csv, get_json, get_xlsx};
pub use finish::{get_finish, post_finish};
pub use page::{get_print, get_profile};

use std::borrow::Cow;

use leidraad_domain::reflection::Pile;

use crate::i18n::Tr;

/// A pile's name in the page's language, or "unsorted".
fn pile_label(tr: Tr, pile: Option<Pile>) -> Cow<'static, str> {
    match pile {
        None => tr.t("pile-unsorted"),
        Some(p) => tr.t(&format!("pile-{}", p.code())),
    }
}

/// A moment's date and time on the Amsterdam clock: two moments of one day differ in it.
fn date_time(tr: Tr, at: i64) -> String {
    leidraad_domain::local_time::LocalDateTime::amsterdam(at).format(tr.lang)
}
