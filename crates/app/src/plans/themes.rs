//! Adding, changing and deleting a theme, saving its free texts, and carrying a theme over
//! into the next school year's plan.

use leidraad_domain::Framework;
use leidraad_domain::accounts::{Action, Target};
use leidraad_domain::development::{
    DevelopmentError, PlanField, SchoolYear, ThemeSource, ThemeStatus, check_cards, may_add_theme,
    parse_field, parse_title,
};
use leidraad_store::plans::{NewTheme, ThemeFields};

use super::read::year_of;
use super::sources::{SourceRequest, check_source};
use super::{own_theme, settle};
use crate::{App, Error, Viewer};

/// A new theme as typed.
#[derive(Debug, Clone, Default)]
pub struct ThemeRequest {
    pub title: String,
    pub goal: String,
    pub cards: Vec<String>,
    pub source: SourceRequest,
}

/// A change to a theme; `None` keeps what is stored.
#[derive(Debug, Clone, Default)]
pub struct ThemeUpdate {
    pub title: Option<String>,
    pub status: Option<String>,
    pub cards: Option<Vec<String>>,
}

/// The framework every plan's cards come from: the standard.
fn framework(state: &App) -> Result<&Framework, Error> {
    state.library.default_framework().ok_or(Error::Internal)
}

/// Adds a theme to the viewer's plan of `year` (made when it is the first). A fourth theme is
/// refused with the standard's reason; a source that is not the viewer's own result, or a
/// card of another framework, is refused whole.
pub async fn add_theme(
    state: &App,
    viewer: &Viewer,
    year: SchoolYear,
    request: &ThemeRequest,
) -> Result<i64, Error> {
    viewer.may(
        Action::ManageOwnDevelopment,
        &Target::owned_by(viewer.person),
    )?;
    let framework = framework(state)?;
    let title = parse_title(&request.title)?;
    let goal = parse_field(PlanField::Goal, &request.goal)?;
    let chosen: Vec<&str> = request.cards.iter().map(String::as_str).collect();
    let mut cards = check_cards(framework, &chosen)?;
    let (source, card) = check_source(state, viewer, &request.source).await?;
    // A card source brings its card along when it is of the plan's framework.
    if let Some(card) = card.filter(|c| framework.card(c).is_some())
        && !cards.contains(&card)
    {
        cards.insert(0, card);
        cards = check_cards(
            framework,
            &cards.iter().map(String::as_str).collect::<Vec<_>>(),
        )?;
    }
    insert(state, viewer, year, &title, &goal, "", &cards, &source).await
}

#[allow(clippy::too_many_arguments)]
async fn insert(
    state: &App,
    viewer: &Viewer,
    year: SchoolYear,
    title: &str,
    goal: &str,
    monitoring: &str,
    cards: &[String],
    source: &ThemeSource,
) -> Result<i64, Error> {
    let now = state.clock.now();
    let year = i64::from(year.start_year());
    if let Some(existing) = state.store.plan_of(viewer.person, year).await? {
        let themes = state
            .store
            .full_plan(existing.id)
            .await?
            .map_or(0, |p| p.themes.len());
        may_add_theme(themes)?;
    }
    let plan = state
        .store
        .ensure_plan(viewer.person, year, &framework(state)?.id, now)
        .await?;
    let (source_id, source_item) = source.parts();
    let change = state
        .store
        .add_theme(
            viewer.person,
            plan.id,
            &NewTheme {
                title,
                goal,
                monitoring,
                status: ThemeStatus::Planned.code(),
                source_kind: source.kind(),
                source_id,
                source_item,
                cards,
            },
            now,
        )
        .await?;
    settle(change, DevelopmentError::TooManyThemes)
}

/// Changes a theme's title, status or cards.
pub async fn update_theme(
    state: &App,
    viewer: &Viewer,
    id: i64,
    update: &ThemeUpdate,
) -> Result<(), Error> {
    let (plan, _) = own_theme(state, viewer, id).await?;
    let title = update.title.as_deref().map(parse_title).transpose()?;
    let status = update
        .status
        .as_deref()
        .map(ThemeStatus::parse)
        .transpose()?;
    let framework = state
        .library
        .framework(&plan.framework_id)
        .ok_or(Error::Internal)?;
    let cards = match &update.cards {
        Some(cards) => Some(check_cards(
            framework,
            &cards.iter().map(String::as_str).collect::<Vec<_>>(),
        )?),
        None => None,
    };
    let fields = ThemeFields {
        title: title.as_deref(),
        status: status.map(ThemeStatus::code),
        cards: cards.as_deref(),
    };
    let change = state
        .store
        .update_theme(viewer.person, id, &fields, state.clock.now())
        .await?;
    settle(change, DevelopmentError::TooManyThemes)
}

/// Saves one free text of a theme. With `base` (the text the page started from), only when
/// the stored text is still that: `plan-text-changed` otherwise, and nothing is saved.
pub async fn save_text(
    state: &App,
    viewer: &Viewer,
    id: i64,
    field: &str,
    base: Option<&str>,
    text: &str,
) -> Result<(), Error> {
    let field = PlanField::parse(field)?;
    let text = parse_field(field, text)?;
    // The base is compared as stored, so it is cleaned by the same rule first.
    let base = base.map(|base| parse_field(field, base)).transpose()?;
    own_theme(state, viewer, id).await?;
    let change = state
        .store
        .save_theme_text(
            viewer.person,
            id,
            field.code(),
            base.as_deref(),
            &text,
            state.clock.now(),
        )
        .await?;
    settle(change, DevelopmentError::TooManyThemes)
}

/// Deletes a theme with its actions and review moments.
pub async fn delete_theme(state: &App, viewer: &Viewer, id: i64) -> Result<(), Error> {
    own_theme(state, viewer, id).await?;
    let change = state
        .store
        .delete_theme(viewer.person, id, state.clock.now())
        .await?;
    settle(change, DevelopmentError::TooManyThemes)
}

/// Carries a theme of an earlier year's plan into the plan of the year after it: its title,
/// goal, "how will I know" and cards, as a new theme that links back to it. Its actions,
/// review moments and review stay with the year they belong to.
pub async fn carry_over(state: &App, viewer: &Viewer, id: i64) -> Result<i64, Error> {
    let (plan, theme) = own_theme(state, viewer, id).await?;
    // The last school year a plan can be for has no next one to carry into.
    let next =
        SchoolYear::starting(year_of(&plan)?.start_year() + 1).map_err(|_| Error::Conflict {
            code: "plan-year-last",
        })?;
    if let Some(later) = state
        .store
        .plan_of(viewer.person, i64::from(next.start_year()))
        .await?
        && let Some(full) = state.store.full_plan(later.id).await?
        && full
            .themes
            .iter()
            .any(|t| t.source_kind == "carried-over" && t.source_id == Some(theme.id))
    {
        return Err(Error::Conflict {
            code: "plan-theme-carried",
        });
    }
    insert(
        state,
        viewer,
        next,
        &theme.title,
        &theme.goal,
        &theme.monitoring,
        &theme.cards,
        &ThemeSource::CarriedOver { theme: theme.id },
    )
    .await
}
