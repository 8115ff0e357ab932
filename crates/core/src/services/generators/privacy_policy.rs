//! The privacy policy of a company's website (SPEC §12): fixed sections filled from the
//! company (controller, DPO), sections made from the processing activities it is based on
//! (purposes and legal bases, recipients, third countries, retention), one section per
//! answered website question of the shipped questionnaire, and the person's own blocks.
//!
//! The questionnaire and every text block are data (`catalogue/privacy_policy/<lang>.json`),
//! written in our own words and editable in the generated draft; the app decides no legal
//! question, it assembles what the person answered.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{name_with_form, Draft, GeneratedText};
use crate::domain::activities::{names_of, transfers, Activity, LinkedItem};
use crate::domain::companies::Company;
use crate::domain::master_data::MasterKind;
use crate::kernel::text::{text, with, Language};

/// A block of the policy: its heading and text with `{placeholders}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PolicySection {
    pub title: String,
    pub text: String,
    /// The complaint section's wording when no authority is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub text_without_authority: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuestionField {
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub required: bool,
}

/// A question about the website; answered "yes", its section goes into the policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PolicyQuestion {
    pub key: String,
    /// The questionnaire step it is asked in: website, contact, tracking, third_party, other.
    pub step: String,
    pub question: String,
    pub help: String,
    pub fields: Vec<QuestionField>,
    pub section: PolicySection,
}

#[derive(Debug, Clone, Deserialize)]
struct Catalogue {
    fixed: BTreeMap<String, PolicySection>,
    questions: Vec<PolicyQuestion>,
}

fn catalogue(l: Language) -> &'static Catalogue {
    static GERMAN: OnceLock<Catalogue> = OnceLock::new();
    static ENGLISH: OnceLock<Catalogue> = OnceLock::new();
    let (cell, source) = match l {
        Language::German => (
            &GERMAN,
            include_str!("../../../catalogue/privacy_policy/de.json"),
        ),
        Language::English => (
            &ENGLISH,
            include_str!("../../../catalogue/privacy_policy/en.json"),
        ),
    };
    cell.get_or_init(|| serde_json::from_str(source).expect("the shipped questionnaire parses"))
}

/// The questionnaire in `l`, in the order it is asked.
pub fn questions(l: Language) -> Vec<PolicyQuestion> {
    catalogue(l).questions.clone()
}

/// A catalogue question answered "yes", with what was typed into its fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnsweredQuestion {
    pub key: String,
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
}

/// A question or text block of the person's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OwnBlock {
    pub title: String,
    pub text: String,
    /// Whether the block goes into the policy (an own question answered "yes").
    pub included: bool,
}

/// Everything the person answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PrivacyAnswers {
    pub answered: Vec<AnsweredQuestion>,
    pub own: Vec<OwnBlock>,
    /// The processing activities of the company the policy is based on.
    pub activity_ids: Vec<i64>,
    /// The supervisory authority named in the complaint section; a general sentence when
    /// empty.
    pub authority: String,
}

fn fill(template: &str, values: &BTreeMap<String, String>) -> String {
    let mut out = template.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value.trim());
    }
    out
}

fn unique(mut values: Vec<String>) -> Vec<String> {
    values.sort_by_key(|v| v.to_lowercase());
    values.dedup();
    values
}

/// The draft of the policy. `activities` are the company's activities the answers name;
/// `date` is today as the language writes it.
pub fn generate(
    company: &Company,
    activities: &[Activity],
    answers: &PrivacyAnswers,
    l: Language,
    date: &str,
) -> GeneratedText {
    let cat = catalogue(l);
    let c = &company.data;
    let mut missing = Vec::new();
    let mut d = Draft::default();
    let section = |d: &mut Draft, key: &str, values: &BTreeMap<String, String>| {
        if let Some(s) = cat.fixed.get(key) {
            d.heading(&s.title);
            for paragraph in fill(&s.text, values).split("\n\n") {
                d.paragraph(paragraph);
            }
        }
    };
    let none = BTreeMap::new();
    d.heading(&text(l, "policy-title"));
    if let Some(intro) = cat.fixed.get("intro") {
        d.paragraph(&intro.text);
    }

    let name = name_with_form(&company.data);
    let controller = [
        name,
        c.street.trim().to_string(),
        format!("{} {}", c.postal_code.trim(), c.city.trim())
            .trim()
            .to_string(),
        c.country.trim().to_string(),
        if c.phone.trim().is_empty() {
            String::new()
        } else {
            with(l, "imprint-phone", &[("value", c.phone.trim())])
        },
        if c.email.trim().is_empty() {
            String::new()
        } else {
            with(l, "imprint-email", &[("value", c.email.trim())])
        },
    ]
    .into_iter()
    .filter(|line| !line.is_empty())
    .collect::<Vec<_>>()
    .join("\n");
    if c.street.trim().is_empty() || c.city.trim().is_empty() {
        missing.push(text(l, "policy-missing-address"));
    }
    if c.email.trim().is_empty() {
        missing.push(text(l, "policy-missing-email"));
    }
    section(
        &mut d,
        "controller",
        &BTreeMap::from([("controller".to_string(), controller)]),
    );
    if !c.dpo.name.trim().is_empty() {
        let dpo = [&c.dpo.name, &c.dpo.address, &c.dpo.phone, &c.dpo.email]
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        section(&mut d, "dpo", &BTreeMap::from([("dpo".to_string(), dpo)]));
    }

    // The processing activities the policy is based on: purposes and legal bases.
    let chosen: Vec<&Activity> = activities
        .iter()
        .filter(|a| answers.activity_ids.contains(&a.id))
        .collect();
    if chosen.is_empty() {
        missing.push(text(l, "policy-missing-activities"));
    } else {
        section(&mut d, "processing", &none);
        for a in &chosen {
            let bases = names_of(&a.linked, MasterKind::LegalBasis);
            let purposes = a.data.purposes.trim();
            d.lines(&[
                format!("{}:", a.data.name.trim()),
                if purposes.is_empty() {
                    String::new()
                } else {
                    with(l, "policy-purposes", &[("value", purposes)])
                },
                if bases.is_empty() {
                    String::new()
                } else {
                    with(l, "policy-legal-bases", &[("value", &bases.join("; "))])
                },
            ]);
        }
    }

    // The website's own processing, in the questionnaire's order.
    for question in &cat.questions {
        let Some(answer) = answers.answered.iter().find(|a| a.key == question.key) else {
            continue;
        };
        for field in &question.fields {
            let typed = answer
                .fields
                .get(&field.key)
                .map(|v| v.trim())
                .unwrap_or("");
            if field.required && typed.is_empty() {
                missing.push(format!("{}: {}", question.section.title, field.label));
            }
        }
        d.heading(&question.section.title);
        for paragraph in fill(&question.section.text, &answer.fields).split("\n\n") {
            d.paragraph(paragraph);
        }
    }
    for own in answers.own.iter().filter(|o| o.included) {
        if !own.title.trim().is_empty() {
            d.heading(&own.title);
        }
        for paragraph in own.text.split("\n\n") {
            d.paragraph(paragraph);
        }
    }

    let linked: Vec<&LinkedItem> = chosen.iter().flat_map(|a| a.linked.iter()).collect();
    let of_kind = |kind: MasterKind| {
        unique(
            linked
                .iter()
                .filter(|i| i.kind == kind)
                .map(|i| i.name.clone())
                .collect(),
        )
    };
    let recipients: Vec<String> = of_kind(MasterKind::Recipient)
        .into_iter()
        .chain(of_kind(MasterKind::Processor))
        .collect();
    if !recipients.is_empty() {
        section(&mut d, "recipients", &none);
        d.lines(
            &recipients
                .iter()
                .map(|r| format!("• {r}"))
                .collect::<Vec<_>>(),
        );
    }
    let mut transfers: Vec<String> = transfers(linked.iter().copied(), l)
        .into_iter()
        .map(|t| format!("• {t}"))
        .collect();
    transfers.sort();
    transfers.dedup();
    if transfers.is_empty() {
        section(&mut d, "no_third_countries", &none);
    } else {
        section(&mut d, "third_countries", &none);
        d.lines(&transfers);
    }
    let retention: Vec<String> = chosen
        .iter()
        .filter_map(|a| {
            let periods = names_of(&a.linked, MasterKind::RetentionPeriod);
            (!periods.is_empty())
                .then(|| format!("• {}: {}", a.data.name.trim(), periods.join("; ")))
        })
        .collect();
    if !retention.is_empty() {
        section(&mut d, "retention", &none);
        d.lines(&retention);
    }
    section(&mut d, "rights", &none);
    if let Some(complaint) = cat.fixed.get("complaint") {
        d.heading(&complaint.title);
        let wording = if answers.authority.trim().is_empty() {
            complaint
                .text_without_authority
                .clone()
                .unwrap_or_else(|| complaint.text.replace("{authority}", ""))
        } else {
            fill(
                &complaint.text,
                &BTreeMap::from([("authority".to_string(), answers.authority.clone())]),
            )
        };
        for paragraph in wording.split("\n\n") {
            d.paragraph(paragraph);
        }
    }
    section(&mut d, "obligation", &none);
    section(&mut d, "automated", &none);
    section(
        &mut d,
        "changes",
        &BTreeMap::from([("date".to_string(), date.to_string())]),
    );
    GeneratedText {
        text: d.finish(),
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            let Some(end) = rest[start..].find('}') else {
                break;
            };
            found.push(rest[start + 1..start + end].to_string());
            rest = &rest[start + end + 1..];
        }
        found.sort();
        found
    }

    #[test]
    fn both_questionnaires_ask_the_same_questions_with_the_same_fields_and_placeholders() {
        let (de, en) = (catalogue(Language::German), catalogue(Language::English));
        assert!(de.questions.len() >= 12, "{} questions", de.questions.len());
        assert_eq!(
            de.fixed.keys().collect::<Vec<_>>(),
            en.fixed.keys().collect::<Vec<_>>()
        );
        for (key, section) in &de.fixed {
            assert_eq!(
                placeholders(&section.text),
                placeholders(&en.fixed[key].text),
                "{key}"
            );
        }
        for (g, e) in de.questions.iter().zip(&en.questions) {
            assert_eq!(g.key, e.key);
            assert_eq!(g.step, e.step);
            let keys =
                |q: &PolicyQuestion| q.fields.iter().map(|f| f.key.clone()).collect::<Vec<_>>();
            assert_eq!(keys(g), keys(e), "{}", g.key);
            for field in keys(g) {
                assert!(
                    placeholders(&g.section.text).contains(&field),
                    "{}: field {field} is not used in the German text",
                    g.key
                );
            }
            assert_eq!(
                placeholders(&g.section.text),
                placeholders(&e.section.text),
                "{}",
                g.key
            );
        }
        let mut keys: Vec<_> = de.questions.iter().map(|q| q.key.clone()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), de.questions.len(), "keys are unique");
    }
}
