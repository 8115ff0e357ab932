//! The audit log as a DPO reads it (Art. 5(2) GDPR, accountability): who did what to which
//! record, named, with each changed field labelled and its values in words — linked master
//! data, users, areas and measures by name instead of by id. Filtered and searched in SQL,
//! exported as CSV or XLSX in the reader's language.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use ts_rs::TS;

use crate::kernel::error::CoreResult;
use crate::kernel::export::{json, table, ExportFormat, TableStyle};
use crate::kernel::text::{text, text_or, Language};

/// What the log is narrowed to; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditFilter {
    pub user: Option<String>,
    pub object_type: Option<String>,
    pub action: Option<String>,
    /// First day included.
    pub from: Option<NaiveDate>,
    /// Last day included.
    pub to: Option<NaiveDate>,
    /// Words anywhere in the entry: user, record name, values.
    pub text: Option<String>,
}

/// One changed field, labelled, with its change in words ("In review → Active",
/// "+ Art. 6(1)(b) GDPR").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldChange {
    pub field: String,
    pub label: String,
    pub change: String,
}

/// One audit entry as a person reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AuditLine {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub user_name: Option<String>,
    pub action: String,
    pub action_label: String,
    pub object_type: String,
    pub object_label: String,
    /// The record's name (as written in the entry, else as it is now); empty when none.
    pub object_name: String,
    pub changes: Vec<FieldChange>,
}

/// The users, object types and actions that occur in the log, for the filter's choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AuditChoices {
    pub users: Vec<String>,
    pub object_types: Vec<(String, String)>,
    pub actions: Vec<(String, String)>,
}

/// One field of a saved state of a record, labelled, its value in words; `differs` where
/// the record holds another value now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldValue {
    pub field: String,
    pub label: String,
    pub value: String,
    pub differs: bool,
}

/// Fields every record carries that say nothing a reader needs.
const QUIET: &[&str] = &["id", "tenant_id", "created_at", "updated_at", "data"];

fn where_clause(filter: &AuditFilter, before_id: Option<i64>) -> (String, Vec<SqlValue>) {
    let mut sql = vec!["1 = 1".to_string()];
    let mut params: Vec<SqlValue> = Vec::new();
    if let Some(id) = before_id {
        sql.push("id < ?".into());
        params.push(id.into());
    }
    let mut exact = |column: &str, value: &Option<String>| {
        if let Some(v) = value.as_ref().filter(|v| !v.is_empty()) {
            sql.push(format!("{column} = ?"));
            params.push(SqlValue::Text(v.clone()));
        }
    };
    exact("user_name", &filter.user);
    exact("object_type", &filter.object_type);
    exact("action", &filter.action);
    if let Some(from) = filter.from {
        sql.push("at >= ?".into());
        params.push(SqlValue::Text(day_start(from)));
    }
    if let Some(to) = filter.to {
        sql.push("at < ?".into());
        params.push(SqlValue::Text(day_start(to + Duration::days(1))));
    }
    for word in filter
        .text
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .filter(|w| !w.is_empty())
    {
        sql.push(
            "(COALESCE(user_name, '') || ' ' || object_type || ' ' || action || ' ' || COALESCE(object_id, '')
              || ' ' || COALESCE(old_value, '') || ' ' || COALESCE(new_value, '')) LIKE ? ESCAPE '\\'"
                .into(),
        );
        let escaped = word
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        params.push(SqlValue::Text(format!("%{escaped}%")));
    }
    (sql.join(" AND "), params)
}

/// The stored form of a timestamp at the start of a day (UTC), comparable as text.
fn day_start(day: NaiveDate) -> String {
    let at: DateTime<Utc> = day.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
    rusqlite::types::ToSql::to_sql(&at)
        .ok()
        .and_then(|v| match v {
            rusqlite::types::ToSqlOutput::Owned(SqlValue::Text(t)) => Some(t),
            _ => None,
        })
        .unwrap_or_else(|| at.to_rfc3339())
}

struct Raw {
    id: i64,
    at: DateTime<Utc>,
    user_name: Option<String>,
    action: String,
    object_type: String,
    object_id: Option<String>,
    old: Option<Value>,
    new: Option<Value>,
}

fn raw_entries(
    conn: &Connection,
    filter: &AuditFilter,
    limit: u32,
    before_id: Option<i64>,
) -> CoreResult<Vec<Raw>> {
    let (condition, mut params) = where_clause(filter, before_id);
    params.push(i64::from(limit).into());
    let mut stmt = conn.prepare(&format!(
        "SELECT id, at, user_name, action, object_type, object_id, old_value, new_value
         FROM audit_log WHERE {condition} ORDER BY id DESC LIMIT ?"
    ))?;
    let parse = |v: Option<String>| v.and_then(|s| serde_json::from_str(&s).ok());
    let rows = stmt.query_map(params_from_iter(params), |r| {
        Ok(Raw {
            id: r.get(0)?,
            at: r.get(1)?,
            user_name: r.get(2)?,
            action: r.get(3)?,
            object_type: r.get(4)?,
            object_id: r.get(5)?,
            old: parse(r.get(6)?),
            new: parse(r.get(7)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A page of the log, newest first, narrowed by `filter`, read in `language`.
pub fn lines(
    conn: &Connection,
    language: Language,
    filter: &AuditFilter,
    limit: u32,
    before_id: Option<i64>,
) -> CoreResult<Vec<AuditLine>> {
    let reader = Reader { conn, language };
    raw_entries(conn, filter, limit, before_id)?
        .into_iter()
        .map(|raw| reader.line(raw))
        .collect()
}

/// Every entry about one record, oldest first, read in `language`, each with the values it
/// wrote: the record's history is these rows.
pub fn record_entries(
    conn: &Connection,
    language: Language,
    object_type: &str,
    object_id: i64,
) -> CoreResult<Vec<(AuditLine, Option<Value>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, user_name, action, object_type, object_id, old_value, new_value
         FROM audit_log WHERE object_type = ?1 AND object_id = ?2 ORDER BY id",
    )?;
    let parse = |v: Option<String>| v.and_then(|s| serde_json::from_str(&s).ok());
    let raws = stmt
        .query_map(rusqlite::params![object_type, object_id.to_string()], |r| {
            Ok(Raw {
                id: r.get(0)?,
                at: r.get(1)?,
                user_name: r.get(2)?,
                action: r.get(3)?,
                object_type: r.get(4)?,
                object_id: r.get(5)?,
                old: parse(r.get(6)?),
                new: parse(r.get(7)?),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let reader = Reader { conn, language };
    raws.into_iter()
        .map(|raw| {
            let written = raw.new.clone();
            Ok((reader.line(raw)?, written))
        })
        .collect()
}

/// A saved state of a record field by field in words, each marked where `current` differs.
pub fn described(
    conn: &Connection,
    language: Language,
    object_type: &str,
    state: &Value,
    current: &Value,
) -> CoreResult<Vec<FieldValue>> {
    let reader = Reader { conn, language };
    let Some(fields) = state.as_object() else {
        return Ok(Vec::new());
    };
    let mut described = Vec::new();
    for (key, value) in fields.iter().filter(|(k, _)| !QUIET.contains(&k.as_str())) {
        let words = match key.as_str() {
            // Lists in words as the log writes them, each entry on its own.
            "links" | "tom_ids" => {
                let mut one = Map::new();
                one.insert(key.clone(), value.clone());
                reader
                    .diff(object_type, &Map::new(), &one)?
                    .into_iter()
                    .map(|c| c.change)
                    .collect::<Vec<_>>()
                    .join("; ")
            }
            _ => reader.value(object_type, key, value)?,
        };
        described.push(FieldValue {
            label: reader.label(object_type, key),
            value: words,
            differs: current.get(key) != Some(value),
            field: key.clone(),
        });
    }
    Ok(described)
}

/// Who, what and which kinds of record occur in the log, labelled.
pub fn choices(conn: &Connection, language: Language) -> CoreResult<AuditChoices> {
    let distinct = |column: &str| -> CoreResult<Vec<String>> {
        let mut stmt = conn.prepare(&format!(
            "SELECT DISTINCT {column} FROM audit_log WHERE {column} IS NOT NULL ORDER BY {column} COLLATE NOCASE"
        ))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    };
    let labelled = |codes: Vec<String>, label: &dyn Fn(&str) -> String| {
        let mut pairs: Vec<(String, String)> = codes
            .into_iter()
            .map(|c| {
                let l = label(&c);
                (c, l)
            })
            .collect();
        pairs.sort_by_key(|p| p.1.to_lowercase());
        pairs
    };
    Ok(AuditChoices {
        users: distinct("user_name")?,
        object_types: labelled(distinct("object_type")?, &|c| object_label(language, c)),
        actions: labelled(distinct("action")?, &|c| action_label(language, c)),
    })
}

/// The filtered log as a file: CSV or XLSX one row per changed field (so a spreadsheet
/// filter finds every change of a field), JSON as the entries.
pub fn file(
    conn: &Connection,
    style: TableStyle,
    filter: &AuditFilter,
    format: ExportFormat,
) -> CoreResult<Vec<u8>> {
    let all = lines(conn, style.language, filter, u32::MAX, None)?;
    match format {
        ExportFormat::Json => Ok(json(&all)),
        ExportFormat::Csv | ExportFormat::Xlsx => table(
            format,
            style,
            &[
                "column-audit-at",
                "column-audit-user",
                "column-audit-action",
                "column-audit-object-type",
                "column-audit-object",
                "column-audit-field",
                "column-audit-change",
            ],
            all.iter().flat_map(|l| {
                let head = vec![
                    l.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
                    l.user_name
                        .clone()
                        .unwrap_or_else(|| text(style.language, "audit-system")),
                    l.action_label.clone(),
                    l.object_label.clone(),
                    l.object_name.clone(),
                ];
                let changes: Vec<(String, String)> = if l.changes.is_empty() {
                    vec![(String::new(), String::new())]
                } else {
                    l.changes
                        .iter()
                        .map(|c| (c.label.clone(), c.change.clone()))
                        .collect()
                };
                changes
                    .into_iter()
                    .map(|(label, change)| {
                        let mut row = head.clone();
                        row.push(label);
                        row.push(change);
                        row
                    })
                    .collect::<Vec<_>>()
            }),
        ),
    }
}

fn humanised(code: &str) -> String {
    let words = code.replace(['_', '.'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn action_label(language: Language, action: &str) -> String {
    text_or(language, &format!("audit-action-{action}")).unwrap_or_else(|| humanised(action))
}

pub fn object_label(language: Language, object_type: &str) -> String {
    text_or(language, &format!("audit-object-{object_type}"))
        .unwrap_or_else(|| humanised(object_type))
}

const MASTER_KINDS: &[&str] = &[
    "business_process",
    "application",
    "data_category",
    "person_group",
    "legal_basis",
    "retention_period",
    "recipient",
    "third_country",
    "person",
    "customer",
    "processor",
];

struct Reader<'a> {
    conn: &'a Connection,
    language: Language,
}

impl Reader<'_> {
    fn line(&self, raw: Raw) -> CoreResult<AuditLine> {
        let object_name = self.object_name(&raw)?;
        let scalar = |v: &Option<Value>| matches!(v, Some(v) if !v.is_object() && !v.is_null());
        let changes = match (&raw.old, &raw.new) {
            (Some(Value::Object(old)), Some(Value::Object(new))) if raw.action != "copy" => {
                self.diff(&raw.object_type, old, new)?
            }
            // A single value changed (a setting): old → new.
            (old, new) if scalar(old) || scalar(new) => {
                let word = |v: &Option<Value>| {
                    self.value(
                        &raw.object_type,
                        "value",
                        v.as_ref().unwrap_or(&Value::Null),
                    )
                };
                vec![FieldChange {
                    field: "value".into(),
                    label: text(self.language, "audit-field-value"),
                    change: format!("{} → {}", word(old)?, word(new)?),
                }]
            }
            _ => Vec::new(),
        };
        Ok(AuditLine {
            id: raw.id,
            at: raw.at,
            user_name: raw.user_name,
            action_label: action_label(self.language, &raw.action),
            action: raw.action,
            object_label: object_label(self.language, &raw.object_type),
            object_type: raw.object_type,
            object_name,
            changes,
        })
    }

    fn object_name(&self, raw: &Raw) -> CoreResult<String> {
        for value in [&raw.new, &raw.old].into_iter().flatten() {
            for key in ["name", "title", "user_name"] {
                if let Some(name) = value.get(key).and_then(Value::as_str) {
                    if !name.is_empty() {
                        return Ok(name.to_string());
                    }
                }
            }
        }
        let Some(id) = raw.object_id.as_deref().and_then(|i| i.parse::<i64>().ok()) else {
            let key = raw.object_id.clone().unwrap_or_default();
            // A setting by its name in words ("Backup reminder (days)"), else its key.
            return Ok(text_or(
                self.language,
                &format!("audit-setting-{}", key.replace(['.', '_'], "-")),
            )
            .unwrap_or(key));
        };
        let sql = match raw.object_type.as_str() {
            "tenant" => "SELECT name FROM tenants WHERE id = ?1",
            "company" => "SELECT name FROM companies WHERE id = ?1",
            "area" => "SELECT name FROM areas WHERE id = ?1",
            "processing_activity" => "SELECT name FROM processing_activities WHERE id = ?1",
            "tom" => "SELECT title FROM toms WHERE id = ?1",
            "dpia" => {
                "SELECT p.name FROM dpias d JOIN processing_activities p ON p.id = d.activity_id WHERE d.id = ?1"
            }
            "user" | "session" => "SELECT name FROM users WHERE id = ?1",
            "role" => "SELECT name FROM roles WHERE id = ?1",
            kind if MASTER_KINDS.contains(&kind) => "SELECT name FROM master_items WHERE id = ?1",
            _ => return Ok(String::new()),
        };
        Ok(self
            .conn
            .prepare_cached(sql)?
            .query_row([id], |r| r.get::<_, String>(0))
            .optional()?
            .unwrap_or_default())
    }

    fn diff(
        &self,
        object_type: &str,
        old: &Map<String, Value>,
        new: &Map<String, Value>,
    ) -> CoreResult<Vec<FieldChange>> {
        let keys: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
        let mut changes = Vec::new();
        // In the order the record's fields are stored, as far as the JSON keeps it.
        let ordered: Vec<&String> = new
            .keys()
            .chain(old.keys())
            .filter(|k| keys.contains(k))
            .fold(Vec::new(), |mut seen, k| {
                if !seen.contains(&k) {
                    seen.push(k);
                }
                seen
            });
        for key in ordered {
            if QUIET.contains(&key.as_str()) {
                continue;
            }
            let (before, after) = (
                old.get(key).unwrap_or(&Value::Null),
                new.get(key).unwrap_or(&Value::Null),
            );
            if before == after {
                continue;
            }
            match key.as_str() {
                "links" => changes.extend(self.link_changes(before, after)?),
                "tom_ids" => {
                    let change = self.set_change(before, after, |id| self.tom_title(id))?;
                    if !change.is_empty() {
                        changes.push(FieldChange {
                            field: key.clone(),
                            label: self.label(object_type, key),
                            change,
                        });
                    }
                }
                _ => {
                    let (b, a) = (
                        self.value(object_type, key, before)?,
                        self.value(object_type, key, after)?,
                    );
                    if b != a {
                        changes.push(FieldChange {
                            field: key.clone(),
                            label: self.label(object_type, key),
                            change: format!("{b} → {a}"),
                        });
                    }
                }
            }
        }
        Ok(changes)
    }

    fn label(&self, object_type: &str, field: &str) -> String {
        let prefix = match object_type {
            "processing_activity" => "activity",
            "company" => "company",
            "area" => "area",
            "tenant" => "tenant",
            "tom" => "tom",
            "dpia" => "dpia",
            kind if MASTER_KINDS.contains(&kind) => "master",
            other => other,
        };
        let column = match (prefix, field) {
            ("activity", "editor_id") | ("tom", "editor_id") => "editor".to_string(),
            ("activity", "area_id") => "area".into(),
            ("activity", "business_process_id") => "business-process".into(),
            ("activity", "review_planned") => "next-review".into(),
            ("activity", "review_done") => "last-review".into(),
            ("activity", "dpia_required") => "dpia".into(),
            ("activity", "specific_toms") => "further-measures".into(),
            ("activity", "tom_ids") => "specific-toms".into(),
            ("company", "is_controller") => "controller".into(),
            ("company", "is_processor") => "processor".into(),
            ("area", "company_id") => "company".into(),
            ("tenant", "is_template") => "template".into(),
            ("tenant", "archived_at") => "archived".into(),
            ("master", "flag") | ("master", "special_category") => "special-category".into(),
            _ => field.replace('_', "-"),
        };
        text_or(self.language, &format!("column-{prefix}-{column}"))
            .or_else(|| text_or(self.language, &format!("audit-field-{field}")))
            .unwrap_or_else(|| humanised(field))
    }

    /// A stored value in words: codes as labels, ids as names, flags as yes/no.
    fn value(&self, object_type: &str, field: &str, value: &Value) -> CoreResult<String> {
        let l = self.language;
        let coded = |prefix: &str, code: &str| {
            text_or(l, &format!("{prefix}-{code}")).unwrap_or_else(|| code.to_string())
        };
        Ok(match value {
            Value::Null => "—".into(),
            Value::Bool(true) => text(l, "value-yes"),
            Value::Bool(false) => text(l, "value-no"),
            Value::String(s) if s.is_empty() => "—".into(),
            Value::String(s) => match (object_type, field) {
                ("processing_activity", "status") => coded("activity-status", s),
                ("processing_activity", "role") => coded("ropa", s),
                ("processing_activity", "dpia_required") => coded("dpia-necessity", s),
                ("tom", "status") => coded("tom-status", s),
                ("tom", "kind") => coded("tom-kind", s),
                ("tom", "protection_type") => coded("protection-type", s),
                ("dpia", "status") => coded("dpia-status", s),
                (_, "category") => coded("master-category", s),
                _ => {
                    let short: String = s.chars().take(300).collect();
                    if short.len() < s.len() {
                        format!("{short}…")
                    } else {
                        short
                    }
                }
            },
            Value::Number(n) => {
                let id = n.as_i64();
                let named = match (field, id) {
                    ("editor_id" | "user_id", Some(id)) => {
                        self.name_of("SELECT name FROM users WHERE id = ?1", id)?
                    }
                    ("area_id", Some(id)) => self.name_of(
                        "SELECT a.name || ' · ' || c.name FROM areas a JOIN companies c ON c.id = a.company_id WHERE a.id = ?1",
                        id,
                    )?,
                    ("company_id", Some(id)) => {
                        self.name_of("SELECT name FROM companies WHERE id = ?1", id)?
                    }
                    ("business_process_id" | "item_id", Some(id)) => {
                        self.name_of("SELECT name FROM master_items WHERE id = ?1", id)?
                    }
                    _ => None,
                };
                named.unwrap_or_else(|| n.to_string())
            }
            Value::Array(items) if items.is_empty() => "—".into(),
            Value::Array(items) => items
                .iter()
                .map(|i| self.value(object_type, field, i))
                .collect::<CoreResult<Vec<_>>>()?
                .join("; "),
            Value::Object(map) => map
                .iter()
                .filter(|(_, v)| !matches!(v, Value::Null | Value::Bool(false)))
                .filter(|(_, v)| v.as_str() != Some(""))
                .map(|(k, v)| {
                    Ok(format!(
                        "{}: {}",
                        self.label(object_type, k),
                        self.value(object_type, k, v)?
                    ))
                })
                .collect::<CoreResult<Vec<_>>>()?
                .join(", "),
        })
    }

    fn name_of(&self, sql: &str, id: i64) -> CoreResult<Option<String>> {
        Ok(self
            .conn
            .prepare_cached(sql)?
            .query_row([id], |r| r.get::<_, String>(0))
            .optional()?)
    }

    fn tom_title(&self, id: i64) -> CoreResult<String> {
        Ok(self
            .name_of("SELECT title FROM toms WHERE id = ?1", id)?
            .unwrap_or_else(|| format!("#{id}")))
    }

    /// "+ added; − removed" between two lists of ids.
    fn set_change(
        &self,
        before: &Value,
        after: &Value,
        name: impl Fn(i64) -> CoreResult<String>,
    ) -> CoreResult<String> {
        let ids = |v: &Value| -> BTreeSet<i64> {
            v.as_array()
                .map(|a| a.iter().filter_map(Value::as_i64).collect())
                .unwrap_or_default()
        };
        let (b, a) = (ids(before), ids(after));
        let mut parts = Vec::new();
        for id in a.difference(&b) {
            parts.push(format!("+ {}", name(*id)?));
        }
        for id in b.difference(&a) {
            parts.push(format!("− {}", name(*id)?));
        }
        Ok(parts.join("; "))
    }

    /// An activity's links, one change per kind of master data ("Legal bases: + …").
    fn link_changes(&self, before: &Value, after: &Value) -> CoreResult<Vec<FieldChange>> {
        let links = |v: &Value| -> BTreeSet<(i64, String)> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|l| {
                            Some((
                                l.get("item_id")?.as_i64()?,
                                l.get("detail")
                                    .and_then(Value::as_str)
                                    .unwrap_or("")
                                    .to_string(),
                            ))
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let (b, a) = (links(before), links(after));
        let mut per_kind: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        let mut describe = |sign: &str, (id, detail): &(i64, String)| -> CoreResult<()> {
            let (kind, name): (String, String) = self
                .conn
                .prepare_cached("SELECT kind, name FROM master_items WHERE id = ?1")?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?
                .unwrap_or_else(|| ("link".into(), format!("#{id}")));
            let detail = if detail.is_empty() {
                String::new()
            } else {
                format!(
                    " ({})",
                    text_or(self.language, &format!("safeguard-{detail}"))
                        .unwrap_or_else(|| detail.clone())
                )
            };
            per_kind
                .entry(kind)
                .or_default()
                .push(format!("{sign} {name}{detail}"));
            Ok(())
        };
        for link in a.difference(&b) {
            describe("+", link)?;
        }
        for link in b.difference(&a) {
            describe("−", link)?;
        }
        Ok(per_kind
            .into_iter()
            .map(|(kind, parts)| FieldChange {
                label: text_or(
                    self.language,
                    &format!("column-activity-{}", link_column(&kind)),
                )
                .unwrap_or_else(|| object_label(self.language, &kind)),
                field: format!("links.{kind}"),
                change: parts.join("; "),
            })
            .collect())
    }
}

fn link_column(kind: &str) -> &'static str {
    match kind {
        "application" => "applications",
        "data_category" => "data-categories",
        "person_group" => "person-groups",
        "legal_basis" => "legal-bases",
        "retention_period" => "retention-periods",
        "recipient" => "recipients",
        "processor" => "processors",
        "third_country" => "third-countries",
        _ => "links",
    }
}
