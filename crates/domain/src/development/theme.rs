//! A theme of the plan: what it is about (cards of the standard), where it came from, the goal
//! in the leader's words, the actions, how they will know, review moments and a status.

use super::DevelopmentError;
use crate::Framework;
use crate::text::{TextKind, clean};

/// The standard asks for no more than two or three subjects a year.
pub const MAX_THEMES: usize = 3;
/// A theme is about a few cards, not a domain's worth.
pub const MAX_CARDS: usize = 9;
pub const MAX_ACTIONS: usize = 20;
pub const MAX_REVIEW_MOMENTS: usize = 12;

const TITLE_CHARS: usize = 120;
const ACTION_CHARS: usize = 300;

/// A fourth theme is refused, with the reason the standard gives.
pub fn may_add_theme(themes_now: usize) -> Result<(), DevelopmentError> {
    if themes_now >= MAX_THEMES {
        Err(DevelopmentError::TooManyThemes)
    } else {
        Ok(())
    }
}

/// A theme's title: one line.
pub fn parse_title(typed: &str) -> Result<String, DevelopmentError> {
    let title =
        clean(typed, TITLE_CHARS, TextKind::Name).map_err(|_| DevelopmentError::TitleInvalid)?;
    if title.is_empty() {
        return Err(DevelopmentError::TitleInvalid);
    }
    Ok(title)
}

/// A first title for a theme started from a card or a statement: its words on one line, cut
/// to the most a title holds, with an ellipsis where cut. The leader can change it after.
pub fn title_from(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= TITLE_CHARS {
        return line;
    }
    let cut: String = line.chars().take(TITLE_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// An action of a theme: one line.
pub fn parse_action(typed: &str) -> Result<String, DevelopmentError> {
    let text =
        clean(typed, ACTION_CHARS, TextKind::Name).map_err(|_| DevelopmentError::ActionInvalid)?;
    if text.is_empty() {
        return Err(DevelopmentError::ActionInvalid);
    }
    Ok(text)
}

/// The free texts of a theme, each saved on its own (autosaved, checked against the text the
/// page started from).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanField {
    /// The goal in the leader's own words.
    Goal,
    /// "How will I know": what monitoring looks like.
    Monitoring,
    /// The review at the end of the school year.
    Review,
}

impl PlanField {
    pub const ALL: [PlanField; 3] = [PlanField::Goal, PlanField::Monitoring, PlanField::Review];

    pub fn code(self) -> &'static str {
        match self {
            PlanField::Goal => "goal",
            PlanField::Monitoring => "monitoring",
            PlanField::Review => "review",
        }
    }

    pub fn parse(code: &str) -> Result<PlanField, DevelopmentError> {
        PlanField::ALL
            .into_iter()
            .find(|field| field.code() == code)
            .ok_or(DevelopmentError::FieldUnknown)
    }

    fn max_chars(self) -> usize {
        match self {
            PlanField::Goal | PlanField::Monitoring => 2000,
            PlanField::Review => 4000,
        }
    }
}

/// A free text of a theme as typed: paragraphs, empty allowed.
pub fn parse_field(field: PlanField, typed: &str) -> Result<String, DevelopmentError> {
    clean(typed, field.max_chars(), TextKind::Paragraphs).map_err(|_| DevelopmentError::TextInvalid)
}

/// The cards a theme is about: each a card of the plan's framework, each once, in the order
/// chosen. A card of another framework (or none) is refused whole.
pub fn check_cards(
    framework: &Framework,
    chosen: &[&str],
) -> Result<Vec<String>, DevelopmentError> {
    let mut cards: Vec<String> = Vec::new();
    for id in chosen {
        let id = id.trim();
        framework.card(id).ok_or(DevelopmentError::CardUnknown)?;
        if !cards.iter().any(|c| c == id) {
            cards.push(id.to_owned());
        }
    }
    if cards.len() > MAX_CARDS {
        return Err(DevelopmentError::TooManyCards);
    }
    Ok(cards)
}

/// Where a theme is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeStatus {
    #[default]
    Planned,
    Underway,
    Achieved,
    Stopped,
}

impl ThemeStatus {
    pub const ALL: [ThemeStatus; 4] = [
        ThemeStatus::Planned,
        ThemeStatus::Underway,
        ThemeStatus::Achieved,
        ThemeStatus::Stopped,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ThemeStatus::Planned => "planned",
            ThemeStatus::Underway => "underway",
            ThemeStatus::Achieved => "achieved",
            ThemeStatus::Stopped => "stopped",
        }
    }

    pub fn parse(code: &str) -> Result<ThemeStatus, DevelopmentError> {
        ThemeStatus::ALL
            .into_iter()
            .find(|status| status.code() == code.trim())
            .ok_or(DevelopmentError::StatusUnknown)
    }
}

/// Where a theme came from: the result it was made from, so the plan links back to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeSource {
    /// Written by the leader from nothing in Leidraad.
    Own,
    /// A focus card of a finished reflection.
    FocusCard { reflection: i64, card: String },
    /// A blind spot of a released 360° report.
    BlindSpot { round: i64, card: String },
    /// A gap between the leader's estimate and the team's view in a released team scan.
    ScanGap { scan: i64, statement: String },
    /// A theme of last year's plan, carried over.
    CarriedOver { theme: i64 },
}

impl ThemeSource {
    /// The stored kind.
    pub fn kind(&self) -> &'static str {
        match self {
            ThemeSource::Own => "own",
            ThemeSource::FocusCard { .. } => "focus-card",
            ThemeSource::BlindSpot { .. } => "blind-spot",
            ThemeSource::ScanGap { .. } => "scan-gap",
            ThemeSource::CarriedOver { .. } => "carried-over",
        }
    }

    /// The stored id of the thing it came from, and the item in it.
    pub fn parts(&self) -> (Option<i64>, &str) {
        match self {
            ThemeSource::Own => (None, ""),
            ThemeSource::FocusCard { reflection, card } => (Some(*reflection), card),
            ThemeSource::BlindSpot { round, card } => (Some(*round), card),
            ThemeSource::ScanGap { scan, statement } => (Some(*scan), statement),
            ThemeSource::CarriedOver { theme } => (Some(*theme), ""),
        }
    }

    /// Back from the stored parts; `None` for a kind this version does not know.
    pub fn from_parts(kind: &str, id: Option<i64>, item: &str) -> Option<ThemeSource> {
        let item = item.to_owned();
        Some(match (kind, id) {
            ("own", _) => ThemeSource::Own,
            ("focus-card", Some(reflection)) => ThemeSource::FocusCard {
                reflection,
                card: item,
            },
            ("blind-spot", Some(round)) => ThemeSource::BlindSpot { round, card: item },
            ("scan-gap", Some(scan)) => ThemeSource::ScanGap {
                scan,
                statement: item,
            },
            ("carried-over", Some(theme)) => ThemeSource::CarriedOver { theme },
            _ => return None,
        })
    }
}
