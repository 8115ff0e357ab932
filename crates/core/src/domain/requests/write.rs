//! Recording, changing, mass-changing and deleting requests, each inside the caller's
//! transaction with its audit entries.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::{load, stored, visible_by_id, DataSubjectRequest, RequestInput, RequestStatus};
use crate::access::accounts::{self, UserRecord};
use crate::domain::master_data::{self, MasterKind};
use crate::kernel::deadline::{request_deadline, MAX_EXTENSION_MONTHS};
use crate::kernel::error::{CoreError, CoreResult, Problems};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;
use crate::store::trash::{self, Deleted};

const NAME_MAX: usize = 200;

fn plausible(problems: &mut Problems, field: &'static str, date: Option<NaiveDate>) {
    if date.is_some_and(|d| !(1970..=2200).contains(&d.year())) {
        problems.push(CoreError::validation(
            field,
            "range",
            "the date is not plausible (years 1970 to 2200)",
        ));
    }
}

fn not_before_receipt(
    problems: &mut Problems,
    field: &'static str,
    date: Option<NaiveDate>,
    received_on: NaiveDate,
    what: &str,
) {
    if date.is_some_and(|d| d < received_on) {
        problems.push(CoreError::validation(
            field,
            "before_receipt",
            format!("{what} cannot lie before the request was received"),
        ));
    }
}

impl RequestInput {
    /// Checks every field against the rules and the user's reach; returns the normalised
    /// input. `today` bounds the receipt date.
    fn validated(
        &self,
        conn: &Connection,
        user: &UserRecord,
        today: NaiveDate,
    ) -> CoreResult<RequestInput> {
        let mut problems = Problems::default();
        let requester = self.requester.trim();
        if requester.is_empty() {
            problems.push(CoreError::validation(
                "requester",
                "required",
                "say who made the request",
            ));
        } else if requester.chars().count() > NAME_MAX {
            problems.push(CoreError::validation(
                "requester",
                "too_long",
                format!("at most {NAME_MAX} characters"),
            ));
        }
        plausible(&mut problems, "received_on", Some(self.received_on));
        if self.received_on > today {
            problems.push(CoreError::validation(
                "received_on",
                "future",
                "a request cannot have been received after today",
            ));
        }
        for (field, date, what) in [
            (
                "identity_checked_on",
                self.identity_checked_on,
                "the identity check",
            ),
            (
                "extension_told_on",
                self.extension_told_on,
                "telling the requester",
            ),
            ("answered_on", self.answered_on, "the answer"),
        ] {
            plausible(&mut problems, field, date);
            not_before_receipt(&mut problems, field, date, self.received_on, what);
        }
        if self.extension_months > MAX_EXTENSION_MONTHS {
            problems.push(CoreError::validation(
                "extension_months",
                "range",
                format!("the deadline can be extended by at most {MAX_EXTENSION_MONTHS} months (Art. 12(3) GDPR)"),
            ));
        }
        if self.extension_months > 0 {
            if self.extension_reason.trim().is_empty() {
                problems.push(CoreError::validation(
                    "extension_reason",
                    "required",
                    "an extension needs its reason (complexity or number of requests)",
                ));
            }
            match self.extension_told_on {
                None => problems.push(CoreError::validation(
                    "extension_told_on",
                    "required",
                    "say when the requester was told of the extension",
                )),
                // Art. 12(3): the requester is told within one month of receipt.
                Some(told) if told > request_deadline(self.received_on, 0) => {
                    problems.push(CoreError::validation(
                        "extension_told_on",
                        "too_late",
                        format!(
                            "an extension must be told within the first month, by {}",
                            request_deadline(self.received_on, 0)
                        ),
                    ))
                }
                Some(_) => {}
            }
        }
        match self.status {
            RequestStatus::Answered if self.answered_on.is_none() => {
                problems.push(CoreError::validation(
                    "answered_on",
                    "required",
                    "an answered request needs the date of the answer",
                ))
            }
            RequestStatus::Refused if self.refusal_reason.trim().is_empty() => {
                problems.push(CoreError::validation(
                    "refusal_reason",
                    "required",
                    "a refusal needs its reason, which the requester is told (Art. 12(4) GDPR)",
                ))
            }
            _ => {}
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
        let activity_ids =
            crate::domain::activities::linkable(conn, user, self.tenant_id, &self.activity_ids)?;
        let mut item_ids = self.item_ids.clone();
        item_ids.sort_unstable();
        item_ids.dedup();
        for &id in &item_ids {
            let item = master_data::accessible(conn, user, id, MasterKind::PersonGroup)
                .or_else(|_| master_data::accessible(conn, user, id, MasterKind::Application))?;
            if item.tenant_id != self.tenant_id {
                return Err(CoreError::validation(
                    "master_item",
                    "other_tenant",
                    format!("master data item {id} belongs to another tenant"),
                ));
            }
        }
        Ok(RequestInput {
            requester: requester.to_string(),
            contact: self.contact.trim().to_string(),
            identity_method: self.identity_method.trim().to_string(),
            extension_reason: self.extension_reason.trim().to_string(),
            refusal_reason: self.refusal_reason.trim().to_string(),
            notes: self.notes.trim().to_string(),
            activity_ids,
            item_ids,
            ..self.clone()
        })
    }
}

/// Writes a request's row from one column list and replaces its links to live records;
/// the caller has validated `data`.
pub(crate) fn write(
    conn: &Connection,
    id: Option<i64>,
    data: &RequestInput,
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    let (kind, channel, status) = (
        data.kind.as_str(),
        data.channel.as_str(),
        data.status.as_str(),
    );
    let id = crate::store::rows::save(
        conn,
        "data_subject_requests",
        id,
        &[
            ("tenant_id", &data.tenant_id),
            ("kind", &kind),
            ("requester", &data.requester),
            ("contact", &data.contact),
            ("received_on", &data.received_on),
            ("channel", &channel),
            ("identity_method", &data.identity_method),
            ("identity_checked_on", &data.identity_checked_on),
            ("status", &status),
            ("extension_months", &data.extension_months),
            ("extension_reason", &data.extension_reason),
            ("extension_told_on", &data.extension_told_on),
            ("answered_on", &data.answered_on),
            ("refusal_reason", &data.refusal_reason),
            ("notes", &data.notes),
            ("editor_id", &data.editor_id),
        ],
        now,
    )?;
    // Links to records in the trash keep their row: they come back with the record.
    conn.prepare_cached(
        "DELETE FROM request_activities WHERE request_id = ?1
         AND EXISTS(SELECT 1 FROM processing_activities p WHERE p.id = request_activities.activity_id AND p.trash_id IS NULL)",
    )?
    .execute([id])?;
    conn.prepare_cached(
        "DELETE FROM request_items WHERE request_id = ?1
         AND EXISTS(SELECT 1 FROM master_items m WHERE m.id = request_items.item_id AND m.trash_id IS NULL)",
    )?
    .execute([id])?;
    let mut activity = conn.prepare_cached(
        "INSERT OR IGNORE INTO request_activities (request_id, activity_id) VALUES (?1, ?2)",
    )?;
    for a in &data.activity_ids {
        activity.execute(params![id, a])?;
    }
    let mut item = conn.prepare_cached(
        "INSERT OR IGNORE INTO request_items (request_id, item_id) VALUES (?1, ?2)",
    )?;
    for i in &data.item_ids {
        item.execute(params![id, i])?;
    }
    Ok(id)
}

pub(crate) fn create(
    conn: &Connection,
    now: DateTime<Utc>,
    today: NaiveDate,
    user: &UserRecord,
    input: &RequestInput,
) -> CoreResult<DataSubjectRequest> {
    let data = input.validated(conn, user, today)?;
    let id = write(conn, None, &data, now)?;
    audit::created(
        conn,
        now,
        &user.actor(),
        ObjectType::Request.as_str(),
        id,
        json!(data),
    )?;
    load(conn, user, id, today)
}

/// Links the user cannot see stay as they are: a change through a narrower view must not
/// drop what it does not show.
pub(crate) fn update(
    conn: &Connection,
    now: DateTime<Utc>,
    today: NaiveDate,
    user: &UserRecord,
    id: i64,
    input: &RequestInput,
) -> CoreResult<DataSubjectRequest> {
    let old = visible_by_id(conn, user, id, today)?;
    if input.tenant_id != old.data.tenant_id {
        return Err(CoreError::validation(
            "tenant",
            "other_tenant",
            "a request stays in its tenant",
        ));
    }
    let mut data = input.validated(conn, user, today)?;
    let stored_data = stored(conn, id)?.data;
    let shown: Vec<i64> = old.activities.iter().map(|a| a.id).collect();
    data.activity_ids.extend(
        stored_data
            .activity_ids
            .iter()
            .filter(|a| !shown.contains(a)),
    );
    data.activity_ids.sort_unstable();
    data.activity_ids.dedup();
    if data != stored_data {
        write(conn, Some(id), &data, now)?;
        audit::changed(
            conn,
            now,
            &user.actor(),
            "update",
            ObjectType::Request.as_str(),
            id,
            json!(stored_data),
            json!(data),
        )?;
    }
    load(conn, user, id, today)
}

/// One field set to one value over a selection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
#[ts(export)]
pub enum RequestField {
    Status(RequestStatus),
    Editor(Option<i64>),
}

/// Applies the change to every selected request, or to none.
pub(crate) fn mass_change(
    conn: &Connection,
    now: DateTime<Utc>,
    today: NaiveDate,
    user: &UserRecord,
    ids: &[i64],
    field: &RequestField,
) -> CoreResult<usize> {
    if ids.is_empty() {
        return Err(CoreError::validation(
            "selection",
            "required",
            "select at least one request",
        ));
    }
    let mut changed = 0;
    for &id in ids {
        let old = visible_by_id(conn, user, id, today)?;
        let stored_data = stored(conn, id)?.data;
        let mut data = stored_data.clone();
        match field {
            RequestField::Status(s) => {
                data.status = *s;
                if *s == RequestStatus::Answered && data.answered_on.is_none() {
                    data.answered_on = Some(today);
                }
            }
            RequestField::Editor(e) => data.editor_id = *e,
        }
        // The hidden links stay; only the fields are checked again.
        let checked = RequestInput {
            activity_ids: old.activities.iter().map(|a| a.id).collect(),
            ..data.clone()
        }
        .validated(conn, user, today)?;
        let data = RequestInput {
            activity_ids: data.activity_ids,
            ..checked
        };
        if data != stored_data {
            write(conn, Some(id), &data, now)?;
            audit::changed(
                conn,
                now,
                &user.actor(),
                "mass_change",
                ObjectType::Request.as_str(),
                id,
                json!(stored_data),
                json!(data),
            )?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// Moves the requests into the trash, one entry each, all or none.
pub(crate) fn delete(
    conn: &Connection,
    now: DateTime<Utc>,
    today: NaiveDate,
    user: &UserRecord,
    ids: &[i64],
) -> CoreResult<Vec<i64>> {
    let mut entries = Vec::new();
    for &id in ids {
        let request = visible_by_id(conn, user, id, today)?;
        let label = format!("{} ({})", request.data.requester, request.data.received_on);
        entries.push(trash::put(
            conn,
            now,
            &user.actor(),
            Deleted {
                tenant_id: Some(request.data.tenant_id),
                object: ObjectType::Request,
                object_id: id,
                label: &label,
            },
            super::descriptor::CASCADE,
        )?);
    }
    Ok(entries)
}
