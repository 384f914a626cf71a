use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use leidraad_app::{Mailer, Settings, error_chain};
use leidraad_domain::accounts::limits::SessionLifetime;
use leidraad_domain::{Library, SourceFile, load_library};
use leidraad_store::Store;
use leidraad_web::AppState;

use crate::config::{
    AdminCommand, Cli, Command, ContentCommand, DatabaseArgs, OrganisationCommand, ServeArgs,
};

/// Exit code for content that does not validate.
const INVALID_CONTENT: u8 = 2;

pub async fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        None => serve(cli.serve).await,
        Some(Command::Serve(args)) => serve(args).await,
        Some(Command::Migrate(args)) => migrate(args).await,
        Some(Command::Content(ContentCommand::Check { dir })) => {
            return check_content(dir.as_deref());
        }
        Some(Command::Admin(AdminCommand::Init {
            organisation,
            email,
            name,
            database,
        })) => {
            let store = open_store(&database).await;
            match store {
                Ok(store) => {
                    crate::admin::init(&store, &organisation, &email, name.as_deref()).await
                }
                Err(message) => Err(message),
            }
        }
        Some(Command::Admin(AdminCommand::ApiToken {
            email,
            name,
            database,
        })) => match open_store(&database).await {
            Ok(store) => crate::admin::api_token(&store, &email, &name).await,
            Err(message) => Err(message),
        },
        Some(Command::Admin(AdminCommand::Organisation(OrganisationCommand::Add {
            name,
            email,
            admin_name,
            database,
        }))) => match open_store(&database).await {
            Ok(store) => {
                crate::admin::add_organisation(&store, &name, &email, admin_name.as_deref()).await
            }
            Err(message) => Err(message),
        },
        Some(Command::Demo(args)) => demo(args).await,
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("leidraad: {message}");
            ExitCode::FAILURE
        }
    }
}

fn content_files(dir: Option<&std::path::Path>) -> Result<Vec<SourceFile>, String> {
    match dir {
        Some(dir) => leidraad_web::read_content_dir(dir)
            .map_err(|e| format!("cannot read content folder {}: {e}", dir.display())),
        None => Ok(leidraad_web::embedded_content()),
    }
}

fn load_content(dir: Option<&std::path::Path>) -> Result<Library, ExitCode> {
    let files = content_files(dir).map_err(|message| {
        eprintln!("leidraad: {message}");
        ExitCode::from(INVALID_CONTENT)
    })?;
    load_library(&files).map_err(|errors| {
        eprint!("leidraad: {errors}");
        ExitCode::from(INVALID_CONTENT)
    })
}

fn check_content(dir: Option<&std::path::Path>) -> ExitCode {
    match load_content(dir) {
        Ok(library) => {
            for f in &library.frameworks {
                println!(
                    "ok: {} (version {}): {} domains, {} cards, {} dialogue cards, fingerprint {}",
                    f.id,
                    f.version,
                    f.domains.len(),
                    f.cards.len(),
                    f.dialogue_cards.len(),
                    f.fingerprint
                );
            }
            for s in &library.space_scans {
                println!(
                    "ok: {} (version {}): {} sections, {} statements, {} roles, {} open questions, \
                     {} elements of the source covered, fingerprint {}",
                    s.id,
                    s.version,
                    s.sections.len(),
                    s.statements.len(),
                    s.roles.len(),
                    s.open_questions.len(),
                    s.elements.len(),
                    s.fingerprint
                );
            }
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

async fn open_store(args: &DatabaseArgs) -> Result<Store, String> {
    let url = args
        .resolve()
        .map_err(|e| format!("cannot create data folder {}: {e}", args.data_dir.display()))?;
    let store = Store::connect(url.expose())
        .await
        .map_err(|e| format!("cannot open the database at {url}: {}", error_chain(&e)))?;
    store
        .migrate()
        .await
        .map_err(|e| format!("cannot migrate the database at {url}: {}", error_chain(&e)))?;
    tracing::info!(database = %url, backend = store.backend().name(), "database ready");
    Ok(store)
}

async fn migrate(args: DatabaseArgs) -> Result<ExitCode, String> {
    let store = open_store(&args).await?;
    store.close().await;
    println!("migrations applied");
    Ok(ExitCode::SUCCESS)
}

async fn demo(args: crate::config::DemoArgs) -> Result<ExitCode, String> {
    let library = match load_content(args.serve.content_dir.as_deref()) {
        Ok(library) => library,
        Err(code) => return Ok(code),
    };
    let store = open_store(&args.serve.database).await?;
    crate::demo::seed(&store, &library).await?;
    if args.seed_only {
        store.close().await;
        return Ok(ExitCode::SUCCESS);
    }
    serve_with(args.serve, store).await
}

async fn serve(args: ServeArgs) -> Result<ExitCode, String> {
    let store = open_store(&args.database).await?;
    serve_with(args, store).await
}

fn settings(args: &ServeArgs) -> Result<(Settings, Mailer), String> {
    let idle = i64::from(args.session_idle_minutes) * 60;
    let absolute = i64::from(args.session_max_hours) * 3600;
    if let Some(url) = &args.public_url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        return Err("--public-url must start with https:// or http://".into());
    }
    let settings = Settings {
        session: SessionLifetime { idle, absolute },
        public_url: args.public_url.clone(),
        forwarded_hops: if args.trust_forwarded_for {
            usize::from(args.proxy_hops)
        } else {
            0
        },
        dialogue_retention_days: Some(args.dialogue_retention_days),
        ..Settings::default()
    };
    let outbox = args.database.data_dir.join("outbox");
    let mailer = Mailer::new(args.smtp_url.as_deref(), &args.mail_from, outbox)
        .map_err(|e| error_chain(&e))?;
    Ok((settings, mailer))
}

async fn serve_with(args: ServeArgs, store: Store) -> Result<ExitCode, String> {
    let library = match load_content(args.content_dir.as_deref()) {
        Ok(library) => library,
        Err(code) => return Ok(code),
    };
    let (mut settings, mailer) = settings(&args)?;
    record_content_versions(&store, &library).await?;
    let listener = listen(args.bind).map_err(|e| format!("cannot listen on {}: {e}", args.bind))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    settings.public_url = Some(public_url(args.public_url.as_deref(), address)?);
    tracing::info!(%address, "listening");
    println!("Leidraad draait op / is running at http://{address}/");
    let state = AppState::with_settings(library, store.clone(), settings, mailer);
    let sweeper = tokio::spawn(sweep_dialogues(state.app.clone()));
    leidraad_web::serve_with_options(listener, state, args.serve_options(), shutdown_signal())
        .await
        .map_err(|e| format!("server error: {e}"))?;
    sweeper.abort();
    store.close().await;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

/// Connections that may wait to be accepted. The default of 128 overflows when a hall of
/// phones opens a dialogue's stream at once (measured: 500 at once left some waiting a second
/// to retry); the kernel caps it at `net.core.somaxconn` anyway.
const LISTEN_BACKLOG: u32 = 1024;

/// A listening socket on `address`, as `TcpListener::bind` makes one but with a longer queue.
fn listen(address: std::net::SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if address.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(address)?;
    socket.listen(LISTEN_BACKLOG)
}

/// Ends idle dialogues and deletes those past their retention period, at start and then every
/// hour.
async fn sweep_dialogues(app: leidraad_app::App) {
    loop {
        match leidraad_app::dialogues::sweep(&app).await {
            Ok((ended, deleted)) if ended + deleted > 0 => {
                tracing::info!(ended, deleted, "dialogues swept");
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(error = %error_chain(&error), "sweeping dialogues failed"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
    }
}

/// Where links in mail point. Never a request header: an attacker chooses those. Without
/// `--public-url` the bound address is the only name Leidraad knows for itself; a wildcard
/// address names no host, so then the operator must say where people reach it.
fn public_url(configured: Option<&str>, bound: std::net::SocketAddr) -> Result<String, String> {
    if let Some(url) = configured {
        return Ok(url.trim_end_matches('/').to_owned());
    }
    if bound.ip().is_unspecified() {
        return Err(format!(
            "listening on {bound} needs --public-url (LEIDRAAD_PUBLIC_URL), the address people \
             reach Leidraad at, e.g. https://leidraad.bestuur.nl: links in invitation and \
             password-reset mail are built from it, never from a request's Host header"
        ));
    }
    Ok(format!("http://{bound}"))
}

async fn record_content_versions(store: &Store, library: &Library) -> Result<(), String> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    for f in &library.frameworks {
        let new = store
            .record_content_version(&f.id, &f.version, &f.fingerprint, now)
            .await
            .map_err(|e| format!("cannot record the content version: {}", error_chain(&e)))?;
        tracing::info!(framework = %f.id, version = %f.version, fingerprint = %f.fingerprint, new, "content loaded");
    }
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM, whichever comes first.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

#[cfg(test)]
mod tests {
    use super::public_url;

    #[test]
    fn links_name_the_configured_or_bound_address_never_a_wildcard() {
        let bound = "127.0.0.1:8080".parse().unwrap();
        assert_eq!(
            public_url(Some("https://leidraad.bestuur.nl/"), bound).unwrap(),
            "https://leidraad.bestuur.nl"
        );
        assert_eq!(public_url(None, bound).unwrap(), "http://127.0.0.1:8080");
        let v6 = "[::1]:8080".parse().unwrap();
        assert_eq!(public_url(None, v6).unwrap(), "http://[::1]:8080");
        let wildcard = "0.0.0.0:8080".parse().unwrap();
        assert!(
            public_url(None, wildcard)
                .unwrap_err()
                .contains("--public-url")
        );
        assert!(public_url(Some("https://x.nl"), wildcard).is_ok());
    }
}
