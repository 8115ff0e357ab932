//! Personal data breaches (SPEC §7, Art. 33/34 GDPR) of a tenant: what happened and when it
//! was discovered, whom and what it concerns, the risk assessment that decides whether the
//! authority and the data subjects must be told, and those notifications. The 72-hour
//! clock is computed from the discovery, never stored. Every breach stays in the register
//! (Art. 33(5)); reads apply the user's visibility restrictions in SQL.

pub mod descriptor;
pub mod export;
mod write;

pub use write::BreachField;
pub(crate) use write::{create, delete, mass_change, update, write};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::access::visibility::{self, Columns, Filter};
use crate::kernel::deadline::{breach_deadline, minutes_left};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::{snake_names, ObjectType};
use crate::store::attachments::{self, RecordAttachment};
use crate::store::rows::parsed;

/// The risk to the rights and freedoms of natural persons (Art. 33(1), 34(1)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum BreachRisk {
    /// Until assessed, the breach is treated as notifiable: the clock runs.
    NotAssessed,
    /// Unlikely to result in a risk: recorded, not notified.
    NoRisk,
    /// The authority must be notified.
    Risk,
    /// The authority and the data subjects must be notified.
    HighRisk,
}

snake_names!(BreachRisk);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum BreachStatus {
    Open,
    Closed,
}

snake_names!(BreachStatus);

/// Where the notification of the authority stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum ClockState {
    /// Notifiable, not notified, more than 24 hours left.
    Running,
    /// Less than 24 hours left.
    Urgent,
    /// The 72 hours have passed without a notification.
    Overdue,
    NotifiedInTime,
    NotifiedLate,
    /// Assessed as unlikely to result in a risk.
    NotRequired,
}

snake_names!(ClockState);

/// What a person fills in for a breach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BreachInput {
    pub tenant_id: i64,
    pub title: String,
    /// When the controller became aware of it: the 72 hours run from here.
    pub discovered_at: DateTime<Utc>,
    /// When or over which period it happened, as far as known.
    pub occurred: String,
    pub description: String,
    pub subject_categories: String,
    pub subjects_approx: String,
    pub record_categories: String,
    pub records_approx: String,
    pub consequences: String,
    pub measures_taken: String,
    pub measures_proposed: String,
    pub risk: BreachRisk,
    pub risk_reasons: String,
    pub authority_notified_at: Option<DateTime<Utc>>,
    pub authority_reference: String,
    /// Why the notification came after 72 hours (Art. 33(1)).
    pub late_reasons: String,
    pub subjects_notified_on: Option<NaiveDate>,
    pub subjects_notified_how: String,
    /// Why the data subjects were not told although the risk is high (Art. 34(3)).
    pub subjects_not_notified_reason: String,
    pub status: BreachStatus,
    pub editor_id: Option<i64>,
}

impl BreachInput {
    /// A new open breach, not yet assessed, with only what the command line asks for.
    pub fn new(tenant_id: i64, discovered_at: DateTime<Utc>, title: &str) -> Self {
        BreachInput {
            tenant_id,
            title: title.into(),
            discovered_at,
            occurred: String::new(),
            description: String::new(),
            subject_categories: String::new(),
            subjects_approx: String::new(),
            record_categories: String::new(),
            records_approx: String::new(),
            consequences: String::new(),
            measures_taken: String::new(),
            measures_proposed: String::new(),
            risk: BreachRisk::NotAssessed,
            risk_reasons: String::new(),
            authority_notified_at: None,
            authority_reference: String::new(),
            late_reasons: String::new(),
            subjects_notified_on: None,
            subjects_notified_how: String::new(),
            subjects_not_notified_reason: String::new(),
            status: BreachStatus::Open,
            editor_id: None,
        }
    }

    /// Whether the authority must be told: unless assessed as no risk.
    pub fn authority_required(&self) -> bool {
        self.risk != BreachRisk::NoRisk
    }
}

/// The 72-hour clock of a breach at a given instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BreachClock {
    pub authority_deadline: DateTime<Utc>,
    /// Whole minutes to the deadline; negative once passed.
    pub minutes_left: i64,
    /// Whole hours to the deadline, rounded down; negative once passed.
    pub hours_left: i64,
    pub clock: ClockState,
    pub authority_required: bool,
    pub subjects_required: bool,
}

impl BreachClock {
    pub fn of(data: &BreachInput, now: DateTime<Utc>) -> Self {
        let deadline = breach_deadline(data.discovered_at);
        let left = minutes_left(deadline, now);
        let clock = match data.authority_notified_at {
            _ if !data.authority_required() => ClockState::NotRequired,
            Some(at) if at <= deadline => ClockState::NotifiedInTime,
            Some(_) => ClockState::NotifiedLate,
            None if left < 0 => ClockState::Overdue,
            None if left < 24 * 60 => ClockState::Urgent,
            None => ClockState::Running,
        };
        BreachClock {
            authority_deadline: deadline,
            minutes_left: left,
            hours_left: left.div_euclid(60),
            clock,
            authority_required: data.authority_required(),
            subjects_required: data.risk == BreachRisk::HighRisk,
        }
    }

    /// Whether the clock still runs (notifiable, not notified).
    pub fn running(&self) -> bool {
        matches!(
            self.clock,
            ClockState::Running | ClockState::Urgent | ClockState::Overdue
        )
    }
}

/// One breach with its files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Breach {
    pub id: i64,
    #[serde(flatten)]
    pub data: BreachInput,
    #[serde(flatten)]
    pub timing: BreachClock,
    pub attachments: Vec<RecordAttachment>,
    pub editor_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One line of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BreachRow {
    pub id: i64,
    pub title: String,
    pub discovered_at: DateTime<Utc>,
    pub risk: BreachRisk,
    pub status: BreachStatus,
    pub authority_notified_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub timing: BreachClock,
    pub editor_name: Option<String>,
    pub updated_at: DateTime<Utc>,
}

const COLUMNS: Columns = Columns {
    editor: Some("b.editor_id"),
    area_name: None,
    status: None,
    top_folder: None,
};

const DETAIL: &str =
    "SELECT b.id, b.tenant_id, b.title, b.discovered_at, b.occurred, b.description,
        b.subject_categories, b.subjects_approx, b.record_categories, b.records_approx,
        b.consequences, b.measures_taken, b.measures_proposed, b.risk, b.risk_reasons,
        b.authority_notified_at, b.authority_reference, b.late_reasons, b.subjects_notified_on,
        b.subjects_notified_how, b.subjects_not_notified_reason, b.status, b.editor_id,
        u.name, b.created_at, b.updated_at
    FROM data_breaches b LEFT JOIN users u ON u.id = b.editor_id";

fn data_from_row(r: &Row<'_>) -> rusqlite::Result<BreachInput> {
    Ok(BreachInput {
        tenant_id: r.get(1)?,
        title: r.get(2)?,
        discovered_at: r.get(3)?,
        occurred: r.get(4)?,
        description: r.get(5)?,
        subject_categories: r.get(6)?,
        subjects_approx: r.get(7)?,
        record_categories: r.get(8)?,
        records_approx: r.get(9)?,
        consequences: r.get(10)?,
        measures_taken: r.get(11)?,
        measures_proposed: r.get(12)?,
        risk: parsed(13, r.get(13)?, BreachRisk::parse)?,
        risk_reasons: r.get(14)?,
        authority_notified_at: r.get(15)?,
        authority_reference: r.get(16)?,
        late_reasons: r.get(17)?,
        subjects_notified_on: r.get(18)?,
        subjects_notified_how: r.get(19)?,
        subjects_not_notified_reason: r.get(20)?,
        status: parsed(21, r.get(21)?, BreachStatus::parse)?,
        editor_id: r.get(22)?,
    })
}

pub(crate) fn visible(conn: &Connection, user: &UserRecord) -> CoreResult<Filter> {
    visibility::filter(conn, user, ObjectType::Breach, &COLUMNS)
}

fn scope(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<(String, Vec<Value>)> {
    let visible = visible(conn, user)?;
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(visible.params);
    Ok((
        format!("b.tenant_id = ? AND b.trash_id IS NULL AND {}", visible.sql),
        params,
    ))
}

/// Running clocks first, the least time left first; then the rest, newest discovery first.
fn list_order(a: &BreachRow, b: &BreachRow) -> std::cmp::Ordering {
    b.timing
        .running()
        .cmp(&a.timing.running())
        .then_with(|| {
            if a.timing.running() {
                a.timing.minutes_left.cmp(&b.timing.minutes_left)
            } else {
                b.discovered_at.cmp(&a.discovered_at)
            }
        })
        .then(a.id.cmp(&b.id))
}

/// The breaches of a tenant the user may see, running clocks first.
pub(crate) fn list(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    now: DateTime<Utc>,
) -> CoreResult<Vec<BreachRow>> {
    let (condition, params) = scope(conn, user, tenant_id)?;
    let mut stmt = conn.prepare(&format!("{DETAIL} WHERE {condition}"))?;
    let mut rows = stmt
        .query_map(params_from_iter(params), |r| {
            let data = data_from_row(r)?;
            Ok(BreachRow {
                id: r.get(0)?,
                timing: BreachClock::of(&data, now),
                title: data.title,
                discovered_at: data.discovered_at,
                risk: data.risk,
                status: data.status,
                authority_notified_at: data.authority_notified_at,
                editor_name: r.get(23)?,
                updated_at: r.get(25)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.sort_by(list_order);
    Ok(rows)
}

/// The full records of the tenant's visible breaches (exports), in list order.
pub(crate) fn full_list(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    now: DateTime<Utc>,
) -> CoreResult<Vec<Breach>> {
    list(conn, user, tenant_id, now)?
        .into_iter()
        .map(|r| load(conn, r.id, now))
        .collect()
}

pub(crate) fn count(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<i64> {
    let (condition, params) = scope(conn, user, tenant_id)?;
    Ok(conn.query_row(
        &format!("SELECT COUNT(*) FROM data_breaches b WHERE {condition}"),
        params_from_iter(params),
        |r| r.get(0),
    )?)
}

/// The ids of all live breaches of a tenant, without visibility (tenant files).
pub(crate) fn ids_of_tenant(conn: &Connection, tenant_id: i64) -> CoreResult<Vec<i64>> {
    let ids = conn
        .prepare(
            "SELECT id FROM data_breaches WHERE tenant_id = ?1 AND trash_id IS NULL
             ORDER BY discovered_at, id",
        )?
        .query_map([tenant_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// Any breach by id, deleted or hidden or not.
pub(crate) fn load(conn: &Connection, id: i64, now: DateTime<Utc>) -> CoreResult<Breach> {
    let (data, editor_name, created_at, updated_at) =
        conn.query_row(&format!("{DETAIL} WHERE b.id = ?1"), [id], |r| {
            Ok((data_from_row(r)?, r.get(23)?, r.get(24)?, r.get(25)?))
        })?;
    Ok(Breach {
        id,
        timing: BreachClock::of(&data, now),
        data,
        attachments: attachments::list(conn, ObjectType::Breach, id)?,
        editor_name,
        created_at,
        updated_at,
    })
}

/// One breach the user may see, in a tenant they may open and not deleted.
pub(crate) fn visible_by_id(
    conn: &Connection,
    user: &UserRecord,
    id: i64,
    now: DateTime<Utc>,
) -> CoreResult<Breach> {
    let unknown = || CoreError::validation("breach", "unknown", format!("no breach with id {id}"));
    let visible = visible(conn, user)?;
    let mut params: Vec<Value> = vec![id.into()];
    params.extend(visible.params);
    let tenant_id: i64 = conn
        .query_row(
            &format!(
                "SELECT b.tenant_id FROM data_breaches b WHERE b.id = ? AND b.trash_id IS NULL AND {}",
                visible.sql
            ),
            params_from_iter(params),
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(unknown)?;
    crate::access::scope::tenant(conn, user, tenant_id).map_err(|_| unknown())?;
    load(conn, id, now)
}
