//! Recording, changing and deleting processor agreements, inside the caller's transaction
//! with their audit entries.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde_json::json;

use super::{load, stored, visible_by_id, AgreementInput, ProcessorAgreement};
use crate::access::accounts::{self, UserRecord};
use crate::domain::master_data::{self, MasterKind};
use crate::kernel::error::{CoreError, CoreResult, Problems};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;
use crate::store::trash::{self, Deleted};

const SUBJECT_MAX: usize = 300;

impl AgreementInput {
    fn validated(&self, conn: &Connection, user: &UserRecord) -> CoreResult<AgreementInput> {
        let mut problems = Problems::default();
        let subject = self.subject.trim();
        if subject.is_empty() {
            problems.push(CoreError::validation(
                "agreement_subject",
                "required",
                "say what the processor does for you (the subject of the agreement)",
            ));
        } else if subject.chars().count() > SUBJECT_MAX {
            problems.push(CoreError::validation(
                "agreement_subject",
                "too_long",
                format!("at most {SUBJECT_MAX} characters"),
            ));
        }
        for (field, date) in [
            ("signed_on", self.signed_on),
            ("tom_check_on", self.tom_check_on),
            ("next_review", self.next_review),
        ] {
            if date.is_some_and(|d: NaiveDate| !(1970..=2200).contains(&d.year())) {
                problems.push(CoreError::validation(
                    field,
                    "range",
                    "the date is not plausible (years 1970 to 2200)",
                ));
            }
        }
        for c in &self.countries {
            if c.safeguard.trim().is_empty() {
                problems.push(CoreError::validation(
                    "agreement_country",
                    "safeguard_required",
                    "name the safeguard for each third country (adequacy decision, standard contractual clauses …)",
                ));
                break;
            }
        }
        problems.finish()?;
        crate::access::scope::tenant(conn, user, self.tenant_id)?;
        let processor =
            master_data::accessible(conn, user, self.processor_id, MasterKind::Processor).map_err(
                |_| {
                    CoreError::validation(
                        "processor",
                        "unknown",
                        "choose a processor of this tenant's master data",
                    )
                },
            )?;
        if processor.tenant_id != self.tenant_id {
            return Err(CoreError::validation(
                "processor",
                "other_tenant",
                "the processor belongs to another tenant",
            ));
        }
        if let Some(editor) = self.editor_id {
            if !accounts::by_id(conn, editor)?.is_some_and(|u| u.active) {
                return Err(CoreError::validation(
                    "editor",
                    "unknown",
                    format!("no active user with id {editor}"),
                ));
            }
        }
        let activity_ids =
            crate::domain::activities::linkable(conn, user, self.tenant_id, &self.activity_ids)?;
        let mut countries = self.countries.clone();
        countries.sort_by_key(|c| c.item_id);
        countries.dedup_by_key(|c| c.item_id);
        for c in &mut countries {
            let item = master_data::accessible(conn, user, c.item_id, MasterKind::ThirdCountry)?;
            if item.tenant_id != self.tenant_id {
                return Err(CoreError::validation(
                    "agreement_country",
                    "other_tenant",
                    "the country belongs to another tenant",
                ));
            }
            c.safeguard = c.safeguard.trim().to_string();
        }
        Ok(AgreementInput {
            subject: subject.to_string(),
            sub_processors: self.sub_processors.trim().to_string(),
            tom_check_result: self.tom_check_result.trim().to_string(),
            notes: self.notes.trim().to_string(),
            activity_ids,
            countries,
            ..self.clone()
        })
    }
}

pub(crate) fn write(
    conn: &Connection,
    id: Option<i64>,
    data: &AgreementInput,
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    let id = crate::store::rows::save(
        conn,
        "processor_agreements",
        id,
        &[
            ("tenant_id", &data.tenant_id),
            ("processor_id", &data.processor_id),
            ("subject", &data.subject),
            ("signed_on", &data.signed_on),
            ("sub_processors", &data.sub_processors),
            ("tom_check_on", &data.tom_check_on),
            ("tom_check_result", &data.tom_check_result),
            ("next_review", &data.next_review),
            ("notes", &data.notes),
            ("editor_id", &data.editor_id),
        ],
        now,
    )?;
    conn.prepare_cached(
        "DELETE FROM agreement_activities WHERE agreement_id = ?1
         AND EXISTS(SELECT 1 FROM processing_activities p WHERE p.id = agreement_activities.activity_id AND p.trash_id IS NULL)",
    )?
    .execute([id])?;
    conn.prepare_cached(
        "DELETE FROM agreement_countries WHERE agreement_id = ?1
         AND EXISTS(SELECT 1 FROM master_items m WHERE m.id = agreement_countries.item_id AND m.trash_id IS NULL)",
    )?
    .execute([id])?;
    let mut activity = conn.prepare_cached(
        "INSERT OR IGNORE INTO agreement_activities (agreement_id, activity_id) VALUES (?1, ?2)",
    )?;
    for a in &data.activity_ids {
        activity.execute(params![id, a])?;
    }
    let mut country = conn.prepare_cached(
        "INSERT OR REPLACE INTO agreement_countries (agreement_id, item_id, detail) VALUES (?1, ?2, ?3)",
    )?;
    for c in &data.countries {
        country.execute(params![id, c.item_id, c.safeguard])?;
    }
    Ok(id)
}

pub(crate) fn create(
    conn: &Connection,
    now: DateTime<Utc>,
    today: NaiveDate,
    user: &UserRecord,
    input: &AgreementInput,
) -> CoreResult<ProcessorAgreement> {
    let data = input.validated(conn, user)?;
    let id = write(conn, None, &data, now)?;
    audit::created(
        conn,
        now,
        &user.actor(),
        ObjectType::ProcessorAgreement.as_str(),
        id,
        json!(data),
    )?;
    load(conn, user, id, today)
}

/// Activities the user cannot see stay linked.
pub(crate) fn update(
    conn: &Connection,
    now: DateTime<Utc>,
    today: NaiveDate,
    user: &UserRecord,
    id: i64,
    input: &AgreementInput,
) -> CoreResult<ProcessorAgreement> {
    let old = visible_by_id(conn, user, id, today)?;
    if input.tenant_id != old.data.tenant_id {
        return Err(CoreError::validation(
            "tenant",
            "other_tenant",
            "an agreement stays in its tenant",
        ));
    }
    let mut data = input.validated(conn, user)?;
    let stored_data = stored(conn, id)?.data;
    let shown: Vec<i64> = old.activities.iter().map(|a| a.id).collect();
    data.activity_ids.extend(
        stored_data
            .activity_ids
            .iter()
            .filter(|a| !shown.contains(a)),
    );
    data.activity_ids.sort_unstable();
    data.activity_ids.dedup();
    if data != stored_data {
        write(conn, Some(id), &data, now)?;
        audit::changed(
            conn,
            now,
            &user.actor(),
            "update",
            ObjectType::ProcessorAgreement.as_str(),
            id,
            json!(stored_data),
            json!(data),
        )?;
    }
    load(conn, user, id, today)
}

pub(crate) fn delete(
    conn: &Connection,
    now: DateTime<Utc>,
    today: NaiveDate,
    user: &UserRecord,
    ids: &[i64],
) -> CoreResult<Vec<i64>> {
    let mut entries = Vec::new();
    for &id in ids {
        let agreement = visible_by_id(conn, user, id, today)?;
        let label = format!("{} – {}", agreement.processor_name, agreement.data.subject);
        entries.push(trash::put(
            conn,
            now,
            &user.actor(),
            Deleted {
                tenant_id: Some(agreement.data.tenant_id),
                object: ObjectType::ProcessorAgreement,
                object_id: id,
                label: &label,
            },
            super::descriptor::CASCADE,
        )?);
    }
    Ok(entries)
}
