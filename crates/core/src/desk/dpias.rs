//! DPIAs: the necessity check of an activity and the assessments. One line per operation:
//! the gate, then the domain.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::{export_name, list_name, Desk};
use crate::domain::activities;
use crate::domain::dpias::check::{self, CheckInput, DpiaCheck};
use crate::domain::dpias::cnil::{self, CnilExport};
use crate::domain::dpias::must_list::{self, MustEntry};
use crate::domain::dpias::{self, matrix, Dpia, DpiaInput, DpiaRow, RiskMatrix, Validation};
use crate::domain::tenants;
use crate::domain::toms::{today, REVIEW_DUE_DAYS};
use crate::kernel::error::CoreResult;
use crate::kernel::text::Language;
use crate::kernel::vocabulary::{ObjectType, Right};
use crate::services::exports::{ExportFile, ExportFormat};

/// What the check of one activity shows: the stored check, the criteria the activity's own
/// data suggest, the must list, and the assessment if one exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DpiaCheckForm {
    pub activity_id: i64,
    pub activity_name: String,
    pub check: Option<DpiaCheck>,
    /// Suggested, never ticked for the user: e.g. `sensitive_data` where Art. 9/10 data
    /// categories are linked.
    pub suggested: Vec<String>,
    /// The Art. 9/10 data categories behind the suggestion.
    pub sensitive_categories: Vec<String>,
    pub must_list: Vec<MustEntry>,
    pub dpia_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DueDpiaReview {
    pub id: i64,
    pub tenant_name: String,
    pub activity_name: String,
    pub review_date: NaiveDate,
}

/// The dashboard's DPIA figures, over the tenants the user may open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DpiaOverview {
    /// Activities whose check says "required" and that have no validated assessment.
    pub required_without_dpia: i64,
    pub reviews_due: Vec<DueDpiaReview>,
}

impl Desk {
    pub fn dpia_check_form(
        &self,
        session: &mut Session,
        activity_id: i64,
    ) -> CoreResult<DpiaCheckForm> {
        let (user, _) = self.gate(session, Operation::ShowDpiaCheck)?;
        let conn = self.store.conn();
        let activity = activities::visible_by_id(conn, &user, activity_id)?;
        let sensitive: Vec<String> = activity
            .linked
            .iter()
            .filter(|l| l.special_category)
            .map(|l| l.name.clone())
            .collect();
        Ok(DpiaCheckForm {
            activity_id,
            activity_name: activity.data.name.clone(),
            check: check::of_activity(conn, activity_id)?,
            suggested: if sensitive.is_empty() {
                Vec::new()
            } else {
                vec!["sensitive_data".into()]
            },
            sensitive_categories: sensitive,
            must_list: must_list::list(conn)?,
            dpia_id: dpias::current_of_activity(conn, activity_id)?,
        })
    }

    /// Runs the check; the verdict goes into the activity's DPIA field too.
    pub fn check_dpia(
        &mut self,
        session: &mut Session,
        activity_id: i64,
        input: &CheckInput,
    ) -> CoreResult<DpiaCheck> {
        self.write(session, Operation::CheckDpia, |conn, user, now| {
            activities::visible_by_id(conn, user, activity_id)?;
            check::record(conn, now, user, activity_id, input)
        })
    }

    pub fn dpias(&self, session: &mut Session, tenant_id: i64) -> CoreResult<Vec<DpiaRow>> {
        let (user, _) = self.gate(session, Operation::ListDpias)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        dpias::list(self.store.conn(), &user, tenant_id)
    }

    pub fn dpia(&self, session: &mut Session, id: i64) -> CoreResult<Dpia> {
        let (user, _) = self.gate(session, Operation::ShowDpia)?;
        dpias::visible_by_id(self.store.conn(), &user, id)
    }

    pub fn start_dpia(&mut self, session: &mut Session, activity_id: i64) -> CoreResult<Dpia> {
        self.write(session, Operation::StartDpia, |conn, user, now| {
            dpias::start(conn, now, user, activity_id)
        })
    }

    pub fn update_dpia(
        &mut self,
        session: &mut Session,
        id: i64,
        input: &DpiaInput,
    ) -> CoreResult<Dpia> {
        self.write(session, Operation::UpdateDpia, |conn, user, now| {
            dpias::update(conn, now, user, id, input)
        })
    }

    pub fn validate_dpia(
        &mut self,
        session: &mut Session,
        id: i64,
        validation: &Validation,
    ) -> CoreResult<Dpia> {
        self.write(session, Operation::ValidateDpia, |conn, user, now| {
            dpias::validate(conn, now, user, id, validation)
        })
    }

    pub fn new_dpia_version(&mut self, session: &mut Session, id: i64) -> CoreResult<Dpia> {
        self.write(session, Operation::NewDpiaVersion, |conn, user, now| {
            dpias::new_version(conn, now, user, id)
        })
    }

    pub fn delete_dpias(&mut self, session: &mut Session, ids: &[i64]) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::DeleteDpias, |conn, user, now| {
            dpias::delete(conn, now, user, ids)
        })
    }

    pub fn export_dpias(
        &self,
        session: &mut Session,
        tenant_id: i64,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportDpias)?;
        let conn = self.store.conn();
        let tenant = tenants::accessible(conn, &user, tenant_id)?;
        let list = dpias::current_of_tenant(conn, &user, tenant_id)?;
        let language = Language::of(user.language.as_deref());
        let what = list_name(language, &dpias::descriptor::DESCRIPTOR);
        Ok(ExportFile {
            suggested_name: export_name(&tenant.name, &what, now, format),
            bytes: dpias::export::file(
                &list,
                format,
                crate::store::settings::table_style(self.store.conn(), language)?,
            )?,
        })
    }

    /// A CNIL PIA file as the assessment of an activity that has none yet.
    pub fn import_cnil(
        &mut self,
        session: &mut Session,
        activity_id: i64,
        bytes: &[u8],
    ) -> CoreResult<Dpia> {
        self.write(session, Operation::ImportCnil, |conn, user, now| {
            cnil::import(conn, now, user, activity_id, bytes)
        })
    }

    pub fn export_cnil(&self, session: &mut Session, id: i64) -> CoreResult<CnilExport> {
        let (user, _) = self.gate(session, Operation::ExportCnil)?;
        let d = dpias::visible_by_id(self.store.conn(), &user, id)?;
        cnil::export(&d, Language::of(user.language.as_deref()))
    }

    pub fn save_must_entry(
        &mut self,
        session: &mut Session,
        entry: &MustEntry,
    ) -> CoreResult<MustEntry> {
        self.write(session, Operation::SaveMustEntry, |conn, user, now| {
            must_list::save(conn, now, user, entry)
        })
    }

    pub fn remove_must_entry(&mut self, session: &mut Session, number: i64) -> CoreResult<()> {
        self.write(session, Operation::RemoveMustEntry, |conn, user, now| {
            must_list::remove(conn, now, user, number)
        })
    }

    pub fn risk_matrix(&self, session: &mut Session) -> CoreResult<RiskMatrix> {
        self.gate(session, Operation::RiskMatrix)?;
        matrix::current(self.store.conn())
    }

    pub fn update_risk_matrix(
        &mut self,
        session: &mut Session,
        m: &RiskMatrix,
    ) -> CoreResult<RiskMatrix> {
        self.write(session, Operation::UpdateRiskMatrix, |conn, _, _| {
            matrix::store(conn, m.clone())
        })
    }

    /// Zero and empty for a user who may not view DPIAs.
    pub fn dpia_overview(&self, session: &mut Session) -> CoreResult<DpiaOverview> {
        let (user, now) = self.gate(session, Operation::DpiaOverview)?;
        if !self.can(&user, ObjectType::Dpia, Right::View)? {
            return Ok(DpiaOverview {
                required_without_dpia: 0,
                reviews_due: Vec::new(),
            });
        }
        let conn = self.store.conn();
        let horizon = today(now) + chrono::Duration::days(REVIEW_DUE_DAYS);
        Ok(DpiaOverview {
            required_without_dpia: dpias::required_without_dpia(conn, &user)?,
            reviews_due: dpias::reviews_due(conn, &user, horizon)?
                .into_iter()
                .map(
                    |(id, tenant_name, activity_name, review_date)| DueDpiaReview {
                        id,
                        tenant_name,
                        activity_name,
                        review_date,
                    },
                )
                .collect(),
        })
    }
}
