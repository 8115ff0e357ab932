//! Companies of a tenant. One line per operation: the gate, then the domain.

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::{export_name, Desk};
use crate::domain::companies::{self, Company, CompanyField, CompanyInput};
use crate::domain::tenants::{self};
use crate::kernel::error::CoreResult;
use crate::services::exports::{self, ExportFile, ExportFormat};

impl Desk {
    pub fn companies(&self, session: &mut Session, tenant_id: i64) -> CoreResult<Vec<Company>> {
        let (user, _) = self.gate(session, Operation::ListCompanies)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        companies::list(self.store.conn(), tenant_id)
    }

    pub fn create_company(
        &mut self,
        session: &mut Session,
        tenant_id: i64,
        input: &CompanyInput,
    ) -> CoreResult<Company> {
        let (user, now) = self.gate(session, Operation::CreateCompany)?;
        companies::create(self.store.conn_mut(), now, &user, tenant_id, input)
    }

    pub fn update_company(
        &mut self,
        session: &mut Session,
        id: i64,
        input: &CompanyInput,
    ) -> CoreResult<Company> {
        let (user, now) = self.gate(session, Operation::UpdateCompany)?;
        companies::update(self.store.conn_mut(), now, &user, id, input)
    }

    pub fn delete_company(&mut self, session: &mut Session, id: i64) -> CoreResult<i64> {
        Ok(self.delete_companies(session, &[id])?[0])
    }

    pub fn delete_companies(&mut self, session: &mut Session, ids: &[i64]) -> CoreResult<Vec<i64>> {
        let (user, now) = self.gate(session, Operation::DeleteCompany)?;
        companies::delete(self.store.conn_mut(), now, &user, ids)
    }

    /// Copies with their areas and activities; `suffix` is added to each name.
    pub fn copy_companies(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        suffix: &str,
    ) -> CoreResult<Vec<i64>> {
        let (user, now) = self.gate(session, Operation::CopyCompanies)?;
        companies::copy(self.store.conn_mut(), now, &user, ids, suffix)
    }

    pub fn mass_change_companies(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        field: &CompanyField,
    ) -> CoreResult<usize> {
        let (user, now) = self.gate(session, Operation::MassChangeCompanies)?;
        companies::mass_change(self.store.conn_mut(), now, &user, ids, field)
    }

    pub fn export_companies(
        &self,
        session: &mut Session,
        tenant_id: i64,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportCompanies)?;
        let tenant = tenants::accessible(self.store.conn(), &user, tenant_id)?;
        let list = companies::list(self.store.conn(), tenant_id)?;
        let language = user.language.as_deref().unwrap_or("en");
        let what = if language == "de" {
            "Firmen"
        } else {
            "companies"
        };
        Ok(ExportFile {
            suggested_name: export_name(&tenant.name, what, now, format),
            bytes: exports::companies(&list, format, language)?,
        })
    }
}
