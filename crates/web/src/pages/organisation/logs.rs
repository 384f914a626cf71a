//! What admins read back: the audit log and the outgoing mail.

use super::*;

#[derive(Template)]
#[template(path = "audit_log.html")]
pub struct AuditLogPage {
    page: PageContext,
    organisation_id: i64,
    organisation: String,
    entries: Vec<AuditEntry>,
}

pub async fn get_audit_log(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(org): Path<i64>,
) -> Result<Response, AppError> {
    let organisation = organisation_id(org);
    let entries = directory::audit_log(&state, &viewer, organisation).await?;
    render(&AuditLogPage {
        page: PageContext::new(
            tr,
            format!("/organisaties/{organisation}/logboek"),
            Section::Other,
        ),
        organisation_id: org,
        organisation: viewer.membership(organisation)?.organisation.name.clone(),
        entries,
    })
}

#[derive(Template)]
#[template(path = "outbox.html")]
pub struct OutboxPage {
    page: PageContext,
    organisation_id: i64,
    organisation: String,
    mails: Vec<OutgoingMail>,
    folder: String,
}

pub async fn get_outbox(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(org): Path<i64>,
) -> Result<Response, AppError> {
    let organisation = organisation_id(org);
    let mails = directory::outbox(&state, &viewer, organisation).await?;
    render(&OutboxPage {
        page: PageContext::new(
            tr,
            format!("/organisaties/{organisation}/postvak-uit"),
            Section::Other,
        ),
        organisation_id: org,
        organisation: viewer.membership(organisation)?.organisation.name.clone(),
        mails,
        folder: state.mailer.outbox_folder().display().to_string(),
    })
}
