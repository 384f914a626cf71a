//! Fresh databases for tests: a SQLite file in its own temporary folder, or a PostgreSQL
//! database of its own on the server named by `TEST_DATABASE_URL`. Both disappear when the
//! [`TestDatabase`] is dropped.

use std::path::PathBuf;

use crate::Backend;

/// The PostgreSQL server for tests, if the environment names one.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

/// The backends to run store tests against: SQLite always, PostgreSQL when configured.
pub fn backends() -> Vec<Backend> {
    let mut backends = vec![Backend::Sqlite];
    if postgres_admin_url().is_some() {
        backends.push(Backend::Postgres);
    }
    backends
}

pub struct TestDatabase {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Folder(PathBuf),
    Database { admin_url: String, name: String },
}

impl TestDatabase {
    /// Creates an empty database. Panics when PostgreSQL is asked for but not configured,
    /// because a test that silently ran on the wrong backend would prove nothing.
    pub async fn create(backend: Backend) -> TestDatabase {
        let name = format!("leidraad_test_{:016x}", fastrand::u64(..));
        match backend {
            Backend::Sqlite => {
                let folder = std::env::temp_dir().join(&name);
                std::fs::create_dir_all(&folder).expect("create a temporary folder");
                TestDatabase {
                    url: format!("sqlite://{}", folder.join("leidraad.sqlite3").display()),
                    cleanup: Cleanup::Folder(folder),
                }
            }
            Backend::Postgres => {
                let admin_url =
                    postgres_admin_url().expect("TEST_DATABASE_URL names the PostgreSQL server");
                admin_execute(&admin_url, &format!("CREATE DATABASE {name}")).await;
                TestDatabase {
                    url: replace_database(&admin_url, &name),
                    cleanup: Cleanup::Database { admin_url, name },
                }
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Folder(folder) => {
                let _ = std::fs::remove_dir_all(folder);
            }
            Cleanup::Database { admin_url, name } => {
                let (admin_url, sql) = (
                    admin_url.clone(),
                    format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                );
                // Drop cannot await, and may run inside a runtime: a thread of its own with a
                // runtime of its own is the one place this works everywhere.
                let _ = std::thread::spawn(move || {
                    tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .expect("a runtime for cleanup")
                        .block_on(admin_execute(&admin_url, &sql));
                })
                .join();
            }
        }
    }
}

async fn admin_execute(admin_url: &str, sql: &str) {
    use sqlx::{Connection, Executor};
    sqlx::any::install_default_drivers();
    let mut connection = sqlx::AnyConnection::connect(admin_url)
        .await
        .expect("connect to TEST_DATABASE_URL");
    connection
        .execute(sqlx::AssertSqlSafe(sql.to_owned()))
        .await
        .expect("administer the test database");
    let _ = connection.close().await;
}

/// `postgres://u@h:5432/postgres?x=y` → `postgres://u@h:5432/{name}?x=y`
fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let authority_end = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[authority_end..]
        .find('/')
        .map_or(base.len(), |i| authority_end + i);
    format!("{}/{name}{query}", &base[..path_start])
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_database_name_is_replaced_and_the_query_kept() {
        use super::replace_database;
        assert_eq!(
            replace_database("postgres://p@127.0.0.1:5432/postgres", "t"),
            "postgres://p@127.0.0.1:5432/t"
        );
        assert_eq!(replace_database("postgres://p@h", "t"), "postgres://p@h/t");
        assert_eq!(
            replace_database("postgres://p@h/db?sslmode=disable", "t"),
            "postgres://p@h/t?sslmode=disable"
        );
    }
}
