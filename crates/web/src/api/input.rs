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
use leidraad_domain::reflection::{MAX_NOTE_CHARS, MAX_OWN_CARD_CHARS, Pile};
use leidraad_domain::search::{MAX_QUERY_CHARS, MAX_QUERY_TERMS};
use serde::{Deserialize, Deserializer};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{
    ArrayBuilder, KnownFormat, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat, SchemaType, Type,
};

/// Unicode White_Space: what `str::trim` takes off both ends of typed text.
const SPACE: &str = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";
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
        struct Visitor;

        impl serde::de::Visitor<'_> for Visitor {
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
mod tests {
    use leidraad_domain::accounts::{Email, SchoolName, TokenName};
    use leidraad_domain::reflection::CardText;
    use serde_json::Value;

    use super::*;

    fn json(schema: impl Into<RefOr<Schema>>) -> Value {
        serde_json::to_value(schema.into()).unwrap()
    }

    /// The schema's pattern (and `maxLength`) as a test of a string. The patterns are meant
    /// for ECMA-262 (JSON Schema) and Python's `re` (schemathesis); they use only what those
    /// and the `regex` crate read alike.
    fn acceptor(schema: &Value) -> impl Fn(&str) -> bool {
        let pattern = schema["pattern"].as_str().unwrap();
        let regex = regex::RegexBuilder::new(pattern)
            .size_limit(1 << 26)
            .build()
            .unwrap();
        let max = schema["maxLength"]
            .as_u64()
            .map(|m| usize::try_from(m).unwrap());
        move |text: &str| regex.is_match(text) && max.is_none_or(|m| text.chars().count() <= m)
    }

    /// Characters at the edges of the rules: white space that `trim` removes (some of it
    /// also control), control characters, and the ones e-mail addresses and piles care about.
    const ALPHABET: &[char] = &[
        'a', 'Z', 'é', 'ß', '😀', '0', '1', '4', '9', '+', '-', '.', '@', ' ', '\t', '\n', '\r',
        '\u{b}', '\u{85}', '\u{a0}', '\u{2003}', '\u{2028}', '\u{3000}', '\u{0}', '\u{1b}',
        '\u{7f}', '\u{9f}', '\u{1c}',
    ];

    /// Strings up to `max + 3` characters long, most of them letters, so the limits are
    /// reached; combining characters are left out (the domain counts after Unicode NFC).
    fn samples(max: usize, seed: u64) -> Vec<String> {
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut samples: Vec<String> = (0..3000)
            .map(|_| {
                let len = if rng.bool() {
                    rng.usize(0..12)
                } else {
                    rng.usize(max.saturating_sub(3)..=max + 3)
                };
                (0..len)
                    .map(|_| {
                        if rng.u8(0..4) == 0 {
                            ALPHABET[rng.usize(0..ALPHABET.len())]
                        } else {
                            'x'
                        }
                    })
                    .collect()
            })
            .collect();
        for edge in [
            "",
            " ",
            "x",
            " x ",
            "\tx\n",
            "x\u{0}x",
            "x\ny",
            "\u{85}x\u{3000}",
        ] {
            samples.push(edge.to_owned());
        }
        samples.push("x".repeat(max));
        samples.push(format!("  {}  ", "x".repeat(max)));
        samples.push("x".repeat(max + 1));
        samples
    }

    fn agree(name: &str, schema: &Value, domain: impl Fn(&str) -> bool, samples: &[String]) {
        let schema = acceptor(schema);
        for sample in samples {
            assert_eq!(
                schema(sample),
                domain(sample),
                "{name}: the schema and the domain disagree on {sample:?}"
            );
        }
    }

    #[test]
    fn names_and_texts_match_exactly_what_the_domain_accepts() {
        agree(
            "school name",
            &json(school_name()),
            |s| SchoolName::parse(s).is_ok(),
            &samples(MAX_SCHOOL_NAME_CHARS, 1),
        );
        agree(
            "token name",
            &json(token_name()),
            |s| TokenName::parse(s).is_ok(),
            &samples(MAX_TOKEN_NAME_CHARS, 2),
        );
        agree(
            "note",
            &json(note()),
            |s| CardText::note(s).is_ok(),
            &samples(MAX_NOTE_CHARS, 3),
        );
        agree(
            "own card",
            &json(own_card_text()),
            |s| CardText::own_card(s).is_ok(),
            &samples(MAX_OWN_CARD_CHARS, 4),
        );
    }

    #[test]
    fn the_email_pattern_matches_what_email_parse_accepts() {
        let mut addresses = samples(16, 5);
        let mut rng = fastrand::Rng::with_seed(6);
        let parts = [
            "a", "Zoë", "x-1", "-x", "x-", "", ".", "@", " ", "\t", "\u{0}", "é", "nl",
        ];
        for _ in 0..5000 {
            let pick = |rng: &mut fastrand::Rng| parts[rng.usize(0..parts.len())];
            let dots = rng.usize(0..3);
            let mut address = format!("{}{}@{}", pick(&mut rng), pick(&mut rng), pick(&mut rng));
            for _ in 0..dots {
                address.push('.');
                address.push_str(pick(&mut rng));
            }
            addresses.push(address);
        }
        let local = "l".repeat(MAX_LOCAL_PART_CHARS);
        let label = "d".repeat(63);
        for address in [
            format!("{local}@school.nl"),
            format!("{local}x@school.nl"),
            format!("jan@{label}.nl"),
            format!("jan@{label}d.nl"),
            format!(
                "jan@{}.nl",
                ["d".repeat(60), "d".repeat(60), "d".repeat(60)].join(".")
            ),
            format!(
                "{local}@{}.nl",
                ["d".repeat(60), "d".repeat(60), "d".repeat(60)].join(".")
            ),
            " jan@school.nl\n".to_owned(),
            "jan@localhost".to_owned(),
            "jan@bücher.nl".to_owned(),
            "jan@xn--bcher-kva.nl".to_owned(),
        ] {
            addresses.push(address);
        }
        agree(
            "email",
            &json(email()),
            |s| Email::parse(s).is_ok(),
            &addresses,
        );
    }

    #[test]
    fn a_pile_as_text_is_what_the_answer_handler_accepts() {
        let schema = json(pile());
        let text = &schema["oneOf"][1];
        let mut samples = samples(6, 7);
        for code in [
            "vaak", " soms ", "+3", "0004", "5", "-1", "altijd", "Vaak", "3.0", "",
        ] {
            samples.push(code.to_owned());
        }
        agree(
            "pile",
            text,
            |s| s.trim().is_empty() || s.parse::<Pile>().is_ok(),
            &samples,
        );
        let number = &schema["oneOf"][0];
        assert_eq!(
            (number["minimum"].as_i64(), number["maximum"].as_i64()),
            (Some(1), Some(4))
        );
        assert!((1..=4).all(|score| Pile::from_score(score).is_ok()));
        assert!(
            [0, 5]
                .into_iter()
                .all(|score| Pile::from_score(score).is_err())
        );
    }

    #[test]
    fn the_search_query_and_language_patterns_match_the_domain() {
        use leidraad_domain::search::{SearchQuery, SearchQueryError};
        let mut queries = samples(MAX_QUERY_CHARS, 8);
        queries.extend(["visie team".to_owned(), " a b ".to_owned()]);
        agree(
            "search query",
            &json(search_query()),
            |s| !matches!(SearchQuery::parse(s), Err(SearchQueryError::TooLong)),
            &queries,
        );
        let mut codes = samples(4, 9);
        for code in ["", " ", "nl", " EN ", "Nl", "de", "nl en", "\u{a0}en\n"] {
            codes.push(code.to_owned());
        }
        agree(
            "language",
            &json(language()),
            |s| s.is_empty() || s.parse::<leidraad_domain::Language>().is_ok(),
            &codes,
        );
    }

    #[test]
    fn role_codes_are_the_domain_roles() {
        let schema = json(roles());
        let codes: Vec<&str> = schema["items"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        for code in &codes {
            assert!(code.parse::<Role>().is_ok(), "{code}");
        }
        assert_eq!(codes.len(), Role::ALL.len());
        assert_eq!(schema["minItems"], 1);
    }

    #[test]
    fn whole_numbers_may_be_written_as_floats_but_nothing_else_is_a_whole_number() {
        #[derive(Deserialize)]
        struct Body {
            #[serde(deserialize_with = "whole")]
            one: i64,
            #[serde(default, deserialize_with = "optional_whole")]
            maybe: Option<i64>,
            #[serde(default, deserialize_with = "whole_list")]
            many: Vec<i64>,
        }
        let body: Body =
            serde_json::from_str(r#"{"one": 2.0, "maybe": null, "many": [1, 3.0, -4]}"#).unwrap();
        assert_eq!((body.one, body.maybe, body.many), (2, None, vec![1, 3, -4]));
        let body: Body = serde_json::from_str(r#"{"one": 7, "maybe": 8.0}"#).unwrap();
        assert_eq!((body.one, body.maybe), (7, Some(8)));
        for bad in [
            r#"{"one": 2.5}"#,
            r#"{"one": "2"}"#,
            r#"{"one": true}"#,
            r#"{"one": 9223372036854775808}"#,
            r#"{"one": 1e19}"#,
            r#"{"one": 1, "many": [1.5]}"#,
        ] {
            assert!(serde_json::from_str::<Body>(bad).is_err(), "{bad}");
        }
    }
}
