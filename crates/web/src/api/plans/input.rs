//! What the development plan's API accepts, said once for the OpenAPI document and for the
//! deserializer: a school year in the path, the typed parts of a theme, an action and a review
//! moment, each schema describing the domain's parser behind it with the domain's limits (the
//! tests below hold them to it). Every body refuses fields it does not know
//! (`deny_unknown_fields`), and a field that may be left out to keep what is stored says so
//! with `null` allowed only where `null` means something.

use leidraad_domain::development::{DevelopmentError, MAX_CARDS, SchoolYear};
use serde::{Deserialize, Deserializer};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{
    ArrayBuilder, KnownFormat, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type,
};
use utoipa::{IntoParams, ToSchema};

use crate::api::input::{SPACE, lines_or_empty_pattern, one_line_pattern};
use crate::error::AppError;

/// A theme's title: one line (`parse_title`).
pub const TITLE_CHARS: usize = 120;
/// An action: one line (`parse_action`).
pub const ACTION_CHARS: usize = 300;
/// The goal and "how will I know" (`PlanField::Goal`, `PlanField::Monitoring`).
pub const GOAL_CHARS: usize = 2000;
/// The year-end review and a review moment's note (`PlanField::Review`).
pub const REVIEW_CHARS: usize = 4000;

/// The school years a plan can be for: 2000-2001 to 2100-2101, as `SchoolYear::starting`
/// allows them.
const FIRST_YEAR: i16 = 2000;
const LAST_YEAR: i16 = 2100;

/// A school year as the API writes it: `2026-2027`, nothing looser (no bare starting year),
/// with white space around it trimmed as around all typed text, so the document's pattern is
/// exactly what is accepted.
pub fn school_year(text: &str) -> Result<SchoolYear, AppError> {
    SchoolYear::parse(text)
        .ok()
        .filter(|year| year.to_string() == text.trim())
        .ok_or(AppError::BadRequest {
            code: DevelopmentError::SchoolYearInvalid.code(),
        })
}

/// Every school year, spelt out: a pattern cannot say "the next year" otherwise, and one
/// that allowed `2026-2031` would send generated requests into a refusal the document did not
/// announce. White space around it is allowed, as `trim` takes it off (a generator reading
/// `$` as Python does adds a line break at the end).
pub fn school_year_schema() -> ObjectBuilder {
    let years: Vec<String> = (FIRST_YEAR..=LAST_YEAR)
        .map(|year| format!("{year}-{}", year + 1))
        .collect();
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(format!(
            "^[{SPACE}]*(?:{})[{SPACE}]*$",
            years.join("|")
        )))
        .description(Some(format!(
            "A school year (1 August to 31 July) as `YYYY-YYYY`, the second year the first \
             plus one: {FIRST_YEAR}-{} to {LAST_YEAR}-{}. White space around it is ignored.",
            FIRST_YEAR + 1,
            LAST_YEAR + 1
        )))
        .examples(["2026-2027"])
}

fn year_param() -> impl Into<RefOr<Schema>> {
    school_year_schema()
}

/// `{year}` in a path.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct YearPath {
    #[param(schema_with = year_param)]
    pub year: String,
}

/// `{year}` and `{person}` in a path.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct YearPersonPath {
    #[param(schema_with = year_param)]
    pub year: String,
    /// The person the plan is shared with (`shared_with[].id` of the plan).
    pub person: i64,
}

fn nullable(builder: ObjectBuilder) -> ObjectBuilder {
    builder.schema_type(SchemaType::from_iter([Type::String, Type::Null]))
}

fn title_text() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(one_line_pattern(TITLE_CHARS, false)))
        .description(Some(format!(
            "1 to {TITLE_CHARS} characters after trimming (counted in Unicode NFC), on one line: \
             no control characters (`plan-title-invalid`)."
        )))
        .examples(["Het team meenemen in de visie"])
}

pub fn title() -> impl Into<RefOr<Schema>> {
    title_text()
}

/// A new title in a change: `null` or left out keeps the title.
pub fn title_change() -> impl Into<RefOr<Schema>> {
    nullable(title_text())
}

fn paragraphs(max: usize) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(lines_or_empty_pattern(max)))
        .description(Some(format!(
            "At most {max} characters after trimming; line breaks and tabs are kept, other \
             control characters refused (`plan-text-invalid`). May be empty."
        )))
}

/// The goal or "how will I know".
pub fn goal() -> impl Into<RefOr<Schema>> {
    paragraphs(GOAL_CHARS).examples(["Elke maand een teamoverleg over onze koers."])
}

/// The text the writer last saw of a goal or "how will I know".
pub fn goal_base() -> impl Into<RefOr<Schema>> {
    nullable(paragraphs(GOAL_CHARS)).description(Some(BASE))
}

/// The year-end review, or a review moment's note.
pub fn review() -> impl Into<RefOr<Schema>> {
    paragraphs(REVIEW_CHARS).examples(["Het team noemt de koers nu zelf in overleggen."])
}

pub fn review_base() -> impl Into<RefOr<Schema>> {
    nullable(paragraphs(REVIEW_CHARS)).description(Some(BASE))
}

/// A review moment's note in a change: `null` or left out keeps it.
pub fn review_change() -> impl Into<RefOr<Schema>> {
    nullable(paragraphs(REVIEW_CHARS))
}

const BASE: &str = "The text as the writer last saw it (from the plan or their last save): the \
    text is saved only while the stored one is still that (compared after trimming), so a \
    second device's text is not lost silently (409 `plan-text-changed`). Null or left out \
    saves over whatever is there.";

fn action_text() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(one_line_pattern(ACTION_CHARS, false)))
        .description(Some(format!(
            "1 to {ACTION_CHARS} characters after trimming (counted in Unicode NFC), on one \
             line (`plan-action-invalid`)."
        )))
        .examples(["Intervisie met twee collega's plannen"])
}

pub fn action() -> impl Into<RefOr<Schema>> {
    action_text()
}

pub fn action_change() -> impl Into<RefOr<Schema>> {
    nullable(action_text())
}

fn day() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
        .examples(["2027-03-15"])
}

/// A review moment's day.
pub fn due_on() -> impl Into<RefOr<Schema>> {
    day().description(Some("The day, `YYYY-MM-DD` (`date-invalid` otherwise)."))
}

/// A review moment's new day: `null` or left out keeps it (a moment always has one).
pub fn due_on_change() -> impl Into<RefOr<Schema>> {
    nullable(day()).description(Some(
        "The new day, `YYYY-MM-DD` (`date-invalid` otherwise); null or left out keeps it.",
    ))
}

/// An action's day: `null` for none.
pub fn optional_due_on() -> impl Into<RefOr<Schema>> {
    nullable(day()).description(Some(
        "The day it is due, `YYYY-MM-DD` (`date-invalid` otherwise); null or left out for \
         none.",
    ))
}

/// An action's day in a change: left out keeps it, `null` takes it away.
pub fn optional_due_on_change() -> impl Into<RefOr<Schema>> {
    nullable(day()).description(Some(
        "The day it is due, `YYYY-MM-DD` (`date-invalid` otherwise); null takes the day away, \
         left out keeps it.",
    ))
}

fn card_list() -> ArrayBuilder {
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .examples(["visie-01"]),
        )
        .max_items(Some(MAX_CARDS))
}

const CARDS: &str = "Card ids of the standard (`GET /api/v1/cards`), in the order chosen; a card \
    named twice counts once. A card of another framework, or none, refuses the whole list \
    (`plan-card-unknown`).";

pub fn cards() -> impl Into<RefOr<Schema>> {
    card_list().description(Some(format!(
        "{CARDS} At most {MAX_CARDS}; left out for none. A theme made from a focus card or a \
         blind spot gets that card first."
    )))
}

pub fn cards_change() -> impl Into<RefOr<Schema>> {
    card_list()
        .schema_type(SchemaType::from_iter([Type::Array, Type::Null]))
        .description(Some(format!(
            "{CARDS} At most {MAX_CARDS}; an empty list takes them all away, null or left out \
             keeps them."
        )))
}

/// A list of cards as sent; more than the schema allows is refused before the use case
/// (which would count a card named twice once).
pub fn card_ids(cards: Vec<String>) -> Result<Vec<String>, AppError> {
    if cards.len() > MAX_CARDS {
        return Err(AppError::BadRequest {
            code: DevelopmentError::TooManyCards.code(),
        });
    }
    Ok(cards)
}

/// What a theme is heading for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PlanThemeStatus {
    Planned,
    Underway,
    Achieved,
    Stopped,
}

impl PlanThemeStatus {
    pub fn code(self) -> &'static str {
        match self {
            PlanThemeStatus::Planned => "planned",
            PlanThemeStatus::Underway => "underway",
            PlanThemeStatus::Achieved => "achieved",
            PlanThemeStatus::Stopped => "stopped",
        }
    }
}

/// Where a new theme comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NewSourceKind {
    /// Written from nothing in Leidraad: no `id`, no `item`.
    Own,
    /// A focus card (`item`) of the caller's finished reflection `id`.
    FocusCard,
    /// A blind spot (`item`, a card) of the caller's released 360° report, round `id`.
    BlindSpot,
    /// A gap on statement `item` of the caller's released team scan `id`.
    ScanGap,
}

impl NewSourceKind {
    pub fn code(self) -> &'static str {
        match self {
            NewSourceKind::Own => "own",
            NewSourceKind::FocusCard => "focus-card",
            NewSourceKind::BlindSpot => "blind-spot",
            NewSourceKind::ScanGap => "scan-gap",
        }
    }
}

/// The result a theme is made from ("maak hiervan een thema"). It must be the caller's own
/// and say what it claims (the card is a focus card of that reflection, a blind spot of that
/// report, a gap of that scan); anything else is refused as unknown (`plan-source-unknown`).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSourceBody {
    pub kind: NewSourceKind,
    /// The reflection, round or scan; null or left out for `own` (which takes none).
    #[serde(default, deserialize_with = "crate::api::input::optional_whole")]
    pub id: Option<i64>,
    /// The card or statement id in it; left out (or anything, which is not looked at) for
    /// `own`.
    #[serde(default)]
    pub item: String,
}

/// `deserialize_with` for a field where `null` means something other than left out: left
/// out is `None` (with `#[serde(default)]`), `null` is `Some(None)`.
pub fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use leidraad_domain::development::{PlanField, parse_action, parse_field, parse_title};

    use super::*;
    use crate::api::input::tests::{acceptor, agree, json, samples};

    #[test]
    fn the_patterns_match_what_the_domain_accepts() {
        agree(
            "title",
            &json(title()),
            |s| parse_title(s).is_ok(),
            &samples(TITLE_CHARS, 21),
        );
        agree(
            "action",
            &json(action()),
            |s| parse_action(s).is_ok(),
            &samples(ACTION_CHARS, 22),
        );
        for (field, schema, max, seed) in [
            (PlanField::Goal, json(goal()), GOAL_CHARS, 23),
            (PlanField::Monitoring, json(goal()), GOAL_CHARS, 24),
            (PlanField::Review, json(review()), REVIEW_CHARS, 25),
        ] {
            agree(
                field.code(),
                &schema,
                |s| parse_field(field, s).is_ok(),
                &samples(max, seed),
            );
        }
    }

    #[test]
    fn the_year_pattern_is_exactly_the_years_the_api_takes() {
        let schema = json(school_year_schema());
        let accepts = acceptor(&schema);
        let mut tried = vec![
            "1999-2000",
            "2000-2001",
            "2026-2027",
            "2100-2101",
            "2101-2102",
            "2026-2026",
            "2026-2028",
            "2026",
            " 2026-2027",
            "2026-2027 ",
            "2026-2027\n",
            "\u{3000}2026-2027\t",
            "2026-2027\u{0}",
            "\u{200b}2026-2027",
            "2026 - 2027",
            "",
            "abcd-efgh",
            "02026-2027",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
        for start in 1990..2110 {
            for end in [start, start + 1, start + 2] {
                tried.push(format!("{start}-{end}"));
            }
        }
        for text in &tried {
            assert_eq!(accepts(text), school_year(text).is_ok(), "{text:?}");
        }
    }

    #[test]
    fn the_statuses_are_the_domains() {
        use leidraad_domain::development::ThemeStatus;
        for status in [
            PlanThemeStatus::Planned,
            PlanThemeStatus::Underway,
            PlanThemeStatus::Achieved,
            PlanThemeStatus::Stopped,
        ] {
            assert_eq!(
                ThemeStatus::parse(status.code()).unwrap().code(),
                status.code()
            );
        }
        assert_eq!(ThemeStatus::ALL.len(), 4);
    }
}
