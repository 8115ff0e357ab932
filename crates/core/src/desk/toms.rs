//! Technical and organisational measures of a tenant. One line per operation: the gate,
//! then the domain.

use serde::Serialize;
use ts_rs::TS;

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::{export_name, list_name, Desk};
use crate::domain::activities::{tom_links, LinkedActivity};
use crate::domain::tenants;
use crate::domain::toms::{
    self, DueReview, ReviewInput, Tom, TomCopyTarget, TomField, TomFilter, TomInput, TomRow,
};
use crate::kernel::error::CoreResult;
use crate::kernel::text::Language;
use crate::kernel::vocabulary::{ObjectType, Right};
use crate::services::exports::{ExportFile, ExportFormat};

/// A measure as its form shows it: the record and the activities it serves (those the
/// user may see).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TomDetail {
    #[serde(flatten)]
    pub tom: Tom,
    pub activities: Vec<LinkedActivity>,
}

/// The dashboard's list of reviews due soon or overdue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DueReviews {
    pub total: i64,
    pub items: Vec<DueReview>,
}

impl Desk {
    pub fn toms(
        &self,
        session: &mut Session,
        tenant_id: i64,
        filter: &TomFilter,
    ) -> CoreResult<Vec<TomRow>> {
        let (user, now) = self.gate(session, Operation::ListToms)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        toms::list(self.store.conn(), &user, tenant_id, filter, now)
    }

    pub fn tom(&self, session: &mut Session, id: i64) -> CoreResult<TomDetail> {
        let (user, _) = self.gate(session, Operation::ShowTom)?;
        let conn = self.store.conn();
        let tom = toms::visible_by_id(conn, &user, id)?;
        let activities = if self.can(&user, ObjectType::ProcessingActivity, Right::View)? {
            tom_links::activities_of_tom(conn, &user, id)?
        } else {
            Vec::new()
        };
        Ok(TomDetail { tom, activities })
    }

    pub fn create_tom(&mut self, session: &mut Session, input: &TomInput) -> CoreResult<Tom> {
        self.write(session, Operation::CreateTom, |conn, user, now| {
            toms::create(conn, now, user, input)
        })
    }

    pub fn update_tom(
        &mut self,
        session: &mut Session,
        id: i64,
        input: &TomInput,
    ) -> CoreResult<Tom> {
        self.write(session, Operation::UpdateTom, |conn, user, now| {
            toms::update(conn, now, user, id, input)
        })
    }

    pub fn review_tom(
        &mut self,
        session: &mut Session,
        id: i64,
        input: &ReviewInput,
    ) -> CoreResult<Tom> {
        self.write(session, Operation::ReviewTom, |conn, user, now| {
            toms::record_review(conn, now, user, id, input)
        })
    }

    /// Sets which of the activities the user can see the measure serves (the activity
    /// form shows the same link as its specific TOMs).
    pub fn link_tom_activities(
        &mut self,
        session: &mut Session,
        id: i64,
        activity_ids: &[i64],
    ) -> CoreResult<Vec<LinkedActivity>> {
        self.write(session, Operation::LinkTomActivities, |conn, user, now| {
            tom_links::set_for_tom(conn, now, user, id, activity_ids)
        })
    }

    /// All or none; a measure linked to activities is refused with their names unless
    /// `with_links` confirms the links go too (they come back with a restore).
    pub fn delete_toms(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        with_links: bool,
    ) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::DeleteToms, |conn, user, now| {
            toms::delete(conn, now, user, ids, with_links)
        })
    }

    pub fn copy_toms(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        suffix: &str,
    ) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::CopyToms, |conn, user, now| {
            toms::copy(conn, now, user, ids, suffix)
        })
    }

    /// Copies into another tenant the user may open; the company there receives them.
    pub fn copy_toms_to_tenant(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        target: &TomCopyTarget,
    ) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::CopyTomsToTenant, |conn, user, now| {
            let copied = toms::copy_to_tenant(conn, now, user, ids, target)?;
            Ok(copied.into_iter().map(|(id, _)| id).collect())
        })
    }

    pub fn mass_change_toms(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        field: &TomField,
    ) -> CoreResult<usize> {
        self.write(session, Operation::MassChangeToms, |conn, user, now| {
            toms::mass_change(conn, now, user, ids, field)
        })
    }

    pub fn export_toms(
        &self,
        session: &mut Session,
        tenant_id: i64,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportToms)?;
        let conn = self.store.conn();
        let tenant = tenants::accessible(conn, &user, tenant_id)?;
        let list = toms::full_list(conn, &user, tenant_id)?;
        let language = Language::of(user.language.as_deref());
        let what = list_name(language, &toms::descriptor::DESCRIPTOR);
        Ok(ExportFile {
            suggested_name: export_name(&tenant.name, &what, now, format),
            bytes: toms::export::file(
                &list,
                format,
                crate::store::settings::table_style(self.store.conn(), language)?,
            )?,
        })
    }

    /// Reviews due within 30 days or overdue, in every tenant the user may open; empty for
    /// a user who may not view measures.
    pub fn due_tom_reviews(&self, session: &mut Session, limit: u32) -> CoreResult<DueReviews> {
        let (user, now) = self.gate(session, Operation::DueTomReviews)?;
        if !self.can(&user, ObjectType::Tom, Right::View)? {
            return Ok(DueReviews {
                total: 0,
                items: Vec::new(),
            });
        }
        let (total, items) = toms::due_reviews(self.store.conn(), &user, now, limit.min(200))?;
        Ok(DueReviews { total, items })
    }
}
