//! Henk Jansen, the demo's board member, estimates this school year's scan of De Linde before
//! Sanne releases it: close to what the team reports, except where the board's own decisions
//! weigh (rules, permission for almost everything, too many innovations at once). There he
//! expects a step more room than the team feels, so the results show his list beside Sanne's
//! with those statements on top.

use leidraad_app::space_scans::save_board_estimate;
use leidraad_app::{App, Viewer};
use leidraad_domain::space_scan::SpaceScan;

use super::{answer_code, app, profile};

/// Where the board's own decisions weigh.
const BOARD_DECISIONS: &[&str] = &["belemmeren-01", "belemmeren-02", "veranderen-07"];

/// Henk's estimate of every statement of scan `id`, through the board member's use case.
pub(super) async fn estimate(
    state: &App,
    henk: &Viewer,
    scan: &SpaceScan,
    id: i64,
) -> Result<(), String> {
    for statement in &scan.statements {
        let (this, _, _) = profile(&statement.id);
        // The team's mean this year, to the nearest whole answer.
        let mut room = (this + 5) / 10;
        if BOARD_DECISIONS.contains(&statement.id.as_str()) {
            room += 1;
        }
        let answer = answer_code(room.clamp(1, 4), statement.direction);
        save_board_estimate(state, henk, id, &statement.id, answer)
            .await
            .map_err(|e| app("the board member's estimate", e))?;
    }
    Ok(())
}
