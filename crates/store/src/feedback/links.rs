//! Links: one per rater, found by the digest of the token in the invitation. The leader
//! lists them and counts the answers per group, but never reads which link answered: only
//! the rater's own view of their link ([`Store::link_by_digest`]) and the reminder list
//! (which the app mails and never shows) know that.

use leidraad_domain::accounts::PersonId;
use sqlx::{AssertSqlSafe, Row};

use super::{
    Change, LinkRecord, LinkView, NewLink, RoundRecord, RoundState, link_from, round_columns,
    round_from, state_in,
};
use crate::{Store, StoreError};

macro_rules! link_columns {
    () => {
        "id, round_id, group_id, email, name, created_at, invited_at, reminded_at"
    };
}

impl Store {
    /// Adds a rater to a group: while a concept, or while open (a leader may invite more
    /// raters once the round runs). [`StoreError::Conflict`]: the digest is taken.
    pub async fn add_link(
        &self,
        round: i64,
        owner: PersonId,
        link: &NewLink<'_>,
    ) -> Result<Change<i64>, StoreError> {
        let row = sqlx::query(
            "INSERT INTO feedback_links \
                 (round_id, group_id, token_digest, email, name, answered, created_at) \
             SELECT r.id, g.id, $4, $5, $6, 0, $7 \
             FROM feedback_rounds r JOIN feedback_groups g ON g.round_id = r.id \
             WHERE r.id = $1 AND r.person_id = $2 AND g.id = $3 \
                 AND r.state IN ('concept', 'open') \
             RETURNING id",
        )
        .bind(round)
        .bind(owner.get())
        .bind(link.group)
        .bind(link.token_digest)
        .bind(link.email)
        .bind(link.name)
        .bind(link.now)
        .fetch_optional(self.writer())
        .await
        .map_err(StoreError::from_insert)?;
        match row {
            Some(row) => Ok(Change::Done(row.try_get("id")?)),
            None => {
                let allowed = [RoundState::Concept, RoundState::Open];
                self.why_round_unchanged(round, owner, &allowed).await
            }
        }
    }

    /// Removes a rater, only while a concept: once invited, a link may hold answers.
    pub async fn remove_link(
        &self,
        round: i64,
        owner: PersonId,
        link: i64,
    ) -> Result<Change<()>, StoreError> {
        let result = sqlx::query(
            "DELETE FROM feedback_links WHERE id = $1 AND round_id = \
             (SELECT id FROM feedback_rounds WHERE id = $2 AND person_id = $3 AND state = 'concept')",
        )
        .bind(link)
        .bind(round)
        .bind(owner.get())
        .execute(self.writer())
        .await?;
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        self.why_round_unchanged(round, owner, &[RoundState::Concept])
            .await
    }

    /// A round's links in the order they were added, without whether they answered.
    pub async fn links_of(&self, round: i64) -> Result<Vec<LinkRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            link_columns!(),
            " FROM feedback_links WHERE round_id = $1 ORDER BY id"
        ))
        .bind(round)
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(link_from).collect()
    }

    /// The links still to answer, for the reminder mail. The app mails them and never shows
    /// this list: it would tell the leader who answered.
    pub async fn unanswered_links(&self, round: i64) -> Result<Vec<LinkRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            link_columns!(),
            " FROM feedback_links WHERE round_id = $1 AND answered = 0 ORDER BY id"
        ))
        .bind(round)
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(link_from).collect()
    }

    /// Per group, in the leader's order: (group id, invited, answered). Counts only.
    pub async fn progress(&self, round: i64) -> Result<Vec<(i64, i64, i64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT g.id, \
                 (SELECT COUNT(*) FROM feedback_links l WHERE l.group_id = g.id) AS invited, \
                 (SELECT COUNT(*) FROM feedback_links l \
                     WHERE l.group_id = g.id AND l.answered = 1) AS answered \
             FROM feedback_groups g WHERE g.round_id = $1 ORDER BY g.position, g.id",
        )
        .bind(round)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    row.try_get("id")?,
                    row.try_get("invited")?,
                    row.try_get("answered")?,
                ))
            })
            .collect()
    }

    /// Dates the invitation of links the app has just mailed.
    pub async fn mark_invited(&self, links: &[i64], now: i64) -> Result<(), StoreError> {
        for chunk in links.chunks(256) {
            let placeholders: Vec<String> = (2..chunk.len() + 2).map(|n| format!("${n}")).collect();
            let sql = format!(
                "UPDATE feedback_links SET invited_at = $1 WHERE id IN ({})",
                placeholders.join(", ")
            );
            let mut query = sqlx::query(AssertSqlSafe(sql)).bind(now);
            for link in chunk {
                query = query.bind(*link);
            }
            // Sizes vary with every round: not worth a prepared statement each.
            query.persistent(false).execute(self.writer()).await?;
        }
        Ok(())
    }

    /// Gives a link the digest of a fresh token, as a mail (the invitation or a reminder) is
    /// about to carry it: only digests are stored, so each mail needs a token of its own, and
    /// the older one stops working. The first time it also dates the invitation; a reminder
    /// leaves that date, which would otherwise change on exactly the links not yet answered.
    /// `false`: no such link. [`StoreError::Conflict`]: the digest is taken.
    pub async fn issue_link(
        &self,
        link: i64,
        token_digest: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let result = sqlx::query(
            "UPDATE feedback_links SET token_digest = $1, invited_at = COALESCE(invited_at, $2) \
             WHERE id = $3",
        )
        .bind(token_digest)
        .bind(now)
        .bind(link)
        .execute(self.writer())
        .await
        .map_err(StoreError::from_insert)?;
        Ok(result.rows_affected() == 1)
    }

    /// Dates the reminder on every link of the round, the answered ones too: a date on only
    /// the reminded ones would show the leader who had not answered.
    pub async fn mark_reminded(&self, round: i64, now: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE feedback_links SET reminded_at = $1 WHERE round_id = $2")
            .bind(now)
            .bind(round)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// The link whose token has this digest, as its rater may use it.
    pub async fn link_by_digest(&self, token_digest: &str) -> Result<Option<LinkView>, StoreError> {
        let row = sqlx::query(
            "SELECT l.id, l.round_id, l.group_id, l.answered, r.state, r.closes_at \
             FROM feedback_links l JOIN feedback_rounds r ON r.id = l.round_id \
             WHERE l.token_digest = $1",
        )
        .bind(token_digest)
        .fetch_optional(self.reader())
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        Ok(Some(LinkView {
            id: row.try_get("id")?,
            round_id: row.try_get("round_id")?,
            group_id: row.try_get("group_id")?,
            answered: row.try_get::<i64, _>("answered")? == 1,
            state: state_in(&row, "state")?,
            closes_at: row.try_get("closes_at")?,
        }))
    }

    /// What every request of a rater starts with, in one read: the link whose token has this
    /// digest with its round, and how many unknown tokens were tried under `guess_key` after
    /// `since` (see [`Store::sign_in_failures`]).
    pub async fn rater_link(
        &self,
        token_digest: &str,
        guess_key: &str,
        since: i64,
    ) -> Result<RaterLink, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT (SELECT COUNT(*) FROM sign_in_failures \
                 WHERE key_digest = $2 AND at > $3) AS guesses, \
             l.id AS link_id, l.group_id, l.answered, ",
            round_columns!(),
            " FROM (SELECT 1 AS one) AS one \
             LEFT JOIN feedback_links l ON l.token_digest = $1 \
             LEFT JOIN feedback_rounds r ON r.id = l.round_id"
        ))
        .bind(token_digest)
        .bind(guess_key)
        .bind(since)
        .fetch_one(self.reader())
        .await?;
        let guesses: i64 = row.try_get("guesses")?;
        let link_id: Option<i64> = row.try_get("link_id")?;
        let found = match link_id {
            None => None,
            Some(id) => {
                let round = round_from(&row)?;
                let link = LinkView {
                    id,
                    round_id: round.id,
                    group_id: row.try_get("group_id")?,
                    answered: row.try_get::<i64, _>("answered")? == 1,
                    state: round.state,
                    closes_at: round.closes_at,
                };
                Some((link, round))
            }
        };
        Ok(RaterLink {
            found,
            guesses: usize::try_from(guesses).unwrap_or(usize::MAX),
        })
    }
}

/// See [`Store::rater_link`].
#[derive(Debug, Clone)]
pub struct RaterLink {
    pub found: Option<(LinkView, RoundRecord)>,
    pub guesses: usize,
}
