//! What both team scan routes start from, made through the API as a board would: the board's
//! schools (the demo has two; the admin adds the rest), a scan across all of them started by
//! the board member (each school a unit with a shared link), respondent links opened from a
//! shared link as a phone does, and the questionnaire behind a link.

use std::net::SocketAddr;

use hyper::StatusCode;
use serde::Deserialize;
use serde_json::json;

use super::body::Questionnaire;
use crate::fixture::api::ApiClient;
use crate::fixture::calendar::{closing_day, unix_now};
use crate::fixture::{DEMO_ADMIN, DEMO_BOARD};

/// The scans close this many days from today, well inside the API's year.
const CLOSES_IN_DAYS: u64 = 14;

/// The names of the schools the admin adds: `Benchschool 03` and on.
const SCHOOL_NAME: &str = "Benchschool";

/// `GET /api/v1/organisations`, as far as the bench reads it.
#[derive(Debug, Deserialize)]
struct OrganisationList {
    organisations: Vec<Organisation>,
}

#[derive(Debug, Deserialize)]
struct Organisation {
    id: i64,
    roles: Vec<String>,
}

/// `GET /api/v1/organisations/{org}/schools`, as far as the bench reads it.
#[derive(Debug, Deserialize)]
struct SchoolList {
    schools: Vec<School>,
}

#[derive(Debug, Deserialize)]
struct School {
    id: i64,
    name: String,
}

/// The board's organisation and `count` of its schools, the missing ones added by the admin.
pub async fn board_schools(
    admin: &mut ApiClient,
    board: &mut ApiClient,
    count: usize,
) -> Result<(i64, Vec<i64>), String> {
    let list: OrganisationList = board.get("/api/v1/organisations").await?;
    let organisation = list
        .organisations
        .iter()
        .find(|o| o.roles.iter().any(|role| role == "board-member"))
        .map(|o| o.id)
        .ok_or_else(|| {
            format!(
                "the team scan routes need an organisation where {DEMO_BOARD} is a board \
                 member, and /api/v1/organisations lists none"
            )
        })?;
    let path = format!("/api/v1/organisations/{organisation}/schools");
    let list: SchoolList = admin.get(&path).await?;
    let mut schools: Vec<i64> = list.schools.iter().map(|s| s.id).collect();
    let mut number = schools.len();
    while schools.len() < count {
        number += 1;
        let name = format!("{SCHOOL_NAME} {number:02}");
        if list.schools.iter().any(|s| s.name == name) {
            continue;
        }
        let body = json!({ "name": name }).to_string();
        let added: School = admin
            .post(&path, Some(body), StatusCode::CREATED)
            .await
            .map_err(|e| format!("{e}\n(as {DEMO_ADMIN}, adding the board's schools)"))?;
        schools.push(added.id);
    }
    schools.truncate(count);
    Ok((organisation, schools))
}

/// `POST /api/v1/scans`, as far as the bench reads the answer.
#[derive(Debug, Deserialize)]
struct CreatedScan {
    id: i64,
    units: Vec<Unit>,
}

#[derive(Debug, Deserialize)]
struct Unit {
    share_url: String,
}

/// A scan across schools: its id and each unit's shared link's token, in the units' order.
#[derive(Debug, Clone)]
pub struct StartedScan {
    pub id: i64,
    pub shares: Vec<String>,
}

/// The board member starts a scan across `schools` with the default threshold (5).
pub async fn start_scan(
    board: &mut ApiClient,
    organisation: i64,
    schools: &[i64],
    title: &str,
) -> Result<StartedScan, String> {
    let body = json!({
        "organisation": organisation,
        "schools": schools,
        "title": title,
        "closes_on": closing_day(unix_now(), CLOSES_IN_DAYS),
    });
    let created: CreatedScan = board
        .post("/api/v1/scans", Some(body.to_string()), StatusCode::CREATED)
        .await?;
    let shares = created
        .units
        .iter()
        .map(|unit| share_token(&unit.share_url))
        .collect::<Result<Vec<_>, _>>()?;
    if shares.len() != schools.len() {
        return Err(format!(
            "fixture: scan {} across {} schools has {} units",
            created.id,
            schools.len(),
            shares.len()
        ));
    }
    Ok(StartedScan {
        id: created.id,
        shares,
    })
}

/// The token of a shared link: the last segment of a URL ending in `/s/{token}`.
fn share_token(url: &str) -> Result<String, String> {
    match url.rsplit_once("/s/") {
        Some((_, token)) if !token.is_empty() && !token.contains('/') => Ok(token.to_owned()),
        _ => Err(format!(
            "fixture: the shared link `{url}` does not end in /s/{{token}}"
        )),
    }
}

#[derive(Debug, Deserialize)]
struct LinkCreated {
    token: String,
}

/// Opens a unit's shared link as a phone does (`POST /api/v1/scan-links/{share}`): a fresh
/// respondent link, whose token is its credential.
pub async fn open_link(client: &mut ApiClient, share: &str) -> Result<String, String> {
    let created: LinkCreated = client
        .post(
            &format!("/api/v1/scan-links/{share}"),
            None,
            StatusCode::CREATED,
        )
        .await?;
    Ok(created.token)
}

/// The questionnaire behind a fresh link (`GET /api/v1/respondent`), checked to be open and
/// answerable as a whole.
pub async fn questionnaire(address: SocketAddr, token: &str) -> Result<Questionnaire, String> {
    let mut respondent = ApiClient::new(address, "a respondent's link", token);
    let questionnaire: Questionnaire = respondent.get("/api/v1/respondent").await?;
    if questionnaire.status != "open" {
        return Err(format!(
            "fixture: a fresh respondent link's questionnaire is `{}`, expected `open`",
            questionnaire.status
        ));
    }
    questionnaire.check()?;
    Ok(questionnaire)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_the_last_segment_of_a_shared_link() {
        assert_eq!(share_token("http://127.0.0.1:8080/s/ab12").unwrap(), "ab12");
        assert_eq!(share_token("/s/cd34").unwrap(), "cd34");
        assert!(share_token("http://127.0.0.1:8080/s/").is_err());
        assert!(share_token("http://127.0.0.1:8080/t/ab12").is_err());
        assert!(share_token("http://127.0.0.1:8080/s/ab/12").is_err());
    }

    #[test]
    fn the_answers_are_read_as_the_api_writes_them() {
        let created: CreatedScan = serde_json::from_str(
            r#"{"id":4,"units":[{"id":9,"label":"De Linde","school":1,
                "share_url":"/s/ab"}]}"#,
        )
        .unwrap();
        assert_eq!(
            (created.id, created.units[0].share_url.as_str()),
            (4, "/s/ab")
        );
        let list: OrganisationList = serde_json::from_str(
            r#"{"organisations":[{"id":1,"name":"a","roles":["board-member"],"schools":[]}]}"#,
        )
        .unwrap();
        assert_eq!(list.organisations[0].roles, ["board-member"]);
    }
}
