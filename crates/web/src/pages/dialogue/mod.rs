//! Live dialogues: the facilitator's pages under `/dialogen` (start, the projector screen and
//! its controls, the summary and its exports), joining under `/meedoen`, and the participant's
//! phone screen under `/d/{token}`, which holds no session: the token from joining is all a
//! participant has (see [`is_participant_path`]). Both screens follow the dialogue through a
//! stream of server-sent events ([`stream`]) and fold them in `static/js/dialogue.js`.

mod facilitator;
mod join;
mod participant;
mod start;
mod stream;
mod summary;

use axum::http::Method;
use axum::routing::{MethodRouter, get, post};
use leidraad_domain::Framework;
use leidraad_domain::dialogue::{Format, Phase, deck_card_text};
use leidraad_domain::space_scan::SpaceScan;
use serde::Serialize;

use crate::AppState;
use crate::i18n::Tr;

/// The facilitator's routes (and the dialogues one kept).
pub fn facilitator_routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use Method as M;
    vec![
        (M::GET, "/dialogen", get(start::get_dialogues)),
        (M::POST, "/dialogen", post(start::post_dialogues)),
        (M::GET, "/dialogen/{id}", get(facilitator::get_screen)),
        (
            M::POST,
            "/dialogen/{id}/bediening",
            post(facilitator::post_control),
        ),
        (
            M::GET,
            "/dialogen/{id}/stroom",
            get(stream::get_facilitator),
        ),
        (
            M::GET,
            "/dialogen/{id}/samenvatting",
            get(summary::get_summary),
        ),
        (
            M::GET,
            "/dialogen/{id}/samenvatting.md",
            get(summary::get_markdown),
        ),
        (
            M::GET,
            "/dialogen/{id}/samenvatting/afdrukken",
            get(summary::get_print),
        ),
        (M::POST, "/dialogen/{id}/bewaren", post(summary::post_keep)),
        (
            M::POST,
            "/dialogen/{id}/vergeten",
            post(summary::post_forget),
        ),
    ]
}

/// The participant's routes: the token from joining is in every path.
pub fn participant_routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use Method as M;
    vec![
        (M::GET, "/d/{token}", get(participant::get_screen)),
        (M::GET, "/d/{token}/stroom", get(stream::get_participant)),
        (
            M::POST,
            "/d/{token}/bijdrage",
            post(participant::post_contribution),
        ),
        (M::POST, "/d/{token}/keuze", post(participant::post_picks)),
        (M::POST, "/d/{token}/notitie", post(participant::post_note)),
        (M::POST, "/d/{token}/bewaren", post(participant::post_keep)),
        (
            M::GET,
            "/d/{token}/samenvatting",
            get(summary::get_participant_summary),
        ),
        (
            M::GET,
            "/d/{token}/samenvatting.md",
            get(summary::get_participant_markdown),
        ),
    ]
}

/// Joining: public, and a signed-in member joins as themselves.
pub fn join_routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    vec![
        (Method::GET, "/meedoen", get(join::get_join)),
        (Method::POST, "/meedoen", post(join::post_join)),
    ]
}

/// The routes of [`crate::routes::Reach::Participant`]: no session is looked at on them.
pub fn is_participant_path(path: &str) -> bool {
    path.starts_with("/d/")
}

/// A card of a dialogue's deck as screens show it (and as the script gets it, in JSON).
#[derive(Debug, Clone, Serialize)]
pub struct CardView {
    pub id: String,
    pub text: String,
    pub follow_up: Option<String>,
    /// The domain of an indicator card.
    pub domain: Option<String>,
    /// "Dialoogkaart 4" or "Visie 3": what the paper card says in its corner.
    pub label: String,
}

pub fn card_view(tr: Tr, framework: &Framework, scans: &[SpaceScan], id: &str) -> CardView {
    let text = deck_card_text(framework, scans, id, tr.lang);
    let label = match framework.dialogue_cards.iter().position(|c| c.id == id) {
        Some(at) => tr.t1("dialogue-card-number", "number", at + 1),
        None => text
            .as_ref()
            .and_then(|t| t.domain.clone())
            .unwrap_or_default(),
    };
    match text {
        Some(text) => CardView {
            id: id.to_owned(),
            text: text.text,
            follow_up: text.follow_up,
            domain: text.domain,
            label,
        },
        None => CardView {
            id: id.to_owned(),
            text: id.to_owned(),
            follow_up: None,
            domain: None,
            label,
        },
    }
}

/// The deck's cards, in order.
pub fn deck_views(
    tr: Tr,
    framework: &Framework,
    scans: &[SpaceScan],
    deck: &[String],
) -> Vec<CardView> {
    deck.iter()
        .map(|id| card_view(tr, framework, scans, id))
        .collect()
}

pub fn format_name(tr: Tr, format: Format) -> String {
    tr.t(&format!("dialogue-format-{}", format.code()))
        .into_owned()
}

pub fn format_explanation(tr: Tr, format: Format) -> String {
    tr.t(&format!("dialogue-format-{}-explained", format.code()))
        .into_owned()
}

pub fn phase_name(tr: Tr, phase: Phase) -> String {
    tr.t(&format!("dialogue-phase-{}", phase.code()))
        .into_owned()
}

pub fn phase_explanation(tr: Tr, phase: Phase) -> String {
    tr.t(&format!("dialogue-phase-{}-explained", phase.code()))
        .into_owned()
}

/// The words the script needs, in the page's language, as one JSON object. A `{name}` in a
/// text stands where the script puts a value; counts come as their `:1` and `:n` forms.
pub fn script_words(tr: Tr) -> String {
    let mut words = serde_json::Map::new();
    let mut put = |key: &str, text: String| {
        words.insert(key.to_owned(), text.into());
    };
    for key in [
        "dialogue-anonymous",
        "dialogue-no-card-yet",
        "dialogue-save-failed",
        "dialogue-saved",
        "dialogue-reconnecting",
        "dialogue-show",
        "dialogue-hide",
        "dialogue-delete",
        "dialogue-remove-participant",
        "dialogue-make-bringer",
        "dialogue-removed-text",
    ] {
        put(key, tr.t(key).into_owned());
    }
    put(
        "dialogue-round",
        tr.t1("dialogue-round", "round", "{round}"),
    );
    put(
        "dialogue-speaker",
        tr.t1("dialogue-speaker", "name", "{name}"),
    );
    put(
        "dialogue-bringer",
        tr.t1("dialogue-bringer", "name", "{name}"),
    );
    put(
        "dialogue-picks-for",
        tr.t2(
            "dialogue-picks-for",
            ("name", "{name}"),
            ("colleague", "{colleague}"),
        ),
    );
    put(
        "dialogue-phase-of",
        tr.t2(
            "dialogue-phase-of",
            ("number", "{number}"),
            ("total", Phase::ALL.len()),
        ),
    );
    for key in ["dialogue-picked-count", "dialogue-times-picked"] {
        put(&format!("{key}:1"), tr.t1(key, "count", 1_usize));
        put(&format!("{key}:n"), tr.t1(key, "count", "{count}"));
    }
    for phase in Phase::ALL {
        put(phase.code(), phase_name(tr, phase));
        put(
            &format!("{}-explained", phase.code()),
            phase_explanation(tr, phase),
        );
    }
    json_for_script(&serde_json::Value::Object(words))
}

/// JSON that may stand inside a `<script type="application/json">`: no `</script>` or `<!--`
/// can close or confuse the element, whatever a contribution says.
pub fn json_for_script(value: &impl Serialize) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "null".into())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
