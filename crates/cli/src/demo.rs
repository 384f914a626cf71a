//! `leidraad demo`: a demo organisation in which a newcomer can sign in as every role at once.
//! The people and their shared password are listed in the README. Each capability seeds its
//! own part in a module of its own: the people, schools and memberships in [`people`], the
//! reflections in [`reflections`], the team scans in [`space_scans`].

use leidraad_domain::Library;
use leidraad_store::Store;

use crate::admin::now;

mod dialogues;
mod feedback;
mod learning_log;
mod people;
mod plans;
mod reflections;
mod space_scans;

pub const DEMO_PASSWORD: &str = "leidraad-demo-2026";
pub const DEMO_ORGANISATION: &str = "Stichting Rivierenland (demo)";

const DAY: i64 = 86_400;

/// Fills the database once; a second run sees the demo admin and leaves everything alone.
pub async fn seed(store: &Store, library: &Library) -> Result<(), String> {
    if store
        .person_by_email(people::PEOPLE[0].0)
        .await
        .map_err(|e| leidraad_app::error_chain(&e))?
        .is_some()
    {
        println!("The demo is already in this database.");
        return Ok(());
    }
    let now = now();
    let members = people::seed(store, now).await?;
    reflections::seed(store, library, &members, now).await?;
    feedback::seed(store, library, &members, now).await?;
    dialogues::seed(store, library, &members, now).await?;
    space_scans::seed(store, library, &members, now).await?;
    plans::seed(store, library, &members, now).await?;
    learning_log::seed(store, library, &members, now).await?;
    println!(
        "Demo ready: {DEMO_ORGANISATION}, {} people; every password is {DEMO_PASSWORD}",
        people::PEOPLE.len()
    );
    for (email, name, roles, _) in people::PEOPLE.iter().take(5) {
        let roles: Vec<&str> = roles.iter().map(|r| r.code()).collect();
        println!("  {email:<42} {name} ({})", roles.join(", "));
    }
    Ok(())
}
