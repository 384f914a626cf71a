//! Reflection answers as a kind of group write ([`crate::group_commit`]): a run is one
//! multi-row upsert into the author's open reflections. Runs split where the parts an answer
//! changes differ (a `PUT` changes all four) or a card comes again; most groups are one run,
//! so one statement: one round trip to PostgreSQL however many answers wait. (One statement
//! per answer inside a transaction cost a round trip each, and the single committing task
//! waited for every one.)

use leidraad_domain::accounts::PersonId;
use sqlx::{AnyConnection, AssertSqlSafe, Row};

use super::AnswerFields;
use crate::StoreError;
use crate::group_commit::{GroupWrite, MultiRowStatement};

/// One answer to write, owned.
pub(crate) struct AnswerRow {
    pub person: PersonId,
    pub reflection: i64,
    pub card_id: String,
    pub pile: Option<i64>,
    pub note: String,
    pub evidence: String,
    pub starred: i64,
    pub fields: AnswerFields,
    pub now: i64,
}

/// Autosaved answers; the outcome is whether the row was written (false: not the author's
/// open reflection).
pub(crate) struct ReflectionAnswers;

impl GroupWrite for ReflectionAnswers {
    type Item = AnswerRow;
    type Outcome = bool;
    type Key<'a> = (i64, &'a str);
    type Shape = AnswerFields;

    fn key(row: &AnswerRow) -> (i64, &str) {
        (row.reflection, row.card_id.as_str())
    }

    fn shape(row: &AnswerRow) -> AnswerFields {
        row.fields
    }

    async fn write_run(
        &self,
        connection: &mut AnyConnection,
        rows: &[&AnswerRow],
    ) -> Result<Vec<bool>, StoreError> {
        let (sql, padding) = UPSERT.for_run(rows.len())?;
        let fields = rows.first().map_or(AnswerFields::NONE, |row| row.fields);
        let mut query = sqlx::query(AssertSqlSafe(sql))
            .bind(i64::from(fields.pile))
            .bind(i64::from(fields.note))
            .bind(i64::from(fields.evidence))
            .bind(i64::from(fields.starred));
        for row in rows {
            query = query
                .bind(row.reflection)
                .bind(row.card_id.as_str())
                .bind(row.pile)
                .bind(row.note.as_str())
                .bind(row.evidence.as_str())
                .bind(row.starred)
                .bind(row.now)
                .bind(row.person.get());
        }
        // A reflection id no row has, so these rows join nothing.
        for _ in 0..padding {
            query = query
                .bind(-1_i64)
                .bind("")
                .bind(None::<i64>)
                .bind("")
                .bind("")
                .bind(0_i64)
                .bind(0_i64)
                .bind(-1_i64);
        }
        let returned = query.fetch_all(connection).await?;
        let written = returned
            .iter()
            .map(|row| Ok((row.try_get("reflection_id")?, row.try_get("card_id")?)))
            .collect::<Result<std::collections::HashSet<(i64, String)>, StoreError>>()?;
        Ok(rows
            .iter()
            .map(|row| written.contains(&(row.reflection, row.card_id.clone())))
            .collect())
    }
}

/// The upsert. The VALUES columns are `column1` … `column8` on both databases: reflection,
/// card, pile, note, evidence, starred, time, person. `$1` … `$4` say which parts the run
/// changes; a part left alone keeps what is stored, and starts empty on a card answered for
/// the first time.
static UPSERT: MultiRowStatement = MultiRowStatement::new(4, 8, upsert);

fn upsert(values: &str) -> String {
    format!(
        "INSERT INTO reflection_answers \
             (reflection_id, card_id, pile, note, evidence, starred, updated_at) \
         SELECT r.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7 \
         FROM (VALUES {values}) AS v \
         JOIN reflections r ON r.id = v.column1 AND r.person_id = v.column8 \
             AND r.finished_at IS NULL \
         WHERE true \
         ON CONFLICT (reflection_id, card_id) DO UPDATE SET \
             pile = CASE WHEN $1 = 1 \
                 THEN excluded.pile ELSE reflection_answers.pile END, \
             note = CASE WHEN $2 = 1 \
                 THEN excluded.note ELSE reflection_answers.note END, \
             evidence = CASE WHEN $3 = 1 \
                 THEN excluded.evidence ELSE reflection_answers.evidence END, \
             starred = CASE WHEN $4 = 1 \
                 THEN excluded.starred ELSE reflection_answers.starred END, \
             updated_at = excluded.updated_at \
         RETURNING reflection_id, card_id"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::group_commit::{STATEMENT_ROWS, runs};

    fn row(reflection: i64, card: &str, fields: AnswerFields) -> AnswerRow {
        AnswerRow {
            person: PersonId(1),
            reflection,
            card_id: card.to_owned(),
            pile: Some(1),
            note: String::new(),
            evidence: String::new(),
            starred: 0,
            fields,
            now: 0,
        }
    }

    #[test]
    fn a_run_ends_where_the_parts_change_or_a_card_comes_again() {
        let only_pile = AnswerFields {
            pile: true,
            ..AnswerFields::NONE
        };
        let rows = [
            row(1, "a", AnswerFields::ALL),
            row(1, "b", AnswerFields::ALL),
            row(2, "a", AnswerFields::ALL),
            row(1, "a", AnswerFields::ALL),
            row(1, "c", only_pile),
            row(1, "d", only_pile),
            row(1, "e", AnswerFields::ALL),
        ];
        let rows: Vec<&AnswerRow> = rows.iter().collect();
        assert_eq!(runs::<ReflectionAnswers>(&rows), [0..3, 3..4, 4..6, 6..7]);
        assert_eq!(runs::<ReflectionAnswers>(&rows[..1]).first(), Some(&(0..1)));
        assert!(runs::<ReflectionAnswers>(&[]).is_empty());
    }

    #[test]
    fn the_upsert_numbers_eight_parameters_a_row_after_the_four_parts() {
        for rows in STATEMENT_ROWS {
            let (sql, padding) = UPSERT.for_run(rows).unwrap();
            assert_eq!(padding, 0);
            let last = 4 + rows * 8;
            assert!(sql.contains(&format!("${last})")), "{rows}");
            assert!(!sql.contains(&format!("${}", last + 1)), "{rows}");
        }
        let (one, _) = UPSERT.for_run(1).unwrap();
        assert!(one.contains("(VALUES ($5, $6, $7, $8, $9, $10, $11, $12))"));
    }
}
