//! Starting, changing, validating and versioning assessments, inside the caller's
//! transaction with their audit entries.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::{current_of_activity, load, visible_by_id, Dpia, DpiaStatus, Opinion, RiskKind};
use crate::access::accounts::{self, UserRecord};
use crate::domain::activities::{self, Activity};
use crate::domain::master_data::MasterKind;
use crate::domain::toms::{self, today};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;
use crate::store::trash::{self, Deleted};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RiskInput {
    pub kind: RiskKind,
    /// The threat's name; for the standard events the window shows their own name.
    pub title: String,
    pub threats: String,
    pub sources: String,
    pub impacts: String,
    /// 1 negligible, 2 limited, 3 significant, 4 maximum; `None` until rated.
    pub likelihood: Option<i64>,
    pub severity: Option<i64>,
    /// After the assigned measures.
    pub residual_likelihood: Option<i64>,
    pub residual_severity: Option<i64>,
    pub tom_ids: Vec<i64>,
}

impl RiskInput {
    pub fn standard(kind: RiskKind) -> Self {
        RiskInput {
            kind,
            title: String::new(),
            threats: String::new(),
            sources: String::new(),
            impacts: String::new(),
            likelihood: None,
            severity: None,
            residual_likelihood: None,
            residual_severity: None,
            tom_ids: Vec::new(),
        }
    }
}

/// What a person fills in: the sections of Art. 35(7) and the risks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DpiaInput {
    pub description: String,
    pub responsibilities: String,
    pub standards: String,
    pub data_processed: String,
    pub life_cycle: String,
    pub supporting_assets: String,
    pub purposes: String,
    pub legal_basis: String,
    pub minimisation: String,
    pub accuracy: String,
    pub storage_limits: String,
    pub information: String,
    pub consent: String,
    pub access_portability: String,
    pub rectification_erasure: String,
    pub restriction_objection: String,
    pub processors: String,
    pub transfers: String,
    pub dpo_name: String,
    pub dpo_opinion: String,
    pub dpo_status: Opinion,
    pub subjects_consulted: bool,
    pub subjects_opinion: String,
    pub subjects_status: Opinion,
    pub comments: String,
    pub review_date: Option<NaiveDate>,
    pub editor_id: Option<i64>,
    pub risks: Vec<RiskInput>,
}

/// The decision that ends a version's work (SPEC §6 "validation: who, when, decision").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Validation {
    /// `validated` or `refused`.
    pub decision: DpiaStatus,
    /// The signed-in user when empty.
    pub validator_name: String,
    /// Today when empty.
    pub date: Option<NaiveDate>,
    pub note: String,
    /// One year after the decision when empty (validated assessments only).
    pub review_date: Option<NaiveDate>,
}

fn rating(field: &'static str, value: Option<i64>) -> CoreResult<()> {
    if value.is_some_and(|v| !(1..=4).contains(&v)) {
        return Err(CoreError::validation(
            field,
            "range",
            "ratings go from 1 (negligible) to 4 (maximum)",
        ));
    }
    Ok(())
}

impl DpiaInput {
    fn validated(
        &self,
        conn: &Connection,
        user: &UserRecord,
        tenant_id: i64,
    ) -> CoreResult<DpiaInput> {
        if let Some(editor) = self.editor_id {
            if !accounts::by_id(conn, editor)?.is_some_and(|u| u.active) {
                return Err(CoreError::validation(
                    "editor",
                    "unknown",
                    format!("no active user with id {editor}"),
                ));
            }
        }
        let mut risks = Vec::new();
        for risk in &self.risks {
            rating("likelihood", risk.likelihood)?;
            rating("severity", risk.severity)?;
            rating("likelihood", risk.residual_likelihood)?;
            rating("severity", risk.residual_severity)?;
            if risk.kind == RiskKind::Own && risk.title.trim().is_empty() {
                return Err(CoreError::validation(
                    "risk_title",
                    "required",
                    "an own threat needs a name",
                ));
            }
            let mut tom_ids = risk.tom_ids.clone();
            tom_ids.sort_unstable();
            tom_ids.dedup();
            for &tom in &tom_ids {
                if toms::visible_by_id(conn, user, tom)?.data.tenant_id != tenant_id {
                    return Err(CoreError::validation(
                        "tom",
                        "other_tenant",
                        format!("measure {tom} belongs to another tenant"),
                    ));
                }
            }
            risks.push(RiskInput {
                title: risk.title.trim().to_string(),
                tom_ids,
                ..risk.clone()
            });
        }
        let trim = |s: &str| s.trim().to_string();
        Ok(DpiaInput {
            description: trim(&self.description),
            responsibilities: trim(&self.responsibilities),
            standards: trim(&self.standards),
            data_processed: trim(&self.data_processed),
            life_cycle: trim(&self.life_cycle),
            supporting_assets: trim(&self.supporting_assets),
            purposes: trim(&self.purposes),
            legal_basis: trim(&self.legal_basis),
            minimisation: trim(&self.minimisation),
            accuracy: trim(&self.accuracy),
            storage_limits: trim(&self.storage_limits),
            information: trim(&self.information),
            consent: trim(&self.consent),
            access_portability: trim(&self.access_portability),
            rectification_erasure: trim(&self.rectification_erasure),
            restriction_objection: trim(&self.restriction_objection),
            processors: trim(&self.processors),
            transfers: trim(&self.transfers),
            dpo_name: trim(&self.dpo_name),
            dpo_opinion: trim(&self.dpo_opinion),
            subjects_opinion: trim(&self.subjects_opinion),
            comments: trim(&self.comments),
            risks,
            ..self.clone()
        })
    }
}

/// The parts of a version's row that are not what a person fills in.
pub(crate) struct VersionHead<'a> {
    pub tenant_id: i64,
    pub activity_id: i64,
    pub version: i64,
    pub is_current: bool,
    pub status: DpiaStatus,
    pub validator_name: &'a str,
    pub validated_at: Option<NaiveDate>,
    pub decision_note: &'a str,
    pub created_by: &'a str,
}

/// Writes a version's row from one column list and replaces its risks; the caller has
/// validated `data`.
pub(crate) fn write_version(
    conn: &Connection,
    id: Option<i64>,
    head: &VersionHead<'_>,
    data: &DpiaInput,
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    let (status, dpo_status, subjects_status) = (
        head.status.as_str(),
        data.dpo_status.stored(),
        data.subjects_status.stored(),
    );
    let id = crate::store::rows::save(
        conn,
        "dpias",
        id,
        &[
            ("tenant_id", &head.tenant_id),
            ("activity_id", &head.activity_id),
            ("version", &head.version),
            ("is_current", &head.is_current),
            ("status", &status),
            ("description", &data.description),
            ("responsibilities", &data.responsibilities),
            ("standards", &data.standards),
            ("data_processed", &data.data_processed),
            ("life_cycle", &data.life_cycle),
            ("supporting_assets", &data.supporting_assets),
            ("purposes", &data.purposes),
            ("legal_basis", &data.legal_basis),
            ("minimisation", &data.minimisation),
            ("accuracy", &data.accuracy),
            ("storage_limits", &data.storage_limits),
            ("information", &data.information),
            ("consent", &data.consent),
            ("access_portability", &data.access_portability),
            ("rectification_erasure", &data.rectification_erasure),
            ("restriction_objection", &data.restriction_objection),
            ("processors", &data.processors),
            ("transfers", &data.transfers),
            ("dpo_name", &data.dpo_name),
            ("dpo_opinion", &data.dpo_opinion),
            ("dpo_status", &dpo_status),
            ("subjects_consulted", &data.subjects_consulted),
            ("subjects_opinion", &data.subjects_opinion),
            ("subjects_status", &subjects_status),
            ("comments", &data.comments),
            ("review_date", &data.review_date),
            ("editor_id", &data.editor_id),
            ("validator_name", &head.validator_name),
            ("validated_at", &head.validated_at),
            ("decision_note", &head.decision_note),
            ("created_by", &head.created_by),
        ],
        now,
    )?;
    conn.execute(
        "DELETE FROM dpia_risk_toms WHERE risk_id IN (SELECT id FROM dpia_risks WHERE dpia_id = ?1)",
        [id],
    )?;
    conn.execute("DELETE FROM dpia_risks WHERE dpia_id = ?1", [id])?;
    let mut risk_insert = conn.prepare_cached(
        "INSERT INTO dpia_risks (dpia_id, position, kind, title, threats, sources, impacts, likelihood, severity,
            residual_likelihood, residual_severity) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut tom_insert = conn
        .prepare_cached("INSERT OR IGNORE INTO dpia_risk_toms (risk_id, tom_id) VALUES (?1, ?2)")?;
    for (position, r) in data.risks.iter().enumerate() {
        risk_insert.execute(params![
            id,
            position as i64,
            r.kind.as_str(),
            r.title,
            r.threats,
            r.sources,
            r.impacts,
            r.likelihood,
            r.severity,
            r.residual_likelihood,
            r.residual_severity
        ])?;
        let risk_id = conn.last_insert_rowid();
        for tom in &r.tom_ids {
            tom_insert.execute(params![risk_id, tom])?;
        }
    }
    Ok(id)
}

fn names(activity: &Activity, kinds: &[MasterKind]) -> String {
    activity
        .linked
        .iter()
        .filter(|l| kinds.contains(&l.kind))
        .map(|l| {
            if l.detail.is_empty() {
                l.name.clone()
            } else {
                format!("{} ({})", l.name, l.detail.replace('_', " "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// What the activity's record already says, as the first draft of the sections.
fn prefilled(activity: &Activity, user: &UserRecord) -> DpiaInput {
    let a = &activity.data;
    let mut description = a.name.clone();
    if !a.processing_categories.is_empty() {
        description.push('\n');
        description.push_str(&a.processing_categories);
    }
    DpiaInput {
        description,
        responsibilities: a.responsible.clone(),
        standards: String::new(),
        data_processed: [
            names(activity, &[MasterKind::DataCategory]),
            names(activity, &[MasterKind::PersonGroup]),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n"),
        life_cycle: String::new(),
        supporting_assets: names(activity, &[MasterKind::Application]),
        purposes: a.purposes.clone(),
        legal_basis: names(activity, &[MasterKind::LegalBasis]),
        minimisation: String::new(),
        accuracy: String::new(),
        storage_limits: names(activity, &[MasterKind::RetentionPeriod]),
        information: String::new(),
        consent: String::new(),
        access_portability: String::new(),
        rectification_erasure: String::new(),
        restriction_objection: String::new(),
        processors: names(activity, &[MasterKind::Processor, MasterKind::Recipient]),
        transfers: names(activity, &[MasterKind::ThirdCountry]),
        dpo_name: String::new(),
        dpo_opinion: String::new(),
        dpo_status: Opinion::None,
        subjects_consulted: false,
        subjects_opinion: String::new(),
        subjects_status: Opinion::None,
        comments: String::new(),
        review_date: None,
        editor_id: Some(user.id),
        risks: [
            RiskKind::IllegitimateAccess,
            RiskKind::UnwantedModification,
            RiskKind::DataLoss,
        ]
        .into_iter()
        .map(RiskInput::standard)
        .collect(),
    }
}

/// Starts the assessment of an activity: version 1, its sections pre-filled from the
/// record, the three standard risks unrated. An activity has one assessment (with its
/// versions).
pub(crate) fn start(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    activity_id: i64,
) -> CoreResult<Dpia> {
    let activity = activities::visible_by_id(conn, user, activity_id)?;
    if current_of_activity(conn, activity_id)?.is_some() {
        return Err(CoreError::validation(
            "dpia",
            "exists",
            "this processing activity has a DPIA already; open it or start a new version",
        ));
    }
    let data = prefilled(&activity, user);
    let id = write_version(
        conn,
        None,
        &VersionHead {
            tenant_id: activity.tenant_id,
            activity_id,
            version: 1,
            is_current: true,
            status: DpiaStatus::InProgress,
            validator_name: "",
            validated_at: None,
            decision_note: "",
            created_by: &user.name,
        },
        &data,
        now,
    )?;
    audit::created(
        conn,
        now,
        &user.actor(),
        ObjectType::Dpia.as_str(),
        id,
        json!({ "activity_id": activity_id }),
    )?;
    load(conn, id)
}

/// The current version, still in progress: earlier versions are read-only, a decided one
/// changes only through a new version.
fn editable(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<Dpia> {
    let d = visible_by_id(conn, user, id)?;
    if !d.is_current {
        return Err(CoreError::validation(
            "dpia",
            "read_only",
            "an earlier version is read-only",
        ));
    }
    if d.status != DpiaStatus::InProgress {
        return Err(CoreError::validation(
            "dpia",
            "decided",
            "this version has been decided; start a new version to change it",
        ));
    }
    Ok(d)
}

fn head_of(d: &Dpia) -> VersionHead<'_> {
    VersionHead {
        tenant_id: d.tenant_id,
        activity_id: d.activity_id,
        version: d.version,
        is_current: d.is_current,
        status: d.status,
        validator_name: &d.validator_name,
        validated_at: d.validated_at,
        decision_note: &d.decision_note,
        created_by: &d.created_by,
    }
}

pub(crate) fn update(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    input: &DpiaInput,
) -> CoreResult<Dpia> {
    let old = editable(conn, user, id)?;
    let data = input.validated(conn, user, old.tenant_id)?;
    if data != old.data {
        write_version(conn, Some(id), &head_of(&old), &data, now)?;
        audit::changed(
            conn,
            now,
            &user.actor(),
            "update",
            ObjectType::Dpia.as_str(),
            id,
            json!(old.data),
            json!(data),
        )?;
    }
    load(conn, id)
}

pub(crate) fn validate(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    v: &Validation,
) -> CoreResult<Dpia> {
    let d = editable(conn, user, id)?;
    if v.decision == DpiaStatus::InProgress {
        return Err(CoreError::validation(
            "decision",
            "required",
            "the decision is validated or refused",
        ));
    }
    let date = v.date.unwrap_or(today(now));
    if date > today(now) {
        return Err(CoreError::validation(
            "validated_at",
            "future",
            "a decision cannot be dated in the future",
        ));
    }
    let validator = match v.validator_name.trim() {
        "" => user.name.clone(),
        name => name.to_string(),
    };
    let review = match v.decision {
        DpiaStatus::Validated => Some(v.review_date.unwrap_or(toms::one_year_after(date))),
        _ => v.review_date,
    };
    if review.is_some_and(|r| r <= date) {
        return Err(CoreError::validation(
            "review_date",
            "before_decision",
            "the review must come after the decision",
        ));
    }
    conn.execute(
        "UPDATE dpias SET status = ?1, validator_name = ?2, validated_at = ?3, decision_note = ?4, review_date = ?5,
         updated_at = ?6 WHERE id = ?7",
        params![v.decision.as_str(), validator, date, v.note.trim(), review, now, id],
    )?;
    audit::changed(
        conn,
        now,
        &user.actor(),
        "validate",
        ObjectType::Dpia.as_str(),
        id,
        json!({ "status": d.status }),
        json!({ "status": v.decision, "validator": validator, "date": date, "review_date": review }),
    )?;
    load(conn, id)
}

/// A new version as a copy of the current one (sections, risks, assigned measures), in
/// progress; the copied one stays as it is, read-only.
pub(crate) fn new_version(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
) -> CoreResult<Dpia> {
    let d = visible_by_id(conn, user, id)?;
    if !d.is_current {
        return Err(CoreError::validation(
            "dpia",
            "read_only",
            "a new version starts from the current one",
        ));
    }
    conn.execute("UPDATE dpias SET is_current = 0 WHERE id = ?1", [id])?;
    let new_id = write_version(
        conn,
        None,
        &VersionHead {
            version: d.version + 1,
            is_current: true,
            status: DpiaStatus::InProgress,
            validator_name: "",
            validated_at: None,
            decision_note: "",
            created_by: &user.name,
            ..head_of(&d)
        },
        &DpiaInput {
            editor_id: d.data.editor_id.or(Some(user.id)),
            ..d.data.clone()
        },
        now,
    )?;
    audit::copied(
        conn,
        now,
        &user.actor(),
        ObjectType::Dpia.as_str(),
        new_id,
        id,
        json!({ "version": d.version + 1 }),
    )?;
    load(conn, new_id)
}

/// Moves assessments (every version of each) into the trash, one entry each.
pub(crate) fn delete(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
) -> CoreResult<Vec<i64>> {
    let mut entries = Vec::new();
    for &id in ids {
        let d = visible_by_id(conn, user, id)?;
        let label = format!("{} (DPIA)", d.activity_name);
        entries.push(trash::put(
            conn,
            now,
            &user.actor(),
            Deleted {
                tenant_id: Some(d.tenant_id),
                object: ObjectType::Dpia,
                object_id: id,
                label: &label,
            },
            super::descriptor::CASCADE,
        )?);
    }
    Ok(entries)
}
