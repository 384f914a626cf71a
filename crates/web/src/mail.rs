//! Outgoing mail: invitations and reset links. With `--smtp-url` mail goes out over SMTP;
//! without it, or when the server refuses, each message is written as an `.eml` file to the
//! outbox folder in the data dir. Every message is recorded first, with its fate after, so
//! admins see on the outbox page what did not leave; nothing is silently lost.

use std::path::PathBuf;
use std::sync::Arc;

use leidraad_domain::accounts::{Email, OrganisationId};
use leidraad_store::Store;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::error::AppError;

#[derive(Clone)]
pub struct Mailer {
    inner: Arc<Inner>,
}

struct Inner {
    smtp: Option<AsyncSmtpTransport<Tokio1Executor>>,
    outbox: PathBuf,
    from: Mailbox,
}

#[derive(Debug, thiserror::Error)]
pub enum MailSetupError {
    #[error("the SMTP URL is not valid (smtp://user:pass@host:587?tls=required, smtps://…)")]
    SmtpUrl(#[source] lettre::transport::smtp::Error),
    #[error("the sender address is not valid")]
    From(#[source] lettre::address::AddressError),
}

/// A message to send. The body is plain text: links must survive any mail client.
pub struct OutgoingMessage<'a> {
    pub organisation: Option<OrganisationId>,
    pub to: &'a Email,
    pub kind: &'static str,
    pub subject: String,
    pub body: String,
}

impl Mailer {
    /// Mail to the outbox folder only.
    pub fn outbox(folder: PathBuf) -> Mailer {
        Mailer {
            inner: Arc::new(Inner {
                smtp: None,
                outbox: folder,
                from: "Leidraad <leidraad@localhost>"
                    .parse()
                    .expect("a valid mailbox"),
            }),
        }
    }

    /// Mail over SMTP when `smtp_url` is given, with the outbox as the fallback.
    pub fn new(
        smtp_url: Option<&str>,
        from: &str,
        outbox: PathBuf,
    ) -> Result<Mailer, MailSetupError> {
        let smtp = smtp_url
            .map(|url| {
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map(|builder| builder.build())
                    .map_err(MailSetupError::SmtpUrl)
            })
            .transpose()?;
        let from = from.parse().map_err(MailSetupError::From)?;
        Ok(Mailer {
            inner: Arc::new(Inner { smtp, outbox, from }),
        })
    }

    pub fn outbox_folder(&self) -> &std::path::Path {
        &self.inner.outbox
    }

    /// Sends or files the message. Only a failure to even record it is an error.
    pub async fn send(
        &self,
        store: &Store,
        message: OutgoingMessage<'_>,
        now: i64,
    ) -> Result<(), AppError> {
        let id = store
            .record_outgoing_mail(
                message.organisation,
                &message.to.lookup_key(),
                message.kind,
                &message.subject,
                now,
            )
            .await?;
        let email = self.build(&message).map_err(|error| {
            tracing::error!(error = %error, "a mail could not be built");
            AppError::Internal
        })?;
        if let Some(smtp) = &self.inner.smtp {
            match smtp.send(email.clone()).await {
                Ok(_) => {
                    store
                        .settle_outgoing_mail(id, Some(now), None, None)
                        .await?;
                    return Ok(());
                }
                Err(error) => {
                    tracing::warn!(error = %crate::error_chain(&error), "SMTP refused a mail; it goes to the outbox");
                    let file = self.file(id, now, &email).await;
                    store
                        .settle_outgoing_mail(id, None, file.as_deref(), Some("smtp-failed"))
                        .await?;
                    return Ok(());
                }
            }
        }
        let file = self.file(id, now, &email).await;
        let failure = file.is_none().then_some("outbox-unwritable");
        store
            .settle_outgoing_mail(id, None, file.as_deref(), failure)
            .await?;
        Ok(())
    }

    fn build(&self, message: &OutgoingMessage<'_>) -> Result<Message, lettre::error::Error> {
        let to: Mailbox = message
            .to
            .as_str()
            .parse()
            .map_err(|_| lettre::error::Error::MissingTo)?;
        Message::builder()
            .from(self.inner.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .body(message.body.clone()),
            )
    }

    /// Writes the message to the outbox; returns the file name, or `None` when the folder
    /// cannot be written (logged: the operator must fix the data dir).
    async fn file(&self, id: i64, now: i64, email: &Message) -> Option<String> {
        let name = format!("{now}-{id}.eml");
        let folder = &self.inner.outbox;
        let written = async {
            tokio::fs::create_dir_all(folder).await?;
            tokio::fs::write(folder.join(&name), email.formatted()).await
        }
        .await;
        match written {
            Ok(()) => Some(name),
            Err(error) => {
                tracing::error!(error = %error, folder = %folder.display(), "the outbox cannot be written");
                None
            }
        }
    }
}
