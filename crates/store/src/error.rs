#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL: expected sqlite:… or postgres://…")]
    UnsupportedUrl,
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error("migration failed")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// A row that would break a uniqueness rule: an email already in use, a school name taken.
    #[error("already exists")]
    Conflict,
    /// The store was closed while a write waited.
    #[error("the store is closed")]
    Closed,
    /// A stored value the code cannot read back; a bug or a hand-edited database.
    #[error("corrupt stored value in {0}")]
    Corrupt(&'static str),
}

impl StoreError {
    /// Turns a unique-constraint violation into [`StoreError::Conflict`].
    pub(crate) fn from_insert(error: sqlx::Error) -> StoreError {
        let unique = error
            .as_database_error()
            .is_some_and(|database| database.is_unique_violation());
        if unique {
            StoreError::Conflict
        } else {
            StoreError::Database(error)
        }
    }
}
