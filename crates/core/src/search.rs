//! Full-text search (SQLite FTS5) over a tenant's records: what the user may see of
//! processing activities and master data, best matches first.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::accounts::UserRecord;
use crate::activities::fts_query;
use crate::error::CoreResult;
use crate::master_data::MasterKind;
use crate::permissions::{self, ObjectType, Permission, Right};
use crate::visibility::{self, Columns};

const LIMIT: i64 = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub object_type: ObjectType,
    pub object_id: i64,
    pub title: String,
    /// The matching passage with the hits between « and ».
    pub snippet: String,
}

pub(crate) fn run(conn: &Connection, user: &UserRecord, tenant_id: i64, text: &str) -> CoreResult<Vec<SearchHit>> {
    let Some(query) = fts_query(text) else { return Ok(Vec::new()) };
    let mut kinds: Vec<Value> = Vec::new();
    for kind in MasterKind::ALL {
        if permissions::granted(conn, user, Permission::new(kind.object(), Right::View))? {
            kinds.push(Value::Text(kind.as_str().into()));
        }
    }
    let activities_allowed = permissions::granted(conn, user, Permission::new(ObjectType::ProcessingActivity, Right::View))?;
    let filter = visibility::filter(conn, user, ObjectType::ProcessingActivity, &Columns {
        editor: Some("p.editor_id"),
        area_name: Some("a.name"),
        status: Some("p.status"),
    })?;
    let kind_marks = if kinds.is_empty() { "NULL".to_string() } else { vec!["?"; kinds.len()].join(", ") };
    let sql = format!(
        "SELECT s.object_type, s.object_id, s.title, snippet(search_index, 1, '«', '»', '…', 12)
         FROM search_index s
         WHERE search_index MATCH ? AND s.tenant_id = ?
           AND ((s.object_type = 'processing_activity' AND ? AND EXISTS(
                    SELECT 1 FROM processing_activities p JOIN areas a ON a.id = p.area_id
                    WHERE p.id = s.object_id AND p.trash_id IS NULL AND {}))
             OR (s.object_type IN ({kind_marks}) AND EXISTS(
                    SELECT 1 FROM master_items m WHERE m.id = s.object_id AND m.trash_id IS NULL)))
         ORDER BY rank LIMIT {LIMIT}",
        filter.sql
    );
    let mut params: Vec<Value> = vec![Value::Text(query), tenant_id.into(), Value::Integer(activities_allowed as i64)];
    params.extend(filter.params);
    params.extend(kinds);
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(params), |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
    })?;
    let mut hits = Vec::new();
    for row in rows {
        let (object, object_id, title, snippet) = row?;
        if let Some(object_type) = ObjectType::parse(&object) {
            hits.push(SearchHit { object_type, object_id, title, snippet });
        }
    }
    Ok(hits)
}
