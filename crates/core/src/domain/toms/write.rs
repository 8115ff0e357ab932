//! Creating, changing, copying, mass-changing and deleting measures, each inside the
//! caller's transaction with its audit entries.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::{joined, load, visible_by_id, ProtectionType, Tom, TomInput, TomKind, TomStatus};
use crate::access::accounts::{self, UserRecord};
use crate::kernel::error::{CoreError, CoreResult, Problems};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;
use crate::store::trash::{self, Deleted};

const TITLE_MAX: usize = 300;

fn plausible(field: &'static str, date: Option<NaiveDate>) -> CoreResult<()> {
    if date.is_some_and(|d| !(1970..=2200).contains(&d.year())) {
        return Err(CoreError::validation(
            field,
            "range",
            "the date is not plausible (years 1970 to 2200)",
        ));
    }
    Ok(())
}

impl TomInput {
    /// Checks every field against the user's reach; returns the normalised input.
    fn validated(&self, conn: &Connection, user: &UserRecord) -> CoreResult<TomInput> {
        let title = self.title.trim();
        let mut problems = Problems::default();
        if title.is_empty() {
            problems.push(CoreError::validation(
                "tom_title",
                "required",
                "a measure needs a title",
            ));
        }
        if title.chars().count() > TITLE_MAX {
            problems.push(CoreError::validation(
                "tom_title",
                "too_long",
                format!("at most {TITLE_MAX} characters"),
            ));
        }
        problems.take(plausible("next_review", self.next_review));
        problems.finish()?;
        crate::access::scope::tenant(conn, user, self.tenant_id)?;
        if let Some(editor) = self.editor_id {
            let known = accounts::by_id(conn, editor)?.is_some_and(|u| u.active);
            if !known {
                return Err(CoreError::validation(
                    "editor",
                    "unknown",
                    format!("no active user with id {editor}"),
                ));
            }
        }
        let mut company_ids = self.company_ids.clone();
        company_ids.sort_unstable();
        company_ids.dedup();
        for &company in &company_ids {
            let place = crate::access::scope::company(conn, user, company)?;
            if place.tenant_id != self.tenant_id {
                return Err(CoreError::validation(
                    "tom_company",
                    "other_tenant",
                    format!("company {company} belongs to another tenant"),
                ));
            }
        }
        let mut art32 = self.art32.clone();
        art32.sort_unstable();
        art32.dedup();
        let mut sdm = self.sdm.clone();
        sdm.sort_unstable();
        sdm.dedup();
        Ok(TomInput {
            tenant_id: self.tenant_id,
            protection_type: self.protection_type,
            kind: self.kind,
            title: title.to_string(),
            description: self.description.trim().to_string(),
            implementation: self.implementation.trim().to_string(),
            art32,
            sdm,
            status: self.status,
            editor_id: self.editor_id,
            next_review: self.next_review,
            company_ids,
        })
    }
}

/// Writes a measure's row from one column list and replaces its companies; the caller has
/// validated `data`.
pub(crate) fn write(
    conn: &Connection,
    id: Option<i64>,
    catalogue_key: Option<&str>,
    data: &TomInput,
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    let art32 = joined(&data.art32);
    let sdm = joined(&data.sdm);
    let (protection_type, kind, status) = (
        data.protection_type.as_str(),
        data.kind.as_str(),
        data.status.as_str(),
    );
    let mut values: Vec<(&str, &dyn rusqlite::ToSql)> = vec![
        ("tenant_id", &data.tenant_id),
        ("protection_type", &protection_type),
        ("kind", &kind),
        ("title", &data.title),
        ("description", &data.description),
        ("implementation", &data.implementation),
        ("art32", &art32),
        ("sdm", &sdm),
        ("status", &status),
        ("editor_id", &data.editor_id),
        ("next_review", &data.next_review),
    ];
    // The catalogue origin is set once, when the measure is created.
    if id.is_none() {
        values.push(("catalogue_key", &catalogue_key));
    }
    let id = crate::store::rows::save(conn, "toms", id, &values, now)?;
    // Companies in the trash keep their row: it comes back with the company.
    conn.prepare_cached(
        "DELETE FROM tom_companies WHERE tom_id = ?1
         AND EXISTS(SELECT 1 FROM companies c WHERE c.id = tom_companies.company_id AND c.trash_id IS NULL)",
    )?
    .execute([id])?;
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO tom_companies (tom_id, company_id) VALUES (?1, ?2)",
    )?;
    for company in &data.company_ids {
        insert.execute(params![id, company])?;
    }
    Ok(id)
}

pub(crate) fn create(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    input: &TomInput,
) -> CoreResult<Tom> {
    let data = input.validated(conn, user)?;
    let id = write(conn, None, None, &data, now)?;
    audit::created(
        conn,
        now,
        &user.actor(),
        ObjectType::Tom.as_str(),
        id,
        json!(data),
    )?;
    load(conn, id)
}

/// Companies of the measure the user cannot reach stay as they are: a change through a
/// narrower view must not drop what it does not show.
pub(crate) fn update(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    input: &TomInput,
) -> CoreResult<Tom> {
    let old = visible_by_id(conn, user, id)?;
    if input.tenant_id != old.data.tenant_id {
        return Err(CoreError::validation(
            "tenant",
            "other_tenant",
            "a measure stays in its tenant; copy it to another",
        ));
    }
    let data = input.validated(conn, user)?;
    if data != old.data {
        write(conn, Some(id), None, &data, now)?;
        audit::changed(
            conn,
            now,
            &user.actor(),
            "update",
            ObjectType::Tom.as_str(),
            id,
            json!(old.data),
            json!(data),
        )?;
    }
    load(conn, id)
}

/// Copies in the same tenant, named with `suffix`: every field and company; not the
/// reviews, the next review date or the links (a copy has been neither reviewed nor
/// assigned), and in review until someone describes it.
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
        data.title = format!("{}{}", data.title, suffix)
            .chars()
            .take(TITLE_MAX)
            .collect();
        data.status = TomStatus::InReview;
        data.next_review = None;
        let new_id = write(conn, None, source.catalogue_key.as_deref(), &data, now)?;
        audit::copied(
            conn,
            now,
            &user.actor(),
            ObjectType::Tom.as_str(),
            new_id,
            id,
            json!(data),
        )?;
        created.push(new_id);
    }
    Ok(created)
}

/// Where copies into another tenant go, and which company there receives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TomCopyTarget {
    pub tenant_id: i64,
    pub company_id: Option<i64>,
}

/// Copies measures into another tenant with SPEC §9's rules: a measure of the same type
/// and title there is reused (never duplicated) and receives the company; otherwise a new
/// one is created, in review, without editor, dates, reviews or links. Returns, one per
/// source, the id in the target and whether that measure was there already (reused).
pub(crate) fn copy_to_tenant(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
    target: &TomCopyTarget,
) -> CoreResult<Vec<(i64, bool)>> {
    crate::access::scope::tenant(conn, user, target.tenant_id)?;
    if let Some(company) = target.company_id {
        let place = crate::access::scope::company(conn, user, company)?;
        if place.tenant_id != target.tenant_id {
            return Err(CoreError::validation(
                "target_company",
                "other_tenant",
                format!("company {company} is not in the target tenant"),
            ));
        }
    }
    let mut result = Vec::new();
    for &id in ids {
        let source = visible_by_id(conn, user, id)?;
        if source.data.tenant_id == target.tenant_id {
            return Err(CoreError::validation(
                "tenant",
                "same_tenant",
                "the measures are in this tenant already; copy them within the tenant instead",
            ));
        }
        let existing: Option<i64> = conn
            .query_row(
                "SELECT id FROM toms WHERE tenant_id = ?1 AND protection_type = ?2 AND title = ?3 COLLATE NOCASE
                 AND trash_id IS NULL ORDER BY id LIMIT 1",
                params![target.tenant_id, source.data.protection_type.as_str(), source.data.title],
                |r| r.get(0),
            )
            .optional()?;
        let copied = match existing {
            Some(existing) => {
                let old = load(conn, existing)?;
                let mut data = old.data.clone();
                data.company_ids.extend(target.company_id);
                data.company_ids.sort_unstable();
                data.company_ids.dedup();
                if data.description.is_empty() {
                    data.description = source.data.description.clone();
                }
                if data.implementation.is_empty() {
                    data.implementation = source.data.implementation.clone();
                }
                if data != old.data {
                    write(conn, Some(existing), None, &data, now)?;
                    audit::changed(
                        conn,
                        now,
                        &user.actor(),
                        "copy_merge",
                        ObjectType::Tom.as_str(),
                        existing,
                        json!(old.data),
                        json!(data),
                    )?;
                }
                (existing, true)
            }
            None => {
                let data = TomInput {
                    tenant_id: target.tenant_id,
                    status: TomStatus::InReview,
                    editor_id: None,
                    next_review: None,
                    company_ids: target.company_id.into_iter().collect(),
                    ..source.data.clone()
                };
                let new_id = write(conn, None, source.catalogue_key.as_deref(), &data, now)?;
                audit::copied(
                    conn,
                    now,
                    &user.actor(),
                    ObjectType::Tom.as_str(),
                    new_id,
                    id,
                    json!(data),
                )?;
                (new_id, false)
            }
        };
        result.push(copied);
    }
    Ok(result)
}

/// One field set to one value over a selection (SPEC §9 "mass change").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
#[ts(export)]
pub enum TomField {
    Status(TomStatus),
    /// Marks the measures as generally valid for the company (step 1 of the seed).
    ValidFor(i64),
    /// Takes the company off the measures.
    NotValidFor(i64),
    NextReview(Option<NaiveDate>),
    ProtectionType(ProtectionType),
    Kind(TomKind),
    Editor(Option<i64>),
}

/// Applies the change to every selected measure, or to none.
pub(crate) fn mass_change(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
    field: &TomField,
) -> CoreResult<usize> {
    if ids.is_empty() {
        return Err(CoreError::validation(
            "selection",
            "required",
            "select at least one measure",
        ));
    }
    let mut changed = 0;
    for &id in ids {
        let old = visible_by_id(conn, user, id)?;
        let mut data = old.data.clone();
        match field {
            TomField::Status(s) => data.status = *s,
            TomField::ValidFor(c) => data.company_ids.push(*c),
            TomField::NotValidFor(c) => data.company_ids.retain(|x| x != c),
            TomField::NextReview(d) => data.next_review = *d,
            TomField::ProtectionType(t) => data.protection_type = *t,
            TomField::Kind(k) => data.kind = *k,
            TomField::Editor(e) => data.editor_id = *e,
        }
        let data = data.validated(conn, user)?;
        if data != old.data {
            write(conn, Some(id), None, &data, now)?;
            audit::changed(
                conn,
                now,
                &user.actor(),
                "mass_change",
                ObjectType::Tom.as_str(),
                id,
                json!(old.data),
                json!(data),
            )?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// The names of the live activities linked to a measure.
pub(crate) fn linked_activity_names(conn: &Connection, id: i64) -> CoreResult<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.name FROM activity_toms l JOIN processing_activities p ON p.id = l.activity_id
         WHERE l.tom_id = ?1 AND p.trash_id IS NULL ORDER BY p.name COLLATE NOCASE",
    )?;
    let names = stmt.query_map([id], |r| r.get(0))?;
    Ok(names.collect::<Result<_, _>>()?)
}

/// Moves the measures into the trash, one entry each, all or none. A measure linked to
/// processing activities is refused with their names unless `with_links` confirms that the
/// links go too; they come back when the measure is restored.
pub(crate) fn delete(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
    with_links: bool,
) -> CoreResult<Vec<i64>> {
    let mut entries = Vec::new();
    for &id in ids {
        let tom = visible_by_id(conn, user, id)?;
        if !with_links {
            let used_by = linked_activity_names(conn, id)?;
            if !used_by.is_empty() {
                return Err(CoreError::InUse { used_by });
            }
        }
        entries.push(trash::put(
            conn,
            now,
            &user.actor(),
            Deleted {
                tenant_id: Some(tom.data.tenant_id),
                object: ObjectType::Tom,
                object_id: id,
                label: &tom.data.title,
            },
            super::descriptor::CASCADE,
        )?);
    }
    Ok(entries)
}
