//! The starter catalogue copied into every new tenant (SPEC §4), in German or English: the
//! legal bases of Art. 6(1) and Art. 9(2) GDPR, common data categories (Art. 9/10 flagged)
//! and person groups, the EU/EEA states and third countries with the adequacy decisions in
//! force, and common applications.

use crate::kernel::text::Language;
use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::{insert_unaudited, MasterItemInput, MasterKind};
use crate::kernel::error::CoreResult;

/// German name, English name, code, special category / adequacy category.
struct Entry(
    MasterKind,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

use MasterKind::*;

const LEGAL_BASES: &[Entry] = &[
    Entry(
        LegalBasis,
        "Einwilligung",
        "Consent",
        "Art. 6(1)(a) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Vertragserfüllung oder vorvertragliche Maßnahmen",
        "Performance of a contract or pre-contractual steps",
        "Art. 6(1)(b) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Rechtliche Verpflichtung",
        "Legal obligation",
        "Art. 6(1)(c) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Lebenswichtige Interessen",
        "Vital interests",
        "Art. 6(1)(d) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Öffentliches Interesse oder öffentliche Gewalt",
        "Public interest or official authority",
        "Art. 6(1)(e) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Berechtigte Interessen",
        "Legitimate interests",
        "Art. 6(1)(f) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Ausdrückliche Einwilligung (besondere Kategorien)",
        "Explicit consent (special categories)",
        "Art. 9(2)(a) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Arbeitsrecht und soziale Sicherheit",
        "Employment and social security law",
        "Art. 9(2)(b) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Schutz lebenswichtiger Interessen (besondere Kategorien)",
        "Vital interests (special categories)",
        "Art. 9(2)(c) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Stiftungen, Vereinigungen, Organisationen ohne Gewinnerzielungsabsicht",
        "Not-for-profit bodies",
        "Art. 9(2)(d) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Offensichtlich öffentlich gemachte Daten",
        "Data manifestly made public",
        "Art. 9(2)(e) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Rechtsansprüche und Justiz",
        "Legal claims and courts",
        "Art. 9(2)(f) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Erhebliches öffentliches Interesse",
        "Substantial public interest",
        "Art. 9(2)(g) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Gesundheitsvorsorge und Arbeitsmedizin",
        "Preventive or occupational medicine",
        "Art. 9(2)(h) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Öffentliche Gesundheit",
        "Public health",
        "Art. 9(2)(i) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Archiv, Forschung, Statistik",
        "Archiving, research, statistics",
        "Art. 9(2)(j) GDPR",
        "",
    ),
    Entry(
        LegalBasis,
        "Beschäftigungsverhältnis",
        "Employment relationship",
        "§ 26 BDSG",
        "",
    ),
];

const DATA_CATEGORIES: &[Entry] = &[
    Entry(
        DataCategory,
        "Stammdaten (Name, Anschrift, Geburtsdatum)",
        "Identification data (name, address, date of birth)",
        "",
        "",
    ),
    Entry(
        DataCategory,
        "Kontaktdaten (Telefon, E-Mail)",
        "Contact data (phone, e-mail)",
        "",
        "",
    ),
    Entry(DataCategory, "Vertragsdaten", "Contract data", "", ""),
    Entry(
        DataCategory,
        "Bankverbindung und Zahlungsdaten",
        "Bank and payment data",
        "",
        "",
    ),
    Entry(
        DataCategory,
        "Beschäftigtendaten (Gehalt, Arbeitszeit, Qualifikation)",
        "Employee data (salary, working time, qualifications)",
        "",
        "",
    ),
    Entry(
        DataCategory,
        "Steuer- und Sozialversicherungsdaten",
        "Tax and social security data",
        "",
        "",
    ),
    Entry(
        DataCategory,
        "Bewerbungsunterlagen",
        "Application documents",
        "",
        "",
    ),
    Entry(
        DataCategory,
        "Protokoll- und Nutzungsdaten (IP-Adresse, Logins)",
        "Log and usage data (IP address, logins)",
        "",
        "",
    ),
    Entry(
        DataCategory,
        "Bild- und Videoaufnahmen",
        "Photos and video recordings",
        "",
        "",
    ),
    Entry(
        DataCategory,
        "Gesundheitsdaten",
        "Health data",
        "",
        "special",
    ),
    Entry(
        DataCategory,
        "Religionszugehörigkeit",
        "Religious beliefs",
        "",
        "special",
    ),
    Entry(
        DataCategory,
        "Gewerkschaftszugehörigkeit",
        "Trade union membership",
        "",
        "special",
    ),
    Entry(
        DataCategory,
        "Biometrische Daten",
        "Biometric data",
        "",
        "special",
    ),
    Entry(
        DataCategory,
        "Genetische Daten",
        "Genetic data",
        "",
        "special",
    ),
    Entry(
        DataCategory,
        "Daten zum Sexualleben oder zur sexuellen Orientierung",
        "Sex life or sexual orientation",
        "",
        "special",
    ),
    Entry(
        DataCategory,
        "Ethnische Herkunft, politische Meinungen",
        "Racial or ethnic origin, political opinions",
        "",
        "special",
    ),
    Entry(
        DataCategory,
        "Strafrechtliche Verurteilungen und Straftaten (Art. 10)",
        "Criminal convictions and offences (Art. 10)",
        "",
        "special",
    ),
];

const PERSON_GROUPS: &[Entry] = &[
    Entry(PersonGroup, "Beschäftigte", "Employees", "", ""),
    Entry(PersonGroup, "Bewerber", "Applicants", "", ""),
    Entry(
        PersonGroup,
        "Ehemalige Beschäftigte",
        "Former employees",
        "",
        "",
    ),
    Entry(PersonGroup, "Kunden", "Customers", "", ""),
    Entry(PersonGroup, "Interessenten", "Prospects", "", ""),
    Entry(
        PersonGroup,
        "Lieferanten und Dienstleister",
        "Suppliers and service providers",
        "",
        "",
    ),
    Entry(
        PersonGroup,
        "Ansprechpartner bei Geschäftspartnern",
        "Contacts at business partners",
        "",
        "",
    ),
    Entry(PersonGroup, "Website-Besucher", "Website visitors", "", ""),
    Entry(PersonGroup, "Besucher", "Visitors", "", ""),
];

const EU_EEA: &[(&str, &str, &str)] = &[
    ("Belgien", "Belgium", "BE"),
    ("Bulgarien", "Bulgaria", "BG"),
    ("Dänemark", "Denmark", "DK"),
    ("Deutschland", "Germany", "DE"),
    ("Estland", "Estonia", "EE"),
    ("Finnland", "Finland", "FI"),
    ("Frankreich", "France", "FR"),
    ("Griechenland", "Greece", "GR"),
    ("Irland", "Ireland", "IE"),
    ("Island", "Iceland", "IS"),
    ("Italien", "Italy", "IT"),
    ("Kroatien", "Croatia", "HR"),
    ("Lettland", "Latvia", "LV"),
    ("Liechtenstein", "Liechtenstein", "LI"),
    ("Litauen", "Lithuania", "LT"),
    ("Luxemburg", "Luxembourg", "LU"),
    ("Malta", "Malta", "MT"),
    ("Niederlande", "Netherlands", "NL"),
    ("Norwegen", "Norway", "NO"),
    ("Österreich", "Austria", "AT"),
    ("Polen", "Poland", "PL"),
    ("Portugal", "Portugal", "PT"),
    ("Rumänien", "Romania", "RO"),
    ("Schweden", "Sweden", "SE"),
    ("Slowakei", "Slovakia", "SK"),
    ("Slowenien", "Slovenia", "SI"),
    ("Spanien", "Spain", "ES"),
    ("Tschechien", "Czechia", "CZ"),
    ("Ungarn", "Hungary", "HU"),
    ("Zypern", "Cyprus", "CY"),
];

/// Third countries with an adequacy decision of the European Commission in force, and
/// common destinations without one.
const THIRD_COUNTRIES: &[(&str, &str, &str, &str)] = &[
    ("Andorra", "Andorra", "AD", "adequacy_decision"),
    ("Argentinien", "Argentina", "AR", "adequacy_decision"),
    ("Färöer", "Faroe Islands", "FO", "adequacy_decision"),
    ("Guernsey", "Guernsey", "GG", "adequacy_decision"),
    ("Israel", "Israel", "IL", "adequacy_decision"),
    ("Isle of Man", "Isle of Man", "IM", "adequacy_decision"),
    ("Japan", "Japan", "JP", "adequacy_decision"),
    ("Jersey", "Jersey", "JE", "adequacy_decision"),
    (
        "Kanada (kommerzielle Organisationen)",
        "Canada (commercial organisations)",
        "CA",
        "adequacy_decision",
    ),
    ("Neuseeland", "New Zealand", "NZ", "adequacy_decision"),
    (
        "Republik Korea",
        "Republic of Korea",
        "KR",
        "adequacy_decision",
    ),
    ("Schweiz", "Switzerland", "CH", "adequacy_decision"),
    ("Uruguay", "Uruguay", "UY", "adequacy_decision"),
    (
        "Vereinigtes Königreich",
        "United Kingdom",
        "GB",
        "adequacy_decision",
    ),
    (
        "USA (nach dem EU-U.S. Data Privacy Framework zertifiziert)",
        "USA (certified under the EU-U.S. Data Privacy Framework)",
        "US",
        "adequacy_decision",
    ),
    (
        "USA (nicht zertifiziert)",
        "USA (not certified)",
        "US",
        "no_adequacy",
    ),
    ("Australien", "Australia", "AU", "no_adequacy"),
    ("Brasilien", "Brazil", "BR", "no_adequacy"),
    ("China", "China", "CN", "no_adequacy"),
    ("Indien", "India", "IN", "no_adequacy"),
    ("Türkei", "Türkiye", "TR", "no_adequacy"),
    (
        "Vereinigte Arabische Emirate",
        "United Arab Emirates",
        "AE",
        "no_adequacy",
    ),
];

const APPLICATIONS: &[&str] = &[
    "Microsoft 365",
    "Microsoft Teams",
    "Google Workspace",
    "DATEV",
    "SAP S/4HANA",
    "Personio",
    "Lexware",
    "Zoom",
    "Slack",
    "Salesforce",
    "HubSpot",
    "Mailchimp",
    "WordPress",
    "Shopify",
];

fn item(kind: MasterKind, name: &str, code: &str, marker: &str) -> MasterItemInput {
    MasterItemInput {
        code: code.into(),
        special_category: marker == "special",
        category: if marker == "special" {
            String::new()
        } else {
            marker.into()
        },
        ..MasterItemInput::named(kind, name)
    }
}

/// Every catalogue entry in the language.
pub fn entries(language: Language) -> Vec<MasterItemInput> {
    let pick = |de: &'static str, en: &'static str| match language {
        Language::German => de,
        Language::English => en,
    };
    let mut items: Vec<MasterItemInput> = LEGAL_BASES
        .iter()
        .chain(DATA_CATEGORIES)
        .chain(PERSON_GROUPS)
        .map(|Entry(kind, de, en, code, marker)| item(*kind, pick(de, en), code, marker))
        .collect();
    items.extend(
        EU_EEA
            .iter()
            .map(|(de, en, code)| item(ThirdCountry, pick(de, en), code, "eu_eea")),
    );
    items.extend(
        THIRD_COUNTRIES
            .iter()
            .map(|(de, en, code, adequacy)| item(ThirdCountry, pick(de, en), code, adequacy)),
    );
    items.extend(
        APPLICATIONS
            .iter()
            .map(|name| item(Application, name, "", "")),
    );
    items
}

/// Copies the catalogue into a tenant (in the caller's transaction).
pub(crate) fn seed(
    conn: &Connection,
    now: DateTime<Utc>,
    tenant_id: i64,
    language: Language,
) -> CoreResult<usize> {
    let items = entries(language);
    for entry in &items {
        insert_unaudited(conn, now, tenant_id, entry)?;
    }
    Ok(items.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_hold_the_same_entries() {
        let (de, en) = (entries(Language::German), entries(Language::English));
        assert_eq!(de.len(), en.len());
        for (d, e) in de.iter().zip(&en) {
            assert_eq!(
                (d.kind, &d.code, d.special_category, &d.category),
                (e.kind, &e.code, e.special_category, &e.category)
            );
        }
        let count = |kind| en.iter().filter(|i| i.kind == kind).count();
        assert_eq!(
            count(LegalBasis),
            17,
            "Art. 6(1) a–f, Art. 9(2) a–j, § 26 BDSG"
        );
        assert_eq!(
            en.iter().filter(|i| i.category == "eu_eea").count(),
            30,
            "27 EU states and 3 EEA states"
        );
        assert!(en
            .iter()
            .any(|i| i.name == "Health data" && i.special_category));
        assert!(en.iter().all(|i| i.validated().is_ok()));
    }
}
