//! Closing a round and releasing its report, which are one step: the store closes the round,
//! stores the report and deletes the raw responses and drafts in one transaction, and refuses
//! when a response arrived after the report was computed (it is then computed again). So the
//! report holds exactly what was submitted, nothing can arrive after, and every later reader
//! reads the stored snapshot.

use leidraad_domain::Library;
use leidraad_domain::RaterAnswer;
use leidraad_domain::Rating;
use leidraad_domain::accounts::PersonId;
use leidraad_domain::feedback::{CommentText, ReportInput, ResponseInput, compute_report};
use leidraad_store::Store;
use leidraad_store::feedback::RoundRecord;

use super::round::{own_record, settings_of};
use super::settle;
use crate::{App, Error, Viewer};
use leidraad_store::feedback::Change;
use leidraad_store::feedback::RoundState;

/// The leader closes their open round before its date; the report is released at once.
pub async fn close(state: &App, viewer: &Viewer, id: i64) -> Result<(), Error> {
    let record = own_record(state, viewer, id).await?;
    if record.state != RoundState::Open {
        return Err(Error::Conflict {
            code: "feedback-round-state",
        });
    }
    release(state, &record, Some(viewer.person)).await
}

/// Releases every open round whose closing date has passed.
pub async fn release_due(state: &App) -> Result<(), Error> {
    for id in state.store.rounds_due(state.clock.now()).await? {
        if let Some(record) = state.store.round(id).await? {
            release_if_due(state, &record).await?;
        }
    }
    Ok(())
}

/// Releases `record` when it is open and its date has passed. Of two readers at once, one
/// releases it; the other finds it closed, which is what it wanted.
pub(crate) async fn release_if_due(state: &App, record: &RoundRecord) -> Result<(), Error> {
    if record.state == RoundState::Open && record.closes_at <= state.clock.now() {
        match release(state, record, None).await {
            Ok(()) | Err(Error::Conflict { .. }) => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}

async fn release(state: &App, record: &RoundRecord, closer: Option<PersonId>) -> Result<(), Error> {
    release_round(
        &state.store,
        &state.library,
        record,
        closer,
        state.clock.now(),
    )
    .await
}

/// Computes the report from the responses and releases it with them, in one step that
/// refuses when a response came in meanwhile; then it is computed again, with that response.
/// Public for `leidraad demo`, which has a store and the content but no running app.
pub async fn release_round(
    store: &Store,
    library: &Library,
    record: &RoundRecord,
    closer: Option<PersonId>,
    now: i64,
) -> Result<(), Error> {
    loop {
        let responses = responses(store, record.id).await?;
        let snapshot = compute(store, library, record, &responses).await?;
        let json = serde_json::to_string(&snapshot).map_err(|_| Error::Internal)?;
        let change = store
            .release(record.id, closer, &json, responses.len(), now)
            .await?;
        match change {
            Change::ResponsesChanged => continue,
            other => return settle(other),
        }
    }
}

async fn compute(
    store: &Store,
    library: &Library,
    record: &RoundRecord,
    responses: &[ResponseInput],
) -> Result<leidraad_domain::feedback::Report, Error> {
    let framework = library
        .framework(&record.framework_id)
        .ok_or(Error::Internal)?;
    let cards: Vec<(String, String)> = record
        .cards
        .iter()
        .filter_map(|id| framework.card(id))
        .map(|c| (c.id.clone(), c.domain.clone()))
        .collect();
    let domains: Vec<String> = framework
        .domains
        .iter()
        .filter(|d| cards.iter().any(|(_, domain)| *domain == d.id))
        .map(|d| d.id.clone())
        .collect();
    let groups: Vec<(i64, _)> = settings_of(store.groups_of(record.id).await?)?
        .into_iter()
        .map(|(g, settings)| (g.id, settings))
        .collect();
    let self_answers: Vec<(String, Rating)> = store
        .self_answers(record.id)
        .await?
        .into_iter()
        .filter_map(|(card, score)| Some((card, Rating::from_score(score).ok()?)))
        .collect();
    Ok(compute_report(&ReportInput {
        domains: &domains,
        cards: &cards,
        groups: &groups,
        self_answers: &self_answers,
        responses,
        seed: random_seed(),
    }))
}

async fn responses(store: &Store, id: i64) -> Result<Vec<ResponseInput>, Error> {
    Ok(store
        .responses_of(id)
        .await?
        .into_iter()
        .map(|r| ResponseInput {
            group: r.group_id,
            answers: r
                .answers
                .into_iter()
                .filter_map(|(card, stored)| Some((card, RaterAnswer::from_stored(stored).ok()?)))
                .collect(),
            comments: r
                .comments
                .into_iter()
                .filter_map(|(domain, text)| {
                    let domain = (!domain.is_empty()).then_some(domain);
                    Some((domain, CommentText::parse(&text).ok()?))
                })
                .collect(),
        })
        .collect())
}

/// Orders the comments of this report; chosen once, stored with the snapshot.
fn random_seed() -> u64 {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    u64::from_le_bytes(bytes)
}
