//! Areas of a company. One line per operation: the gate, then the domain.

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::{export_name, list_name, Desk};
use crate::domain::areas::{self, Area, AreaField, AreaInput};
use crate::domain::tenants::{self};
use crate::kernel::error::CoreResult;
use crate::kernel::text::Language;
use crate::services::exports::{ExportFile, ExportFormat};

impl Desk {
    pub fn areas(&self, session: &mut Session, tenant_id: i64) -> CoreResult<Vec<Area>> {
        let (user, _) = self.gate(session, Operation::ListAreas)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        areas::list(self.store.conn(), &user, tenant_id)
    }

    pub fn create_area(&mut self, session: &mut Session, input: &AreaInput) -> CoreResult<Area> {
        self.write(session, Operation::CreateArea, |conn, user, now| {
            areas::create(conn, now, user, input)
        })
    }

    pub fn delete_area(&mut self, session: &mut Session, id: i64) -> CoreResult<i64> {
        Ok(self.delete_areas(session, &[id])?[0])
    }

    pub fn delete_areas(&mut self, session: &mut Session, ids: &[i64]) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::DeleteArea, |conn, user, now| {
            areas::delete(conn, now, user, ids)
        })
    }

    pub fn update_area(
        &mut self,
        session: &mut Session,
        id: i64,
        input: &AreaInput,
    ) -> CoreResult<Area> {
        self.write(session, Operation::UpdateArea, |conn, user, now| {
            areas::update(conn, now, user, id, input)
        })
    }

    pub fn copy_areas(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        suffix: &str,
    ) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::CopyAreas, |conn, user, now| {
            areas::copy(conn, now, user, ids, suffix)
        })
    }

    pub fn mass_change_areas(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        field: &AreaField,
    ) -> CoreResult<usize> {
        self.write(session, Operation::MassChangeAreas, |conn, user, now| {
            areas::mass_change(conn, now, user, ids, field)
        })
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
        let language = Language::of(user.language.as_deref());
        let what = list_name(language, &areas::descriptor::DESCRIPTOR);
        Ok(ExportFile {
            suggested_name: export_name(&tenant.name, &what, now, format),
            bytes: crate::domain::areas::export::file(
                &list,
                format,
                crate::store::settings::table_style(self.store.conn(), language)?,
            )?,
        })
    }
}
