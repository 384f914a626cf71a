//! The demo's development plans: Sanne's plan of last school year (one theme achieved and
//! reviewed, one still underway) and this year's plan of three themes: a blind spot of her
//! released 360° report, the largest gap of her released team scan, and last year's unfinished
//! theme carried over. This year's plan is shared with the coach. The themes are made by the
//! store from the same results a leader's one click uses.

use leidraad_domain::Library;
use leidraad_domain::development::{Day, SchoolYear, title_from};
use leidraad_domain::feedback::Report;
use leidraad_domain::space_scan::ScanResults;
use leidraad_store::Store;
use leidraad_store::feedback::RoundState;
use leidraad_store::plans::{Change, ItemFields, ItemKind, NewTheme, ThemeFields};
use leidraad_store::space_scans::ScanState;

use super::DAY;
use super::people::Members;

type Fail = fn(leidraad_store::StoreError) -> String;

fn fail(e: leidraad_store::StoreError) -> String {
    leidraad_app::error_chain(&e)
}

/// One theme as the demo writes it.
struct DemoTheme<'a> {
    title: &'a str,
    goal: &'a str,
    monitoring: &'a str,
    review: &'a str,
    status: &'a str,
    source: (&'a str, Option<i64>, &'a str),
    cards: &'a [&'a str],
    /// (text, days from the school year's start, done)
    actions: &'a [(&'a str, i64, bool)],
    /// (days from the school year's start, note)
    moments: &'a [(i64, &'a str)],
}

pub(super) async fn seed(
    store: &Store,
    library: &Library,
    members: &Members,
    now: i64,
) -> Result<(), String> {
    let sanne = members.people[2];
    let coach = members.people[4];
    let framework = library
        .default_framework()
        .ok_or("the demo needs the standard for school leaders")?;
    let year = SchoolYear::of(Day::today(now));
    let last = year.previous();
    let (round, blind_spot) = blind_spot(store, sanne).await?;
    let (scan, gap) = largest_gap(store, sanne).await?;
    let blind_text = framework
        .card(&blind_spot)
        .map_or(String::new(), |c| title_from(&c.text.nl));

    let earlier = plan(store, sanne, last, &framework.id, now - 400 * DAY).await?;
    add(store, sanne, earlier, last, &LAST_YEAR[0], now).await?;
    let unfinished = add(store, sanne, earlier, last, &LAST_YEAR[1], now).await?;

    let this = plan(store, sanne, year, &framework.id, now - 90 * DAY).await?;
    let from_report = DemoTheme {
        title: &blind_text,
        source: ("blind-spot", Some(round), &blind_spot),
        cards: &[],
        ..THIS_YEAR[0]
    };
    let mut with_card = vec![blind_spot.as_str()];
    with_card.extend(THIS_YEAR[0].cards);
    let from_report = DemoTheme {
        cards: &with_card,
        ..from_report
    };
    add(store, sanne, this, year, &from_report, now).await?;
    let from_scan = DemoTheme {
        source: ("scan-gap", Some(scan), &gap),
        ..THIS_YEAR[1]
    };
    add(store, sanne, this, year, &from_scan, now).await?;
    let carried = DemoTheme {
        source: ("carried-over", Some(unfinished), ""),
        ..THIS_YEAR[2]
    };
    add(store, sanne, this, year, &carried, now).await?;
    store
        .share_plan(sanne, this, coach, now - 20 * DAY)
        .await
        .map_err(fail)?;
    Ok(())
}

async fn plan(
    store: &Store,
    person: leidraad_domain::accounts::PersonId,
    year: SchoolYear,
    framework: &str,
    at: i64,
) -> Result<i64, String> {
    let plan = store
        .ensure_plan(person, i64::from(year.start_year()), framework, at)
        .await
        .map_err(fail)?;
    Ok(plan.id)
}

/// The first blind spot of Sanne's released 360° report.
async fn blind_spot(
    store: &Store,
    sanne: leidraad_domain::accounts::PersonId,
) -> Result<(i64, String), String> {
    let rounds = store.rounds_of(sanne).await.map_err(fail)?;
    for summary in rounds
        .iter()
        .filter(|r| r.round.state == RoundState::Closed)
    {
        let reading = store.report_reading(summary.round.id).await.map_err(fail)?;
        let Some((_, snapshot)) = reading.and_then(|r| r.report) else {
            continue;
        };
        let report: Report = serde_json::from_str(&snapshot).map_err(|e| e.to_string())?;
        if let Some(card) = report.blind_spots.first() {
            return Ok((summary.round.id, card.clone()));
        }
    }
    Err("the demo's released 360° report has no blind spot".into())
}

/// The largest gap of Sanne's latest released team scan.
async fn largest_gap(
    store: &Store,
    sanne: leidraad_domain::accounts::PersonId,
) -> Result<(i64, String), String> {
    let scans = store.scans_of(sanne).await.map_err(fail)?;
    let mut released: Vec<_> = scans
        .iter()
        .filter(|s| s.scan.state == ScanState::Released)
        .collect();
    released.sort_by_key(|s| std::cmp::Reverse(s.scan.released_at));
    for summary in released {
        let Some((_, snapshot)) = store.scan_results(summary.scan.id).await.map_err(fail)? else {
            continue;
        };
        let results: ScanResults = serde_json::from_str(&snapshot).map_err(|e| e.to_string())?;
        if let Some(gap) = results.shown.and_then(|s| s.gaps.into_iter().next()) {
            return Ok((summary.scan.id, gap.statement));
        }
    }
    Err("the demo's released team scan has no gap".into())
}

async fn add(
    store: &Store,
    person: leidraad_domain::accounts::PersonId,
    plan: i64,
    year: SchoolYear,
    theme: &DemoTheme<'_>,
    now: i64,
) -> Result<i64, String> {
    let fail: Fail = fail;
    let cards: Vec<String> = theme.cards.iter().map(|c| (*c).to_owned()).collect();
    let (kind, id, item) = theme.source;
    let new = NewTheme {
        title: theme.title,
        goal: theme.goal,
        monitoring: theme.monitoring,
        status: "planned",
        source_kind: kind,
        source_id: id,
        source_item: item,
        cards: &cards,
    };
    let Change::Done(id) = store
        .add_theme(person, plan, &new, now)
        .await
        .map_err(fail)?
    else {
        return Err(format!("the demo's theme {} was not added", theme.title));
    };
    let status = ThemeFields {
        status: Some(theme.status),
        ..ThemeFields::default()
    };
    store
        .update_theme(person, id, &status, now)
        .await
        .map_err(fail)?;
    if !theme.review.is_empty() {
        store
            .save_theme_text(person, id, "review", None, theme.review, now)
            .await
            .map_err(fail)?;
    }
    let start = year.first_day();
    let on = |days: i64| start.plus_days(days).to_string();
    for (text, days, done) in theme.actions {
        let fields = ItemFields {
            text: Some(text),
            due_on: Some(&on(*days)),
            done: Some(*done),
        };
        store
            .add_theme_item(person, id, ItemKind::Action, fields, 20, now)
            .await
            .map_err(fail)?;
    }
    for (days, note) in theme.moments {
        let fields = ItemFields {
            text: Some(note),
            due_on: Some(&on(*days)),
            done: None,
        };
        store
            .add_theme_item(person, id, ItemKind::ReviewMoment, fields, 12, now)
            .await
            .map_err(fail)?;
    }
    Ok(id)
}

const LAST_YEAR: [DemoTheme<'static>; 2] = [
    DemoTheme {
        title: "Feedback vragen aan mijn team",
        goal: "Ik vraag elke maand twee teamleden wat ze van mijn leiding merken, en doe er iets mee.",
        monitoring: "In mijn logboek staat per maand wie ik vroeg en wat ik veranderde.",
        review: "Gelukt: tien gesprekken, en het team zegt in de 360° dat ik beter luister. \
                 Volgend jaar wil ik het breder trekken dan mijn eigen team.",
        status: "achieved",
        source: ("own", None, ""),
        cards: &["sociaal-01", "sociaal-03"],
        actions: &[
            ("Vaste vraag kiezen voor de gesprekjes", 30, true),
            ("Tien korte feedbackgesprekken", 240, true),
        ],
        moments: &[
            (
                120,
                "Vijf gesprekken gehad; mensen zijn eerlijker dan ik dacht.",
            ),
            (330, "Afgerond. Zie terugblik."),
        ],
    },
    DemoTheme {
        title: "Eigenaarschap van de bouwcoördinatoren",
        goal: "De bouwcoördinatoren nemen zelf beslissingen over hun bouw binnen de afspraken.",
        monitoring: "Ik tel hoe vaak een vraag van een bouw nog bij mij terechtkomt.",
        review: "Half gelukt: de onderbouw neemt het op, de bovenbouw nog niet. Ik neem het mee.",
        status: "underway",
        source: ("own", None, ""),
        cards: &["schoolontwikkeling-02"],
        actions: &[("Mandaat per bouw op papier", 60, true)],
        moments: &[(200, "Onderbouw loopt, bovenbouw wacht nog op mij.")],
    },
];

const THIS_YEAR: [DemoTheme<'static>; 3] = [
    DemoTheme {
        title: "",
        goal: "Mijn team ziet dit minder bij mij dan ik zelf. Ik wil weten waar dat verschil zit en het kleiner maken.",
        monitoring: "Na elk teamoverleg vraag ik twee collega's of ze het terugzagen; in de \
                     volgende 360°-feedback is het verschil tussen mij en het team kleiner.",
        review: "",
        status: "underway",
        source: ("own", None, ""),
        cards: &[],
        actions: &[
            ("Met drie teamleden doorpraten over wat zij zien", 45, true),
            (
                "Een collega-schoolleider laten meekijken in een teamoverleg",
                150,
                false,
            ),
            (
                "Intervisie met twee collega-schoolleiders over visiegestuurd werken",
                200,
                false,
            ),
        ],
        moments: &[(150, ""), (300, "")],
    },
    DemoTheme {
        title: "Ruimte laten aan teams voor hun eigen aanpak",
        goal: "Teams kiezen zelf hoe ze onze doelen halen; ik spreek de doelen af, niet de weg.",
        monitoring: "In de teamscan van volgend jaar is het verschil tussen mijn inschatting en \
                     het team op deze stelling kleiner.",
        review: "",
        status: "planned",
        source: ("own", None, ""),
        cards: &["medewerkers-04"],
        actions: &[("Twee of drie thema's voor het jaar, niet meer", 20, true)],
        moments: &[(180, "")],
    },
    DemoTheme {
        title: "Eigenaarschap van de bouwcoördinatoren",
        goal: "Ook de bovenbouw neemt zelf beslissingen binnen de afspraken.",
        monitoring: "Ik tel hoe vaak een vraag van de bovenbouw nog bij mij terechtkomt.",
        review: "",
        status: "underway",
        source: ("own", None, ""),
        cards: &["schoolontwikkeling-02"],
        actions: &[("Coachgesprek met de bovenbouwcoördinator", 75, false)],
        moments: &[(160, "")],
    },
];
