//! The lists of differences as the report names them: blind spots, hidden strengths, the
//! highest and lowest rated cards, agreement and disagreement, each card with the figures
//! that put it there, all from the snapshot.

use std::borrow::Cow;
use std::collections::HashMap;

use leidraad_domain::feedback::{CardResult, Report, Score};

use super::{Names, decimal};

/// A card in a list of differences, with the figures that put it there.
pub struct HighlightCard<'a> {
    pub id: &'a str,
    pub domain_number: usize,
    pub domain_title: &'a str,
    pub text: &'a str,
    pub figures: String,
}

/// One list of differences: blind spots, hidden strengths, highest, lowest, agreement,
/// disagreement.
pub struct Highlight<'a> {
    /// The list's code, for its heading's id.
    pub code: &'static str,
    pub title: Cow<'static, str>,
    pub lead: Cow<'static, str>,
    pub cards: Vec<HighlightCard<'a>>,
    /// The leader may take a card of this list as a focus card from here.
    pub focus: bool,
}

/// The six lists, in the order the report shows them.
pub fn lists<'a>(
    names: &Names<'a>,
    report: &'a Report,
    cards: &HashMap<&str, &'a CardResult>,
) -> Vec<Highlight<'a>> {
    let tr = names.tr;
    let mean = |score: Option<&Score>| score.map_or("–".to_owned(), |s| decimal(tr, s.mean, 1));
    let own_and_others = |card: &CardResult| {
        tr.t2(
            "report-figures-self-others",
            (
                "own",
                card.own.map_or("–".to_owned(), |r| r.score().to_string()),
            ),
            ("others", mean(card.others.as_ref())),
        )
    };
    let others_only = |card: &CardResult| {
        tr.t1(
            "report-figures-others",
            "others",
            mean(card.others.as_ref()),
        )
    };
    let per_group = |card: &CardResult| {
        card.groups
            .iter()
            .filter_map(|(key, score)| {
                let score = score.as_ref()?;
                Some(format!(
                    "{} {}",
                    names.group(*key),
                    decimal(tr, score.mean, 1)
                ))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let list = |code: &'static str,
                ids: &'a [String],
                focus: bool,
                figures: &dyn Fn(&CardResult) -> String| {
        Highlight {
            code,
            title: tr.t(&format!("report-{code}")),
            lead: tr.t(&format!("report-{code}-lead")),
            focus,
            cards: ids
                .iter()
                .filter_map(|id| cards.get(id.as_str()).copied())
                .map(|card| {
                    let (domain_number, domain_title) = names.domain(&card.domain);
                    HighlightCard {
                        id: &card.card,
                        domain_number,
                        domain_title,
                        text: names.card(&card.card),
                        figures: figures(card),
                    }
                })
                .collect(),
        }
    };
    vec![
        list("blind-spots", &report.blind_spots, true, &own_and_others),
        list(
            "hidden-strengths",
            &report.hidden_strengths,
            false,
            &own_and_others,
        ),
        list("highest", &report.highest, false, &others_only),
        list("lowest", &report.lowest, true, &others_only),
        list("agreement", &report.agreement, false, &per_group),
        list("disagreement", &report.disagreement, true, &per_group),
    ]
}
