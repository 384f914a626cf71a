//! Forgotten passwords: a reset link by mail, made after the answer.

use leidraad_domain::Language;
use leidraad_domain::accounts::Email;
use leidraad_domain::accounts::limits::PASSWORD_RESET_LIFETIME;

use super::{link_base, organisations_of};
use crate::mail::OutgoingMessage;
use crate::secrets::new_secret;
use crate::{App, Error};

/// Sends a reset link if the email belongs to someone. Everything happens after the answer,
/// which is therefore the same, in content and in time, for known and unknown addresses. At
/// most three links an hour per person, so nobody can flood an inbox.
pub fn request_password_reset(state: &App, email_text: &str, language: Language) {
    let Ok(email) = Email::parse(email_text) else {
        return;
    };
    let background = state.clone();
    state.mailer.run_after_answer(async move {
        if let Err(error) = send_reset_link(&background, email, language).await {
            tracing::error!(error = %crate::error_chain(&error), "a reset link could not be made");
        }
    });
}

async fn send_reset_link(state: &App, email: Email, language: Language) -> Result<(), Error> {
    let Some(person) = state.store.person_by_email(&email.lookup_key()).await? else {
        return Ok(());
    };
    let now = state.clock.now();
    if state
        .store
        .count_password_resets(person.id, now - 3600)
        .await?
        >= 3
    {
        return Ok(());
    }
    let token = new_secret();
    state
        .store
        .create_password_reset(
            &token.digest(),
            person.id,
            now,
            now + PASSWORD_RESET_LIFETIME,
        )
        .await?;
    let text = |key: &str| state.messages.text(language, key, None);
    let link = format!(
        "{}/wachtwoord-herstellen/{}",
        link_base(state)?,
        token.expose()
    );
    let message = OutgoingMessage {
        organisation: organisations_of(state, person.id).await?.first().copied(),
        to: &email,
        kind: "password-reset",
        subject: text("mail-reset-subject"),
        body: format!(
            "{}\n\n{link}\n\n{}\n",
            text("mail-reset-body"),
            text("mail-reset-expiry")
        ),
    };
    state.mailer.send(&state.store, message, now).await?;
    Ok(())
}
