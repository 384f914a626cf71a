//! What the feedback API accepts, said once for the OpenAPI document and for the
//! deserializer: the schemas of its typed fields, each describing the domain's parser behind
//! it, and the self-rating's value. Every body here refuses fields it does not know
//! (`deny_unknown_fields`), so a misspelt field is a 400 rather than a setting silently left
//! at its default (an `identifiable` spelt wrong would otherwise leave a board anonymous, and
//! a `treshold` would leave the default).

use leidraad_domain::Rating;
use leidraad_domain::feedback::{GroupKind, MAX_LABEL_CHARS, MAX_NAME_CHARS, MAX_REQUEST_CHARS};
use serde::{Deserialize, Deserializer};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type};

use crate::error::AppError;

fn string(description: String) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

fn request_rule() -> String {
    format!(
        "1 to {MAX_REQUEST_CHARS} characters after trimming; line breaks and tabs are kept, \
         other control characters refused."
    )
}

fn request_builder() -> ObjectBuilder {
    string(request_rule())
        .min_length(Some(1))
        .pattern(Some(crate::api::input::lines_pattern(MAX_REQUEST_CHARS)))
        .examples(["Hoe ervaren jullie mijn leiderschap?"])
}

const CLOSING_DAY_RULE: &str = "The closing day (Europe/Amsterdam), `YYYY-MM-DD`: today at \
    the earliest, at most a year ahead. The round closes at the end of that day.";

fn closing_day_builder() -> ObjectBuilder {
    string(CLOSING_DAY_RULE.to_owned())
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
        .examples(["2026-12-18"])
}

/// `null` as well, in a change, which then leaves the part as it is.
fn or_null(builder: ObjectBuilder, rule: String) -> ObjectBuilder {
    builder
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .description(Some(format!(
            "{rule} `null` or left out keeps what is stored."
        )))
}

/// The leader's personal request to the raters (`RequestText`), also the coach's note.
pub fn request_text() -> impl Into<RefOr<Schema>> {
    request_builder()
}

pub fn request_change() -> impl Into<RefOr<Schema>> {
    or_null(request_builder(), request_rule())
}

/// A closing day, "YYYY-MM-DD" in Amsterdam: the round closes at the end of that day.
pub fn closing_day() -> impl Into<RefOr<Schema>> {
    closing_day_builder()
}

pub fn closing_day_change() -> impl Into<RefOr<Schema>> {
    or_null(closing_day_builder(), CLOSING_DAY_RULE.to_owned())
}

pub fn scope() -> impl Into<RefOr<Schema>> {
    string(
        "`standaard` (the default): the whole standard; `domeinen`: the cards of `domains`; \
         `focus`: the focus cards of the caller's latest reflection that has any."
            .to_owned(),
    )
    .enum_values(Some(["standaard", "domeinen", "focus"]))
}

pub fn group_kind() -> impl Into<RefOr<Schema>> {
    string(
        "`team` (teamleden), `collegas` (collega-schoolleiders), `bestuur` (the board) or \
         `eigen` (a group the leader names in `label`)."
            .to_owned(),
    )
    .enum_values(Some(GroupKind::ALL.map(GroupKind::code)))
}

pub fn group_label() -> impl Into<RefOr<Schema>> {
    string(format!(
        "The name of an own group (`eigen`): 1 to {MAX_LABEL_CHARS} characters after trimming, \
         on one line. Ignored for the other kinds."
    ))
    .pattern(Some(crate::api::input::one_line_pattern(
        MAX_LABEL_CHARS,
        true,
    )))
    .examples(["Medezeggenschapsraad"])
}

pub fn rater_name() -> impl Into<RefOr<Schema>> {
    string(format!(
        "The leader's own name for the rater, in their list only: at most {MAX_NAME_CHARS} \
         characters after trimming, on one line; may be empty."
    ))
    .pattern(Some(crate::api::input::one_line_pattern(
        MAX_NAME_CHARS,
        true,
    )))
    .examples(["Piet Jansen"])
}

/// The self-rating's value as JSON: 1–4 or a code, as the self-rating page's script sends it
/// (`{"answer": "vaak"}`).
#[derive(Deserialize)]
#[serde(untagged)]
pub enum RatingValue {
    Score(#[serde(deserialize_with = "crate::api::input::whole")] i64),
    Code(String),
}

impl RatingValue {
    /// The rating, or `None` for an empty string (nothing chosen). A score outside 1–4 or an
    /// unknown code is `pile-invalid`, the code every refusal of the scale has.
    pub fn rating(&self) -> Result<Option<Rating>, AppError> {
        let refused = |e: leidraad_domain::RatingError| AppError::BadRequest { code: e.code() };
        match self {
            RatingValue::Score(score) => Rating::from_score(*score).map(Some).map_err(refused),
            RatingValue::Code(code) if code.trim().is_empty() => Ok(None),
            RatingValue::Code(code) => code.parse::<Rating>().map(Some).map_err(refused),
        }
    }
}

impl utoipa::PartialSchema for RatingValue {
    fn schema() -> RefOr<Schema> {
        // The scale is the reflection's piles; only the words for "nothing chosen" differ.
        let mut schema = crate::api::input::pile();
        if let Schema::OneOf(one_of) = &mut schema {
            one_of.description = Some(
                "1 nog niet, 2 soms, 3 vaak, 4 vanzelfsprekend, or its code; an empty string \
                 or null clears the rating."
                    .to_owned(),
            );
        }
        schema.into()
    }
}

impl utoipa::ToSchema for RatingValue {}

/// Tells a field given as `null` (`Some(None)`) from one left out (`None`, with
/// `#[serde(default)]`).
pub fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// A count or threshold from JSON as the use cases take it; a negative one is 0, which every
/// rule refuses as too low.
pub fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}
