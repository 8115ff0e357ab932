//! The DPIA necessity check of a processing activity ("Schwellwertanalyse", SPEC §6): the
//! three cases of Art. 35(3), the nine WP248 criteria and the authority's must list. A hit
//! of Art. 35(3) or the must list, or two WP248 criteria, make a DPIA required; one makes it
//! recommended; none, not needed.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::must_list;
use crate::access::accounts::UserRecord;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;

/// Art. 35(3) (a)–(c): each alone makes a DPIA required.
pub const ART35_3: [&str; 3] = ["art35_3_a", "art35_3_b", "art35_3_c"];

/// The nine criteria of WP248 rev.01, in its order.
pub const WP248: [&str; 9] = [
    "scoring",
    "automated_decision",
    "systematic_monitoring",
    "sensitive_data",
    "large_scale",
    "matching_datasets",
    "vulnerable_subjects",
    "innovative_technology",
    "prevents_rights",
];

pub use crate::kernel::vocabulary::DpiaVerdict;

/// The verdict and the criteria it rests on.
pub fn verdict(criteria: &[String]) -> (DpiaVerdict, Vec<String>) {
    let decisive: Vec<String> = criteria
        .iter()
        .filter(|c| ART35_3.contains(&c.as_str()) || c.starts_with("must:"))
        .cloned()
        .collect();
    if !decisive.is_empty() {
        return (DpiaVerdict::Required, decisive);
    }
    let wp248: Vec<String> = criteria
        .iter()
        .filter(|c| WP248.contains(&c.as_str()))
        .cloned()
        .collect();
    let verdict = match wp248.len() {
        0 => DpiaVerdict::NotNeeded,
        1 => DpiaVerdict::Recommended,
        _ => DpiaVerdict::Required,
    };
    (verdict, wp248)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CheckInput {
    pub criteria: Vec<String>,
    /// Why a recommended DPIA is not done, or anything else worth keeping.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DpiaCheck {
    pub activity_id: i64,
    pub criteria: Vec<String>,
    pub verdict: DpiaVerdict,
    pub reasons: Vec<String>,
    pub note: String,
    pub checked_at: DateTime<Utc>,
    pub checked_by: String,
}

/// Every criterion name in the shipped order, the must list's after the statute's and WP248's.
fn known(conn: &Connection, name: &str) -> CoreResult<bool> {
    if ART35_3.contains(&name) || WP248.contains(&name) {
        return Ok(true);
    }
    match name
        .strip_prefix("must:")
        .and_then(|n| n.parse::<i64>().ok())
    {
        Some(number) => must_list::exists(conn, number),
        None => Ok(false),
    }
}

pub(crate) fn of_activity(conn: &Connection, activity_id: i64) -> CoreResult<Option<DpiaCheck>> {
    Ok(conn
        .prepare_cached(
            "SELECT criteria, note, checked_at, checked_by FROM dpia_checks WHERE activity_id = ?1",
        )?
        .query_row([activity_id], |r| {
            let criteria: String = r.get(0)?;
            Ok((
                criteria,
                r.get::<_, String>(1)?,
                r.get(2)?,
                r.get::<_, String>(3)?,
            ))
        })
        .optional()?
        .map(|(criteria, note, checked_at, checked_by)| {
            let criteria: Vec<String> = criteria
                .split(',')
                .filter(|c| !c.is_empty())
                .map(String::from)
                .collect();
            let (verdict, reasons) = verdict(&criteria);
            DpiaCheck {
                activity_id,
                criteria,
                verdict,
                reasons,
                note,
                checked_at,
                checked_by,
            }
        }))
}

/// Runs the check on an activity the caller has found visible to the user: stores the
/// criteria with the date and the checking user, and writes the verdict into the
/// activity's DPIA field (a recommended DPIA counts as required until the DPO decides
/// otherwise and says why).
pub(crate) fn record(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    activity_id: i64,
    input: &CheckInput,
) -> CoreResult<DpiaCheck> {
    let mut criteria: Vec<String> = Vec::new();
    for c in &input.criteria {
        let c = c.trim().to_string();
        if !known(conn, &c)? {
            return Err(CoreError::validation(
                "criterion",
                "unknown",
                format!("unknown criterion '{c}' (art35_3_a…c, the nine WP248 names, must:N)"),
            ));
        }
        if !criteria.contains(&c) {
            criteria.push(c);
        }
    }
    let (verdict, _) = verdict(&criteria);
    let old = of_activity(conn, activity_id)?;
    conn.execute(
        "INSERT INTO dpia_checks (activity_id, criteria, verdict, note, checked_at, checked_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(activity_id) DO UPDATE SET criteria = excluded.criteria, verdict = excluded.verdict,
           note = excluded.note, checked_at = excluded.checked_at, checked_by = excluded.checked_by",
        params![
            activity_id,
            criteria.join(","),
            verdict.as_str(),
            input.note.trim(),
            now,
            user.name
        ],
    )?;
    let necessity = match verdict {
        DpiaVerdict::Required | DpiaVerdict::Recommended => "required",
        DpiaVerdict::NotNeeded => "not_required",
    };
    conn.execute(
        "UPDATE processing_activities SET dpia_required = ?1, updated_at = ?2 WHERE id = ?3",
        params![necessity, now, activity_id],
    )?;
    audit::changed(
        conn,
        now,
        &user.actor(),
        "dpia_check",
        ObjectType::ProcessingActivity.as_str(),
        activity_id,
        json!(old.map(|c| c.criteria)),
        json!({ "criteria": criteria, "verdict": verdict }),
    )?;
    Ok(of_activity(conn, activity_id)?.expect("just written"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn no_criterion_means_no_dpia_one_recommends_it_two_require_it() {
        assert_eq!(verdict(&[]).0, DpiaVerdict::NotNeeded);
        assert_eq!(
            verdict(&names(&["scoring"])),
            (DpiaVerdict::Recommended, names(&["scoring"]))
        );
        assert_eq!(
            verdict(&names(&["sensitive_data", "vulnerable_subjects"])),
            (
                DpiaVerdict::Required,
                names(&["sensitive_data", "vulnerable_subjects"])
            )
        );
    }

    #[test]
    fn an_art_35_3_case_or_a_must_list_entry_alone_requires_a_dpia_and_is_the_reason() {
        for decisive in ["art35_3_a", "art35_3_b", "art35_3_c", "must:3"] {
            let (v, reasons) = verdict(&names(&[decisive, "scoring"]));
            assert_eq!(v, DpiaVerdict::Required, "{decisive}");
            assert_eq!(reasons, names(&[decisive]));
        }
    }
}
