//! Reading a backup without restoring it (SPEC §10 "read-only viewing", e.g. after a
//! client left): what it holds, tenant by tenant, down to the processing activities.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::file::BackupHeader;
use crate::domain::activities::ActivityStatus;
use crate::kernel::error::CoreResult;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupContents {
    /// The file that was read, so a report can be made from it without asking again.
    pub file: String,
    pub header: BackupHeader,
    pub tenants: Vec<BackupTenant>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupTenant {
    pub id: i64,
    pub name: String,
    pub is_template: bool,
    pub archived: bool,
    pub companies: Vec<BackupCompany>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupCompany {
    /// The id in the backup (what a report from the backup asks for).
    pub id: i64,
    pub name: String,
    pub city: String,
    pub areas: Vec<BackupArea>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupArea {
    pub name: String,
    pub activities: Vec<BackupActivity>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupActivity {
    pub name: String,
    pub status: ActivityStatus,
}

/// Everything live (not in the trash) the backup's database holds, in name order.
pub(crate) fn contents(
    conn: &Connection,
    file: &std::path::Path,
    header: BackupHeader,
) -> CoreResult<BackupContents> {
    let mut tenants: Vec<BackupTenant> = conn
        .prepare("SELECT id, name, is_template, archived_at IS NOT NULL FROM tenants WHERE trash_id IS NULL ORDER BY name COLLATE NOCASE, id")?
        .query_map([], |r| Ok(BackupTenant { id: r.get(0)?, name: r.get(1)?, is_template: r.get(2)?, archived: r.get(3)?, companies: Vec::new() }))?
        .collect::<Result<_, _>>()?;
    // One pass over all activities, grouped in memory: a backup of 100 tenants is read
    // with three queries, not one per area.
    let mut activities: std::collections::HashMap<i64, Vec<BackupActivity>> =
        std::collections::HashMap::new();
    let mut stmt = conn.prepare("SELECT area_id, name, status FROM processing_activities WHERE trash_id IS NULL ORDER BY name COLLATE NOCASE, id")?;
    let status = |text: String| ActivityStatus::parse(&text).unwrap_or(ActivityStatus::Draft);
    for row in stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            BackupActivity {
                name: r.get(1)?,
                status: status(r.get(2)?),
            },
        ))
    })? {
        let (area, activity) = row?;
        activities.entry(area).or_default().push(activity);
    }
    let mut areas: std::collections::HashMap<i64, Vec<BackupArea>> =
        std::collections::HashMap::new();
    let mut stmt = conn.prepare("SELECT id, company_id, name FROM areas WHERE trash_id IS NULL ORDER BY name COLLATE NOCASE, id")?;
    for row in stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
        ))
    })? {
        let (id, company, name) = row?;
        areas.entry(company).or_default().push(BackupArea {
            name,
            activities: activities.remove(&id).unwrap_or_default(),
        });
    }
    let mut stmt = conn.prepare("SELECT id, tenant_id, name, city FROM companies WHERE trash_id IS NULL ORDER BY name COLLATE NOCASE, id")?;
    let mut companies: std::collections::HashMap<i64, Vec<BackupCompany>> =
        std::collections::HashMap::new();
    for row in stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })? {
        let (id, tenant, name, city) = row?;
        companies.entry(tenant).or_default().push(BackupCompany {
            id,
            name,
            city,
            areas: areas.remove(&id).unwrap_or_default(),
        });
    }
    for tenant in &mut tenants {
        tenant.companies = companies.remove(&tenant.id).unwrap_or_default();
    }
    Ok(BackupContents {
        file: file.display().to_string(),
        header,
        tenants,
    })
}
