//! The report's charts: the radar of self against all others over the domains (the profile's
//! radar, [`crate::pages::reflection::chart`], with two shapes; bars below three domains), and
//! the bar in every score cell, with the spread around the mean as a whisker. Both only draw
//! what the tables beside them say in figures.

use leidraad_domain::feedback::Report;
use leidraad_domain::reflection::bar_percent;

use super::view::DomainView;
use crate::i18n::Tr;
use crate::pages::reflection::chart::{Chart, Fixed, Series};
use crate::pages::reflection::score_text;

/// The self-rating's shape and bars.
pub const SELF: &str = "chart--self";
/// All others' shape and bars.
pub const OTHERS: &str = "chart--others";

/// A score's bar out of 100 (score 4), with the spread (mean ± one standard deviation) as a
/// whisker when there is one.
pub struct Bar {
    pub length: Fixed<1>,
    pub whisker: Option<(Fixed<1>, Fixed<1>)>,
}

impl Bar {
    pub fn of(mean: f64, spread: Option<f64>) -> Bar {
        Bar {
            length: Fixed(bar_percent(Some(mean))),
            whisker: spread.filter(|s| *s > 0.0).map(|s| {
                (
                    Fixed(bar_percent(Some(mean - s))),
                    Fixed(bar_percent(Some(mean + s))),
                )
            }),
        }
    }
}

/// One entry of the chart's legend; `squares` when its shape marks corners with squares.
pub struct Legend {
    pub modifier: &'static str,
    pub label: String,
    pub squares: bool,
}

/// The radar (or bars) of the domains: the self-rating and all others, each only when it has
/// a figure on some domain; `None` when neither has. With the legend's entries.
pub fn radar<'a>(
    tr: Tr,
    report: &Report,
    domains: &[DomainView<'a>],
) -> (Option<Chart<'a>>, Vec<Legend>) {
    let own: Vec<Option<f64>> = report.domains.iter().map(|d| d.own).collect();
    let others: Vec<Option<f64>> = report
        .domains
        .iter()
        .map(|d| d.others.map(|s| s.mean))
        .collect();
    let own_label = tr.t("report-self").into_owned();
    let others_label = tr.t("report-others").into_owned();
    let mut series = Vec::new();
    let mut legend = Vec::new();
    if own.iter().any(Option::is_some) {
        series.push(Series {
            modifier: SELF,
            label: &own_label,
            means: &own,
        });
        legend.push(Legend {
            modifier: SELF,
            label: own_label.clone(),
            squares: false,
        });
    }
    if others.iter().any(Option::is_some) {
        series.push(Series {
            modifier: OTHERS,
            label: &others_label,
            means: &others,
        });
        legend.push(Legend {
            modifier: OTHERS,
            label: others_label.clone(),
            squares: false,
        });
    }
    if series.is_empty() {
        return (None, legend);
    }
    // As the chart draws them: the first of two shapes marks its corners with squares.
    if legend.len() > 1 {
        legend[0].squares = true;
    }
    let named: Vec<(usize, &'a str)> = domains.iter().map(|d| (d.number, d.title)).collect();
    let chart = Chart::new(&named, &series, |m| score_text(tr, m));
    (Some(chart), legend)
}
