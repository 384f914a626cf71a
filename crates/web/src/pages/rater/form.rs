//! `/beoordelen`: first the promise in plain words (who sees what, from how many answers on,
//! never a name), the leader's request and the closing date; then the cards by domain on the
//! scale with "kan ik niet beoordelen", a comment per domain and a general one, and handing
//! in. With script every choice and comment saves as it is made (`rating.js`, through the
//! rater's API); without, the buttons post the whole form.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use leidraad_app::feedback::RaterForm;
use leidraad_domain::RaterAnswer;

use super::{FORM_PATH, link_form, render_page, status, switch_language};
use crate::AppState;
use crate::auth::ClientAddress;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::feedback::{RatingCard, cards_by_domain, closing_date, group_name};
use crate::pages::{PageContext, Section};
use crate::rater_link::{self, GENERAL_COMMENT, Standing};

/// One domain of the form: its cards and the comment on it.
pub struct DomainBlock {
    pub title: String,
    pub cards: Vec<RatingCard>,
    pub comment: Comment,
}

/// A comment box: the field's name part (a domain id or `algemeen`), its label, its text,
/// and why a posted text was refused ("" when it was not).
pub struct Comment {
    pub name: String,
    pub label: String,
    pub text: String,
    pub error: String,
}

#[derive(Template)]
#[template(path = "rater.html")]
pub struct RaterPage {
    pub page: PageContext,
    pub leader: String,
    pub request: String,
    pub closes_on: String,
    /// What the rater is promised, sentence by sentence.
    pub promise: Vec<String>,
    /// Said apart and plainly: the group is identifiable ("" when it is not).
    pub identifiable: String,
    /// The round's domains, and last the general comment (a block without cards).
    pub domains: Vec<DomainBlock>,
    /// Who sees the comments, said beside each box.
    pub comment_hint: String,
    /// The scale with "kan ik niet beoordelen": (code, label).
    pub options: Vec<(String, String)>,
    /// The link's form token, for the posts and the script's saves.
    pub csrf: String,
    /// Where the script keeps unsaved comments on the device.
    pub drafts: String,
    /// A line at the top after saving without script ("" otherwise).
    pub notice: String,
}

pub async fn get_form(
    State(state): State<AppState>,
    tr: Tr,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    if let Some(switched) = switch_language(query.as_deref(), FORM_PATH) {
        return Ok(switched);
    }
    let (token, form) = match link_form(&state, tr, &headers, address).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let standing = Standing::of(&form);
    if standing != Standing::Open {
        let prefix = rater_link::draft_prefix(&token);
        return status::page(tr, &form, standing, FORM_PATH, prefix);
    }
    let mut page = build(&state, tr, &token, &form, &[])?;
    let saved = query.as_deref().is_some_and(|q| {
        form_urlencoded::parse(q.as_bytes()).any(|(k, v)| k == "melding" && v == "bewaard")
    });
    if saved {
        page.notice = tr.t("rater-saved-notice").into_owned();
    }
    render_page(&page, StatusCode::OK)
}

/// A comment as posted that was refused, to show again with why: (name, text, message).
pub type Typed = (String, String, String);

/// The form page of `form`, with the comments in `typed` shown as posted.
pub fn build(
    state: &AppState,
    tr: Tr,
    token: &str,
    form: &RaterForm,
    typed: &[Typed],
) -> Result<RaterPage, AppError> {
    let framework = state
        .library
        .framework(&form.round.framework_id)
        .ok_or(AppError::Internal)?;
    let chosen = |card: &str| {
        form.draft
            .answers
            .iter()
            .find(|(c, _)| c == card)
            .and_then(|(_, stored)| RaterAnswer::from_stored(*stored).ok())
            .map_or(String::new(), |answer| answer.code().to_owned())
    };
    let save_url = |card: &str| format!("/api/v1/rater/answers/{card}");
    let leader = form.leader_name.as_str();
    let mut domains: Vec<DomainBlock> =
        cards_by_domain(tr, framework, &form.round.cards, chosen, save_url)
            .into_iter()
            .filter_map(|(title, cards)| {
                let id = framework.card(&cards.first()?.id)?.domain.clone();
                let label = tr.t1("rater-comment-domain", "domain", title.as_str());
                Some(DomainBlock {
                    comment: comment_box(form, typed, &id, label),
                    title,
                    cards,
                })
            })
            .collect();
    let general = tr.t1("rater-comment-general", "leader", leader);
    domains.push(DomainBlock {
        title: tr.t("rater-general-title").into_owned(),
        cards: Vec::new(),
        comment: comment_box(form, typed, GENERAL_COMMENT, general),
    });
    Ok(RaterPage {
        page: PageContext::new(tr, FORM_PATH, Section::Other),
        leader: form.leader_name.clone(),
        request: form.round.request.clone(),
        closes_on: closing_date(tr, form.round.closes_at),
        promise: promise(tr, form),
        identifiable: if form.settings.identifiable {
            tr.t1(
                "rater-promise-identifiable",
                "leader",
                form.leader_name.as_str(),
            )
        } else {
            String::new()
        },
        domains,
        comment_hint: comment_hint(tr, form),
        options: RaterAnswer::ALL
            .iter()
            .map(|a| (a.code().to_owned(), tr.t(a.label_key()).into_owned()))
            .collect(),
        csrf: rater_link::csrf_token(token),
        drafts: rater_link::draft_prefix(token),
        notice: String::new(),
    })
}

/// The comment box `name`: as posted when it was refused, else as the draft holds it.
fn comment_box(form: &RaterForm, typed: &[Typed], name: &str, label: String) -> Comment {
    if let Some((_, text, error)) = typed.iter().find(|(n, _, _)| n == name) {
        return Comment {
            name: name.to_owned(),
            label,
            text: text.clone(),
            error: error.clone(),
        };
    }
    let domain = rater_link::comment_domain(name);
    let text = form
        .draft
        .comments
        .iter()
        .find(|(d, _)| d == domain)
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    Comment {
        name: name.to_owned(),
        label,
        text,
        error: String::new(),
    }
}

/// Beside each comment box: optional, never with a name, and from how many answers on.
fn comment_hint(tr: Tr, form: &RaterForm) -> String {
    if form.settings.identifiable {
        tr.t("rater-comment-hint-identifiable").into_owned()
    } else {
        tr.t1(
            "rater-comment-hint",
            "count",
            form.settings.comment_threshold(),
        )
    }
}

/// Who will see what, in the words of the rater's group: its threshold, names never, the
/// comments' threshold, and that submitting cuts the answers loose from the link. An
/// identifiable group is said apart ([`RaterPage::identifiable`]), in place of the
/// thresholds it does not have.
fn promise(tr: Tr, form: &RaterForm) -> Vec<String> {
    let leader = form.leader_name.as_str();
    let group = group_name(tr, &form.group_kind, form.group_label.as_deref());
    let settings = &form.settings;
    let mut said = vec![tr.t1("rater-promise-group", "group", group)];
    if settings.identifiable {
        said.push(tr.t("rater-promise-identifiable-comments").into_owned());
    } else {
        said.push(tr.t2(
            "rater-promise-threshold",
            ("leader", leader),
            ("count", settings.threshold()),
        ));
        said.push(tr.t1(
            "rater-promise-comments",
            "count",
            settings.comment_threshold(),
        ));
    }
    said.push(tr.t1("rater-promise-name", "leader", leader));
    said.push(tr.t("rater-promise-unlinked").into_owned());
    said
}
