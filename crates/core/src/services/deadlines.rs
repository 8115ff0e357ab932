//! The deadline dashboard (SPEC §7) and the alerts it raises: every domain's dated duties
//! from the registry, the next backup beside them, overdue first; and, per user, the
//! native notifications due for breaches and requests, each level at most once.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::domain::descriptor::{Deadline, DeadlineKind, DeadlineQuery};
use crate::domain::registry::DOMAINS;
use crate::kernel::clock::local_day;
use crate::kernel::deadline::{
    alert_due, breach_levels, minutes_left, request_levels, AlertLevel, BREACH_HOURS,
};
use crate::kernel::error::CoreResult;
use crate::kernel::text::{with, Language};
use crate::kernel::vocabulary::ObjectType;

/// How far ahead the dashboard looks (SPEC §7: "then the next 30 days").
pub const HORIZON_DAYS: i64 = 30;

/// How many items of one kind are overdue and how many come within the horizon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct KindCount {
    pub kind: DeadlineKind,
    pub overdue: i64,
    pub upcoming: i64,
}

/// The dashboard: overdue items (longest overdue first), then the next 30 days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DeadlineBoard {
    pub items: Vec<Deadline>,
    pub counts: Vec<KindCount>,
    pub horizon: chrono::NaiveDate,
}

/// Overdue first, then by due day (and instant, for the hours of a breach).
fn order(a: &Deadline, b: &Deadline) -> std::cmp::Ordering {
    b.overdue
        .cmp(&a.overdue)
        .then(a.due.cmp(&b.due))
        .then(a.due_at.cmp(&b.due_at))
        .then(a.kind.cmp(&b.kind))
        .then(a.tenant_name.cmp(&b.tenant_name))
        .then(a.id.cmp(&b.id))
}

/// Every due item the user may see: of the domains whose object type they may view.
pub(crate) fn collect(
    conn: &Connection,
    user: &UserRecord,
    may_view: &dyn Fn(ObjectType) -> CoreResult<bool>,
    query: &DeadlineQuery,
    backup: Option<Deadline>,
) -> CoreResult<DeadlineBoard> {
    let mut items = Vec::new();
    for domain in DOMAINS {
        let Some(source) = domain.deadlines else {
            continue;
        };
        let mut allowed = false;
        for object in domain.objects {
            allowed |= may_view(*object)?;
        }
        if allowed {
            items.extend(source(conn, user, query)?);
        }
    }
    items.extend(backup);
    items.sort_by(order);
    let mut counts: Vec<KindCount> = DeadlineKind::ALL
        .iter()
        .map(|kind| KindCount {
            kind: *kind,
            overdue: 0,
            upcoming: 0,
        })
        .collect();
    for item in &items {
        let count = counts
            .iter_mut()
            .find(|c| c.kind == item.kind)
            .expect("every kind is counted");
        if item.overdue {
            count.overdue += 1;
        } else {
            count.upcoming += 1;
        }
    }
    Ok(DeadlineBoard {
        items,
        counts,
        horizon: query.horizon,
    })
}

/// The query for the dashboard at `now`.
pub fn query(tenant_id: Option<i64>, now: DateTime<Utc>) -> DeadlineQuery {
    let today = local_day(now);
    DeadlineQuery {
        tenant_id,
        now,
        today,
        horizon: today + Duration::days(HORIZON_DAYS),
    }
}

/// A native notification to show now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DeadlineAlert {
    pub kind: DeadlineKind,
    pub id: i64,
    pub tenant_id: Option<i64>,
    pub level: AlertLevel,
    pub summary: String,
    pub body: String,
}

fn shown(conn: &Connection, user: &UserRecord, item: &Deadline) -> CoreResult<Vec<AlertLevel>> {
    let mut stmt = conn.prepare_cached(
        "SELECT level FROM deadline_alerts WHERE user_id = ?1 AND kind = ?2 AND record_id = ?3",
    )?;
    let levels = stmt
        .query_map(params![user.id, item.kind.as_str(), item.id], |r| {
            r.get::<_, String>(0)
        })?
        .filter_map(|l| l.ok().and_then(|l| AlertLevel::parse(&l)))
        .collect();
    Ok(levels)
}

/// The instant in the user's words.
fn local_time(language: Language, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&chrono::Local);
    match language {
        Language::German => local.format("%d.%m.%Y, %H:%M Uhr").to_string(),
        Language::English => local.format("%d/%m/%Y, %H:%M").to_string(),
    }
}

fn local_date(language: Language, day: chrono::NaiveDate) -> String {
    match language {
        Language::German => day.format("%d.%m.%Y").to_string(),
        Language::English => day.format("%d/%m/%Y").to_string(),
    }
}

/// "2 h 05 min" / "3 d 4 h" for a span of minutes.
fn span(minutes: i64) -> String {
    let minutes = minutes.abs();
    if minutes >= 24 * 60 {
        format!("{} d {} h", minutes / (24 * 60), (minutes % (24 * 60)) / 60)
    } else {
        format!("{} h {:02} min", minutes / 60, minutes % 60)
    }
}

fn alert_text(
    language: Language,
    item: &Deadline,
    level: AlertLevel,
    now: DateTime<Utc>,
) -> (String, String) {
    let place = item.tenant_name.as_str();
    match (item.kind, item.due_at) {
        (DeadlineKind::Breach, Some(due_at)) => {
            let left = minutes_left(due_at, now);
            let args = [
                ("title", item.title.as_str()),
                ("tenant", place),
                ("due", &local_time(language, due_at)),
                ("span", &span(left)),
            ];
            (
                with(
                    language,
                    &format!("alert-breach-{}-title", level.as_str()),
                    &args,
                ),
                with(
                    language,
                    &format!("alert-breach-{}-body", level.as_str()),
                    &args,
                ),
            )
        }
        _ => {
            // A notification can show on a locked screen: it names no data subject.
            let args = [("tenant", place), ("due", &local_date(language, item.due))];
            (
                with(
                    language,
                    &format!("alert-request-{}-title", level.as_str()),
                    &args,
                ),
                with(
                    language,
                    &format!("alert-request-{}-body", level.as_str()),
                    &args,
                ),
            )
        }
    }
}

/// The alerts due for the user now, noted as shown: per breach and request the most
/// urgent level reached and not shown yet (levels missed while the app was closed are
/// covered by it). `items` are the user's pending breaches and requests.
pub(crate) fn due_alerts(
    conn: &Connection,
    user: &UserRecord,
    items: &[Deadline],
    now: DateTime<Utc>,
) -> CoreResult<Vec<DeadlineAlert>> {
    let language = Language::of(user.language.as_deref());
    let today = local_day(now);
    let mut alerts = Vec::new();
    for item in items {
        let reached = match (item.kind, item.due_at) {
            (DeadlineKind::Breach, Some(due_at)) => {
                breach_levels(due_at - Duration::hours(BREACH_HOURS), now)
            }
            (DeadlineKind::Request, _) => request_levels(item.due, today),
            _ => continue,
        };
        let Some(level) = alert_due(&reached, &shown(conn, user, item)?) else {
            continue;
        };
        let mut note = conn.prepare_cached(
            "INSERT OR IGNORE INTO deadline_alerts (user_id, kind, record_id, level, shown_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for reached_level in reached.iter().filter(|l| **l <= level) {
            note.execute(params![
                user.id,
                item.kind.as_str(),
                item.id,
                reached_level.as_str(),
                now
            ])?;
        }
        let (summary, body) = alert_text(language, item, level, now);
        alerts.push(DeadlineAlert {
            kind: item.kind,
            id: item.id,
            tenant_id: item.tenant_id,
            level,
            summary,
            body,
        });
    }
    Ok(alerts)
}
