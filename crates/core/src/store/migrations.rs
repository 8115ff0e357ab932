//! Schema migrations (refinery). They run grouped in one transaction, after a safety copy
//! of the database; a database that is newer than this app is refused untouched.

use std::path::Path;

use refinery::Runner;
use rusqlite::Connection;

use crate::kernel::error::{CoreError, CoreResult};
use crate::store::keys::DatabaseKey;

mod embedded {
    refinery::embed_migrations!("migrations");
}

pub const HISTORY_TABLE: &str = "refinery_schema_history";
pub const SAFETY_DIR: &str = "safety-backups";

pub fn runner() -> Runner {
    embedded::migrations::runner()
}

pub fn latest_version(runner: &Runner) -> i64 {
    runner
        .get_migrations()
        .iter()
        .map(|m| m.version() as i64)
        .max()
        .unwrap_or(0)
}

pub fn applied_version(conn: &Connection) -> CoreResult<i64> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
        [HISTORY_TABLE],
        |r| r.get(0),
    )?;
    if !exists {
        return Ok(0);
    }
    Ok(conn.query_row(
        &format!("SELECT COALESCE(MAX(version), 0) FROM {HISTORY_TABLE}"),
        [],
        |r| r.get(0),
    )?)
}

pub(crate) fn migrate(
    conn: &mut Connection,
    db_path: &Path,
    key: &DatabaseKey,
    runner: &Runner,
) -> CoreResult<()> {
    let applied = applied_version(conn)?;
    let latest = latest_version(runner);
    if applied > latest {
        return Err(CoreError::SchemaTooNew {
            found: applied,
            supported: latest,
        });
    }
    if applied == latest {
        return Ok(());
    }
    if applied > 0 {
        safety_copy(conn, db_path, key, applied)?;
    }
    let runner = Runner::new(runner.get_migrations())
        .set_grouped(true)
        .set_abort_divergent(true)
        .set_abort_missing(true);
    runner
        .run(conn)
        .map_err(|e| CoreError::Migration(e.to_string()))?;
    Ok(())
}

fn safety_copy(
    conn: &Connection,
    db_path: &Path,
    key: &DatabaseKey,
    from_version: i64,
) -> CoreResult<()> {
    let dir = db_path.parent().unwrap_or(Path::new(".")).join(SAFETY_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(&dir, e))?;
    // A copy cut off by a crash never got its final name; it is of no use to anyone.
    for entry in std::fs::read_dir(&dir)
        .map_err(|e| CoreError::io(&dir, e))?
        .flatten()
    {
        if entry.path().extension().is_some_and(|x| x == "partial") {
            super::remove_with_journals(&entry.path());
        }
    }
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let target = dir.join(format!("before-migration-from-v{from_version}-{stamp}.db"));
    super::encrypted_copy(conn, key, &target)
}
