//! `leidraad admin …`: the first admin without a browser, and API tokens for scripts.

use std::io::BufRead;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use leidraad_domain::accounts::{Email, HashMemory, Password, PersonName, hash_password_in};
use leidraad_store::Store;

pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The typed parts of a new account, checked by the same rules as the setup page.
pub struct NewAccount {
    pub email: Email,
    pub name: PersonName,
    pub password_hash: String,
}

/// A new account's typed parts checked by the setup page's rules and hashed in `memory`: several accounts in a row share one buffer, which
/// is handed back to the operating system when dropped. (Allocated anew per hash, glibc keeps
/// 19 MiB or more of them in the heap: a fresh demo would idle 20 to 40 MB higher.)
pub fn new_account_in(
    email: &str,
    name: &str,
    password: &str,
    memory: &mut HashMemory,
) -> Result<NewAccount, String> {
    let email = Email::parse(email).map_err(|e| format!("email: {e}"))?;
    let name = PersonName::parse(name).map_err(|e| format!("name: {e}"))?;
    let password = Password::parse(password, Some(&email)).map_err(|e| format!("password: {e}"))?;
    let password_hash = hash_password_in(&password, leidraad_app::new_salt(), memory)
        .as_str()
        .to_owned();
    Ok(NewAccount {
        email,
        name,
        password_hash,
    })
}

pub async fn init(
    store: &Store,
    organisation: &str,
    email: &str,
    name: Option<&str>,
) -> Result<ExitCode, String> {
    let default_name = email.split('@').next().unwrap_or(email);
    let password = read_password()?;
    let setup = leidraad_app::accounts::Setup {
        organisation,
        name: name.unwrap_or(default_name),
        email,
        // Read once from stdin: there is nobody to mistype a repetition.
        password: leidraad_app::accounts::NewPassword {
            password: &password,
            again: &password,
        },
    };
    let organisation_id = match leidraad_app::accounts::set_up_in(store, &setup, now(), "cli").await
    {
        Ok((organisation, _)) => organisation,
        Err(leidraad_app::Error::NotFound) => {
            return Err(
                "this installation already has people; invite new ones from the organisation page"
                    .into(),
            );
        }
        Err(leidraad_app::Error::BadRequest { code }) => return Err(code.into()),
        Err(error) => return Err(leidraad_app::error_chain(&error)),
    };
    println!("Organisation {organisation_id} and its admin {email} created.");
    Ok(ExitCode::SUCCESS)
}

/// `admin organisation add`: a new organisation with its first admin. An existing account
/// needs no password; a new one reads it from stdin, as `admin init` does.
pub async fn add_organisation(
    store: &Store,
    name: &str,
    email: &str,
    admin_name: Option<&str>,
) -> Result<ExitCode, String> {
    let parsed = Email::parse(email).map_err(|e| format!("--email: {e}"))?;
    let exists = store
        .person_by_email(&parsed.lookup_key())
        .await
        .map_err(|e| leidraad_app::error_chain(&e))?
        .is_some();
    let password = if exists { None } else { Some(read_password()?) };
    let added = leidraad_app::accounts::add_organisation(
        store,
        leidraad_app::accounts::NewOrganisation {
            name,
            admin_email: email,
            admin_name,
            password: password.as_deref(),
        },
        now(),
    )
    .await
    .map_err(|e| format!("the organisation was not added: {e}"))?;
    let account = if added.new_account {
        "a new account"
    } else {
        "an existing account"
    };
    println!(
        "Organisation {} added; its admin {parsed} has {account}.",
        added.organisation
    );
    Ok(ExitCode::SUCCESS)
}

/// The password from the first line of stdin, so it never appears in a process list or
/// shell history.
fn read_password() -> Result<String, String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password from stdin: {e}"))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

pub async fn api_token(store: &Store, email: &str, name: &str) -> Result<ExitCode, String> {
    let email = Email::parse(email).map_err(|e| format!("email: {e}"))?;
    let person = store
        .person_by_email(&email.lookup_key())
        .await
        .map_err(|e| leidraad_app::error_chain(&e))?
        .ok_or_else(|| format!("no account with the email {email}"))?;
    let token = leidraad_app::me::create_token_in(store, person.id, name, now(), "cli")
        .await
        .map_err(|error| match error {
            leidraad_app::Error::BadRequest { code } => format!("--name: {code}"),
            other => leidraad_app::error_chain(&other),
        })?;
    println!("{}", token.secret);
    Ok(ExitCode::SUCCESS)
}
