//! The profile of a reflection (radar chart, bars, strengths, growth points, focus cards,
//! sharing), its print view and exports, and the comparison of two moments.

mod actions;
mod chart;
mod compare;
mod export;
mod page;

pub use actions::{post_finish, post_focus, post_remove_focus, post_share, post_unshare};
pub use compare::get_comparison;
pub use export::{get_csv, get_json};
pub use page::{get_print, get_profile};

use leidraad_domain::reflection::Pile;

use crate::i18n::Tr;

fn pile_label(tr: Tr, pile: Option<Pile>) -> String {
    pile.map_or_else(
        || tr.t("pile-unsorted").into_owned(),
        |p| tr.t(&format!("pile-{}", p.code())).into_owned(),
    )
}

fn date(tr: Tr, at: i64) -> String {
    leidraad_domain::local_time::LocalDateTime::amsterdam(at).format_date(tr.lang)
}
