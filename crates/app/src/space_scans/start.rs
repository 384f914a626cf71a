//! Starting a scan, and what its owner sees of it while it runs: how many answered, never who.

use leidraad_domain::accounts::{Action, OrganisationId, SchoolId, Target};
use leidraad_domain::feedback::closing_moment;
use leidraad_domain::space_scan::{ScanSettings, parse_label};
use leidraad_store::space_scans::{NewScan, NewUnit, ScanRecord, ScanSummary, UnitRecord};

use super::own_scan;
use crate::secrets::new_secret;
use crate::{App, Error, Viewer};

/// Most teams one school's scan may be split into.
pub const MAX_TEAMS: usize = 12;

/// What the starter chose, as typed.
#[derive(Debug, Clone)]
pub struct StartScanRequest {
    pub organisation: OrganisationId,
    /// One school, or (for a board member) several: each becomes a unit with a view of its own.
    pub schools: Vec<i64>,
    /// For a scan of one school: the teams it is split into (none: the school as a whole).
    pub teams: Vec<String>,
    pub title: String,
    /// "YYYY-MM-DD"; answers are taken until the end of that day.
    pub closes_on: String,
    /// Empty for the default of 5.
    pub threshold: String,
}

/// Starts a scan, open at once, with a shared link per unit. A school leader starts one for a
/// school they lead; a board member for any school, or across several.
pub async fn start(state: &App, viewer: &Viewer, request: &StartScanRequest) -> Result<i64, Error> {
    let organisation = request.organisation;
    // Membership first: an outsider learns nothing about which school ids exist.
    viewer.may(
        Action::ViewOrganisation,
        &Target::organisation(organisation),
    )?;
    let schools = chosen_schools(state, organisation, &request.schools).await?;
    match schools.as_slice() {
        [(school, _)] => viewer.may(
            Action::StartSpaceScan,
            &Target::school(organisation, *school),
        )?,
        _ => viewer.may(Action::StartSpaceScan, &Target::organisation(organisation))?,
    }
    let questionnaire = state.library.space_scans.first().ok_or(Error::Internal)?;
    let title = parse_label(&request.title)?;
    let settings = threshold(&request.threshold)?;
    let now = state.clock.now();
    let closes_at = closing_moment(&request.closes_on, now)
        .map_err(|error| Error::BadRequest { code: error.code() })?;
    let labels = unit_labels(&schools, &request.teams)?;
    let tokens: Vec<String> = labels
        .iter()
        .map(|_| new_secret().expose().to_owned())
        .collect();
    let units = labels
        .iter()
        .zip(&tokens)
        .map(|((school, label), token)| NewUnit {
            school: *school,
            label,
            share_token: token,
        })
        .collect();
    let id = state
        .store
        .create_scan(&NewScan {
            person: viewer.person,
            organisation,
            questionnaire_id: &questionnaire.id,
            content_fingerprint: &questionnaire.fingerprint,
            title: &title,
            threshold: settings.threshold() as i64,
            closes_at,
            now,
            units,
        })
        .await?;
    Ok(id)
}

/// The threshold as typed: a whole number, at least the domain's minimum.
fn threshold(typed: &str) -> Result<ScanSettings, Error> {
    match typed.trim() {
        "" => Ok(ScanSettings::default()),
        typed => {
            let number: usize = typed.parse().map_err(|_| Error::BadRequest {
                code: "scan-threshold-invalid",
            })?;
            Ok(ScanSettings::new(number)?)
        }
    }
}

/// The chosen schools of the organisation, each once, with their names.
async fn chosen_schools(
    state: &App,
    organisation: OrganisationId,
    chosen: &[i64],
) -> Result<Vec<(SchoolId, String)>, Error> {
    if chosen.is_empty() {
        return Err(Error::BadRequest {
            code: "scan-school-unknown",
        });
    }
    let schools = state.store.schools(organisation).await?;
    let mut found: Vec<(SchoolId, String)> = Vec::new();
    for id in chosen {
        let school = schools
            .iter()
            .find(|s| s.id == *id)
            .ok_or(Error::BadRequest {
                code: "scan-school-unknown",
            })?;
        if !found.iter().any(|(s, _)| s.get() == school.id) {
            found.push((school.school_id(), school.name.clone()));
        }
    }
    Ok(found)
}

/// The units: the schools of a scan across schools, or the teams of one school's (the school
/// itself without teams).
fn unit_labels(
    schools: &[(SchoolId, String)],
    teams: &[String],
) -> Result<Vec<(Option<SchoolId>, String)>, Error> {
    let teams: Vec<&String> = teams.iter().filter(|t| !t.trim().is_empty()).collect();
    match (schools, teams.as_slice()) {
        ([(school, name)], []) => Ok(vec![(Some(*school), name.clone())]),
        ([(school, _)], teams) => {
            if teams.len() > MAX_TEAMS {
                return Err(Error::BadRequest {
                    code: "scan-teams-too-many",
                });
            }
            let mut labels: Vec<(Option<SchoolId>, String)> = Vec::new();
            for team in teams {
                let label = parse_label(team)?;
                if labels
                    .iter()
                    .any(|(_, l)| l.to_lowercase() == label.to_lowercase())
                {
                    return Err(Error::BadRequest {
                        code: "scan-team-twice",
                    });
                }
                labels.push((Some(*school), label));
            }
            Ok(labels)
        }
        (schools, []) => Ok(schools
            .iter()
            .map(|(school, name)| (Some(*school), name.clone()))
            .collect()),
        (_, _) => Err(Error::BadRequest {
            code: "scan-teams-one-school",
        }),
    }
}

/// One's own scans, newest first, with how many answered.
pub async fn scans_of(state: &App, viewer: &Viewer) -> Result<Vec<ScanSummary>, Error> {
    Ok(state.store.scans_of(viewer.person).await?)
}

/// What the owner sees of a scan: its units with their shared links, whom they mailed, how
/// many answered (in all: never per unit while it runs, which could single someone out),
/// and how far their estimate got.
#[derive(Debug, Clone)]
pub struct ScanOverview {
    pub record: ScanRecord,
    pub units: Vec<UnitRecord>,
    pub answered: i64,
    /// Mailed addresses by unit id.
    pub invited: Vec<(i64, String)>,
    /// How many statements the owner has estimated, of how many.
    pub estimated: usize,
    pub statements: usize,
}

impl ScanOverview {
    /// Whether enough have answered for the results to show anything.
    pub fn may_release(&self) -> bool {
        self.answered >= self.record.threshold
    }
}

pub async fn overview(state: &App, viewer: &Viewer, id: i64) -> Result<ScanOverview, Error> {
    let record = own_scan(state, viewer, id).await?;
    let questionnaire = super::questionnaire(state, &record)?;
    let estimated = state.store.scan_estimate(id).await?.len();
    Ok(ScanOverview {
        units: state.store.units_of(id).await?,
        answered: state.store.scan_response_count(id).await?,
        invited: state.store.scan_invitations(viewer.person, id).await?,
        estimated,
        statements: questionnaire.statements.len(),
        record,
    })
}

/// Deletes one's own scan, running or released, with everything in it.
pub async fn delete(state: &App, viewer: &Viewer, id: i64) -> Result<(), Error> {
    own_scan(state, viewer, id).await?;
    if state.store.delete_scan(viewer.person, id).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}
