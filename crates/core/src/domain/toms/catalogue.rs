//! The shipped catalogue of measures (SPEC §5): data files, one per language
//! (`crates/core/catalogue/toms/<lang>.json`), written in our own words from the facts in
//! DOMAIN-FACTS §A. Every new tenant receives the whole catalogue, in review and valid for
//! no company yet: adopting it is the DPO's work.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::Deserialize;

use super::{write::write, Art32Goal, ProtectionType, SdmGoal, TomInput, TomKind, TomStatus};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::text::Language;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub language: String,
    pub measures: Vec<CatalogueMeasure>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueMeasure {
    pub key: String,
    pub protection_type: ProtectionType,
    pub kind: TomKind,
    pub art32: Vec<Art32Goal>,
    pub sdm: Vec<SdmGoal>,
    pub title: String,
    pub description: String,
}

const GERMAN: &str = include_str!("../../../catalogue/toms/de.json");
const ENGLISH: &str = include_str!("../../../catalogue/toms/en.json");

/// The catalogue in a language; the files are part of the binary and checked by tests, so
/// a file that does not parse is a build mistake.
pub fn catalogue(language: Language) -> &'static Catalogue {
    static GERMAN_CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    static ENGLISH_CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    let (cell, text) = match language {
        Language::German => (&GERMAN_CATALOGUE, GERMAN),
        Language::English => (&ENGLISH_CATALOGUE, ENGLISH),
    };
    cell.get_or_init(|| serde_json::from_str(text).expect("the shipped TOM catalogue parses"))
}

/// Copies the whole catalogue into a tenant and marks the tenant as having received it.
pub(crate) fn seed(
    conn: &Connection,
    now: DateTime<Utc>,
    tenant_id: i64,
    language: Language,
) -> CoreResult<usize> {
    let measures = &catalogue(language).measures;
    for m in measures {
        let data = TomInput {
            tenant_id,
            protection_type: m.protection_type,
            kind: m.kind,
            title: m.title.clone(),
            description: m.description.clone(),
            implementation: String::new(),
            art32: m.art32.clone(),
            sdm: m.sdm.clone(),
            status: TomStatus::InReview,
            editor_id: None,
            next_review: None,
            company_ids: Vec::new(),
        };
        write(conn, None, Some(&m.key), &data, now)?;
    }
    conn.execute(
        "UPDATE tenants SET tom_catalogue_seeded = 1 WHERE id = ?1",
        [tenant_id],
    )?;
    Ok(measures.len())
}

/// Gives the catalogue to tenants created before it existed (once each), in the language
/// of the installation's owner.
pub(crate) fn seed_missing(conn: &Connection, now: DateTime<Utc>) -> CoreResult<usize> {
    let tenants: Vec<i64> = conn
        .prepare("SELECT id FROM tenants WHERE tom_catalogue_seeded = 0")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if tenants.is_empty() {
        return Ok(0);
    }
    let language: Option<String> = conn
        .query_row(
            "SELECT language FROM users WHERE is_owner = 1 ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .map_err(CoreError::from)?;
    let language = Language::of(language.as_deref());
    for &tenant in &tenants {
        seed(conn, now, tenant, language)?;
    }
    Ok(tenants.len())
}

/// Marks a tenant as having its measures already (an import or copy brings its own).
pub(crate) fn mark_seeded(conn: &Connection, tenant_id: i64) -> CoreResult<()> {
    conn.execute(
        "UPDATE tenants SET tom_catalogue_seeded = 1 WHERE id = ?1",
        params![tenant_id],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn both_languages_hold_at_least_94_measures_with_the_same_keys_and_tags() {
        let (de, en) = (catalogue(Language::German), catalogue(Language::English));
        assert_eq!(de.language, "de");
        assert_eq!(en.language, "en");
        assert!(de.measures.len() >= 94, "{} measures", de.measures.len());
        assert_eq!(de.measures.len(), en.measures.len());
        for (d, e) in de.measures.iter().zip(&en.measures) {
            assert_eq!(
                (&d.key, d.protection_type, d.kind, &d.art32, &d.sdm),
                (&e.key, e.protection_type, e.kind, &e.art32, &e.sdm)
            );
            assert_ne!(d.title, e.title, "{} is translated", d.key);
        }
    }

    #[test]
    fn every_measure_has_a_unique_key_a_title_a_description_and_an_art_32_goal() {
        for language in Language::ALL {
            let mut keys = HashSet::new();
            for m in &catalogue(language).measures {
                assert!(keys.insert(&m.key), "{} twice", m.key);
                assert!(m.key.starts_with(m.protection_type.as_str()), "{}", m.key);
                assert!(
                    !m.title.trim().is_empty() && m.title.chars().count() <= 80,
                    "{}",
                    m.key
                );
                assert!(!m.description.trim().is_empty(), "{}", m.key);
                assert!(!m.art32.is_empty(), "{}", m.key);
            }
        }
    }

    #[test]
    fn all_eight_protection_types_are_used_by_at_least_ten_measures_each() {
        for language in Language::ALL {
            let measures = &catalogue(language).measures;
            for t in ProtectionType::ALL {
                let n = measures.iter().filter(|m| m.protection_type == *t).count();
                assert!(n >= 10, "{t}: {n} measures in {}", language.code());
            }
            for kind in TomKind::ALL {
                assert!(measures.iter().any(|m| m.kind == *kind), "{kind}");
            }
        }
    }
}
