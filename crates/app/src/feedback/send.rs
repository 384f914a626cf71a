//! Sending a round: through the coach when one must approve the rater list first, else
//! straight to the raters; and reminding those who have not answered, without the leader
//! learning who they are.

use leidraad_domain::Language;
use leidraad_domain::accounts::Email;
use leidraad_domain::local_time::LocalDateTime;
use leidraad_store::feedback::{LinkRecord, RoundRecord};

use super::round::own_record;
use super::settle;
use crate::accounts::link_base;
use crate::mail::OutgoingMessage;
use crate::secrets::new_secret;
use crate::{App, Error, Viewer};
use leidraad_store::feedback::RoundState;

/// Sends a concept round. With a coach named, it waits for their approval (the coach gets a
/// mail); without, it opens and every rater with an address gets their link. Groups without
/// raters are dropped first: a group nobody was asked into can only ever read "too few".
/// Answers the state the round is in now: waiting for the coach, or open.
pub async fn send(state: &App, viewer: &Viewer, id: i64) -> Result<RoundState, Error> {
    let record = own_record(state, viewer, id).await?;
    if record.state != RoundState::Concept {
        return Err(Error::Conflict {
            code: "feedback-round-state",
        });
    }
    let links = state.store.links_of(id).await?;
    if links.is_empty() {
        return Err(Error::BadRequest {
            code: "feedback-raters-none",
        });
    }
    for group in state.store.groups_of(id).await? {
        if !links.iter().any(|l| l.group_id == group.id) {
            settle(
                state
                    .store
                    .remove_group(id, viewer.person, group.id)
                    .await?,
            )?;
        }
    }
    let now = state.clock.now();
    match record.coach_id {
        Some(coach) => {
            settle(
                state
                    .store
                    .set_state(
                        id,
                        viewer.person,
                        RoundState::Concept,
                        RoundState::AwaitingApproval,
                        None,
                        now,
                    )
                    .await?,
            )?;
            mail_coach(state, &record, coach, &viewer.name).await?;
            Ok(RoundState::AwaitingApproval)
        }
        None => {
            open_round(state, &record, viewer.person, &viewer.name).await?;
            Ok(RoundState::Open)
        }
    }
}

/// Opens a round and mails every rater with an address their link.
/// `actor` is the leader (without a coach) or the coach who approves.
pub(crate) async fn open_round(
    state: &App,
    record: &RoundRecord,
    actor: leidraad_domain::accounts::PersonId,
    leader_name: &str,
) -> Result<(), Error> {
    let now = state.clock.now();
    settle(
        state
            .store
            .set_state(record.id, actor, record.state, RoundState::Open, None, now)
            .await?,
    )?;
    let links = state.store.links_of(record.id).await?;
    for link in links.iter().filter(|l| l.email.is_some()) {
        mail_link(state, record, link, leader_name, "mail-feedback-subject").await?;
    }
    Ok(())
}

/// Gives `link` a fresh token and mails it. Only the hash of a token is stored, so a mail
/// (first or reminder) always carries a new one; the draft hangs from the link, not the token,
/// so nothing typed is lost when an older link stops working.
pub(super) async fn mail_link(
    state: &App,
    record: &RoundRecord,
    link: &LinkRecord,
    leader_name: &str,
    subject_key: &str,
) -> Result<(), Error> {
    let Some(address) = link.email.as_deref() else {
        return Ok(());
    };
    let to = Email::parse(address).map_err(|_| Error::Internal)?;
    let token = new_secret();
    let now = state.clock.now();
    state
        .store
        .issue_link(link.id, &token.digest(), now)
        .await?;
    let url = format!("{}/b/{}", link_base(state)?, token.expose());
    let language = Language::Nl;
    let text = |key: &str, argument| state.messages.text(language, key, argument);
    let closes = LocalDateTime::amsterdam(record.closes_at).format_date(language);
    let message = OutgoingMessage {
        // Not the organisation's: its outbox would tell an admin who was reminded, and so who
        // has not answered.
        organisation: None,
        to: &to,
        kind: "feedback-invitation",
        subject: text(subject_key, Some(("name", leader_name))),
        body: format!(
            "{}\n\n{}\n\n{url}\n\n{}\n\n{}\n",
            text("mail-feedback-body", Some(("name", leader_name))),
            quoted(&record.request),
            text("mail-feedback-closes", Some(("date", closes.as_str()))),
            text("mail-feedback-anonymity", Some(("name", leader_name))),
        ),
    };
    state.mailer.send(&state.store, message, now).await?;
    Ok(())
}

fn quoted(request: &str) -> String {
    request
        .lines()
        .map(|line| format!("> {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

async fn mail_coach(
    state: &App,
    record: &RoundRecord,
    coach: leidraad_domain::accounts::PersonId,
    leader_name: &str,
) -> Result<(), Error> {
    let Some(person) = state.store.person(coach).await? else {
        return Ok(());
    };
    let to = Email::parse(&person.email).map_err(|_| Error::Internal)?;
    let language = Language::Nl;
    let text = |key: &str, argument| state.messages.text(language, key, argument);
    let url = format!("{}/feedback/{}/goedkeuren", link_base(state)?, record.id);
    let message = OutgoingMessage {
        organisation: record.organisation_id,
        to: &to,
        kind: "feedback-approval",
        subject: text(
            "mail-feedback-approval-subject",
            Some(("name", leader_name)),
        ),
        body: format!(
            "{}\n\n{url}\n",
            text("mail-feedback-approval-body", Some(("name", leader_name)))
        ),
    };
    state
        .mailer
        .send(&state.store, message, state.clock.now())
        .await?;
    Ok(())
}

/// Mails a reminder with a fresh link to every rater with an address who has not submitted.
/// The leader hears how many were reminded, which the progress counts already tell; never who.
pub async fn remind(state: &App, viewer: &Viewer, id: i64) -> Result<usize, Error> {
    let record = own_record(state, viewer, id).await?;
    if record.state != RoundState::Open {
        return Err(Error::Conflict {
            code: "feedback-round-state",
        });
    }
    let waiting = state.store.unanswered_links(id).await?;
    let mut reminded = 0;
    for link in waiting.iter().filter(|l| l.email.is_some()) {
        mail_link(
            state,
            &record,
            link,
            &viewer.name,
            "mail-feedback-reminder-subject",
        )
        .await?;
        reminded += 1;
    }
    state.store.mark_reminded(id, state.clock.now()).await?;
    Ok(reminded)
}
