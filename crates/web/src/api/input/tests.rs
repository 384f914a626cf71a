//! The patterns held to the parsers they describe.

use leidraad_domain::accounts::{Email, SchoolName, TokenName};
use leidraad_domain::reflection::CardText;
use serde_json::Value;

use super::*;

pub(crate) fn json(schema: impl Into<RefOr<Schema>>) -> Value {
    serde_json::to_value(schema.into()).unwrap()
}

/// The schema's pattern (and `maxLength`) as a test of a string. The patterns are meant
/// for ECMA-262 (JSON Schema) and Python's `re` (schemathesis); they use only what those
/// and `fancy-regex` (the `regex` crate's syntax, with lookaround) read alike.
pub(crate) fn acceptor(schema: &Value) -> impl Fn(&str) -> bool {
    let pattern = schema["pattern"].as_str().unwrap();
    let regex = fancy_regex::RegexBuilder::new(pattern)
        .delegate_size_limit(1 << 26)
        .build()
        .unwrap();
    let max = schema["maxLength"]
        .as_u64()
        .map(|m| usize::try_from(m).unwrap());
    move |text: &str| {
        regex.is_match(text).expect("the pattern runs to an answer")
            && max.is_none_or(|m| text.chars().count() <= m)
    }
}

/// Characters at the edges of the rules: white space that `trim` removes (some of it
/// also control), control characters, and the ones e-mail addresses and piles care about.
const ALPHABET: &[char] = &[
    'a', 'Z', 'é', 'ß', '😀', '0', '1', '4', '9', '+', '-', '.', '@', ' ', '\t', '\n', '\r',
    '\u{b}', '\u{85}', '\u{a0}', '\u{2003}', '\u{2028}', '\u{3000}', '\u{0}', '\u{1b}', '\u{7f}',
    '\u{9f}', '\u{1c}',
];

/// Strings up to `max + 3` characters long, most of them letters, so the limits are
/// reached; combining characters are left out (the domain counts after Unicode NFC).
pub(crate) fn samples(max: usize, seed: u64) -> Vec<String> {
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

pub(crate) fn agree(name: &str, schema: &Value, domain: impl Fn(&str) -> bool, samples: &[String]) {
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
    agree(
        "rater's comment",
        &json(comment()),
        |s| leidraad_domain::feedback::CommentText::parse(s).is_ok(),
        &samples(MAX_COMMENT_CHARS, 5),
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

#[test]
fn a_whole_number_or_a_text_is_read_as_such_and_nothing_else() {
    let read = |json: &str| serde_json::from_str::<WholeOrText>(json);
    assert!(matches!(read("3"), Ok(WholeOrText::Whole(3))));
    assert!(matches!(read("3.0"), Ok(WholeOrText::Whole(3))));
    assert!(matches!(read("-1"), Ok(WholeOrText::Whole(-1))));
    assert!(matches!(read("\"vaak\""), Ok(WholeOrText::Text(t)) if t == "vaak"));
    assert!(matches!(read("\"3\""), Ok(WholeOrText::Text(t)) if t == "3"));
    for refused in ["3.5", "true", "null", "[3]", "{}", "1e300"] {
        assert!(read(refused).is_err(), "{refused}");
    }
}

#[test]
fn a_large_whole_number_written_with_a_fraction_of_zero_is_read_exactly() {
    // Found by schemathesis: without serde_json's exact float parsing this number arrived one
    // unit in the last place off, with a fraction, and a valid id was refused.
    #[derive(serde::Deserialize)]
    struct Body {
        #[serde(deserialize_with = "super::whole")]
        id: i64,
    }
    for (text, expected) in [
        ("-3613812908370610.0", -3_613_812_908_370_610),
        ("4503599627370495.0", 4_503_599_627_370_495),
        ("2.0", 2),
    ] {
        let body: Body = serde_json::from_str(&format!("{{\"id\": {text}}}")).unwrap();
        assert_eq!(body.id, expected, "{text}");
    }
}
