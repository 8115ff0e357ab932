//! PDF reports (SPEC §12). The desk only reads: it checks the print right and loads what
//! the report shows; the returned job lays the PDF out without holding the desk.

use std::path::Path;

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::Desk;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::text::Language;
use crate::services::reports::{self, ReportJob, ReportRequest};
use crate::store::settings;

/// Where the recovery key is kept inside the encrypted database, for the owner's sheet.
pub(crate) const RECOVERY_KEY_SETTING: &str = "installation.recovery_key";

fn operation(request: &ReportRequest) -> Operation {
    match request {
        ReportRequest::Ropa { .. } => Operation::PrintRopa,
        ReportRequest::Toms { .. } => Operation::PrintToms,
        ReportRequest::Dpia { .. } => Operation::PrintDpia,
        ReportRequest::Breach { .. } => Operation::PrintBreach,
        ReportRequest::Certificate { .. } => Operation::SaveOwnCertificate,
        ReportRequest::Certificates { .. } => Operation::PrintCertificates,
    }
}

impl Desk {
    /// Reads what the report shows, as the user may see it.
    pub fn prepare_report(
        &self,
        session: &mut Session,
        request: &ReportRequest,
    ) -> CoreResult<ReportJob> {
        let (user, now) = self.gate(session, operation(request))?;
        reports::load(self.store.conn(), &user, request, &self.office_name()?, now)
    }

    /// The same report as of a backup, read without restoring it (administrators, as
    /// browsing a backup is). Ids are the backup's.
    pub fn prepare_report_from_backup(
        &self,
        session: &mut Session,
        path: &Path,
        request: &ReportRequest,
        progress: &mut dyn FnMut(u64, u64),
    ) -> CoreResult<ReportJob> {
        let (user, now) = self.gate(session, operation(request))?;
        self.gate(session, Operation::BrowseBackup)?;
        self.with_staged(path, progress, |_, staged| {
            let conn = staged.conn();
            // An administrator (who alone may read backups) sees everything in it.
            let mut reader = super::backups::backup_reader(conn, &user)?;
            reader.is_admin = user.is_admin;
            let office: String =
                conn.query_row("SELECT name FROM office WHERE id = 1", [], |r| r.get(0))?;
            reports::load(conn, &reader, request, &office, now)
        })
    }

    /// The recovery-key sheet for the owner, after the password once more.
    pub fn recovery_sheet(
        &self,
        session: &mut Session,
        password_again: &str,
    ) -> CoreResult<ReportJob> {
        let (user, now) = self.gate(session, Operation::RecoverySheet)?;
        if !user.password_matches(password_again) {
            return Err(CoreError::validation(
                "password",
                "wrong",
                "the password is not correct",
            ));
        }
        let key = settings::get_raw(self.store.conn(), RECOVERY_KEY_SETTING)?.ok_or_else(|| {
            CoreError::validation(
                "recovery_key",
                "unavailable",
                "this installation was set up before DPO Desk kept the recovery key; it opens the sheet again once the recovery key has been typed at a start",
            )
        })?;
        Ok(reports::recovery_sheet(
            &key,
            &self.office_name()?,
            Language::of(user.language.as_deref()),
            now,
        ))
    }
}
