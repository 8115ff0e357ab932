//! Master data of a tenant. One line per operation: the gate, then the domain.

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::{export_name, Desk};
use crate::domain::master_data::{
    self, MasterField, MasterItem, MasterItemInput, MasterKind, Usage,
};
use crate::domain::tenants::{self};
use crate::kernel::error::CoreResult;
use crate::kernel::text::Language;
use crate::services::exports::{ExportFile, ExportFormat};

impl Desk {
    pub fn master_items(
        &self,
        session: &mut Session,
        tenant_id: i64,
        kind: MasterKind,
    ) -> CoreResult<Vec<MasterItem>> {
        let (user, _) = self.gate(session, Operation::ListMasterItems(kind))?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        master_data::list(self.store.conn(), tenant_id, kind)
    }

    pub fn create_master_item(
        &mut self,
        session: &mut Session,
        tenant_id: i64,
        input: &MasterItemInput,
    ) -> CoreResult<MasterItem> {
        self.write(
            session,
            Operation::CreateMasterItem(input.kind),
            |conn, user, now| master_data::create(conn, now, user, tenant_id, input),
        )
    }

    pub fn update_master_item(
        &mut self,
        session: &mut Session,
        id: i64,
        input: &MasterItemInput,
    ) -> CoreResult<MasterItem> {
        self.write(
            session,
            Operation::UpdateMasterItem(input.kind),
            |conn, user, now| master_data::update(conn, now, user, id, input),
        )
    }

    /// Refused with the list of activities while the item is in use.
    pub fn delete_master_item(
        &mut self,
        session: &mut Session,
        kind: MasterKind,
        id: i64,
    ) -> CoreResult<i64> {
        Ok(self.delete_master_items(session, kind, &[id])?[0])
    }

    /// All or none; refused with the activities using them while any is in use.
    pub fn delete_master_items(
        &mut self,
        session: &mut Session,
        kind: MasterKind,
        ids: &[i64],
    ) -> CoreResult<Vec<i64>> {
        self.write(
            session,
            Operation::DeleteMasterItem(kind),
            |conn, user, now| master_data::delete(conn, now, user, kind, ids),
        )
    }

    pub fn copy_master_items(
        &mut self,
        session: &mut Session,
        kind: MasterKind,
        ids: &[i64],
        suffix: &str,
    ) -> CoreResult<Vec<i64>> {
        self.write(
            session,
            Operation::CopyMasterItems(kind),
            |conn, user, now| master_data::copy(conn, now, user, kind, ids, suffix),
        )
    }

    pub fn mass_change_master_items(
        &mut self,
        session: &mut Session,
        kind: MasterKind,
        ids: &[i64],
        field: &MasterField,
    ) -> CoreResult<usize> {
        self.write(
            session,
            Operation::MassChangeMasterItems(kind),
            |conn, user, now| master_data::mass_change(conn, now, user, kind, ids, field),
        )
    }

    pub fn export_master_items(
        &self,
        session: &mut Session,
        tenant_id: i64,
        kind: MasterKind,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportMasterItems(kind))?;
        let tenant = tenants::accessible(self.store.conn(), &user, tenant_id)?;
        let list = master_data::list(self.store.conn(), tenant_id, kind)?;
        let language = Language::of(user.language.as_deref());
        Ok(ExportFile {
            suggested_name: export_name(&tenant.name, kind.as_str(), now, format),
            bytes: crate::domain::master_data::export::file(
                &list,
                format,
                crate::store::settings::table_style(self.store.conn(), language)?,
            )?,
        })
    }

    pub fn master_item_usages(
        &self,
        session: &mut Session,
        kind: MasterKind,
        id: i64,
    ) -> CoreResult<Vec<Usage>> {
        let (user, _) = self.gate(session, Operation::ListMasterItems(kind))?;
        master_data::accessible(self.store.conn(), &user, id, kind)?;
        master_data::usages(self.store.conn(), id)
    }
}
