//! Full-text search (SQLite FTS5) over a tenant's records: what the user may see of
//! processing activities and master data, best matches first, parts of words included.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::domain::registry::DOMAINS;
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::ObjectType;

const LIMIT: i64 = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub object_type: ObjectType,
    pub object_id: i64,
    pub title: String,
    /// The matching passage with the hits between « and ».
    pub snippet: String,
    /// Where the record lives ("Personal · Bäckerei Schmidt GmbH"), empty where that says nothing.
    pub place: String,
}

pub(crate) fn run(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    text: &str,
) -> CoreResult<Vec<SearchHit>> {
    let Some(found) = crate::store::search_index::text_match(text, tenant_id) else {
        return Ok(Vec::new());
    };
    let mut clauses = Vec::new();
    let mut places = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    for domain in DOMAINS {
        if let Some(clause) = domain
            .search
            .as_ref()
            .map(|s| (s.clause)(conn, user))
            .transpose()?
            .flatten()
        {
            clauses.push(clause.sql);
            params.extend(clause.params);
            places.extend(domain.search.as_ref().and_then(|s| s.place));
        }
    }
    if clauses.is_empty() {
        return Ok(Vec::new());
    }
    let index = found.table;
    let span = found.snippet_tokens;
    let mut all: Vec<Value> = vec![Value::Text(found.query), tenant_id.into()];
    all.extend(params);
    let sql = format!(
        "SELECT s.object_type, s.object_id, s.title, snippet({index}, -1, '«', '»', '…', {span}),
                COALESCE({}, '')
         FROM {index} s
         WHERE {index} MATCH ? AND s.tenant_id = ? AND ({})
         ORDER BY rank LIMIT {LIMIT}",
        if places.is_empty() {
            "NULL".to_string()
        } else {
            places.join(", ")
        },
        clauses.join(" OR ")
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(all), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut hits = Vec::new();
    for row in rows {
        let (object, object_id, title, snippet, place) = row?;
        if let Some(object_type) = ObjectType::parse(&object) {
            hits.push(SearchHit {
                object_type,
                object_id,
                title,
                snippet,
                place,
            });
        }
    }
    Ok(hits)
}
