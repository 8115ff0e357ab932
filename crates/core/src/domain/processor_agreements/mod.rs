//! Processor agreements (SPEC §7, Art. 28 GDPR) of a tenant: one per processor of the
//! master data and subject, with the activities it serves, sub-processors, third countries
//! and their safeguards, the check of the processor's TOMs, the review date and the signed
//! agreement as an attachment. Reads apply the user's visibility restrictions in SQL.

pub mod descriptor;
pub mod export;
mod write;

pub(crate) use write::{create, delete, update, write};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::access::visibility::{self, Columns, Filter};
use crate::domain::activities::LinkedActivity;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::attachments::{self, RecordAttachment};

/// A third country the processor may transfer to, with its safeguard (Art. 44 ff.).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgreementCountry {
    pub item_id: i64,
    pub safeguard: String,
}

/// What a person fills in for an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgreementInput {
    pub tenant_id: i64,
    /// A processor of the tenant's master data.
    pub processor_id: i64,
    pub subject: String,
    pub signed_on: Option<NaiveDate>,
    pub sub_processors: String,
    pub tom_check_on: Option<NaiveDate>,
    pub tom_check_result: String,
    pub next_review: Option<NaiveDate>,
    pub notes: String,
    pub editor_id: Option<i64>,
    pub activity_ids: Vec<i64>,
    pub countries: Vec<AgreementCountry>,
}

/// A third country as the agreement shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct NamedCountry {
    pub item_id: i64,
    pub name: String,
    pub safeguard: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProcessorAgreement {
    pub id: i64,
    #[serde(flatten)]
    pub data: AgreementInput,
    pub processor_name: String,
    pub activities: Vec<LinkedActivity>,
    pub country_names: Vec<NamedCountry>,
    pub attachments: Vec<RecordAttachment>,
    pub editor_name: Option<String>,
    pub review_overdue: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AgreementRow {
    pub id: i64,
    pub processor_id: i64,
    pub processor_name: String,
    pub subject: String,
    pub signed_on: Option<NaiveDate>,
    pub tom_check_on: Option<NaiveDate>,
    pub next_review: Option<NaiveDate>,
    pub review_overdue: bool,
    pub activity_count: i64,
    /// Files attached (the signed agreement); 0 says it is still missing.
    pub attachment_count: i64,
    pub editor_name: Option<String>,
    pub updated_at: DateTime<Utc>,
}

const COLUMNS: Columns = Columns {
    editor: Some("g.editor_id"),
    area_name: None,
    status: None,
    top_folder: None,
};

const DETAIL: &str = "SELECT g.id, g.tenant_id, g.processor_id, g.subject, g.signed_on,
        g.sub_processors, g.tom_check_on, g.tom_check_result, g.next_review, g.notes,
        g.editor_id, m.name, u.name, g.created_at, g.updated_at
    FROM processor_agreements g JOIN master_items m ON m.id = g.processor_id
    LEFT JOIN users u ON u.id = g.editor_id";

fn data_from_row(r: &Row<'_>) -> rusqlite::Result<AgreementInput> {
    Ok(AgreementInput {
        tenant_id: r.get(1)?,
        processor_id: r.get(2)?,
        subject: r.get(3)?,
        signed_on: r.get(4)?,
        sub_processors: r.get(5)?,
        tom_check_on: r.get(6)?,
        tom_check_result: r.get(7)?,
        next_review: r.get(8)?,
        notes: r.get(9)?,
        editor_id: r.get(10)?,
        activity_ids: Vec::new(),
        countries: Vec::new(),
    })
}

pub(crate) fn visible(conn: &Connection, user: &UserRecord) -> CoreResult<Filter> {
    visibility::filter(conn, user, ObjectType::ProcessorAgreement, &COLUMNS)
}

fn scope(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<(String, Vec<Value>)> {
    let visible = visible(conn, user)?;
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(visible.params);
    Ok((
        format!("g.tenant_id = ? AND g.trash_id IS NULL AND {}", visible.sql),
        params,
    ))
}

/// The agreements of a tenant the user may see, by processor and subject.
pub(crate) fn list(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    today: NaiveDate,
) -> CoreResult<Vec<AgreementRow>> {
    let (condition, params) = scope(conn, user, tenant_id)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT g.id, g.processor_id, m.name, g.subject, g.signed_on, g.tom_check_on, g.next_review,
            (SELECT COUNT(*) FROM agreement_activities l JOIN processing_activities p ON p.id = l.activity_id
              WHERE l.agreement_id = g.id AND p.trash_id IS NULL),
            (SELECT COUNT(*) FROM record_attachments f WHERE f.object_type = 'processor_agreement' AND f.record_id = g.id),
            u.name, g.updated_at
         FROM processor_agreements g JOIN master_items m ON m.id = g.processor_id
         LEFT JOIN users u ON u.id = g.editor_id
         WHERE {condition} ORDER BY m.name COLLATE NOCASE, g.subject COLLATE NOCASE, g.id"
    ))?;
    let rows = stmt.query_map(params_from_iter(params), |r| {
        let next_review: Option<NaiveDate> = r.get(6)?;
        Ok(AgreementRow {
            id: r.get(0)?,
            processor_id: r.get(1)?,
            processor_name: r.get(2)?,
            subject: r.get(3)?,
            signed_on: r.get(4)?,
            tom_check_on: r.get(5)?,
            next_review,
            review_overdue: next_review.is_some_and(|d| d < today),
            activity_count: r.get(7)?,
            attachment_count: r.get(8)?,
            editor_name: r.get(9)?,
            updated_at: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn full_list(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    today: NaiveDate,
) -> CoreResult<Vec<ProcessorAgreement>> {
    list(conn, user, tenant_id, today)?
        .into_iter()
        .map(|r| load(conn, user, r.id, today))
        .collect()
}

pub(crate) fn count(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<i64> {
    let (condition, params) = scope(conn, user, tenant_id)?;
    Ok(conn.query_row(
        &format!("SELECT COUNT(*) FROM processor_agreements g WHERE {condition}"),
        params_from_iter(params),
        |r| r.get(0),
    )?)
}

pub(crate) fn ids_of_tenant(conn: &Connection, tenant_id: i64) -> CoreResult<Vec<i64>> {
    let ids = conn
        .prepare(
            "SELECT id FROM processor_agreements WHERE tenant_id = ?1 AND trash_id IS NULL ORDER BY id",
        )?
        .query_map([tenant_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// An agreement as stored, with its link ids (to live records).
pub(crate) struct Stored {
    pub data: AgreementInput,
    pub processor_name: String,
    pub editor_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The stored agreement with its link ids, hidden or not.
pub(crate) fn stored(conn: &Connection, id: i64) -> CoreResult<Stored> {
    let mut stored = conn.query_row(&format!("{DETAIL} WHERE g.id = ?1"), [id], |r| {
        Ok(Stored {
            data: data_from_row(r)?,
            processor_name: r.get(11)?,
            editor_name: r.get(12)?,
            created_at: r.get(13)?,
            updated_at: r.get(14)?,
        })
    })?;
    let data = &mut stored.data;
    data.activity_ids = conn
        .prepare_cached(
            "SELECT l.activity_id FROM agreement_activities l JOIN processing_activities p ON p.id = l.activity_id
             WHERE l.agreement_id = ?1 AND p.trash_id IS NULL ORDER BY l.activity_id",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    data.countries = conn
        .prepare_cached(
            "SELECT l.item_id, l.detail FROM agreement_countries l JOIN master_items m ON m.id = l.item_id
             WHERE l.agreement_id = ?1 AND m.trash_id IS NULL ORDER BY l.item_id",
        )?
        .query_map([id], |r| {
            Ok(AgreementCountry {
                item_id: r.get(0)?,
                safeguard: r.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(stored)
}

pub(crate) fn load(
    conn: &Connection,
    user: &UserRecord,
    id: i64,
    today: NaiveDate,
) -> CoreResult<ProcessorAgreement> {
    let Stored {
        data,
        processor_name,
        editor_name,
        created_at,
        updated_at,
    } = stored(conn, id)?;
    let country_names = conn
        .prepare_cached(
            "SELECT l.item_id, m.name, l.detail FROM agreement_countries l JOIN master_items m ON m.id = l.item_id
             WHERE l.agreement_id = ?1 AND m.trash_id IS NULL ORDER BY m.name COLLATE NOCASE",
        )?
        .query_map([id], |r| {
            Ok(NamedCountry {
                item_id: r.get(0)?,
                name: r.get(1)?,
                safeguard: r.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    // Activities are named only to whom may view them (their own right); the record shows
    // the links its reader may see, and a save keeps the others (`update`).
    let activities = if crate::domain::activities::viewable(conn, user)? {
        crate::domain::activities::visible_among(conn, user, &data.activity_ids)?
    } else {
        Vec::new()
    };
    let mut data = data;
    data.activity_ids = activities.iter().map(|a| a.id).collect();
    Ok(ProcessorAgreement {
        id,
        activities,
        review_overdue: data.next_review.is_some_and(|d| d < today),
        data,
        processor_name,
        country_names,
        attachments: attachments::list(conn, ObjectType::ProcessorAgreement, id)?,
        editor_name,
        created_at,
        updated_at,
    })
}

pub(crate) fn visible_by_id(
    conn: &Connection,
    user: &UserRecord,
    id: i64,
    today: NaiveDate,
) -> CoreResult<ProcessorAgreement> {
    let unknown = || {
        CoreError::validation(
            "processor_agreement",
            "unknown",
            format!("no processor agreement with id {id}"),
        )
    };
    let visible = visible(conn, user)?;
    let mut params: Vec<Value> = vec![id.into()];
    params.extend(visible.params);
    let tenant_id: i64 = conn
        .query_row(
            &format!(
                "SELECT g.tenant_id FROM processor_agreements g WHERE g.id = ? AND g.trash_id IS NULL AND {}",
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
