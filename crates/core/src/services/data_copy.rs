//! Data copy between tenants (SPEC §9, seed 004 "Daten kopieren"): selected records into one
//! or several tenants the user may open, with their sub-objects — a company brings its areas,
//! their activities with their linked data, DPIAs and TOMs. The seed's rules: the editor is
//! emptied, person data are emptied (except when persons, customers or recipients are copied
//! themselves), dates are emptied; master data are matched by name in the target, reused when
//! present and created otherwise, never duplicated; TOMs likewise by type and title. Every
//! copied object is created anew. The caller's transaction makes the copy all or nothing.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::domain::activities::{self, Activity, ActivityLink};
use crate::domain::companies::{self, DesignatedDpo};
use crate::domain::courses;
use crate::domain::documents;
use crate::domain::dpias::{self, DpiaStatus, VersionHead};
use crate::domain::master_data::{self, MasterKind};
use crate::domain::requests::{self, RequestInput, RequestStatus};
use crate::domain::toms::{self, TomCopyTarget};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;

/// What to copy where. `parent` (only with one target) is the place there: the area that
/// receives activities or DPIAs, the company that receives areas or TOMs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CopyRequest {
    pub object: ObjectType,
    pub ids: Vec<i64>,
    pub targets: Vec<i64>,
    pub parent: Option<i64>,
}

/// The object types a data copy supports, in the CLI's words (`copy --type`).
pub fn parse_type(text: &str) -> CoreResult<ObjectType> {
    let object = match text.trim() {
        "company" => ObjectType::Company,
        "area" => ObjectType::Area,
        "activity" | "processing_activity" => ObjectType::ProcessingActivity,
        "tom" => ObjectType::Tom,
        "dpia" => ObjectType::Dpia,
        "request" => ObjectType::Request,
        "course" => ObjectType::Course,
        "document" => ObjectType::Document,
        other => match other.strip_prefix("master:").and_then(MasterKind::parse) {
            Some(kind) => kind.object(),
            None => {
                return Err(CoreError::validation(
                    "copy_type",
                    "unknown",
                    format!(
                    "'{other}' cannot be copied (company, area, activity, tom, dpia, request, course, document, master:KIND)"
                ),
                ))
            }
        },
    };
    Ok(object)
}

pub use crate::access::operations::COPYABLE;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CopiedRecord {
    pub object: ObjectType,
    pub source_id: i64,
    pub id: i64,
    pub label: String,
}

/// What one target received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TargetSummary {
    pub tenant_id: i64,
    pub tenant_name: String,
    /// The copies of the selected records, one per source in order.
    pub ids: Vec<i64>,
    pub created: Vec<CopiedRecord>,
    /// Records of the target used instead of a copy (master data, TOMs).
    pub reused: Vec<CopiedRecord>,
    /// What the rules left out, as stable names: `editor`, `dates`, `person_data`,
    /// `dpia_check`, `decision`.
    pub left_out: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CopySummary {
    pub targets: Vec<TargetSummary>,
}

struct Copier<'a> {
    conn: &'a Connection,
    now: DateTime<Utc>,
    user: &'a UserRecord,
    target: i64,
    masters: HashMap<i64, i64>,
    toms: HashMap<i64, i64>,
    summary: TargetSummary,
}

/// Master data kinds whose items are themselves person data: a copy of them keeps it.
const PERSON_KINDS: [MasterKind; 3] = [
    MasterKind::Person,
    MasterKind::Customer,
    MasterKind::Recipient,
];

impl Copier<'_> {
    fn left_out(&mut self, what: &str) {
        if !self.summary.left_out.iter().any(|w| w == what) {
            self.summary.left_out.push(what.to_string());
        }
    }

    /// A record of the target used for a source record; once, and not when this copy made it.
    fn reused(&mut self, object: ObjectType, source_id: i64, id: i64, label: &str) {
        let known = |r: &CopiedRecord| r.object == object && r.id == id;
        if !self.summary.created.iter().any(known) && !self.summary.reused.iter().any(known) {
            self.summary.reused.push(CopiedRecord {
                object,
                source_id,
                id,
                label: label.to_string(),
            });
        }
    }

    fn created(
        &mut self,
        object: ObjectType,
        source_id: i64,
        id: i64,
        label: &str,
    ) -> CoreResult<()> {
        audit::copied(
            self.conn,
            self.now,
            &self.user.actor(),
            object.as_str(),
            id,
            source_id,
            json!({ "tenant_id": self.target, "label": label }),
        )?;
        self.summary.created.push(CopiedRecord {
            object,
            source_id,
            id,
            label: label.to_string(),
        });
        Ok(())
    }

    /// A data subject request as a new case in the target (SPEC §9): without its activities,
    /// person groups and applications, which belong to the source's records; the editor and
    /// the dates of its handling emptied, so it starts open. The receipt date stays: it is
    /// what the request is, and its deadline follows from it.
    fn request(&mut self, source_id: i64) -> CoreResult<i64> {
        let today = crate::kernel::clock::local_day(self.now);
        let source = requests::visible_by_id(self.conn, self.user, source_id, today)?;
        same_tenant(source.data.tenant_id, self.target)?;
        let data = RequestInput {
            tenant_id: self.target,
            status: RequestStatus::Open,
            identity_checked_on: None,
            extension_months: 0,
            extension_reason: String::new(),
            extension_told_on: None,
            answered_on: None,
            refusal_reason: String::new(),
            editor_id: None,
            activity_ids: Vec::new(),
            item_ids: Vec::new(),
            ..source.data.clone()
        };
        let id = requests::write(self.conn, None, &data, self.now)?;
        self.left_out("request_links");
        if source.data.editor_id.is_some() {
            self.left_out("editor");
        }
        self.left_out("dates");
        self.created(ObjectType::Request, source_id, id, &source.data.requester)?;
        Ok(id)
    }

    /// A course: its content and pictures, without assignments and results (who took it
    /// in the source tenant means nothing in the target).
    fn course(&mut self, source_id: i64) -> CoreResult<i64> {
        let source = courses::visible_by_id(self.conn, self.user, source_id)?;
        same_tenant(source.data.tenant_id, self.target)?;
        let images = courses::images::all_of(self.conn, source_id)?;
        let id = courses::insert_copy(self.conn, self.now, &source, self.target, &images)?;
        self.left_out("course_results");
        self.created(ObjectType::Course, source_id, id, &source.data.name)?;
        Ok(id)
    }

    /// A document: its current version into the same folder path in the target (made where
    /// missing) or into the folder chosen there; a document of the same name there takes
    /// it as a new version. Its links belong to the source's records and stay behind.
    fn document(&mut self, source_id: i64, folder: Option<i64>) -> CoreResult<i64> {
        let source = documents::visible_by_id(self.conn, self.user, self.now, source_id)?;
        same_tenant(source.row.tenant_id, self.target)?;
        let folder = match folder {
            Some(f) => Some(f),
            None => documents::folder_path_in(
                self.conn,
                self.now,
                self.user,
                self.target,
                &source.row.folder_path,
            )?,
        };
        let (id, existed) = documents::copy_into(
            self.conn,
            self.now,
            self.user,
            source_id,
            self.target,
            folder,
        )?;
        if !source.links.is_empty() {
            self.left_out("document_links");
        }
        if source.versions.len() > 1 {
            self.left_out("document_versions");
        }
        if existed {
            self.reused(ObjectType::Document, source_id, id, &source.row.name);
        } else {
            self.created(ObjectType::Document, source_id, id, &source.row.name)?;
        }
        Ok(id)
    }

    /// A master data item: the target's item of the same kind and name, or a new one.
    fn master(&mut self, source_id: i64, copied_itself: bool) -> CoreResult<i64> {
        if let Some(id) = self.masters.get(&source_id) {
            return Ok(*id);
        }
        let item = master_data::by_id(self.conn, source_id)?.ok_or_else(|| {
            CoreError::validation(
                "master_item",
                "unknown",
                format!("no master data item {source_id}"),
            )
        })?;
        let existing: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM master_items WHERE tenant_id = ?1 AND kind = ?2 AND name = ?3 COLLATE NOCASE
                 AND trash_id IS NULL ORDER BY id LIMIT 1",
                params![self.target, item.data.kind.as_str(), item.data.name],
                |r| r.get(0),
            )
            .optional()?;
        let id = match existing {
            Some(id) => {
                self.reused(item.data.kind.object(), source_id, id, &item.data.name);
                id
            }
            None => {
                let mut data = item.data.clone();
                if data.date.take().is_some() {
                    self.left_out("dates");
                }
                let keeps_person_data = copied_itself && PERSON_KINDS.contains(&data.kind);
                if !keeps_person_data && (!data.email.is_empty() || !data.phone.is_empty()) {
                    data.email.clear();
                    data.phone.clear();
                    self.left_out("person_data");
                }
                let id = master_data::insert_unaudited(self.conn, self.now, self.target, &data)?;
                self.created(data.kind.object(), source_id, id, &data.name)?;
                id
            }
        };
        self.masters.insert(source_id, id);
        Ok(id)
    }

    /// A TOM: the target's measure of the same type and title (which receives the company),
    /// or a new one in review.
    fn tom(&mut self, source_id: i64, company: Option<i64>) -> CoreResult<i64> {
        if let Some(id) = self.toms.get(&source_id) {
            if let Some(company) = company {
                toms::mass_change(
                    self.conn,
                    self.now,
                    self.user,
                    &[*id],
                    &toms::TomField::ValidFor(company),
                )?;
            }
            return Ok(*id);
        }
        let source = toms::visible_by_id(self.conn, self.user, source_id)?;
        let (id, existed) = toms::copy_to_tenant(
            self.conn,
            self.now,
            self.user,
            &[source_id],
            &TomCopyTarget {
                tenant_id: self.target,
                company_id: company,
            },
        )?[0];
        if existed {
            self.reused(ObjectType::Tom, source_id, id, &source.data.title);
        } else {
            self.summary.created.push(CopiedRecord {
                object: ObjectType::Tom,
                source_id,
                id,
                label: source.data.title.clone(),
            });
        }
        if source.data.editor_id.is_some() {
            self.left_out("editor");
        }
        if source.data.next_review.is_some() || !source.reviews.is_empty() {
            self.left_out("dates");
        }
        self.toms.insert(source_id, id);
        Ok(id)
    }

    /// An activity into an area of the target, with its linked data, specific TOMs and the
    /// current version of its DPIA.
    fn activity(&mut self, source: &Activity, area_id: i64, company_id: i64) -> CoreResult<i64> {
        let mut data = source.data.clone();
        data.area_id = area_id;
        if data.editor_id.take().is_some() {
            self.left_out("editor");
        }
        if data.review_planned.take().is_some() | data.review_done.take().is_some() {
            self.left_out("dates");
        }
        data.responsible.clear();
        let mut links = Vec::new();
        for link in &source.data.links {
            links.push(ActivityLink {
                item_id: self.master(link.item_id, false)?,
                detail: link.detail.clone(),
            });
        }
        data.links = links;
        data.business_process_id = source
            .data
            .business_process_id
            .map(|id| self.master(id, false))
            .transpose()?;
        let mut tom_ids = Vec::new();
        for tom in &source.data.tom_ids {
            tom_ids.push(self.tom(*tom, Some(company_id))?);
        }
        data.tom_ids = tom_ids;
        if !source.data.responsible.is_empty() {
            self.left_out("person_data");
        }
        let id = activities::write(self.conn, None, self.target, &data, self.now)?;
        // Its attachments are part of it (evidence such as a signed agreement).
        activities::attachments::copy_all(self.conn, source.id, id)?;
        self.created(ObjectType::ProcessingActivity, source.id, id, &data.name)?;
        if crate::domain::dpias::check::of_activity(self.conn, source.id)?.is_some() {
            self.left_out("dpia_check");
        }
        if let Some(dpia) = dpias::current_of_activity(self.conn, source.id)? {
            self.dpia(dpia, id, company_id)?;
        }
        Ok(id)
    }

    /// The current version of a DPIA as version 1 of the copy, in progress: the decision,
    /// its date, the review date, the editor and the names of people stay behind.
    fn dpia(&mut self, source_id: i64, activity_id: i64, company_id: i64) -> CoreResult<i64> {
        let d = dpias::load(self.conn, source_id)?;
        let mut data = d.data.clone();
        data.editor_id = None;
        data.review_date = None;
        data.dpo_name.clear();
        for risk in &mut data.risks {
            let mut ids = Vec::new();
            for tom in &risk.tom_ids {
                ids.push(self.tom(*tom, Some(company_id))?);
            }
            risk.tom_ids = ids;
        }
        if d.status != DpiaStatus::InProgress {
            self.left_out("decision");
        }
        let id = dpias::write_version(
            self.conn,
            None,
            &VersionHead {
                tenant_id: self.target,
                activity_id,
                version: 1,
                is_current: true,
                status: DpiaStatus::InProgress,
                validator_name: "",
                validated_at: None,
                decision_note: "",
                created_by: &self.user.name,
            },
            &data,
            self.now,
        )?;
        self.created(ObjectType::Dpia, source_id, id, &d.activity_name)?;
        Ok(id)
    }

    /// A company row of the target for a source company: only its own data, person data
    /// emptied.
    fn company_row(&mut self, source_id: i64) -> CoreResult<i64> {
        let source = companies::accessible(self.conn, self.user, source_id)?;
        let mut data = source.data.clone();
        if !data.managing_directors.is_empty()
            || !data.dpo.name.is_empty()
            || !data.dpo.email.is_empty()
        {
            self.left_out("person_data");
        }
        data.managing_directors.clear();
        data.dpo = DesignatedDpo {
            kind: data.dpo.kind.clone(),
            ..Default::default()
        };
        let id = companies::write(self.conn, None, self.target, &data.validated()?, self.now)?;
        self.created(ObjectType::Company, source_id, id, &data.name)?;
        Ok(id)
    }

    fn area_row(&mut self, source_id: i64, company_id: i64) -> CoreResult<i64> {
        let (name, description): (String, String) = self.conn.query_row(
            "SELECT name, description FROM areas WHERE id = ?1",
            [source_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let existing: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM areas WHERE company_id = ?1 AND name = ?2 COLLATE NOCASE AND trash_id IS NULL",
                params![company_id, name],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = existing {
            self.reused(ObjectType::Area, source_id, id, &name);
            return Ok(id);
        }
        let id =
            crate::domain::areas::insert(self.conn, self.now, company_id, &name, &description)?;
        self.created(ObjectType::Area, source_id, id, &name)?;
        Ok(id)
    }

    /// The activities of a source area the user may see, into a target area.
    fn area_activities(
        &mut self,
        source_area: i64,
        area_id: i64,
        company_id: i64,
    ) -> CoreResult<()> {
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM processing_activities WHERE area_id = ?1 AND trash_id IS NULL ORDER BY name, id")?
            .query_map([source_area], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for id in ids {
            // Activities the user's visibility hides stay behind.
            if let Ok(activity) = activities::visible_by_id(self.conn, self.user, id) {
                self.activity(&activity, area_id, company_id)?;
            }
        }
        Ok(())
    }

    /// A whole company: its row, its areas with their activities, its TOMs.
    fn company(&mut self, source_id: i64) -> CoreResult<i64> {
        let id = self.company_row(source_id)?;
        let areas: Vec<i64> = self
            .conn
            .prepare(
                "SELECT id FROM areas WHERE company_id = ?1 AND trash_id IS NULL ORDER BY name, id",
            )?
            .query_map([source_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for area in areas {
            let target_area = self.area_row(area, id)?;
            self.area_activities(area, target_area, id)?;
        }
        let tom_ids: Vec<i64> = self
            .conn
            .prepare(
                "SELECT tc.tom_id FROM tom_companies tc JOIN toms t ON t.id = tc.tom_id
                 WHERE tc.company_id = ?1 AND t.trash_id IS NULL ORDER BY tc.tom_id",
            )?
            .query_map([source_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for tom in tom_ids {
            if toms::visible_by_id(self.conn, self.user, tom).is_ok() {
                self.tom(tom, Some(id))?;
            }
        }
        Ok(id)
    }

    /// The target's company of the same name, or a copy of the source company's own data.
    fn matching_company(&mut self, source_company: i64) -> CoreResult<i64> {
        let name: String = self.conn.query_row(
            "SELECT name FROM companies WHERE id = ?1",
            [source_company],
            |r| r.get(0),
        )?;
        let existing: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM companies WHERE tenant_id = ?1 AND name = ?2 COLLATE NOCASE AND trash_id IS NULL ORDER BY id LIMIT 1",
                params![self.target, name],
                |r| r.get(0),
            )
            .optional()?;
        match existing {
            Some(id) => {
                self.reused(ObjectType::Company, source_company, id, &name);
                Ok(id)
            }
            None => self.company_row(source_company),
        }
    }

    /// Where an activity goes: the chosen area, or the area of the same name in the company
    /// of the same name (made where missing).
    fn place_for(&mut self, source: &Activity, parent: Option<i64>) -> CoreResult<(i64, i64)> {
        if let Some(area) = parent {
            let place = crate::access::scope::area(self.conn, self.user, area)?;
            if place.tenant_id != self.target {
                return Err(CoreError::validation(
                    "copy_parent",
                    "other_tenant",
                    "the chosen area is not in the target tenant",
                ));
            }
            return Ok((area, place.company_id));
        }
        let company = self.matching_company(source.company_id)?;
        let area = self.area_row(source.data.area_id, company)?;
        Ok((area, company))
    }
}

fn company_parent(
    conn: &Connection,
    user: &UserRecord,
    target: i64,
    parent: Option<i64>,
) -> CoreResult<Option<i64>> {
    let Some(company) = parent else {
        return Ok(None);
    };
    let place = crate::access::scope::company(conn, user, company)?;
    if place.tenant_id != target {
        return Err(CoreError::validation(
            "copy_parent",
            "other_tenant",
            "the chosen company is not in the target tenant",
        ));
    }
    Ok(Some(company))
}

/// Copies the request's records into each target, or nothing at all when anything fails.
pub(crate) fn copy(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    request: &CopyRequest,
) -> CoreResult<CopySummary> {
    if !COPYABLE.contains(&request.object) {
        return Err(CoreError::validation(
            "copy_type",
            "unknown",
            format!("{} cannot be copied between tenants", request.object),
        ));
    }
    if request.ids.is_empty() {
        return Err(CoreError::validation(
            "selection",
            "required",
            "select at least one record",
        ));
    }
    if request.targets.is_empty() {
        return Err(CoreError::validation(
            "copy_targets",
            "required",
            "choose at least one target tenant",
        ));
    }
    if request.parent.is_some() && request.targets.len() != 1 {
        return Err(CoreError::validation(
            "copy_parent",
            "one_target",
            "a place in the target is chosen only when copying into one tenant",
        ));
    }
    let mut summaries = Vec::new();
    for &target in &request.targets {
        let tenant = crate::domain::tenants::accessible(conn, user, target)?;
        let mut copier = Copier {
            conn,
            now,
            user,
            target,
            masters: HashMap::new(),
            toms: HashMap::new(),
            summary: TargetSummary {
                tenant_id: target,
                tenant_name: tenant.name.clone(),
                ids: Vec::new(),
                created: Vec::new(),
                reused: Vec::new(),
                left_out: Vec::new(),
            },
        };
        for &id in &request.ids {
            let new_id = match request.object {
                ObjectType::Company => {
                    let source = companies::accessible(conn, user, id)?;
                    same_tenant(source.tenant_id, target)?;
                    copier.company(id)?
                }
                ObjectType::Area => {
                    let place = crate::access::scope::area(conn, user, id)?;
                    same_tenant(place.tenant_id, target)?;
                    let company = match company_parent(conn, user, target, request.parent)? {
                        Some(company) => company,
                        None => copier.matching_company(place.company_id)?,
                    };
                    let area = copier.area_row(id, company)?;
                    copier.area_activities(id, area, company)?;
                    area
                }
                ObjectType::ProcessingActivity | ObjectType::Dpia => {
                    let activity_id = if request.object == ObjectType::Dpia {
                        dpias::visible_by_id(conn, user, id)?.activity_id
                    } else {
                        id
                    };
                    let source = activities::visible_by_id(conn, user, activity_id)?;
                    same_tenant(source.tenant_id, target)?;
                    let (area, company) = copier.place_for(&source, request.parent)?;
                    let new_activity = copier.activity(&source, area, company)?;
                    if request.object == ObjectType::Dpia {
                        dpias::current_of_activity(conn, new_activity)?.unwrap_or(new_activity)
                    } else {
                        new_activity
                    }
                }
                ObjectType::Tom => {
                    let source = toms::visible_by_id(conn, user, id)?;
                    same_tenant(source.data.tenant_id, target)?;
                    let company = company_parent(conn, user, target, request.parent)?;
                    copier.tom(id, company)?
                }
                ObjectType::Request => copier.request(id)?,
                ObjectType::Course => copier.course(id)?,
                ObjectType::Document => copier.document(id, request.parent)?,
                object => {
                    let kind = MasterKind::parse(object.as_str()).expect("copyable master kinds");
                    let item = master_data::accessible(conn, user, id, kind)?;
                    same_tenant(item.tenant_id, target)?;
                    copier.master(id, true)?
                }
            };
            copier.summary.ids.push(new_id);
        }
        summaries.push(copier.summary);
    }
    Ok(CopySummary { targets: summaries })
}

fn same_tenant(source_tenant: i64, target: i64) -> CoreResult<()> {
    if source_tenant == target {
        return Err(CoreError::validation(
            "copy_targets",
            "same_tenant",
            "the record is in this tenant already; use Copy in its list instead",
        ));
    }
    Ok(())
}
