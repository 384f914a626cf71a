//! The problems found in the content, collected rather than stopping at the first, so an
//! editor fixes a deck in one go.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub item: Option<String>,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.item {
            Some(item) => write!(f, "{}: `{}`: {}", self.file, item, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}

/// All problems found in the content, in file order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ContentErrors(pub Vec<ContentError>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.len();
        writeln!(
            f,
            "invalid content ({count} problem{}):",
            if count == 1 { "" } else { "s" }
        )?;
        for error in &self.0 {
            writeln!(f, "  - {error}")?;
        }
        Ok(())
    }
}

#[derive(Default)]
pub(crate) struct Problems(Vec<ContentError>);

impl Problems {
    pub(crate) fn file(&mut self, file: &str, problem: impl Into<String>) {
        self.0.push(ContentError {
            file: file.to_owned(),
            item: None,
            problem: problem.into(),
        });
    }

    pub(crate) fn item(&mut self, file: &str, item: &str, problem: impl Into<String>) {
        self.0.push(ContentError {
            file: file.to_owned(),
            item: Some(item.to_owned()),
            problem: problem.into(),
        });
    }

    /// How many problems were found so far.
    pub(crate) fn count(&self) -> usize {
        self.0.len()
    }

    pub(crate) fn into_result<T>(self, value: T) -> Result<T, ContentErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(ContentErrors(self.0))
        }
    }
}
