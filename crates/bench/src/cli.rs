//! The command line: which binary to start, which routes to load, how hard and how long.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "leidraad-bench",
    about = "Load benchmark: starts the release binary and measures throughput and latency per route."
)]
pub struct Args {
    /// The release binary to start.
    #[arg(long, default_value = "target/release/leidraad")]
    pub binary: PathBuf,

    /// Bench against this database instead of a fresh SQLite file, e.g.
    /// `postgres://postgres@127.0.0.1:5432/leidraad_bench`. The database must already exist.
    #[arg(long)]
    pub database_url: Option<String>,

    /// Numbers of concurrent clients, each on its own keep-alive connection.
    #[arg(long, default_value = "1,16,64", value_parser = parse_concurrency_levels)]
    pub concurrency: ConcurrencyLevels,

    /// Seconds to measure per route and concurrency level.
    #[arg(long, default_value = "5", value_parser = parse_seconds)]
    pub duration: Duration,

    /// Seconds of load before each measurement, not recorded.
    #[arg(long, default_value = "1", value_parser = parse_seconds)]
    pub warmup: Duration,

    /// Where to write the results as JSON (the folder is created).
    #[arg(long, default_value = "target/bench/results.json")]
    pub output: PathBuf,

    /// Routes to measure, comma-separated (default: all). The ceiling is always measured.
    /// Every route from save-answer on first fills the fresh database with the demo and makes
    /// an API token for the demo school leader (and for the scan routes the demo's admin and
    /// board member); log-page first fills her learning log to 200 activities.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub routes: Vec<RouteName>,

    /// The most forms per second submit-form expects: each link submits once, so it prepares
    /// this many fresh links per second of warmup and measurement at every level. If they run
    /// out, the bench says so and fails.
    #[arg(long, default_value_t = 3000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub forms_per_second: u32,

    /// The most team scan responses per second scan-submit expects: each respondent link
    /// submits once, so it opens this many fresh links per second of warmup and measurement
    /// at every level. If they run out, the bench says so and fails.
    #[arg(long, default_value_t = 3000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub scan_responses_per_second: u32,

    /// Responses in the released team scan whose results page scan-results reads (at most
    /// 50 000: the largest of the 20 schools gets 8 % of them, and a school's shared link
    /// makes at most 5 000 links).
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u32).range(5..=50_000))]
    pub scan_respondents: u32,

    /// Share of scan-results' respondents, in percent, who answer both open questions and
    /// name a role under "Anders" (each such text is shown on the results page); the others
    /// rate every statement and tick roles only. scan-submit's responses always have them.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub scan_open_percent: u8,

    /// Sign-ins sent at once for the memory row (each hashes a password in 19 MiB).
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=5000))]
    pub sign_ins: u32,

    /// Leave out the memory rows (idle, and after the sign-ins).
    #[arg(long, conflicts_with = "memory_only")]
    pub no_memory: bool,

    /// Measure only the memory rows, no routes.
    #[arg(long)]
    pub memory_only: bool,

    /// Participants that follow the live dialogue (route `dialogue`), each on its own stream.
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u32).range(1..=5000))]
    pub dialogue_participants: u32,

    /// "Next card" actions measured in the live dialogue, after 2 unrecorded ones (its deck
    /// has 102 cards).
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub dialogue_actions: u32,

    /// Server instances the dialogue's participants are spread over. Two need PostgreSQL
    /// (they share events through LISTEN/NOTIFY); the default is 2 there and 1 on SQLite.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub dialogue_instances: Option<u8>,
}

impl Args {
    /// The routes to measure, ceiling first: the other rows are compared with it.
    pub fn selected_routes(&self) -> Vec<RouteName> {
        let wanted = if self.routes.is_empty() {
            RouteName::value_variants()
        } else {
            &self.routes
        };
        let mut routes = vec![RouteName::Ceiling];
        for &route in wanted {
            if !routes.contains(&route) {
                routes.push(route);
            }
        }
        routes
    }

    /// The live dialogue's plan; two instances only on PostgreSQL.
    pub fn dialogue_plan(&self) -> Result<crate::dialogue::DialoguePlan, String> {
        let postgres = self
            .database_url
            .as_deref()
            .is_some_and(|url| url.starts_with("postgres"));
        let instances = match self.dialogue_instances {
            Some(2) if !postgres => {
                return Err("--dialogue-instances 2 needs --database-url postgres://…: \
                            instances share a dialogue's events through PostgreSQL"
                    .into());
            }
            Some(instances) => usize::from(instances),
            None if postgres => 2,
            None => 1,
        };
        Ok(crate::dialogue::DialoguePlan {
            participants: self.dialogue_participants as usize,
            actions: self.dialogue_actions as usize,
            instances,
        })
    }

    /// The links submit-form needs: `--forms-per-second` over the warmup and measurement of
    /// every level, and one for the check before the load.
    pub fn submit_form_links(&self) -> usize {
        self.links_for(self.forms_per_second)
    }

    /// The respondent links scan-submit needs, in the same way.
    pub fn scan_submit_links(&self) -> usize {
        self.links_for(self.scan_responses_per_second)
    }

    fn links_for(&self, per_second: u32) -> usize {
        let seconds = (self.warmup + self.duration).as_secs_f64();
        let per_level = (f64::from(per_second) * seconds).ceil() as usize;
        per_level * self.concurrency.0.len() + 1
    }

    /// What the fixture makes for the routes that use links up or need a size.
    pub fn fixture_plan(&self) -> crate::fixture::Plan {
        crate::fixture::Plan {
            rater_links: self.submit_form_links(),
            scan: crate::scan::ScanPlan {
                submit_links: self.scan_submit_links(),
                respondents: self.scan_respondents as usize,
                open_percent: self.scan_open_percent,
            },
        }
    }
}

/// The routes the bench knows, each standing for one kind of work the server does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RouteName {
    /// `/healthz`: does no work, so it shows the most the server and client can do.
    Ceiling,
    /// A framework overview page.
    Standard,
    /// A single card page.
    Card,
    /// The search page.
    Search,
    /// A framework as JSON.
    ApiFramework,
    /// A card search as JSON.
    ApiSearch,
    /// Autosave of one card's answer (`PUT`, JSON, API token): a write per request, rotating
    /// over the cards of the demo leader's open reflection and changing the pile each lap.
    SaveAnswer,
    /// The profile page of the demo leader's finished reflection (radar, tables), read with
    /// an API token.
    Profile,
    /// A rater submitting a whole form of 80 answers and comments in one request (`POST`,
    /// JSON, the link's token): every request submits a fresh link prepared before the load.
    SubmitForm,
    /// The report page of a released 360° round with 30 raters, read with the leader's API
    /// token.
    FeedbackReport,
    /// A respondent submitting a whole team scan (60 statements, roles, two open answers) in
    /// one request (`POST`, JSON, the link's token): every request submits a fresh link
    /// opened from a school's shared link before the load.
    ScanSubmit,
    /// The results page of a board's released team scan across 20 schools with
    /// `--scan-respondents` responses, read with the board member's session cookie.
    ScanResults,
    /// The demo leader's learning log page with 200 activities, read with her session cookie.
    LogPage,
    /// The demo leader's portfolio as a PDF made on the server, read with her session cookie.
    PortfolioPdf,
    /// Not a loaded route but a scenario: `--dialogue-participants` follow one live dialogue
    /// by server-sent events while the facilitator moves to the next card; the time until
    /// every participant has it, and the server's memory with the streams open.
    Dialogue,
}

impl RouteName {
    pub fn name(self) -> &'static str {
        match self {
            RouteName::Ceiling => "ceiling",
            RouteName::Standard => "standard",
            RouteName::Card => "card",
            RouteName::Search => "search",
            RouteName::ApiFramework => "api-framework",
            RouteName::ApiSearch => "api-search",
            RouteName::SaveAnswer => "save-answer",
            RouteName::Profile => "profile",
            RouteName::SubmitForm => "submit-form",
            RouteName::FeedbackReport => "feedback-report",
            RouteName::ScanSubmit => "scan-submit",
            RouteName::ScanResults => "scan-results",
            RouteName::LogPage => "log-page",
            RouteName::PortfolioPdf => "portfolio-pdf",
            RouteName::Dialogue => "dialogue",
        }
    }

    pub fn method(self) -> &'static str {
        match self {
            RouteName::SaveAnswer => "PUT",
            RouteName::SubmitForm | RouteName::ScanSubmit => "POST",
            _ => "GET",
        }
    }

    /// Whether the route needs the signed-in fixture: demo data, an API token and ids.
    pub fn needs_fixture(self) -> bool {
        matches!(
            self,
            RouteName::SaveAnswer
                | RouteName::Profile
                | RouteName::SubmitForm
                | RouteName::FeedbackReport
                | RouteName::ScanSubmit
                | RouteName::ScanResults
                | RouteName::LogPage
                | RouteName::PortfolioPdf
                | RouteName::Dialogue
        )
    }

    /// Whether it needs the demo's admin and board member too (the board's team scans).
    pub fn needs_board(self) -> bool {
        matches!(self, RouteName::ScanSubmit | RouteName::ScanResults)
    }

    /// Whether it is measured as a scenario of its own (`dialogue.rs`), not loaded by
    /// clients in a closed loop.
    pub fn is_scenario(self) -> bool {
        self == RouteName::Dialogue
    }

    /// Whether the project's goal of half the ceiling applies: not to the 360° feedback, team
    /// scan, log and portfolio routes, whose goals are their own (`goals.rs`).
    pub fn has_ceiling_goal(self) -> bool {
        !matches!(
            self,
            RouteName::SubmitForm
                | RouteName::FeedbackReport
                | RouteName::ScanSubmit
                | RouteName::ScanResults
                | RouteName::LogPage
                | RouteName::PortfolioPdf
                | RouteName::Dialogue
        )
    }

    /// The path, or for fixture routes its pattern: `{id}` and `{card}` are filled in from
    /// the fixture (submit-form's and scan-submit's credential is the link's token, not in
    /// the path).
    pub fn path(self) -> &'static str {
        match self {
            RouteName::Ceiling => "/healthz",
            RouteName::Standard => "/kaders/beroepsstandaard-schoolleiders",
            RouteName::Card => "/kaders/beroepsstandaard-schoolleiders/kaarten/visie-04",
            RouteName::Search => "/zoeken?q=creeer+netwerken",
            RouteName::ApiFramework => "/api/v1/frameworks/beroepsstandaard-schoolleiders",
            RouteName::ApiSearch => "/api/v1/cards?q=leren&lang=nl",
            RouteName::SaveAnswer => "/api/v1/reflections/{id}/answers/{card}",
            RouteName::Profile => "/reflecties/{id}",
            RouteName::SubmitForm => "/api/v1/rater/submit",
            RouteName::FeedbackReport => "/feedback/{id}/rapport",
            RouteName::ScanSubmit => "/api/v1/respondent/submit",
            RouteName::ScanResults => "/teamscans/{id}/resultaten",
            RouteName::LogPage => "/logboek",
            RouteName::PortfolioPdf => "/portfolio.pdf",
            RouteName::Dialogue => "/d/{token}/stroom",
        }
    }
}

/// The `--concurrency` list, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConcurrencyLevels(pub Vec<usize>);

/// Parses `1,16,64`: positive whole numbers separated by commas.
pub fn parse_concurrency_levels(text: &str) -> Result<ConcurrencyLevels, String> {
    let levels = text
        .split(',')
        .map(|part| parse_client_count(part.trim()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ConcurrencyLevels(levels))
}

fn parse_client_count(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("a concurrency level must be at least 1".into()),
        Ok(count) => Ok(count),
        Err(_) => Err(format!("`{text}` is not a number of clients")),
    }
}

/// Parses a number of seconds such as `5` or `0.5`.
pub fn parse_seconds(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number of seconds"))?;
    Duration::try_from_secs_f64(seconds).map_err(|_| format!("`{text}` is not a valid duration"))
}

#[cfg(test)]
mod tests;
