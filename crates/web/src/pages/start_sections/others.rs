//! What others shared with the person (reflections, development plans) and the
//! organisations they oversee or manage.

use leidraad_app::start::{Overseen, Start};
use leidraad_domain::accounts::Role;
use leidraad_store::start::{PlanAtStart, SharedAtStart};

use super::super::start::{ItemView, LinkView, SectionView};
use super::{date, scope};
use crate::AppState;
use crate::i18n::Tr;

/// What others shared; for those whose role is to read along (board members, coaches), a line
/// that says where it will appear even while there is nothing yet.
pub(super) fn shared_section(state: &AppState, tr: Tr, start: &Start) -> SectionView {
    let reads_along = start
        .belongings
        .iter()
        .any(|b| b.roles.contains(Role::BoardMember) || b.roles.contains(Role::Coach));
    let nothing = start.shared.is_empty() && start.shared_plans.is_empty();
    let lead = if nothing && reads_along {
        tr.t("start-shared-none").into_owned()
    } else {
        String::new()
    };
    SectionView {
        id: "start-shared",
        heading: tr.t("start-shared-heading").into_owned(),
        lead,
        side: false,
        items: start
            .shared
            .iter()
            .map(|s| shared_item(state, tr, s))
            .chain(start.shared_plans.iter().map(|p| plan_item(tr, p)))
            .collect(),
    }
}

/// A development plan shared with the person: a coach or a board member finds it where they
/// find shared reflections.
fn plan_item(tr: Tr, plan: &PlanAtStart) -> ItemView {
    ItemView {
        eyebrow: tr.t("start-kind-plan").into_owned(),
        title: plan.owner.clone(),
        text: tr.t1(
            "start-plan-year",
            "year",
            leidraad_domain::development::SchoolYear::from_stored(plan.school_year)
                .map_or_else(|| plan.school_year.to_string(), |year| year.label()),
        ),
        links: vec![LinkView::quiet(
            format!("/ontwikkelplan/gedeeld/{}", plan.id),
            tr.t("start-read-plan"),
        )],
        ..ItemView::default()
    }
}

fn shared_item(state: &AppState, tr: Tr, shared: &SharedAtStart) -> ItemView {
    ItemView {
        eyebrow: tr.t("start-kind-reflection").into_owned(),
        title: shared.author.clone(),
        text: scope(state, tr, &shared.domains),
        meta: tr.t1("start-finished-on", "date", date(tr, shared.finished_at)),
        links: vec![LinkView::quiet(
            format!("/reflecties/{}", shared.id),
            tr.t("start-read-profile"),
        )],
        ..ItemView::default()
    }
}

pub(super) fn overseen_section(tr: Tr, start: &Start) -> SectionView {
    let manages = start.overseen.iter().any(|o| o.manages);
    SectionView {
        id: "start-overseen",
        heading: tr
            .t(if manages {
                "start-managed-heading"
            } else {
                "start-overseen-heading"
            })
            .into_owned(),
        lead: String::new(),
        side: true,
        items: start
            .overseen
            .iter()
            .map(|o| overseen_item(tr, o))
            .collect(),
    }
}

fn overseen_item(tr: Tr, overseen: &Overseen) -> ItemView {
    let organisation = &overseen.organisation;
    let id = organisation.id;
    let count = |n: i64| usize::try_from(n).unwrap_or(0);
    let mut facts = vec![
        tr.t1("start-count-members", "count", count(organisation.members)),
        tr.t1("start-count-schools", "count", count(organisation.schools)),
    ];
    if overseen.sees_invitations {
        facts.push(tr.t1(
            "start-count-invitations",
            "count",
            count(organisation.open_invitations),
        ));
    }
    let mut links = vec![LinkView::quiet(
        format!("/organisaties/{id}"),
        tr.t("start-open-organisation"),
    )];
    if overseen.manages {
        links.push(LinkView::quiet(
            format!("/organisaties/{id}#h-invitations"),
            tr.t("start-invite"),
        ));
        links.push(LinkView::quiet(
            format!("/organisaties/{id}/logboek"),
            tr.t("audit-log-title"),
        ));
    }
    ItemView {
        title: organisation.name.clone(),
        facts,
        links,
        ..ItemView::default()
    }
}
