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
    /// save-answer, profile, submit-form and feedback-report first fill the fresh database
    /// with the demo and make an API token for the demo school leader.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub routes: Vec<RouteName>,

    /// The most forms per second submit-form expects: each link submits once, so it prepares
    /// this many fresh links per second of warmup and measurement at every level. If they run
    /// out, the bench says so and fails.
    #[arg(long, default_value_t = 3000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub forms_per_second: u32,

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
        let seconds = (self.warmup + self.duration).as_secs_f64();
        let per_level = (f64::from(self.forms_per_second) * seconds).ceil() as usize;
        per_level * self.concurrency.0.len() + 1
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
            RouteName::Dialogue => "dialogue",
        }
    }

    pub fn method(self) -> &'static str {
        match self {
            RouteName::SaveAnswer => "PUT",
            RouteName::SubmitForm => "POST",
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
                | RouteName::Dialogue
        )
    }

    /// Whether it is measured as a scenario of its own (`dialogue.rs`), not loaded by
    /// clients in a closed loop.
    pub fn is_scenario(self) -> bool {
        self == RouteName::Dialogue
    }

    /// Whether the project's goal of half the ceiling applies: not to the 360° feedback
    /// routes, whose goals are their own (`goals.rs`).
    pub fn has_ceiling_goal(self) -> bool {
        !matches!(
            self,
            RouteName::SubmitForm | RouteName::FeedbackReport | RouteName::Dialogue
        )
    }

    /// The path, or for fixture routes its pattern: `{id}` and `{card}` are filled in from
    /// the fixture (submit-form's credential is the link's token, not in the path).
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
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn concurrency_lists_parse_in_order() {
        assert_eq!(
            parse_concurrency_levels("1,16,64"),
            Ok(ConcurrencyLevels(vec![1, 16, 64]))
        );
        assert_eq!(
            parse_concurrency_levels(" 8 , 2"),
            Ok(ConcurrencyLevels(vec![8, 2]))
        );
        assert_eq!(
            parse_concurrency_levels("4"),
            Ok(ConcurrencyLevels(vec![4]))
        );
    }

    #[test]
    fn bad_concurrency_lists_are_refused() {
        assert!(parse_concurrency_levels("0").is_err());
        assert!(parse_concurrency_levels("1,,2").is_err());
        assert!(parse_concurrency_levels("-1").is_err());
        assert!(parse_concurrency_levels("many").is_err());
    }

    #[test]
    fn seconds_may_be_fractional_but_not_negative() {
        assert_eq!(parse_seconds("0.5"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_seconds("5"), Ok(Duration::from_secs(5)));
        assert!(parse_seconds("-1").is_err());
        assert!(parse_seconds("soon").is_err());
    }

    #[test]
    fn the_ceiling_is_always_measured_first() {
        let args =
            Args::try_parse_from(["leidraad-bench", "--routes", "search,ceiling,card"]).unwrap();
        assert_eq!(
            args.selected_routes(),
            vec![RouteName::Ceiling, RouteName::Search, RouteName::Card]
        );
        let args = Args::try_parse_from(["leidraad-bench"]).unwrap();
        assert_eq!(args.selected_routes().len(), 11);
        assert!(args.selected_routes().contains(&RouteName::SaveAnswer));
        assert!(args.selected_routes().contains(&RouteName::Profile));
        assert_eq!(args.concurrency, ConcurrencyLevels(vec![1, 16, 64]));
        assert_eq!(args.sign_ins, 200);
        assert!(!args.no_memory && !args.memory_only);
    }

    #[test]
    fn memory_rows_can_be_left_out_or_measured_alone() {
        let args =
            Args::try_parse_from(["leidraad-bench", "--memory-only", "--sign-ins", "20"]).unwrap();
        assert!(args.memory_only);
        assert_eq!(args.sign_ins, 20);
        assert!(Args::try_parse_from(["leidraad-bench", "--no-memory"]).is_ok());
        assert!(Args::try_parse_from(["leidraad-bench", "--no-memory", "--memory-only"]).is_err());
        assert!(Args::try_parse_from(["leidraad-bench", "--sign-ins", "0"]).is_err());
    }

    #[test]
    fn route_names_match_the_command_line_spelling() {
        for route in RouteName::value_variants() {
            let spelled = route.to_possible_value().unwrap();
            assert_eq!(spelled.get_name(), route.name());
        }
    }

    #[test]
    fn only_the_signed_in_routes_need_the_fixture() {
        let args =
            Args::try_parse_from(["leidraad-bench", "--routes", "save-answer,profile"]).unwrap();
        assert_eq!(
            args.selected_routes(),
            vec![
                RouteName::Ceiling,
                RouteName::SaveAnswer,
                RouteName::Profile
            ]
        );
        let needing: Vec<RouteName> = RouteName::value_variants()
            .iter()
            .copied()
            .filter(|route| route.needs_fixture())
            .collect();
        assert_eq!(
            needing,
            vec![
                RouteName::SaveAnswer,
                RouteName::Profile,
                RouteName::SubmitForm,
                RouteName::FeedbackReport,
                RouteName::Dialogue
            ]
        );
        assert_eq!(RouteName::SaveAnswer.method(), "PUT");
        assert_eq!(RouteName::Profile.method(), "GET");
        assert_eq!(RouteName::SubmitForm.method(), "POST");
        assert_eq!(RouteName::FeedbackReport.method(), "GET");
        assert!(!RouteName::SubmitForm.has_ceiling_goal());
        assert!(RouteName::Profile.has_ceiling_goal());
    }

    #[test]
    fn the_dialogue_runs_on_two_instances_only_on_postgres() {
        let args = Args::try_parse_from(["leidraad-bench", "--routes", "dialogue"]).unwrap();
        let plan = args.dialogue_plan().unwrap();
        assert_eq!(
            (plan.participants, plan.actions, plan.instances),
            (500, 50, 1)
        );
        assert!(RouteName::Dialogue.is_scenario() && RouteName::Dialogue.needs_fixture());
        let postgres = [
            "leidraad-bench",
            "--database-url",
            "postgres://postgres@127.0.0.1:5432/leidraad_bench_dialogue",
        ];
        let args = Args::try_parse_from(postgres).unwrap();
        assert_eq!(args.dialogue_plan().unwrap().instances, 2);
        let args =
            Args::try_parse_from(postgres.iter().chain(&["--dialogue-instances", "1"])).unwrap();
        assert_eq!(args.dialogue_plan().unwrap().instances, 1);
        let args = Args::try_parse_from(["leidraad-bench", "--dialogue-instances", "2"]).unwrap();
        assert!(args.dialogue_plan().is_err());
        assert!(Args::try_parse_from(["leidraad-bench", "--dialogue-instances", "3"]).is_err());
        assert!(Args::try_parse_from(["leidraad-bench", "--dialogue-actions", "101"]).is_err());
    }

    #[test]
    fn submit_form_gets_a_link_for_every_second_of_every_level() {
        let args = Args::try_parse_from(["leidraad-bench", "--concurrency", "16,64"]).unwrap();
        assert_eq!(args.forms_per_second, 3000);
        assert_eq!(args.submit_form_links(), 3000 * 6 * 2 + 1);
        let args = Args::try_parse_from([
            "leidraad-bench",
            "--concurrency",
            "16",
            "--duration",
            "2.5",
            "--warmup",
            "0",
            "--forms-per-second",
            "100",
        ])
        .unwrap();
        assert_eq!(args.submit_form_links(), 251);
        assert!(Args::try_parse_from(["leidraad-bench", "--forms-per-second", "0"]).is_err());
    }
}
