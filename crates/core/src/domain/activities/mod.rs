//! Processing activities (SPEC §3, Art. 30 GDPR): what the records of processing list.
//! Every read goes through the user's visibility restrictions in SQL, so an activity the
//! user may not see is as unknown to them as one that does not exist.

pub mod attachments;
pub mod descriptor;
pub mod export;
mod links;
mod lookups;
pub mod tom_links;
mod window;
mod write;

pub(crate) use links::{links_of, validated as validated_links};
pub use links::{names_of, transfers, ActivityLink, LinkedItem, Safeguard};
pub(crate) use lookups::{linkable, viewable, visible_among, visible_with_items};
pub use tom_links::{LinkedActivity, LinkedTom};
pub(crate) use window::{ids, window};
pub use window::{ActivityQuery, ActivitySortColumn, ActivityWindow, DpiaCheckFilter, MAX_WINDOW};
pub(crate) use write::{copy, create, delete, mass_change, update, write};
pub use write::{MassChange, MassField};

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::access::visibility::{self, Columns, Filter};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::rows::parsed;

pub use crate::kernel::vocabulary::ActivityStatus;
use crate::kernel::vocabulary::DpiaVerdict;

/// Whether the record is kept as controller (Art. 30(1)) or as processor (Art. 30(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum ActivityRole {
    Controller,
    Processor,
}

crate::kernel::vocabulary::snake_names!(ActivityRole);

/// The outcome of the DPIA necessity check (SPEC §6) as recorded on the activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum DpiaNecessity {
    Unchecked,
    Required,
    NotRequired,
}

crate::kernel::vocabulary::snake_names!(DpiaNecessity);

/// What a person fills in for an activity: every field of Art. 30(1) and 30(2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActivityInput {
    pub area_id: i64,
    pub name: String,
    pub status: ActivityStatus,
    pub role: ActivityRole,
    pub responsible: String,
    /// The app user who maintains the record ("only where I am the editor").
    pub editor_id: Option<i64>,
    pub purposes: String,
    pub business_process_id: Option<i64>,
    /// Art. 30(2)(a): the controller(s) on whose behalf a processor acts.
    pub controller_details: String,
    /// Art. 30(2)(b): the categories of processing carried out on behalf of each controller.
    pub processing_categories: String,
    pub specific_toms: String,
    pub dpia_required: DpiaNecessity,
    pub dpia_reason: String,
    pub review_planned: Option<NaiveDate>,
    pub review_done: Option<NaiveDate>,
    pub review_result: String,
    pub review_follow_up: String,
    pub notes: String,
    /// Applications, data categories, person groups, legal bases, retention periods,
    /// recipients, processors and third countries (with the transfer's safeguard).
    pub links: Vec<ActivityLink>,
    /// The activity's specific TOMs: measures of the same tenant.
    #[serde(default)]
    pub tom_ids: Vec<i64>,
}

impl ActivityInput {
    /// A draft with only a name, kept as controller.
    pub fn new(area_id: i64, name: &str) -> Self {
        ActivityInput {
            area_id,
            name: name.into(),
            status: ActivityStatus::Draft,
            role: ActivityRole::Controller,
            responsible: String::new(),
            editor_id: None,
            purposes: String::new(),
            business_process_id: None,
            controller_details: String::new(),
            processing_categories: String::new(),
            specific_toms: String::new(),
            dpia_required: DpiaNecessity::Unchecked,
            dpia_reason: String::new(),
            review_planned: None,
            review_done: None,
            review_result: String::new(),
            review_follow_up: String::new(),
            notes: String::new(),
            links: Vec::new(),
            tom_ids: Vec::new(),
        }
    }
}

/// One activity with everything it links to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Activity {
    pub id: i64,
    pub tenant_id: i64,
    pub company_id: i64,
    pub company_name: String,
    pub area_name: String,
    pub editor_name: Option<String>,
    pub business_process_name: Option<String>,
    #[serde(flatten)]
    pub data: ActivityInput,
    /// The linked master data with names, for display.
    pub linked: Vec<LinkedItem>,
    /// The specific TOMs with their titles, for display.
    pub toms: Vec<LinkedTom>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One line of the activity list: what the columns show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ActivityRow {
    pub id: i64,
    pub name: String,
    pub company_name: String,
    pub area_id: i64,
    pub area_name: String,
    pub status: ActivityStatus,
    pub role: ActivityRole,
    pub responsible: String,
    pub editor_name: Option<String>,
    pub dpia_required: DpiaNecessity,
    pub review_planned: Option<NaiveDate>,
    /// The verdict of the DPIA necessity check; `None` until the check is run.
    pub dpia_check: Option<DpiaVerdict>,
    pub updated_at: DateTime<Utc>,
}

const FROM: &str = "FROM processing_activities p
                    JOIN areas a ON a.id = p.area_id
                    JOIN companies c ON c.id = a.company_id
                    LEFT JOIN users u ON u.id = p.editor_id";

const DETAIL: &str = "SELECT p.id, p.tenant_id, c.id, c.name, a.name, u.name,
                             (SELECT name FROM master_items WHERE id = p.business_process_id),
                             p.area_id, p.name, p.status, p.role, p.responsible, p.editor_id, p.purposes,
                             p.business_process_id, p.controller_details, p.processing_categories, p.specific_toms,
                             p.dpia_required, p.dpia_reason, p.review_planned, p.review_done, p.review_result,
                             p.review_follow_up, p.notes, p.created_at, p.updated_at";

const ROW: &str =
    "SELECT p.id, p.name, c.name, p.area_id, a.name, p.status, p.role, p.responsible, u.name,
                          p.dpia_required, p.review_planned, p.updated_at,
                          (SELECT verdict FROM dpia_checks WHERE activity_id = p.id)";

const COLUMNS: Columns = Columns {
    editor: Some("p.editor_id"),
    // Not the joined `a.name`: the list's windows count and page the activities without
    // joining their areas (see `window`).
    area_name: Some("(SELECT name FROM areas WHERE areas.id = p.area_id)"),
    status: Some("p.status"),
    top_folder: None,
};

fn detail_from_row(r: &Row<'_>) -> rusqlite::Result<Activity> {
    Ok(Activity {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        company_id: r.get(2)?,
        company_name: r.get(3)?,
        area_name: r.get(4)?,
        editor_name: r.get(5)?,
        business_process_name: r.get(6)?,
        data: ActivityInput {
            area_id: r.get(7)?,
            name: r.get(8)?,
            status: parsed(9, r.get(9)?, ActivityStatus::parse)?,
            role: parsed(10, r.get(10)?, ActivityRole::parse)?,
            responsible: r.get(11)?,
            editor_id: r.get(12)?,
            purposes: r.get(13)?,
            business_process_id: r.get(14)?,
            controller_details: r.get(15)?,
            processing_categories: r.get(16)?,
            specific_toms: r.get(17)?,
            dpia_required: parsed(18, r.get(18)?, DpiaNecessity::parse)?,
            dpia_reason: r.get(19)?,
            review_planned: r.get(20)?,
            review_done: r.get(21)?,
            review_result: r.get(22)?,
            review_follow_up: r.get(23)?,
            notes: r.get(24)?,
            links: Vec::new(),
            tom_ids: Vec::new(),
        },
        linked: Vec::new(),
        toms: Vec::new(),
        created_at: r.get(25)?,
        updated_at: r.get(26)?,
    })
}

fn row_from_row(r: &Row<'_>) -> rusqlite::Result<ActivityRow> {
    Ok(ActivityRow {
        id: r.get(0)?,
        name: r.get(1)?,
        company_name: r.get(2)?,
        area_id: r.get(3)?,
        area_name: r.get(4)?,
        status: parsed(5, r.get(5)?, ActivityStatus::parse)?,
        role: parsed(6, r.get(6)?, ActivityRole::parse)?,
        responsible: r.get(7)?,
        editor_name: r.get(8)?,
        dpia_required: parsed(9, r.get(9)?, DpiaNecessity::parse)?,
        review_planned: r.get(10)?,
        updated_at: r.get(11)?,
        dpia_check: r
            .get::<_, Option<String>>(12)?
            .map(|v| parsed(12, v, DpiaVerdict::parse))
            .transpose()?,
    })
}

fn visible(conn: &Connection, user: &UserRecord) -> CoreResult<Filter> {
    visibility::filter(conn, user, ObjectType::ProcessingActivity, &COLUMNS)
}

/// The WHERE clause of the visible, not deleted activities of a tenant, optionally matching
/// a full-text search, with its parameters.
fn scope(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    search: Option<&str>,
) -> CoreResult<(String, Vec<Value>)> {
    let filter = visible(conn, user)?;
    let mut sql = format!("p.tenant_id = ? AND p.trash_id IS NULL AND {}", filter.sql);
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(filter.params);
    if let Some(found) =
        search.and_then(|text| crate::store::search_index::text_match(text, tenant_id))
    {
        let index = found.table;
        sql.push_str(&format!(
            " AND p.id * 2 IN (SELECT rowid FROM {index} WHERE {index} MATCH ? AND object_type = 'processing_activity')"
        ));
        params.push(Value::Text(found.query));
    }
    Ok((sql, params))
}

/// The activities of a tenant the user may see, optionally only those matching `search`
/// in any of their texts.
pub(crate) fn list(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    search: Option<&str>,
) -> CoreResult<Vec<ActivityRow>> {
    let (condition, params) = scope(conn, user, tenant_id, search)?;
    let mut stmt = conn.prepare(&format!(
        "{ROW} {FROM} WHERE {condition} ORDER BY p.name COLLATE NOCASE, p.id"
    ))?;
    let rows = stmt.query_map(params_from_iter(params), row_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The full records of the tenant's visible activities (for exports), links included.
pub(crate) fn full_list(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    search: Option<&str>,
) -> CoreResult<Vec<Activity>> {
    let (condition, params) = scope(conn, user, tenant_id, search)?;
    let mut stmt = conn.prepare(&format!(
        "{DETAIL} {FROM} WHERE {condition} ORDER BY p.name COLLATE NOCASE, p.id"
    ))?;
    let mut activities = stmt
        .query_map(params_from_iter(params), detail_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    let mut links = links::links_of_tenant(conn, tenant_id)?;
    let mut toms = tom_links::of_tenant(conn, tenant_id)?;
    for a in &mut activities {
        a.linked = links.remove(&a.id).unwrap_or_default();
        a.data.links = a.linked.iter().map(LinkedItem::as_link).collect();
        a.toms = toms.remove(&a.id).unwrap_or_default();
        a.data.tom_ids = a.toms.iter().map(|t| t.id).collect();
    }
    Ok(activities)
}

pub(crate) fn count(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<i64> {
    let (condition, params) = scope(conn, user, tenant_id, None)?;
    Ok(conn.query_row(
        &format!("SELECT COUNT(*) FROM processing_activities p JOIN areas a ON a.id = p.area_id WHERE {condition}"),
        params_from_iter(params),
        |r| r.get(0),
    )?)
}

/// Visible activities per area id.
pub(crate) fn count_per_area(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<HashMap<i64, i64>> {
    let (condition, params) = scope(conn, user, tenant_id, None)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT p.area_id, COUNT(*) FROM processing_activities p JOIN areas a ON a.id = p.area_id WHERE {condition} GROUP BY p.area_id"
    ))?;
    let rows = stmt.query_map(params_from_iter(params), |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every live activity of a tenant by id, with its links and measures, regardless of who
/// asks (tenant files and copies carry the whole tenant): three queries, not three per
/// activity.
pub(crate) fn all_of_tenant(
    conn: &Connection,
    tenant_id: i64,
) -> CoreResult<HashMap<i64, Activity>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{DETAIL} {FROM} WHERE p.tenant_id = ?1 AND p.trash_id IS NULL"
    ))?;
    let mut activities: HashMap<i64, Activity> = stmt
        .query_map([tenant_id], detail_from_row)?
        .map(|a| a.map(|a| (a.id, a)))
        .collect::<Result<_, _>>()?;
    let mut links = links::links_of_tenant(conn, tenant_id)?;
    let mut toms = tom_links::of_tenant(conn, tenant_id)?;
    for a in activities.values_mut() {
        a.linked = links.remove(&a.id).unwrap_or_default();
        a.data.links = a.linked.iter().map(LinkedItem::as_link).collect();
        a.toms = toms.remove(&a.id).unwrap_or_default();
        a.data.tom_ids = a.toms.iter().map(|t| t.id).collect();
    }
    Ok(activities)
}

/// Any activity by id, deleted or hidden or not (for writes that re-read what they stored).
pub(crate) fn load(conn: &Connection, id: i64) -> CoreResult<Activity> {
    let mut activity = conn
        .prepare_cached(&format!("{DETAIL} {FROM} WHERE p.id = ?1"))?
        .query_row([id], detail_from_row)?;
    activity.linked = links_of(conn, id)?;
    activity.data.links = activity.linked.iter().map(LinkedItem::as_link).collect();
    activity.toms = tom_links::of_activity(conn, id)?;
    activity.data.tom_ids = activity.toms.iter().map(|t| t.id).collect();
    Ok(activity)
}

/// One activity the user may see, in a tenant they may open and not deleted; anything else
/// is unknown.
pub(crate) fn visible_by_id(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<Activity> {
    let unknown = || {
        CoreError::validation(
            "processing_activity",
            "unknown",
            format!("no processing activity with id {id}"),
        )
    };
    let filter = visible(conn, user)?;
    let mut params: Vec<Value> = vec![id.into()];
    params.extend(filter.params);
    let tenant_id: i64 = conn
        .query_row(
            &format!(
                "SELECT p.tenant_id {FROM} WHERE p.id = ? AND p.trash_id IS NULL AND {}",
                filter.sql
            ),
            params_from_iter(params),
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(unknown)?;
    crate::access::scope::tenant(conn, user, tenant_id).map_err(|_| unknown())?;
    load(conn, id)
}
