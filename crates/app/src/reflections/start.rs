//! Starting a reflection: where, on which framework and domains, and from which earlier one.

use leidraad_domain::Framework;
use leidraad_domain::accounts::{Action, OrganisationId, Target};
use leidraad_store::reflections::NewReflection;

use crate::App;
use crate::Error;
use crate::Viewer;

/// What starting a reflection asks for: where, which framework (the default one when
/// `None`), which domains (all when empty), and an earlier reflection of one's own to start
/// from.
pub struct NewReflectionRequest<'a> {
    pub organisation: OrganisationId,
    pub framework: Option<&'a str>,
    pub domains: &'a [String],
    pub prefill_from: Option<i64>,
    /// The person knows a moment on this framework is still open and wants another anyway.
    pub confirmed: bool,
}

/// Starts a reflection; the page's form and the API share it. One moment per framework is
/// open at a time, unless the person confirms another: two half-sorted moments side by side
/// are nearly always a moment forgotten, not one wanted (409 `reflection-open-exists`).
pub async fn start(
    state: &App,
    viewer: &Viewer,
    request: &NewReflectionRequest<'_>,
) -> Result<i64, Error> {
    let organisation = request.organisation;
    viewer.may(Action::StartReflection, &Target::organisation(organisation))?;
    let framework = match request.framework {
        Some(id) => state.library.framework(id),
        None => state.library.default_framework(),
    }
    .ok_or(Error::BadRequest {
        code: "framework-unknown",
    })?;
    let domains = chosen_domains(framework, request.domains.iter().map(String::as_str))?;
    if !request.confirmed {
        let own = state.store.reflections_of(viewer.person).await?;
        if own
            .iter()
            .any(|r| r.framework_id == framework.id && r.finished_at.is_none())
        {
            return Err(Error::Conflict {
                code: "reflection-open-exists",
            });
        }
    }
    state
        .store
        .create_reflection(NewReflection {
            person: viewer.person,
            organisation: Some(organisation),
            framework_id: &framework.id,
            content_fingerprint: &framework.fingerprint,
            domains: &domains,
            now: state.clock.now(),
            prefill_from: request.prefill_from,
        })
        .await?
        .ok_or(Error::BadRequest {
            code: "prefill-unknown",
        })
}

/// The domains to reflect on: all of the framework's, or the chosen ones in its order. An
/// unknown domain id is refused.
pub fn chosen_domains<'a>(
    framework: &Framework,
    chosen: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<String>, Error> {
    let chosen: Vec<&str> = chosen.into_iter().filter(|c| !c.is_empty()).collect();
    if chosen.iter().any(|c| framework.domain(c).is_none()) {
        return Err(Error::BadRequest {
            code: "domain-unknown",
        });
    }
    Ok(framework
        .domains
        .iter()
        .filter(|d| chosen.is_empty() || chosen.contains(&d.id.as_str()))
        .map(|d| d.id.clone())
        .collect())
}
