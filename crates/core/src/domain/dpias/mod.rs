//! Data protection impact assessments (SPEC §6, Art. 35 GDPR) of processing activities:
//! the necessity check, and the assessment itself — the sections of Art. 35(7), its risks
//! rated before and after measures, the TOMs assigned to each risk — in versions, one of
//! them current. Earlier versions are kept read-only.

pub mod check;
pub mod cnil;
pub mod descriptor;
pub mod export;
pub mod matrix;
pub mod must_list;
mod write;

pub use matrix::{RiskLevel, RiskMatrix};
pub(crate) use write::{delete, new_version, start, update, validate, write_version, VersionHead};
pub use write::{DpiaInput, RiskInput, Validation};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::access::visibility::{self, Columns, Filter};
use crate::domain::toms::NamedRef;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::{snake_names, ObjectType};
use crate::store::rows::parsed;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum DpiaStatus {
    InProgress,
    Validated,
    Refused,
}

snake_names!(DpiaStatus);

/// The three standard events of the CNIL method and SPEC §6, and own threats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum RiskKind {
    IllegitimateAccess,
    UnwantedModification,
    DataLoss,
    Own,
}

snake_names!(RiskKind);

/// A favourable or unfavourable opinion (DPO, data subjects); empty: none given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Opinion {
    None,
    Favourable,
    Unfavourable,
}

snake_names!(Opinion);

impl Opinion {
    fn stored(self) -> &'static str {
        match self {
            Opinion::None => "",
            other => other.as_str(),
        }
    }
    fn read(text: &str) -> Option<Opinion> {
        if text.is_empty() {
            Some(Opinion::None)
        } else {
            Opinion::parse(text)
        }
    }
}

/// One risk with its classes before and after measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Risk {
    pub id: i64,
    #[serde(flatten)]
    pub data: RiskInput,
    pub level: Option<RiskLevel>,
    pub residual_level: Option<RiskLevel>,
    pub toms: Vec<NamedRef>,
}

/// How far each section of Art. 35(7) is filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SectionProgress {
    pub section: String,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct VersionRef {
    pub id: i64,
    pub version: i64,
    pub is_current: bool,
    pub status: DpiaStatus,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    pub validator_name: String,
    pub validated_at: Option<NaiveDate>,
}

/// One version of an assessment with everything the screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Dpia {
    pub id: i64,
    pub tenant_id: i64,
    pub activity_id: i64,
    pub activity_name: String,
    pub company_id: i64,
    pub version: i64,
    pub is_current: bool,
    pub status: DpiaStatus,
    /// What a person fills in, as the form sends it back (risks without their classes).
    pub data: DpiaInput,
    pub validator_name: String,
    pub validated_at: Option<NaiveDate>,
    pub decision_note: String,
    /// The risks with their classes and assigned measures' names.
    pub risks: Vec<Risk>,
    pub progress: Vec<SectionProgress>,
    pub versions: Vec<VersionRef>,
    pub editor_name: Option<String>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One line of the DPIA list: the current version of each activity's assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DpiaRow {
    pub id: i64,
    pub activity_id: i64,
    pub activity_name: String,
    pub company_name: String,
    pub version: i64,
    pub status: DpiaStatus,
    pub sections_done: i64,
    pub sections: i64,
    pub highest_level: Option<RiskLevel>,
    pub highest_residual: Option<RiskLevel>,
    pub review_date: Option<NaiveDate>,
    pub updated_at: DateTime<Utc>,
}

const COLUMNS: Columns = Columns {
    editor: Some("d.editor_id"),
    area_name: None,
    status: None,
    top_folder: None,
};

pub(crate) fn visible(conn: &Connection, user: &UserRecord) -> CoreResult<Filter> {
    visibility::filter(conn, user, ObjectType::Dpia, &COLUMNS)
}

const SELECT: &str = "SELECT d.id, d.tenant_id, d.activity_id, p.name, a.company_id, d.version, d.is_current, d.status,
    d.description, d.responsibilities, d.standards, d.data_processed, d.life_cycle, d.supporting_assets,
    d.purposes, d.legal_basis, d.minimisation, d.accuracy, d.storage_limits, d.information, d.consent,
    d.access_portability, d.rectification_erasure, d.restriction_objection, d.processors, d.transfers,
    d.dpo_name, d.dpo_opinion, d.dpo_status, d.subjects_consulted, d.subjects_opinion, d.subjects_status,
    d.comments, d.review_date, d.editor_id, d.validator_name, d.validated_at, d.decision_note,
    u.name, d.created_by, d.created_at, d.updated_at
    FROM dpias d JOIN processing_activities p ON p.id = d.activity_id JOIN areas a ON a.id = p.area_id
    LEFT JOIN users u ON u.id = d.editor_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Dpia> {
    let text = |i: usize| r.get::<_, String>(i);
    Ok(Dpia {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        activity_id: r.get(2)?,
        activity_name: r.get(3)?,
        company_id: r.get(4)?,
        version: r.get(5)?,
        is_current: r.get(6)?,
        status: parsed(7, r.get(7)?, DpiaStatus::parse)?,
        data: DpiaInput {
            description: text(8)?,
            responsibilities: text(9)?,
            standards: text(10)?,
            data_processed: text(11)?,
            life_cycle: text(12)?,
            supporting_assets: text(13)?,
            purposes: text(14)?,
            legal_basis: text(15)?,
            minimisation: text(16)?,
            accuracy: text(17)?,
            storage_limits: text(18)?,
            information: text(19)?,
            consent: text(20)?,
            access_portability: text(21)?,
            rectification_erasure: text(22)?,
            restriction_objection: text(23)?,
            processors: text(24)?,
            transfers: text(25)?,
            dpo_name: text(26)?,
            dpo_opinion: text(27)?,
            dpo_status: parsed(28, r.get(28)?, Opinion::read)?,
            subjects_consulted: r.get(29)?,
            subjects_opinion: text(30)?,
            subjects_status: parsed(31, r.get(31)?, Opinion::read)?,
            comments: text(32)?,
            review_date: r.get(33)?,
            editor_id: r.get(34)?,
            risks: Vec::new(),
        },
        validator_name: text(35)?,
        validated_at: r.get(36)?,
        decision_note: text(37)?,
        editor_name: r.get(38)?,
        created_by: text(39)?,
        created_at: r.get(40)?,
        updated_at: r.get(41)?,
        risks: Vec::new(),
        progress: Vec::new(),
        versions: Vec::new(),
    })
}

fn risks_of(conn: &Connection, dpia_id: i64, matrix: &RiskMatrix) -> CoreResult<Vec<Risk>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, title, threats, sources, impacts, likelihood, severity, residual_likelihood, residual_severity
         FROM dpia_risks WHERE dpia_id = ?1 ORDER BY position, id",
    )?;
    let mut risks: Vec<Risk> = stmt
        .query_map([dpia_id], |r| {
            let data = RiskInput {
                kind: parsed(1, r.get(1)?, RiskKind::parse)?,
                title: r.get(2)?,
                threats: r.get(3)?,
                sources: r.get(4)?,
                impacts: r.get(5)?,
                likelihood: r.get(6)?,
                severity: r.get(7)?,
                residual_likelihood: r.get(8)?,
                residual_severity: r.get(9)?,
                tom_ids: Vec::new(),
            };
            Ok(Risk {
                id: r.get(0)?,
                level: matrix.level(data.likelihood, data.severity),
                residual_level: matrix.level(data.residual_likelihood, data.residual_severity),
                data,
                toms: Vec::new(),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut toms = conn.prepare_cached(
        "SELECT t.id, t.title FROM dpia_risk_toms l JOIN toms t ON t.id = l.tom_id
         WHERE l.risk_id = ?1 AND t.trash_id IS NULL ORDER BY t.title COLLATE NOCASE",
    )?;
    for risk in &mut risks {
        risk.toms = toms
            .query_map([risk.id], |r| {
                Ok(NamedRef {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        risk.data.tom_ids = risk.toms.iter().map(|t| t.id).collect();
    }
    Ok(risks)
}

/// Whether each section of Art. 35(7) has what it needs.
fn progress(d: &Dpia) -> Vec<SectionProgress> {
    let filled = |s: &str| !s.trim().is_empty();
    let rated = |r: &Risk| r.data.likelihood.is_some() && r.data.severity.is_some();
    let sections = [
        (
            "description",
            filled(&d.data.description) && filled(&d.data.purposes),
        ),
        (
            "necessity",
            filled(&d.data.legal_basis)
                && filled(&d.data.minimisation)
                && filled(&d.data.storage_limits),
        ),
        ("risks", !d.risks.is_empty() && d.risks.iter().all(rated)),
        (
            "measures",
            !d.risks.is_empty()
                && d.risks.iter().all(|r| {
                    !r.toms.is_empty()
                        && r.data.residual_likelihood.is_some()
                        && r.data.residual_severity.is_some()
                }),
        ),
        (
            "opinions",
            d.data.dpo_status != Opinion::None
                && (!d.data.subjects_consulted
                    || d.data.subjects_status != Opinion::None
                    || filled(&d.data.subjects_opinion)),
        ),
        ("validation", d.status != DpiaStatus::InProgress),
    ];
    sections
        .into_iter()
        .map(|(section, done)| SectionProgress {
            section: section.into(),
            done,
        })
        .collect()
}

fn versions_of(conn: &Connection, activity_id: i64) -> CoreResult<Vec<VersionRef>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, version, is_current, status, created_at, created_by, validator_name, validated_at
         FROM dpias WHERE activity_id = ?1 AND trash_id IS NULL ORDER BY version DESC",
    )?;
    let rows = stmt.query_map([activity_id], |r| {
        Ok(VersionRef {
            id: r.get(0)?,
            version: r.get(1)?,
            is_current: r.get(2)?,
            status: parsed(3, r.get(3)?, DpiaStatus::parse)?,
            created_at: r.get(4)?,
            created_by: r.get(5)?,
            validator_name: r.get(6)?,
            validated_at: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Any version by id, deleted or hidden or not, with risks, progress and the version list.
pub(crate) fn load(conn: &Connection, id: i64) -> CoreResult<Dpia> {
    load_with(conn, id, &matrix::current(conn)?)
}

/// `load` with the office's matrix read once by the caller (lists load many versions).
fn load_with(conn: &Connection, id: i64, matrix: &RiskMatrix) -> CoreResult<Dpia> {
    let mut d = conn
        .prepare_cached(&format!("{SELECT} WHERE d.id = ?1"))?
        .query_row([id], from_row)?;
    d.risks = risks_of(conn, id, matrix)?;
    d.data.risks = d.risks.iter().map(|r| r.data.clone()).collect();
    d.progress = progress(&d);
    d.versions = versions_of(conn, d.activity_id)?;
    Ok(d)
}

/// A version the user may see, in a tenant they may open and not deleted; anything else is
/// unknown.
pub(crate) fn visible_by_id(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<Dpia> {
    let unknown = || CoreError::validation("dpia", "unknown", format!("no DPIA with id {id}"));
    let filter = visible(conn, user)?;
    let mut params: Vec<Value> = vec![id.into()];
    params.extend(filter.params);
    let tenant: i64 = conn
        .query_row(
            &format!(
                "SELECT d.tenant_id FROM dpias d WHERE d.id = ? AND d.trash_id IS NULL AND {}",
                filter.sql
            ),
            params_from_iter(params),
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(unknown)?;
    crate::access::scope::tenant(conn, user, tenant).map_err(|_| unknown())?;
    load(conn, id)
}

/// Every live version of the activity's assessment, oldest first.
pub(crate) fn version_ids(conn: &Connection, activity_id: i64) -> CoreResult<Vec<i64>> {
    let ids = conn
        .prepare_cached(
            "SELECT id FROM dpias WHERE activity_id = ?1 AND trash_id IS NULL ORDER BY version",
        )?
        .query_map([activity_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// The current version of the activity's assessment, if it has one.
pub(crate) fn current_of_activity(conn: &Connection, activity_id: i64) -> CoreResult<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM dpias WHERE activity_id = ?1 AND is_current = 1 AND trash_id IS NULL",
            [activity_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// The current version of each assessment of a tenant the user may see, by activity name.
pub(crate) fn current_of_tenant(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<Dpia>> {
    let filter = visible(conn, user)?;
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(filter.params);
    let ids: Vec<i64> = conn
        .prepare(&format!(
            "SELECT d.id FROM dpias d JOIN processing_activities p ON p.id = d.activity_id
             WHERE d.tenant_id = ? AND d.is_current = 1 AND d.trash_id IS NULL AND p.trash_id IS NULL AND {}
             ORDER BY p.name COLLATE NOCASE, d.id",
            filter.sql
        ))?
        .query_map(params_from_iter(params), |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let matrix = matrix::current(conn)?;
    ids.into_iter()
        .map(|id| load_with(conn, id, &matrix))
        .collect()
}

/// The current assessments of a tenant the user may see, as list lines.
pub(crate) fn list(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<DpiaRow>> {
    let mut company_name = conn.prepare_cached("SELECT name FROM companies WHERE id = ?1")?;
    current_of_tenant(conn, user, tenant_id)?
        .into_iter()
        .map(|d| {
            Ok(DpiaRow {
                id: d.id,
                activity_id: d.activity_id,
                activity_name: d.activity_name.clone(),
                company_name: company_name.query_row([d.company_id], |r| r.get(0))?,
                version: d.version,
                status: d.status,
                sections_done: d.progress.iter().filter(|p| p.done).count() as i64,
                sections: d.progress.len() as i64,
                highest_level: d.risks.iter().filter_map(|r| r.level).max(),
                highest_residual: d.risks.iter().filter_map(|r| r.residual_level).max(),
                review_date: d.data.review_date,
                updated_at: d.updated_at,
            })
        })
        .collect()
}

pub(crate) fn count(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<i64> {
    let filter = visible(conn, user)?;
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(filter.params);
    Ok(conn.query_row(
        &format!(
            "SELECT COUNT(*) FROM dpias d JOIN processing_activities p ON p.id = d.activity_id
             WHERE d.tenant_id = ? AND d.is_current = 1 AND d.trash_id IS NULL AND p.trash_id IS NULL AND {}",
            filter.sql
        ),
        params_from_iter(params),
        |r| r.get(0),
    )?)
}

/// Activities whose check says "required" and that have no validated current DPIA, in the
/// tenants the user may open (the dashboard's count).
pub(crate) fn required_without_dpia(conn: &Connection, user: &UserRecord) -> CoreResult<i64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM dpia_checks c JOIN processing_activities p ON p.id = c.activity_id
         JOIN tenants t ON t.id = p.tenant_id
         WHERE c.verdict = 'required' AND p.trash_id IS NULL AND t.trash_id IS NULL
           AND (?1 OR EXISTS(SELECT 1 FROM user_tenants ut WHERE ut.user_id = ?2 AND ut.tenant_id = t.id))
           AND NOT EXISTS(SELECT 1 FROM dpias d WHERE d.activity_id = p.id AND d.is_current = 1
                          AND d.trash_id IS NULL AND d.status = 'validated')",
        rusqlite::params![user.is_admin, user.id],
        |r| r.get(0),
    )?)
}

/// Current, validated assessments whose review date has come or comes within 30 days.
pub(crate) fn reviews_due(
    conn: &Connection,
    user: &UserRecord,
    horizon: NaiveDate,
) -> CoreResult<Vec<(i64, String, String, NaiveDate)>> {
    let mut stmt = conn.prepare(
        "SELECT d.id, t.name, p.name, d.review_date FROM dpias d JOIN processing_activities p ON p.id = d.activity_id
         JOIN tenants t ON t.id = d.tenant_id
         WHERE d.is_current = 1 AND d.trash_id IS NULL AND p.trash_id IS NULL AND t.trash_id IS NULL
           AND d.review_date IS NOT NULL AND d.review_date <= ?3
           AND (?1 OR EXISTS(SELECT 1 FROM user_tenants ut WHERE ut.user_id = ?2 AND ut.tenant_id = t.id))
         ORDER BY d.review_date LIMIT 20",
    )?;
    let rows = stmt.query_map(rusqlite::params![user.is_admin, user.id, horizon], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
