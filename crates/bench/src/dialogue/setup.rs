//! Setting up a live dialogue as people would: the facilitator (the demo school leader, with
//! the fixture's API token) starts one through the form and reads the join code off the
//! projector screen; participants join with the code and their name and are sent on to their
//! phone screen, whose address holds their token.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use hyper::StatusCode;

use crate::excerpt;
use crate::http::{Connection, RequestSpec};

/// The domains of the standard: their indicator cards follow the 22 dialogue cards in the
/// deck, so "next card" does not run out before the actions do.
const DOMAINS: [&str; 9] = [
    "visie",
    "medewerkers",
    "schoolontwikkeling",
    "onderwijskwaliteit",
    "omgeving",
    "cognitief",
    "sociaal",
    "psychologisch",
    "zingevend",
];

/// Joins sent at once per instance.
const JOIN_CLIENTS: usize = 4;

/// A started dialogue.
#[derive(Debug, Clone)]
pub struct Started {
    pub id: i64,
    /// Six digits, as typed on a phone.
    pub code: String,
}

/// `POST /dialogen` (Trek een kaart, the dialogue cards and every domain's indicator cards,
/// anonymous joining allowed), then the projector screen for the code.
pub async fn start(address: SocketAddr, token: &str) -> Result<Started, String> {
    let mut fields = vec![
        ("title", "Benchmark"),
        ("format", "trek-een-kaart"),
        ("deck", "dialoogkaarten"),
        ("anonymous", "ja"),
        ("minutes", ""),
    ];
    let parts: Vec<String> = DOMAINS.iter().map(|d| format!("domein:{d}")).collect();
    fields.extend(parts.iter().map(|p| ("deck", p.as_str())));
    let request = RequestSpec::post_form("/dialogen", &fields)?.with_bearer(token)?;
    let mut connection = Connection::open(address)
        .await
        .map_err(|e| format!("cannot connect to start a dialogue: {e}"))?;
    let (status, location, body) = connection
        .send_for_location(&request)
        .await
        .map_err(|e| format!("POST /dialogen failed: {e}"))?;
    let id = match (status, location) {
        (StatusCode::SEE_OTHER, Some(location)) => parse_dialogue_location(&location)?,
        (status, _) => {
            return Err(format!(
                "POST /dialogen answered {status}, expected 303 to the new dialogue:\n{}",
                excerpt(&body)
            ));
        }
    };
    let screen = RequestSpec::get(&format!("/dialogen/{id}"))?.with_bearer(token)?;
    let (status, body) = connection
        .send(&screen)
        .await
        .map_err(|e| format!("GET /dialogen/{id} failed: {e}"))?;
    if status != StatusCode::OK {
        return Err(format!(
            "GET /dialogen/{id} answered {status}:\n{}",
            excerpt(&body)
        ));
    }
    let code = join_code(&String::from_utf8_lossy(&body))
        .ok_or_else(|| format!("no join code on the screen of dialogue {id}"))?;
    Ok(Started { id, code })
}

/// `/dialogen/17` → 17.
fn parse_dialogue_location(location: &str) -> Result<i64, String> {
    location
        .strip_prefix("/dialogen/")
        .and_then(|id| id.parse().ok())
        .ok_or_else(|| format!("POST /dialogen redirected to `{location}`, not to a dialogue"))
}

/// The six digits of `<p class="join-box__code" id="join-code" …>123 456</p>`.
fn join_code(html: &str) -> Option<String> {
    let element = &html[html.find(r#"id="join-code""#)?..];
    let text = &element[element.find('>')? + 1..];
    let text = &text[..text.find('<')?];
    let code: String = text.chars().filter(char::is_ascii_digit).collect();
    (code.len() == 6).then_some(code)
}

/// `participants` join with `code`, participant `i` on instance `i % addresses.len()`, as
/// `P{i}`; returns each one's token, in order.
pub async fn join_all(
    addresses: &[SocketAddr],
    code: &str,
    participants: usize,
) -> Result<Vec<String>, String> {
    let next = Arc::new(AtomicUsize::new(0));
    let mut workers = tokio::task::JoinSet::new();
    for worker in 0..JOIN_CLIENTS * addresses.len() {
        let (next, addresses, code) = (Arc::clone(&next), addresses.to_vec(), code.to_owned());
        workers.spawn(async move {
            let mut connections: Vec<Option<Connection>> = addresses.iter().map(|_| None).collect();
            let mut joined = Vec::new();
            loop {
                let participant = next.fetch_add(1, Ordering::Relaxed);
                if participant >= participants {
                    return Ok::<_, String>(joined);
                }
                let instance = participant % addresses.len();
                let connection = match &mut connections[instance] {
                    Some(open) => open,
                    slot => slot.insert(
                        Connection::open(addresses[instance])
                            .await
                            .map_err(|e| format!("join client {worker} cannot connect: {e}"))?,
                    ),
                };
                let token = join(connection, &code, participant).await?;
                joined.push((participant, token));
            }
        });
    }
    let mut tokens = vec![String::new(); participants];
    while let Some(joined) = workers.join_next().await {
        for (participant, token) in joined.map_err(|e| format!("a join client failed: {e}"))?? {
            tokens[participant] = token;
        }
    }
    Ok(tokens)
}

/// `POST /meedoen` with the code and a name; the token from the `/d/{token}` redirect.
async fn join(
    connection: &mut Connection,
    code: &str,
    participant: usize,
) -> Result<String, String> {
    let name = format!("P{participant}");
    let request = RequestSpec::post_form("/meedoen", &[("code", code), ("name", &name)])?;
    let (status, location, body) = connection
        .send_for_location(&request)
        .await
        .map_err(|e| format!("POST /meedoen failed: {e}"))?;
    match (status, location) {
        (StatusCode::SEE_OTHER, Some(location)) => location
            .strip_prefix("/d/")
            .filter(|token| !token.is_empty() && !token.contains('/'))
            .map(str::to_owned)
            .ok_or_else(|| format!("joining redirected to `{location}`, not to /d/{{token}}")),
        (status, _) => Err(format!(
            "POST /meedoen as {name} answered {status}, expected 303:\n{}",
            excerpt(&body)
        )),
    }
}

/// The number of the last event on a participant's screen, where its stream continues
/// (`?na=`), read from the page as the browser's script does.
pub async fn last_event(address: SocketAddr, token: &str) -> Result<i64, String> {
    let page = RequestSpec::get(&format!("/d/{token}"))?;
    let (status, body) = crate::http::send_once(address, &page)
        .await
        .map_err(|e| format!("GET /d/{{token}} failed: {e}"))?;
    if status != StatusCode::OK {
        return Err(format!(
            "the participant's screen answered {status}:\n{}",
            excerpt(&body)
        ));
    }
    snapshot_seq(&String::from_utf8_lossy(&body))
        .ok_or_else(|| "no event number in the participant's screen".to_owned())
}

/// `<script type="application/json" id="dialogue-snapshot">{"seq":503,…`
fn snapshot_seq(html: &str) -> Option<i64> {
    let snapshot = &html[html.find(r#"id="dialogue-snapshot""#)?..];
    let key = r#""seq":"#;
    let digits = &snapshot[snapshot.find(key)? + key.len()..];
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_is_read_off_the_screen() {
        let html = r#"<div><p class="join-box__code" id="join-code" aria-label="Code: 1 2 3 4 5 6">123 456</p></div>"#;
        assert_eq!(join_code(html).as_deref(), Some("123456"));
        assert_eq!(join_code(r#"<p id="join-code"></p>"#), None);
        assert_eq!(join_code("<p>123 456</p>"), None);
    }

    #[test]
    fn the_dialogue_id_comes_from_the_redirect() {
        assert_eq!(parse_dialogue_location("/dialogen/42"), Ok(42));
        assert!(parse_dialogue_location("/inloggen?terug=%2F").is_err());
    }

    #[test]
    fn the_stream_continues_from_the_snapshot() {
        let html = r#"<script type="application/json" id="dialogue-snapshot">{"seq":503,"cards":[]}</script>"#;
        assert_eq!(snapshot_seq(html), Some(503));
        assert_eq!(snapshot_seq(r#"{"seq":5}"#), None);
    }
}
