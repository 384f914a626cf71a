use leidraad_domain::accounts::PersonId;
use serde::Serialize;

use super::{ApiTokenRecord, AuditEntry, SessionRecord};
use crate::feedback::{GroupRecord, RoundRecord};
use crate::reflections::{AnswerRecord, OwnCardRecord, ReflectionRecord};
use crate::space_scans::ExportedBoardEstimate;
use crate::{Store, StoreError};

/// Everything Leidraad holds about one person, for their own download.
#[derive(Debug, Clone, Serialize)]
pub struct PersonalData {
    pub account: ExportedAccount,
    pub memberships: Vec<ExportedMembership>,
    pub sessions: Vec<SessionRecord>,
    pub api_tokens: Vec<ApiTokenRecord>,
    pub audit_events: Vec<AuditEntry>,
    pub reflections: Vec<ExportedReflection>,
    pub feedback_rounds: Vec<ExportedRound>,
    pub dialogues: Vec<ExportedDialogue>,
    pub space_scans: Vec<ExportedScan>,
    /// Team scans of others the person estimated as a board member: their own answers.
    pub space_scan_board_estimates: Vec<ExportedBoardEstimate>,
    /// The learning log: cycle, activities and what each evidence file is (not its bytes).
    pub learning_log: crate::learning_log::ExportedLearningLog,
    /// Development plans, one per school year, with their themes and whom each is shared with.
    pub development_plans: Vec<crate::plans::ExportedPlan>,
}

/// A team scan the person started: its settings, their own estimate, and the stored results
/// (which hold nothing of any single respondent).
#[derive(Debug, Clone, Serialize)]
pub struct ExportedScan {
    pub id: i64,
    pub title: String,
    pub state: &'static str,
    pub threshold: i64,
    pub created_at: i64,
    pub closes_at: i64,
    pub released_at: Option<i64>,
    pub units: Vec<String>,
    /// Statement id and answer code.
    pub estimate: Vec<(String, String)>,
    /// The results as stored at release, as JSON.
    pub results: Option<String>,
}

/// A live dialogue the person facilitated or kept in their portfolio: what was on the table
/// and what the facilitator showed of the room's contributions (never who wrote an anonymous
/// one: that is stored nowhere).
#[derive(Debug, Clone, Serialize)]
pub struct ExportedDialogue {
    pub id: i64,
    pub title: String,
    pub format: String,
    pub facilitated: bool,
    pub created_at: i64,
    pub ended_at: Option<i64>,
    pub cards: Vec<String>,
    pub contributions: Vec<leidraad_domain::dialogue::ContributionView>,
    /// Their note with the kept copy.
    pub note: Option<String>,
}

/// One self-reflection with everything in it.
#[derive(Debug, Clone, Serialize)]
pub struct ExportedReflection {
    #[serde(flatten)]
    pub reflection: ReflectionRecord,
    pub answers: Vec<AnswerRecord>,
    pub own_cards: Vec<OwnCardRecord>,
    pub focus_cards: Vec<String>,
}

/// One 360° feedback round the person asked for, with its groups, their self-rating and the
/// report. The raters' raw answers are not the person's, and are gone after release anyway;
/// the report is the snapshot as stored (JSON text), since the store does not read it.
#[derive(Debug, Clone, Serialize)]
pub struct ExportedRound {
    #[serde(flatten)]
    pub round: RoundRecord,
    pub groups: Vec<GroupRecord>,
    pub self_answers: Vec<(String, i64)>,
    pub released_at: Option<i64>,
    pub report: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportedAccount {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub created_at: i64,
    pub password_changed_at: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportedMembership {
    pub organisation_id: i64,
    pub organisation: String,
    pub roles: Vec<&'static str>,
    pub schools: Vec<String>,
}

impl Store {
    pub async fn personal_data(
        &self,
        person: PersonId,
    ) -> Result<Option<PersonalData>, StoreError> {
        let Some(record) = self.person(person).await? else {
            return Ok(None);
        };
        let mut memberships = Vec::new();
        for membership in self.memberships_of(person).await? {
            let schools = self
                .schools(membership.organisation.organisation_id())
                .await?
                .into_iter()
                .filter(|school| membership.schools.contains(&school.school_id()))
                .map(|school| school.name)
                .collect();
            memberships.push(ExportedMembership {
                organisation_id: membership.organisation.id,
                organisation: membership.organisation.name,
                roles: membership.roles.iter().map(|role| role.code()).collect(),
                schools,
            });
        }
        Ok(Some(PersonalData {
            account: ExportedAccount {
                id: record.id.get(),
                email: record.email,
                name: record.name,
                created_at: record.created_at,
                password_changed_at: record.password_changed_at,
            },
            memberships,
            sessions: self.sessions_of(person).await?,
            api_tokens: self.api_tokens_of(person).await?,
            audit_events: self.audit_events_of(person).await?,
            reflections: self.exported_reflections(person).await?,
            feedback_rounds: self.exported_rounds(person).await?,
            dialogues: self.exported_dialogues(person).await?,
            space_scans: self.exported_scans(person).await?,
            space_scan_board_estimates: self.board_estimates_of(person).await?,
            learning_log: self.exported_learning_log(person).await?,
            development_plans: self.exported_plans(person).await?,
        }))
    }

    async fn exported_reflections(
        &self,
        person: PersonId,
    ) -> Result<Vec<ExportedReflection>, StoreError> {
        let mut exported = Vec::new();
        for reflection in self.reflections_of(person).await? {
            exported.push(ExportedReflection {
                answers: self.answers(reflection.id).await?,
                own_cards: self.own_cards(reflection.id).await?,
                focus_cards: self.focus_cards(reflection.id).await?,
                reflection,
            });
        }
        Ok(exported)
    }

    async fn exported_scans(&self, person: PersonId) -> Result<Vec<ExportedScan>, StoreError> {
        let mut scans = Vec::new();
        for summary in self.scans_of(person).await? {
            let scan = summary.scan;
            scans.push(ExportedScan {
                id: scan.id,
                title: scan.title,
                state: scan.state.code(),
                threshold: scan.threshold,
                created_at: scan.created_at,
                closes_at: scan.closes_at,
                released_at: scan.released_at,
                units: self
                    .units_of(scan.id)
                    .await?
                    .into_iter()
                    .map(|u| u.label)
                    .collect(),
                estimate: self.scan_estimate(scan.id).await?,
                results: self.scan_results(scan.id).await?.map(|(_, json)| json),
            });
        }
        Ok(scans)
    }

    async fn exported_dialogues(
        &self,
        person: PersonId,
    ) -> Result<Vec<ExportedDialogue>, StoreError> {
        let saved = self.saved_dialogues(person).await?;
        let mut records: Vec<_> = self.dialogues_of(person).await?;
        for kept in &saved {
            if !records.iter().any(|d| d.id == kept.dialogue.id) {
                records.push(kept.dialogue.clone());
            }
        }
        let mut exported = Vec::new();
        for record in records {
            let cards = self
                .dialogue_events(record.id, 0, true)
                .await?
                .iter()
                .filter_map(|e| match e.event() {
                    Ok(leidraad_domain::dialogue::Event::Card { card, .. }) => Some(card),
                    _ => None,
                })
                .collect();
            exported.push(ExportedDialogue {
                id: record.id,
                facilitated: record.person_id == person.get(),
                note: saved
                    .iter()
                    .find(|s| s.dialogue.id == record.id)
                    .map(|s| s.note.clone()),
                contributions: self.shown_contributions(record.id).await?,
                cards,
                title: record.title,
                format: record.format,
                created_at: record.created_at,
                ended_at: record.ended_at,
            });
        }
        Ok(exported)
    }

    async fn exported_rounds(&self, person: PersonId) -> Result<Vec<ExportedRound>, StoreError> {
        let mut exported = Vec::new();
        for summary in self.rounds_of(person).await? {
            let round = summary.round;
            let report = self.report_of(round.id).await?;
            exported.push(ExportedRound {
                groups: self.groups_of(round.id).await?,
                self_answers: self.self_answers(round.id).await?,
                released_at: report.as_ref().map(|(at, _)| *at),
                report: report.map(|(_, snapshot)| snapshot),
                round,
            });
        }
        Ok(exported)
    }
}
