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
    /// Print a new personal API token for the person with this email.
    ApiToken {
        #[arg(long)]
        email: String,
        /// A label to recognise the token by on the profile page.
        #[arg(long, default_value = "leidraad admin api-token")]
        name: String,
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

    /// Take the client address from X-Forwarded-For (only behind a reverse proxy you run).
    #[arg(long, env = "LEIDRAAD_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,
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

impl DatabaseArgs {
    /// The configured URL, or a SQLite file in the data dir (the folder is created).
    pub fn resolve(&self) -> std::io::Result<DatabaseUrl> {
        if let Some(url) = &self.database_url {
            return Ok(url.clone());
        }
        std::fs::create_dir_all(&self.data_dir)?;
        let path = self.data_dir.join("leidraad.sqlite3");
        Ok(DatabaseUrl(format!("sqlite://{}", path.display())))
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
