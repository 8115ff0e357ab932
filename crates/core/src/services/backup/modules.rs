//! One module of a backup (SPEC §10: "one tenant, or the RoPA of a tenant …"): restored
//! into the live database leaving everything else as it is, or written out as CSV as of
//! the backup's date.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::access::accounts::UserRecord;
use crate::domain::descriptor::TenantRows;
use crate::domain::master_data::{self, MasterKind};
use crate::domain::registry::DOMAINS;
use crate::domain::{
    activities, breaches, courses, documents, dpias, processor_agreements, requests,
};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::export::file_name_part;
use crate::kernel::text::{text, Language};
use crate::services::exports::{self, ExportFormat};

/// Written `KIND:TENANT_ID` on the command line, e.g. `tenant:3` or `ropa:3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "kind", content = "tenant_id", rename_all = "snake_case")]
#[ts(export)]
pub enum BackupModule {
    /// The whole tenant: companies, areas, activities, master data, its trash.
    Tenant(i64),
    /// The tenant's records of processing activities (with links and attachments).
    Ropa(i64),
    Companies(i64),
    Areas(i64),
    MasterData(i64),
    /// The tenant's measures with their companies, reviews and activity links.
    Toms(i64),
    /// The tenant's DPIAs (every version, risks, assigned measures) and necessity checks.
    Dpias(i64),
    /// The tenant's registers: data subject requests, breaches, processor agreements, with
    /// their files and links.
    Registers(i64),
    /// The tenant's e-learning courses with their pictures, assignments and results.
    Courses(i64),
    /// The tenant's documents: folders, every version's bytes, links to records.
    Documents(i64),
}

impl BackupModule {
    pub fn parse(text: &str) -> CoreResult<Self> {
        let bad = || {
            CoreError::validation("module", "format", format!("'{text}' is not a module (tenant:ID, ropa:ID, companies:ID, areas:ID, master_data:ID, toms:ID, dpia:ID, registers:ID, courses:ID, documents:ID)"))
        };
        let (kind, id) = text.split_once(':').ok_or_else(bad)?;
        let id: i64 = id.trim().parse().map_err(|_| bad())?;
        Ok(match kind.trim() {
            "tenant" => BackupModule::Tenant(id),
            "ropa" => BackupModule::Ropa(id),
            "companies" => BackupModule::Companies(id),
            "areas" => BackupModule::Areas(id),
            "master_data" => BackupModule::MasterData(id),
            "toms" => BackupModule::Toms(id),
            "dpia" | "dpias" => BackupModule::Dpias(id),
            "registers" => BackupModule::Registers(id),
            "courses" => BackupModule::Courses(id),
            "documents" => BackupModule::Documents(id),
            _ => return Err(bad()),
        })
    }

    pub fn tenant_id(self) -> i64 {
        match self {
            BackupModule::Tenant(t)
            | BackupModule::Ropa(t)
            | BackupModule::Companies(t)
            | BackupModule::Areas(t)
            | BackupModule::MasterData(t)
            | BackupModule::Toms(t)
            | BackupModule::Dpias(t)
            | BackupModule::Registers(t)
            | BackupModule::Courses(t)
            | BackupModule::Documents(t) => t,
        }
    }
}

/// The columns of a table, in the live database's order: the copy names them, so it does
/// not depend on the order in which columns were added.
fn columns(conn: &Connection, table: &str) -> CoreResult<String> {
    let mut stmt = conn.prepare(&format!(
        "SELECT name FROM pragma_table_info('{table}', 'main')"
    ))?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(names.join(", "))
}

/// The rows a module restore replaces, children before parents: the activities' rows for
/// a RoPA, every domain's rows (and the tenant's trash entries) for a tenant.
fn parts(module: BackupModule) -> CoreResult<Vec<&'static TenantRows>> {
    const TRASH: TenantRows = TenantRows {
        table: "trash",
        condition: "tenant_id = ?1",
    };
    Ok(match module {
        // The assessments hang on the activities: they go and come back with them.
        BackupModule::Ropa(_) => dpias::descriptor::DESCRIPTOR
            .tenant_rows
            .iter()
            .chain(activities::descriptor::DESCRIPTOR.tenant_rows)
            .collect(),
        // The registers point at activities and master data that stay: a link to one that
        // no longer exists refuses the module (`conflict`).
        BackupModule::Registers(_) => [
            &requests::descriptor::DESCRIPTOR,
            &processor_agreements::descriptor::DESCRIPTOR,
            &breaches::descriptor::DESCRIPTOR,
        ]
        .iter()
        .flat_map(|d| d.tenant_rows.iter())
        .collect(),
        BackupModule::Courses(_) => courses::descriptor::DESCRIPTOR.tenant_rows.iter().collect(),
        BackupModule::Tenant(_) => DOMAINS
            .iter()
            .flat_map(|d| d.tenant_rows.iter())
            .chain([&TRASH])
            .collect(),
        other => {
            return Err(CoreError::validation(
                "module",
                "restore",
                format!(
                "{other:?} can be exported as CSV; restore a tenant, its RoPA, its master data, its TOMs, its registers or its courses"
            ),
            ))
        }
    })
}

/// Replaces the module's rows in `main` with those of the attached `bak` database, in one
/// transaction: all or nothing.
pub(crate) fn restore(conn: &mut Connection, module: BackupModule) -> CoreResult<usize> {
    match module {
        BackupModule::MasterData(tenant) => return restore_master_data(conn, tenant),
        BackupModule::Toms(tenant) => return restore_toms(conn, tenant),
        BackupModule::Dpias(tenant) => return restore_dpias(conn, tenant),
        BackupModule::Documents(tenant) => return restore_documents(conn, tenant),
        _ => {}
    }
    let tenant = module.tenant_id();
    let parts = parts(module)?;
    backup_holds_tenant(conn, tenant)?;
    let tx = conn.transaction()?;
    if matches!(module, BackupModule::Ropa(_)) {
        // The registers stay as they are: their links to the tenant's activities are kept
        // aside and given back to the activities that exist after the restore.
        tx.execute_batch(
            "DROP TABLE IF EXISTS temp.kept_request_links; DROP TABLE IF EXISTS temp.kept_agreement_links;",
        )?;
        tx.execute(
            "CREATE TEMP TABLE kept_request_links AS SELECT request_id, activity_id FROM main.request_activities
             WHERE activity_id IN (SELECT id FROM main.processing_activities WHERE tenant_id = ?1)",
            [tenant],
        )?;
        tx.execute(
            "CREATE TEMP TABLE kept_agreement_links AS SELECT agreement_id, activity_id FROM main.agreement_activities
             WHERE activity_id IN (SELECT id FROM main.processing_activities WHERE tenant_id = ?1)",
            [tenant],
        )?;
    }
    let trashed = own_trash(module);
    if !trashed.is_empty() {
        // The records' trash entries go with their rows; the backup's come back with them.
        tx.execute(
            &format!(
                "DELETE FROM main.trash WHERE tenant_id = ?1 AND object_type IN ({})",
                object_list(trashed)
            ),
            [tenant],
        )?;
    }
    for part in &parts {
        let condition = part.condition.replace("{db}", "main");
        tx.execute(
            &format!("DELETE FROM main.{} WHERE {condition}", part.table),
            [tenant],
        )?;
    }
    if matches!(module, BackupModule::Tenant(_)) {
        let cols = columns(&tx, "tenants")?;
        let updates: Vec<String> = cols
            .split(", ")
            .filter(|c| *c != "id")
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        tx.execute(
            &format!("INSERT INTO main.tenants ({cols}) SELECT {cols} FROM bak.tenants WHERE id = ?1 ON CONFLICT(id) DO UPDATE SET {}", updates.join(", ")),
            [tenant],
        )?;
    }
    let mut copied = 0;
    for part in parts.iter().rev() {
        let cols = columns(&tx, part.table)?;
        let condition = part.condition.replace("{db}", "bak");
        copied += tx
            .execute(
                &format!(
                    "INSERT INTO main.{t} ({cols}) SELECT {cols} FROM bak.{t} WHERE {condition}",
                    t = part.table
                ),
                [tenant],
            )
            .map_err(conflict)?;
    }
    if matches!(module, BackupModule::Ropa(_)) {
        tx.execute_batch(
            "INSERT OR IGNORE INTO main.request_activities (request_id, activity_id)
               SELECT request_id, activity_id FROM temp.kept_request_links
               WHERE activity_id IN (SELECT id FROM main.processing_activities);
             INSERT OR IGNORE INTO main.agreement_activities (agreement_id, activity_id)
               SELECT agreement_id, activity_id FROM temp.kept_agreement_links
               WHERE activity_id IN (SELECT id FROM main.processing_activities);
             DROP TABLE temp.kept_request_links; DROP TABLE temp.kept_agreement_links;",
        )?;
    }
    if !trashed.is_empty() {
        let cols = columns(&tx, "trash")?;
        tx.execute(
            &format!(
                "INSERT INTO main.trash ({cols}) SELECT {cols} FROM bak.trash b WHERE b.tenant_id = ?1
                 AND b.object_type IN ({})
                 AND NOT EXISTS(SELECT 1 FROM main.trash m WHERE m.id = b.id)",
                object_list(trashed)
            ),
            [tenant],
        )?;
        // A record that was in the trash then, whose entry's number another delete has
        // taken since, cannot come back into the trash: it stays out.
        // Their links and parts go with them (ON DELETE CASCADE); their files are removed here.
        for &(object, table) in trashed {
            let stray = format!(
                "tenant_id = ?1 AND trash_id IS NOT NULL AND trash_id NOT IN
                 (SELECT id FROM main.trash WHERE object_type = '{object}' AND tenant_id = ?1)"
            );
            tx.execute(
                &format!(
                    "DELETE FROM main.record_attachments WHERE object_type = '{object}'
                     AND record_id IN (SELECT id FROM main.{table} WHERE {stray})"
                ),
                [tenant],
            )?;
            tx.execute(&format!("DELETE FROM main.{table} WHERE {stray}"), [tenant])?;
        }
    }
    tx.commit()?;
    Ok(copied)
}

/// The records of a module whose deletes have trash entries of their own (object type,
/// table): the entries are replaced with the rows.
fn own_trash(module: BackupModule) -> &'static [(&'static str, &'static str)] {
    match module {
        BackupModule::Registers(_) => &[
            ("request", "data_subject_requests"),
            ("breach", "data_breaches"),
            ("processor_agreement", "processor_agreements"),
        ],
        BackupModule::Courses(_) => &[("course", "courses")],
        _ => &[],
    }
}

fn object_list(trashed: &[(&str, &str)]) -> String {
    trashed
        .iter()
        .map(|(object, _)| format!("'{object}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A row that cannot go back: records made since the backup took its id, or its parent
/// (an area, a master data item) no longer exists.
fn conflict(e: rusqlite::Error) -> CoreError {
    match &e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => CoreError::validation(
            "module",
            "conflict",
            "the module does not fit the current data (records made since the backup, or a parent that no longer exists); restore the tenant or the whole backup",
        ),
        _ => e.into(),
    }
}

/// Writes the module's lists as CSV files (as the backup holds them) into `dir`; returns
/// the files written.
pub(crate) fn csv(
    conn: &Connection,
    user: &UserRecord,
    module: BackupModule,
    dir: &Path,
    stamp: &str,
) -> CoreResult<Vec<PathBuf>> {
    let tenant = crate::domain::tenants::by_id(conn, module.tenant_id())?.ok_or_else(|| {
        CoreError::validation(
            "module",
            "unknown",
            format!("the backup holds no tenant with id {}", module.tenant_id()),
        )
    })?;
    let language = Language::of(user.language.as_deref());
    let style = crate::store::settings::table_style(conn, language)?;
    let clean = file_name_part(&tenant.name);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let all = matches!(module, BackupModule::Tenant(_));
    if all || matches!(module, BackupModule::Ropa(_)) {
        let list = crate::domain::activities::full_list(conn, user, tenant.id, None)?;
        files.push((
            text(language, "backup-csv-processing-activities"),
            crate::domain::activities::export::file(&list, ExportFormat::Csv, style)?,
        ));
    }
    if all || matches!(module, BackupModule::Companies(_)) {
        let list = crate::domain::companies::list(conn, tenant.id)?;
        files.push((
            text(language, "backup-csv-companies"),
            crate::domain::companies::export::file(&list, ExportFormat::Csv, style)?,
        ));
    }
    if all || matches!(module, BackupModule::Areas(_)) {
        let list = crate::domain::areas::list(conn, user, tenant.id)?;
        files.push((
            text(language, "backup-csv-areas"),
            crate::domain::areas::export::file(&list, ExportFormat::Csv, style)?,
        ));
    }
    if all || matches!(module, BackupModule::MasterData(_)) {
        for kind in MasterKind::ALL {
            let list = master_data::list(conn, tenant.id, *kind)?;
            files.push((
                kind.as_str().to_string(),
                crate::domain::master_data::export::file(&list, ExportFormat::Csv, style)?,
            ));
        }
    }
    if all || matches!(module, BackupModule::Toms(_)) {
        let list = crate::domain::toms::full_list(conn, user, tenant.id)?;
        files.push((
            text(language, "backup-csv-toms"),
            crate::domain::toms::export::file(&list, ExportFormat::Csv, style)?,
        ));
    }
    if all || matches!(module, BackupModule::Dpias(_)) {
        let list = dpias::current_of_tenant(conn, user, tenant.id)?;
        files.push((
            text(language, "backup-csv-dpias"),
            dpias::export::file(&list, ExportFormat::Csv, style)?,
        ));
    }
    if all || matches!(module, BackupModule::Registers(_)) {
        // As of the backup's date: the deadlines are those the registers had then.
        let now = backup_time(conn)?;
        let today = crate::kernel::clock::local_day(now);
        let list = requests::full_list(conn, user, tenant.id, today)?;
        files.push((
            text(language, "backup-csv-requests"),
            requests::export::file(&list, ExportFormat::Csv, style)?,
        ));
        let list = breaches::full_list(conn, user, tenant.id, now)?;
        files.push((
            text(language, "backup-csv-breaches"),
            breaches::export::file(&list, ExportFormat::Csv, style)?,
        ));
        let list = processor_agreements::full_list(conn, user, tenant.id, today)?;
        files.push((
            text(language, "backup-csv-processor-agreements"),
            processor_agreements::export::file(&list, ExportFormat::Csv, style)?,
        ));
    }
    if all || matches!(module, BackupModule::Courses(_)) {
        let list = courses::list(conn, user, tenant.id)?;
        files.push((
            text(language, "backup-csv-courses"),
            courses::export::file(&list, ExportFormat::Csv, style)?,
        ));
        let today = crate::kernel::clock::local_day(backup_time(conn)?);
        let results = courses::assignments::of_tenant(conn, user, tenant.id, today)?;
        files.push((
            text(language, "backup-csv-course-results"),
            courses::export::results_file(&results, ExportFormat::Csv, style)?,
        ));
    }
    if all || matches!(module, BackupModule::Documents(_)) {
        let list = documents::full_list(conn, user, tenant.id)?;
        files.push((
            text(language, "backup-csv-documents"),
            documents::export::file(&list, ExportFormat::Csv, style)?,
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| CoreError::io(dir, e))?;
    let mut written = Vec::new();
    for (what, bytes) in files {
        let path = dir.join(format!("{clean} – {what} – {stamp}.csv"));
        exports::write_atomically(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// When the backup was taken, as far as its contents tell: its last audited change.
fn backup_time(conn: &Connection) -> CoreResult<chrono::DateTime<chrono::Utc>> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(at), '1970-01-01T00:00:00Z') FROM audit_log",
        [],
        |r| r.get(0),
    )?)
}

fn backup_holds_tenant(conn: &Connection, tenant: i64) -> CoreResult<()> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM bak.tenants WHERE id = ?1)",
        [tenant],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(CoreError::validation(
            "module",
            "unknown",
            format!("the backup holds no tenant with id {tenant}"),
        ));
    }
    Ok(())
}

/// The tenant's measures as the backup holds them, leaving everything else as it is: the
/// measures of now (and their trash entries) go, the backup's live measures come back with
/// their reviews, their companies and their links to activities that still exist.
fn restore_toms(conn: &mut Connection, tenant: i64) -> CoreResult<usize> {
    backup_holds_tenant(conn, tenant)?;
    let tx = conn.transaction()?;
    let taken: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM bak.toms b JOIN main.toms m ON m.id = b.id WHERE b.tenant_id = ?1 AND m.tenant_id <> ?1)",
        [tenant],
        |r| r.get(0),
    )?;
    if taken {
        return Err(conflict(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT),
            None,
        )));
    }
    const MINE: &str = "tom_id IN (SELECT id FROM main.toms WHERE tenant_id = ?1)";
    tx.execute(
        "DELETE FROM main.trash WHERE tenant_id = ?1 AND object_type = 'tom'",
        [tenant],
    )?;
    for table in ["activity_toms", "tom_reviews", "tom_companies"] {
        tx.execute(&format!("DELETE FROM main.{table} WHERE {MINE}"), [tenant])?;
    }
    tx.execute("DELETE FROM main.toms WHERE tenant_id = ?1", [tenant])?;
    let cols = columns(&tx, "toms")?;
    let restored = tx.execute(
        &format!("INSERT INTO main.toms ({cols}) SELECT {cols} FROM bak.toms WHERE tenant_id = ?1 AND trash_id IS NULL"),
        [tenant],
    )?;
    let cols = columns(&tx, "tom_reviews")?;
    tx.execute(
        &format!(
            "INSERT INTO main.tom_reviews ({cols}) SELECT {cols} FROM bak.tom_reviews WHERE {MINE}"
        ),
        [tenant],
    )
    .map_err(conflict)?;
    tx.execute(
        &format!("INSERT INTO main.tom_companies (tom_id, company_id) SELECT tom_id, company_id FROM bak.tom_companies
                  WHERE {MINE} AND company_id IN (SELECT id FROM main.companies WHERE tenant_id = ?1)"),
        [tenant],
    )?;
    tx.execute(
        &format!("INSERT INTO main.activity_toms (activity_id, tom_id) SELECT activity_id, tom_id FROM bak.activity_toms
                  WHERE {MINE} AND activity_id IN (SELECT id FROM main.processing_activities WHERE tenant_id = ?1)"),
        [tenant],
    )?;
    tx.commit()?;
    Ok(restored)
}

/// The tenant's documents as the backup holds them (folders, every version's bytes), with
/// their links to the records that exist now; the trash of documents is replaced like the
/// measures' is. All or nothing.
fn restore_documents(conn: &mut Connection, tenant: i64) -> CoreResult<usize> {
    backup_holds_tenant(conn, tenant)?;
    let tx = conn.transaction()?;
    let taken: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM bak.documents b JOIN main.documents m ON m.id = b.id WHERE b.tenant_id = ?1 AND m.tenant_id <> ?1)
         OR EXISTS(SELECT 1 FROM bak.document_folders b JOIN main.document_folders m ON m.id = b.id WHERE b.tenant_id = ?1 AND m.tenant_id <> ?1)
         OR EXISTS(SELECT 1 FROM bak.document_versions b JOIN main.document_versions m ON m.id = b.id
                   JOIN main.documents d ON d.id = m.document_id WHERE d.tenant_id <> ?1
                   AND b.document_id IN (SELECT id FROM bak.documents WHERE tenant_id = ?1))",
        [tenant],
        |r| r.get(0),
    )?;
    if taken {
        return Err(conflict(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT),
            None,
        )));
    }
    tx.execute(
        "DELETE FROM main.trash WHERE tenant_id = ?1 AND object_type = 'document'",
        [tenant],
    )?;
    let rows = documents::descriptor::DESCRIPTOR.tenant_rows;
    for part in rows {
        let condition = part.condition.replace("{db}", "main");
        tx.execute(
            &format!("DELETE FROM main.{} WHERE {condition}", part.table),
            [tenant],
        )?;
    }
    const LIVE: &str =
        "document_id IN (SELECT id FROM bak.documents WHERE tenant_id = ?1 AND trash_id IS NULL)";
    let copy = |table: &str, condition: &str| -> CoreResult<usize> {
        let cols = columns(&tx, table)?;
        tx.execute(
            &format!("INSERT INTO main.{table} ({cols}) SELECT {cols} FROM bak.{table} WHERE {condition}"),
            [tenant],
        )
        .map_err(conflict)
    };
    copy("document_folders", "tenant_id = ?1 AND trash_id IS NULL")?;
    let restored = copy("documents", "tenant_id = ?1 AND trash_id IS NULL")?;
    copy("document_versions", LIVE)?;
    copy(
        "document_contents",
        &format!("version_id IN (SELECT id FROM bak.document_versions WHERE {LIVE})"),
    )?;
    copy(
        "document_links",
        &format!(
            "{LIVE} AND CASE object_type
               WHEN 'company' THEN object_id IN (SELECT id FROM main.companies)
               WHEN 'processing_activity' THEN object_id IN (SELECT id FROM main.processing_activities)
               WHEN 'tom' THEN object_id IN (SELECT id FROM main.toms)
               WHEN 'dpia' THEN object_id IN (SELECT id FROM main.dpias)
               WHEN 'request' THEN object_id IN (SELECT id FROM main.data_subject_requests)
               WHEN 'breach' THEN object_id IN (SELECT id FROM main.data_breaches)
               WHEN 'processor_agreement' THEN object_id IN (SELECT id FROM main.processor_agreements)
               ELSE 0 END"
        ),
    )?;
    tx.commit()?;
    Ok(restored)
}

/// The tenant's DPIAs and checks as the backup holds them, for the activities that still
/// exist; the RoPA and the measures stay as they are (a risk's measure that is gone now is
/// left out).
fn restore_dpias(conn: &mut Connection, tenant: i64) -> CoreResult<usize> {
    backup_holds_tenant(conn, tenant)?;
    let tx = conn.transaction()?;
    let taken: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM bak.dpias b JOIN main.dpias m ON m.id = b.id WHERE b.tenant_id = ?1 AND m.tenant_id <> ?1)
         OR EXISTS(SELECT 1 FROM bak.dpia_risks b JOIN main.dpia_risks m ON m.id = b.id
                   JOIN main.dpias d ON d.id = m.dpia_id WHERE d.tenant_id <> ?1
                   AND b.dpia_id IN (SELECT id FROM bak.dpias WHERE tenant_id = ?1))",
        [tenant],
        |r| r.get(0),
    )?;
    if taken {
        return Err(conflict(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT),
            None,
        )));
    }
    tx.execute(
        "DELETE FROM main.trash WHERE tenant_id = ?1 AND object_type = 'dpia'",
        [tenant],
    )?;
    for part in dpias::descriptor::DESCRIPTOR.tenant_rows {
        let condition = part.condition.replace("{db}", "main");
        tx.execute(
            &format!("DELETE FROM main.{} WHERE {condition}", part.table),
            [tenant],
        )?;
    }
    const LIVE_ACTIVITY: &str =
        "activity_id IN (SELECT id FROM main.processing_activities WHERE tenant_id = ?1)";
    let cols = columns(&tx, "dpias")?;
    let restored = tx.execute(
        &format!("INSERT INTO main.dpias ({cols}) SELECT {cols} FROM bak.dpias WHERE tenant_id = ?1 AND trash_id IS NULL AND {LIVE_ACTIVITY}"),
        [tenant],
    )?;
    let cols = columns(&tx, "dpia_risks")?;
    tx.execute(
        &format!(
            "INSERT INTO main.dpia_risks ({cols}) SELECT {cols} FROM bak.dpia_risks
                  WHERE dpia_id IN (SELECT id FROM main.dpias WHERE tenant_id = ?1)"
        ),
        [tenant],
    )
    .map_err(conflict)?;
    tx.execute(
        "INSERT INTO main.dpia_risk_toms (risk_id, tom_id) SELECT risk_id, tom_id FROM bak.dpia_risk_toms
         WHERE risk_id IN (SELECT r.id FROM main.dpia_risks r JOIN main.dpias d ON d.id = r.dpia_id WHERE d.tenant_id = ?1)
           AND tom_id IN (SELECT id FROM main.toms WHERE tenant_id = ?1)",
        [tenant],
    )?;
    let cols = columns(&tx, "dpia_checks")?;
    tx.execute(
        &format!("INSERT INTO main.dpia_checks ({cols}) SELECT {cols} FROM bak.dpia_checks WHERE {LIVE_ACTIVITY}"),
        [tenant],
    )?;
    tx.commit()?;
    Ok(restored)
}

/// The tenant's master data as the backup holds them, leaving the RoPA as it is: every
/// item of the backup gets its values back (a deleted one returns), and an item made since
/// goes unless an activity uses it (then it stays: the RoPA keeps its links).
fn restore_master_data(conn: &mut Connection, tenant: i64) -> CoreResult<usize> {
    backup_holds_tenant(conn, tenant)?;
    let tx = conn.transaction()?;
    // An id the backup's item had may belong to another tenant's item made since.
    let taken: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM bak.master_items b JOIN main.master_items m ON m.id = b.id WHERE b.tenant_id = ?1 AND m.tenant_id <> ?1)",
        [tenant],
        |r| r.get(0),
    )?;
    if taken {
        return Err(conflict(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT),
            None,
        )));
    }
    tx.execute(
        "DELETE FROM main.master_items WHERE tenant_id = ?1
           AND id NOT IN (SELECT id FROM bak.master_items WHERE tenant_id = ?1 AND trash_id IS NULL)
           AND id NOT IN (SELECT item_id FROM main.activity_links)
           AND id NOT IN (SELECT business_process_id FROM main.processing_activities WHERE business_process_id IS NOT NULL)
           AND id NOT IN (SELECT item_id FROM main.request_items)
           AND id NOT IN (SELECT item_id FROM main.agreement_countries)
           AND id NOT IN (SELECT processor_id FROM main.processor_agreements)",
        [tenant],
    )?;
    // Items deleted since come back: their trash entries go.
    tx.execute(
        "DELETE FROM main.trash WHERE id IN (SELECT trash_id FROM main.master_items WHERE tenant_id = ?1 AND trash_id IS NOT NULL
           AND id IN (SELECT id FROM bak.master_items WHERE tenant_id = ?1 AND trash_id IS NULL))",
        [tenant],
    )?;
    let cols = columns(&tx, "master_items")?;
    let updates: Vec<String> = cols
        .split(", ")
        .filter(|c| *c != "id")
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    // `WHERE true` lets SQLite read the upsert's ON CONFLICT after a SELECT.
    let restored = tx
        .execute(
            &format!(
                "INSERT INTO main.master_items ({cols}) SELECT {cols} FROM bak.master_items WHERE tenant_id = ?1 AND trash_id IS NULL AND true
                 ON CONFLICT(id) DO UPDATE SET {}",
                updates.join(", ")
            ),
            [tenant],
        )
        .map_err(conflict)?;
    tx.commit()?;
    Ok(restored)
}
