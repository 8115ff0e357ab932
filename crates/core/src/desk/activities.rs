//! Processing activities and their attachments. One line per operation: the gate, then the domain.

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::{export_name, list_name, Desk, EditorChoice};
use crate::domain::activities::attachments::{self, Attachment};
use crate::domain::activities::{
    self, Activity, ActivityInput, ActivityQuery, ActivityRow, ActivityWindow, MassChange,
};
use crate::domain::tenants::{self};
use crate::kernel::error::CoreResult;
use crate::kernel::text::Language;
use crate::kernel::vocabulary::{ObjectType, Right};
use crate::services::exports::{ExportFile, ExportFormat};

impl Desk {
    pub fn activities(
        &self,
        session: &mut Session,
        tenant_id: i64,
        search: Option<&str>,
    ) -> CoreResult<Vec<ActivityRow>> {
        let (user, _) = self.gate(session, Operation::ListActivities)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        activities::list(self.store.conn(), &user, tenant_id, search)
    }

    /// Rows `offset ..` of the list `query` describes, and its length: the window's list
    /// asks for the rows in view instead of the whole tenant.
    pub fn activity_window(
        &self,
        session: &mut Session,
        tenant_id: i64,
        query: &ActivityQuery,
        offset: u32,
        limit: u32,
    ) -> CoreResult<ActivityWindow> {
        let (user, _) = self.gate(session, Operation::ListActivities)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        activities::window(self.store.conn(), &user, tenant_id, query, offset, limit)
    }

    /// The ids of every activity in the list `query` describes, in its order.
    pub fn activity_ids(
        &self,
        session: &mut Session,
        tenant_id: i64,
        query: &ActivityQuery,
    ) -> CoreResult<Vec<i64>> {
        let (user, _) = self.gate(session, Operation::ListActivities)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        activities::ids(self.store.conn(), &user, tenant_id, query)
    }

    /// The full records with their links (the command line's `activity list`).
    pub fn activity_records(
        &self,
        session: &mut Session,
        tenant_id: i64,
        search: Option<&str>,
    ) -> CoreResult<Vec<Activity>> {
        let (user, _) = self.gate(session, Operation::ListActivities)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        activities::full_list(self.store.conn(), &user, tenant_id, search)
    }

    pub fn activity(&self, session: &mut Session, id: i64) -> CoreResult<Activity> {
        let (user, _) = self.gate(session, Operation::ShowActivity)?;
        activities::visible_by_id(self.store.conn(), &user, id)
    }

    /// Active users who may open the tenant: the choices for an activity's editor.
    pub fn editors(&self, session: &mut Session, tenant_id: i64) -> CoreResult<Vec<EditorChoice>> {
        let (user, _) = self.gate(session, Operation::ListEditors)?;
        let conn = self.store.conn();
        tenants::accessible(conn, &user, tenant_id)?;
        let mut stmt = conn.prepare_cached(
            "SELECT id, name FROM users u WHERE active AND (is_admin OR EXISTS(
                 SELECT 1 FROM user_tenants ut WHERE ut.user_id = u.id AND ut.tenant_id = ?1))
             ORDER BY name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([tenant_id], |r| {
            Ok(EditorChoice {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn create_activity(
        &mut self,
        session: &mut Session,
        input: &ActivityInput,
    ) -> CoreResult<Activity> {
        self.write(session, Operation::CreateActivity, |conn, user, now| {
            activities::create(conn, now, user, input)
        })
    }

    pub fn update_activity(
        &mut self,
        session: &mut Session,
        id: i64,
        input: &ActivityInput,
    ) -> CoreResult<Activity> {
        self.write(session, Operation::UpdateActivity, |conn, user, now| {
            activities::update(conn, now, user, id, input)
        })
    }

    pub fn attachments(
        &self,
        session: &mut Session,
        activity_id: i64,
    ) -> CoreResult<Vec<Attachment>> {
        let (user, _) = self.gate(session, Operation::ListAttachments)?;
        attachments::list(self.store.conn(), &user, activity_id)
    }

    /// The attachment's file name and bytes.
    pub fn attachment_content(
        &self,
        session: &mut Session,
        id: i64,
    ) -> CoreResult<(String, Vec<u8>)> {
        let (user, _) = self.gate(session, Operation::ListAttachments)?;
        attachments::content(self.store.conn(), &user, id)
    }

    pub fn add_attachment(
        &mut self,
        session: &mut Session,
        activity_id: i64,
        file_name: &str,
        content: &[u8],
    ) -> CoreResult<Attachment> {
        self.write(session, Operation::AddAttachment, |conn, user, now| {
            attachments::add(conn, now, user, activity_id, file_name, content)
        })
    }

    pub fn remove_attachment(&mut self, session: &mut Session, id: i64) -> CoreResult<()> {
        self.write(session, Operation::RemoveAttachment, |conn, user, now| {
            attachments::remove(conn, now, user, id)
        })
    }

    pub fn delete_activities(
        &mut self,
        session: &mut Session,
        ids: &[i64],
    ) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::DeleteActivities, |conn, user, now| {
            activities::delete(conn, now, user, ids)
        })
    }

    /// Copies within the tenant; `suffix` (e.g. " (copy)") is added to each name.
    pub fn copy_activities(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        suffix: &str,
    ) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::CopyActivities, |conn, user, now| {
            activities::copy(conn, now, user, ids, suffix)
        })
    }

    pub fn mass_change_activities(
        &mut self,
        session: &mut Session,
        change: &MassChange,
    ) -> CoreResult<usize> {
        self.write(
            session,
            Operation::MassChangeActivities,
            |conn, user, now| activities::mass_change(conn, now, user, change),
        )
    }

    /// The tenant's activities the user sees (optionally only the selected ones or those
    /// matching a search) as CSV or JSON.
    pub fn export_activities(
        &self,
        session: &mut Session,
        tenant_id: i64,
        search: Option<&str>,
        only: Option<&[i64]>,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportActivities)?;
        let conn = self.store.conn();
        let tenant = tenants::accessible(conn, &user, tenant_id)?;
        let mut list = activities::full_list(conn, &user, tenant_id, search)?;
        if let Some(ids) = only {
            list.retain(|a| ids.contains(&a.id));
        }
        // Measures are a right of their own, as in the printed record.
        if !self.can(&user, ObjectType::Tom, Right::View)? {
            for a in &mut list {
                a.toms.clear();
            }
        }
        let language = Language::of(user.language.as_deref());
        Ok(ExportFile {
            suggested_name: export_name(
                &tenant.name,
                &list_name(language, &activities::descriptor::DESCRIPTOR),
                now,
                format,
            ),
            bytes: crate::domain::activities::export::file(
                &list,
                format,
                crate::store::settings::table_style(self.store.conn(), language)?,
            )?,
        })
    }
}
