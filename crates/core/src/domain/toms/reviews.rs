//! Reviews of a measure (SPEC §5, Art. 32(1)(d)): each one is kept; the latest sets the
//! next review date, by default one year later.

use chrono::{DateTime, Months, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::{load, today, visible_by_id, Tom};
use crate::access::accounts::UserRecord;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit::{self, Change};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReviewInput {
    /// The day of the review; today when empty.
    pub reviewed_on: Option<NaiveDate>,
    /// Who reviewed; the signed-in user when empty.
    pub reviewer: String,
    pub result: String,
    /// One year after the review when empty.
    pub next_review: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TomReview {
    pub id: i64,
    pub reviewed_on: NaiveDate,
    pub reviewer: String,
    pub result: String,
    pub next_review: Option<NaiveDate>,
    pub recorded_at: DateTime<Utc>,
    pub recorded_by: String,
}

/// The reviews of a measure, latest first.
pub(crate) fn history(conn: &Connection, tom_id: i64) -> CoreResult<Vec<TomReview>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, reviewed_on, reviewer, result, next_review, recorded_at, recorded_by
         FROM tom_reviews WHERE tom_id = ?1 ORDER BY reviewed_on DESC, id DESC",
    )?;
    let rows = stmt.query_map([tom_id], |r| {
        Ok(TomReview {
            id: r.get(0)?,
            reviewed_on: r.get(1)?,
            reviewer: r.get(2)?,
            result: r.get(3)?,
            next_review: r.get(4)?,
            recorded_at: r.get(5)?,
            recorded_by: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Writes a review as it stands (tenant files, copies); the caller audits.
pub(crate) fn insert(conn: &Connection, tom_id: i64, review: &TomReview) -> CoreResult<()> {
    conn.execute(
        "INSERT INTO tom_reviews (tom_id, reviewed_on, reviewer, result, next_review, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            tom_id,
            review.reviewed_on,
            review.reviewer,
            review.result,
            review.next_review,
            review.recorded_at,
            review.recorded_by
        ],
    )?;
    Ok(())
}

/// One year after `day`; 29 February falls back to 28 February.
pub fn one_year_after(day: NaiveDate) -> NaiveDate {
    day.checked_add_months(Months::new(12)).unwrap_or(day)
}

/// Records a review and moves the measure's next review to its date. Refused, with nothing
/// changed: an empty result, a review day before the latest recorded one or in the future,
/// a next review not after the review day.
pub(crate) fn record_review(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    tom_id: i64,
    input: &ReviewInput,
) -> CoreResult<Tom> {
    let tom = visible_by_id(conn, user, tom_id)?;
    let result = input.result.trim();
    if result.is_empty() {
        return Err(CoreError::validation(
            "review_result",
            "required",
            "a review needs its result",
        ));
    }
    let today = today(now);
    let reviewed_on = input.reviewed_on.unwrap_or(today);
    if reviewed_on > today {
        return Err(CoreError::validation(
            "reviewed_on",
            "future",
            "a review cannot be recorded for a day that has not come yet",
        ));
    }
    if let Some(last) = tom.reviews.first() {
        if reviewed_on < last.reviewed_on {
            return Err(CoreError::validation(
                "reviewed_on",
                "before_last",
                format!(
                    "the last review was on {}; a new one cannot be dated earlier",
                    last.reviewed_on
                ),
            ));
        }
    }
    let next_review = input.next_review.unwrap_or(one_year_after(reviewed_on));
    if next_review <= reviewed_on {
        return Err(CoreError::validation(
            "next_review",
            "before_review",
            "the next review must come after this one",
        ));
    }
    let reviewer = match input.reviewer.trim() {
        "" => user.name.clone(),
        name => name.chars().take(200).collect(),
    };
    conn.execute(
        "INSERT INTO tom_reviews (tom_id, reviewed_on, reviewer, result, next_review, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![tom_id, reviewed_on, reviewer, result, next_review, now, user.name],
    )?;
    conn.execute(
        "UPDATE toms SET next_review = ?1, updated_at = ?2 WHERE id = ?3",
        params![next_review, now, tom_id],
    )?;
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action: "review",
            object_type: ObjectType::Tom.as_str(),
            object_id: Some(tom_id.to_string()),
            old: Some(json!({ "next_review": tom.data.next_review })),
            new: Some(json!({
                "reviewed_on": reviewed_on, "reviewer": reviewer, "result": result, "next_review": next_review
            })),
        },
    )?;
    load(conn, tom_id)
}
