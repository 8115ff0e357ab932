//! The shape of a domain's descriptor: what it tells the cross-cutting services (trash,
//! search, dashboard tiles, backup modules, exports). Each domain fills one in its own
//! `descriptor.rs`; `registry` lists them.

use rusqlite::types::Value;
use rusqlite::Connection;

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
}

pub struct TrashSpec {
    /// What a delete of one record takes along.
    pub cascade: Cascade,
    /// Tables whose rows this domain's deletes mark (restored and purged by entry).
    pub tables: &'static [&'static str],
    /// True when a row of entry `?1` has its parent in another trash entry, so it cannot
    /// come back alone. `?2` is the entry's tenant.
    pub parent_in_trash: Option<&'static str>,
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
