//! The start page's sections, from what the use case read: each section and item already in
//! words, so the template only lays them out.

use leidraad_app::start::{Belonging, NextStep, OpenWork, Start};
use leidraad_domain::accounts::{Role, RoleSet};
use leidraad_domain::local_time::LocalDateTime;

use super::start::{ItemView, LinkView, ProgressView, SectionView};
use crate::AppState;
use crate::i18n::Tr;

mod others;

use others::{overseen_section, shared_section};

/// The page's sections in the order they are shown; empty ones are left out. A newcomer (no
/// reflection of their own, nothing shared) first reads what Leidraad is for them. What waits
/// for the person (their open work, what others shared, the next step) comes first; what they
/// oversee and where they belong goes beside it on a wide screen, after it on a phone.
pub fn sections(state: &AppState, tr: Tr, start: &Start) -> Vec<SectionView> {
    let newcomer = start.open.is_empty()
        && start.finished == 0
        && start.shared.is_empty()
        && start.shared_plans.is_empty();
    let mut sections = Vec::new();
    if newcomer {
        sections.push(welcome(tr, start));
    }
    sections.push(SectionView {
        id: "start-open",
        heading: tr.t("start-open-heading").into_owned(),
        lead: String::new(),
        side: false,
        items: start.open.iter().map(|w| open_item(state, tr, w)).collect(),
    });
    sections.push(shared_section(state, tr, start));
    sections.push(SectionView {
        id: "start-next",
        heading: tr.t("start-next-heading").into_owned(),
        lead: String::new(),
        side: false,
        items: start.next.iter().map(|s| step_item(tr, s)).collect(),
    });
    sections.push(overseen_section(tr, start));
    if !newcomer {
        sections.push(SectionView {
            id: "start-belongings",
            heading: tr.t("start-belongings-heading").into_owned(),
            lead: String::new(),
            side: true,
            items: start
                .belongings
                .iter()
                .filter(|b| {
                    !start
                        .overseen
                        .iter()
                        .any(|o| o.organisation.id == b.organisation)
                })
                .map(|b| belonging_item(tr, b, false))
                .collect(),
        });
    }
    sections.retain(|s| !s.items.is_empty() || !s.lead.is_empty());
    sections
}

fn when(tr: Tr, at: i64) -> String {
    LocalDateTime::amsterdam(at).format(tr.lang)
}

fn date(tr: Tr, at: i64) -> String {
    LocalDateTime::amsterdam(at).format_date(tr.lang)
}

fn role_names(tr: Tr, roles: RoleSet) -> String {
    roles
        .iter()
        .map(|r| tr.t(&format!("role-{}", r.code())).into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a reflection covers: the whole standard, or its domains by name.
fn scope(state: &AppState, tr: Tr, domains: &[String]) -> String {
    let framework = state.library.default_framework();
    let whole = framework.is_some_and(|f| f.domains.len() == domains.len());
    if domains.is_empty() || whole {
        return tr.t("start-scope-whole").into_owned();
    }
    let names: Vec<String> = domains
        .iter()
        .map(|id| {
            framework
                .and_then(|f| f.domains.iter().find(|d| &d.id == id))
                .map_or_else(|| id.clone(), |d| tr.pick(&d.title).to_owned())
        })
        .collect();
    names.join(", ")
}

/// For a newcomer: each organisation with their roles, their schools and what the roles are
/// for, and a line when they belong nowhere yet.
fn welcome(tr: Tr, start: &Start) -> SectionView {
    let lead = if start.belongings.is_empty() {
        tr.t("organisations-none").into_owned()
    } else {
        tr.t("start-welcome-lead").into_owned()
    };
    SectionView {
        id: "start-welcome",
        heading: tr.t("start-welcome-heading").into_owned(),
        lead,
        side: false,
        items: start
            .belongings
            .iter()
            .map(|b| {
                let mut item = belonging_item(tr, b, true);
                // An organisation one oversees has its links beside, with its counts.
                if start
                    .overseen
                    .iter()
                    .any(|o| o.organisation.id == b.organisation)
                {
                    item.links.clear();
                }
                item
            })
            .collect(),
    }
}

fn belonging_item(tr: Tr, belonging: &Belonging, explain: bool) -> ItemView {
    let schools = match belonging.schools.as_slice() {
        [] if belonging.roles.contains(Role::Staff)
            || belonging.roles.contains(Role::SchoolLeader) =>
        {
            tr.t("start-no-school").into_owned()
        }
        [] => String::new(),
        names => tr.t1("start-your-schools", "schools", names.join(", ")),
    };
    let text = if explain {
        belonging
            .roles
            .iter()
            .map(|r| tr.t(&format!("start-role-{}", r.code())).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        String::new()
    };
    ItemView {
        eyebrow: role_names(tr, belonging.roles),
        title: belonging.name.clone(),
        text,
        meta: schools,
        links: vec![LinkView::quiet(
            format!("/organisaties/{}", belonging.organisation),
            tr.t("start-open-organisation"),
        )],
        ..ItemView::default()
    }
}

fn open_item(state: &AppState, tr: Tr, work: &OpenWork) -> ItemView {
    match work {
        OpenWork::Reflection {
            id,
            started_at,
            updated_at,
            domains,
            progress,
        } => {
            let mut meta = tr.t1("start-started-at", "when", when(tr, *started_at));
            if updated_at > started_at {
                meta.push_str(" · ");
                meta.push_str(&tr.t1("start-worked-at", "when", when(tr, *updated_at)));
            }
            ItemView {
                eyebrow: tr.t("start-kind-reflection").into_owned(),
                title: scope(state, tr, domains),
                meta,
                progress: Some(ProgressView {
                    done: progress.done,
                    total: progress.total,
                    // "23 van 80 kaarten gelegd": Fluent takes one argument here, so the
                    // number done leads and the message says the rest.
                    label: format!(
                        "{} {}",
                        progress.done,
                        tr.t1(
                            "start-cards-sorted",
                            "total",
                            usize::try_from(progress.total).unwrap_or(0),
                        )
                    ),
                }),
                links: if progress.done < progress.total {
                    vec![
                        LinkView::primary(
                            format!("/reflecties/{id}/sorteren"),
                            tr.t("start-continue-sorting"),
                        ),
                        LinkView::quiet(format!("/reflecties/{id}"), tr.t("start-see-profile")),
                    ]
                } else {
                    // Every card lies on a pile: what is left is looking and finishing.
                    vec![
                        LinkView::primary(format!("/reflecties/{id}"), tr.t("start-to-finish")),
                        LinkView::quiet(
                            format!("/reflecties/{id}/sorteren"),
                            tr.t("start-move-cards"),
                        ),
                    ]
                },
                ..ItemView::default()
            }
        }
    }
}

fn step_item(tr: Tr, step: &NextStep) -> ItemView {
    let (key, text, link) = match step {
        NextStep::FirstReflection => (
            "start-step-first-reflection",
            tr.t("start-step-first-reflection-text").into_owned(),
            LinkView::primary("/reflecties", tr.t("start-step-first-reflection-go")),
        ),
        NextStep::ChooseFocus { reflection } => (
            "start-step-focus",
            tr.t("start-step-focus-text").into_owned(),
            LinkView::quiet(
                format!("/reflecties/{reflection}"),
                tr.t("start-step-focus-go"),
            ),
        ),
        NextStep::Share { reflection } => (
            "start-step-share",
            tr.t("start-step-share-text").into_owned(),
            LinkView::quiet(
                format!("/reflecties/{reflection}"),
                tr.t("start-step-share-go"),
            ),
        ),
        NextStep::NewMoment { last_finished_at } => (
            "start-step-new-moment",
            tr.t1(
                "start-step-new-moment-text",
                "date",
                date(tr, *last_finished_at),
            ),
            LinkView::primary("/reflecties", tr.t("start-step-new-moment-go")),
        ),
        NextStep::KeepLog => (
            "start-step-log",
            tr.t("start-step-log-text").into_owned(),
            LinkView::quiet("/logboek", tr.t("start-step-log-go")),
        ),
        NextStep::AddSchools { organisation, name } => (
            "start-step-schools",
            tr.t1("start-step-schools-text", "organisation", name.as_str()),
            LinkView::primary(
                format!("/organisaties/{organisation}#h-schools"),
                tr.t("start-step-schools-go"),
            ),
        ),
        NextStep::InviteMembers { organisation, name } => (
            "start-step-invite",
            tr.t1("start-step-invite-text", "organisation", name.as_str()),
            LinkView::primary(
                format!("/organisaties/{organisation}#h-invitations"),
                tr.t("start-step-invite-go"),
            ),
        ),
    };
    ItemView {
        title: tr.t(key).into_owned(),
        text,
        links: vec![link],
        ..ItemView::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_is_explained_in_both_languages() {
        for lang in leidraad_domain::Language::ALL {
            let tr = Tr::new(lang);
            for role in Role::ALL {
                let key = format!("start-role-{}", role.code());
                assert!(tr.try_t(&key).is_some(), "{key} in {lang}");
            }
        }
    }
}
