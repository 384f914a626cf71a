//! The formats with more than cards: Kies je kaart and Intervisie.

use reqwest::StatusCode;

use super::{LEADER, code_of, control, join, participant_post, start};
use crate::accounts::{Browser, world};
use crate::helpers::{spawn_app, text_of};

#[tokio::test]
async fn pick_your_card_shows_the_picks_by_name_or_only_how_often() {
    let app = spawn_app().await;
    world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    for anonymous in [false, true] {
        let extra: &[(&str, &str)] = if anonymous {
            &[("anonymous_picks", "ja")]
        } else {
            &[]
        };
        let id = start(&leader, "kies-je-kaart", extra).await;
        let code = code_of(&leader, id).await;
        let ayla = join(&app, &code, "Ayla", false).await;
        let bram = join(&app, &code, "Bram", false).await;
        let picks = [
            ("kaart", "dialoog-01"),
            ("kaart", "dialoog-02"),
            ("collega", "Bram"),
        ];
        assert_eq!(
            participant_post(&app, &ayla, "keuze", &picks).await,
            StatusCode::NO_CONTENT
        );
        let own = [("kaart", "dialoog-02")];
        assert_eq!(
            participant_post(&app, &bram, "keuze", &own).await,
            StatusCode::NO_CONTENT
        );
        let screen = text_of(
            &leader
                .get(&format!("/dialogen/{id}"))
                .await
                .text()
                .await
                .unwrap(),
        );
        assert!(screen.contains("2 deelnemers hebben gekozen"), "{screen}");
        assert_eq!(
            control(&leader, id, "keuzes-tonen", &[]).await,
            StatusCode::NO_CONTENT
        );
        let phone = text_of(&app.get_html(&format!("/d/{bram}")).await);
        assert!(phone.contains("2 keer gekozen"), "{phone}");
        assert_eq!(
            phone.contains("Ayla ziet dit in Bram"),
            !anonymous,
            "{phone}"
        );
    }
}

#[tokio::test]
async fn an_intervision_moves_through_its_phases_and_keeps_the_bringers_take_away() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, "intervisie", &[]).await;
    let code = code_of(&leader, id).await;
    // A colleague who is signed in joins as themselves.
    let colleague = Browser::signed_in(&app, "staff@a.example").await;
    let joined = colleague.post("/meedoen", &[("code", &code)]).await;
    assert_eq!(joined.status(), StatusCode::SEE_OTHER);
    let bringer = joined.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/d/")
        .to_owned();
    let participant = app.store.participants(id).await.unwrap().remove(0);
    assert!(participant.person_id.is_some());
    let pid = participant.id.to_string();
    assert_eq!(
        control(&leader, id, "inbrenger", &[("deelnemer", &pid)]).await,
        StatusCode::NO_CONTENT
    );
    let phases = [
        "Verhelderende vragen",
        "Verkennen met de kaarten",
        "Advies of reflectie",
        "Wat neem je mee?",
    ];
    for phase in phases {
        assert_eq!(
            control(&leader, id, "fase", &[]).await,
            StatusCode::NO_CONTENT
        );
        let page = text_of(&app.get_html(&format!("/d/{bringer}")).await);
        assert!(page.contains(phase), "{phase}: {page}");
    }
    assert_eq!(
        control(&leader, id, "fase", &[]).await,
        StatusCode::CONFLICT,
        "the last phase"
    );
    let take_away = "Ik ga het gesprek met de ouders eerder voeren.";
    assert_eq!(
        participant_post(&app, &bringer, "notitie", &[("note", take_away)]).await,
        StatusCode::NO_CONTENT
    );
    let person = world.people["staff"].1;
    let saved = app.store.saved_dialogues(person).await.unwrap();
    assert_eq!(
        saved.len(),
        1,
        "the take-away is in the bringer's portfolio"
    );
    assert_eq!(saved[0].note, take_away);
    assert!(text_of(&app.get_html(&format!("/d/{bringer}")).await).contains(take_away));
}
