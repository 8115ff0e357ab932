//! An activity's links to the tenant's master data. A transfer to a third country carries
//! its safeguard (Art. 44 ff. GDPR).

use std::collections::HashMap;

use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::master_data::MasterKind;
use crate::kernel::error::{CoreError, CoreResult};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActivityLink {
    pub item_id: i64,
    /// For a third country: the safeguard's snake_case name; empty otherwise.
    pub detail: String,
}

/// The legal ground of a transfer to a third country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Safeguard {
    AdequacyDecision,
    StandardContractualClauses,
    BindingCorporateRules,
    Art49Derogation,
}

crate::kernel::vocabulary::snake_names!(Safeguard);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LinkedItem {
    pub item_id: i64,
    pub kind: MasterKind,
    pub name: String,
    pub detail: String,
    /// The item's code (a legal basis's article, a country's ISO code).
    pub code: String,
    pub special_category: bool,
    /// A country inside the EU/EEA: linked to say where data is processed, never a transfer.
    pub in_eu_eea: bool,
}

/// The names of the linked items of `kind`, in link order.
pub fn names_of(linked: &[LinkedItem], kind: MasterKind) -> Vec<String> {
    linked
        .iter()
        .filter(|i| i.kind == kind)
        .map(|i| i.name.clone())
        .collect()
}

/// Each third country with the safeguard of its transfer, in `language`; EU/EEA states are
/// no transfer and are left out
/// ("Vereinigte Staaten — Standardvertragsklauseln (Art. 46 Abs. 2 lit. c DSGVO)").
pub fn transfers<'a>(
    linked: impl IntoIterator<Item = &'a LinkedItem>,
    language: crate::kernel::text::Language,
) -> Vec<String> {
    use crate::kernel::text::text;
    linked
        .into_iter()
        .filter(|i| i.kind == MasterKind::ThirdCountry && !i.in_eu_eea)
        .map(|i| {
            let safeguard = if i.detail.is_empty() {
                text(language, "safeguard-none")
            } else {
                text(language, &format!("safeguard-{}", i.detail))
            };
            format!("{} — {safeguard}", i.name)
        })
        .collect()
}

impl LinkedItem {
    pub fn as_link(&self) -> ActivityLink {
        ActivityLink {
            item_id: self.item_id,
            detail: self.detail.clone(),
        }
    }
}

/// Kinds an activity links to; business processes have a field of their own, persons and
/// customers are not part of the record.
const LINKABLE: &[MasterKind] = &[
    MasterKind::Application,
    MasterKind::DataCategory,
    MasterKind::PersonGroup,
    MasterKind::LegalBasis,
    MasterKind::RetentionPeriod,
    MasterKind::Recipient,
    MasterKind::Processor,
    MasterKind::ThirdCountry,
];

const SELECT: &str = "SELECT l.activity_id, l.item_id, m.kind, m.name, l.detail, m.flag,
                             m.kind = 'third_country' AND m.category = 'eu_eea', m.code
                      FROM activity_links l JOIN master_items m ON m.id = l.item_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<(i64, LinkedItem)> {
    let kind: String = r.get(2)?;
    Ok((
        r.get(0)?,
        LinkedItem {
            item_id: r.get(1)?,
            kind: MasterKind::parse(&kind).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    2,
                    rusqlite::types::Type::Text,
                    kind.into(),
                )
            })?,
            name: r.get(3)?,
            detail: r.get(4)?,
            special_category: r.get(5)?,
            in_eu_eea: r.get(6)?,
            code: r.get(7)?,
        },
    ))
}

pub(crate) fn links_of(conn: &Connection, activity_id: i64) -> CoreResult<Vec<LinkedItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE l.activity_id = ?1 AND m.trash_id IS NULL ORDER BY m.kind, m.name COLLATE NOCASE"
    ))?;
    let rows = stmt.query_map([activity_id], from_row)?;
    Ok(rows
        .map(|r| r.map(|(_, item)| item))
        .collect::<Result<_, _>>()?)
}

/// All links of a tenant's activities, by activity id (one query for an export).
pub(crate) fn links_of_tenant(
    conn: &Connection,
    tenant_id: i64,
) -> CoreResult<HashMap<i64, Vec<LinkedItem>>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE m.tenant_id = ?1 AND m.trash_id IS NULL ORDER BY l.activity_id, m.kind, m.name COLLATE NOCASE"
    ))?;
    let mut map: HashMap<i64, Vec<LinkedItem>> = HashMap::new();
    for row in stmt.query_map([tenant_id], from_row)? {
        let (activity, item) = row?;
        map.entry(activity).or_default().push(item);
    }
    Ok(map)
}

/// Checks the links against the tenant's master data and normalises them (no repeats, a
/// safeguard only where a third country needs one).
pub(crate) fn validated(
    conn: &Connection,
    tenant_id: i64,
    links: &[ActivityLink],
) -> CoreResult<Vec<ActivityLink>> {
    let mut out: Vec<ActivityLink> = Vec::new();
    for link in links {
        if out.iter().any(|l| l.item_id == link.item_id) {
            continue;
        }
        let found: Option<(String, String)> = {
            use rusqlite::OptionalExtension;
            conn.prepare_cached(
                "SELECT kind, category FROM master_items WHERE id = ?1 AND tenant_id = ?2 AND trash_id IS NULL",
            )?
            .query_row(params![link.item_id, tenant_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
        };
        let unknown = || {
            CoreError::validation(
                "links",
                "unknown",
                format!("no master data item {} in this tenant", link.item_id),
            )
        };
        let (kind, category) = found.ok_or_else(unknown)?;
        let kind = MasterKind::parse(&kind).ok_or_else(unknown)?;
        if !LINKABLE.contains(&kind) {
            return Err(CoreError::validation(
                "links",
                "kind",
                format!("a processing activity does not link to a {kind}"),
            ));
        }
        let detail = if kind == MasterKind::ThirdCountry {
            let given = link.detail.trim();
            // Inside the EU/EEA there is no transfer to justify.
            if category == "eu_eea" {
                String::new()
            } else if given.is_empty() && category == "adequacy_decision" {
                Safeguard::AdequacyDecision.as_str().to_string()
            } else {
                Safeguard::parse(given)
                    .ok_or_else(|| {
                        CoreError::validation(
                            "safeguard",
                            "required",
                            "a transfer to a third country needs its safeguard",
                        )
                    })?
                    .as_str()
                    .to_string()
            }
        } else {
            String::new()
        };
        out.push(ActivityLink {
            item_id: link.item_id,
            detail,
        });
    }
    Ok(out)
}

pub(crate) fn replace(
    conn: &Connection,
    activity_id: i64,
    links: &[ActivityLink],
) -> CoreResult<()> {
    conn.prepare_cached("DELETE FROM activity_links WHERE activity_id = ?1")?
        .execute([activity_id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO activity_links (activity_id, item_id, detail) VALUES (?1, ?2, ?3)",
    )?;
    for link in links {
        insert.execute(params![activity_id, link.item_id, link.detail])?;
    }
    Ok(())
}
