//! Reading everything the portfolio holds and putting each part under its domain.

use std::collections::HashMap;

use leidraad_domain::development::{Day, SchoolYear};
use leidraad_domain::feedback::Report;
use leidraad_domain::{Framework, Rating};
use leidraad_store::feedback::RoundState;
use leidraad_store::learning_log::ActivityRecord;

use super::{DomainPart, FeedbackCard, PileMove, Portfolio};
use crate::learning_log::cycle_progress;
use crate::{App, Error, Viewer};

pub(super) async fn gather(state: &App, viewer: &Viewer) -> Result<Portfolio, Error> {
    let framework = state.library.default_framework().ok_or(Error::Internal)?;
    let cycle = cycle_progress(state, viewer).await?;
    let today = Day::today(state.clock.now());
    let activities = state.store.activities_of(viewer.person).await?;
    let (from, until) = match &cycle {
        Some(c) => (c.cycle.start, c.cycle.end()),
        None => (first_day(&activities).unwrap_or(today), today),
    };
    let within = |day: Day| from <= day && day <= until;
    let mut parts = Parts::new(framework);
    let mut total_points = 0;
    let mut total_minutes = 0;
    let mut kept: Vec<ActivityRecord> = activities
        .into_iter()
        .filter(|a| Day::parse(&a.happened_on).is_ok_and(within))
        .collect();
    kept.sort_by(|a, b| a.happened_on.cmp(&b.happened_on).then(a.id.cmp(&b.id)));
    for activity in kept {
        total_points += activity.points;
        total_minutes += activity.minutes;
        let mut domains = activity.domains.clone();
        domains.extend(
            activity
                .cards
                .iter()
                .filter_map(|c| domain_of(framework, c)),
        );
        for part in parts.for_domains(&domains) {
            part.activities.push(activity.clone());
        }
    }
    let moments = pile_moves(state, viewer, framework, &mut parts, &within).await?;
    feedback(state, viewer, framework, &mut parts, &within).await?;
    themes(state, viewer, framework, &mut parts, from, until).await?;
    Ok(Portfolio {
        owner: viewer.name.clone(),
        cycle,
        from,
        until,
        framework_id: framework.id.clone(),
        domains: parts.domains,
        elsewhere: parts.elsewhere,
        moments,
        total_points,
        total_minutes,
    })
}

fn first_day(activities: &[ActivityRecord]) -> Option<Day> {
    activities
        .iter()
        .filter_map(|a| Day::parse(&a.happened_on).ok())
        .min()
}

fn domain_of(framework: &Framework, card: &str) -> Option<String> {
    framework.card(card).map(|c| c.domain.clone())
}

/// The nine parts and the one for what touches none.
struct Parts {
    domains: Vec<super::DomainPart>,
    elsewhere: super::DomainPart,
}

impl Parts {
    fn new(framework: &Framework) -> Parts {
        Parts {
            domains: framework
                .domains
                .iter()
                .map(|d| DomainPart {
                    domain_id: d.id.clone(),
                    ..DomainPart::default()
                })
                .collect(),
            elsewhere: DomainPart::default(),
        }
    }

    /// The parts of these domains, each once; the "elsewhere" part when none is known.
    fn for_domains(&mut self, domains: &[String]) -> Vec<&mut DomainPart> {
        let known: Vec<bool> = self
            .domains
            .iter()
            .map(|p| domains.contains(&p.domain_id))
            .collect();
        if !known.contains(&true) {
            return vec![&mut self.elsewhere];
        }
        self.domains
            .iter_mut()
            .zip(known)
            .filter_map(|(part, yes)| yes.then_some(part))
            .collect()
    }

    fn of(&mut self, domain: &str) -> Option<&mut DomainPart> {
        self.domains.iter_mut().find(|p| p.domain_id == domain)
    }
}

/// Between the first and the last reflection finished in the cycle, the cards whose pile
/// changed, under their domains. `None` when fewer than two moments were finished in it.
async fn pile_moves(
    state: &App,
    viewer: &Viewer,
    framework: &Framework,
    parts: &mut Parts,
    within: &impl Fn(Day) -> bool,
) -> Result<Option<(i64, i64)>, Error> {
    let mut finished: Vec<(i64, i64)> = state
        .store
        .reflections_of(viewer.person)
        .await?
        .into_iter()
        .filter(|r| r.framework_id == framework.id)
        .filter_map(|r| Some((r.finished_at?, r.id)))
        .filter(|(at, _)| within(Day::today(*at)))
        .collect();
    finished.sort_unstable();
    let (Some(first), Some(last)) = (finished.first(), finished.last()) else {
        return Ok(None);
    };
    if first == last {
        return Ok(None);
    }
    let piles = |answers: Vec<leidraad_store::reflections::AnswerRecord>| {
        answers
            .into_iter()
            .map(|a| (a.card_id, a.pile))
            .collect::<HashMap<String, Option<Rating>>>()
    };
    let before = piles(state.store.answers(first.1).await?);
    let after = piles(state.store.answers(last.1).await?);
    for card in &framework.cards {
        let from = before.get(&card.id).copied().flatten();
        let to = after.get(&card.id).copied().flatten();
        if from != to
            && let Some(part) = parts.of(&card.domain)
        {
            part.moves.push(PileMove {
                card: card.id.clone(),
                from,
                to,
            });
        }
    }
    Ok(Some((first.0, last.0)))
}

/// The cards of the viewer's 360° reports released in the cycle.
async fn feedback(
    state: &App,
    viewer: &Viewer,
    framework: &Framework,
    parts: &mut Parts,
    within: &impl Fn(Day) -> bool,
) -> Result<(), Error> {
    let rounds = state.store.rounds_of(viewer.person).await?;
    for summary in rounds
        .iter()
        .filter(|r| r.round.state == RoundState::Closed)
    {
        if summary.round.framework_id != framework.id {
            continue;
        }
        let Some(reading) = state.store.report_reading(summary.round.id).await? else {
            continue;
        };
        let Some((released_at, snapshot)) = reading.report else {
            continue;
        };
        if !within(Day::today(released_at)) {
            continue;
        }
        let report: Report = serde_json::from_str(&snapshot).map_err(|_| Error::Internal)?;
        for card in &report.cards {
            if let Some(part) = parts.of(&card.domain) {
                part.feedback.push(FeedbackCard {
                    round: summary.round.id,
                    released_at,
                    card: card.card.clone(),
                    own: card.own,
                    others: card.others.map(|s| s.mean),
                });
            }
        }
    }
    Ok(())
}

/// The themes of the plans of the school years the cycle reaches into.
async fn themes(
    state: &App,
    viewer: &Viewer,
    framework: &Framework,
    parts: &mut Parts,
    from: Day,
    until: Day,
) -> Result<(), Error> {
    for (plan, _) in state.store.plans_of(viewer.person).await?.into_iter().rev() {
        let year = SchoolYear::from_stored(plan.school_year).ok_or(Error::Internal)?;
        if year.last_day() < from || year.first_day() > until {
            continue;
        }
        let Some(full) = state.store.full_plan(plan.id).await? else {
            continue;
        };
        for theme in full.themes {
            let domains: Vec<String> = theme
                .cards
                .iter()
                .filter_map(|c| domain_of(framework, c))
                .collect();
            for part in parts.for_domains(&domains) {
                part.themes.push((plan.school_year, theme.clone()));
            }
        }
    }
    Ok(())
}
