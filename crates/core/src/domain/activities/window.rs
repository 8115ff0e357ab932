//! A window of the activity list: the whole visible, filtered and sorted set is ordered in
//! SQL, and only the rows in view cross to the window. A tenant with 20,000 activities
//! shows its first rows as quickly as one with 200, and filter, sort and search still see
//! every record.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{row_from_row, scope, ActivityRow, ActivityStatus, FROM, ROW};
use crate::access::accounts::UserRecord;
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::DpiaVerdict;

/// The most rows one window holds; the list asks for the rows in view and a margin.
pub const MAX_WINDOW: u32 = 1_000;

/// The columns the list sorts by, each with its order in SQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::VariantArray)]
pub enum ActivitySortColumn {
    #[default]
    Name,
    Area,
    Status,
    Role,
    Responsible,
    Editor,
    Dpia,
    DpiaCheck,
    Review,
    Updated,
}

impl ActivitySortColumn {
    /// The SQL terms of the column's order; ties fall back to the name and the id, so a
    /// window never shows a row twice or skips one between two requests.
    fn terms(self) -> &'static [&'static str] {
        match self {
            Self::Name => &["p.name COLLATE NOCASE"],
            Self::Area => &["a.name COLLATE NOCASE", "c.name COLLATE NOCASE"],
            Self::Status => &[
                "CASE p.status WHEN 'draft' THEN 0 WHEN 'in_review' THEN 1 WHEN 'active' THEN 2 ELSE 3 END",
            ],
            Self::Role => &["p.role"],
            Self::Responsible => &["p.responsible COLLATE NOCASE"],
            Self::Editor => &["COALESCE(u.name, '') COLLATE NOCASE"],
            Self::Dpia => &["p.dpia_required"],
            Self::DpiaCheck => &[
                "CASE (SELECT verdict FROM dpia_checks WHERE activity_id = p.id) \
                 WHEN 'required' THEN 0 WHEN 'recommended' THEN 1 WHEN 'not_needed' THEN 2 ELSE 9 END",
            ],
            Self::Review => &["COALESCE(p.review_planned, '9999')"],
            Self::Updated => &["p.updated_at"],
        }
    }
}

/// Which DPIA check result the list shows: one verdict, or the activities not yet checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DpiaCheckFilter {
    Required,
    Recommended,
    NotNeeded,
    NotChecked,
}

impl DpiaCheckFilter {
    fn verdict(self) -> Option<DpiaVerdict> {
        match self {
            Self::Required => Some(DpiaVerdict::Required),
            Self::Recommended => Some(DpiaVerdict::Recommended),
            Self::NotNeeded => Some(DpiaVerdict::NotNeeded),
            Self::NotChecked => None,
        }
    }
}

/// What the list shows: words searched in every field, the screen's filters and the order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActivityQuery {
    #[ts(optional)]
    #[serde(default)]
    pub search: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub status: Option<ActivityStatus>,
    #[ts(optional)]
    #[serde(default)]
    pub dpia_check: Option<DpiaCheckFilter>,
    #[serde(default)]
    pub sort: ActivitySortColumn,
    #[serde(default)]
    pub descending: bool,
}

/// Rows `offset ..` of the ordered list and how many the whole list holds.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ActivityWindow {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<ActivityRow>,
}

fn condition(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    query: &ActivityQuery,
) -> CoreResult<(String, Vec<Value>)> {
    let search = query
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let (mut sql, mut params) = scope(conn, user, tenant_id, search)?;
    if let Some(status) = query.status {
        sql.push_str(" AND p.status = ?");
        params.push(Value::Text(status.as_str().into()));
    }
    match query.dpia_check.map(DpiaCheckFilter::verdict) {
        None => {}
        Some(Some(verdict)) => {
            sql.push_str(" AND p.id IN (SELECT activity_id FROM dpia_checks WHERE verdict = ?)");
            params.push(Value::Text(verdict.as_str().into()));
        }
        Some(None) => sql.push_str(" AND p.id NOT IN (SELECT activity_id FROM dpia_checks)"),
    }
    Ok((sql, params))
}

fn order(query: &ActivityQuery) -> String {
    let direction = if query.descending { "DESC" } else { "ASC" };
    if query.sort == ActivitySortColumn::Name {
        // Exactly the list index's order (or its reverse), so SQLite walks the index and
        // never sorts.
        return format!("p.name COLLATE NOCASE {direction}, p.id {direction}");
    }
    let primary = query
        .sort
        .terms()
        .iter()
        .map(|term| format!("{term} {direction}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!("{primary}, p.name COLLATE NOCASE, p.id")
}

/// The tables a query over the list needs: the activities alone through the list index,
/// unless the order reads the area, company or editor (the visibility filter tests areas by
/// a subquery of its own). Named, because SQLite would otherwise take the older tenant
/// index, which holds trashed records too and so reads every record to leave them out.
fn source(query: &ActivityQuery) -> &'static str {
    match query.sort {
        ActivitySortColumn::Area | ActivitySortColumn::Editor => FROM,
        _ => LISTED,
    }
}

const LISTED: &str = "FROM processing_activities p INDEXED BY processing_activities_list";

/// Up to `limit` rows (at most `MAX_WINDOW`) from `offset` of the list `query` describes.
/// The window's ids are found first, in the list index where the order allows it, and only
/// those rows are read: a window at the end of 100,000 costs about as much as the first.
pub(crate) fn window(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    query: &ActivityQuery,
    offset: u32,
    limit: u32,
) -> CoreResult<ActivityWindow> {
    let (condition, mut params) = condition(conn, user, tenant_id, query)?;
    let total: u32 = conn.query_row(
        &format!("SELECT COUNT(*) {LISTED} WHERE {condition}"),
        params_from_iter(params.iter()),
        |r| r.get(0),
    )?;
    params.push(Value::Integer(limit.min(MAX_WINDOW).into()));
    params.push(Value::Integer(offset.into()));
    let order = order(query);
    let mut stmt = conn.prepare(&format!(
        "{ROW} {FROM} WHERE p.id IN (SELECT p.id {} WHERE {condition} ORDER BY {order} LIMIT ? OFFSET ?)
         ORDER BY {order}",
        source(query)
    ))?;
    let rows = stmt
        .query_map(params_from_iter(params), row_from_row)?
        .collect::<Result<_, _>>()?;
    Ok(ActivityWindow {
        total,
        offset,
        rows,
    })
}

/// The ids of the whole list `query` describes, in its order: what "select all" selects
/// and what an export of the filtered list writes.
pub(crate) fn ids(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    query: &ActivityQuery,
) -> CoreResult<Vec<i64>> {
    let (condition, params) = condition(conn, user, tenant_id, query)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT p.id {} WHERE {condition} ORDER BY {}",
        source(query),
        order(query)
    ))?;
    let ids = stmt
        .query_map(params_from_iter(params), |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}
