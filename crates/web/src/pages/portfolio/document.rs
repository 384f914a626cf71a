//! The portfolio in words, as a list of blocks: the print view lays them out as HTML and the
//! PDF as pages, so both say exactly the same.

use leidraad_app::portfolio::{DomainPart, Portfolio};
use leidraad_domain::development::{Day, format_hours};
use leidraad_domain::local_time::LocalDateTime;
use leidraad_domain::{Framework, Language};

use crate::AppState;
use crate::i18n::Tr;

/// One piece of the document, from the largest to the smallest.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title(String),
    /// A domain.
    Heading(String),
    /// A part of a domain: activities, reflection moments, 360°, the plan.
    Subheading(String),
    /// One activity or theme.
    Item(String),
    /// Dates, kinds, points, quietly.
    Meta(String),
    Text(String),
    Bullet(String),
    /// A label and its value, on the cover.
    Fact(String, String),
    PageBreak,
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Title(t)
            | Block::Heading(t)
            | Block::Subheading(t)
            | Block::Item(t)
            | Block::Meta(t)
            | Block::Text(t)
            | Block::Bullet(t) => t,
            Block::Fact(label, _) => label,
            Block::PageBreak => "",
        }
    }
}

pub fn day_text(tr: Tr, day: Day) -> String {
    day.format(tr.lang)
}

fn moment(tr: Tr, at: i64) -> String {
    LocalDateTime::amsterdam(at).format_date(tr.lang)
}

fn hours(tr: Tr, minutes: i64) -> String {
    format_hours(u32::try_from(minutes).unwrap_or(0), tr.lang == Language::Nl)
}

/// The whole document: the cover, then the nine domains, then what touches none.
pub fn blocks(state: &AppState, tr: Tr, portfolio: &Portfolio) -> Vec<Block> {
    let framework = state.library.framework(&portfolio.framework_id);
    let mut out = cover(tr, portfolio);
    for (index, part) in portfolio.domains.iter().enumerate() {
        let title = framework
            .and_then(|f| f.domains.iter().find(|d| d.id == part.domain_id))
            .map_or(part.domain_id.clone(), |d| tr.pick(&d.title).to_owned());
        out.push(Block::Heading(format!("{}. {title}", index + 1)));
        domain(tr, framework, portfolio, part, &mut out);
    }
    if !portfolio.elsewhere.is_empty() {
        out.push(Block::Heading(tr.t("portfolio-elsewhere").into_owned()));
        domain(tr, framework, portfolio, &portfolio.elsewhere, &mut out);
    }
    out
}

fn cover(tr: Tr, portfolio: &Portfolio) -> Vec<Block> {
    let period = tr.t2(
        "portfolio-period",
        ("from", day_text(tr, portfolio.from)),
        ("until", day_text(tr, portfolio.until)),
    );
    let mut out = vec![
        Block::Title(tr.t1("portfolio-title", "name", portfolio.owner.as_str())),
        Block::Text(tr.t("portfolio-lead").into_owned()),
        Block::Meta(period),
        Block::Subheading(tr.t("portfolio-totals").into_owned()),
    ];
    let fact = |key: &str, value: String| Block::Fact(tr.t(key).into_owned(), value);
    out.push(fact("portfolio-points", portfolio.total_points.to_string()));
    out.push(fact("portfolio-hours", hours(tr, portfolio.total_minutes)));
    if let Some(cycle) = &portfolio.cycle {
        let progress = &cycle.progress;
        out.push(fact("portfolio-target", progress.target.to_string()));
        out.push(fact(
            "portfolio-still-needed",
            progress.still_needed.to_string(),
        ));
        out.push(fact(
            "portfolio-days-left",
            progress.days_left.max(0).to_string(),
        ));
        out.push(Block::Subheading(tr.t("portfolio-per-year").into_owned()));
        for (index, year) in progress.per_year.iter().enumerate() {
            let label = tr.t2(
                "portfolio-cycle-year",
                ("number", index + 1),
                ("from", day_text(tr, year.from)),
            );
            out.push(Block::Fact(label, year.points.to_string()));
        }
    } else {
        out.push(Block::Text(tr.t("portfolio-no-cycle").into_owned()));
    }
    out.push(Block::PageBreak);
    out
}

fn domain(
    tr: Tr,
    framework: Option<&Framework>,
    portfolio: &Portfolio,
    part: &DomainPart,
    out: &mut Vec<Block>,
) {
    if part.is_empty() {
        out.push(Block::Text(tr.t("portfolio-domain-empty").into_owned()));
        return;
    }
    let card = |id: &str| {
        framework
            .and_then(|f| f.card(id))
            .map_or(id.to_owned(), |c| tr.pick(&c.text).to_owned())
    };
    if !part.activities.is_empty() {
        out.push(Block::Subheading(tr.t("portfolio-activities").into_owned()));
        for activity in &part.activities {
            activity_blocks(tr, activity, out);
        }
    }
    if !part.moves.is_empty()
        && let Some((first, last)) = portfolio.moments
    {
        out.push(Block::Subheading(tr.t2(
            "portfolio-moves",
            ("first", moment(tr, first)),
            ("last", moment(tr, last)),
        )));
        for moved in &part.moves {
            let pile = |p: Option<leidraad_domain::Rating>| match p {
                Some(p) => tr.t(&format!("pile-{}", p.code())).into_owned(),
                None => tr.t("pile-unsorted").into_owned(),
            };
            out.push(Block::Bullet(format!(
                "{}: {} → {}",
                card(&moved.card),
                pile(moved.from),
                pile(moved.to)
            )));
        }
    }
    if !part.feedback.is_empty() {
        out.push(Block::Subheading(tr.t("portfolio-feedback").into_owned()));
        for result in &part.feedback {
            let own = result.own.map_or("–".to_owned(), |r| r.score().to_string());
            let others = result
                .others
                .map_or(tr.t("portfolio-too-few").into_owned(), |m| decimal(tr, m));
            out.push(Block::Bullet(tr.t2(
                "portfolio-feedback-card",
                ("card", card(&result.card)),
                (
                    "figures",
                    tr.t2(
                        "portfolio-feedback-figures",
                        ("own", own),
                        ("others", others),
                    ),
                ),
            )));
        }
    }
    if !part.themes.is_empty() {
        out.push(Block::Subheading(tr.t("portfolio-themes").into_owned()));
        for (year, theme) in &part.themes {
            out.push(Block::Item(theme.title.clone()));
            out.push(Block::Meta(format!(
                "{}–{} · {}",
                year,
                year + 1,
                tr.t(&format!("plan-status-{}", theme.status))
            )));
            for (key, text) in [
                ("plan-goal-short", &theme.goal),
                ("portfolio-monitoring", &theme.monitoring),
                ("portfolio-review", &theme.review),
            ] {
                if !text.is_empty() {
                    out.push(Block::Text(format!("{}: {text}", tr.t(key))));
                }
            }
        }
    }
}

fn decimal(tr: Tr, value: f64) -> String {
    let text = format!("{value:.1}");
    if tr.lang == Language::Nl {
        text.replace('.', ",")
    } else {
        text
    }
}

fn activity_blocks(
    tr: Tr,
    activity: &leidraad_store::learning_log::ActivityRecord,
    out: &mut Vec<Block>,
) {
    let kind = tr.t(&format!("log-kind-{}", activity.kind)).into_owned();
    let title = if activity.title.is_empty() {
        kind.clone()
    } else {
        activity.title.clone()
    };
    out.push(Block::Item(title));
    let day =
        Day::parse(&activity.happened_on).map_or(activity.happened_on.clone(), |d| day_text(tr, d));
    let mut meta = vec![
        day,
        kind,
        tr.t1("portfolio-hours-of", "hours", hours(tr, activity.minutes)),
    ];
    if activity.points > 0 {
        meta.push(tr.t1("portfolio-points-of", "points", activity.points));
    }
    out.push(Block::Meta(meta.join(" · ")));
    if !activity.learned.is_empty() {
        out.push(Block::Text(format!(
            "{}: {}",
            tr.t("portfolio-learned"),
            activity.learned
        )));
    }
    if !activity.differently.is_empty() {
        out.push(Block::Text(format!(
            "{}: {}",
            tr.t("portfolio-differently"),
            activity.differently
        )));
    }
    for evidence in &activity.evidence {
        out.push(Block::Bullet(tr.t1(
            "portfolio-evidence",
            "file",
            evidence.filename.as_str(),
        )));
    }
}
