//! The activity form, for adding and for changing: what it shows (kinds, the standard's
//! domains with their cards, the plan themes) and what it posted, kept to show again when
//! the form is refused.

use leidraad_app::learning_log::{ActivityRecord, LogTheme};
use leidraad_domain::Framework;
use leidraad_domain::development::{ActivityForm, ActivityKind, format_hours};

use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;

/// The kinds a leader types in; Leidraad's own come as suggestions.
const TYPED_KINDS: [ActivityKind; 9] = [
    ActivityKind::Course,
    ActivityKind::Training,
    ActivityKind::MasterModule,
    ActivityKind::Intervision,
    ActivityKind::Coaching,
    ActivityKind::Conference,
    ActivityKind::Reading,
    ActivityKind::SchoolVisit,
    ActivityKind::Dialogue,
];

/// The form's values as typed (or as stored, when changing).
#[derive(Default, Clone)]
pub struct Posted {
    pub kind: String,
    pub title: String,
    pub day: String,
    pub hours: String,
    pub points: String,
    pub domains: Vec<String>,
    pub cards: Vec<String>,
    pub themes: Vec<String>,
    pub learned: String,
    pub differently: String,
}

impl Posted {
    pub fn from_form(form: &FormFields) -> Posted {
        let all = |name| form.all(name).map(str::to_owned).collect();
        Posted {
            kind: form.get("kind").to_owned(),
            title: form.get("title").to_owned(),
            day: form.get("day").to_owned(),
            hours: form.get("hours").to_owned(),
            points: form.get("points").to_owned(),
            domains: all("domain"),
            cards: all("card"),
            themes: all("theme"),
            learned: form.get("learned").to_owned(),
            differently: form.get("differently").to_owned(),
        }
    }

    pub fn from_record(tr: Tr, record: &ActivityRecord) -> Posted {
        let minutes = u32::try_from(record.minutes).unwrap_or(0);
        Posted {
            kind: record.kind.clone(),
            title: super::views::title_of(tr, record),
            day: record.happened_on.clone(),
            hours: if minutes == 0 {
                String::new()
            } else {
                format_hours(minutes, tr.lang == leidraad_domain::Language::Nl)
            },
            points: if record.points == 0 {
                String::new()
            } else {
                record.points.to_string()
            },
            domains: record.domains.clone(),
            cards: record.cards.clone(),
            themes: record.themes.iter().map(|(id, _)| id.to_string()).collect(),
            learned: record.learned.clone(),
            differently: record.differently.clone(),
        }
    }

    /// The typed activity as the domain reads it.
    pub fn activity(&self) -> ActivityForm<'_> {
        ActivityForm {
            kind: &self.kind,
            title: &self.title,
            day: &self.day,
            hours: &self.hours,
            minutes: None,
            points: &self.points,
            domains: self.domains.iter().map(String::as_str).collect(),
            cards: self.cards.iter().map(String::as_str).collect(),
            learned: &self.learned,
            differently: &self.differently,
        }
    }

    /// The ticked themes as ids; anything else is no theme of theirs.
    pub fn theme_ids(&self) -> Result<Vec<i64>, AppError> {
        self.themes
            .iter()
            .map(|t| t.trim().parse::<i64>())
            .collect::<Result<_, _>>()
            .map_err(|_| AppError::BadRequest {
                code: "activity-theme-unknown",
            })
    }
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub struct DomainChoice {
    pub id: String,
    pub title: String,
    pub checked: bool,
    /// Cards ticked in this domain: the list opens.
    pub open: bool,
    pub cards: Vec<Choice>,
}

/// Everything the form shows.
pub struct ActivityFormView {
    pub action: String,
    pub submit: String,
    /// `None`: an entry from Leidraad, whose kind stays (named in this text).
    pub kinds: Option<Vec<Choice>>,
    pub fixed_kind: String,
    pub posted: Posted,
    pub domains: Vec<DomainChoice>,
    pub themes: Vec<Choice>,
}

impl ActivityFormView {
    pub fn new(
        tr: Tr,
        framework: &Framework,
        themes: &[LogTheme],
        posted: Posted,
        action: String,
        fixed_kind: Option<&str>,
    ) -> ActivityFormView {
        let kinds = TYPED_KINDS
            .iter()
            .map(|kind| Choice {
                value: kind.code().to_owned(),
                label: super::views::kind_label(tr, kind.code()),
                checked: posted.kind == kind.code(),
            })
            .collect();
        let domains = framework
            .domains
            .iter()
            .map(|domain| {
                let cards: Vec<Choice> = framework
                    .cards_of(&domain.id)
                    .map(|card| Choice {
                        value: card.id.clone(),
                        label: format!(
                            "{}. {}",
                            framework.position_in_domain(card),
                            tr.pick(&card.text)
                        ),
                        checked: posted.cards.contains(&card.id),
                    })
                    .collect();
                DomainChoice {
                    id: domain.id.clone(),
                    title: tr.pick(&domain.title).to_owned(),
                    checked: posted.domains.contains(&domain.id),
                    open: cards.iter().any(|c| c.checked),
                    cards,
                }
            })
            .collect();
        let themes = themes
            .iter()
            .map(|theme| Choice {
                value: theme.id.to_string(),
                label: tr.t2(
                    "log-theme-choice",
                    ("title", theme.title.as_str()),
                    (
                        "year",
                        format!("{}-{}", theme.school_year, theme.school_year + 1),
                    ),
                ),
                checked: posted.themes.contains(&theme.id.to_string()),
            })
            .collect();
        ActivityFormView {
            submit: tr
                .t(if fixed_kind.is_some() || action != "/logboek" {
                    "log-save"
                } else {
                    "log-add-submit"
                })
                .into_owned(),
            action,
            kinds: fixed_kind.is_none().then_some(kinds),
            fixed_kind: fixed_kind
                .map(|code| super::views::kind_label(tr, code))
                .unwrap_or_default(),
            posted,
            domains,
            themes,
        }
    }
}
