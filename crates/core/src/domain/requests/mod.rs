//! Data subject requests (SPEC §7, Art. 12–22 GDPR) of a tenant: who asked what and when,
//! the identity check, the deadline of Art. 12(3) with its extension, the answer or the
//! refusal, and the activities, person groups and applications concerned. The deadline is
//! computed from the receipt date, never stored. Reads apply the user's visibility
//! restrictions in SQL.

pub mod descriptor;
pub mod export;
mod write;

pub use write::RequestField;
pub(crate) use write::{create, delete, mass_change, update, write};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::access::visibility::{self, Columns, Filter};
use crate::domain::activities::LinkedActivity;
use crate::domain::master_data::MasterKind;
use crate::kernel::deadline::{request_deadline, REQUEST_SOON_DAYS};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::{snake_names, ObjectType};
use crate::store::attachments::{self, RecordAttachment};
use crate::store::rows::parsed;

/// The rights of Art. 15–21 and the withdrawal of consent (Art. 7(3)). Stable names: the
/// CLI's `--kind` uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum RequestKind {
    Access,
    Rectification,
    Erasure,
    Restriction,
    Portability,
    Objection,
    ConsentWithdrawal,
}

snake_names!(RequestKind);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum RequestChannel {
    Email,
    Letter,
    Phone,
    InPerson,
    WebForm,
    Other,
}

snake_names!(RequestChannel);

/// Open → (waiting for identity) → in progress → answered, or refused with the reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum RequestStatus {
    Open,
    WaitingForIdentity,
    InProgress,
    Answered,
    Refused,
}

snake_names!(RequestStatus);

impl RequestStatus {
    /// Whether the request still waits for its answer (its deadline runs).
    pub fn is_pending(self) -> bool {
        !matches!(self, RequestStatus::Answered | RequestStatus::Refused)
    }
}

/// What a person fills in for a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RequestInput {
    pub tenant_id: i64,
    pub kind: RequestKind,
    /// Who asked (the data subject or their representative).
    pub requester: String,
    /// How to reach them (address, e-mail).
    pub contact: String,
    pub received_on: NaiveDate,
    pub channel: RequestChannel,
    /// How the identity was checked, and when.
    pub identity_method: String,
    pub identity_checked_on: Option<NaiveDate>,
    pub status: RequestStatus,
    /// 0, 1 or 2 further months (Art. 12(3)), with the reason and the day the requester
    /// was told.
    pub extension_months: u8,
    pub extension_reason: String,
    pub extension_told_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub refusal_reason: String,
    pub notes: String,
    pub editor_id: Option<i64>,
    pub activity_ids: Vec<i64>,
    /// Person groups and applications (master data) the request concerns.
    pub item_ids: Vec<i64>,
}

impl RequestInput {
    /// A new open request with only what the command line asks for.
    pub fn new(tenant_id: i64, kind: RequestKind, received_on: NaiveDate, requester: &str) -> Self {
        RequestInput {
            tenant_id,
            kind,
            requester: requester.into(),
            contact: String::new(),
            received_on,
            channel: RequestChannel::Email,
            identity_method: String::new(),
            identity_checked_on: None,
            status: RequestStatus::Open,
            extension_months: 0,
            extension_reason: String::new(),
            extension_told_on: None,
            answered_on: None,
            refusal_reason: String::new(),
            notes: String::new(),
            editor_id: None,
            activity_ids: Vec::new(),
            item_ids: Vec::new(),
        }
    }

    pub fn deadline(&self) -> NaiveDate {
        request_deadline(self.received_on, self.extension_months)
    }
}

/// A master data item a request names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RequestItem {
    pub id: i64,
    pub kind: MasterKind,
    pub name: String,
}

/// Where a request stands against its deadline on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RequestTiming {
    pub deadline: NaiveDate,
    /// Still pending after its deadline.
    pub overdue: bool,
    /// Pending and due within a week (or overdue).
    pub due_soon: bool,
    /// Days from today to the deadline; negative when overdue.
    pub days_left: i64,
    /// Answered or refused after the deadline.
    pub answered_late: bool,
    /// The deadline of the first month, by which an extension must have been told.
    pub first_deadline: NaiveDate,
}

impl RequestTiming {
    pub fn of(data: &RequestInput, today: NaiveDate) -> Self {
        let deadline = data.deadline();
        let pending = data.status.is_pending();
        let days_left = (deadline - today).num_days();
        RequestTiming {
            deadline,
            overdue: pending && today > deadline,
            due_soon: pending && days_left < REQUEST_SOON_DAYS,
            days_left,
            answered_late: !pending && data.answered_on.is_some_and(|a| a > deadline),
            first_deadline: request_deadline(data.received_on, 0),
        }
    }
}

/// One request with its links, what is processed about the person, and its files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DataSubjectRequest {
    pub id: i64,
    #[serde(flatten)]
    pub data: RequestInput,
    #[serde(flatten)]
    pub timing: RequestTiming,
    pub activities: Vec<LinkedActivity>,
    pub items: Vec<RequestItem>,
    /// "What do we process about this person": the visible activities whose data subjects
    /// include a person group the request names.
    pub processed: Vec<LinkedActivity>,
    pub attachments: Vec<RecordAttachment>,
    pub editor_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One line of the request list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RequestRow {
    pub id: i64,
    pub kind: RequestKind,
    pub requester: String,
    pub received_on: NaiveDate,
    pub status: RequestStatus,
    pub extension_months: u8,
    pub answered_on: Option<NaiveDate>,
    #[serde(flatten)]
    pub timing: RequestTiming,
    pub editor_name: Option<String>,
    pub activity_count: i64,
    pub updated_at: DateTime<Utc>,
}

const COLUMNS: Columns = Columns {
    editor: Some("r.editor_id"),
    area_name: None,
    status: None,
    top_folder: None,
};

const DETAIL: &str = "SELECT r.id, r.tenant_id, r.kind, r.requester, r.contact, r.received_on,
        r.channel, r.identity_method, r.identity_checked_on, r.status, r.extension_months,
        r.extension_reason, r.extension_told_on, r.answered_on, r.refusal_reason, r.notes,
        r.editor_id, u.name, r.created_at, r.updated_at
    FROM data_subject_requests r LEFT JOIN users u ON u.id = r.editor_id";

fn data_from_row(r: &Row<'_>) -> rusqlite::Result<RequestInput> {
    Ok(RequestInput {
        tenant_id: r.get(1)?,
        kind: parsed(2, r.get(2)?, RequestKind::parse)?,
        requester: r.get(3)?,
        contact: r.get(4)?,
        received_on: r.get(5)?,
        channel: parsed(6, r.get(6)?, RequestChannel::parse)?,
        identity_method: r.get(7)?,
        identity_checked_on: r.get(8)?,
        status: parsed(9, r.get(9)?, RequestStatus::parse)?,
        extension_months: r.get(10)?,
        extension_reason: r.get(11)?,
        extension_told_on: r.get(12)?,
        answered_on: r.get(13)?,
        refusal_reason: r.get(14)?,
        notes: r.get(15)?,
        editor_id: r.get(16)?,
        activity_ids: Vec::new(),
        item_ids: Vec::new(),
    })
}

pub(crate) fn visible(conn: &Connection, user: &UserRecord) -> CoreResult<Filter> {
    visibility::filter(conn, user, ObjectType::Request, &COLUMNS)
}

/// The WHERE clause of the visible, not deleted requests of a tenant.
fn scope(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<(String, Vec<Value>)> {
    let visible = visible(conn, user)?;
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(visible.params);
    Ok((
        format!("r.tenant_id = ? AND r.trash_id IS NULL AND {}", visible.sql),
        params,
    ))
}

/// Pending overdue first, then pending by deadline, then the finished ones, newest first.
fn list_order(a: &RequestRow, b: &RequestRow) -> std::cmp::Ordering {
    let rank = |r: &RequestRow| match (r.status.is_pending(), r.timing.overdue) {
        (true, true) => 0,
        (true, false) => 1,
        (false, _) => 2,
    };
    rank(a).cmp(&rank(b)).then_with(|| {
        if a.status.is_pending() {
            a.timing.deadline.cmp(&b.timing.deadline)
        } else {
            b.received_on.cmp(&a.received_on)
        }
        .then(a.id.cmp(&b.id))
    })
}

/// The requests of a tenant the user may see, overdue first.
pub(crate) fn list(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    today: NaiveDate,
) -> CoreResult<Vec<RequestRow>> {
    let (condition, params) = scope(conn, user, tenant_id)?;
    let mut stmt = conn.prepare(&format!("{DETAIL} WHERE {condition}"))?;
    let mut rows: Vec<RequestRow> = Vec::new();
    let mut query = stmt.query(params_from_iter(params))?;
    while let Some(r) = query.next()? {
        let data = data_from_row(r)?;
        let id: i64 = r.get(0)?;
        rows.push(RequestRow {
            id,
            kind: data.kind,
            requester: data.requester.clone(),
            received_on: data.received_on,
            status: data.status,
            extension_months: data.extension_months,
            answered_on: data.answered_on,
            timing: RequestTiming::of(&data, today),
            editor_name: r.get(17)?,
            activity_count: 0,
            updated_at: r.get(19)?,
        });
    }
    drop(query);
    let mut counts = conn.prepare_cached(
        "SELECT COUNT(*) FROM request_activities l JOIN processing_activities p ON p.id = l.activity_id
         WHERE l.request_id = ?1 AND p.trash_id IS NULL",
    )?;
    for row in &mut rows {
        row.activity_count = counts.query_row([row.id], |r| r.get(0))?;
    }
    rows.sort_by(list_order);
    Ok(rows)
}

/// The full records of the tenant's visible requests (for exports), in list order.
pub(crate) fn full_list(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    today: NaiveDate,
) -> CoreResult<Vec<DataSubjectRequest>> {
    list(conn, user, tenant_id, today)?
        .into_iter()
        .map(|r| load(conn, user, r.id, today))
        .collect()
}

pub(crate) fn count(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<i64> {
    let (condition, params) = scope(conn, user, tenant_id)?;
    Ok(conn.query_row(
        &format!("SELECT COUNT(*) FROM data_subject_requests r WHERE {condition}"),
        params_from_iter(params),
        |r| r.get(0),
    )?)
}

/// The ids of all live requests of a tenant, without visibility (tenant files).
pub(crate) fn ids_of_tenant(conn: &Connection, tenant_id: i64) -> CoreResult<Vec<i64>> {
    let ids = conn
        .prepare(
            "SELECT id FROM data_subject_requests WHERE tenant_id = ?1 AND trash_id IS NULL
             ORDER BY received_on, id",
        )?
        .query_map([tenant_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// A request as stored, with its link ids (to live records).
pub(crate) struct Stored {
    pub data: RequestInput,
    pub editor_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The stored request and its link ids, deleted or hidden or not.
pub(crate) fn stored(conn: &Connection, id: i64) -> CoreResult<Stored> {
    let mut stored = conn.query_row(&format!("{DETAIL} WHERE r.id = ?1"), [id], |r| {
        Ok(Stored {
            data: data_from_row(r)?,
            editor_name: r.get(17)?,
            created_at: r.get(18)?,
            updated_at: r.get(19)?,
        })
    })?;
    let data = &mut stored.data;
    data.activity_ids = conn
        .prepare_cached(
            "SELECT l.activity_id FROM request_activities l JOIN processing_activities p ON p.id = l.activity_id
             WHERE l.request_id = ?1 AND p.trash_id IS NULL ORDER BY l.activity_id",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    data.item_ids = conn
        .prepare_cached(
            "SELECT l.item_id FROM request_items l JOIN master_items m ON m.id = l.item_id
             WHERE l.request_id = ?1 AND m.trash_id IS NULL ORDER BY l.item_id",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(stored)
}

/// A request with what the user may see of its links.
pub(crate) fn load(
    conn: &Connection,
    user: &UserRecord,
    id: i64,
    today: NaiveDate,
) -> CoreResult<DataSubjectRequest> {
    let Stored {
        data,
        editor_name,
        created_at,
        updated_at,
    } = stored(conn, id)?;
    let items: Vec<RequestItem> = conn
        .prepare_cached(
            "SELECT m.id, m.kind, m.name FROM request_items l JOIN master_items m ON m.id = l.item_id
             WHERE l.request_id = ?1 AND m.trash_id IS NULL ORDER BY m.kind, m.name COLLATE NOCASE",
        )?
        .query_map([id], |r| {
            Ok(RequestItem {
                id: r.get(0)?,
                kind: parsed(1, r.get(1)?, MasterKind::parse)?,
                name: r.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let groups: Vec<i64> = items
        .iter()
        .filter(|i| i.kind == MasterKind::PersonGroup)
        .map(|i| i.id)
        .collect();
    // Activities are named only to whom may view them (their own right).
    let (activities, processed) = if crate::domain::activities::viewable(conn, user)? {
        (
            crate::domain::activities::visible_among(conn, user, &data.activity_ids)?,
            crate::domain::activities::visible_with_items(conn, user, data.tenant_id, &groups)?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    // The record shows the links its reader may see; a save keeps the others (`update`).
    let mut data = data;
    data.activity_ids = activities.iter().map(|a| a.id).collect();
    Ok(DataSubjectRequest {
        id,
        timing: RequestTiming::of(&data, today),
        data,
        activities,
        items,
        processed,
        attachments: attachments::list(conn, ObjectType::Request, id)?,
        editor_name,
        created_at,
        updated_at,
    })
}

/// One request the user may see, in a tenant they may open and not deleted; anything else
/// is unknown.
pub(crate) fn visible_by_id(
    conn: &Connection,
    user: &UserRecord,
    id: i64,
    today: NaiveDate,
) -> CoreResult<DataSubjectRequest> {
    let unknown =
        || CoreError::validation("request", "unknown", format!("no request with id {id}"));
    let visible = visible(conn, user)?;
    let mut params: Vec<Value> = vec![id.into()];
    params.extend(visible.params);
    let tenant_id: i64 = conn
        .query_row(
            &format!(
                "SELECT r.tenant_id FROM data_subject_requests r WHERE r.id = ? AND r.trash_id IS NULL AND {}",
                visible.sql
            ),
            params_from_iter(params),
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(unknown)?;
    crate::access::scope::tenant(conn, user, tenant_id).map_err(|_| unknown())?;
    load(conn, user, id, today)
}
