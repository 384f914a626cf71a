//! The demo's learning log: Sanne's register cycle began two years ago and she is at 55 of
//! 100 points. Her log holds activities over those two years: certified ones with points
//! (a course, a conference, a master module), informal ones (intervision, reading, a school
//! visit) and two from Leidraad itself (last year's reflection and a released team scan),
//! with a certificate as a PDF and a photo of a flip-over as a PNG. Her dialogue and this
//! year's scan wait as suggestions.

mod files;

use leidraad_domain::Library;
use leidraad_domain::accounts::PersonId;
use leidraad_domain::development::{Day, MAX_PERSON_BYTES, check_evidence};
use leidraad_store::Store;
use leidraad_store::learning_log::{ActivityFields, Change, NewEvidence};

use super::DAY;
use super::people::Members;

/// One activity of the demo: days ago, kind, title, hours in minutes, points, domains, what
/// she learned and does differently, and its evidence.
struct Entry {
    days_ago: i64,
    kind: &'static str,
    title: &'static str,
    minutes: i64,
    points: i64,
    domains: &'static [&'static str],
    cards: &'static [&'static str],
    learned: &'static str,
    differently: &'static str,
    evidence: Evidence,
}

enum Evidence {
    None,
    Certificate(&'static str),
    FlipOver(&'static str),
}

const ENTRIES: [Entry; 6] = [
    Entry {
        days_ago: 700,
        kind: "course",
        title: "Leidinggeven aan verandering",
        minutes: 12 * 60,
        points: 20,
        domains: &["visie"],
        cards: &["visie-01", "visie-03"],
        learned: "Dat een visie pas gaat leven als het team haar in eigen woorden kan vertellen.",
        differently: "Ik begin elk schooljaar met een gesprek over ons waarom, niet met de jaarplanning.",
        evidence: Evidence::Certificate("certificaat-leidinggeven-aan-verandering.pdf"),
    },
    Entry {
        days_ago: 560,
        kind: "conference",
        title: "Congres Schoolleiders in beweging",
        minutes: 6 * 60,
        points: 5,
        domains: &["medewerkers"],
        cards: &[],
        learned: "Hoe andere scholen ruimte maken voor leren in teams.",
        differently: "",
        evidence: Evidence::Certificate("deelnamebewijs-congres.pdf"),
    },
    Entry {
        days_ago: 400,
        kind: "intervision",
        title: "Intervisie met drie collega-schoolleiders",
        minutes: 90,
        points: 0,
        domains: &["medewerkers"],
        cards: &[],
        learned: "Mijn collega's herkennen het dilemma tussen rust en vernieuwing.",
        differently: "Ik vraag eerder om hulp.",
        evidence: Evidence::None,
    },
    Entry {
        days_ago: 260,
        kind: "master-module",
        title: "Mastermodule Onderwijskwaliteit en data",
        minutes: 40 * 60,
        points: 30,
        domains: &["onderwijskwaliteit"],
        cards: &[],
        learned: "Cijfers zijn een begin van het gesprek, geen oordeel.",
        differently: "In de teamvergadering bespreken we eerst wat we zien, dan pas wat we vinden.",
        evidence: Evidence::FlipOver("flip-over-datagesprek.png"),
    },
    Entry {
        days_ago: 120,
        kind: "reading",
        title: "Boek over professionele ruimte",
        minutes: 8 * 60,
        points: 0,
        domains: &["medewerkers"],
        cards: &[],
        learned: "Ruimte geven is iets anders dan ruimte laten.",
        differently: "",
        evidence: Evidence::None,
    },
    Entry {
        days_ago: 45,
        kind: "school-visit",
        title: "Bezoek aan IKC De Regenboog",
        minutes: 4 * 60,
        points: 0,
        domains: &["omgeving"],
        cards: &[],
        learned: "Hoe Mehmet de ouders bij de schoolontwikkeling betrekt.",
        differently: "Ik nodig ouders uit voor de eerste studiedag.",
        evidence: Evidence::FlipOver("foto-ouderavond.png"),
    },
];

pub(super) async fn seed(
    store: &Store,
    library: &Library,
    members: &Members,
    now: i64,
) -> Result<(), String> {
    let fail = |e: leidraad_store::StoreError| leidraad_app::error_chain(&e);
    let sanne = members.people[2];
    let framework = library
        .default_framework()
        .ok_or("the demo needs the standard for school leaders")?;
    let day = |days_ago: i64| Day::today(now - days_ago * DAY).to_string();
    store
        .set_register_cycle(sanne, &day(730), 100, now - 730 * DAY)
        .await
        .map_err(fail)?;
    for entry in &ENTRIES {
        let (domains, cards) = (owned(entry.domains), owned(entry.cards));
        let fields = ActivityFields {
            kind: entry.kind,
            title: entry.title,
            happened_on: &day(entry.days_ago),
            minutes: entry.minutes,
            points: entry.points,
            framework_id: &framework.id,
            domains: &domains,
            cards: &cards,
            themes: &[],
            learned: entry.learned,
            differently: entry.differently,
        };
        let at = now - entry.days_ago * DAY;
        let id = done(
            store
                .add_activity(sanne, fields, None, at)
                .await
                .map_err(fail)?,
        )?;
        attach(store, sanne, id, &entry.evidence, entry.title, at).await?;
    }
    from_leidraad(store, sanne, &framework.id, now).await
}

/// Last year's finished reflection and the first released team scan, confirmed into the log.
async fn from_leidraad(
    store: &Store,
    sanne: PersonId,
    framework_id: &str,
    now: i64,
) -> Result<(), String> {
    let fail = |e: leidraad_store::StoreError| leidraad_app::error_chain(&e);
    let reflection = store
        .reflections_of(sanne)
        .await
        .map_err(fail)?
        .into_iter()
        .find_map(|r| {
            r.finished_at
                .map(|at| ("reflection", r.id, String::new(), at))
        });
    let scan = store
        .scans_of(sanne)
        .await
        .map_err(fail)?
        .into_iter()
        .find_map(|s| {
            s.scan
                .released_at
                .map(|at| ("team-scan", s.scan.id, s.scan.title, at))
        });
    for (kind, id, title, at) in reflection.into_iter().chain(scan) {
        let fields = ActivityFields {
            kind,
            title: &title,
            happened_on: &Day::today(at).to_string(),
            minutes: 120,
            points: 0,
            framework_id,
            domains: &[],
            cards: &[],
            themes: &[],
            learned: "Waar ik sta, en waar mijn team mij anders ziet dan ik mezelf.",
            differently: "",
        };
        done(
            store
                .add_activity(sanne, fields, Some((kind, id)), now)
                .await
                .map_err(fail)?,
        )?;
    }
    Ok(())
}

async fn attach(
    store: &Store,
    person: PersonId,
    activity: i64,
    evidence: &Evidence,
    title: &str,
    at: i64,
) -> Result<(), String> {
    let (name, bytes) = match evidence {
        Evidence::None => return Ok(()),
        Evidence::Certificate(name) => (
            *name,
            files::certificate_pdf(&[
                "Certificaat",
                "Sanne de Vries",
                title,
                &Day::today(at).format(leidraad_domain::Language::Nl),
            ]),
        ),
        Evidence::FlipOver(name) => (*name, files::flip_over_png(320, 240)),
    };
    // The demo's files pass the same checks as an upload.
    let checked = check_evidence(name, &bytes).map_err(|e| e.to_string())?;
    let file = NewEvidence {
        activity_id: Some(activity),
        filename: &checked.filename,
        content_type: checked.kind.content_type(),
        bytes: &bytes,
    };
    let quota = i64::try_from(MAX_PERSON_BYTES).unwrap_or(i64::MAX);
    let change = store
        .add_evidence(person, file, quota, at)
        .await
        .map_err(|e| leidraad_app::error_chain(&e))?;
    done(change).map(|_| ())
}

fn owned(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| (*id).to_owned()).collect()
}

fn done<T>(change: Change<T>) -> Result<T, String> {
    match change {
        Change::Done(value) => Ok(value),
        _ => Err("a demo activity was refused".to_owned()),
    }
}
