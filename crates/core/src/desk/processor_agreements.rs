//! Processor agreements of a tenant. One line per operation: the gate, then the domain.

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::{export_name, list_name, Desk};
use crate::domain::processor_agreements::{self, AgreementInput, AgreementRow, ProcessorAgreement};
use crate::domain::tenants;
use crate::kernel::clock::local_day;
use crate::kernel::error::CoreResult;
use crate::kernel::text::Language;
use crate::services::exports::{ExportFile, ExportFormat};

impl Desk {
    pub fn processor_agreements(
        &self,
        session: &mut Session,
        tenant_id: i64,
    ) -> CoreResult<Vec<AgreementRow>> {
        let (user, now) = self.gate(session, Operation::ListAgreements)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        processor_agreements::list(self.store.conn(), &user, tenant_id, local_day(now))
    }

    pub fn processor_agreement(
        &self,
        session: &mut Session,
        id: i64,
    ) -> CoreResult<ProcessorAgreement> {
        let (user, now) = self.gate(session, Operation::ShowAgreement)?;
        processor_agreements::visible_by_id(self.store.conn(), &user, id, local_day(now))
    }

    pub fn create_processor_agreement(
        &mut self,
        session: &mut Session,
        input: &AgreementInput,
    ) -> CoreResult<ProcessorAgreement> {
        self.write(session, Operation::CreateAgreement, |conn, user, now| {
            processor_agreements::create(conn, now, local_day(now), user, input)
        })
    }

    pub fn update_processor_agreement(
        &mut self,
        session: &mut Session,
        id: i64,
        input: &AgreementInput,
    ) -> CoreResult<ProcessorAgreement> {
        self.write(session, Operation::UpdateAgreement, |conn, user, now| {
            processor_agreements::update(conn, now, local_day(now), user, id, input)
        })
    }

    pub fn delete_processor_agreements(
        &mut self,
        session: &mut Session,
        ids: &[i64],
    ) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::DeleteAgreements, |conn, user, now| {
            processor_agreements::delete(conn, now, local_day(now), user, ids)
        })
    }

    pub fn export_processor_agreements(
        &self,
        session: &mut Session,
        tenant_id: i64,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportAgreements)?;
        let conn = self.store.conn();
        let tenant = tenants::accessible(conn, &user, tenant_id)?;
        let list = processor_agreements::full_list(conn, &user, tenant_id, local_day(now))?;
        let language = Language::of(user.language.as_deref());
        let what = list_name(language, &processor_agreements::descriptor::DESCRIPTOR);
        Ok(ExportFile {
            suggested_name: export_name(&tenant.name, &what, now, format),
            bytes: processor_agreements::export::file(
                &list,
                format,
                crate::store::settings::table_style(conn, language)?,
            )?,
        })
    }
}
