//! A whole tenant as one JSON document (SPEC §12): master data, companies, areas,
//! processing activities and TOMs with their reviews. Records refer to each other by their position in the document,
//! not by database ids, so exporting an imported tenant gives the same document again.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::access::accounts::UserRecord;
use crate::domain::activities::{self, ActivityInput, ActivityLink};
use crate::domain::breaches::{self, BreachInput};
use crate::domain::companies::{self, CompanyInput};
use crate::domain::courses::{self, CourseInput};
use crate::domain::dpias::{self, check, DpiaInput, DpiaStatus};
use crate::domain::master_data::{self, MasterItemInput};
use crate::domain::processor_agreements::{self, AgreementCountry, AgreementInput};
use crate::domain::requests::{self, RequestInput};
use crate::domain::tenants::{self, Tenant};
use crate::domain::toms::{self, TomInput, TomReview};
use crate::domain::website_texts::{self, WebsiteTextKind};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::services::document_transfer::{self, DocumentRecord, Order};
use crate::store::audit::{self, Change};

pub const FORMAT: &str = "dpo-desk-tenant";
/// 2: TOMs (with companies, reviews and the activities' links to them).
/// 3: the DPIA necessity check and the assessments (every version) of each activity.
/// 4: the imprint and privacy policy of each company.
/// 5: the registers: data subject requests, breaches, processor agreements.
/// 6: e-learning courses with their pictures (never assignments or results: the learners
/// are users of this installation).
/// 7: documents: folders, every version's bytes, links to the file's records.
pub const VERSION: u32 = 7;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantDocument {
    pub format: String,
    pub version: u32,
    pub tenant: TenantHeader,
    /// Referred to by position, starting at 1.
    pub master_items: Vec<MasterItemInput>,
    pub companies: Vec<CompanyRecord>,
    /// Referred to by position, starting at 1. Absent in version 1, whose tenants receive
    /// the catalogue on import.
    #[serde(default)]
    pub toms: Vec<TomRecord>,
    /// Version 5 on. Their `tenant_id` is unused, `activity_ids` are positions of the
    /// file's activities (counted across companies), master data ids positions in
    /// `master_items`; editors are named.
    #[serde(default)]
    pub requests: Vec<RegisterRecord<RequestInput>>,
    #[serde(default)]
    pub breaches: Vec<RegisterRecord<BreachInput>>,
    #[serde(default)]
    pub processor_agreements: Vec<RegisterRecord<AgreementInput>>,
    /// Version 6 on. `tenant_id` is unused; picture ids are those of `images`.
    #[serde(default)]
    pub courses: Vec<CourseRecord>,
    /// Version 7 on: folder paths, parents first.
    #[serde(default)]
    pub folders: Vec<String>,
    /// Version 7 on.
    #[serde(default)]
    pub documents: Vec<DocumentRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseRecord {
    pub course: CourseInput,
    pub images: Vec<CourseImageRecord>,
}

/// A course picture, its bytes in Base64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseImageRecord {
    pub id: i64,
    pub data: String,
}

/// A register record with its editor named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterRecord<T> {
    #[serde(flatten)]
    pub data: T,
    pub editor: Option<String>,
}

/// A measure whose `tenant_id` is unused and whose `company_ids` are positions in
/// `companies`, with its editor named and its reviews.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TomRecord {
    pub catalogue_key: Option<String>,
    #[serde(flatten)]
    pub data: TomInput,
    pub editor: Option<String>,
    pub reviews: Vec<TomReview>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantHeader {
    pub name: String,
    pub is_template: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyRecord {
    #[serde(flatten)]
    pub data: CompanyInput,
    pub areas: Vec<AreaRecord>,
    /// The imprint and privacy policy (version 4 on); the privacy policy's
    /// `activity_ids` are positions of the file's activities, counted across companies.
    #[serde(default)]
    pub website_texts: Vec<WebsiteTextRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebsiteTextRecord {
    pub kind: WebsiteTextKind,
    pub answers: serde_json::Value,
    pub text: String,
    pub language: String,
    pub updated_by: String,
}

/// The answers with their `activity_ids` mapped (ids to file positions and back); an id
/// without a counterpart is dropped.
fn map_activities(
    answers: &serde_json::Value,
    map: impl Fn(i64) -> Option<i64>,
) -> serde_json::Value {
    let mut answers = answers.clone();
    if let Some(ids) = answers
        .get_mut("activity_ids")
        .and_then(|v| v.as_array_mut())
    {
        *ids = ids
            .iter()
            .filter_map(|v| v.as_i64().and_then(&map))
            .map(serde_json::Value::from)
            .collect();
    }
    answers
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaRecord {
    pub name: String,
    pub description: String,
    pub activities: Vec<ActivityRecord>,
}

/// An activity whose `area_id` is unused (the area encloses it), whose
/// `business_process_id` and link `item_id`s are positions in `master_items`, whose
/// `tom_ids` are positions in `toms`, and whose editor is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityRecord {
    #[serde(flatten)]
    pub data: ActivityInput,
    pub editor: Option<String>,
    #[serde(default)]
    pub dpia_check: Option<CheckRecord>,
    /// Every version, oldest first; the risks' `tom_ids` are positions in `toms`.
    #[serde(default)]
    pub dpias: Vec<DpiaRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckRecord {
    pub criteria: Vec<String>,
    pub note: String,
    pub checked_at: DateTime<Utc>,
    pub checked_by: String,
}

/// One version of an assessment; `editor_id` is unused (the editor is named).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DpiaRecord {
    pub version: i64,
    pub is_current: bool,
    pub status: DpiaStatus,
    #[serde(flatten)]
    pub data: DpiaInput,
    pub editor: Option<String>,
    pub validator_name: String,
    pub validated_at: Option<chrono::NaiveDate>,
    pub decision_note: String,
    pub created_by: String,
}

pub(crate) fn export(conn: &Connection, tenant: &Tenant) -> CoreResult<TenantDocument> {
    Ok(export_with(conn, tenant, true)?.0)
}

/// The tenant document and the ids of its records in the file's order; the documents' bytes
/// only when `documents` (a tenant copy moves them in SQL instead of through memory).
pub(crate) fn export_with(
    conn: &Connection,
    tenant: &Tenant,
    documents: bool,
) -> CoreResult<(TenantDocument, Order)> {
    let mut items: Vec<(i64, MasterItemInput)> = Vec::new();
    let mut stmt = conn.prepare("SELECT id FROM master_items WHERE tenant_id = ?1 AND trash_id IS NULL ORDER BY kind, name, id")?;
    let ids: Vec<i64> = stmt
        .query_map([tenant.id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in ids {
        items.push((id, master_data::by_id(conn, id)?.expect("listed").data));
    }
    let position: HashMap<i64, i64> = items
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i as i64 + 1))
        .collect();

    let company_list = companies::list(conn, tenant.id)?;
    let mut order = Order {
        companies: company_list.iter().map(|c| c.id).collect(),
        ..Order::default()
    };
    let company_position: HashMap<i64, i64> = company_list
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i as i64 + 1))
        .collect();
    let mut toms_out = Vec::new();
    let mut tom_position: HashMap<i64, i64> = HashMap::new();
    for (i, id) in toms::ids_of_tenant(conn, tenant.id)?
        .into_iter()
        .enumerate()
    {
        let tom = toms::load(conn, id)?;
        tom_position.insert(id, i as i64 + 1);
        order.toms.push(id);
        let mut data = tom.data;
        data.tenant_id = 0;
        data.editor_id = None;
        data.company_ids = data
            .company_ids
            .iter()
            .filter_map(|c| company_position.get(c).copied())
            .collect();
        toms_out.push(TomRecord {
            catalogue_key: tom.catalogue_key,
            data,
            editor: tom.editor_name,
            reviews: tom
                .reviews
                .into_iter()
                .map(|r| TomReview { id: 0, ..r })
                .collect(),
        });
    }

    let mut all = activities::all_of_tenant(conn, tenant.id)?;
    let mut activity_position: HashMap<i64, i64> = HashMap::new();
    let mut companies = Vec::new();
    for company in company_list {
        let mut areas = Vec::new();
        let area_rows: Vec<(i64, String, String)> = conn
            .prepare_cached("SELECT id, name, description FROM areas WHERE company_id = ?1 AND trash_id IS NULL ORDER BY name, id")?
            .query_map([company.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        for (area_id, name, description) in area_rows {
            let activity_ids: Vec<i64> = conn
                .prepare_cached("SELECT id FROM processing_activities WHERE area_id = ?1 AND trash_id IS NULL ORDER BY name, id")?
                .query_map([area_id], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            let mut records = Vec::new();
            for id in activity_ids {
                let a = all.remove(&id).expect("a live activity of the tenant");
                activity_position.insert(id, activity_position.len() as i64 + 1);
                order.activities.push(id);
                let mut data = a.data;
                data.area_id = 0;
                data.editor_id = None;
                data.business_process_id = data
                    .business_process_id
                    .and_then(|id| position.get(&id).copied());
                let mut links: Vec<ActivityLink> = data
                    .links
                    .iter()
                    .filter_map(|l| {
                        position.get(&l.item_id).map(|p| ActivityLink {
                            item_id: *p,
                            detail: l.detail.clone(),
                        })
                    })
                    .collect();
                links.sort_by_key(|l| l.item_id);
                data.links = links;
                data.tom_ids = data
                    .tom_ids
                    .iter()
                    .filter_map(|t| tom_position.get(t).copied())
                    .collect();
                data.tom_ids.sort_unstable();
                let dpia_check = check::of_activity(conn, id)?.map(|c| CheckRecord {
                    criteria: c.criteria,
                    note: c.note,
                    checked_at: c.checked_at,
                    checked_by: c.checked_by,
                });
                let mut versions = Vec::new();
                for version in dpias::version_ids(conn, id)? {
                    let d = dpias::load(conn, version)?;
                    let mut data = d.data;
                    data.editor_id = None;
                    for risk in &mut data.risks {
                        risk.tom_ids = risk
                            .tom_ids
                            .iter()
                            .filter_map(|t| tom_position.get(t).copied())
                            .collect();
                    }
                    versions.push(DpiaRecord {
                        version: d.version,
                        is_current: d.is_current,
                        status: d.status,
                        data,
                        editor: d.editor_name,
                        validator_name: d.validator_name,
                        validated_at: d.validated_at,
                        decision_note: d.decision_note,
                        created_by: d.created_by,
                    });
                }
                records.push(ActivityRecord {
                    data,
                    editor: a.editor_name,
                    dpia_check,
                    dpias: versions,
                });
            }
            areas.push(AreaRecord {
                name,
                description,
                activities: records,
            });
        }
        let mut texts = Vec::new();
        for kind in [WebsiteTextKind::Imprint, WebsiteTextKind::PrivacyPolicy] {
            if let Some(t) = website_texts::get(conn, company.id, kind)? {
                texts.push(WebsiteTextRecord {
                    kind,
                    answers: map_activities(&t.answers, |id| activity_position.get(&id).copied()),
                    text: t.text,
                    language: t.language,
                    updated_by: t.updated_by,
                });
            }
        }
        companies.push(CompanyRecord {
            data: company.data,
            areas,
            website_texts: texts,
        });
    }
    let activity_at = |ids: &[i64]| -> Vec<i64> {
        let mut positions: Vec<i64> = ids
            .iter()
            .filter_map(|id| activity_position.get(id).copied())
            .collect();
        positions.sort_unstable();
        positions
    };
    let item_at = |ids: &[i64]| -> Vec<i64> {
        let mut positions: Vec<i64> = ids
            .iter()
            .filter_map(|id| position.get(id).copied())
            .collect();
        positions.sort_unstable();
        positions
    };
    let editor_name = |id: Option<i64>| -> CoreResult<Option<String>> {
        Ok(match id {
            Some(id) => crate::access::accounts::by_id(conn, id)?.map(|u| u.name),
            None => None,
        })
    };
    let mut requests_out = Vec::new();
    for id in requests::ids_of_tenant(conn, tenant.id)? {
        order.requests.push(id);
        let mut data = requests::stored(conn, id)?.data;
        let editor = editor_name(data.editor_id)?;
        data.tenant_id = 0;
        data.editor_id = None;
        data.activity_ids = activity_at(&data.activity_ids);
        data.item_ids = item_at(&data.item_ids);
        requests_out.push(RegisterRecord { data, editor });
    }
    let mut breaches_out = Vec::new();
    for id in breaches::ids_of_tenant(conn, tenant.id)? {
        order.breaches.push(id);
        let breach = breaches::load(conn, id, chrono::DateTime::UNIX_EPOCH)?;
        let mut data = breach.data;
        data.tenant_id = 0;
        data.editor_id = None;
        breaches_out.push(RegisterRecord {
            data,
            editor: breach.editor_name,
        });
    }
    let mut agreements_out = Vec::new();
    for id in processor_agreements::ids_of_tenant(conn, tenant.id)? {
        order.agreements.push(id);
        let stored = processor_agreements::stored(conn, id)?;
        let (mut data, editor) = (stored.data, stored.editor_name);
        data.tenant_id = 0;
        data.editor_id = None;
        data.processor_id = position.get(&data.processor_id).copied().unwrap_or(0);
        data.activity_ids = activity_at(&data.activity_ids);
        data.countries = data
            .countries
            .iter()
            .filter_map(|c| {
                position.get(&c.item_id).map(|p| AgreementCountry {
                    item_id: *p,
                    safeguard: c.safeguard.clone(),
                })
            })
            .collect();
        agreements_out.push(RegisterRecord { data, editor });
    }
    let mut courses_out = Vec::new();
    for id in courses::ids_of_tenant(conn, tenant.id)? {
        let mut course = courses::stored(conn, id)?.data;
        course.tenant_id = 0;
        courses_out.push(CourseRecord {
            course,
            images: courses::images::all_of(conn, id)?
                .into_iter()
                .map(|i| CourseImageRecord {
                    id: i.id,
                    data: data_encoding::BASE64.encode(&i.bytes),
                })
                .collect(),
        });
    }
    let (folders, documents) = if documents {
        document_transfer::export(conn, tenant.id, &order)?
    } else {
        (Vec::new(), Vec::new())
    };
    let doc = TenantDocument {
        folders,
        documents,
        courses: courses_out,
        requests: requests_out,
        breaches: breaches_out,
        processor_agreements: agreements_out,
        format: FORMAT.into(),
        version: VERSION,
        tenant: TenantHeader {
            name: tenant.name.clone(),
            is_template: tenant.is_template,
        },
        master_items: items.into_iter().map(|(_, data)| data).collect(),
        companies,
        toms: toms_out,
    };
    Ok((doc, order))
}

fn invalid(message: impl Into<String>) -> CoreError {
    CoreError::validation("tenant_file", "invalid", message)
}

/// Reads a tenant document; a file of another kind or version is refused before anything
/// is written.
pub fn parse(bytes: &[u8]) -> CoreResult<TenantDocument> {
    let doc: TenantDocument = serde_json::from_slice(bytes)
        .map_err(|e| invalid(format!("not a DPO Desk tenant file: {e}")))?;
    if doc.format != FORMAT {
        return Err(invalid(format!(
            "not a DPO Desk tenant file (format '{}')",
            doc.format
        )));
    }
    if doc.version > VERSION {
        return Err(invalid(format!(
            "written by a newer DPO Desk (version {}); this one reads up to {VERSION}",
            doc.version
        )));
    }
    Ok(doc)
}

/// Creates a new tenant from the document, all or nothing; the importing user may open it.
pub(crate) fn import(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    doc: &TenantDocument,
) -> CoreResult<Tenant> {
    Ok(import_with(conn, now, user, doc)?.0)
}

/// As `import`, answering the new records' ids in the file's order too.
pub(crate) fn import_with(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    doc: &TenantDocument,
) -> CoreResult<(Tenant, Order)> {
    let name = CoreError::required_name("tenant_name", &doc.tenant.name, 200, "a tenant")?;
    conn.execute(
        "INSERT INTO tenants (name, is_template, created_at) VALUES (?1, ?2, ?3)",
        params![name, doc.tenant.is_template, now],
    )?;
    let tenant_id = conn.last_insert_rowid();
    if !user.is_admin {
        conn.execute(
            "INSERT INTO user_tenants (user_id, tenant_id) VALUES (?1, ?2)",
            params![user.id, tenant_id],
        )?;
    }
    let mut item_ids = Vec::with_capacity(doc.master_items.len());
    for item in &doc.master_items {
        item_ids.push(master_data::insert_unaudited(conn, now, tenant_id, item)?);
    }
    let resolve = |position: i64| -> CoreResult<i64> {
        usize::try_from(position - 1)
            .ok()
            .and_then(|i| item_ids.get(i).copied())
            .ok_or_else(|| {
                invalid(format!(
                    "refers to master data item {position}, which the file does not hold"
                ))
            })
    };
    let editor = |name: &Option<String>| -> CoreResult<Option<i64>> {
        Ok(match name {
            Some(name) => crate::access::accounts::by_name(conn, name)?
                .filter(|u| u.active)
                .map(|u| u.id),
            None => None,
        })
    };
    let mut company_ids = Vec::with_capacity(doc.companies.len());
    for company in &doc.companies {
        company_ids.push(companies::write(
            conn,
            None,
            tenant_id,
            &company.data.validated()?,
            now,
        )?);
    }
    let by_position = |ids: &[i64], position: i64, what: &str| -> CoreResult<i64> {
        usize::try_from(position - 1)
            .ok()
            .and_then(|i| ids.get(i).copied())
            .ok_or_else(|| {
                invalid(format!(
                    "refers to {what} {position}, which the file does not hold"
                ))
            })
    };
    let mut tom_ids = Vec::with_capacity(doc.toms.len());
    for record in &doc.toms {
        let mut data = record.data.clone();
        data.tenant_id = tenant_id;
        data.title = data.title.trim().to_string();
        if data.title.is_empty() {
            return Err(invalid("a measure in the file has no title"));
        }
        data.editor_id = editor(&record.editor)?;
        data.company_ids = record
            .data
            .company_ids
            .iter()
            .map(|p| by_position(&company_ids, *p, "company"))
            .collect::<CoreResult<_>>()?;
        let id = toms::write(conn, None, record.catalogue_key.as_deref(), &data, now)?;
        for review in &record.reviews {
            toms::insert_review(conn, id, review)?;
        }
        tom_ids.push(id);
    }
    if doc.version < 2 {
        let language = crate::kernel::text::Language::of(user.language.as_deref());
        toms::catalogue::seed(conn, now, tenant_id, language)?;
    } else {
        toms::catalogue::mark_seeded(conn, tenant_id)?;
    }
    let mut count = 0;
    let mut activity_ids: Vec<i64> = Vec::new();
    for (company, company_id) in doc.companies.iter().zip(company_ids.iter().copied()) {
        for area in &company.areas {
            let area_name = CoreError::required_name("area_name", &area.name, 200, "an area")?;
            let area_id =
                crate::domain::areas::insert(conn, now, company_id, &area_name, &area.description)?;
            for record in &area.activities {
                let mut data = record.data.clone();
                data.area_id = area_id;
                data.name = CoreError::required_name(
                    "activity_name",
                    &data.name,
                    300,
                    "a processing activity",
                )?;
                data.editor_id = editor(&record.editor)?;
                data.tom_ids = data
                    .tom_ids
                    .iter()
                    .map(|p| by_position(&tom_ids, *p, "measure"))
                    .collect::<CoreResult<_>>()?;
                data.business_process_id = data.business_process_id.map(resolve).transpose()?;
                let links = data.links.iter().map(|l| {
                    Ok(ActivityLink {
                        item_id: resolve(l.item_id)?,
                        detail: l.detail.clone(),
                    })
                });
                data.links = activities::validated_links(
                    conn,
                    tenant_id,
                    &links.collect::<CoreResult<Vec<_>>>()?,
                )?;
                let activity_id = activities::write(conn, None, tenant_id, &data, now)?;
                activity_ids.push(activity_id);
                if let Some(c) = &record.dpia_check {
                    let (verdict, _) = check::verdict(&c.criteria);
                    conn.execute(
                        "INSERT INTO dpia_checks (activity_id, criteria, verdict, note, checked_at, checked_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![activity_id, c.criteria.join(","), verdict.as_str(), c.note, c.checked_at, c.checked_by],
                    )?;
                }
                for v in &record.dpias {
                    let mut data = v.data.clone();
                    data.editor_id = editor(&v.editor)?;
                    for risk in &mut data.risks {
                        risk.tom_ids = risk
                            .tom_ids
                            .iter()
                            .map(|p| by_position(&tom_ids, *p, "measure"))
                            .collect::<CoreResult<_>>()?;
                    }
                    dpias::write_version(
                        conn,
                        None,
                        &dpias::VersionHead {
                            tenant_id,
                            activity_id,
                            version: v.version,
                            is_current: v.is_current,
                            status: v.status,
                            validator_name: &v.validator_name,
                            validated_at: v.validated_at,
                            decision_note: &v.decision_note,
                            created_by: &v.created_by,
                        },
                        &data,
                        now,
                    )?;
                }
                count += 1;
            }
        }
        let mut seen = Vec::new();
        for t in &company.website_texts {
            // A file naming a kind twice keeps the first, as the database holds one.
            if seen.contains(&t.kind) {
                continue;
            }
            seen.push(t.kind);
            let answers = map_activities(&t.answers, |p| {
                usize::try_from(p - 1)
                    .ok()
                    .and_then(|i| activity_ids.get(i).copied())
            });
            website_texts::insert(
                conn,
                now,
                tenant_id,
                company_id,
                t.kind,
                &answers,
                &t.text,
                &t.language,
                &t.updated_by,
            )?;
        }
    }
    let activity_of = |position: i64| -> CoreResult<i64> {
        usize::try_from(position - 1)
            .ok()
            .and_then(|i| activity_ids.get(i).copied())
            .ok_or_else(|| {
                invalid(format!(
                    "refers to processing activity {position}, which the file does not hold"
                ))
            })
    };
    let mut new = Order {
        companies: company_ids.clone(),
        activities: activity_ids.clone(),
        toms: tom_ids.clone(),
        ..Order::default()
    };
    for record in &doc.requests {
        let mut data = record.data.clone();
        data.tenant_id = tenant_id;
        data.editor_id = editor(&record.editor)?;
        data.requester = CoreError::required_name("requester", &data.requester, 200, "a request")?;
        data.activity_ids = data
            .activity_ids
            .iter()
            .map(|p| activity_of(*p))
            .collect::<CoreResult<_>>()?;
        data.item_ids = data
            .item_ids
            .iter()
            .map(|p| resolve(*p))
            .collect::<CoreResult<_>>()?;
        new.requests.push(requests::write(conn, None, &data, now)?);
    }
    for record in &doc.breaches {
        let mut data = record.data.clone();
        data.tenant_id = tenant_id;
        data.editor_id = editor(&record.editor)?;
        data.title = CoreError::required_name("breach_title", &data.title, 300, "a breach")?;
        new.breaches.push(breaches::write(conn, None, &data, now)?);
    }
    for record in &doc.processor_agreements {
        let mut data = record.data.clone();
        data.tenant_id = tenant_id;
        data.editor_id = editor(&record.editor)?;
        data.processor_id = resolve(data.processor_id)?;
        data.activity_ids = data
            .activity_ids
            .iter()
            .map(|p| activity_of(*p))
            .collect::<CoreResult<_>>()?;
        for c in &mut data.countries {
            c.item_id = resolve(c.item_id)?;
        }
        new.agreements
            .push(processor_agreements::write(conn, None, &data, now)?);
    }
    for record in &doc.courses {
        let mut images = Vec::new();
        for image in &record.images {
            let bytes = data_encoding::BASE64
                .decode(image.data.as_bytes())
                .map_err(|e| invalid(format!("a course picture is not Base64: {e}")))?;
            images.push(courses::images::CourseImage {
                id: image.id,
                mime: courses::images::checked(&bytes)?.to_string(),
                bytes,
            });
        }
        courses::import(conn, now, user, tenant_id, &record.course, &images)?;
    }
    document_transfer::import(conn, now, tenant_id, &doc.folders, &doc.documents, &new)?;
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action: "import",
            object_type: ObjectType::Tenant.as_str(),
            object_id: Some(tenant_id.to_string()),
            old: None,
            new: Some(
                json!({ "name": name, "companies": doc.companies.len(), "activities": count, "master_items": item_ids.len(), "toms": tom_ids.len() }),
            ),
        },
    )?;
    let tenant = tenants::by_id(conn, tenant_id)?.expect("just inserted");
    Ok((tenant, new))
}
