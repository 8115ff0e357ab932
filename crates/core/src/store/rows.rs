//! Writing one record's fields by name: the INSERT and the UPDATE of a table are built from
//! the same column list, so a column added to a record cannot be written by one and
//! forgotten by the other.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ToSql};

use crate::kernel::error::CoreResult;

/// Inserts (`id` None) or updates the row with `values` (column name → value) and stamps
/// `created_at` / `updated_at`; returns the row's id.
pub(crate) fn save(
    conn: &Connection,
    table: &str,
    id: Option<i64>,
    values: &[(&str, &dyn ToSql)],
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    let mut params: Vec<(String, &dyn ToSql)> = values
        .iter()
        .map(|(column, value)| (format!(":{column}"), *value))
        .collect();
    params.push((":now".into(), &now));
    let columns: Vec<&str> = values.iter().map(|(column, _)| *column).collect();
    let sql = match id {
        None => format!(
            "INSERT INTO {table} ({}, created_at, updated_at) VALUES ({}, :now, :now)",
            columns.join(", "),
            columns
                .iter()
                .map(|c| format!(":{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Some(_) => format!(
            "UPDATE {table} SET {}, updated_at = :now WHERE id = :id",
            columns
                .iter()
                .map(|c| format!("{c} = :{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    if let Some(id) = &id {
        params.push((":id".into(), id));
    }
    let named: Vec<(&str, &dyn ToSql)> = params
        .iter()
        .map(|(name, value)| (name.as_str(), *value))
        .collect();
    // The same table and columns give the same statement: prepared once per connection.
    conn.prepare_cached(&sql)?.execute(named.as_slice())?;
    Ok(id.unwrap_or_else(|| conn.last_insert_rowid()))
}

/// A stored stable name read back as its enum; a name the enum does not know is reported
/// as a conversion failure of column `index`, not silently mapped.
pub(crate) fn parsed<T>(
    index: usize,
    text: String,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, text.into())
    })
}
