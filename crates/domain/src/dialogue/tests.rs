use super::state::tally;
use super::*;
use crate::{SourceFile, load_library};

fn library() -> crate::Library {
    let file = |name: &str, text: &str| SourceFile {
        path: format!("beroepsstandaard-schoolleiders/{name}"),
        text: text.into(),
    };
    load_library(&[
        file(
            "framework.toml",
            include_str!("../../../../content/beroepsstandaard-schoolleiders/framework.toml"),
        ),
        file(
            "cards.toml",
            include_str!("../../../../content/beroepsstandaard-schoolleiders/cards.toml"),
        ),
        file(
            "dialogue-cards.toml",
            include_str!("../../../../content/beroepsstandaard-schoolleiders/dialogue-cards.toml"),
        ),
    ])
    .expect("the real content loads")
}

#[test]
fn join_codes_are_six_digits_and_spaces_are_ignored() {
    assert_eq!(JoinCode::parse("123 456").unwrap().as_str(), "123456");
    assert_eq!(JoinCode::parse(" 012345 ").unwrap().spaced(), "012 345");
    for bad in ["", "12345", "1234567", "12a456", "١٢٣٤٥٦", "123-456"] {
        assert_eq!(
            JoinCode::parse(bad),
            Err(DialogueError::CodeInvalid),
            "{bad}"
        );
    }
    assert_eq!(JoinCode::from_random(7).as_str(), "000007");
    assert_eq!(JoinCode::from_random(u32::MAX).as_str(), "967295");
}

#[test]
fn typed_text_refuses_control_characters_and_empty_names() {
    assert!(DisplayName::parse("  Ayla ").is_ok());
    for bad in ["", "   ", "a\u{0}b", "a\nb", &"x".repeat(41)] {
        assert_eq!(DisplayName::parse(bad), Err(DialogueError::NameInvalid));
    }
    assert!(ContributionText::parse("Een vraag:\nwaarom?").is_ok());
    for bad in ["", "\u{1b}[31m", &"x".repeat(601)] {
        assert_eq!(
            ContributionText::parse(bad),
            Err(DialogueError::ContributionInvalid)
        );
    }
    assert!(NoteText::parse("").is_ok());
    assert_eq!(NoteText::parse("\u{7}"), Err(DialogueError::NoteInvalid));
    assert_eq!(parse_minutes("0"), Err(DialogueError::MinutesInvalid));
    assert_eq!(parse_minutes("61"), Err(DialogueError::MinutesInvalid));
    assert_eq!(parse_minutes(" 3 "), Ok(3));
}

#[test]
fn formats_and_phases_round_trip_through_their_codes() {
    for format in Format::ALL {
        assert_eq!(Format::parse(format.code()), Ok(format));
    }
    assert_eq!(Format::parse("trek"), Err(DialogueError::FormatUnknown));
    let mut phases = vec![Phase::Case];
    while let Some(next) = phases.last().unwrap().next() {
        phases.push(next);
    }
    assert_eq!(phases, Phase::ALL);
    assert_eq!(Phase::TakeAway.number(), 5);
    assert_eq!(Format::Intervision.first_phase(), Some(Phase::Case));
    assert_eq!(Format::Draw.first_phase(), None);
}

#[test]
fn a_deck_is_made_of_parts_each_card_once_and_never_empty() {
    let library = library();
    let framework = &library.frameworks[0];
    let dialogue = build_deck(framework, &[DeckPart::DialogueCards], &[]).unwrap();
    assert_eq!(dialogue.len(), 22);
    let domain = framework.domains[0].id.clone();
    let part = DeckPart::parse(framework, &format!("domein:{domain}")).unwrap();
    let focus = vec![framework.cards[0].id.clone(), "eigen-kaart-7".to_owned()];
    let mixed = build_deck(
        framework,
        &[DeckPart::DialogueCards, part.clone(), DeckPart::Focus, part],
        &focus,
    )
    .unwrap();
    let in_domain = framework.cards_of(&domain).count();
    assert_eq!(mixed.len(), 22 + in_domain);
    assert_eq!(
        build_deck(framework, &[DeckPart::Focus], &[]),
        Err(DialogueError::DeckEmpty)
    );
    assert_eq!(
        DeckPart::parse(framework, "domein:bestaat-niet"),
        Err(DialogueError::DeckPartUnknown)
    );
    assert!(card_text(framework, &mixed[0], Language::Nl).is_some());
    assert!(card_text(framework, "onbekend", Language::Nl).is_none());
}

#[test]
fn drawing_never_repeats_a_card_until_the_deck_is_used_up() {
    let deck: Vec<String> = (1..=22).map(|i| format!("dialoog-{i:02}")).collect();
    let mut shown: Vec<String> = Vec::new();
    for roll in [u64::MAX, 0, 7, 1 << 40].iter().cycle().take(22) {
        let card = draw(&deck, &shown, *roll).unwrap().to_owned();
        assert!(!shown.contains(&card));
        shown.push(card);
    }
    assert_eq!(draw(&deck, &shown, 3), None);
}

#[test]
fn the_timer_counts_down_pauses_and_resets() {
    let timer = TimerState::new(3, 1_000);
    assert_eq!(timer.remaining_at(99_000), 180_000);
    let running = timer.start(10_000);
    assert_eq!(running.remaining_at(70_000), 120_000);
    assert_eq!(running.remaining_at(500_000), 0);
    let paused = running.pause(70_000);
    assert_eq!(paused.remaining_at(900_000), 120_000);
    assert_eq!(paused.start(900_000).remaining_at(960_000), 60_000);
    assert_eq!(paused.reset(5).remaining_ms, 180_000);
    // A timer that ran out starts over.
    assert_eq!(running.start(500_000).remaining_ms, 180_000);
}

fn view(id: i64, name: Option<&str>) -> ContributionView {
    ContributionView {
        id,
        card: Some("dialoog-01".into()),
        phase: None,
        text: format!("bijdrage {id}"),
        name: name.map(Into::into),
    }
}

#[test]
fn the_state_is_the_sum_of_the_events() {
    let events = [
        Event::Joined {
            participant: 1,
            name: Some("Ayla".into()),
        },
        Event::Joined {
            participant: 2,
            name: None,
        },
        Event::Joined {
            participant: 3,
            name: Some("Bram".into()),
        },
        Event::Card {
            card: "dialoog-04".into(),
            round: 1,
            speaker: Some("Ayla".into()),
        },
        Event::Submitted {
            contribution: view(10, None),
        },
        Event::Submitted {
            contribution: view(11, Some("Bram")),
        },
        Event::Shown {
            contribution: view(10, None),
        },
        Event::Removed { participant: 1 },
        Event::Locked { locked: true },
    ];
    let state = DialogueState::of(events.iter().enumerate().map(|(i, e)| (i as i64 + 1, e)));
    assert_eq!(state.seq, 9);
    assert!(state.locked);
    assert_eq!(state.current_card().unwrap().card, "dialoog-04");
    assert_eq!(state.present().count(), 2);
    assert!(!state.is_present(1));
    assert_eq!(
        state.room_contributions().map(|c| c.id).collect::<Vec<_>>(),
        [10]
    );
    assert_eq!(state.waiting().map(|c| c.id).collect::<Vec<_>>(), [11]);
    // Ayla left: the named who are present take turns, the anonymous never.
    assert_eq!(state.next_speaker().as_deref(), Some("Bram"));
}

#[test]
fn only_facilitator_events_stay_off_the_room_screens() {
    let submitted = Event::Submitted {
        contribution: view(1, None),
    };
    assert_eq!(submitted.audience(), Audience::Facilitator);
    assert_eq!(
        Event::Picked { participants: 2 }.audience(),
        Audience::Facilitator
    );
    assert_eq!(Event::Ended.audience(), Audience::Room);
    assert_eq!(submitted.contribution(), Some(1));
    for audience in [Audience::Room, Audience::Facilitator] {
        assert_eq!(Audience::parse(audience.code()), Some(audience));
    }
}

#[test]
fn events_keep_their_kind_through_serde() {
    let event = Event::Card {
        card: "dialoog-01".into(),
        round: 2,
        speaker: None,
    };
    let text = toml::to_string(&event).expect("serializes");
    assert!(text.contains("kind = \"card\""), "{text}");
    assert_eq!(toml::from_str::<Event>(&text).unwrap(), event);
    assert_eq!(event.kind(), "card");
}

#[test]
fn picks_are_tallied_most_picked_first_and_anonymous_picks_show_only_counts() {
    let deck: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
    let pick = |name: Option<&str>, card: &str, colleague: Option<&str>| Pick {
        name: name.map(Into::into),
        card: card.into(),
        colleague: colleague.map(Into::into),
    };
    let picks = [
        pick(Some("Ayla"), "b", None),
        pick(None, "b", Some("Bram")),
        pick(Some("Bram"), "c", None),
        pick(Some("Ayla"), "a", None),
    ];
    let named = tally(&deck, &picks, false);
    assert_eq!(
        named
            .iter()
            .map(|t| (t.card.as_str(), t.count))
            .collect::<Vec<_>>(),
        [("b", 2), ("a", 1), ("c", 1)]
    );
    assert_eq!(named[0].by[1].colleague.as_deref(), Some("Bram"));
    let anonymous = tally(&deck, &picks, true);
    assert!(anonymous.iter().all(|t| t.by.is_empty()));
}
