//! The demo's 360° feedback: Sanne's released round (a team of five, three colleagues and a
//! board of one that knows it is identifiable) and her open round, half answered; and
//! Mehmet's released round where only two team members answered, so his report shows how a
//! group below its threshold reads. Rounds are released by the same code as a leader's close.

use leidraad_domain::accounts::{OrganisationId, PersonId};
use leidraad_domain::{Framework, Library};
use leidraad_store::Store;
use leidraad_store::feedback::{Change, NewGroup, NewLink, NewRound, RoundState};

use super::DAY;
use super::people::Members;

/// Comments a team might write, by domain ("" is the general comment).
const COMMENTS: &[(&str, &str)] = &[
    (
        "",
        "Sanne is benaderbaar en luistert echt. Soms wil ik dat ze sneller knopen doorhakt.",
    ),
    (
        "",
        "Ik voel me gezien. De jaarplanning mag wat rustiger: minder thema's tegelijk.",
    ),
    (
        "",
        "Fijn dat we samen de koers bepalen; soms mis ik hoe we volgen of het werkt.",
    ),
    (
        "visie",
        "De visie is helder op papier, in het dagelijks werk zie ik hem nog niet altijd terug.",
    ),
    ("visie", "Ze vertelt vaak waarom we iets doen. Dat helpt."),
    (
        "sociaal",
        "Het team voelt zich veilig om fouten te bespreken, dat komt echt door haar.",
    ),
];

/// One group as the demo fills it: settings and who was invited (address, name).
struct DemoGroup<'a> {
    kind: &'a str,
    identifiable: bool,
    raters: &'a [(&'a str, &'a str)],
}

const SANNE_TEAM: &[(&str, &str)] = &[
    ("daan.smit@leidraad.example", "Daan Smit"),
    ("fatima.el-amrani@leidraad.example", "Fatima El Amrani"),
    ("joost.meijer@leidraad.example", "Joost Meijer"),
    ("lotte.mulder@leidraad.example", "Lotte Mulder"),
    ("priya.ramdin@leidraad.example", "Priya Ramdin"),
];
const SANNE_COLLEAGUES: &[(&str, &str)] = &[
    ("schoolleider.regenboog@leidraad.example", "Mehmet Yılmaz"),
    ("r.koster@dewaterlelie.example", "Rianne Koster"),
    ("t.vandam@hetanker.example", "Tom van Dam"),
];
const BOARD: &[(&str, &str)] = &[("bestuurder@leidraad.example", "Henk Jansen")];
const MEHMET_TEAM: &[(&str, &str)] = &[
    ("bram.de.boer@leidraad.example", "Bram de Boer"),
    ("emma.bos@leidraad.example", "Emma Bos"),
    ("noah.peters@leidraad.example", "Noah Peters"),
    ("sara.hendriks@leidraad.example", "Sara Hendriks"),
    ("yusuf.kaya@leidraad.example", "Yusuf Kaya"),
];
const MEHMET_COLLEAGUES: &[(&str, &str)] = &[
    ("schoolleider.linde@leidraad.example", "Sanne de Vries"),
    ("r.koster@dewaterlelie.example", "Rianne Koster"),
    ("t.vandam@hetanker.example", "Tom van Dam"),
];

pub(super) async fn seed(
    store: &Store,
    library: &Library,
    members: &Members,
    now: i64,
) -> Result<(), String> {
    let framework = library
        .default_framework()
        .ok_or("the demo needs the standard for school leaders")?;
    let (people, organisation) = (&members.people, members.organisation);
    let all: Vec<String> = framework.cards.iter().map(|c| c.id.clone()).collect();
    let groups = [
        DemoGroup {
            kind: "team",
            identifiable: false,
            raters: SANNE_TEAM,
        },
        DemoGroup {
            kind: "collegas",
            identifiable: false,
            raters: SANNE_COLLEAGUES,
        },
        DemoGroup {
            kind: "bestuur",
            identifiable: true,
            raters: BOARD,
        },
    ];
    let demo = Demo {
        store,
        framework,
        organisation,
    };
    let sanne = demo
        .round(people[2], &all, &groups, now - 40 * DAY, now - 12 * DAY)
        .await?;
    demo.self_from_last_reflection(people[2], sanne).await?;
    demo.answer_all(sanne, 0, usize::MAX).await?;
    demo.release(library, sanne, now - 12 * DAY).await?;
    let chosen: Vec<String> = framework
        .cards
        .iter()
        .filter(|c| c.domain == "visie" || c.domain == "sociaal")
        .map(|c| c.id.clone())
        .collect();
    let open = demo
        .round(
            people[2],
            &chosen,
            &groups[..2],
            now - 5 * DAY,
            now + 12 * DAY,
        )
        .await?;
    demo.answer_all(open, 1, 4).await?;
    let mehmet_groups = [
        DemoGroup {
            kind: "team",
            identifiable: false,
            raters: MEHMET_TEAM,
        },
        DemoGroup {
            kind: "collegas",
            identifiable: false,
            raters: MEHMET_COLLEAGUES,
        },
    ];
    let mehmet = demo
        .round(
            people[3],
            &chosen,
            &mehmet_groups,
            now - 30 * DAY,
            now - 3 * DAY,
        )
        .await?;
    demo.self_from_last_reflection(people[3], mehmet).await?;
    demo.answer_some(mehmet, &[2, 3]).await?;
    demo.release(library, mehmet, now - 3 * DAY).await
}

struct Demo<'a> {
    store: &'a Store,
    framework: &'a Framework,
    organisation: OrganisationId,
}

fn fail(e: leidraad_store::StoreError) -> String {
    leidraad_app::error_chain(&e)
}

fn done<T>(change: Change<T>, what: &str) -> Result<T, String> {
    match change {
        Change::Done(value) => Ok(value),
        _ => Err(format!("demo feedback: {what} was refused")),
    }
}

impl Demo<'_> {
    /// An open round of `leader` on `cards`, with its groups and invited raters.
    async fn round(
        &self,
        leader: PersonId,
        cards: &[String],
        groups: &[DemoGroup<'_>],
        created: i64,
        closes: i64,
    ) -> Result<i64, String> {
        let store = self.store;
        let id = store
            .create_round(&NewRound {
                person: leader,
                organisation: Some(self.organisation),
                framework_id: &self.framework.id,
                content_fingerprint: &self.framework.fingerprint,
                cards,
                request: "Ik wil graag weten hoe jullie mijn leiderschap ervaren, zodat ik \
                          gericht kan groeien. Beoordeel de kaarten zoals je mij in de praktijk \
                          ziet. Je antwoorden zijn anoniem.",
                closes_at: closes,
                coach: None,
                now: created,
            })
            .await
            .map_err(fail)?;
        for group in groups {
            let settings = NewGroup {
                kind: group.kind,
                label: None,
                threshold: 3,
                comment_threshold: 3,
                identifiable: group.identifiable,
            };
            let group_id = done(
                store.add_group(id, leader, &settings).await.map_err(fail)?,
                "a group",
            )?;
            for (email, name) in group.raters {
                // Nobody will ever open these links: a digest of a secret nobody holds.
                let digest = leidraad_app::new_secret().digest();
                let link = NewLink {
                    group: group_id,
                    token_digest: &digest,
                    email: Some(email),
                    name,
                    now: created,
                };
                let link = done(
                    store.add_link(id, leader, &link).await.map_err(fail)?,
                    "a rater",
                )?;
                // Invited the day after: the mailed link would carry a token of its own.
                let mailed = leidraad_app::new_secret().digest();
                store
                    .issue_link(link, &mailed, created + DAY)
                    .await
                    .map_err(fail)?;
            }
        }
        done(
            store
                .set_state(
                    id,
                    leader,
                    RoundState::Concept,
                    RoundState::Open,
                    None,
                    created + DAY,
                )
                .await
                .map_err(fail)?,
            "opening",
        )?;
        Ok(id)
    }

    /// Every link of the round answers, from `skip` on, at most `limit` per group.
    async fn answer_all(&self, round: i64, skip: usize, limit: usize) -> Result<(), String> {
        let links = self.store.links_of(round).await.map_err(fail)?;
        let groups = self.store.groups_of(round).await.map_err(fail)?;
        for group in &groups {
            let in_group = links.iter().filter(|l| l.group_id == group.id);
            for (index, link) in in_group.enumerate().skip(skip).take(limit) {
                self.answer(round, link.id, index, group.kind == "bestuur")
                    .await?;
            }
        }
        Ok(())
    }

    /// Only `counts[i]` links of the i-th group answer.
    async fn answer_some(&self, round: i64, counts: &[usize]) -> Result<(), String> {
        let links = self.store.links_of(round).await.map_err(fail)?;
        let groups = self.store.groups_of(round).await.map_err(fail)?;
        for (group, count) in groups.iter().zip(counts) {
            let in_group = links.iter().filter(|l| l.group_id == group.id);
            for (index, link) in in_group.enumerate().take(*count) {
                self.answer(round, link.id, index, false).await?;
            }
        }
        Ok(())
    }

    /// A whole form: a rating per card close to the leader's own, with a few cards where
    /// the team sees less (blind spots) or more (hidden strengths) than the leader, and some
    /// spread between raters; a board member cannot judge a few classroom cards. The same on
    /// every run.
    async fn answer(&self, round: i64, link: i64, rater: usize, board: bool) -> Result<(), String> {
        let record = self
            .store
            .round(round)
            .await
            .map_err(fail)?
            .ok_or("the demo round")?;
        let own = self.store.self_answers(round).await.map_err(fail)?;
        let answers: Vec<(String, i64)> = record
            .cards
            .iter()
            .enumerate()
            .map(|(i, card)| {
                let mine = own.iter().find(|(c, _)| c == card).map_or(3, |(_, a)| *a);
                let answer = if board && i % 9 == 4 {
                    0
                } else {
                    rating(i, rater, mine)
                };
                (card.clone(), answer)
            })
            .collect();
        let comments: Vec<(String, String)> = COMMENTS
            .iter()
            .skip(rater % 2)
            .step_by(2)
            .filter(|(domain, _)| {
                domain.is_empty() || record.cards.iter().any(|c| c.starts_with(domain))
            })
            .map(|(domain, text)| ((*domain).to_owned(), (*text).to_owned()))
            .fold(
                Vec::new(),
                |mut chosen: Vec<(String, String)>, (domain, text)| {
                    if !chosen.iter().any(|(d, _)| *d == domain) {
                        chosen.push((domain, text));
                    }
                    chosen
                },
            );
        let id = leidraad_app::new_secret().expose()[..32].to_owned();
        let change = self
            .store
            .submit(link, &id, Some(&answers), Some(&comments))
            .await
            .map_err(fail)?;
        done(change, "an answer")
    }

    /// Takes the leader's last finished reflection as their self-rating.
    async fn self_from_last_reflection(&self, leader: PersonId, round: i64) -> Result<(), String> {
        let reflections = self.store.reflections_of(leader).await.map_err(fail)?;
        let Some(last) = reflections
            .iter()
            .filter(|r| r.finished_at.is_some())
            .max_by_key(|r| r.finished_at)
        else {
            return Ok(());
        };
        done(
            self.store
                .copy_self_from_reflection(round, leader, last.id)
                .await
                .map_err(fail)?,
            "the self-rating",
        )
        .map(|_| ())
    }

    async fn release(&self, library: &Library, round: i64, at: i64) -> Result<(), String> {
        let record = self
            .store
            .round(round)
            .await
            .map_err(fail)?
            .ok_or("the demo round")?;
        leidraad_app::feedback::release_round(self.store, library, &record, None, at)
            .await
            .map_err(|e| leidraad_app::error_chain(&e))
    }
}

/// A rater's rating of the card at `index`: the leader's own `mine`, one lower on every
/// eleventh card (a blind spot) and one higher on every thirteenth (a hidden strength), and
/// for some raters one step either way.
fn rating(index: usize, rater: usize, mine: i64) -> i64 {
    let shift = match (index % 11, index % 13) {
        (3, _) => -1,
        (_, 7) => 1,
        _ => 0,
    };
    let noise = match (index + rater * 5) % 7 {
        0 => -1,
        1 => 1,
        _ => 0,
    };
    (mine + shift * 2 + noise).clamp(1, 4)
}
