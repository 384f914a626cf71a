//! The person behind a request, and everything the policy needs about them. Use cases take a
//! [`Viewer`] and ask [`Viewer::may`]; they never look at roles themselves.

use leidraad_domain::accounts::{
    Action, Actor, DenyReason, Membership, OrganisationId, PersonId, Target, decide,
};
use leidraad_store::accounts::{MembershipRecord, ViewerRecord};

use leidraad_store::Store;

use crate::Error;

#[derive(Debug)]
pub struct Viewer {
    pub person: PersonId,
    pub name: String,
    pub email: String,
    pub actor: Actor,
    pub memberships: Vec<MembershipRecord>,
    /// The browser session, when signed in by cookie; `None` for an API token.
    pub session: Option<SessionInfo>,
}

#[derive(Debug, Clone)]
pub struct SessionInfo {
    pub id: i64,
    pub csrf_token: String,
}

impl Viewer {
    /// Asks the policy. A denial that must not reveal the target becomes `NotFound`, exactly
    /// as if the target did not exist; a member without the right role gets `Forbidden`.
    pub fn may(&self, action: Action, target: &Target<'_>) -> Result<(), Error> {
        decide(&self.actor, action, target)
            .into_result()
            .map_err(denial)
    }

    pub fn allowed(&self, action: Action, target: &Target<'_>) -> bool {
        decide(&self.actor, action, target).is_allowed()
    }

    /// The person's membership in `organisation`, or `NotFound` when there is none.
    pub fn membership(&self, organisation: OrganisationId) -> Result<&MembershipRecord, Error> {
        self.memberships
            .iter()
            .find(|m| m.organisation.organisation_id() == organisation)
            .ok_or(Error::NotFound)
    }

    pub fn csrf_token(&self) -> Option<&str> {
        self.session.as_ref().map(|s| s.csrf_token.as_str())
    }
}

fn denial(reason: DenyReason) -> Error {
    if reason.hides_existence() {
        Error::NotFound
    } else {
        Error::Forbidden
    }
}

pub fn actor_of(person: PersonId, memberships: &[MembershipRecord]) -> Actor {
    memberships.iter().fold(Actor::new(person), |actor, m| {
        actor.with_membership(
            Membership::new(m.organisation.organisation_id(), m.roles)
                .in_schools(m.schools.iter().copied()),
        )
    })
}

/// Loads everything the policy needs about a person, in one statement; `None` when the
/// account is gone.
pub async fn load_viewer(
    store: &Store,
    person: PersonId,
    session: Option<SessionInfo>,
) -> Result<Option<Viewer>, Error> {
    let record = store.viewer(person).await?;
    Ok(record.map(|record| Viewer::from_record(record, session)))
}

impl Viewer {
    /// The viewer as the store read it (with a credential, or by id).
    pub fn from_record(record: ViewerRecord, session: Option<SessionInfo>) -> Viewer {
        Viewer {
            person: record.person,
            name: record.name,
            email: record.email,
            actor: actor_of(record.person, &record.memberships),
            memberships: record.memberships,
            session,
        }
    }
}
