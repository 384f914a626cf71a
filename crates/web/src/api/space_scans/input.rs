//! What the team scan's API accepts, said once for the OpenAPI document and for the
//! deserializer: an answer on the scale, a role's two ticks, an open text, and the schemas of
//! the typed fields of a new scan, each describing the domain's parser behind it. Every body
//! refuses fields it does not know (`deny_unknown_fields`), so a misspelt `answer` is a 400,
//! never an answer taken back.

use std::collections::BTreeMap;

use leidraad_domain::feedback::MAX_DAYS_AHEAD;
use leidraad_domain::space_scan::{MAX_LABEL_CHARS, MAX_OPEN_ANSWER_CHARS, ScanAnswer};
use serde::Deserialize;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{
    ArrayBuilder, KnownFormat, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat, Type,
};
use utoipa::{PartialSchema, ToSchema};

use crate::api::input::{
    WholeOrText, email_list_pattern, lines_or_empty_pattern, one_line_pattern,
    score_or_code_pattern,
};

/// An answer to a statement: 1–4, an answer's code, or empty (takes it back). Kept as the
/// text the app parses, so a score and its code are one answer.
#[derive(Deserialize)]
#[serde(from = "WholeOrText")]
pub struct ScanAnswerValue(pub String);

impl From<WholeOrText> for ScanAnswerValue {
    fn from(value: WholeOrText) -> Self {
        match value {
            WholeOrText::Whole(score) => ScanAnswerValue(score.to_string()),
            WholeOrText::Text(text) => ScanAnswerValue(text),
        }
    }
}

impl PartialSchema for ScanAnswerValue {
    fn schema() -> RefOr<Schema> {
        let codes: Vec<&str> = ScanAnswer::ALL.iter().map(|a| a.code()).collect();
        OneOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
                    .minimum(Some(1))
                    .maximum(Some(4)),
            )
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .pattern(Some(score_or_code_pattern(&codes)))
                    .examples(["eens"]),
            )
            .description(Some(
                "1 helemaal oneens, 2 oneens, 3 eens, 4 helemaal eens, an answer's code \
                 (`helemaal-oneens`, `oneens`, `eens`, `helemaal-eens`, `weet-ik-niet`), or an \
                 empty string, which takes the answer back.",
            ))
            .into()
    }
}

impl ToSchema for ScanAnswerValue {}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScanAnswerBody {
    /// The answer; an empty string, null or left out takes it back.
    #[serde(default)]
    pub answer: Option<ScanAnswerValue>,
}

impl ScanAnswerBody {
    pub fn text(&self) -> &str {
        self.answer.as_ref().map_or("", |a| a.0.as_str())
    }
}

/// A teacher-leader role: `nee` (neither), `nu` (fulfils it now), `willen` (would like to) or
/// `beide` (both).
#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ScanRoleValue {
    Nee,
    Nu,
    Willen,
    Beide,
}

impl ScanRoleValue {
    /// "Now" and "would like to".
    pub fn ticks(self) -> (bool, bool) {
        match self {
            ScanRoleValue::Nee => (false, false),
            ScanRoleValue::Nu => (true, false),
            ScanRoleValue::Willen => (false, true),
            ScanRoleValue::Beide => (true, true),
        }
    }

    pub fn code_of(now: bool, would_like: bool) -> &'static str {
        match (now, would_like) {
            (false, false) => "nee",
            (true, false) => "nu",
            (false, true) => "willen",
            (true, true) => "beide",
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScanRoleBody {
    /// The answer; null or left out is `nee`.
    #[serde(default)]
    pub answer: Option<ScanRoleValue>,
}

impl ScanRoleBody {
    /// "Now" and "would like to".
    pub fn ticks(&self) -> (bool, bool) {
        self.answer.map_or((false, false), ScanRoleValue::ticks)
    }
}

/// An answer to an open question, or the name of the role under "Anders".
#[derive(Deserialize)]
#[serde(transparent)]
pub struct ScanOpenText(pub String);

impl PartialSchema for ScanOpenText {
    fn schema() -> RefOr<Schema> {
        open_text().into()
    }
}

impl ToSchema for ScanOpenText {}

fn open_text() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(lines_or_empty_pattern(MAX_OPEN_ANSWER_CHARS)))
        .description(Some(format!(
            "At most {MAX_OPEN_ANSWER_CHARS} characters after trimming; line breaks and tabs \
             are kept, other control characters refused. Empty takes the text back."
        )))
        .examples(["Tijd om bij elkaar in de klas te kijken."])
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScanTextBody {
    #[schema(schema_with = open_text)]
    pub text: String,
    /// The text as the writer last saw it (from the questionnaire or their last save): the
    /// text is saved only over that, so a second device's text is not lost silently (409
    /// `scan-text-changed`). Null or left out saves over whatever is there.
    #[serde(default)]
    pub base: Option<String>,
}

/// A whole response at once; every part may be left out. What it names replaces the draft's
/// answer to the same statement, role or question; the rest of the draft is submitted as it
/// is.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ScanSubmitBody {
    /// Statement id → answer.
    #[serde(default)]
    pub ratings: BTreeMap<String, ScanAnswerValue>,
    /// Role id → `nee`, `nu`, `willen` or `beide`.
    #[serde(default)]
    pub roles: BTreeMap<String, ScanRoleValue>,
    /// Open question id → text.
    #[serde(default)]
    pub open: BTreeMap<String, ScanOpenText>,
    /// The name of the role under "Anders".
    #[serde(default)]
    pub other_role: Option<ScanOpenText>,
}

/// A scan's title or a team's name.
pub fn title() -> impl Into<RefOr<Schema>> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(one_line_pattern(MAX_LABEL_CHARS, false)))
        .description(Some(format!(
            "1 to {MAX_LABEL_CHARS} characters after trimming (counted in Unicode NFC), on one \
             line."
        )))
        .examples(["Teamscan voorjaar 2027"])
}

/// The teams a school's scan is split into.
pub fn teams() -> impl Into<RefOr<Schema>> {
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some(one_line_pattern(MAX_LABEL_CHARS, true)))
                .examples(["Onderbouw"]),
        )
        .description(Some(format!(
            "For a scan of one school: the teams it is split into, each a unit with a shared \
             link and a view of its own (at most 12; names of at most {MAX_LABEL_CHARS} \
             characters on one line, each name once, case aside). Empty names are left out; \
             none: the school as a whole."
        )))
}

pub fn closing_day() -> impl Into<RefOr<Schema>> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
        .description(Some(format!(
            "The closing day (Europe/Amsterdam), `YYYY-MM-DD`: today at the earliest, at most \
             {MAX_DAYS_AHEAD} days ahead. Answers are taken until the end of that day."
        )))
        .examples(["2027-03-31"])
}

pub fn addresses() -> impl Into<RefOr<Schema>> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(email_list_pattern()))
        .description(Some(
            "E-mail addresses, separated by line breaks, commas or semicolons: at least one, \
             at most 500, each of at most 254 characters. Any entry that is not an address \
             refuses the whole list.",
        ))
        .examples(["an@school.example, bo@school.example"])
}

#[cfg(test)]
mod tests {
    use leidraad_domain::accounts::Email;
    use leidraad_domain::space_scan::{OpenAnswer, parse_label};
    use serde_json::Value;

    use super::*;
    use crate::api::input::tests::{agree, json, samples};

    #[test]
    fn the_patterns_match_what_the_domain_accepts() {
        agree(
            "title",
            &json(title()),
            |s| parse_label(s).is_ok(),
            &samples(MAX_LABEL_CHARS, 11),
        );
        let teams = json(teams());
        agree(
            "team",
            &teams["items"],
            |s| s.trim().is_empty() || parse_label(s).is_ok(),
            &samples(MAX_LABEL_CHARS, 12),
        );
        agree(
            "open answer",
            &json(open_text()),
            |s| OpenAnswer::parse(s).is_ok(),
            &samples(MAX_OPEN_ANSWER_CHARS, 13),
        );
    }

    #[test]
    fn an_answer_as_text_is_what_the_app_accepts() {
        let schema: Value = serde_json::to_value(ScanAnswerValue::schema()).unwrap();
        let mut samples = samples(14, 14);
        for code in [
            "eens",
            " weet-ik-niet ",
            "+3",
            "0004",
            "5",
            "-1",
            "0",
            "Eens",
            "3.0",
            "",
        ] {
            samples.push(code.to_owned());
        }
        agree(
            "answer",
            &schema["oneOf"][1],
            |s| s.trim().is_empty() || s.parse::<ScanAnswer>().is_ok(),
            &samples,
        );
        let number = &schema["oneOf"][0];
        assert_eq!(
            (number["minimum"].as_i64(), number["maximum"].as_i64()),
            (Some(1), Some(4))
        );
    }

    /// A domain of exactly `chars` characters, in labels of at most 60.
    fn domain_of(chars: usize) -> String {
        let mut domain = String::from("nl");
        let mut need = chars - domain.len();
        while need > 0 {
            let mut label = (need - 1).min(60);
            if need - 1 - label == 1 {
                label -= 1;
            }
            domain = format!("{}.{domain}", "d".repeat(label));
            need -= label + 1;
        }
        assert_eq!(domain.len(), chars);
        domain
    }

    #[test]
    fn the_address_list_pattern_matches_the_invitations_parser() {
        // As `leidraad_app::space_scans::invite` reads the list.
        let parses = |list: &str| {
            let entries: Vec<&str> = list
                .split(['\n', ';', ','])
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .collect();
            !entries.is_empty() && entries.iter().all(|e| Email::parse(e).is_ok())
        };
        let mut lists = samples(30, 15);
        let mut rng = fastrand::Rng::with_seed(16);
        let parts = [
            "a", "Zoë", "x-1", "-x", "", ".", "@", " ", "\n", ",", ";", "\t", "\u{0}", "nl",
            "a@b.nl",
        ];
        for _ in 0..5000 {
            let list: String = (0..rng.usize(1..9))
                .map(|_| parts[rng.usize(0..parts.len())])
                .collect();
            lists.push(list);
        }
        for list in [
            "an@school.nl",
            " an@school.nl, bo@school.nl;\ncor@school.nl\r\n",
            ",,an@school.nl;;",
            "an@school.nl bo@school.nl",
            "an,bo@school.nl",
            "",
            " , ",
            "an@localhost",
        ] {
            lists.push(list.to_owned());
        }
        // At and over the length limit, alone and in a list; schemathesis once sent a list
        // with an address of 299 characters that the pattern let through.
        for local in [1, 64] {
            for total in [253, 254, 255, 300] {
                let domain = domain_of(total - local - 1);
                let address = format!("{}@{domain}", "q".repeat(local));
                lists.push(address.clone());
                lists.push(format!(
                    " an@school.nl,\u{85}{address}\u{2028};bo@school.nl "
                ));
            }
        }
        agree("addresses", &json(addresses()), parses, &lists);
    }
}
