//! Technical and organisational measures (SPEC §5, Art. 32 GDPR) of a tenant. The shipped
//! catalogue is copied into every tenant; a DPO then adopts it per company in the seed's
//! three steps: mark the measures generally valid for a company, describe how each is done
//! there and when it is reviewed next, set it active. Reads apply the user's visibility
//! restrictions in SQL, so a measure the user may not see is unknown to them.

pub mod catalogue;
pub mod descriptor;
pub mod export;
mod reviews;
mod write;

pub(crate) use reviews::{history, insert as insert_review, record_review};
pub use reviews::{one_year_after, ReviewInput, TomReview};
pub(crate) use write::{copy, copy_to_tenant, create, delete, mass_change, update, write};
pub use write::{TomCopyTarget, TomField};

use chrono::{DateTime, Local, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::access::visibility::{self, Columns, Filter};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::{snake_names, ObjectType};
use crate::store::rows::parsed;

/// The eight protection types of the seed: the controls of the former annex to § 9 BDSG
/// (DOMAIN-FACTS A.1). Stable names: the CLI and exports use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum ProtectionType {
    PhysicalAccess,
    SystemAccess,
    DataAccess,
    Transfer,
    Input,
    Processor,
    Availability,
    Separation,
}

snake_names!(ProtectionType);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum TomKind {
    Technical,
    Organisational,
}

snake_names!(TomKind);

/// The seed's workflow: a measure is in review until described for its companies, then
/// active; one that does not apply is inactive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum TomStatus {
    InReview,
    Active,
    Inactive,
}

snake_names!(TomStatus);

/// The points of Art. 32(1) GDPR a measure serves: (a) pseudonymisation and encryption,
/// (b) confidentiality, integrity, availability and resilience, (c) timely restore,
/// (d) regular testing and evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Art32Goal {
    A,
    B,
    C,
    D,
}

snake_names!(Art32Goal);

/// The seven protection goals of the Standard Data Protection Model (SDM 3.1, C1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum SdmGoal {
    DataMinimisation,
    Availability,
    Integrity,
    Confidentiality,
    Unlinkability,
    Transparency,
    Intervenability,
}

snake_names!(SdmGoal);

/// What a person fills in for a measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TomInput {
    pub tenant_id: i64,
    pub protection_type: ProtectionType,
    pub kind: TomKind,
    pub title: String,
    /// What the measure means in practice (the catalogue's text, editable).
    pub description: String,
    /// How the measure is done in this company (step 2 of the seed).
    pub implementation: String,
    pub art32: Vec<Art32Goal>,
    pub sdm: Vec<SdmGoal>,
    pub status: TomStatus,
    pub editor_id: Option<i64>,
    pub next_review: Option<NaiveDate>,
    /// The companies of the tenant the measure is generally valid for.
    pub company_ids: Vec<i64>,
}

impl TomInput {
    /// A new own measure in review, with only a type and a title.
    pub fn new(tenant_id: i64, protection_type: ProtectionType, title: &str) -> Self {
        TomInput {
            tenant_id,
            protection_type,
            kind: TomKind::Organisational,
            title: title.into(),
            description: String::new(),
            implementation: String::new(),
            art32: Vec::new(),
            sdm: Vec::new(),
            status: TomStatus::InReview,
            editor_id: None,
            next_review: None,
            company_ids: Vec::new(),
        }
    }
}

/// A record a measure refers to, with its name for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NamedRef {
    pub id: i64,
    pub name: String,
}

/// One measure with its companies and review history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Tom {
    pub id: i64,
    /// The catalogue entry the measure came from; `None` for own measures.
    pub catalogue_key: Option<String>,
    #[serde(flatten)]
    pub data: TomInput,
    pub companies: Vec<NamedRef>,
    pub editor_name: Option<String>,
    pub reviews: Vec<TomReview>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One line of the measure list: what the columns show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TomRow {
    pub id: i64,
    pub protection_type: ProtectionType,
    pub kind: TomKind,
    pub title: String,
    pub status: TomStatus,
    pub company_ids: Vec<i64>,
    pub company_names: Vec<String>,
    pub editor_name: Option<String>,
    pub next_review: Option<NaiveDate>,
    pub last_review: Option<NaiveDate>,
    /// Linked processing activities (not deleted).
    pub activity_count: i64,
    pub own: bool,
    pub updated_at: DateTime<Utc>,
}

/// What the list is narrowed to; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TomFilter {
    pub protection_type: Option<ProtectionType>,
    pub status: Option<TomStatus>,
    pub company_id: Option<i64>,
    /// Only measures whose next review is due within `REVIEW_DUE_DAYS` or overdue.
    pub review_due: bool,
}

/// A review counts as due this many days before its date (dashboard and filter).
pub const REVIEW_DUE_DAYS: i64 = 30;

const COLUMNS: Columns = Columns {
    editor: Some("t.editor_id"),
    area_name: None,
    status: Some("t.status"),
    top_folder: None,
};

const ROW: &str = "SELECT t.id, t.protection_type, t.kind, t.title, t.status,
        (SELECT group_concat(tc.company_id, ',') FROM tom_companies tc JOIN companies c ON c.id = tc.company_id
          WHERE tc.tom_id = t.id AND c.trash_id IS NULL),
        (SELECT group_concat(c.name, char(31)) FROM tom_companies tc JOIN companies c ON c.id = tc.company_id
          WHERE tc.tom_id = t.id AND c.trash_id IS NULL),
        u.name, t.next_review,
        (SELECT max(r.reviewed_on) FROM tom_reviews r WHERE r.tom_id = t.id),
        (SELECT count(*) FROM activity_toms l JOIN processing_activities p ON p.id = l.activity_id
          WHERE l.tom_id = t.id AND p.trash_id IS NULL),
        t.catalogue_key IS NULL, t.updated_at
    FROM toms t LEFT JOIN users u ON u.id = t.editor_id";

const DETAIL: &str =
    "SELECT t.id, t.catalogue_key, t.tenant_id, t.protection_type, t.kind, t.title,
        t.description, t.implementation, t.art32, t.sdm, t.status, t.editor_id, t.next_review,
        u.name, t.created_at, t.updated_at
    FROM toms t LEFT JOIN users u ON u.id = t.editor_id";

/// A comma-separated list of stable names, as `art32` and `sdm` are stored.
fn names_list<T: Copy>(
    index: usize,
    text: String,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<Vec<T>> {
    text.split(',')
        .filter(|s| !s.is_empty())
        .map(|s| parsed(index, s.to_string(), parse))
        .collect()
}

pub(crate) fn joined<T: Copy + Into<&'static str>>(values: &[T]) -> String {
    values
        .iter()
        .map(|v| (*v).into())
        .collect::<Vec<&str>>()
        .join(",")
}

fn row_from_row(r: &Row<'_>) -> rusqlite::Result<TomRow> {
    let ids: Option<String> = r.get(5)?;
    let names: Option<String> = r.get(6)?;
    Ok(TomRow {
        id: r.get(0)?,
        protection_type: parsed(1, r.get(1)?, ProtectionType::parse)?,
        kind: parsed(2, r.get(2)?, TomKind::parse)?,
        title: r.get(3)?,
        status: parsed(4, r.get(4)?, TomStatus::parse)?,
        company_ids: ids
            .unwrap_or_default()
            .split(',')
            .filter_map(|s| s.parse().ok())
            .collect(),
        company_names: names
            .map(|n| n.split('\u{1f}').map(String::from).collect())
            .unwrap_or_default(),
        editor_name: r.get(7)?,
        next_review: r.get(8)?,
        last_review: r.get(9)?,
        activity_count: r.get(10)?,
        own: r.get(11)?,
        updated_at: r.get(12)?,
    })
}

fn detail_from_row(r: &Row<'_>) -> rusqlite::Result<Tom> {
    Ok(Tom {
        id: r.get(0)?,
        catalogue_key: r.get(1)?,
        data: TomInput {
            tenant_id: r.get(2)?,
            protection_type: parsed(3, r.get(3)?, ProtectionType::parse)?,
            kind: parsed(4, r.get(4)?, TomKind::parse)?,
            title: r.get(5)?,
            description: r.get(6)?,
            implementation: r.get(7)?,
            art32: names_list(8, r.get(8)?, Art32Goal::parse)?,
            sdm: names_list(9, r.get(9)?, SdmGoal::parse)?,
            status: parsed(10, r.get(10)?, TomStatus::parse)?,
            editor_id: r.get(11)?,
            next_review: r.get(12)?,
            company_ids: Vec::new(),
        },
        companies: Vec::new(),
        editor_name: r.get(13)?,
        reviews: Vec::new(),
        created_at: r.get(14)?,
        updated_at: r.get(15)?,
    })
}

fn visible(conn: &Connection, user: &UserRecord) -> CoreResult<Filter> {
    visibility::filter(conn, user, ObjectType::Tom, &COLUMNS)
}

/// The day the rules count from: the office's calendar day.
pub(crate) fn today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&Local).date_naive()
}

/// The WHERE clause of the visible, not deleted measures of a tenant that pass `filter`.
fn scope(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    filter: &TomFilter,
    now: DateTime<Utc>,
) -> CoreResult<(String, Vec<Value>)> {
    let visible = visible(conn, user)?;
    let mut sql = format!("t.tenant_id = ? AND t.trash_id IS NULL AND {}", visible.sql);
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(visible.params);
    if let Some(t) = filter.protection_type {
        sql.push_str(" AND t.protection_type = ?");
        params.push(Value::Text(t.as_str().into()));
    }
    if let Some(s) = filter.status {
        sql.push_str(" AND t.status = ?");
        params.push(Value::Text(s.as_str().into()));
    }
    if let Some(company) = filter.company_id {
        // Driven by the company's index: a company has a hundred measures, a tenant thousands.
        sql.push_str(
            " AND t.id IN (SELECT tc.tom_id FROM tom_companies tc WHERE tc.company_id = ?)",
        );
        params.push(company.into());
    }
    if filter.review_due {
        sql.push_str(" AND t.next_review IS NOT NULL AND t.next_review <= ?");
        let horizon = today(now) + chrono::Duration::days(REVIEW_DUE_DAYS);
        params.push(Value::Text(horizon.to_string()));
    }
    Ok((sql, params))
}

/// The measures of a tenant the user may see, in catalogue order (type, then title).
pub(crate) fn list(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    filter: &TomFilter,
    now: DateTime<Utc>,
) -> CoreResult<Vec<TomRow>> {
    let (condition, params) = scope(conn, user, tenant_id, filter, now)?;
    let mut stmt = conn.prepare(&format!(
        "{ROW} WHERE {condition} ORDER BY {ORDER}, t.title COLLATE NOCASE, t.id"
    ))?;
    let rows = stmt.query_map(params_from_iter(params), row_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The protection types in the seed's order, for SQL.
const ORDER: &str =
    "CASE t.protection_type WHEN 'physical_access' THEN 1 WHEN 'system_access' THEN 2
    WHEN 'data_access' THEN 3 WHEN 'transfer' THEN 4 WHEN 'input' THEN 5 WHEN 'processor' THEN 6
    WHEN 'availability' THEN 7 ELSE 8 END";

/// The ids of all live measures of a tenant in list order, without visibility (tenant
/// files carry the whole tenant).
pub(crate) fn ids_of_tenant(conn: &Connection, tenant_id: i64) -> CoreResult<Vec<i64>> {
    let ids = conn
        .prepare(&format!(
            "SELECT t.id FROM toms t WHERE t.tenant_id = ?1 AND t.trash_id IS NULL
             ORDER BY {ORDER}, t.title COLLATE NOCASE, t.id"
        ))?
        .query_map([tenant_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// The full records of the tenant's visible measures (for exports), companies and reviews
/// included.
pub(crate) fn full_list(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<Tom>> {
    // Without a review filter the day does not matter.
    let (condition, params) = scope(
        conn,
        user,
        tenant_id,
        &TomFilter::default(),
        DateTime::UNIX_EPOCH,
    )?;
    let ids: Vec<i64> = conn
        .prepare(&format!(
            "SELECT t.id FROM toms t WHERE {condition} ORDER BY {ORDER}, t.title COLLATE NOCASE, t.id"
        ))?
        .query_map(params_from_iter(params), |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.into_iter().map(|id| load(conn, id)).collect()
}

pub(crate) fn count(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<i64> {
    let visible = visible(conn, user)?;
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(visible.params);
    Ok(conn.query_row(
        &format!(
            "SELECT COUNT(*) FROM toms t WHERE t.tenant_id = ? AND t.trash_id IS NULL AND {}",
            visible.sql
        ),
        params_from_iter(params),
        |r| r.get(0),
    )?)
}

/// Any measure by id, deleted or hidden or not (for writes that re-read what they stored).
pub(crate) fn load(conn: &Connection, id: i64) -> CoreResult<Tom> {
    let mut tom = conn.query_row(&format!("{DETAIL} WHERE t.id = ?1"), [id], detail_from_row)?;
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.name FROM tom_companies tc JOIN companies c ON c.id = tc.company_id
         WHERE tc.tom_id = ?1 AND c.trash_id IS NULL ORDER BY c.name COLLATE NOCASE, c.id",
    )?;
    tom.companies = stmt
        .query_map([id], |r| {
            Ok(NamedRef {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    tom.data.company_ids = tom.companies.iter().map(|c| c.id).collect();
    tom.reviews = history(conn, id)?;
    Ok(tom)
}

/// One measure the user may see, in a tenant they may open and not deleted; anything else
/// is unknown.
pub(crate) fn visible_by_id(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<Tom> {
    let unknown = || CoreError::validation("tom", "unknown", format!("no measure with id {id}"));
    let visible = visible(conn, user)?;
    let mut params: Vec<Value> = vec![id.into()];
    params.extend(visible.params);
    let tenant_id: i64 = conn
        .query_row(
            &format!(
                "SELECT t.tenant_id FROM toms t WHERE t.id = ? AND t.trash_id IS NULL AND {}",
                visible.sql
            ),
            params_from_iter(params),
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(unknown)?;
    crate::access::scope::tenant(conn, user, tenant_id).map_err(|_| unknown())?;
    load(conn, id)
}

/// Visible measures whose review is due within `REVIEW_DUE_DAYS` or overdue, in every
/// tenant the user may open, soonest first (the dashboard's list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DueReview {
    pub id: i64,
    pub tenant_id: i64,
    pub tenant_name: String,
    pub title: String,
    pub protection_type: ProtectionType,
    pub next_review: NaiveDate,
    pub overdue: bool,
}

pub(crate) fn due_reviews(
    conn: &Connection,
    user: &UserRecord,
    now: DateTime<Utc>,
    limit: u32,
) -> CoreResult<(i64, Vec<DueReview>)> {
    let visible = visible(conn, user)?;
    let today = today(now);
    let horizon = today + chrono::Duration::days(REVIEW_DUE_DAYS);
    let condition = format!(
        "t.trash_id IS NULL AND t.status <> 'inactive' AND t.next_review IS NOT NULL AND t.next_review <= ?
         AND tn.trash_id IS NULL AND (? OR EXISTS(SELECT 1 FROM user_tenants ut WHERE ut.user_id = ? AND ut.tenant_id = tn.id))
         AND {}",
        visible.sql
    );
    let mut params: Vec<Value> = vec![
        Value::Text(horizon.to_string()),
        i64::from(user.is_admin).into(),
        user.id.into(),
    ];
    params.extend(visible.params);
    let total: i64 = conn.query_row(
        &format!(
            "SELECT COUNT(*) FROM toms t JOIN tenants tn ON tn.id = t.tenant_id WHERE {condition}"
        ),
        params_from_iter(params.clone()),
        |r| r.get(0),
    )?;
    params.push(i64::from(limit).into());
    let mut stmt = conn.prepare(&format!(
        "SELECT t.id, t.tenant_id, tn.name, t.title, t.protection_type, t.next_review
         FROM toms t JOIN tenants tn ON tn.id = t.tenant_id WHERE {condition}
         ORDER BY t.next_review, tn.name COLLATE NOCASE, t.title COLLATE NOCASE LIMIT ?"
    ))?;
    let rows = stmt
        .query_map(params_from_iter(params), |r| {
            let next_review: NaiveDate = r.get(5)?;
            Ok(DueReview {
                id: r.get(0)?,
                tenant_id: r.get(1)?,
                tenant_name: r.get(2)?,
                title: r.get(3)?,
                protection_type: parsed(4, r.get(4)?, ProtectionType::parse)?,
                next_review,
                overdue: next_review < today,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok((total, rows))
}
