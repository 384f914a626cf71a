//! The fixture for the signed-in routes (save-answer, profile): demo data, an API token for
//! the demo school leader, and the ids the requests need.
//!
//! Before the server starts, in its fresh data folder (or `--database-url`), the bench runs
//! `leidraad demo --seed-only` and `leidraad admin api-token --email <leader>` and keeps the
//! token. Once the server is ready, it lists the leader's reflections through the API and
//! picks the open one (its cards are what save-answer writes) and the finished one (what
//! profile reads, so the page does not change under the writes of save-answer).

use std::net::SocketAddr;
use std::path::Path;

use hyper::StatusCode;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::http::{self, RequestSpec};
use crate::server;

/// The demo person whose reflections the signed-in routes use: the demo gives her a finished
/// reflection on the whole standard and an open one with every card answered.
pub const DEMO_LEADER: &str = "schoolleider.linde@leidraad.example";

/// The label of the bench's API token.
const TOKEN_NAME: &str = "leidraad-bench";

/// A personal API token is 32 random bytes as hex.
const TOKEN_HEX_CHARS: usize = 64;

/// What the signed-in routes need, found after the server is ready.
#[derive(Debug, Clone)]
pub struct Fixture {
    pub token: String,
    /// The newest open reflection of the leader, if any.
    pub open: Option<OpenReflection>,
    /// The newest finished reflection of the leader, if any.
    pub finished: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct OpenReflection {
    pub id: i64,
    /// The keys of its cards, in the API's order.
    pub card_keys: Vec<String>,
}

/// Fills the database with the demo and makes an API token for the leader; returns the
/// token. Runs before `serve`, on the data folder and database the server will use.
pub fn seed(binary: &Path, data_dir: &Path, database_url: Option<&str>) -> Result<String, String> {
    server::run_app_command(binary, &["demo", "--seed-only"], data_dir, database_url)
        .map_err(|e| format!("cannot seed the demo data for save-answer/profile: {e}"))?;
    let printed = server::run_app_command(
        binary,
        &[
            "admin",
            "api-token",
            "--email",
            DEMO_LEADER,
            "--name",
            TOKEN_NAME,
        ],
        data_dir,
        database_url,
    )
    .map_err(|e| format!("cannot make an API token for {DEMO_LEADER}: {e}"))?;
    parse_token(&printed)
}

/// The token from `admin api-token`'s stdout: its last non-empty line, 64 hex characters.
pub fn parse_token(stdout: &str) -> Result<String, String> {
    let token = stdout
        .lines()
        .map(str::trim)
        .rfind(|line| !line.is_empty())
        .ok_or("`leidraad admin api-token` printed no token")?;
    if token.len() != TOKEN_HEX_CHARS || !token.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!(
            "`leidraad admin api-token` printed `{token}`, expected {TOKEN_HEX_CHARS} hex characters"
        ));
    }
    Ok(token.to_owned())
}

/// Finds the leader's reflections and the open one's cards through the API.
pub async fn discover(address: SocketAddr, token: String) -> Result<Fixture, String> {
    let list: ReflectionList = get_json(address, "/api/v1/reflections", &token).await?;
    let (open_id, finished) = pick_reflections(&list);
    let open = match open_id {
        Some(id) => {
            let detail: ReflectionDetail =
                get_json(address, &format!("/api/v1/reflections/{id}"), &token).await?;
            Some(OpenReflection {
                id,
                card_keys: detail.cards.into_iter().map(|card| card.key).collect(),
            })
        }
        None => None,
    };
    Ok(Fixture {
        token,
        open,
        finished,
    })
}

/// `GET /api/v1/reflections`, as far as the bench reads it.
#[derive(Debug, Deserialize)]
struct ReflectionList {
    reflections: Vec<ReflectionSummary>,
}

#[derive(Debug, Deserialize)]
struct ReflectionSummary {
    id: i64,
    finished_at: Option<i64>,
}

/// `GET /api/v1/reflections/{id}`, as far as the bench reads it.
#[derive(Debug, Deserialize)]
struct ReflectionDetail {
    cards: Vec<CardState>,
}

#[derive(Debug, Deserialize)]
struct CardState {
    key: String,
}

/// The newest open and the newest finished reflection (the API lists oldest first).
fn pick_reflections(list: &ReflectionList) -> (Option<i64>, Option<i64>) {
    let newest = |finished: bool| {
        list.reflections
            .iter()
            .rfind(|r| r.finished_at.is_some() == finished)
            .map(|r| r.id)
    };
    (newest(false), newest(true))
}

async fn get_json<T: DeserializeOwned>(
    address: SocketAddr,
    path: &str,
    token: &str,
) -> Result<T, String> {
    let spec = RequestSpec::get(path)?.with_bearer(token)?;
    let (status, body) = http::send_once(address, &spec)
        .await
        .map_err(|e| format!("fixture: GET {path} failed: {e}"))?;
    if status != StatusCode::OK {
        return Err(format!(
            "fixture: GET {path} with the API token of {DEMO_LEADER} answered {status}, \
             expected 200 OK:\n{}",
            crate::excerpt(&body)
        ));
    }
    serde_json::from_slice(&body)
        .map_err(|e| format!("fixture: GET {path} answered JSON the bench cannot read: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_the_last_line_and_must_be_hex() {
        let token = "0123456789abcdef".repeat(4);
        assert_eq!(parse_token(&format!("{token}\n")), Ok(token.clone()));
        assert_eq!(
            parse_token(&format!("some notice\n  {token}  \n\n")),
            Ok(token.clone())
        );
        assert!(parse_token("").is_err());
        assert!(parse_token("\n\n").is_err());
        assert!(parse_token(&token[1..]).is_err());
        assert!(parse_token(&format!("{}g", &token[1..])).is_err());
    }

    #[test]
    fn the_newest_open_and_finished_reflections_are_picked() {
        let list: ReflectionList = serde_json::from_str(
            r#"{"reflections":[
                {"id":3,"framework_id":"f","domains":[],"started_at":1,"finished_at":5},
                {"id":4,"framework_id":"f","domains":[],"started_at":2,"finished_at":null},
                {"id":9,"framework_id":"f","domains":[],"started_at":3,"finished_at":7},
                {"id":12,"framework_id":"f","domains":[],"started_at":4}
            ],"shared_with_me":[{"id":1,"finished_at":2,"author":"x"}]}"#,
        )
        .unwrap();
        assert_eq!(pick_reflections(&list), (Some(12), Some(9)));
    }

    #[test]
    fn a_leader_without_reflections_has_neither() {
        let list: ReflectionList =
            serde_json::from_str(r#"{"reflections":[],"shared_with_me":[]}"#).unwrap();
        assert_eq!(pick_reflections(&list), (None, None));
    }

    #[test]
    fn card_keys_come_from_the_detail() {
        let detail: ReflectionDetail = serde_json::from_str(
            r#"{"id":4,"finished_at":null,"focus_cards":[],
                "cards":[{"key":"visie-01","pile":2,"note":""},{"key":"eigen-3","pile":null}]}"#,
        )
        .unwrap();
        let keys: Vec<String> = detail.cards.into_iter().map(|c| c.key).collect();
        assert_eq!(keys, ["visie-01", "eigen-3"]);
    }
}
