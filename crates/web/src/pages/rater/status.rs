//! The rater's pages that are not the form: thanks after submitting (never the answers), a
//! round that closed or has not started, a second submit, and a browser without its link.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use leidraad_app::feedback::RaterForm;

use super::render_page;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::feedback::closing_date;
use crate::pages::{PageContext, Section};
use crate::rater_link::Standing;

#[derive(Template)]
#[template(path = "rater_status.html")]
pub struct StatusPage {
    page: PageContext,
    title: String,
    paragraphs: Vec<String>,
    /// The `localStorage` prefix of the comments this link kept on the device, which the
    /// script forgets once they are submitted; empty elsewhere.
    forget: String,
}

impl StatusPage {
    pub fn new(page: PageContext, title: String, paragraphs: Vec<String>) -> StatusPage {
        StatusPage {
            page,
            title,
            paragraphs,
            forget: String::new(),
        }
    }
}

/// The page for a link that cannot answer (any more), at `path`, with 200: this is what
/// the link shows now, not a failure.
pub fn page(
    tr: Tr,
    form: &RaterForm,
    standing: Standing,
    path: &str,
    draft_prefix: String,
) -> Result<Response, AppError> {
    let page = PageContext::new(tr, path, Section::Other);
    let leader = form.leader_name.as_str();
    let status = match standing {
        Standing::Submitted => StatusPage {
            forget: draft_prefix,
            ..StatusPage::new(
                page,
                tr.t("rater-thanks-title").into_owned(),
                vec![
                    tr.t1("rater-thanks-text", "leader", leader),
                    tr.t("rater-thanks-unlinked").into_owned(),
                    tr.t("rater-thanks-close").into_owned(),
                ],
            )
        },
        Standing::Closed => StatusPage::new(
            page,
            tr.t("rater-closed-title").into_owned(),
            vec![
                tr.t1("rater-closed-text", "leader", leader),
                tr.t("rater-closed-thanks").into_owned(),
            ],
        ),
        Standing::NotYetOpen | Standing::Open => StatusPage::new(
            page,
            tr.t("rater-not-open-title").into_owned(),
            vec![
                tr.t1("rater-not-open-text", "leader", leader),
                tr.t1(
                    "rater-not-open-until",
                    "date",
                    closing_date(tr, form.round.closes_at),
                ),
            ],
        ),
    };
    render_page(&status, StatusCode::OK)
}

/// A submit that comes too late: the link had already submitted, or the round closed. 409,
/// said politely; nothing changed.
pub fn refused(tr: Tr, form: &RaterForm, standing: Standing) -> Result<Response, AppError> {
    let page = PageContext::new(tr, super::FORM_PATH, Section::Other);
    let status = match standing {
        Standing::Submitted => StatusPage::new(
            page,
            tr.t("rater-again-title").into_owned(),
            vec![
                tr.t("rater-again-text").into_owned(),
                tr.t("rater-thanks-close").into_owned(),
            ],
        ),
        _ => StatusPage::new(
            page,
            tr.t("rater-closed-title").into_owned(),
            vec![
                tr.t1("rater-closed-text", "leader", form.leader_name.as_str()),
                tr.t("rater-closed-late").into_owned(),
            ],
        ),
    };
    render_page(&status, StatusCode::CONFLICT)
}
