//! The shape of a domain's descriptor: what it tells the cross-cutting services (trash,
//! search, dashboard tiles, backup modules, exports). Each domain fills one in its own
//! `descriptor.rs`; `registry` lists them.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::ObjectType;
use crate::store::trash::Cascade;

pub struct Descriptor {
    /// The domain's name, as in `domain/<name>/`.
    pub name: &'static str,
    /// The object types whose rights govern the domain's records.
    pub objects: &'static [ObjectType],
    pub trash: Option<TrashSpec>,
    /// Dashboard tiles: how many records of each object type the user sees in a tenant.
    /// Called only for object types the user may view.
    pub tiles: Option<TileCount>,
    pub search: Option<SearchSpec>,
    /// The stem of the file an export of the domain's list is saved under (`<stem>.csv`).
    pub export_stem: Option<&'static str>,
    /// The domain's rows of one tenant, children before parents, with `?1` = the tenant id
    /// and `{db}` = the schema (`main` or an attached backup): what a module restore
    /// replaces and a backup's CSV reads.
    pub tenant_rows: &'static [TenantRows],
    /// The domain's dated duties for the deadline dashboard (reviews, answers, notifications).
    pub deadlines: Option<DeadlineSource>,
}

/// What the dashboard asks every domain: the due items of the user's reach (one tenant or
/// all they may open) that are overdue or due by `horizon`.
pub struct DeadlineQuery {
    pub tenant_id: Option<i64>,
    pub now: DateTime<Utc>,
    /// The office's calendar day of `now`.
    pub today: NaiveDate,
    pub horizon: NaiveDate,
}

pub type DeadlineSource = fn(&Connection, &UserRecord, &DeadlineQuery) -> CoreResult<Vec<Deadline>>;

/// The kinds of dated duties, with stable names (`deadlines --json` prints them).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize, TS,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum DeadlineKind {
    ActivityReview,
    TomReview,
    DpiaReview,
    Request,
    Breach,
    ProcessorAgreementReview,
    CourseAssignment,
    Backup,
}

crate::kernel::vocabulary::snake_names!(DeadlineKind);

/// One due item: what, where, when, and whether it is late. `due_at` is the instant for
/// deadlines counted in hours (a breach's 72 hours); the others are due on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub id: i64,
    pub tenant_id: Option<i64>,
    pub tenant_name: String,
    pub title: String,
    pub due: NaiveDate,
    pub due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
}

pub struct TrashSpec {
    /// What a delete of one record takes along.
    pub cascade: Cascade,
    /// Tables whose rows this domain's deletes mark (restored and purged by entry).
    pub tables: &'static [&'static str],
    /// True when a row of entry `?1` has its parent in another trash entry, so it cannot
    /// come back alone. `?2` is the entry's tenant.
    pub parent_in_trash: Option<&'static str>,
    /// Statements run before the rows of entry `?1` come back (to put them where they can
    /// live now, e.g. a file whose folder is gone at the root).
    pub before_restore: &'static [&'static str],
    /// Statements run before the rows of entry `?1` are deleted for good (links, files).
    pub before_purge: &'static [&'static str],
}

pub type TileCount = fn(&Connection, &UserRecord, i64) -> CoreResult<Vec<(ObjectType, i64)>>;

/// A domain's share of the header search: the condition on an index row `s` that
/// makes it a visible hit of this domain, or `None` when the user may see none of them.
pub struct SearchSpec {
    pub clause: fn(&Connection, &UserRecord) -> CoreResult<Option<SearchClause>>,
    /// An SQL expression over `s` naming where a hit of this domain lives, NULL for others.
    pub place: Option<&'static str>,
}

pub struct SearchClause {
    pub sql: String,
    pub params: Vec<Value>,
}

pub struct TenantRows {
    pub table: &'static str,
    pub condition: &'static str,
}

/// Runs a domain's deadline query, whose columns are id, tenant id, tenant name, title and
/// the due day, and makes its rows dashboard items: overdue when the day has passed.
pub(crate) fn day_deadlines(
    conn: &Connection,
    kind: DeadlineKind,
    sql: &str,
    params: Vec<Value>,
    today: NaiveDate,
) -> CoreResult<Vec<Deadline>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
        let due: NaiveDate = r.get(4)?;
        Ok(Deadline {
            kind,
            id: r.get(0)?,
            tenant_id: Some(r.get(1)?),
            tenant_name: r.get(2)?,
            title: r.get(3)?,
            due,
            due_at: None,
            overdue: due < today,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
