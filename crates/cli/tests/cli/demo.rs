//! `leidraad demo`: two schools and every role, seeded once.

use crate::{leidraad, run, store_in, temp_dir};

#[tokio::test]
async fn the_demo_has_two_schools_and_every_role_and_seeds_once() {
    let data = temp_dir();
    for _ in 0..2 {
        let (output, _, stderr) = run(leidraad()
            .args(["demo", "--seed-only", "--data-dir"])
            .arg(&data));
        assert!(output.status.success(), "{stderr}");
    }
    let store = store_in(&data).await;
    assert_eq!(store.count_people().await.unwrap(), 15);
    let admin = store
        .person_by_email("beheerder@leidraad.example")
        .await
        .unwrap()
        .unwrap();
    let organisation = store.memberships_of(admin.id).await.unwrap()[0]
        .organisation
        .organisation_id();
    assert_eq!(store.schools(organisation).await.unwrap().len(), 2);
    let members = store.members(organisation).await.unwrap();
    assert_eq!(members.len(), 15);
    for role in ["admin", "board-member", "school-leader", "coach", "staff"] {
        let holders = members
            .iter()
            .filter(|m| m.roles.to_codes() == role)
            .count();
        let expected = match role {
            "staff" => 10,
            "school-leader" => 2,
            _ => 1,
        };
        assert_eq!(holders, expected, "{role}");
    }
    let sanne = store
        .person_by_email("schoolleider.linde@leidraad.example")
        .await
        .unwrap()
        .unwrap();
    let moments = store.reflections_of(sanne.id).await.unwrap();
    assert_eq!(moments.len(), 2, "last year's moment and one in progress");
    assert!(moments[0].finished_at.is_some() && moments[1].finished_at.is_none());
    assert_eq!(store.answers(moments[0].id).await.unwrap().len(), 80);
    assert_eq!(store.focus_cards(moments[0].id).await.unwrap().len(), 3);
    assert_eq!(
        store.reflection_viewers(moments[0].id).await.unwrap().len(),
        2,
        "shared with board member and coach"
    );
    let password = leidraad_domain::accounts::PasswordHash::from_stored(admin.password_hash);
    assert!(
        leidraad_domain::accounts::verify_password("leidraad-demo-2026", &password),
        "the README's password"
    );
    store.close().await;
    std::fs::remove_dir_all(&data).unwrap();
}
