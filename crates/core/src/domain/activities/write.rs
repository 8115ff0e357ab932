//! Creating, changing, copying and mass-changing activities, each in one transaction with
//! its audit entries.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::{
    links, load, tom_links, visible_by_id, Activity, ActivityInput, ActivityLink, ActivityStatus,
    DpiaNecessity,
};
use crate::access::accounts::{self, UserRecord};
use crate::domain::master_data::MasterKind;
use crate::kernel::error::{CoreError, CoreResult, Problems};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;
use crate::store::trash::{self, Deleted};

impl ActivityInput {
    /// Checks every field against the user's reach and the tenant's master data; returns
    /// the normalised input and the tenant it belongs to. `kept_toms` are measures linked
    /// already, which pass even where the user cannot see them.
    fn validated(
        &self,
        conn: &Connection,
        user: &UserRecord,
        kept_toms: &[i64],
    ) -> CoreResult<(ActivityInput, i64)> {
        // Every refusal at once, the name first: it is what a person misses most often.
        let mut problems = Problems::default();
        let name = problems.take(CoreError::required_name(
            "activity_name",
            &self.name,
            300,
            "a processing activity",
        ));
        let area = problems.take(crate::access::scope::area(conn, user, self.area_id));
        if let Some(editor) = self.editor_id {
            let known = accounts::by_id(conn, editor)?.is_some_and(|u| u.active);
            if !known {
                problems.push(CoreError::validation(
                    "editor",
                    "unknown",
                    format!("no active user with id {editor}"),
                ));
            }
        }
        if let (Some(process), Some(area)) = (self.business_process_id, &area) {
            let item = crate::domain::master_data::by_id(conn, process)?.filter(|i| {
                i.tenant_id == area.tenant_id && i.data.kind == MasterKind::BusinessProcess
            });
            if item.is_none() {
                problems.push(CoreError::validation(
                    "business_process",
                    "unknown",
                    format!("no business process with id {process}"),
                ));
            }
        }
        for (field, date) in [
            ("review_planned", self.review_planned),
            ("review_done", self.review_done),
        ] {
            if date.is_some_and(|d| !(1970..=2200).contains(&d.year())) {
                problems.push(CoreError::validation(
                    field,
                    "range",
                    "the date is not plausible (years 1970 to 2200)",
                ));
            }
        }
        problems.finish()?;
        let (Some(name), Some(area)) = (name, area) else {
            unreachable!("refused above")
        };
        let trim = |s: &str| s.trim().to_string();
        let data = ActivityInput {
            area_id: self.area_id,
            name,
            status: self.status,
            role: self.role,
            responsible: trim(&self.responsible),
            editor_id: self.editor_id,
            purposes: trim(&self.purposes),
            business_process_id: self.business_process_id,
            controller_details: trim(&self.controller_details),
            processing_categories: trim(&self.processing_categories),
            specific_toms: trim(&self.specific_toms),
            dpia_required: self.dpia_required,
            dpia_reason: trim(&self.dpia_reason),
            review_planned: self.review_planned,
            review_done: self.review_done,
            review_result: trim(&self.review_result),
            review_follow_up: trim(&self.review_follow_up),
            notes: trim(&self.notes),
            links: links::validated(conn, area.tenant_id, &self.links)?,
            tom_ids: tom_links::validated(conn, user, area.tenant_id, &self.tom_ids, kept_toms)?,
        };
        Ok((data, area.tenant_id))
    }
}

pub(crate) fn write(
    conn: &Connection,
    id: Option<i64>,
    tenant_id: i64,
    data: &ActivityInput,
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    let id = crate::store::rows::save(
        conn,
        "processing_activities",
        id,
        &[
            ("tenant_id", &tenant_id),
            ("area_id", &data.area_id),
            ("name", &data.name),
            ("status", &data.status.as_str()),
            ("role", &data.role.as_str()),
            ("responsible", &data.responsible),
            ("editor_id", &data.editor_id),
            ("purposes", &data.purposes),
            ("business_process_id", &data.business_process_id),
            ("controller_details", &data.controller_details),
            ("processing_categories", &data.processing_categories),
            ("specific_toms", &data.specific_toms),
            ("dpia_required", &data.dpia_required.as_str()),
            ("dpia_reason", &data.dpia_reason),
            ("review_planned", &data.review_planned),
            ("review_done", &data.review_done),
            ("review_result", &data.review_result),
            ("review_follow_up", &data.review_follow_up),
            ("notes", &data.notes),
        ],
        now,
    )?;
    links::replace(conn, id, &data.links)?;
    tom_links::replace(conn, id, &data.tom_ids)?;
    Ok(id)
}

pub(crate) fn create(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    input: &ActivityInput,
) -> CoreResult<Activity> {
    let (data, tenant_id) = input.validated(conn, user, &[])?;
    let id = write(conn, None, tenant_id, &data, now)?;
    audit::created(
        conn,
        now,
        &user.actor(),
        ObjectType::ProcessingActivity.as_str(),
        id,
        json!(data),
    )?;
    // Read back without the visibility filter: the creator may have filed it where they
    // cannot see it, and the answer still has to describe what was stored.
    let activity = load(conn, id)?;
    Ok(activity)
}

/// Changes an activity the user can see; it stays in its tenant, and only areas the user
/// may reach are accepted.
pub(crate) fn update(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    input: &ActivityInput,
) -> CoreResult<Activity> {
    let old = visible_by_id(conn, user, id)?;
    let (data, tenant_id) = input.validated(conn, user, &old.data.tom_ids)?;
    if tenant_id != old.tenant_id {
        return Err(CoreError::validation(
            "area",
            "other_tenant",
            "an activity stays in its tenant; copy it to move it",
        ));
    }
    if data != old.data {
        write(conn, Some(id), old.tenant_id, &data, now)?;
        audit::changed(
            conn,
            now,
            &user.actor(),
            "update",
            ObjectType::ProcessingActivity.as_str(),
            id,
            json!(old.data),
            json!(data),
        )?;
    }
    let activity = load(conn, id)?;
    Ok(activity)
}

/// Copies of the selected activities in the same tenant, named with `suffix`; links and
/// every field are copied, the review is not (a copy has not been reviewed).
pub(crate) fn copy(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
    suffix: &str,
) -> CoreResult<Vec<i64>> {
    let mut created = Vec::new();
    for &id in ids {
        let source = visible_by_id(conn, user, id)?;
        let mut data = source.data.clone();
        data.name = format!("{}{}", data.name, suffix)
            .chars()
            .take(300)
            .collect();
        data.status = ActivityStatus::Draft;
        data.review_done = None;
        data.review_result.clear();
        let new_id = write(conn, None, source.tenant_id, &data, now)?;
        audit::copied(
            conn,
            now,
            &user.actor(),
            ObjectType::ProcessingActivity.as_str(),
            new_id,
            id,
            json!(data),
        )?;
        created.push(new_id);
    }
    Ok(created)
}

/// One field set to one value over a selection (SPEC §3 "mass change").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
#[ts(export)]
pub enum MassField {
    Status(ActivityStatus),
    Editor(Option<i64>),
    Responsible(String),
    Area(i64),
    ReviewPlanned(Option<NaiveDate>),
    ReviewDone(Option<NaiveDate>),
    DpiaRequired(DpiaNecessity),
    /// One master data item linked to every selected activity (a legal basis, a person
    /// group, a retention period …); those that have it keep theirs.
    AddLink(ActivityLink),
    /// One master data item unlinked from every selected activity.
    RemoveLink(i64),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MassChange {
    pub ids: Vec<i64>,
    pub change: MassField,
}

/// Applies the change to every selected activity, or to none: one that is unknown or
/// invalid afterwards refuses the whole change.
pub(crate) fn mass_change(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    change: &MassChange,
) -> CoreResult<usize> {
    if change.ids.is_empty() {
        return Err(CoreError::validation(
            "selection",
            "required",
            "select at least one processing activity",
        ));
    }
    let mut changed = 0;
    for &id in &change.ids {
        let old = visible_by_id(conn, user, id)?;
        let mut data = old.data.clone();
        match &change.change {
            MassField::Status(s) => data.status = *s,
            MassField::Editor(e) => data.editor_id = *e,
            MassField::Responsible(r) => data.responsible = r.clone(),
            MassField::Area(a) => data.area_id = *a,
            MassField::ReviewPlanned(d) => data.review_planned = *d,
            MassField::ReviewDone(d) => data.review_done = *d,
            MassField::DpiaRequired(d) => data.dpia_required = *d,
            MassField::AddLink(link) => {
                if !data.links.iter().any(|l| l.item_id == link.item_id) {
                    data.links.push(link.clone());
                }
            }
            MassField::RemoveLink(item) => data.links.retain(|l| l.item_id != *item),
        }
        let (data, tenant_id) = data.validated(conn, user, &old.data.tom_ids)?;
        if tenant_id != old.tenant_id {
            return Err(CoreError::validation(
                "area",
                "other_tenant",
                "an activity stays in its tenant; copy it to move it",
            ));
        }
        // Compared with the stored record in the same normal form (links and measures in
        // their order), so a record that already had the value counts as unchanged.
        let (before, _) = old.data.validated(conn, user, &old.data.tom_ids)?;
        if data != before {
            write(conn, Some(id), tenant_id, &data, now)?;
            audit::changed(
                conn,
                now,
                &user.actor(),
                "mass_change",
                ObjectType::ProcessingActivity.as_str(),
                id,
                json!(old.data),
                json!(data),
            )?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// Moves the selected activities into the trash, one entry each (so each can be restored
/// on its own), all or none.
pub(crate) fn delete(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
) -> CoreResult<Vec<i64>> {
    let mut entries = Vec::new();
    for &id in ids {
        let activity = visible_by_id(conn, user, id)?;
        entries.push(trash::put(
            conn,
            now,
            &user.actor(),
            Deleted {
                tenant_id: Some(activity.tenant_id),
                object: ObjectType::ProcessingActivity,
                object_id: id,
                label: &activity.data.name,
            },
            super::descriptor::CASCADE,
        )?);
    }
    Ok(entries)
}
