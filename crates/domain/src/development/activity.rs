//! An activity of the learning log (activiteitenlog): what a leader did to grow, on which day,
//! for how long, which parts of the standard it touched, what they learned, and the register
//! points it earned where it was certified. Leidraad's own activities (a finished reflection,
//! a released 360° round, a dialogue, a team scan) are suggested and land once confirmed.

use super::{Day, DevelopmentError};
use crate::Framework;
use crate::text::{TextKind, clean};

/// The longest activity a log takes: a master module's whole study load fits, a typo of a
/// few zeros does not.
pub const MAX_HOURS: u32 = 1000;
/// A certified activity is worth at most 100 points in the register.
pub const MAX_POINTS: u32 = 100;
/// An activity touches a handful of cards, not the standard.
pub const MAX_ACTIVITY_CARDS: usize = 20;
const TITLE_CHARS: usize = 160;
const REFLECTION_CHARS: usize = 2000;

/// What kind of activity it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActivityKind {
    Course,
    Training,
    MasterModule,
    Intervision,
    Coaching,
    Conference,
    Reading,
    SchoolVisit,
    /// A dialogue held or joined in Leidraad.
    Dialogue,
    /// A finished self-reflection in Leidraad.
    Reflection,
    /// A released 360° feedback round in Leidraad.
    FeedbackRound,
    /// A released team scan in Leidraad.
    TeamScan,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 12] = [
        ActivityKind::Course,
        ActivityKind::Training,
        ActivityKind::MasterModule,
        ActivityKind::Intervision,
        ActivityKind::Coaching,
        ActivityKind::Conference,
        ActivityKind::Reading,
        ActivityKind::SchoolVisit,
        ActivityKind::Dialogue,
        ActivityKind::Reflection,
        ActivityKind::FeedbackRound,
        ActivityKind::TeamScan,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ActivityKind::Course => "course",
            ActivityKind::Training => "training",
            ActivityKind::MasterModule => "master-module",
            ActivityKind::Intervision => "intervision",
            ActivityKind::Coaching => "coaching",
            ActivityKind::Conference => "conference",
            ActivityKind::Reading => "reading",
            ActivityKind::SchoolVisit => "school-visit",
            ActivityKind::Dialogue => "dialogue",
            ActivityKind::Reflection => "reflection",
            ActivityKind::FeedbackRound => "feedback-round",
            ActivityKind::TeamScan => "team-scan",
        }
    }

    pub fn parse(code: &str) -> Result<ActivityKind, DevelopmentError> {
        ActivityKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code.trim())
            .ok_or(DevelopmentError::ActivityKindUnknown)
    }
}

/// Something in Leidraad an activity came from, so it lands in the log once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ActivitySource {
    pub kind: ActivityKind,
    pub id: i64,
}

/// Hours as a leader types them ("1,5", "1.5", "2"), as whole minutes. Negative, more than
/// [`MAX_HOURS`], more than two decimals or not a number is refused.
pub fn parse_hours(typed: &str) -> Result<u32, DevelopmentError> {
    let invalid = DevelopmentError::ActivityHoursInvalid;
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(0);
    }
    let (whole, fraction) = match typed.split_once([',', '.']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (typed, ""),
    };
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty()
        || !digits(whole)
        || !digits(fraction)
        || whole.len() > 4
        || fraction.len() > 2
    {
        return Err(invalid);
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| invalid)?
    };
    let hundredths: u32 = format!("{fraction:0<2}").parse().map_err(|_| invalid)?;
    if whole > MAX_HOURS || whole == MAX_HOURS && hundredths > 0 {
        return Err(invalid);
    }
    // Hundredths of an hour to minutes, rounded to the nearest minute.
    Ok(whole * 60 + (hundredths * 60 + 50) / 100)
}

/// Whole minutes as an API client sends them: 0 to [`MAX_HOURS`] hours' worth.
pub fn check_minutes(minutes: i64) -> Result<u32, DevelopmentError> {
    u32::try_from(minutes)
        .ok()
        .filter(|m| *m <= MAX_HOURS * 60)
        .ok_or(DevelopmentError::ActivityHoursInvalid)
}

/// Minutes as a leader reads them: "1,5" in Dutch, "1.5" in English, "2" for whole hours.
pub fn format_hours(minutes: u32, decimal_comma: bool) -> String {
    let hundredths = (minutes * 100 + 30) / 60;
    let (whole, rest) = (hundredths / 100, hundredths % 100);
    let text = if rest == 0 {
        whole.to_string()
    } else if rest % 10 == 0 {
        format!("{whole}.{}", rest / 10)
    } else {
        format!("{whole}.{rest:02}")
    };
    if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}

/// Register points: a whole number from 0 to [`MAX_POINTS`]; empty is none.
pub fn parse_points(typed: &str) -> Result<u32, DevelopmentError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(0);
    }
    if !typed.bytes().all(|b| b.is_ascii_digit()) || typed.len() > 3 {
        return Err(DevelopmentError::ActivityPointsInvalid);
    }
    let points: u32 = typed
        .parse()
        .map_err(|_| DevelopmentError::ActivityPointsInvalid)?;
    if points > MAX_POINTS {
        return Err(DevelopmentError::ActivityPointsInvalid);
    }
    Ok(points)
}

/// The activity's name: one line, 1 to 160 characters.
pub fn parse_activity_title(typed: &str) -> Result<String, DevelopmentError> {
    let title = clean(typed, TITLE_CHARS, TextKind::Name)
        .map_err(|_| DevelopmentError::ActivityTitleInvalid)?;
    if title.is_empty() {
        return Err(DevelopmentError::ActivityTitleInvalid);
    }
    Ok(title)
}

/// "What did I learn" or "what do I do differently": paragraphs, empty allowed.
pub fn parse_reflection_text(typed: &str) -> Result<String, DevelopmentError> {
    clean(typed, REFLECTION_CHARS, TextKind::Paragraphs)
        .map_err(|_| DevelopmentError::ActivityTextInvalid)
}

/// The domains and cards an activity touched, each of `framework` and each once, in the
/// standard's order. A card's domain counts as touched too. Anything of another framework is
/// refused whole.
pub fn check_touched(
    framework: &Framework,
    domains: &[&str],
    cards: &[&str],
) -> Result<(Vec<String>, Vec<String>), DevelopmentError> {
    let mut chosen_cards = Vec::new();
    for id in cards.iter().map(|id| id.trim()).filter(|id| !id.is_empty()) {
        framework
            .card(id)
            .ok_or(DevelopmentError::ActivityCardUnknown)?;
        chosen_cards.push(id);
    }
    if chosen_cards.len() > MAX_ACTIVITY_CARDS {
        return Err(DevelopmentError::ActivityTooManyCards);
    }
    for id in domains
        .iter()
        .map(|id| id.trim())
        .filter(|id| !id.is_empty())
    {
        framework
            .domain(id)
            .ok_or(DevelopmentError::ActivityDomainUnknown)?;
    }
    let touched_domains = framework
        .domains
        .iter()
        .filter(|domain| {
            domains.iter().any(|id| id.trim() == domain.id)
                || chosen_cards
                    .iter()
                    .any(|id| framework.card(id).is_some_and(|c| c.domain == domain.id))
        })
        .map(|domain| domain.id.clone())
        .collect();
    let touched_cards = framework
        .cards
        .iter()
        .filter(|card| chosen_cards.contains(&card.id.as_str()))
        .map(|card| card.id.clone())
        .collect();
    Ok((touched_domains, touched_cards))
}

/// An activity as typed, before it is checked.
#[derive(Debug, Clone, Default)]
pub struct ActivityForm<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    pub day: &'a str,
    pub hours: &'a str,
    /// Whole minutes instead of typed hours (the API sends these); takes the place of `hours`.
    pub minutes: Option<i64>,
    pub points: &'a str,
    pub domains: Vec<&'a str>,
    pub cards: Vec<&'a str>,
    pub learned: &'a str,
    pub differently: &'a str,
}

/// An activity as checked: every field by its own rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub kind: ActivityKind,
    pub title: String,
    pub day: Day,
    pub minutes: u32,
    pub points: u32,
    pub domains: Vec<String>,
    pub cards: Vec<String>,
    pub learned: String,
    pub differently: String,
}

impl Activity {
    /// Checks a typed activity against `framework`; the first field that is wrong refuses it.
    pub fn parse(
        framework: &Framework,
        form: &ActivityForm<'_>,
    ) -> Result<Activity, DevelopmentError> {
        let (domains, cards) = check_touched(framework, &form.domains, &form.cards)?;
        Ok(Activity {
            kind: ActivityKind::parse(form.kind)?,
            title: parse_activity_title(form.title)?,
            day: Day::parse(form.day)?,
            minutes: match form.minutes {
                Some(minutes) => check_minutes(minutes)?,
                None => parse_hours(form.hours)?,
            },
            points: parse_points(form.points)?,
            domains,
            cards,
            learned: parse_reflection_text(form.learned)?,
            differently: parse_reflection_text(form.differently)?,
        })
    }
}
