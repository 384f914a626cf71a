//! A round's raters: added to a group by address (as lines typed into the page, or as a list
//! from the API) or as copy links without one, and removed again while the round is a concept.
//! A rater added to an open round is mailed at once.

use leidraad_domain::accounts::Email;
use leidraad_domain::feedback::RaterName;
use leidraad_store::feedback::{LinkRecord, NewLink, RoundRecord, RoundState};

use super::round::own_record;
use super::send::mail_link;
use super::settle;
use crate::secrets::new_secret;
use crate::{App, Error, Viewer};

/// The most raters one round may have: more than any school's team and board together.
pub const MAX_RATERS: usize = 200;

/// A rater as the API names one: an address, and the leader's own name for them (may be
/// empty).
pub struct RaterRequest<'a> {
    pub email: &'a str,
    pub name: &'a str,
}

/// Adds raters to a group: one per line, "naam <adres>" or an address alone, and `copy_links`
/// links without an address, for the leader to hand out. Refused whole when any line is not
/// an address. Returns the copy links, whole: they are shown once and stored only as a hash.
pub async fn add_raters(
    state: &App,
    viewer: &Viewer,
    id: i64,
    group: i64,
    lines: &str,
    copy_links: usize,
) -> Result<Vec<String>, Error> {
    let raters = parse_lines(lines)?;
    add_rater_list(state, viewer, id, group, &raters, copy_links).await
}

/// As [`add_raters`], with the raters given one by one rather than as typed lines, so a name
/// or an address may hold any character its own rule allows (a comma in "Jansen, Piet").
pub async fn add_rater_list(
    state: &App,
    viewer: &Viewer,
    id: i64,
    group: i64,
    raters: &[RaterRequest<'_>],
    copy_links: usize,
) -> Result<Vec<String>, Error> {
    let record = own_record(state, viewer, id).await?;
    if record.state != RoundState::Concept && record.state != RoundState::Open {
        return Err(Error::Conflict {
            code: "feedback-round-state",
        });
    }
    let raters = checked(raters)?;
    let existing = state.store.links_of(id).await?;
    if existing.len() + raters.len() + copy_links > MAX_RATERS {
        return Err(Error::BadRequest {
            code: "feedback-raters-too-many",
        });
    }
    if raters.is_empty() && copy_links == 0 {
        return Err(Error::BadRequest {
            code: "feedback-raters-none",
        });
    }
    add_addressed(state, viewer, id, group, &raters, &existing).await?;
    let copied = add_copy_links(state, viewer, id, group, copy_links).await?;
    if record.state == RoundState::Open {
        invite_new(state, &record, &viewer.name).await?;
    }
    Ok(copied)
}

/// Mails their link to the raters of an open round who have not had one: those just added
/// (a concept round's raters are mailed when it is sent).
async fn invite_new(state: &App, record: &RoundRecord, leader_name: &str) -> Result<(), Error> {
    let links = state.store.links_of(record.id).await?;
    let new = links
        .iter()
        .filter(|l| l.email.is_some() && l.invited_at.is_none());
    for link in new {
        mail_link(state, record, link, leader_name, "mail-feedback-subject").await?;
    }
    Ok(())
}

/// Links for `raters`, skipping an address the round has already.
async fn add_addressed(
    state: &App,
    viewer: &Viewer,
    id: i64,
    group: i64,
    raters: &[(String, String)],
    existing: &[LinkRecord],
) -> Result<(), Error> {
    let now = state.clock.now();
    for (name, email) in raters {
        let known = existing
            .iter()
            .any(|l| l.email.as_deref() == Some(email.as_str()));
        if known {
            continue;
        }
        // Mailed links get their token when the round is sent; until then this digest of a
        // secret nobody ever sees holds the place.
        let placeholder = new_secret().digest();
        let link = NewLink {
            group,
            token_digest: &placeholder,
            email: Some(email.as_str()),
            name: name.as_str(),
            now,
        };
        settle(state.store.add_link(id, viewer.person, &link).await?)?;
    }
    Ok(())
}

/// `count` links without an address; their whole URLs, which exist nowhere else.
async fn add_copy_links(
    state: &App,
    viewer: &Viewer,
    id: i64,
    group: i64,
    count: usize,
) -> Result<Vec<String>, Error> {
    let base = crate::accounts::link_base(state)?;
    let now = state.clock.now();
    let mut copied = Vec::with_capacity(count);
    for _ in 0..count {
        let token = new_secret();
        let link = NewLink {
            group,
            token_digest: &token.digest(),
            email: None,
            name: "",
            now,
        };
        settle(state.store.add_link(id, viewer.person, &link).await?)?;
        copied.push(format!("{base}/b/{}", token.expose()));
    }
    Ok(copied)
}

/// "Naam <adres>" or "adres", one per line (commas and semicolons also separate); blank lines
/// are skipped.
fn parse_lines(lines: &str) -> Result<Vec<RaterRequest<'_>>, Error> {
    Ok(lines
        .split(['\n', ';', ','])
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| match (line.find('<'), line.rfind('>')) {
            (Some(open), Some(close)) if open < close => RaterRequest {
                name: line[..open].trim(),
                email: &line[open + 1..close],
            },
            _ => RaterRequest {
                name: "",
                email: line,
            },
        })
        .collect())
}

/// Each rater's (name, address key), once per address. Any address that is not one refuses
/// the whole list.
fn checked(raters: &[RaterRequest<'_>]) -> Result<Vec<(String, String)>, Error> {
    let mut list: Vec<(String, String)> = Vec::new();
    for rater in raters {
        let email = Email::parse(rater.email).map_err(|_| Error::BadRequest {
            code: "feedback-rater-email-invalid",
        })?;
        let name = RaterName::parse(rater.name.trim())
            .map_err(|e| Error::BadRequest { code: e.code() })?;
        let key = email.lookup_key();
        if !list.iter().any(|(_, e)| *e == key) {
            list.push((name.as_str().to_owned(), key));
        }
    }
    Ok(list)
}

pub async fn remove_rater(state: &App, viewer: &Viewer, id: i64, link: i64) -> Result<(), Error> {
    own_record(state, viewer, id).await?;
    settle(state.store.remove_link(id, viewer.person, link).await?)
}
