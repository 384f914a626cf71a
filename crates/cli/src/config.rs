//! Every setting in one place: a flag, an environment variable `LEIDRAAD_…` and a default.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "leidraad",
    version,
    about = "Leidraad: the professional standard for school leaders as a living tool.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Log format: `text` for people, `json` for machines.
    #[arg(long, env = "LEIDRAAD_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// With no command, `leidraad` serves (as `leidraad serve`).
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (the default).
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate(DatabaseArgs),
    /// Work with the content decks.
    #[command(subcommand)]
    Content(ContentCommand),
    /// Administration from the command line: the first admin, API tokens for scripts.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Fill the database with a demo organisation (two schools, every role) and serve it.
    Demo(DemoArgs),
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create the first organisation and its admin; the password is read from stdin.
    Init {
        #[arg(long)]
        organisation: String,
        #[arg(long)]
        email: String,
        /// The admin's name; defaults to the part of the email before the @.
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Organisations on this installation.
    #[command(subcommand)]
    Organisation(OrganisationCommand),
    /// Print a new personal API token for the person with this email.
    ApiToken {
        #[arg(long)]
        email: String,
        /// A label to recognise the token by on the account page (Mijn account).
        #[arg(long, default_value = "leidraad admin api-token")]
        name: String,
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum OrganisationCommand {
    /// Add an organisation with its first admin. An existing account becomes its admin; for a
    /// new one the password is read from stdin.
    Add {
        #[arg(long)]
        name: String,
        /// The admin's email address.
        #[arg(long)]
        email: String,
        /// The admin's name, for a new account; defaults to the part of the email before the @.
        #[arg(long)]
        admin_name: Option<String>,
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    /// Only fill the database; do not start the server.
    #[arg(long)]
    pub seed_only: bool,
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
pub enum ContentCommand {
    /// Validate the decks in DIR (default: the content built into this binary).
    Check {
        /// A content folder: one sub-folder per deck.
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "LEIDRAAD_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// Seconds a client may take to send a request's line and headers; also how long an idle
    /// keep-alive connection stays open.
    #[arg(long, env = "LEIDRAAD_HEADER_READ_TIMEOUT_SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=3600))]
    pub header_read_timeout_seconds: u32,

    /// Connections open at once; when all are taken, new ones wait until one closes.
    #[arg(long, env = "LEIDRAAD_MAX_CONNECTIONS", default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub max_connections: u32,

    /// Days an ended live dialogue is kept, with everything said in it, unless someone kept
    /// it in their portfolio.
    #[arg(long, env = "LEIDRAAD_DIALOGUE_RETENTION_DAYS", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub dialogue_retention_days: u32,

    /// Seconds requests in flight get to finish after SIGTERM or Ctrl-C; what is still open
    /// then is dropped.
    #[arg(long, env = "LEIDRAAD_SHUTDOWN_GRACE_SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u32).range(0..=3600))]
    pub shutdown_grace_seconds: u32,

    #[command(flatten)]
    pub database: DatabaseArgs,

    /// Load the decks from this folder instead of the copy built into the binary.
    #[arg(long, env = "LEIDRAAD_CONTENT_DIR")]
    pub content_dir: Option<PathBuf>,

    /// The address people reach Leidraad at, e.g. https://leidraad.bestuur.nl; used for links
    /// in mail, and an https address turns on Secure `__Host-` cookies.
    #[arg(long, env = "LEIDRAAD_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// SMTP server for outgoing mail: smtps://user:pass@host:465 (TLS),
    /// smtp://user:pass@host:587?tls=required (STARTTLS), or smtp://host:25 (unencrypted, for
    /// a relay on the same machine). Without it, mail goes to the outbox folder in the data dir.
    #[arg(long, env = "LEIDRAAD_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// The sender of outgoing mail.
    #[arg(
        long,
        env = "LEIDRAAD_MAIL_FROM",
        default_value = "Leidraad <leidraad@localhost>"
    )]
    pub mail_from: String,

    /// A session ends after this many minutes without a request.
    #[arg(long, env = "LEIDRAAD_SESSION_IDLE_MINUTES", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=1440))]
    pub session_idle_minutes: u32,

    /// A session ends this many hours after sign-in, however busy.
    #[arg(long, env = "LEIDRAAD_SESSION_MAX_HOURS", default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=720))]
    pub session_max_hours: u32,

    /// Take the client address from X-Forwarded-For (only behind a reverse proxy you run):
    /// the address your proxy added, never one the client wrote itself.
    #[arg(long, env = "LEIDRAAD_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,

    /// How many reverse proxies of yours stand in front of Leidraad, each appending to
    /// X-Forwarded-For; the client address is that many entries from the right.
    #[arg(long, env = "LEIDRAAD_PROXY_HOPS", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=10))]
    pub proxy_hops: u8,
}

#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// `postgres://…` or `sqlite://…`. Default: a SQLite database in the data dir.
    #[arg(long, env = "LEIDRAAD_DATABASE_URL")]
    pub database_url: Option<DatabaseUrl>,

    /// Folder for the SQLite database and other files the server keeps.
    #[arg(long, env = "LEIDRAAD_DATA_DIR", default_value = "./leidraad-data")]
    pub data_dir: PathBuf,
}

impl ServeArgs {
    /// The HTTP server's limits, from the flags.
    pub fn serve_options(&self) -> leidraad_web::ServeOptions {
        use std::time::Duration;
        leidraad_web::ServeOptions {
            header_read_timeout: Duration::from_secs(self.header_read_timeout_seconds.into()),
            max_connections: self.max_connections as usize,
            shutdown_grace: Duration::from_secs(self.shutdown_grace_seconds.into()),
        }
    }
}

impl DatabaseArgs {
    /// The configured URL, or a SQLite file in the data dir (the folder is created).
    pub fn resolve(&self) -> std::io::Result<DatabaseUrl> {
        if let Some(url) = &self.database_url {
            return Ok(url.clone());
        }
        // The database holds personal data: a new data dir is 0700 and a new database file
        // 0600 (SQLite gives its -wal and -shm files the same mode).
        leidraad_app::files::create_private_dir(&self.data_dir)?;
        let path = self.data_dir.join("leidraad.sqlite3");
        create_private_file(&path)?;
        Ok(DatabaseUrl(format!("sqlite://{}", path.display())))
    }
}

/// Creates an empty file with mode 0600 unless it exists.
fn create_private_file(path: &std::path::Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(error),
    }
}

/// A database URL. It may hold a password, so `Debug` and `Display` show only where it points.
#[derive(Clone)]
pub struct DatabaseUrl(pub String);

impl DatabaseUrl {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for DatabaseUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.starts_with("sqlite:")
            || s.starts_with("postgres://")
            || s.starts_with("postgresql://")
        {
            Ok(DatabaseUrl(s.to_owned()))
        } else {
            Err("expected a sqlite:… or postgres://… URL".into())
        }
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let url = &self.0;
        match url.split_once("://") {
            Some((scheme, rest)) => {
                let host_and_path = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
                let without_query = host_and_path.split('?').next().unwrap_or("");
                write!(f, "{scheme}://{without_query}")
            }
            None => f.write_str("(unparseable URL)"),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// Logs go to stderr; `RUST_LOG` refines the level (default: info).
pub fn init_logging(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().flatten_event(true).init(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn the_connection_limits_default_to_the_servers_and_follow_the_flags() {
        let cli = Cli::try_parse_from(["leidraad"]).unwrap();
        assert_eq!(
            cli.serve.serve_options(),
            leidraad_web::ServeOptions::default()
        );
        let cli = Cli::try_parse_from([
            "leidraad",
            "serve",
            "--header-read-timeout-seconds",
            "3",
            "--max-connections",
            "7",
            "--shutdown-grace-seconds",
            "0",
        ])
        .unwrap();
        let Some(Command::Serve(args)) = cli.command else {
            panic!("serve")
        };
        let options = args.serve_options();
        assert_eq!(options.header_read_timeout.as_secs(), 3);
        assert_eq!(options.max_connections, 7);
        assert!(options.shutdown_grace.is_zero());
        assert!(Cli::try_parse_from(["leidraad", "--max-connections", "0"]).is_err());
        assert!(Cli::try_parse_from(["leidraad", "--header-read-timeout-seconds", "0"]).is_err());
    }

    #[test]
    fn database_urls_never_show_their_password() {
        let url: DatabaseUrl =
            "postgres://leidraad:geheim@db.example:5432/leidraad?sslmode=require"
                .parse()
                .unwrap();
        assert_eq!(url.to_string(), "postgres://db.example:5432/leidraad");
        assert!(!format!("{url:?}").contains("geheim"));
        assert!("mysql://x".parse::<DatabaseUrl>().is_err());
    }

    #[test]
    fn no_command_means_serve_with_defaults() {
        let cli = Cli::try_parse_from(["leidraad", "--bind", "127.0.0.1:9999"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.serve.bind.port(), 9999);
        let cli = Cli::try_parse_from(["leidraad", "content", "check", "some/dir"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Content(ContentCommand::Check { dir: Some(_) }))
        ));
    }
}
