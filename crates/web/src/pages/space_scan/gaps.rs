//! The results' gap lists: the owner's estimate beside the team's view, and each board
//! member's estimate beside it in a list of its own under their name, largest gap first as
//! the domain ordered them. Every figure as the page's language writes it.

use leidraad_domain::space_scan::{Gap, Shown, SpaceScan};

use super::{mean_text, statement_text};
use crate::i18n::Tr;

pub struct GapView {
    /// The statement's id: a theme of the development plan can be made from the gap.
    pub statement: String,
    pub text: String,
    /// "Your estimate 3 · the team 2,1".
    pub figures: String,
    /// "You estimate 0,9 higher".
    pub difference: String,
}

/// One board member's list.
pub struct BoardGapsView {
    pub title: String,
    pub lead: String,
    pub gaps: Vec<GapView>,
}

/// The owner's own list.
pub fn leaders_gaps(tr: Tr, scan: &SpaceScan, shown: &Shown) -> Vec<GapView> {
    let words = Words {
        figures: "scan-gap-figures",
        over: "scan-gap-over",
        under: "scan-gap-under",
    };
    shown
        .gaps
        .iter()
        .map(|gap| gap_view(tr, scan, gap, &words))
        .collect()
}

/// Every board member's list, in the order of the results.
pub fn board_gaps(tr: Tr, scan: &SpaceScan, shown: &Shown) -> Vec<BoardGapsView> {
    let words = Words {
        figures: "scan-board-gap-figures",
        over: "scan-board-gap-over",
        under: "scan-board-gap-under",
    };
    shown
        .board_gaps
        .iter()
        .map(|board| BoardGapsView {
            title: tr.t1("scan-board-gaps-title", "name", board.by.as_str()),
            lead: tr.t1("scan-board-gaps-lead", "name", board.by.as_str()),
            gaps: board
                .gaps
                .iter()
                .map(|gap| gap_view(tr, scan, gap, &words))
                .collect(),
        })
        .collect()
}

/// The messages of one kind of list: whose estimate it is decides the words.
struct Words {
    figures: &'static str,
    over: &'static str,
    under: &'static str,
}

fn gap_view(tr: Tr, scan: &SpaceScan, gap: &Gap, words: &Words) -> GapView {
    let size = mean_text(tr, gap.gap.abs());
    GapView {
        statement: gap.statement.clone(),
        text: statement_text(tr, scan, &gap.statement),
        figures: tr.t2(
            words.figures,
            ("estimate", gap.estimate.to_string()),
            ("team", mean_text(tr, gap.team)),
        ),
        difference: tr.t1(
            if gap.gap > 0.0 {
                words.over
            } else {
                words.under
            },
            "gap",
            size,
        ),
    }
}
