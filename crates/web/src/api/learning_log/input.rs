//! What the learning log's API accepts, said once for the OpenAPI document and for the
//! deserializer, each schema describing the domain's parser behind it.

use leidraad_domain::development::{
    ActivityKind, MAX_ACTIVITY_CARDS, MAX_HOURS, MAX_POINTS, MAX_TARGET,
};
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{
    ArrayBuilder, KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type,
};

use crate::api::input::{
    lines_or_empty_pattern, one_line_pattern, optional_whole, whole, whole_list,
};

const TITLE_CHARS: usize = 160;
const REFLECTION_CHARS: usize = 2000;

/// An activity as sent: every field by the rule the pages' form follows, hours as whole
/// minutes.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityBody {
    #[schema(schema_with = kind)]
    pub kind: String,
    #[schema(schema_with = title)]
    pub title: String,
    #[schema(schema_with = day)]
    pub date: String,
    /// The time it took, in whole minutes (90 is an hour and a half).
    #[serde(default, deserialize_with = "whole")]
    #[schema(schema_with = minutes)]
    pub minutes: i64,
    /// Register points of a certified activity; 0 or left out when it was informal.
    #[serde(default, deserialize_with = "whole")]
    #[schema(schema_with = points)]
    pub points: i64,
    /// Domain ids of the standard (`GET /api/v1/frameworks/{id}`); a card's domain counts
    /// as touched too.
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    #[schema(schema_with = cards)]
    pub cards: Vec<String>,
    /// Ids of themes of the caller's own development plans.
    #[serde(default, deserialize_with = "whole_list")]
    pub themes: Vec<i64>,
    #[serde(default)]
    #[schema(schema_with = reflection)]
    pub learned: String,
    #[serde(default)]
    #[schema(schema_with = reflection)]
    pub differently: String,
}

/// The register cycle as sent.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CycleBody {
    #[schema(schema_with = day)]
    pub start: String,
    /// Points to reach in the cycle; left out: 100.
    #[serde(default, deserialize_with = "optional_whole")]
    #[schema(schema_with = target)]
    pub target: Option<i64>,
}

fn kind() -> impl Into<RefOr<Schema>> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(ActivityKind::ALL.iter().map(|k| k.code())))
        .description(Some("The kind of activity."))
}

fn title() -> impl Into<RefOr<Schema>> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(one_line_pattern(TITLE_CHARS, false)))
        .description(Some(format!(
            "1 to {TITLE_CHARS} characters after trimming, on one line."
        )))
        .examples(["Cursus verandermanagement"])
}

fn day() -> impl Into<RefOr<Schema>> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
        .description(Some("The day, `YYYY-MM-DD` (`date-invalid` otherwise)."))
        .examples(["2026-03-12"])
}

fn minutes() -> impl Into<RefOr<Schema>> {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(0))
        .maximum(Some(MAX_HOURS * 60))
        .description(Some(
            "Whole minutes, 0 up to 1000 hours; a negative number is refused \
             (`activity-hours-invalid`).",
        ))
}

fn points() -> impl Into<RefOr<Schema>> {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(0))
        .maximum(Some(MAX_POINTS))
        .description(Some(
            "A whole number from 0 to 100; a negative number is refused \
             (`activity-points-invalid`).",
        ))
}

fn target() -> impl Into<RefOr<Schema>> {
    ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::SchemaType::from_iter([
            Type::Integer,
            Type::Null,
        ]))
        .minimum(Some(1))
        .maximum(Some(MAX_TARGET))
        .description(Some(
            "1 to 1000 points (`cycle-target-invalid` otherwise); null: 100.",
        ))
}

fn cards() -> impl Into<RefOr<Schema>> {
    ArrayBuilder::new()
        .items(ObjectBuilder::new().schema_type(Type::String))
        .max_items(Some(MAX_ACTIVITY_CARDS))
        .description(Some(
            "Card ids of the standard (`GET /api/v1/cards`); one of another framework is \
             refused (`activity-card-unknown`).",
        ))
}

fn reflection() -> impl Into<RefOr<Schema>> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(lines_or_empty_pattern(REFLECTION_CHARS)))
        .description(Some(format!(
            "At most {REFLECTION_CHARS} characters after trimming; line breaks and tabs are \
             kept, other control characters refused."
        )))
}
