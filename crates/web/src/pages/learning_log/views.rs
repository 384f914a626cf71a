//! What the log's pages show, already in words: an activity's line, the cycle's progress bar
//! and a suggestion from Leidraad.

use leidraad_app::learning_log::{
    ActivityRecord, CycleProgress, EvidenceRecord, LogLine, Suggestion,
};
use leidraad_domain::Language;
use leidraad_domain::development::{Day, format_hours};

use crate::i18n::Tr;

/// One activity in the list.
pub struct ActivityLine {
    pub href: String,
    pub title: String,
    pub kind_label: String,
    pub date: String,
    /// "1,5 uur · 20 punten", in words.
    pub facts: String,
    pub from_leidraad: bool,
    pub files: usize,
}

/// A kind's name in words.
pub fn kind_label(tr: Tr, code: &str) -> String {
    tr.t(&format!("log-kind-{code}")).into_owned()
}

/// An activity's title, or its kind's name when it came from Leidraad without one.
pub fn title_of(tr: Tr, record: &ActivityRecord) -> String {
    shown_title(tr, &record.kind, &record.title)
}

fn shown_title(tr: Tr, kind: &str, title: &str) -> String {
    if title.is_empty() {
        kind_label(tr, kind)
    } else {
        title.to_owned()
    }
}

/// A stored day in words ("12 maart 2026"), or as stored when it does not parse.
pub fn day_words(tr: Tr, stored: &str) -> String {
    Day::parse(stored).map_or_else(|_| stored.to_owned(), |day| day.format(tr.lang))
}

pub fn hours_words(tr: Tr, minutes: i64) -> String {
    let minutes = u32::try_from(minutes).unwrap_or(0);
    tr.t1(
        "log-hours",
        "hours",
        format_hours(minutes, tr.lang == Language::Nl),
    )
}

pub fn activity_line(tr: Tr, line: &LogLine) -> ActivityLine {
    let mut facts = Vec::new();
    if line.minutes > 0 {
        facts.push(hours_words(tr, line.minutes));
    }
    facts.push(if line.points > 0 {
        tr.t1("log-points", "points", line.points)
    } else {
        tr.t("log-informal").into_owned()
    });
    ActivityLine {
        href: format!("/logboek/{}", line.id),
        title: shown_title(tr, &line.kind, &line.title),
        kind_label: kind_label(tr, &line.kind),
        date: day_words(tr, &line.happened_on),
        facts: facts.join(" · "),
        from_leidraad: line.from_leidraad,
        files: usize::try_from(line.files).unwrap_or(0),
    }
}

/// The cycle's progress: the figures, and the bar drawn as SVG shapes sized by attributes
/// (the CSP allows no style attribute). The bar runs 0–1000 wide.
pub struct ProgressView {
    pub points: u32,
    pub still_needed: u32,
    pub summary: String,
    pub time_left: String,
    pub period: String,
    pub behind: bool,
    pub done_width: u32,
    /// Where today is in the cycle, 0–1000.
    pub today_x: u32,
    /// "Jaar 1 (vanaf 1 augustus 2024): 20 punten".
    pub per_year: Vec<String>,
}

pub fn progress_view(tr: Tr, cycle: &CycleProgress) -> ProgressView {
    let p = &cycle.progress;
    let last_day = cycle.cycle.end();
    ProgressView {
        points: p.points,
        still_needed: p.still_needed,
        summary: tr.t2(
            "log-progress-summary",
            ("points", p.points),
            ("target", p.target),
        ),
        time_left: time_left(tr, p.days_left),
        period: tr.t2(
            "log-cycle-period",
            ("start", cycle.cycle.start.format(tr.lang)),
            ("end", last_day.format(tr.lang)),
        ),
        behind: p.behind,
        done_width: p.permille(),
        today_x: p.time_permille().min(996),
        per_year: p
            .per_year
            .iter()
            .enumerate()
            .map(|(i, year)| {
                let label = tr.t2(
                    "log-cycle-year",
                    ("number", i + 1),
                    ("start", year.from.format(tr.lang)),
                );
                format!("{label}: {}", tr.t1("log-points", "points", year.points))
            })
            .collect(),
    }
}

/// Time left in words: days when it is short, months otherwise.
fn time_left(tr: Tr, days: i64) -> String {
    if days <= 0 {
        tr.t("log-time-over").into_owned()
    } else if days < 62 {
        tr.t1("log-days-left", "days", days)
    } else {
        tr.t1("log-months-left", "months", days * 12 / 365)
    }
}

/// A suggestion from Leidraad, with the two forms to settle it.
pub struct SuggestionView {
    pub title: String,
    pub kind_label: String,
    pub date: String,
    pub confirm: String,
    pub dismiss: String,
}

pub fn suggestion_view(tr: Tr, suggestion: &Suggestion) -> SuggestionView {
    let kind = suggestion.kind.code();
    let base = format!("/logboek/suggesties/{kind}/{}", suggestion.id);
    SuggestionView {
        title: if suggestion.title.is_empty() {
            kind_label(tr, kind)
        } else {
            suggestion.title.clone()
        },
        kind_label: kind_label(tr, kind),
        date: suggestion.day.format(tr.lang),
        confirm: format!("{base}/bevestigen"),
        dismiss: format!("{base}/negeren"),
    }
}

/// An evidence file in a list.
pub struct FileLine {
    pub name: String,
    pub href: String,
    pub delete: String,
    pub size: String,
}

pub fn file_line(tr: Tr, file: &EvidenceRecord) -> FileLine {
    FileLine {
        name: file.filename.clone(),
        href: format!("/logboek/bestanden/{}", file.id),
        delete: format!("/logboek/bestanden/{}/verwijderen", file.id),
        size: size_words(tr, file.size_bytes),
    }
}

/// "340 kB", "2,4 MB", counted as the limits are (a MB is 1024 × 1024 bytes, so the quota
/// reads "200 MB").
pub fn size_words(tr: Tr, bytes: i64) -> String {
    const KB: i64 = 1024;
    const MB: i64 = 1024 * 1024;
    if bytes < MB {
        tr.t1("log-size-kb", "size", (bytes + KB - 1) / KB)
    } else {
        let tenths = (bytes * 10 + MB / 2) / MB;
        let text = if tenths % 10 == 0 {
            (tenths / 10).to_string()
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        };
        let text = if tr.lang == Language::Nl {
            text.replace('.', ",")
        } else {
            text
        };
        tr.t1("log-size-mb", "size", text)
    }
}
