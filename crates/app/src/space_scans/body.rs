//! A respondent's answers as the store keeps them: draft items one by one (`s:<statement>`,
//! `r:<role>`, `o:<question>`, `anders`), and a submitted response as one JSON body. Both
//! are read back through the domain's parser, so what is stored is what the domain accepts.

use std::collections::BTreeMap;

use leidraad_domain::space_scan::{RawResponse, Response, ScanError, SpaceScan};
use serde::{Deserialize, Serialize};

/// The response body: answer codes by statement, `[now, would like]` by role, texts by
/// question, and the "Anders" role's name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Body {
    #[serde(default, rename = "s")]
    pub ratings: BTreeMap<String, String>,
    #[serde(default, rename = "r")]
    pub roles: BTreeMap<String, (bool, bool)>,
    #[serde(default, rename = "o")]
    pub open: BTreeMap<String, String>,
    #[serde(default, rename = "a", skip_serializing_if = "String::is_empty")]
    pub other_role: String,
}

impl Body {
    /// The items of a draft, as saved.
    pub fn from_items<'a>(items: impl IntoIterator<Item = (&'a str, &'a str)>) -> Body {
        let mut body = Body::default();
        for (item, value) in items {
            body.put(item, value);
        }
        body
    }

    /// Puts one item in, over what was there; an unknown kind of item is ignored (the store
    /// only holds what [`item_key`] made).
    pub fn put(&mut self, item: &str, value: &str) {
        if let Some(id) = item.strip_prefix("s:") {
            self.ratings.insert(id.to_owned(), value.to_owned());
        } else if let Some(id) = item.strip_prefix("r:") {
            let ticks = role_ticks(value).unwrap_or_default();
            self.roles.insert(id.to_owned(), ticks);
        } else if let Some(id) = item.strip_prefix("o:") {
            self.open.insert(id.to_owned(), value.to_owned());
        } else if item == OTHER_ROLE {
            value.clone_into(&mut self.other_role);
        }
    }

    /// Checked against the questionnaire.
    pub fn parse(&self, scan: &SpaceScan) -> Result<Response, ScanError> {
        let ratings: Vec<(&str, &str)> = self
            .ratings
            .iter()
            .map(|(id, answer)| (id.as_str(), answer.as_str()))
            .collect();
        let roles: Vec<(&str, bool, bool)> = self
            .roles
            .iter()
            .map(|(id, (now, like))| (id.as_str(), *now, *like))
            .collect();
        let open: Vec<(&str, &str)> = self
            .open
            .iter()
            .map(|(id, text)| (id.as_str(), text.as_str()))
            .collect();
        Response::parse(
            scan,
            RawResponse {
                ratings: &ratings,
                roles: &roles,
                open: &open,
                other_role: &self.other_role,
            },
        )
    }

    /// The body of a checked response.
    pub fn of(response: &Response) -> Body {
        Body {
            ratings: response
                .ratings
                .iter()
                .map(|(id, answer)| (id.clone(), answer.code().to_owned()))
                .collect(),
            roles: response
                .roles
                .iter()
                .filter(|(_, r)| r.now || r.would_like)
                .map(|(id, r)| (id.clone(), (r.now, r.would_like)))
                .collect(),
            open: response
                .open
                .iter()
                .map(|(id, text)| (id.clone(), text.as_str().to_owned()))
                .collect(),
            other_role: response
                .other_role
                .as_ref()
                .map(|name| name.as_str().to_owned())
                .unwrap_or_default(),
        }
    }

    /// Leaves out what the questionnaire no longer has (a statement renamed since the answer
    /// was given), so an old response still counts for the rest.
    pub fn known_to(mut self, scan: &SpaceScan) -> Body {
        self.ratings.retain(|id, _| scan.statement(id).is_some());
        self.roles.retain(|id, _| scan.role(id).is_some());
        self.open.retain(|id, _| scan.open_question(id).is_some());
        self
    }
}

/// The item that holds the "Anders" role's name.
pub(crate) const OTHER_ROLE: &str = "anders";

/// A role's two ticks as the draft keeps them: `"10"` is "now, not would like".
pub(crate) fn role_value(now: bool, would_like: bool) -> String {
    format!("{}{}", u8::from(now), u8::from(would_like))
}

fn role_ticks(value: &str) -> Option<(bool, bool)> {
    let mut chars = value.chars();
    let tick = |c: Option<char>| match c {
        Some('1') => Some(true),
        Some('0') => Some(false),
        _ => None,
    };
    let ticks = (tick(chars.next())?, tick(chars.next())?);
    chars.next().is_none().then_some(ticks)
}

/// What a respondent saves, as typed by a form or the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKind {
    Statement(String),
    Role(String),
    Open(String),
    OtherRole,
}

impl ItemKind {
    /// The draft's key of an item.
    pub fn key(&self) -> String {
        match self {
            ItemKind::Statement(id) => format!("s:{id}"),
            ItemKind::Role(id) => format!("r:{id}"),
            ItemKind::Open(id) => format!("o:{id}"),
            ItemKind::OtherRole => OTHER_ROLE.to_owned(),
        }
    }

    /// Whether it holds text (and so is saved only over what the writer saw).
    pub fn is_text(&self) -> bool {
        matches!(self, ItemKind::Open(_) | ItemKind::OtherRole)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_ticks_are_two_binary_digits() {
        assert_eq!(role_ticks("10"), Some((true, false)));
        assert_eq!(role_ticks("01"), Some((false, true)));
        for bad in ["", "1", "2", "101", "ab"] {
            assert_eq!(role_ticks(bad), None, "{bad:?}");
        }
        assert_eq!(role_value(true, true), "11");
    }

    #[test]
    fn a_body_round_trips_through_json_compactly() {
        let body = Body::from_items([
            ("s:a-1", "eens"),
            ("r:mentor", "01"),
            ("o:geeft", "Tijd"),
            ("anders", "Cultuurcoördinator"),
            ("x:onbekend", "genegeerd"),
        ]);
        let json = serde_json::to_string(&body).unwrap();
        assert_eq!(
            json,
            r#"{"s":{"a-1":"eens"},"r":{"mentor":[false,true]},"o":{"geeft":"Tijd"},"a":"Cultuurcoördinator"}"#
        );
        assert_eq!(serde_json::from_str::<Body>(&json).unwrap(), body);
    }
}
