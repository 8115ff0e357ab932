//! Areas of a company. One line per operation: the gate, then the domain.

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::{export_name, Desk};
use crate::domain::areas::{self, Area, AreaField, AreaInput};
use crate::domain::tenants::{self};
use crate::kernel::error::CoreResult;
use crate::services::exports::{self, ExportFile, ExportFormat};

impl Desk {
    pub fn areas(&self, session: &mut Session, tenant_id: i64) -> CoreResult<Vec<Area>> {
        let (user, _) = self.gate(session, Operation::ListAreas)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        areas::list(self.store.conn(), &user, tenant_id)
    }

    pub fn create_area(&mut self, session: &mut Session, input: &AreaInput) -> CoreResult<Area> {
        let (user, now) = self.gate(session, Operation::CreateArea)?;
        areas::create(self.store.conn_mut(), now, &user, input)
    }

    pub fn delete_area(&mut self, session: &mut Session, id: i64) -> CoreResult<i64> {
        Ok(self.delete_areas(session, &[id])?[0])
    }

    pub fn delete_areas(&mut self, session: &mut Session, ids: &[i64]) -> CoreResult<Vec<i64>> {
        let (user, now) = self.gate(session, Operation::DeleteArea)?;
        areas::delete(self.store.conn_mut(), now, &user, ids)
    }

    pub fn update_area(
        &mut self,
        session: &mut Session,
        id: i64,
        input: &AreaInput,
    ) -> CoreResult<Area> {
        let (user, now) = self.gate(session, Operation::UpdateArea)?;
        areas::update(self.store.conn_mut(), now, &user, id, input)
    }

    pub fn copy_areas(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        suffix: &str,
    ) -> CoreResult<Vec<i64>> {
        let (user, now) = self.gate(session, Operation::CopyAreas)?;
        areas::copy(self.store.conn_mut(), now, &user, ids, suffix)
    }

    pub fn mass_change_areas(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        field: &AreaField,
    ) -> CoreResult<usize> {
        let (user, now) = self.gate(session, Operation::MassChangeAreas)?;
        areas::mass_change(self.store.conn_mut(), now, &user, ids, field)
    }

    pub fn export_areas(
        &self,
        session: &mut Session,
        tenant_id: i64,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportAreas)?;
        let tenant = tenants::accessible(self.store.conn(), &user, tenant_id)?;
        let list = areas::list(self.store.conn(), &user, tenant_id)?;
        let language = user.language.as_deref().unwrap_or("en");
        let what = if language == "de" {
            "Bereiche"
        } else {
            "areas"
        };
        Ok(ExportFile {
            suggested_name: export_name(&tenant.name, what, now, format),
            bytes: exports::areas(&list, format, language)?,
        })
    }
}
