//! A reset or invitation link that no longer works gets a page of its own: what happened, and
//! what to do now. The status stays honest (404 for a link nobody knows, 410 for one that was
//! used, withdrawn or has expired), and, like the pages the link opens, this one sends no
//! Referer.

use crate::pages::render_refused;
use leidraad_app::accounts::{Closed, ClosedInvitation};

use super::*;

#[derive(Template)]
#[template(path = "link_closed.html")]
pub struct LinkClosedPage {
    page: PageContext,
    title: String,
    /// What happened, then what to do, one paragraph each.
    paragraphs: Vec<String>,
    /// Where to go from here: (address, label), the first drawn as the main button.
    actions: Vec<(&'static str, String)>,
}

fn closed_page(page: LinkClosedPage, status: StatusCode) -> Result<Response, AppError> {
    let response = render_refused(&page, status)?;
    Ok(without_referrer(response))
}

/// A reset link that is malformed (`known` false: 404) or that matches no open reset
/// (used, expired, or the password changed since: 410; they cannot be told apart, as a used
/// link is deleted).
pub fn reset_link_closed(tr: Tr, path: &str, known: bool) -> Result<Response, AppError> {
    let (title, what, status) = if known {
        (
            "link-reset-closed-title",
            "link-reset-closed",
            StatusCode::GONE,
        )
    } else {
        (
            "link-reset-unknown-title",
            "link-reset-unknown",
            StatusCode::NOT_FOUND,
        )
    };
    let page = LinkClosedPage {
        page: PageContext::new(tr, path, Section::Other),
        title: tr.t(title).into_owned(),
        paragraphs: vec![
            tr.t(what).into_owned(),
            tr.t("link-reset-todo").into_owned(),
        ],
        actions: vec![
            (
                "/wachtwoord-vergeten",
                tr.t("link-reset-request").into_owned(),
            ),
            ("/inloggen", tr.t("sign-in").into_owned()),
        ],
    };
    closed_page(page, status)
}

/// An invitation link nobody knows (404), or one that was accepted, withdrawn or has expired
/// (410), with whom to ask for a new one.
pub fn invitation_closed(
    tr: Tr,
    path: &str,
    closed: Option<&ClosedInvitation>,
    signed_in: bool,
) -> Result<Response, AppError> {
    let Some(closed) = closed else {
        let page = LinkClosedPage {
            page: PageContext::new(tr, path, Section::Other),
            title: tr.t("link-invitation-unknown-title").into_owned(),
            paragraphs: vec![tr.t("link-invitation-unknown").into_owned()],
            actions: vec![("/", tr.t("error-home").into_owned())],
        };
        return closed_page(page, StatusCode::NOT_FOUND);
    };
    let organisation = closed.organisation.as_str();
    let (title, what) = match closed.why {
        Closed::Accepted => ("link-invitation-accepted-title", "link-invitation-accepted"),
        Closed::Revoked => ("link-invitation-revoked-title", "link-invitation-revoked"),
        Closed::Expired => ("link-invitation-expired-title", "link-invitation-expired"),
    };
    let mut paragraphs = vec![tr.t1(what, "organisation", organisation)];
    let actions = if closed.why == Closed::Accepted {
        paragraphs.push(tr.t("link-invitation-accepted-todo").into_owned());
        if signed_in {
            vec![(START_PATH, tr.t("start-title").into_owned())]
        } else {
            vec![
                ("/inloggen", tr.t("sign-in").into_owned()),
                (
                    "/wachtwoord-vergeten",
                    tr.t("forgot-password-link").into_owned(),
                ),
            ]
        }
    } else {
        paragraphs.push(match &closed.invited_by {
            Some(name) => tr.t1("link-invitation-ask", "name", name.as_str()),
            None => tr.t1("link-invitation-ask-admin", "organisation", organisation),
        });
        vec![("/", tr.t("error-home").into_owned())]
    };
    let page = LinkClosedPage {
        page: PageContext::new(tr, path, Section::Other),
        title: tr.t(title).into_owned(),
        paragraphs,
        actions,
    };
    closed_page(page, StatusCode::GONE)
}
