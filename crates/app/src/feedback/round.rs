//! Reading a round: the leader's own view of one round, and the overview of every round a
//! person has, must approve, or may read.

use leidraad_domain::accounts::{Action, PersonId, Target};
use leidraad_domain::feedback::{GroupSettings, PlannedGroup, Preview, preview};
use leidraad_store::feedback::{GroupRecord, LinkRecord, RoundRecord, RoundSummary};

use super::release::release_if_due;
use crate::{App, Error, Viewer};
use leidraad_store::feedback::RoundState;

/// One round as its leader sees it. The links carry no "answered" flag: the leader learns how
/// many of a group answered ([`LeaderRound::progress`]), never who.
pub struct LeaderRound {
    pub record: RoundRecord,
    pub groups: Vec<(GroupRecord, GroupSettings)>,
    pub links: Vec<LinkRecord>,
    /// Per group: (group id, invited, answered).
    pub progress: Vec<(i64, usize, usize)>,
    pub preview: Preview,
    /// The leader's own rating per card (score 1–4).
    pub self_answers: Vec<(String, i64)>,
    /// The coach's e-mail address, when one is asked to approve.
    pub coach_email: Option<String>,
}

impl LeaderRound {
    pub fn is(&self, wanted: &str) -> bool {
        self.record.state.code() == wanted
    }

    /// How many of `group`'s links there are.
    pub fn invited_in(&self, group: i64) -> usize {
        self.links.iter().filter(|l| l.group_id == group).count()
    }
}

/// Every round that concerns a person.
pub struct RoundOverview {
    pub own: Vec<RoundSummary>,
    /// Rounds whose rater list this person is asked to approve.
    /// Rounds whose rater list this person is asked to approve, with the leader's name.
    pub to_approve: Vec<(RoundRecord, String)>,
    /// Released rounds whose report was shared with this person, with the leader's name.
    pub shared: Vec<(RoundRecord, String)>,
}

pub async fn overview(state: &App, viewer: &Viewer) -> Result<RoundOverview, Error> {
    viewer.may(
        Action::ManageOwnFeedbackRound,
        &Target::owned_by(viewer.person),
    )?;
    super::release::release_due(state).await?;
    let store = &state.store;
    Ok(RoundOverview {
        own: store.rounds_of(viewer.person).await?,
        to_approve: with_leaders(state, store.rounds_for_coach(viewer.person).await?).await?,
        shared: with_leaders(state, store.rounds_shared_with(viewer.person).await?).await?,
    })
}

async fn with_leaders(
    state: &App,
    rounds: Vec<RoundRecord>,
) -> Result<Vec<(RoundRecord, String)>, Error> {
    let mut named = Vec::with_capacity(rounds.len());
    for round in rounds {
        let name = state
            .store
            .person(round.person_id)
            .await?
            .map(|p| p.name)
            .unwrap_or_default();
        named.push((round, name));
    }
    Ok(named)
}

/// The round `id` of its leader; anyone else gets "not found". A round past its closing date
/// is closed and released first, so nobody ever sees it open after its date.
pub async fn leader_round(state: &App, viewer: &Viewer, id: i64) -> Result<LeaderRound, Error> {
    let record = own_record(state, viewer, id).await?;
    round_parts(state, record).await
}

/// Everything about a round beside its record.
pub(crate) async fn round_parts(state: &App, record: RoundRecord) -> Result<LeaderRound, Error> {
    let id = record.id;
    let store = &state.store;
    let groups = settings_of(store.groups_of(id).await?)?;
    let links = store.links_of(id).await?;
    let progress = store
        .progress(id)
        .await?
        .into_iter()
        .map(|(group, invited, answered)| (group, count(invited), count(answered)))
        .collect();
    let planned: Vec<PlannedGroup> = groups
        .iter()
        .map(|(g, settings)| PlannedGroup {
            key: g.id,
            settings,
            invited: links.iter().filter(|l| l.group_id == g.id).count(),
        })
        .collect();
    let preview = preview(&planned);
    let coach_email = match record.coach_id {
        Some(coach) => store.person(coach).await?.map(|p| p.email),
        None => None,
    };
    Ok(LeaderRound {
        self_answers: store.self_answers(id).await?,
        record,
        groups,
        links,
        progress,
        preview,
        coach_email,
    })
}

fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// The record of one's own round, released first when it is due.
pub(crate) async fn own_record(
    state: &App,
    viewer: &Viewer,
    id: i64,
) -> Result<RoundRecord, Error> {
    let record = state.store.round(id).await?.ok_or(Error::NotFound)?;
    viewer.may(
        Action::ManageOwnFeedbackRound,
        &Target::owned_by(record.person_id),
    )?;
    if record.state == RoundState::Open && record.closes_at <= state.clock.now() {
        release_if_due(state, &record).await?;
        return state.store.round(id).await?.ok_or(Error::NotFound);
    }
    Ok(record)
}

/// The round `id` for someone its leader named (the coach, or a reader of the report).
pub(crate) async fn named_record(
    state: &App,
    viewer: &Viewer,
    id: i64,
    named: &[PersonId],
) -> Result<RoundRecord, Error> {
    let record = state.store.round(id).await?.ok_or(Error::NotFound)?;
    viewer.may(
        Action::ViewSharedFeedbackRound,
        &Target::shared_with(record.person_id, named),
    )?;
    Ok(record)
}

/// Group rows as domain settings; a row the domain refuses (never written by us) is an error.
pub(crate) fn settings_of(
    groups: Vec<GroupRecord>,
) -> Result<Vec<(GroupRecord, GroupSettings)>, Error> {
    groups
        .into_iter()
        .map(|g| {
            let settings = settings_of_row(&g)?;
            Ok((g, settings))
        })
        .collect()
}

pub(crate) fn settings_of_row(g: &GroupRecord) -> Result<GroupSettings, Error> {
    let kind =
        leidraad_domain::feedback::GroupKind::from_code(&g.kind).map_err(|_| Error::Internal)?;
    GroupSettings::new(
        kind,
        g.label.as_deref(),
        usize::try_from(g.threshold).unwrap_or(0),
        Some(usize::try_from(g.comment_threshold).unwrap_or(0)),
        g.identifiable,
    )
    .map_err(|_| Error::Internal)
}

/// One's own finished reflections on `framework`, newest first, as (id, finished at): what a
/// leader may take as their self-rating.
pub async fn finished_reflections(
    state: &App,
    viewer: &Viewer,
    framework: &str,
) -> Result<Vec<(i64, i64)>, Error> {
    let mut list: Vec<(i64, i64)> = state
        .store
        .reflections_of(viewer.person)
        .await?
        .into_iter()
        .filter(|r| r.framework_id == framework)
        .filter_map(|r| Some((r.id, r.finished_at?)))
        .collect();
    list.sort_by_key(|(_, at)| std::cmp::Reverse(*at));
    Ok(list)
}
