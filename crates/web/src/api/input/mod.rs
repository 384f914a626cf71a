//! What the API accepts as input, said once for the OpenAPI document and for the deserializer
//! alike. Each schema here describes what the domain's parser behind the field accepts, with
//! the domain's own limits, so a client that follows the document is not refused for the form
//! of its input and one that does not is refused. The tests below hold the patterns to the
//! parsers; `scripts/schemathesis` holds the running server to the document.
//!
//! Typed text is trimmed before it is checked, so the patterns allow white space around the
//! text and count the characters between. What a pattern cannot say is left to the
//! description: the limit on different search words, and that names are counted after Unicode
//! NFC (a letter with a separate accent counts once). What no schema can know (whether a
//! school id, a card or an e-mail address exists) the handler refuses with 400 and a `code`
//! that says so.

use leidraad_domain::accounts::{
    MAX_EMAIL_CHARS, MAX_LOCAL_PART_CHARS, MAX_SCHOOL_NAME_CHARS, MAX_TOKEN_NAME_CHARS, Role,
};
use leidraad_domain::feedback::MAX_COMMENT_CHARS;
use leidraad_domain::reflection::{MAX_NOTE_CHARS, MAX_OWN_CARD_CHARS, Pile};
use leidraad_domain::search::{MAX_QUERY_CHARS, MAX_QUERY_TERMS};
use serde::{Deserialize, Deserializer};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{
    ArrayBuilder, KnownFormat, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat, SchemaType, Type,
};

/// Unicode White_Space: what `str::trim` takes off both ends of typed text.
pub(crate) const SPACE: &str = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";
/// Control characters (Unicode Cc), which `char::is_control` finds.
const CONTROL: &str = r"\x00-\x1f\x7f-\x9f";
/// Control characters other than tab, line feed and carriage return, which notes may hold.
const CONTROL_BUT_LINES: &str = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f";

/// A pattern for text that is trimmed and then holds at most `max` characters, none of them
/// in `refused`; at least one unless `may_be_empty`.
fn trimmed(max: usize, refused: &str, may_be_empty: bool) -> String {
    let inner = max.saturating_sub(2);
    let core = format!("[^{SPACE}{refused}](?:[^{refused}]{{0,{inner}}}[^{SPACE}{refused}])?");
    let core = if may_be_empty {
        format!("(?:{core})?")
    } else {
        core
    };
    format!("^[{SPACE}]*{core}[{SPACE}]*$")
}

/// The pattern of a text on one line, trimmed, at most `max` characters (at least one unless
/// `may_be_empty`): names and labels.
pub fn one_line_pattern(max: usize, may_be_empty: bool) -> String {
    trimmed(max, CONTROL, may_be_empty)
}

/// The pattern of a text that keeps its line breaks and tabs, trimmed, 1 to `max` characters.
pub fn lines_pattern(max: usize) -> String {
    trimmed(max, CONTROL_BUT_LINES, false)
}

fn text(pattern: String, description: String) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(pattern))
        .description(Some(description))
}

fn nullable(builder: ObjectBuilder) -> ObjectBuilder {
    builder.schema_type(SchemaType::from_iter([Type::String, Type::Null]))
}

/// A name people give a thing (`SchoolName`, `TokenName`): trimmed, in Unicode NFC,
/// 1 to `max` characters, no control characters.
fn label(max: usize) -> ObjectBuilder {
    text(
        trimmed(max, CONTROL, false),
        format!(
            "1 to {max} characters after trimming, without control characters (such as a \
             line break or a tab)."
        ),
    )
}

pub fn school_name() -> impl Into<RefOr<Schema>> {
    label(MAX_SCHOOL_NAME_CHARS).examples(["OBS De Linde"])
}

pub fn token_name() -> impl Into<RefOr<Schema>> {
    label(MAX_TOKEN_NAME_CHARS).examples(["laptop"])
}

fn note_text() -> ObjectBuilder {
    text(
        trimmed(MAX_NOTE_CHARS, CONTROL_BUT_LINES, true),
        format!(
            "At most {MAX_NOTE_CHARS} characters after trimming; line breaks and tabs are \
             kept, other control characters refused."
        ),
    )
}

/// A note or evidence beside a card: may be empty.
pub fn note() -> impl Into<RefOr<Schema>> {
    note_text()
}

/// A rater's comment on a domain or in general: may be empty, which takes it back.
pub fn comment() -> impl Into<RefOr<Schema>> {
    text(
        trimmed(MAX_COMMENT_CHARS, CONTROL_BUT_LINES, true),
        format!(
            "At most {MAX_COMMENT_CHARS} characters after trimming; line breaks and tabs are \
             kept, other control characters refused. Empty takes the comment back."
        ),
    )
    .examples(["Ik merk dat je altijd tijd maakt voor een gesprek."])
}

/// A note or evidence in a change: `null` or left out keeps what is stored.
pub fn note_change() -> impl Into<RefOr<Schema>> {
    nullable(note_text())
}

pub fn own_card_text() -> impl Into<RefOr<Schema>> {
    text(
        trimmed(MAX_OWN_CARD_CHARS, CONTROL_BUT_LINES, false),
        format!(
            "1 to {MAX_OWN_CARD_CHARS} characters after trimming; line breaks and tabs are \
             kept, other control characters refused."
        ),
    )
    .examples(["Ik vier successen met het team."])
}

/// An e-mail address as `Email::parse` takes it: one `@`, a local part without white space or
/// control characters, and an ASCII domain of at least two DNS labels.
pub fn email() -> impl Into<RefOr<Schema>> {
    let label = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    let local = format!("[^@{SPACE}{CONTROL}]{{1,{MAX_LOCAL_PART_CHARS}}}");
    text(
        format!("^[{SPACE}]*{local}@{label}(?:\\.{label})+[{SPACE}]*$"),
        "An e-mail address: one `@`, a local part without white space, and an ASCII domain \
         (internationalised domains in their `xn--` form)."
            .to_owned(),
    )
    .max_length(Some(MAX_EMAIL_CHARS))
    .examples(["bestuurder@leidraad.example"])
}

/// The pattern of a list of e-mail addresses as one text, each as [`email`] describes it
/// (with no `,` or `;` in its local part, and at most `MAX_EMAIL_CHARS` long), separated by
/// `,`, `;` or line breaks; white space and empty entries around them are allowed, and at
/// least one address is needed.
pub fn email_list_pattern() -> String {
    let label = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    // An address ends at white space, a separator or the end, so "no run of more than
    // MAX_EMAIL_CHARS characters that are none of those" is its length limit. A negative
    // lookahead, because JSON Schema, Python's `re` and the test's engine all read it, and
    // Hypothesis (under schemathesis) generates nothing for it and filters by the whole
    // pattern, so the lists it makes stay valid.
    let too_long = MAX_EMAIL_CHARS + 1;
    let address = format!(
        "(?![^,;{SPACE}{CONTROL}]{{{too_long}}})\
         [^@,;{SPACE}{CONTROL}]{{1,{MAX_LOCAL_PART_CHARS}}}@{label}(?:\\.{label})+"
    );
    format!("^[{SPACE},;]*{address}(?:[{SPACE}]*[,;\\n][{SPACE},;]*{address})*[{SPACE},;]*$")
}

/// The pattern of an answer on a scale as text: a score 1–4 in digits (as `i64`'s parser
/// reads it: a `+` and leading zeros allowed) or one of `codes`, with white space around it;
/// or nothing at all.
pub fn score_or_code_pattern(codes: &[&str]) -> String {
    let codes = codes.join("|");
    format!("^[{SPACE}]*(?:\\+?0*[1-4]|{codes})?[{SPACE}]*$")
}

/// The pattern of a text that keeps its line breaks and tabs, trimmed, at most `max`
/// characters; it may be empty.
pub fn lines_or_empty_pattern(max: usize) -> String {
    trimmed(max, CONTROL_BUT_LINES, true)
}

/// The roles of a member or an invitation: at least one role code.
pub fn roles() -> impl Into<RefOr<Schema>> {
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(Role::ALL.iter().map(|role| role.code()))),
        )
        .min_items(Some(1))
        .description(Some("Role codes; at least one."))
}

fn whole_number() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
}

/// The schema of [`PileValue`](super::reflections::PileValue): 1–4, a pile's code (as the
/// pages send it, so trimmed, and a score in digits counts too), or an empty string for
/// "not sorted".
pub fn pile() -> Schema {
    let codes = Pile::ALL.map(Pile::code).join("|");
    OneOfBuilder::new()
        .item(whole_number().minimum(Some(1)).maximum(Some(4)))
        .item(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some(format!(
                    "^[{SPACE}]*(?:\\+?0*[1-4]|{codes})?[{SPACE}]*$"
                )))
                .examples([Pile::Often.code()]),
        )
        .description(Some(
            "1 nog niet, 2 soms, 3 vaak, 4 vanzelfsprekend, or the pile's code; an empty \
             string or null for not sorted.",
        ))
        .into()
}

/// The search words of the card lists: at most [`MAX_QUERY_CHARS`] characters after trimming.
/// The limit on different words is only described: a pattern cannot count them.
pub fn search_query() -> impl Into<RefOr<Schema>> {
    let inner = MAX_QUERY_CHARS - 2;
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(format!(
            "^[{SPACE}]*(?:[^{SPACE}](?:[\\s\\S]{{0,{inner}}}[^{SPACE}])?)?[{SPACE}]*$"
        )))
        .description(Some(format!(
            "Words to search for (all must occur), case- and accent-insensitive: at most \
             {MAX_QUERY_CHARS} characters after trimming and {MAX_QUERY_TERMS} different words."
        )))
        .examples(["visie team"])
}

/// `nl` or `en` (trimmed, in any case), or empty for both.
pub fn language() -> impl Into<RefOr<Schema>> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(format!(
            "^(?:[{SPACE}]*(?:[nN][lL]|[eE][nN])[{SPACE}]*)?$"
        )))
        .description(Some(
            "`nl` or `en`: search only this language. Responses always carry both languages.",
        ))
        .examples(["nl", "en"])
}

/// A whole number as JSON Schema counts one: `2` and `2.0` are both the integer 2 there (and
/// to a client in JavaScript), so both are accepted wherever the document says `integer`.
struct Whole(i64);

impl<'de> Deserialize<'de> for Whole {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WholeVisitor)
    }
}

struct WholeVisitor;

impl serde::de::Visitor<'_> for WholeVisitor {
    type Value = Whole;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a whole number")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Whole, E> {
        Ok(Whole(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Whole, E> {
        i64::try_from(v)
            .map(Whole)
            .map_err(|_| E::custom("number out of range"))
    }

    #[allow(clippy::cast_possible_truncation)]
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Whole, E> {
        // 2^63: every whole f64 in [-2^63, 2^63) is an i64, and `as` is exact there.
        const LIMIT: f64 = 9_223_372_036_854_775_808.0;
        if v.fract() == 0.0 && (-LIMIT..LIMIT).contains(&v) {
            Ok(Whole(v as i64))
        } else {
            Err(E::custom("not a whole number"))
        }
    }
}

/// A whole number (as [`Whole`] reads one) or a text, such as a rating given as 3 or as its
/// code. Read straight from the parser: `#[serde(untagged)]` would first copy every value
/// into a buffer to try one variant after the other, and a whole rater form has 80.
pub enum WholeOrText {
    Whole(i64),
    Text(String),
}

impl<'de> Deserialize<'de> for WholeOrText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl serde::de::Visitor<'_> for Visitor {
            type Value = WholeOrText;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a whole number or a text")
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<WholeOrText, E> {
                WholeVisitor.visit_i64(v).map(|w| WholeOrText::Whole(w.0))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<WholeOrText, E> {
                WholeVisitor.visit_u64(v).map(|w| WholeOrText::Whole(w.0))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<WholeOrText, E> {
                WholeVisitor.visit_f64(v).map(|w| WholeOrText::Whole(w.0))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<WholeOrText, E> {
                Ok(WholeOrText::Text(v.to_owned()))
            }

            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<WholeOrText, E> {
                Ok(WholeOrText::Text(v))
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

/// `deserialize_with` for an `i64` field.
pub fn whole<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    Whole::deserialize(deserializer).map(|w| w.0)
}

/// `deserialize_with` for an `Option<i64>` field (use with `#[serde(default)]`).
pub fn optional_whole<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    Option::<Whole>::deserialize(deserializer).map(|w| w.map(|w| w.0))
}

/// `deserialize_with` for a `Vec<i64>` field (use with `#[serde(default)]`).
pub fn whole_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<i64>, D::Error> {
    Vec::<Whole>::deserialize(deserializer).map(|list| list.into_iter().map(|w| w.0).collect())
}

#[cfg(test)]
pub(crate) mod tests;
