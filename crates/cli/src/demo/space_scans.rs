//! The demo's team scans on professional space, all Sanne's at OBS De Linde: last school
//! year's scan (seven answers, released in March), this school year's (eight answers, her
//! estimate of all statements and the board member Henk's beside it, released four weeks ago,
//! so its results compare with last year's), and a follow-up per bouw that is open now: three
//! answers, one more in a browser's draft, and her estimate half done.
//!
//! Everything goes through the use cases a leader and a respondent use (start, estimate, the
//! shared link, submit, release), on an app whose clock the demo sets to each moment, so the
//! scans are started, answered and released on their own dates.

use std::sync::Arc;

use leidraad_app::space_scans::{
    SavedItem, ScanSubmission, StartScanRequest, open_shared, overview, release, save_estimate,
    save_item, start, submit,
};
use leidraad_app::{App, Mailer, Settings, Viewer};
use leidraad_domain::local_time::LocalDateTime;
use leidraad_domain::space_scan::{Direction, SpaceScan};
use leidraad_domain::{Language, Library};
use leidraad_store::Store;

use super::DAY;
use super::people::Members;

mod board;
mod team;

use team::{DONT_KNOW, FOLLOW_UP, LAST_YEAR, ROOM, Respondent, THIS_YEAR};

const HOUR: i64 = 3600;
const HENK: usize = 1;
const SANNE: usize = 2;
const DE_LINDE: &str = "OBS De Linde";

pub(super) async fn seed(
    store: &Store,
    library: &Library,
    members: &Members,
    now: i64,
) -> Result<(), String> {
    let state = App::new(
        library.clone(),
        store.clone(),
        Settings::default(),
        // The demo mails nobody: nobody is invited by mail, everyone answers the shared link.
        Mailer::outbox(std::env::temp_dir().join("leidraad-demo-outbox")),
        Arc::new(NoMessages),
    );
    let scan = state
        .library
        .space_scans
        .first()
        .ok_or("the demo needs the team scan on professional space")?
        .clone();
    let sanne = leidraad_app::load_viewer(store, members.people[SANNE], None)
        .await
        .map_err(|e| app("Sanne", e))?
        .ok_or("the demo's school leader of De Linde")?;
    let school = store
        .schools(members.organisation)
        .await
        .map_err(|e| leidraad_app::error_chain(&e))?
        .into_iter()
        .find(|s| s.name == DE_LINDE)
        .ok_or("the demo's De Linde")?
        .id;
    let demo = Demo {
        state: &state,
        sanne: &sanne,
        scan: &scan,
        organisation: members.organisation,
        school,
    };

    // This school year's scan starts six weeks ago; last school year's ran in the March
    // before the summer that started this one.
    let started = now - 42 * DAY;
    let here = LocalDateTime::amsterdam(started);
    let year = if here.month >= 8 {
        here.year
    } else {
        here.year - 1
    };
    let march = days_from_civil(year, 3, 2) * DAY + 8 * HOUR;
    let earlier = demo
        .start(
            march,
            &format!("Teamscan {}-{year}", year - 1),
            &[],
            march + 18 * DAY,
        )
        .await?;
    demo.estimate(earlier, march + HOUR, usize::MAX).await?;
    demo.answer_all(earlier, march, LAST_YEAR, Year::Last)
        .await?;
    demo.release(earlier, march + 21 * DAY + 6 * HOUR).await?;

    let current = demo
        .start(
            started,
            &format!("Teamscan {year}-{}", year + 1),
            &[],
            started + 14 * DAY,
        )
        .await?;
    demo.estimate(current, started + 2 * HOUR, usize::MAX)
        .await?;
    demo.answer_all(current, started, THIS_YEAR, Year::This)
        .await?;
    let henk = leidraad_app::load_viewer(store, members.people[HENK], None)
        .await
        .map_err(|e| app("Henk", e))?
        .ok_or("the demo's board member")?;
    board::estimate(&state, &henk, &scan, current).await?;
    demo.release(current, now - 27 * DAY).await?;

    let opened = now - 6 * DAY;
    let follow_up = demo
        .start(
            opened,
            "Vervolgscan per bouw",
            &["Onderbouw (groep 1-4)", "Bovenbouw (groep 5-8)"],
            now + 17 * DAY,
        )
        .await?;
    demo.estimate(follow_up, opened + HOUR, scan.statements.len() / 2)
        .await?;
    demo.answer_follow_up(follow_up, opened).await?;
    Ok(())
}

/// Which year's figures a respondent answers with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Year {
    This,
    Last,
}

struct Demo<'a> {
    state: &'a App,
    sanne: &'a Viewer,
    scan: &'a SpaceScan,
    organisation: leidraad_domain::accounts::OrganisationId,
    school: i64,
}

impl Demo<'_> {
    /// Sets the app's clock to `moment`.
    fn at(&self, moment: i64) {
        let clock = &self.state.clock;
        clock.advance(moment - clock.now());
    }

    /// Starts a scan of De Linde at `moment`, taking answers until the day of `closes`.
    async fn start(
        &self,
        moment: i64,
        title: &str,
        teams: &[&str],
        closes: i64,
    ) -> Result<i64, String> {
        self.at(moment);
        start(
            self.state,
            self.sanne,
            &StartScanRequest {
                organisation: self.organisation,
                schools: vec![self.school],
                teams: teams.iter().map(|t| (*t).to_owned()).collect(),
                title: title.to_owned(),
                closes_on: date(closes),
                threshold: String::new(),
            },
        )
        .await
        .map_err(|e| app("starting a scan", e))
    }

    /// Sanne's estimate of the first `count` statements.
    async fn estimate(&self, scan: i64, moment: i64, count: usize) -> Result<(), String> {
        self.at(moment);
        for statement in self.scan.statements.iter().take(count) {
            let (_, estimate, _) = profile(&statement.id);
            let answer = answer_code(estimate, statement.direction);
            save_estimate(self.state, self.sanne, scan, &statement.id, answer)
                .await
                .map_err(|e| app("the estimate", e))?;
        }
        Ok(())
    }

    /// Sanne closes the scan and its results are computed, at `moment`.
    async fn release(&self, scan: i64, moment: i64) -> Result<(), String> {
        self.at(moment);
        release(self.state, self.sanne, scan)
            .await
            .map_err(|e| app("the release", e))
    }

    /// Everyone answers through the school's shared link, a few hours to a day apart.
    async fn answer_all(
        &self,
        scan: i64,
        opened: i64,
        respondents: &[Respondent],
        year: Year,
    ) -> Result<(), String> {
        let ratings = self.ratings(respondents.len(), year);
        for (index, respondent) in respondents.iter().enumerate() {
            let moment = opened + 3 * HOUR + index as i64 * (DAY + 5 * HOUR);
            self.answer(scan, 0, moment, &ratings[index], respondent)
                .await?;
        }
        Ok(())
    }

    /// Three answers through the bouwen's links, and one browser that has rated the first
    /// section but not sent it yet.
    async fn answer_follow_up(&self, scan: i64, opened: i64) -> Result<(), String> {
        let ratings = self.ratings(FOLLOW_UP.len() + 1, Year::This);
        for (index, (unit, respondent)) in FOLLOW_UP.iter().enumerate() {
            let moment = opened + DAY + index as i64 * (DAY + 7 * HOUR);
            self.answer(scan, *unit, moment, &ratings[index + 1], respondent)
                .await?;
        }
        self.at(opened + 5 * DAY);
        let token = self.open(scan, 1).await?;
        let first = self.scan.statements.first().map(|s| s.section.clone());
        for (statement, answer) in self.scan.statements.iter().zip(&ratings[0]) {
            if Some(&statement.section) != first.as_ref() {
                break;
            }
            let item = SavedItem::Rating {
                statement: &statement.id,
                answer,
            };
            save_item(self.state, &token, None, &item)
                .await
                .map_err(|e| app("a draft", e))?;
        }
        Ok(())
    }

    /// A browser opens the shared link of the scan's `unit`-th unit: its own token.
    async fn open(&self, scan: i64, unit: usize) -> Result<String, String> {
        let overview = overview(self.state, self.sanne, scan)
            .await
            .map_err(|e| app("the scan's overview", e))?;
        let unit = overview.units.get(unit).ok_or("a unit of the demo scan")?;
        let (token, _) = open_shared(self.state, &unit.share_token, None, None)
            .await
            .map_err(|e| app("the shared link", e))?;
        Ok(token)
    }

    /// One response at `moment`: its ratings (answer codes in the scan's order), roles and
    /// open answers, sent at once.
    async fn answer(
        &self,
        scan: i64,
        unit: usize,
        moment: i64,
        ratings: &[&'static str],
        respondent: &Respondent,
    ) -> Result<(), String> {
        self.at(moment);
        let token = self.open(scan, unit).await?;
        let mut items: Vec<SavedItem<'_>> = self
            .scan
            .statements
            .iter()
            .zip(ratings)
            .map(|(statement, answer)| SavedItem::Rating {
                statement: &statement.id,
                answer,
            })
            .collect();
        items.extend(
            respondent
                .roles
                .iter()
                .map(|(role, now, would_like)| SavedItem::Role {
                    role,
                    now: *now,
                    would_like: *would_like,
                }),
        );
        for (question, text) in self
            .scan
            .open_questions
            .iter()
            .zip([respondent.gives, respondent.limits])
        {
            if !text.is_empty() {
                items.push(SavedItem::Open {
                    question: &question.id,
                    text,
                    base: None,
                });
            }
        }
        if !respondent.other_role.is_empty() {
            items.push(SavedItem::OtherRole {
                name: respondent.other_role,
                base: None,
            });
        }
        submit(self.state, &token, None, &ScanSubmission { items })
            .await
            .map_err(|e| app("an answer", e))
    }

    /// The answers of `count` respondents, per respondent in the scan's order: per statement
    /// the year's mean room spread over those who rate it, "weet ik niet" for the rest.
    fn ratings(&self, count: usize, year: Year) -> Vec<Vec<&'static str>> {
        let mut answers = vec![Vec::new(); count];
        for (index, statement) in self.scan.statements.iter().enumerate() {
            let (this, _, last) = profile(&statement.id);
            let mean = if year == Year::This { this } else { last };
            let unknown = DONT_KNOW
                .iter()
                .find(|(id, _, _)| *id == statement.id)
                .map_or(0, |(_, this, last)| match year {
                    Year::This => *this,
                    Year::Last => *last,
                })
                .min(count.saturating_sub(1));
            // Who does not know differs per statement.
            let dont_know: Vec<usize> = (0..unknown).map(|k| (index * 3 + k) % count).collect();
            let mut rooms = spread(mean, count - dont_know.len(), index).into_iter();
            for (respondent, answers) in answers.iter_mut().enumerate() {
                let answer = if dont_know.contains(&respondent) {
                    "weet-ik-niet"
                } else {
                    answer_code(rooms.next().unwrap_or(3), statement.direction)
                };
                answers.push(answer);
            }
        }
        answers
    }
}

/// A statement's figures in [`ROOM`]; a statement the table does not know (content newer than
/// the demo) gets an unremarkable 2.8.
fn profile(statement: &str) -> (u8, u8, u8) {
    ROOM.iter()
        .find(|(id, _, _, _)| *id == statement)
        .map_or((28, 3, 28), |(_, this, estimate, last)| {
            (*this, *estimate, *last)
        })
}

/// `count` rooms (1–4) whose mean is `mean` tenths as near as whole answers allow, spread a
/// little differently for each statement.
fn spread(mean: u8, count: usize, statement: usize) -> Vec<u8> {
    if count == 0 {
        return Vec::new();
    }
    let total = (usize::from(mean) * count + 5) / 10;
    let total = total.clamp(count, 4 * count);
    let base = u8::try_from(total / count).unwrap_or(4);
    let mut rooms = vec![base; count];
    for k in 0..total % count {
        rooms[(statement + k) % count] += 1;
    }
    // Two people apart from the rest on every other statement, the mean unchanged.
    for turn in 0..=(statement % 2) {
        let up = (statement * 5 + turn * 3) % count;
        let down = (up + 1 + statement % (count.max(2) - 1)) % count;
        if up != down && rooms[up] < 4 && rooms[down] > 1 {
            rooms[up] += 1;
            rooms[down] -= 1;
        }
    }
    rooms
}

/// The answer that gives `room`: agreeing with a statement that means less room gives little.
fn answer_code(room: u8, direction: Direction) -> &'static str {
    let agreement = match direction {
        Direction::More => room,
        Direction::Less => 5 - room.clamp(1, 4),
    };
    match agreement {
        0 | 1 => "helemaal-oneens",
        2 => "oneens",
        3 => "eens",
        _ => "helemaal-eens",
    }
}

/// "YYYY-MM-DD" of `moment` in Amsterdam.
fn date(moment: i64) -> String {
    let day = LocalDateTime::amsterdam(moment);
    format!("{:04}-{:02}-{:02}", day.year, day.month, day.day)
}

/// Days from 1970-01-01 to a date of the Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn app(what: &str, error: leidraad_app::Error) -> String {
    format!(
        "demo team scan, {what}: {}",
        leidraad_app::error_chain(&error)
    )
}

/// The demo sends no mail, so it needs no words for it.
struct NoMessages;

impl leidraad_app::Messages for NoMessages {
    fn text(&self, _: Language, key: &str, _: Option<(&'static str, &str)>) -> String {
        key.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreads_keep_their_mean_and_the_scale() {
        for mean in 10..=40u8 {
            for count in 1..=8 {
                for statement in 0..60 {
                    let rooms = spread(mean, count, statement);
                    assert_eq!(rooms.len(), count);
                    assert!(rooms.iter().all(|r| (1..=4).contains(r)));
                    let sum: usize = rooms.iter().map(|r| usize::from(*r)).sum();
                    let wanted = ((usize::from(mean) * count + 5) / 10).clamp(count, 4 * count);
                    assert_eq!(sum, wanted, "{mean} {count} {statement}");
                }
            }
        }
    }

    #[test]
    fn civil_days_count_from_1970() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2026, 12, 2), 20_789);
    }
}
