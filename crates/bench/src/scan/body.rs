//! The team scan as the bench answers it: the questionnaire's ids as `GET /api/v1/respondent`
//! lists them, and the body `POST /api/v1/respondent/submit` takes for a whole response
//! (`{"ratings": {statement: code}, "roles": {role: "nu" | "willen" | "beide"}, "open":
//! {question: text}, "other_role": text}`), and the owner's estimate.
//!
//! Answers are fixed for a given respondent number and unit but differ between them: each
//! statement leans to its own room, each school shifts some statements up or down, and now
//! and then someone does not know. So the results have spread, gaps, killers and helpers and
//! schools that differ, rather than 10 000 copies of one response.

use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::rater_form::mix;

/// Someone writes "weet ik niet" for one statement in this many.
const DONT_KNOW_ONE_IN: u64 = 17;

/// Roles a respondent ticks, besides "Anders" (the same role may come twice: then fewer).
const ROLES_TICKED: usize = 3;

const ROLE_VALUES: [&str; 3] = ["nu", "willen", "beide"];

/// Answers to "what gives room", the start of each text.
const GIVES_ROOM: [&str; 8] = [
    "Vertrouwen van de directie om zelf keuzes te maken in mijn lessen",
    "Tijd in de jaarplanning om samen lessen voor te bereiden",
    "Collega's die openstaan voor nieuwe ideeën en meedenken",
    "Een bouwcoördinator die vragen serieus neemt",
    "Ruimte om te experimenteren met nieuwe werkvormen",
    "Studiedagen waarop we zelf het onderwerp kiezen",
    "Korte lijnen met de intern begeleider",
    "Bij elkaar in de klas kijken en daarna samen nabespreken",
];

/// Answers to "what limits room".
const TAKES_ROOM: [&str; 8] = [
    "Vergaderingen waarin alles al besloten lijkt",
    "De administratie rond toetsen en het leerlingvolgsysteem",
    "Te weinig tijd tussen de lessen om iets met collega's af te stemmen",
    "Methodes die we van bovenaf moeten volgen",
    "Steeds nieuwe projecten zonder dat de vorige zijn afgerond",
    "Een rooster dat geen ruimte laat voor overleg",
    "Het gevoel dat fouten maken niet mag",
    "Onduidelijkheid over wie waarover beslist",
];

/// How each text goes on.
const ENDINGS: [&str; 6] = [
    "; dat merk ik vooral in de onderbouw.",
    ", zeker sinds dit schooljaar.",
    ". Dat zou ik graag met het hele team bespreken.",
    ", al verschilt het per week.",
    ". Daar heb ik het al eerder over gehad met mijn bouw.",
    ".",
];

/// Roles named under "Anders".
const OTHER_ROLES: [&str; 6] = [
    "ICT-coördinator",
    "Taalcoördinator",
    "Cultuurcoördinator",
    "Opleider in de school",
    "Begeleider van de leerlingenraad",
    "Rekenspecialist",
];

/// The questionnaire's ids: what the bench needs to answer every part of it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Questionnaire {
    /// `open` for a fresh link.
    pub status: String,
    #[serde(deserialize_with = "ids")]
    pub statements: Vec<String>,
    pub scale: Vec<ScaleLabel>,
    pub roles: Vec<Role>,
    #[serde(deserialize_with = "ids")]
    pub open_questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ScaleLabel {
    pub code: String,
    /// 1–4; none for "weet ik niet".
    pub score: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Role {
    pub id: String,
    /// "Anders": the respondent names it.
    #[serde(default)]
    pub other: bool,
}

/// The API lists statements and questions as objects with an id and their texts.
fn ids<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    struct Item {
        id: String,
    }
    let items = Vec::<Item>::deserialize(deserializer)?;
    Ok(items.into_iter().map(|item| item.id).collect())
}

impl Questionnaire {
    /// Whether the bench can fill in a whole response: statements, the four points of the
    /// scale and "weet ik niet", ordinary roles and open questions.
    pub fn check(&self) -> Result<(), String> {
        let scored = (1..=4).all(|score| self.code_of(Some(score)).is_some());
        if self.statements.is_empty()
            || !scored
            || self.code_of(None).is_none()
            || !self.roles.iter().any(|r| !r.other)
            || self.open_questions.is_empty()
        {
            return Err(format!(
                "fixture: the team scan's questionnaire lacks what a whole response answers: \
                 {} statements, {} answers on the scale, {} roles, {} open questions",
                self.statements.len(),
                self.scale.len(),
                self.roles.len(),
                self.open_questions.len()
            ));
        }
        Ok(())
    }

    fn code_of(&self, score: Option<u8>) -> Option<&str> {
        self.scale
            .iter()
            .find(|label| label.score == score)
            .map(|label| label.code.as_str())
    }

    /// Respondent number `respondent`'s whole response in `unit` (a school): every statement
    /// rated and a few roles ticked; with `words` also every open question answered and a
    /// role named under "Anders".
    pub fn response(&self, respondent: usize, unit: usize, words: bool) -> String {
        let mut ratings = Map::new();
        for (number, statement) in self.statements.iter().enumerate() {
            ratings.insert(
                statement.clone(),
                json!(self.rating(respondent, unit, number)),
            );
        }
        let ordinary: Vec<&Role> = self.roles.iter().filter(|r| !r.other).collect();
        let mut roles = Map::new();
        let noise = mix(respondent as u64 ^ 0x5eed);
        for tick in 0..ROLES_TICKED {
            let bits = noise >> (tick * 8);
            let role = ordinary[(bits % ordinary.len() as u64) as usize];
            let value = ROLE_VALUES[((bits >> 4) % ROLE_VALUES.len() as u64) as usize];
            roles.insert(role.id.clone(), json!(value));
        }
        let mut body = Map::new();
        if words {
            if let Some(other) = self.roles.iter().find(|r| r.other) {
                roles.insert(other.id.clone(), json!("nu"));
                let name = OTHER_ROLES[(noise >> 40) as usize % OTHER_ROLES.len()];
                body.insert("other_role".to_owned(), json!(name));
            }
            let mut open = Map::new();
            for (number, question) in self.open_questions.iter().enumerate() {
                open.insert(question.clone(), json!(open_text(respondent, number)));
            }
            body.insert("open".to_owned(), Value::Object(open));
        }
        body.insert("ratings".to_owned(), Value::Object(ratings));
        body.insert("roles".to_owned(), Value::Object(roles));
        Value::Object(body).to_string()
    }

    /// One rating: the statement's lean, shifted for some schools, give or take one; or now
    /// and then "weet ik niet".
    fn rating(&self, respondent: usize, unit: usize, statement: usize) -> &str {
        let noise = mix((respondent as u64) << 24 ^ (statement as u64) << 8 ^ unit as u64);
        if noise.is_multiple_of(DONT_KNOW_ONE_IN) {
            return self.code_of(None).unwrap_or_default();
        }
        let shift = match mix((unit as u64) << 32 | statement as u64) % 5 {
            0 => -1,
            4 => 1,
            _ => 0,
        };
        let wobble = match (noise >> 8) % 4 {
            0 => -1,
            3 => 1,
            _ => 0,
        };
        self.code_of(Some(clamp_score(lean(statement) + shift + wobble)))
            .unwrap_or_default()
    }

    /// The owner's estimate of a statement: mostly its lean, a point higher for every third
    /// (a board tends to see more room than the teams do), so the results have gaps.
    pub fn estimate(&self, statement: usize) -> &str {
        let up = i64::from(statement.is_multiple_of(3));
        self.code_of(Some(clamp_score(lean(statement) + up)))
            .unwrap_or_default()
    }
}

/// The score 1–4 a statement leans to.
fn lean(statement: usize) -> i64 {
    1 + (mix(statement as u64 ^ 0x1ea7) % 4) as i64
}

fn clamp_score(score: i64) -> u8 {
    score.clamp(1, 4) as u8
}

/// A respondent's answer to open question `question`.
fn open_text(respondent: usize, question: usize) -> String {
    let noise = mix((respondent as u64) << 8 | question as u64);
    let starts = if question.is_multiple_of(2) {
        &GIVES_ROOM
    } else {
        &TAKES_ROOM
    };
    format!(
        "{}{}",
        starts[(noise % starts.len() as u64) as usize],
        ENDINGS[((noise >> 16) % ENDINGS.len() as u64) as usize]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three statements, the whole scale, two roles and "Anders", two open questions, as
    /// `GET /api/v1/respondent` lists them.
    pub(crate) fn questionnaire() -> Questionnaire {
        serde_json::from_str(
            r#"{"status":"open","title":"t","asked_by":"Henk","unit":"A","closes_on":"2027-01-01",
                "threshold":5,"sections":[{"id":"ruimte","title":{"nl":"R"}}],
                "statements":[{"id":"ruimte-01","section":"ruimte","text":{"nl":"a"}},
                              {"id":"ruimte-02","section":"ruimte","text":{"nl":"b"}},
                              {"id":"ruimte-03","section":"ruimte","text":{"nl":"c"}}],
                "scale":[{"code":"helemaal-oneens","score":1,"label":{"nl":"x"}},
                         {"code":"oneens","score":2,"label":{"nl":"x"}},
                         {"code":"eens","score":3,"label":{"nl":"x"}},
                         {"code":"helemaal-eens","score":4,"label":{"nl":"x"}},
                         {"code":"weet-ik-niet","score":null,"label":{"nl":"x"}}],
                "roles":[{"id":"mentor","name":{"nl":"M"},"description":{"nl":"d"},"other":false},
                         {"id":"data-coach","name":{"nl":"D"},"description":{"nl":"d"},"other":false},
                         {"id":"anders","name":{"nl":"A"},"description":{"nl":"d"},"other":true}],
                "open_questions":[{"id":"wat-geeft-ruimte","question":{"nl":"q"}},
                                  {"id":"wat-beperkt-ruimte","question":{"nl":"q"}}],
                "draft":{"ratings":{},"roles":{},"open":{},"other_role":""}}"#,
        )
        .unwrap()
    }

    fn body(respondent: usize, unit: usize, words: bool) -> Value {
        serde_json::from_str(&questionnaire().response(respondent, unit, words)).unwrap()
    }

    #[test]
    fn the_questionnaire_keeps_the_ids() {
        let q = questionnaire();
        assert_eq!(q.statements, ["ruimte-01", "ruimte-02", "ruimte-03"]);
        assert_eq!(q.open_questions, ["wat-geeft-ruimte", "wat-beperkt-ruimte"]);
        assert!(q.roles[2].other && !q.roles[0].other);
        assert!(q.check().is_ok());
        let mut lacking = q.clone();
        lacking.open_questions.clear();
        assert!(lacking.check().is_err());
    }

    #[test]
    fn a_whole_response_answers_every_part() {
        for respondent in 0..50 {
            let body = body(respondent, respondent % 4, true);
            let ratings = body["ratings"].as_object().unwrap();
            assert_eq!(ratings.len(), 3);
            let codes = [
                "helemaal-oneens",
                "oneens",
                "eens",
                "helemaal-eens",
                "weet-ik-niet",
            ];
            assert!(
                ratings
                    .values()
                    .all(|c| codes.contains(&c.as_str().unwrap()))
            );
            let roles = body["roles"].as_object().unwrap();
            assert_eq!(roles["anders"], "nu");
            assert!(roles.len() >= 2, "{roles:?}");
            assert!(
                roles
                    .values()
                    .all(|v| ROLE_VALUES.contains(&v.as_str().unwrap()))
            );
            assert_eq!(body["open"].as_object().unwrap().len(), 2);
            assert!(OTHER_ROLES.contains(&body["other_role"].as_str().unwrap()));
        }
    }

    #[test]
    fn without_words_only_ratings_and_roles() {
        let body = body(7, 1, false);
        assert!(body.get("open").is_none() && body.get("other_role").is_none());
        assert!(body["roles"].get("anders").is_none());
        assert_eq!(body["ratings"].as_object().unwrap().len(), 3);
    }

    #[test]
    fn respondents_differ_and_each_keeps_their_answers() {
        assert_eq!(body(3, 1, true), body(3, 1, true));
        let distinct: std::collections::HashSet<String> = (0..20)
            .map(|respondent| body(respondent, 0, true).to_string())
            .collect();
        assert!(distinct.len() > 15, "{}", distinct.len());
        let q = questionnaire();
        let mut seen = std::collections::HashSet::new();
        for respondent in 0..300 {
            for statement in 0..3 {
                seen.insert(q.rating(respondent, respondent % 5, statement).to_owned());
            }
        }
        assert_eq!(seen.len(), 5, "every answer occurs: {seen:?}");
    }

    #[test]
    fn the_estimate_is_on_the_scale() {
        let q = questionnaire();
        for statement in 0..3 {
            assert!(q.estimate(statement) != "weet-ik-niet" && !q.estimate(statement).is_empty());
        }
    }
}
