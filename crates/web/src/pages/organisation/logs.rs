//! What admins read back: the audit log and the outgoing mail.

use super::*;

/// An audit entry in words. The log keeps its codes (`sign-in`, `succeeded`, `staff`); a
/// person reads them in their own language.
pub struct AuditLine {
    pub at: i64,
    pub event: String,
    pub outcome: String,
    pub actor: String,
    pub subject: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "audit_log.html")]
pub struct AuditLogPage {
    page: PageContext,
    organisation_id: i64,
    organisation: String,
    entries: Vec<AuditLine>,
}

/// The message `{prefix}-{code}`, or the code itself when a newer code has no words yet (a
/// test keeps every code the use cases write in both locales).
fn words(tr: Tr, prefix: &str, code: &str) -> String {
    tr.try_t(&format!("{prefix}-{code}"))
        .map_or_else(|| code.to_owned(), std::borrow::Cow::into_owned)
}

/// An entry's detail in words: role codes (`staff,coach`, or a change `staff>admin`) as role
/// names, a problem code as its title, `cli` as the command line.
fn detail_words(tr: Tr, detail: &str) -> String {
    if detail.is_empty() {
        return String::new();
    }
    let roles = |codes: &str| {
        RoleSet::parse_codes(codes).ok().map(|set| {
            let names: Vec<String> = set
                .iter()
                .map(|r| tr.t(&format!("role-{}", r.code())).into_owned())
                .collect();
            if names.is_empty() {
                tr.t("audit-no-roles").into_owned()
            } else {
                names.join(", ")
            }
        })
    };
    if let Some((before, after)) = detail.split_once('>')
        && let (Some(before), Some(after)) = (roles(before), roles(after))
    {
        return format!("{before} → {after}");
    }
    if let Some(names) = roles(detail) {
        return names;
    }
    tr.try_t(&format!("audit-detail-{detail}"))
        .or_else(|| tr.try_t(&format!("problem-{detail}-title")))
        .or_else(|| tr.try_t(&format!("problem-{detail}")))
        .map_or_else(|| detail.to_owned(), std::borrow::Cow::into_owned)
}

fn audit_line(tr: Tr, entry: AuditEntry) -> AuditLine {
    let name = |name: Option<String>| name.unwrap_or_else(|| "–".to_owned());
    AuditLine {
        at: entry.at,
        event: words(tr, "audit-event", &entry.event),
        outcome: words(tr, "audit-outcome", &entry.outcome),
        detail: detail_words(tr, &entry.detail),
        actor: name(entry.actor_name),
        subject: name(entry.subject_name),
    }
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
        entries: entries.into_iter().map(|e| audit_line(tr, e)).collect(),
    })
}

#[derive(Template)]
#[template(path = "outbox.html")]
pub struct OutboxPage {
    page: PageContext,
    organisation_id: i64,
    organisation: String,
    mails: Vec<OutgoingMail>,
    /// Where unsent mail is kept on the server: for an admin who runs it, or asks whoever
    /// does.
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The string literals of every audit event the use cases write: `event: "…"` and
    /// `outcome: "…"` of a `NewAuditEvent`, and the event and outcome of each `audit(…)` call
    /// (its first two string literals). Read from the source, so a new event cannot be
    /// written without words.
    fn written_codes() -> (Vec<String>, Vec<String>) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src");
        let mut pending = vec![root];
        let (mut events, mut outcomes) = (Vec::new(), Vec::new());
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for (marker, into) in [("event: \"", &mut events), ("outcome: \"", &mut outcomes)] {
                    for (at, _) in text.match_indices(marker) {
                        let rest = &text[at + marker.len()..];
                        into.push(rest[..rest.find('"').unwrap()].to_owned());
                    }
                }
                for (at, _) in text.match_indices("audit(") {
                    let call = &text[at..];
                    let call = &call[..call.find(".await").unwrap_or(call.len())];
                    let literals: Vec<&str> = call.split('"').skip(1).step_by(2).collect();
                    if let [event, outcome, ..] = literals.as_slice() {
                        events.push((*event).to_owned());
                        outcomes.push((*outcome).to_owned());
                    }
                }
            }
        }
        // Sharing names its event through a closure, whose calls the scan cannot pair.
        events.push("reflection-share".to_owned());
        outcomes.extend(["succeeded", "refused"].map(str::to_owned));
        (events, outcomes)
    }

    #[test]
    fn every_audit_event_and_outcome_the_use_cases_write_has_words_in_both_languages() {
        let (events, outcomes) = written_codes();
        assert!(events.len() >= 12, "{events:?}");
        for lang in leidraad_domain::Language::ALL {
            let tr = Tr::new(lang);
            for event in &events {
                assert!(
                    tr.try_t(&format!("audit-event-{event}")).is_some(),
                    "{event} in {lang}"
                );
            }
            for outcome in &outcomes {
                let key = format!("audit-outcome-{outcome}");
                assert!(tr.try_t(&key).is_some(), "{key} in {lang}");
            }
        }
    }

    #[test]
    fn a_detail_is_read_in_words() {
        let tr = Tr::new(leidraad_domain::Language::Nl);
        assert_eq!(detail_words(tr, "staff,coach"), "teamlid, coach");
        assert_eq!(
            detail_words(tr, "staff>admin,staff"),
            "teamlid → beheerder, teamlid"
        );
        assert_eq!(detail_words(tr, "cli"), "via de opdrachtregel");
        assert_eq!(detail_words(tr, ""), "");
        assert_eq!(words(tr, "audit-event", "sign-in"), "inloggen");
        assert_eq!(words(tr, "audit-outcome", "succeeded"), "gelukt");
        assert_eq!(words(tr, "audit-event", "something-new"), "something-new");
    }
}
