//! Personal links by mail, one per address: the link is all a respondent holds, and their
//! answer is not linked to them (see the store's `submit`). And a new shared link for a unit
//! when the old one went further than it should.

use leidraad_domain::Language;
use leidraad_domain::accounts::Email;
use leidraad_domain::local_time::LocalDateTime;
use leidraad_store::space_scans::{ScanRecord, ScanState};

use super::{own_scan, settle};
use crate::accounts::link_base;
use crate::mail::OutgoingMessage;
use crate::secrets::new_secret;
use crate::{App, Error, Viewer};

/// Most addresses one request mails.
pub const MAX_INVITATIONS: usize = 500;

/// Mails a personal link to every address in `addresses` (one per line; commas and
/// semicolons separate too) that the scan has not mailed yet, for `unit`; how many were
/// mailed. Any address that is not one refuses the whole list and mails nobody.
pub async fn invite(
    state: &App,
    viewer: &Viewer,
    id: i64,
    unit: i64,
    addresses: &str,
) -> Result<usize, Error> {
    let record = own_scan(state, viewer, id).await?;
    if !state.store.units_of(id).await?.iter().any(|u| u.id == unit) {
        return Err(Error::NotFound);
    }
    if record.state != ScanState::Open || record.closes_at <= state.clock.now() {
        return Err(Error::Conflict {
            code: "scan-closed",
        });
    }
    let emails = parse_addresses(addresses)?;
    let base = link_base(state)?;
    let tokens: Vec<_> = emails.iter().map(|_| new_secret()).collect();
    let rows: Vec<(String, String)> = emails
        .iter()
        .zip(&tokens)
        .map(|(email, token)| (email.lookup_key(), token.digest()))
        .collect();
    let made = settle(
        state
            .store
            .add_scan_invitations(viewer.person, unit, &rows)
            .await?,
    )?;
    for (email, token) in emails.iter().zip(&tokens) {
        if made.contains(&email.lookup_key()) {
            let url = format!("{base}/t/{}", token.expose());
            mail(state, &record, &viewer.name, email, &url).await?;
        }
    }
    Ok(made.len())
}

fn parse_addresses(addresses: &str) -> Result<Vec<Email>, Error> {
    let mut emails: Vec<Email> = Vec::new();
    for line in addresses
        .split(['\n', ';', ','])
        .map(str::trim)
        .filter(|line| !line.is_empty())
    {
        let email = Email::parse(line).map_err(|_| Error::BadRequest {
            code: "scan-email-invalid",
        })?;
        if !emails.iter().any(|e| e.lookup_key() == email.lookup_key()) {
            emails.push(email);
        }
    }
    if emails.is_empty() {
        return Err(Error::BadRequest {
            code: "scan-email-invalid",
        });
    }
    if emails.len() > MAX_INVITATIONS {
        return Err(Error::BadRequest {
            code: "scan-invitations-too-many",
        });
    }
    Ok(emails)
}

async fn mail(
    state: &App,
    record: &ScanRecord,
    sender: &str,
    to: &Email,
    url: &str,
) -> Result<(), Error> {
    let language = Language::Nl;
    let text = |key: &str, argument| state.messages.text(language, key, argument);
    let closes = LocalDateTime::amsterdam(record.closes_at).format_date(language);
    let message = OutgoingMessage {
        // Not the organisation's: its outbox would show an admin who was asked.
        organisation: None,
        to,
        kind: "scan-invitation",
        subject: text("mail-scan-subject", Some(("name", sender))),
        body: format!(
            "{}\n\n{url}\n\n{}\n\n{}\n",
            text("mail-scan-body", Some(("name", sender))),
            text("mail-scan-closes", Some(("date", closes.as_str()))),
            text("mail-scan-anonymity", Some(("name", sender))),
        ),
    };
    state
        .mailer
        .send(&state.store, message, state.clock.now())
        .await?;
    Ok(())
}

/// Gives a unit of an open scan a new shared link: the old one stops working at once (a
/// browser that opened it keeps its own link and its draft).
pub async fn replace_share_link(
    state: &App,
    viewer: &Viewer,
    id: i64,
    unit: i64,
) -> Result<(), Error> {
    own_scan(state, viewer, id).await?;
    if !state.store.units_of(id).await?.iter().any(|u| u.id == unit) {
        return Err(Error::NotFound);
    }
    let token = new_secret();
    let replaced = state
        .store
        .replace_share_link(viewer.person, unit, token.expose())
        .await?;
    if replaced {
        Ok(())
    } else {
        Err(Error::Conflict {
            code: "scan-closed",
        })
    }
}
