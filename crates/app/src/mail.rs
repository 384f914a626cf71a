//! Outgoing mail: invitations and reset links. A mail is first put in the queue in the
//! database (so it is never lost, and admins see it on the outbox page); a worker sends it
//! after the request that caused it has been answered, so no request waits for a mail server,
//! and a request for a known address takes no longer than one for an unknown address. The
//! queue survives a restart: a fresh worker sends what is still waiting. With `--smtp-url`
//! mail goes out over SMTP; without it, or when the server refuses, each message is written as
//! an `.eml` file (mode 0600, in a folder of mode 0700) to the outbox folder in the data dir.

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use leidraad_domain::accounts::{Email, OrganisationId};
use leidraad_store::accounts::{NewMail, QueuedMail};
use leidraad_store::{Store, StoreError};
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::Notify;

use crate::clock::Clock;

/// A mail claimed this long ago and never settled (the process died while sending) is sent
/// again: better twice than never.
const STALE_CLAIM: i64 = 300;
/// The worker also looks at the queue this often on its own, for mail left by another
/// instance or a stale claim.
const POLL: Duration = Duration::from_secs(30);

#[derive(Clone)]
pub struct Mailer {
    inner: Arc<Inner>,
}

struct Inner {
    smtp: Option<AsyncSmtpTransport<Tokio1Executor>>,
    outbox: PathBuf,
    from: Mailbox,
    /// Rung when a mail is queued.
    queued: Notify,
    /// Background work that may still queue a mail (a reset request being handled).
    jobs: AtomicUsize,
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
        Mailer::with(
            None,
            folder,
            "Leidraad <leidraad@localhost>"
                .parse()
                .expect("a valid mailbox"),
        )
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
        Ok(Mailer::with(smtp, outbox, from))
    }

    fn with(
        smtp: Option<AsyncSmtpTransport<Tokio1Executor>>,
        outbox: PathBuf,
        from: Mailbox,
    ) -> Mailer {
        Mailer {
            inner: Arc::new(Inner {
                smtp,
                outbox,
                from,
                queued: Notify::new(),
                jobs: AtomicUsize::new(0),
            }),
        }
    }

    pub fn outbox_folder(&self) -> &std::path::Path {
        &self.inner.outbox
    }

    /// Queues the message; the worker sends it once the request has been answered.
    pub async fn send(
        &self,
        store: &Store,
        message: OutgoingMessage<'_>,
        now: i64,
    ) -> Result<(), StoreError> {
        store
            .enqueue_mail(NewMail {
                organisation: message.organisation,
                recipient_key: &message.to.lookup_key(),
                recipient: message.to.as_str(),
                kind: message.kind,
                subject: &message.subject,
                body: &message.body,
                now,
            })
            .await?;
        self.inner.queued.notify_one();
        Ok(())
    }

    /// Runs `job` after the request is answered (work whose duration must not show in the
    /// answer, such as looking up the address of a reset request). [`Mailer::settled`] waits
    /// for it.
    pub fn run_after_answer(&self, job: impl Future<Output = ()> + Send + 'static) {
        let inner = self.inner.clone();
        inner.jobs.fetch_add(1, Ordering::SeqCst);
        tokio::spawn(async move {
            job.await;
            inner.jobs.fetch_sub(1, Ordering::SeqCst);
            inner.queued.notify_one();
        });
    }

    /// Starts the worker that sends queued mail, beginning with whatever a previous run left.
    pub fn start(&self, store: Store, clock: Clock) -> tokio::task::JoinHandle<()> {
        let mailer = self.clone();
        tokio::spawn(async move {
            loop {
                if let Err(error) = mailer.drain(&store, &clock).await {
                    tracing::error!(error = %crate::error_chain(&error), "the mail queue cannot be read");
                }
                let _ = tokio::time::timeout(POLL, mailer.inner.queued.notified()).await;
            }
        })
    }

    /// Sends or files every mail waiting now.
    async fn drain(&self, store: &Store, clock: &Clock) -> Result<(), StoreError> {
        loop {
            let now = clock.now();
            let Some(mail) = store.claim_mail(now, now - STALE_CLAIM).await? else {
                return Ok(());
            };
            let (sent_at, file, failure) = self.deliver(&mail, now).await;
            if sent_at.is_none() && file.is_none() && failure != Some("unbuildable") {
                // Neither sent nor filed (a full disk, a wrong folder mode): the mail keeps
                // its body and its claim, so it is tried again once the claim goes stale.
                store
                    .retry_mail_later(mail.id, failure.unwrap_or("outbox-unwritable"))
                    .await?;
                continue;
            }
            store
                .settle_outgoing_mail(mail.id, sent_at, file.as_deref(), failure)
                .await?;
        }
    }

    /// Over SMTP, else to the outbox: (sent at, outbox file, failure).
    async fn deliver(
        &self,
        mail: &QueuedMail,
        now: i64,
    ) -> (Option<i64>, Option<String>, Option<&'static str>) {
        let Ok(email) = self.build(mail) else {
            tracing::error!(mail = mail.id, "a queued mail could not be built");
            return (None, None, Some("unbuildable"));
        };
        let mut failure = None;
        if let Some(smtp) = &self.inner.smtp {
            match smtp.send(email.clone()).await {
                Ok(_) => return (Some(now), None, None),
                Err(error) => {
                    tracing::warn!(error = %crate::error_chain(&error), "SMTP refused a mail; it goes to the outbox");
                    failure = Some("smtp-failed");
                }
            }
        }
        let file = self.file(mail.id, mail.created_at, &email).await;
        let failure = failure.or(file.is_none().then_some("outbox-unwritable"));
        (None, file, failure)
    }

    fn build(&self, mail: &QueuedMail) -> Result<Message, lettre::error::Error> {
        let to: Mailbox = mail
            .recipient
            .parse()
            .map_err(|_| lettre::error::Error::MissingTo)?;
        Message::builder()
            .from(self.inner.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .body(mail.body.clone()),
            )
    }

    /// Writes the message to the outbox, readable by the server's user only; returns the file
    /// name, or `None` when the folder cannot be written (logged: the operator must fix the
    /// data dir).
    async fn file(&self, id: i64, created_at: i64, email: &Message) -> Option<String> {
        let name = format!("{created_at}-{id}.eml");
        let folder = self.inner.outbox.clone();
        let path = folder.join(&name);
        let bytes = email.formatted();
        let written = tokio::task::spawn_blocking(move || {
            crate::files::write_private(&folder, &path, &bytes)
        })
        .await
        .unwrap_or_else(|e| Err(std::io::Error::other(e)));
        match written {
            Ok(()) => Some(name),
            Err(error) => {
                tracing::error!(error = %error, folder = %self.inner.outbox.display(), "the outbox cannot be written");
                None
            }
        }
    }

    /// Deletes outbox files (of an erased person: they may hold live links). Only plain file
    /// names in the outbox folder are touched.
    pub async fn discard(&self, files: &[String]) {
        for name in files {
            let plain = !name.is_empty() && !name.contains(['/', '\\']) && !name.starts_with('.');
            if !plain {
                continue;
            }
            match tokio::fs::remove_file(self.inner.outbox.join(name)).await {
                Ok(()) => {}
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(error) => {
                    tracing::error!(error = %error, "an erased person's mail could not be deleted")
                }
            }
        }
    }

    /// Waits until no background job runs and no mail waits (tests read the outbox after it).
    pub async fn settled(&self, store: &Store) {
        for _ in 0..500 {
            let idle = self.inner.jobs.load(Ordering::SeqCst) == 0;
            if idle && store.waiting_mail().await.unwrap_or(1) == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}
