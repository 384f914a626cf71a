//! Development plans: one per person and school year, with at most three themes, each with
//! its cards, actions and review moments; and the people a plan is shown to. Split by what
//! they hold: the plan here, `themes.rs`, `items.rs` (actions and review moments),
//! `shares.rs`.
//!
//! Every change takes the owner's id and filters on it, so someone else's plan is simply not
//! changed. Who may *read* a plan is the policy's call in the app layer, with
//! [`Store::plan_viewers`].

use leidraad_domain::accounts::PersonId;
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};

use crate::{Store, StoreError};

mod items;
mod shares;
mod themes;

pub use items::{ItemFields, ItemKind};
pub use themes::{NewTheme, ThemeFields};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanRecord {
    pub id: i64,
    #[serde(skip)]
    pub person_id: PersonId,
    /// The year the school year starts in.
    pub school_year: i64,
    pub framework_id: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThemeRecord {
    pub id: i64,
    pub plan_id: i64,
    pub position: i64,
    pub title: String,
    pub goal: String,
    pub monitoring: String,
    pub review: String,
    pub status: String,
    pub source_kind: String,
    pub source_id: Option<i64>,
    pub source_item: String,
    pub cards: Vec<String>,
    pub actions: Vec<ActionRecord>,
    pub reviews: Vec<ReviewRecord>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionRecord {
    pub id: i64,
    pub text: String,
    /// `YYYY-MM-DD`, or empty.
    pub due_on: String,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewRecord {
    pub id: i64,
    pub due_on: String,
    pub note: String,
}

/// A plan with everything in it, themes in their order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FullPlan {
    pub plan: PlanRecord,
    pub themes: Vec<ThemeRecord>,
}

/// A plan in its owner's data export, with the names of whom it is shared with.
#[derive(Debug, Clone, Serialize)]
pub struct ExportedPlan {
    #[serde(flatten)]
    pub plan: FullPlan,
    pub shared_with: Vec<String>,
}

/// What became of a change to a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change<T> {
    Done(T),
    /// No plan, theme or item of this person with that id.
    NotFound,
    /// The plan holds three themes already (or the theme its most actions or moments).
    Full,
    /// The text was changed elsewhere since the page read it: this is what it says now.
    TextChanged(String),
}

const PLAN_COLUMNS: &str = "id, person_id, school_year, framework_id, created_at, updated_at";

fn plan_from(row: &AnyRow) -> Result<PlanRecord, StoreError> {
    Ok(PlanRecord {
        id: row.try_get("id")?,
        person_id: PersonId(row.try_get("person_id")?),
        school_year: row.try_get("school_year")?,
        framework_id: row.try_get("framework_id")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

impl Store {
    /// The person's plan for a school year, made when it is not there yet.
    pub async fn ensure_plan(
        &self,
        person: PersonId,
        school_year: i64,
        framework_id: &str,
        now: i64,
    ) -> Result<PlanRecord, StoreError> {
        sqlx::query(
            "INSERT INTO development_plans \
                 (person_id, school_year, framework_id, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $4) ON CONFLICT (person_id, school_year) DO NOTHING",
        )
        .bind(person.get())
        .bind(school_year)
        .bind(framework_id)
        .bind(now)
        .execute(self.writer())
        .await?;
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {PLAN_COLUMNS} FROM development_plans \
             WHERE person_id = $1 AND school_year = $2"
        )))
        .bind(person.get())
        .bind(school_year)
        .fetch_one(self.writer())
        .await?;
        plan_from(&row)
    }

    /// The person's plan for a school year, if they made one.
    pub async fn plan_of(
        &self,
        person: PersonId,
        school_year: i64,
    ) -> Result<Option<PlanRecord>, StoreError> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {PLAN_COLUMNS} FROM development_plans \
             WHERE person_id = $1 AND school_year = $2"
        )))
        .bind(person.get())
        .bind(school_year)
        .fetch_optional(self.reader())
        .await?;
        row.as_ref().map(plan_from).transpose()
    }

    pub async fn plan(&self, id: i64) -> Result<Option<PlanRecord>, StoreError> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {PLAN_COLUMNS} FROM development_plans WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.reader())
        .await?;
        row.as_ref().map(plan_from).transpose()
    }

    /// Every plan of the person, newest school year first, with how many themes each holds.
    pub async fn plans_of(&self, person: PersonId) -> Result<Vec<(PlanRecord, i64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT p.id, p.person_id, p.school_year, p.framework_id, p.created_at, \
                 p.updated_at, (SELECT COUNT(*) FROM plan_themes t WHERE t.plan_id = p.id) AS themes \
             FROM development_plans p WHERE p.person_id = $1 ORDER BY p.school_year DESC",
        )
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| Ok((plan_from(row)?, row.try_get("themes")?)))
            .collect()
    }

    /// A plan with its themes, their cards, actions and review moments.
    pub async fn full_plan(&self, id: i64) -> Result<Option<FullPlan>, StoreError> {
        let Some(plan) = self.plan(id).await? else {
            return Ok(None);
        };
        let themes = self.themes_of(id).await?;
        Ok(Some(FullPlan { plan, themes }))
    }

    /// Every plan of the person with everything in it, for their own data export.
    pub async fn exported_plans(&self, person: PersonId) -> Result<Vec<ExportedPlan>, StoreError> {
        let mut exported = Vec::new();
        for (record, _) in self.plans_of(person).await? {
            let Some(plan) = self.full_plan(record.id).await? else {
                continue;
            };
            let shared_with = self
                .plan_viewers(record.id)
                .await?
                .into_iter()
                .map(|(_, name)| name)
                .collect();
            exported.push(ExportedPlan { plan, shared_with });
        }
        Ok(exported)
    }

    /// Marks the plan as changed now.
    async fn touch_plan(&self, plan: i64, now: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE development_plans SET updated_at = $2 WHERE id = $1")
            .bind(plan)
            .bind(now)
            .execute(self.writer())
            .await?;
        Ok(())
    }
}
