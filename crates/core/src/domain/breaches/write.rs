//! Recording, changing, mass-changing and deleting breaches, each inside the caller's
//! transaction with its audit entries.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::{load, visible_by_id, Breach, BreachInput, BreachRisk, BreachStatus};
use crate::access::accounts::{self, UserRecord};
use crate::kernel::deadline::breach_deadline;
use crate::kernel::error::{CoreError, CoreResult, Problems};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;
use crate::store::trash::{self, Deleted};

const TITLE_MAX: usize = 300;

/// A few minutes of tolerance for clocks of different machines.
const FUTURE_TOLERANCE_MINUTES: i64 = 10;

fn plausible_year(year: i32) -> bool {
    (1970..=2200).contains(&year)
}

impl BreachInput {
    /// Checks the fields and the rules of Art. 33/34 that a record must satisfy; returns
    /// the normalised input.
    fn validated(
        &self,
        conn: &Connection,
        user: &UserRecord,
        now: DateTime<Utc>,
    ) -> CoreResult<BreachInput> {
        let mut problems = Problems::default();
        let title = self.title.trim();
        if title.is_empty() {
            problems.push(CoreError::validation(
                "breach_title",
                "required",
                "say in a few words what happened",
            ));
        } else if title.chars().count() > TITLE_MAX {
            problems.push(CoreError::validation(
                "breach_title",
                "too_long",
                format!("at most {TITLE_MAX} characters"),
            ));
        }
        let latest = now + Duration::minutes(FUTURE_TOLERANCE_MINUTES);
        if !plausible_year(self.discovered_at.year()) {
            problems.push(CoreError::validation(
                "discovered_at",
                "range",
                "the date is not plausible (years 1970 to 2200)",
            ));
        } else if self.discovered_at > latest {
            problems.push(CoreError::validation(
                "discovered_at",
                "future",
                "a breach cannot have been discovered in the future",
            ));
        }
        if let Some(at) = self.authority_notified_at {
            if at < self.discovered_at {
                problems.push(CoreError::validation(
                    "authority_notified_at",
                    "before_discovery",
                    "the authority cannot have been notified before the breach was discovered",
                ));
            } else if at > latest {
                problems.push(CoreError::validation(
                    "authority_notified_at",
                    "future",
                    "the notification cannot lie in the future",
                ));
            } else if at > breach_deadline(self.discovered_at)
                && self.late_reasons.trim().is_empty()
            {
                problems.push(CoreError::validation(
                    "late_reasons",
                    "required",
                    "a notification after 72 hours needs the reasons for the delay (Art. 33(1) GDPR)",
                ));
            }
        }
        if self.subjects_notified_on.is_some_and(|d: NaiveDate| {
            !plausible_year(d.year()) || d < self.discovered_at.date_naive() - Duration::days(1)
        }) {
            problems.push(CoreError::validation(
                "subjects_notified_on",
                "before_discovery",
                "the data subjects cannot have been told before the breach was discovered",
            ));
        }
        if self.risk != BreachRisk::NotAssessed && self.risk_reasons.trim().is_empty() {
            problems.push(CoreError::validation(
                "risk_reasons",
                "required",
                "a risk assessment needs its reasons, also when there is no risk (Art. 33(5) GDPR)",
            ));
        }
        if self.status == BreachStatus::Closed {
            if self.risk == BreachRisk::NotAssessed {
                problems.push(CoreError::validation(
                    "risk",
                    "required",
                    "assess the risk before closing the breach",
                ));
            }
            if self.authority_required()
                && self.risk != BreachRisk::NotAssessed
                && self.authority_notified_at.is_none()
            {
                problems.push(CoreError::validation(
                    "authority_notified_at",
                    "required",
                    "a breach with a risk is closed once the authority has been notified",
                ));
            }
            if self.risk == BreachRisk::HighRisk
                && self.subjects_notified_on.is_none()
                && self.subjects_not_notified_reason.trim().is_empty()
            {
                problems.push(CoreError::validation(
                    "subjects_notified_on",
                    "required",
                    "with a high risk, record when the data subjects were told, or why not (Art. 34 GDPR)",
                ));
            }
        }
        problems.finish()?;
        crate::access::scope::tenant(conn, user, self.tenant_id)?;
        if let Some(editor) = self.editor_id {
            if !accounts::by_id(conn, editor)?.is_some_and(|u| u.active) {
                return Err(CoreError::validation(
                    "editor",
                    "unknown",
                    format!("no active user with id {editor}"),
                ));
            }
        }
        let trim = |s: &str| s.trim().to_string();
        Ok(BreachInput {
            title: title.to_string(),
            occurred: trim(&self.occurred),
            description: trim(&self.description),
            subject_categories: trim(&self.subject_categories),
            subjects_approx: trim(&self.subjects_approx),
            record_categories: trim(&self.record_categories),
            records_approx: trim(&self.records_approx),
            consequences: trim(&self.consequences),
            measures_taken: trim(&self.measures_taken),
            measures_proposed: trim(&self.measures_proposed),
            risk_reasons: trim(&self.risk_reasons),
            authority_reference: trim(&self.authority_reference),
            late_reasons: trim(&self.late_reasons),
            subjects_notified_how: trim(&self.subjects_notified_how),
            subjects_not_notified_reason: trim(&self.subjects_not_notified_reason),
            ..self.clone()
        })
    }
}

/// Writes a breach's row from one column list; the caller has validated `data`.
pub(crate) fn write(
    conn: &Connection,
    id: Option<i64>,
    data: &BreachInput,
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    let (risk, status) = (data.risk.as_str(), data.status.as_str());
    crate::store::rows::save(
        conn,
        "data_breaches",
        id,
        &[
            ("tenant_id", &data.tenant_id),
            ("title", &data.title),
            ("discovered_at", &data.discovered_at),
            ("occurred", &data.occurred),
            ("description", &data.description),
            ("subject_categories", &data.subject_categories),
            ("subjects_approx", &data.subjects_approx),
            ("record_categories", &data.record_categories),
            ("records_approx", &data.records_approx),
            ("consequences", &data.consequences),
            ("measures_taken", &data.measures_taken),
            ("measures_proposed", &data.measures_proposed),
            ("risk", &risk),
            ("risk_reasons", &data.risk_reasons),
            ("authority_notified_at", &data.authority_notified_at),
            ("authority_reference", &data.authority_reference),
            ("late_reasons", &data.late_reasons),
            ("subjects_notified_on", &data.subjects_notified_on),
            ("subjects_notified_how", &data.subjects_notified_how),
            (
                "subjects_not_notified_reason",
                &data.subjects_not_notified_reason,
            ),
            ("status", &status),
            ("editor_id", &data.editor_id),
        ],
        now,
    )
}

pub(crate) fn create(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    input: &BreachInput,
) -> CoreResult<Breach> {
    let data = input.validated(conn, user, now)?;
    let id = write(conn, None, &data, now)?;
    audit::created(
        conn,
        now,
        &user.actor(),
        ObjectType::Breach.as_str(),
        id,
        json!(data),
    )?;
    load(conn, id, now)
}

pub(crate) fn update(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    input: &BreachInput,
) -> CoreResult<Breach> {
    let old = visible_by_id(conn, user, id, now)?;
    if input.tenant_id != old.data.tenant_id {
        return Err(CoreError::validation(
            "tenant",
            "other_tenant",
            "a breach stays in its tenant",
        ));
    }
    let data = input.validated(conn, user, now)?;
    if data != old.data {
        write(conn, Some(id), &data, now)?;
        audit::changed(
            conn,
            now,
            &user.actor(),
            "update",
            ObjectType::Breach.as_str(),
            id,
            json!(old.data),
            json!(data),
        )?;
    }
    load(conn, id, now)
}

/// One field set to one value over a selection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
#[ts(export)]
pub enum BreachField {
    Status(BreachStatus),
    Editor(Option<i64>),
}

/// Applies the change to every selected breach, or to none (a breach that may not be
/// closed yet refuses the whole change with its reason).
pub(crate) fn mass_change(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
    field: &BreachField,
) -> CoreResult<usize> {
    if ids.is_empty() {
        return Err(CoreError::validation(
            "selection",
            "required",
            "select at least one breach",
        ));
    }
    let mut changed = 0;
    for &id in ids {
        let old = visible_by_id(conn, user, id, now)?;
        let mut data = old.data.clone();
        match field {
            BreachField::Status(s) => data.status = *s,
            BreachField::Editor(e) => data.editor_id = *e,
        }
        let data = data.validated(conn, user, now)?;
        if data != old.data {
            write(conn, Some(id), &data, now)?;
            audit::changed(
                conn,
                now,
                &user.actor(),
                "mass_change",
                ObjectType::Breach.as_str(),
                id,
                json!(old.data),
                json!(data),
            )?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// Moves breaches into the trash. The register must keep every breach (Art. 33(5)), so a
/// delete is for a record made by mistake; it stays restorable for 30 days.
pub(crate) fn delete(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
) -> CoreResult<Vec<i64>> {
    let mut entries = Vec::new();
    for &id in ids {
        let breach = visible_by_id(conn, user, id, now)?;
        entries.push(trash::put(
            conn,
            now,
            &user.actor(),
            Deleted {
                tenant_id: Some(breach.data.tenant_id),
                object: ObjectType::Breach,
                object_id: id,
                label: &breach.data.title,
            },
            super::descriptor::CASCADE,
        )?);
    }
    Ok(entries)
}
