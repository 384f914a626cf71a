//! The demo's live dialogues: Sanne's team meeting with the dialogue cards two weeks ago
//! (Trek een kaart, ended, its summary shared and kept in her portfolio with a note), the
//! coach's intervision three weeks ago (Mehmet's case; he and Sanne joined signed in, so it
//! waits in their logs), the coach's intervision of school leaders that is running now
//! (Sanne brings the case; they are exploring it with the cards, one contribution waits for
//! the coach), and Mehmet's Kies je kaart with his team, whose picks were shown without names.

use leidraad_domain::Library;
use leidraad_domain::accounts::PersonId;
use leidraad_domain::dialogue::{Event, Phase, TimerState};
use leidraad_store::Store;
use leidraad_store::dialogues::{NewDialogue, Outcome, StoredEvent};

use super::DAY;
use super::people::Members;

/// What was said at one card: by whom (an index into the team, 9 for the one who joined
/// anonymously), whether anonymously, and the text.
type Said<'a> = &'a [(usize, bool, &'a str)];

/// Index into the demo's people (see `people::PEOPLE`).
const SANNE: usize = 2;
const MEHMET: usize = 3;
const COACH: usize = 4;

fn err(e: impl std::error::Error) -> String {
    leidraad_app::error_chain(&e)
}

fn done<T>(outcome: Outcome<T>) -> Result<T, String> {
    match outcome {
        Outcome::Done(value) => Ok(value),
        _ => Err("a demo dialogue could not be filled".into()),
    }
}

struct Demo<'a> {
    store: &'a Store,
    id: i64,
    facilitator: PersonId,
    at: i64,
}

impl Demo<'_> {
    async fn record(&mut self, event: Event) -> Result<StoredEvent, String> {
        self.at += 60;
        done(
            self.store
                .record_dialogue_event(self.id, self.facilitator, &event, self.at)
                .await
                .map_err(err)?,
        )
    }

    async fn join(&mut self, name: Option<&str>, person: Option<PersonId>) -> Result<i64, String> {
        self.at += 5;
        let token = format!("demo-{}-{}", self.id, leidraad_app::new_secret().digest());
        Ok(done(
            self.store
                .join_dialogue(self.id, &token, name, person, self.at)
                .await
                .map_err(err)?,
        )?
        .0)
    }

    /// A contribution the facilitator showed to the room.
    async fn said(
        &mut self,
        by: i64,
        anonymous: bool,
        card: &str,
        text: &str,
    ) -> Result<(), String> {
        self.at += 30;
        let phase = None;
        let event = done(
            self.store
                .add_contribution(by, anonymous, Some(card), phase, text, self.at)
                .await
                .map_err(err)?,
        )?;
        if let Ok(Event::Submitted { contribution }) = event.event() {
            self.record(Event::Shown { contribution }).await?;
        }
        Ok(())
    }
}

/// Starts a dialogue of `facilitator`'s at `at`; what happens in it is recorded from there.
async fn start<'a>(
    store: &'a Store,
    library: &Library,
    facilitator: PersonId,
    format: &str,
    title: &str,
    deck: &[String],
    at: i64,
) -> Result<Demo<'a>, String> {
    let framework = library.default_framework().ok_or("no framework")?;
    let code = leidraad_domain::dialogue::JoinCode::from_random(
        u32::try_from(code_number(at)).unwrap_or(0),
    );
    let id = store
        .create_dialogue(&NewDialogue {
            person: facilitator,
            framework_id: &framework.id,
            format,
            title,
            deck,
            join_code: code.as_str(),
            allow_anonymous: true,
            anonymous_picks: format == "kies-je-kaart",
            minutes: 3,
            now: at,
        })
        .await
        .map_err(err)?;
    Ok(Demo {
        store,
        id,
        facilitator,
        at,
    })
}

/// A code that differs per demo dialogue (they start at different times); the store refuses
/// a code that is taken.
fn code_number(seed: i64) -> i64 {
    (seed.wrapping_mul(2_654_435_761) & 0x7fff_ffff) % 1_000_000
}

pub(super) async fn seed(
    store: &Store,
    library: &Library,
    members: &Members,
    now: i64,
) -> Result<(), String> {
    let framework = library.default_framework().ok_or("no framework")?;
    let dialogue_cards: Vec<String> = framework
        .dialogue_cards
        .iter()
        .map(|c| c.id.clone())
        .collect();
    team_meeting(store, library, members, &dialogue_cards, now - 14 * DAY).await?;
    last_intervision(store, library, members, &dialogue_cards, now - 21 * DAY).await?;
    intervision(store, library, members, &dialogue_cards, now - 20 * 60).await?;
    pick_your_card(store, library, members, &dialogue_cards, now - 6 * DAY).await
}

async fn team_meeting(
    store: &Store,
    library: &Library,
    members: &Members,
    deck: &[String],
    at: i64,
) -> Result<(), String> {
    let sanne = members.people[SANNE];
    let mut demo = start(
        store,
        library,
        sanne,
        "trek-een-kaart",
        "Teamoverleg: ons vak",
        deck,
        at,
    )
    .await?;
    let id = demo.id;
    demo.record(Event::Timer {
        timer: TimerState::new(3, at * 1000),
    })
    .await?;
    let mut team = Vec::new();
    for name in ["Daan", "Fatima", "Joost", "Lotte", "Priya"] {
        team.push(demo.join(Some(name), None).await?);
    }
    let quiet = demo.join(None, None).await?;
    let turns: [(&str, &str, Said<'_>); 3] = [
        (
            "dialoog-02",
            "Daan",
            &[
                (
                    1,
                    false,
                    "Dat kinderen hier gezien worden, ook als het even niet lukt.",
                ),
                (9, true, "Ik mis soms hoe die visie in de klas landt."),
            ],
        ),
        (
            "dialoog-05",
            "Fatima",
            &[(
                3,
                false,
                "Rust in het rooster zou helpen: minder thema's tegelijk.",
            )],
        ),
        (
            "dialoog-09",
            "Joost",
            &[
                (4, false, "Vaker bij elkaar in de klas kijken."),
                (
                    9,
                    true,
                    "Durven zeggen dat iets niet werkt, zonder dat het persoonlijk wordt.",
                ),
            ],
        ),
    ];
    for (round, (card, speaker, said)) in turns.iter().enumerate() {
        demo.record(Event::Card {
            card: (*card).into(),
            round: u32::try_from(round + 1).unwrap_or(1),
            speaker: Some((*speaker).into()),
        })
        .await?;
        for (who, anonymous, text) in *said {
            let by = if *who == 9 { quiet } else { team[*who] };
            demo.said(by, *anonymous, card, text).await?;
        }
    }
    demo.record(Event::Ended).await?;
    demo.record(Event::Shared).await?;
    store
        .save_dialogue(
            sanne,
            id,
            "Rust in de jaarplanning komt steeds terug. Meenemen naar het ontwikkelplan.",
            demo.at,
        )
        .await
        .map_err(err)
}

/// Three weeks ago (within the 30 days an unsaved dialogue is kept): Mehmet brought a case
/// to the coach's intervision and Sanne joined, both signed in under their own names, so the
/// ended dialogue waits in both their logs.
async fn last_intervision(
    store: &Store,
    library: &Library,
    members: &Members,
    deck: &[String],
    at: i64,
) -> Result<(), String> {
    let coach = members.people[COACH];
    let title = "Intervisie schoolleiders: de lastige ouder";
    let mut demo = start(store, library, coach, "intervisie", title, deck, at).await?;
    let mehmet = demo
        .join(Some("Mehmet Yılmaz"), Some(members.people[MEHMET]))
        .await?;
    demo.join(Some("Sanne de Vries"), Some(members.people[SANNE]))
        .await?;
    for phase in [
        Phase::Case,
        Phase::Questions,
        Phase::Exploring,
        Phase::Advice,
    ] {
        demo.record(Event::Phase {
            phase,
            bringer: Some(mehmet),
        })
        .await?;
    }
    demo.record(Event::Ended).await?;
    Ok(())
}

async fn intervision(
    store: &Store,
    library: &Library,
    members: &Members,
    deck: &[String],
    at: i64,
) -> Result<(), String> {
    let coach = members.people[COACH];
    let mut demo = start(
        store,
        library,
        coach,
        "intervisie",
        "Intervisie schoolleiders",
        deck,
        at,
    )
    .await?;
    demo.record(Event::Phase {
        phase: Phase::Case,
        bringer: None,
    })
    .await?;
    let sanne = demo
        .join(Some("Sanne de Vries"), Some(members.people[SANNE]))
        .await?;
    let mehmet = demo
        .join(Some("Mehmet Yılmaz"), Some(members.people[MEHMET]))
        .await?;
    demo.join(Some("Rianne"), None).await?;
    demo.record(Event::Phase {
        phase: Phase::Case,
        bringer: Some(sanne),
    })
    .await?;
    for phase in [Phase::Questions, Phase::Exploring] {
        demo.record(Event::Phase {
            phase,
            bringer: Some(sanne),
        })
        .await?;
    }
    let now_ms = (demo.at + 60) * 1000;
    let timer = TimerState::new(Phase::Exploring.default_minutes(), now_ms).start(now_ms);
    demo.record(Event::Timer { timer }).await?;
    demo.record(Event::Card {
        card: "dialoog-11".into(),
        round: 1,
        speaker: None,
    })
    .await?;
    demo.at += 30;
    store
        .add_contribution(
            mehmet,
            false,
            Some("dialoog-11"),
            Some(Phase::Exploring),
            "Welke kaart past bij het gesprek met de ouders?",
            demo.at,
        )
        .await
        .map_err(err)?;
    Ok(())
}

async fn pick_your_card(
    store: &Store,
    library: &Library,
    members: &Members,
    deck: &[String],
    at: i64,
) -> Result<(), String> {
    let mehmet = members.people[MEHMET];
    let mut demo = start(
        store,
        library,
        mehmet,
        "kies-je-kaart",
        "Studiemiddag: wat zie je in elkaar?",
        deck,
        at,
    )
    .await?;
    let id = demo.id;
    demo.record(Event::Timer {
        timer: TimerState::new(5, at * 1000),
    })
    .await?;
    let picks: [(&str, &[&str], Option<&str>); 4] = [
        ("Bram", &["dialoog-02", "dialoog-07"], None),
        ("Emma", &["dialoog-07"], Some("Noah")),
        ("Noah", &["dialoog-07", "dialoog-12", "dialoog-02"], None),
        ("Sara", &["dialoog-12"], Some("Bram")),
    ];
    for (name, cards, colleague) in picks {
        let who = demo.join(Some(name), None).await?;
        let chosen: Vec<(String, Option<String>)> = cards
            .iter()
            .map(|c| ((*c).to_owned(), colleague.map(str::to_owned)))
            .collect();
        demo.at += 20;
        done(store.set_picks(who, &chosen, demo.at).await.map_err(err)?)?;
    }
    let picks: Vec<_> = store
        .picks(id)
        .await
        .map_err(err)?
        .into_iter()
        .map(|p| p.1)
        .collect();
    let tallies = leidraad_domain::dialogue::tally(deck, &picks, true);
    demo.record(Event::Picks { tallies }).await?;
    demo.record(Event::Ended).await?;
    demo.record(Event::Shared).await?;
    Ok(())
}
