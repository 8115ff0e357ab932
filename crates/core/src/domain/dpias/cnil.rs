//! CNIL PIA interchange (SPEC §6, DOMAIN-FACTS §D): a file of the CNIL's PIA tool
//! (`{pia, answers, measures, evaluations, comments}`) becomes an assessment of a chosen
//! activity, and an assessment is written in the same format for the tool to open.
//!
//! Question ids: 111–123 context, 211–215 and 221–227 fundamental principles; risks
//! 32x/33x/34x (illegitimate access, unwanted modification, data loss): x1 impacts, x2
//! threats, x3 sources (lists), x4 controls (measure titles), x5 severity, x6 likelihood
//! (gauges 1–4); the evaluator's re-assessment on evaluations "3.2"–"3.4" as
//! `gauges {x: severity, y: likelihood}`. HTML arrives from TinyMCE and leaves as simple
//! paragraphs.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{load, write_version, Dpia, DpiaInput, DpiaStatus, Opinion, RiskInput, RiskKind};
use crate::access::accounts::UserRecord;
use crate::domain::dpias::write::VersionHead;
use crate::domain::toms::{self, ProtectionType, TomInput, TomKind, TomStatus};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::text::{text, Language};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;

/// The text questions and the section each fills, in the tool's order.
/// A section's text field in an assessment.
type Field = fn(&mut DpiaInput) -> &mut String;

const TEXT_QUESTIONS: [(i64, Field); 18] = [
    (111, |d| &mut d.description),
    (112, |d| &mut d.responsibilities),
    (113, |d| &mut d.standards),
    (121, |d| &mut d.data_processed),
    (122, |d| &mut d.life_cycle),
    (123, |d| &mut d.supporting_assets),
    (211, |d| &mut d.purposes),
    (212, |d| &mut d.legal_basis),
    (213, |d| &mut d.minimisation),
    (214, |d| &mut d.accuracy),
    (215, |d| &mut d.storage_limits),
    (221, |d| &mut d.information),
    (222, |d| &mut d.consent),
    (223, |d| &mut d.access_portability),
    (224, |d| &mut d.rectification_erasure),
    (225, |d| &mut d.restriction_objection),
    (226, |d| &mut d.processors),
    (227, |d| &mut d.transfers),
];

/// The three risks of the tool and the first digits of their questions.
const RISKS: [(RiskKind, i64); 3] = [
    (RiskKind::IllegitimateAccess, 32),
    (RiskKind::UnwantedModification, 33),
    (RiskKind::DataLoss, 34),
];

#[derive(Deserialize, Default)]
struct PiaFile {
    pia: Option<Head>,
    #[serde(default)]
    answers: Vec<Answer>,
    #[serde(default)]
    measures: Vec<Measure>,
    #[serde(default)]
    evaluations: Vec<Evaluation>,
    #[serde(default)]
    comments: Vec<Comment>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Head {
    name: Option<String>,
    status: Value,
    author_name: Option<String>,
    evaluator_name: Option<String>,
    validator_name: Option<String>,
    dpo_status: Option<i64>,
    dpo_opinion: Option<String>,
    dpos_names: Option<String>,
    concerned_people_opinion: Option<String>,
    concerned_people_status: Option<i64>,
    concerned_people_searched_opinion: Option<bool>,
    concerned_people_searched_content: Option<String>,
    people_names: Option<String>,
    rejection_reason: Option<String>,
    updated_at: Option<String>,
}

#[derive(Deserialize)]
struct Answer {
    reference_to: Value,
    #[serde(default)]
    data: AnswerData,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AnswerData {
    text: Option<String>,
    gauge: Option<i64>,
    list: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct Measure {
    #[serde(default)]
    title: String,
    #[serde(default)]
    content: Option<String>,
}

#[derive(Deserialize)]
struct Evaluation {
    reference_to: Value,
    #[serde(default)]
    gauges: Option<Gauges>,
    #[serde(default)]
    evaluation_comment: Option<String>,
    #[serde(default)]
    action_plan_comment: Option<String>,
}

#[derive(Deserialize, Default)]
struct Gauges {
    x: Option<i64>,
    y: Option<i64>,
}

#[derive(Deserialize)]
struct Comment {
    #[serde(default)]
    description: String,
}

/// TinyMCE HTML as plain text: paragraphs and line breaks kept, lists as "* item",
/// emphasis as `*…*`/`**…**`.
pub fn plain(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return html.trim().to_string();
    }
    html2text::from_read(html.as_bytes(), 100_000)
        .unwrap_or_else(|_| html.to_string())
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Plain text as the simple HTML the tool's editor shows: a paragraph per blank-line
/// block, line breaks within.
pub fn html(text: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    text.trim()
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            format!(
                "<p>{}</p>",
                p.lines().map(escape).collect::<Vec<_>>().join("<br />")
            )
        })
        .collect()
}

fn question(value: &Value) -> Option<i64> {
    value.as_i64().or_else(|| value.as_str()?.parse().ok())
}

fn gauge(value: Option<i64>) -> Option<i64> {
    value.filter(|v| (1..=4).contains(v))
}

fn opinion(value: Option<i64>) -> Opinion {
    match value {
        Some(1) => Opinion::Favourable,
        Some(0) => Opinion::Unfavourable,
        _ => Opinion::None,
    }
}

fn invalid(message: impl Into<String>) -> CoreError {
    CoreError::validation("cnil_file", "invalid", message)
}

/// A measure of the file as a TOM of the tenant: one of the same title is reused (SPEC §9),
/// otherwise an own measure is proposed, in review, valid for the activity's company.
fn tom_for(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    tenant_id: i64,
    company_id: i64,
    m: &Measure,
) -> CoreResult<Option<i64>> {
    let title = plain(&m.title);
    if title.is_empty() {
        return Ok(None);
    }
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM toms WHERE tenant_id = ?1 AND title = ?2 COLLATE NOCASE AND trash_id IS NULL ORDER BY id LIMIT 1",
            rusqlite::params![tenant_id, title],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        return Ok(Some(id));
    }
    let tom = toms::create(
        conn,
        now,
        user,
        &TomInput {
            kind: TomKind::Organisational,
            description: m.content.as_deref().map(plain).unwrap_or_default(),
            status: TomStatus::InReview,
            company_ids: vec![company_id],
            ..TomInput::new(tenant_id, ProtectionType::DataAccess, &title)
        },
    )?;
    Ok(Some(tom.id))
}

/// Reads a CNIL PIA file into a new assessment of the activity (which must have none yet);
/// a file that is not a PIA is refused before anything is written.
pub(crate) fn import(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    activity_id: i64,
    bytes: &[u8],
) -> CoreResult<Dpia> {
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| invalid(format!("not a JSON file: {e}")))?;
    if value.get("pia").is_none_or(|p| !p.is_object()) {
        return Err(invalid("not a CNIL PIA file: it has no \"pia\""));
    }
    let file: PiaFile =
        serde_json::from_value(value).map_err(|e| invalid(format!("not a CNIL PIA file: {e}")))?;
    let head = file.pia.unwrap_or_default();
    // Starts version 1 with the activity's record, then takes the file's answers.
    let started = super::start(conn, now, user, activity_id)?;
    let mut data = DpiaInput {
        risks: Vec::new(),
        ..started.data.clone()
    };
    for (q, field) in TEXT_QUESTIONS {
        let answer = file
            .answers
            .iter()
            .find(|a| question(&a.reference_to) == Some(q));
        if let Some(text) = answer.and_then(|a| a.data.text.as_deref()) {
            let text = plain(text);
            if !text.is_empty() {
                *field(&mut data) = text;
            }
        }
    }
    let mut tom_by_title = std::collections::HashMap::new();
    for m in &file.measures {
        if let Some(id) = tom_for(conn, now, user, started.tenant_id, started.company_id, m)? {
            tom_by_title.insert(plain(&m.title).to_lowercase(), id);
        }
    }
    for (position, (kind, base)) in RISKS.into_iter().enumerate() {
        let answer = |n: i64| {
            file.answers
                .iter()
                .find(|a| question(&a.reference_to) == Some(base * 10 + n))
        };
        let list = |n: i64| {
            answer(n)
                .and_then(|a| a.data.list.clone())
                .unwrap_or_default()
                .iter()
                .map(|s| plain(s))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        };
        let evaluation = file
            .evaluations
            .iter()
            .find(|e| e.reference_to.as_str() == Some(&format!("3.{}", position + 2)));
        let residual = evaluation.and_then(|e| e.gauges.as_ref());
        let mut tom_ids: Vec<i64> = list(4)
            .iter()
            .filter_map(|t| tom_by_title.get(&t.to_lowercase()).copied())
            .collect();
        tom_ids.sort_unstable();
        tom_ids.dedup();
        data.risks.push(RiskInput {
            kind,
            title: String::new(),
            impacts: list(1).join("\n"),
            threats: list(2).join("\n"),
            sources: list(3).join("\n"),
            severity: gauge(answer(5).and_then(|a| a.data.gauge)),
            likelihood: gauge(answer(6).and_then(|a| a.data.gauge)),
            residual_severity: gauge(residual.and_then(|g| g.x)),
            residual_likelihood: gauge(residual.and_then(|g| g.y)),
            tom_ids,
        });
    }
    data.dpo_name = head.dpos_names.as_deref().map(plain).unwrap_or_default();
    data.dpo_opinion = head.dpo_opinion.as_deref().map(plain).unwrap_or_default();
    data.dpo_status = opinion(head.dpo_status);
    data.subjects_consulted = head.concerned_people_searched_opinion.unwrap_or(false);
    data.subjects_opinion = if data.subjects_consulted {
        head.concerned_people_opinion
            .as_deref()
            .map(plain)
            .unwrap_or_default()
    } else {
        head.concerned_people_searched_content
            .as_deref()
            .map(plain)
            .unwrap_or_default()
    };
    data.subjects_status = opinion(head.concerned_people_status);
    let mut notes: Vec<String> = file
        .comments
        .iter()
        .map(|c| plain(&c.description))
        .filter(|c| !c.is_empty())
        .collect();
    for e in &file.evaluations {
        for text in [&e.evaluation_comment, &e.action_plan_comment]
            .into_iter()
            .flatten()
        {
            let text = plain(text);
            if !text.is_empty() {
                notes.push(format!(
                    "{}: {text}",
                    e.reference_to.as_str().unwrap_or_default()
                ));
            }
        }
    }
    data.comments = notes.join("\n\n");
    let status = match head
        .status
        .as_i64()
        .or_else(|| head.status.as_str().and_then(|s| s.parse().ok()))
    {
        Some(1) => DpiaStatus::Refused,
        Some(2..=4) => DpiaStatus::Validated,
        _ => DpiaStatus::InProgress,
    };
    let decided = head
        .updated_at
        .as_deref()
        .and_then(|d| DateTime::parse_from_rfc3339(d).ok())
        .map(|d| d.date_naive());
    let validator = head
        .validator_name
        .as_deref()
        .map(plain)
        .unwrap_or_default();
    let note = match status {
        DpiaStatus::Refused => head
            .rejection_reason
            .as_deref()
            .map(plain)
            .unwrap_or_default(),
        _ => String::new(),
    };
    let created_by = head
        .author_name
        .as_deref()
        .map(plain)
        .filter(|a| !a.is_empty())
        .unwrap_or(user.name.clone());
    let _ = &head.evaluator_name;
    write_version(
        conn,
        Some(started.id),
        &VersionHead {
            tenant_id: started.tenant_id,
            activity_id,
            version: 1,
            is_current: true,
            status,
            validator_name: &validator,
            validated_at: if status == DpiaStatus::InProgress {
                None
            } else {
                decided
            },
            decision_note: &note,
            created_by: &created_by,
        },
        &data,
        now,
    )?;
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        audit::Change {
            action: "import_cnil",
            object_type: ObjectType::Dpia.as_str(),
            object_id: Some(started.id.to_string()),
            old: None,
            new: Some(json!({ "name": head.name, "people_names": head.people_names })),
        },
    )?;
    load(conn, started.id)
}

/// What an export could not carry one to one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CnilExport {
    pub file_name: String,
    #[serde(skip)]
    pub bytes: Vec<u8>,
    /// Own threats folded into the text of a standard risk (the tool has three risks).
    pub folded_threats: Vec<String>,
}

fn distance(a: &RiskInput, b: &RiskInput) -> i64 {
    let d = |x: Option<i64>, y: Option<i64>| (x.unwrap_or(0) - y.unwrap_or(0)).abs();
    d(a.likelihood, b.likelihood) + d(a.severity, b.severity)
}

/// Writes a version in the tool's format. Own threats go into the threats of the standard
/// risk rated closest to them, and the answer names them.
pub(crate) fn export(d: &Dpia, language: Language) -> CoreResult<CnilExport> {
    let stamp = d
        .updated_at
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let mut answers = Vec::new();
    let mut answer = |q: i64, data: Value| {
        answers.push(json!({
            "id": answers.len() + 1, "pia_id": 1, "reference_to": q, "data": data,
            "created_at": stamp, "updated_at": stamp,
        }));
    };
    let mut data = d.data.clone();
    for (q, field) in TEXT_QUESTIONS {
        let text = field(&mut data).clone();
        if !text.is_empty() {
            answer(
                q,
                json!({ "text": html(&text), "gauge": null, "list": null }),
            );
        }
    }
    let standard: Vec<(RiskKind, i64, RiskInput)> = RISKS
        .iter()
        .map(|(kind, base)| {
            let risk = d
                .data
                .risks
                .iter()
                .find(|r| r.kind == *kind)
                .cloned()
                .unwrap_or_else(|| RiskInput::standard(*kind));
            (*kind, *base, risk)
        })
        .collect();
    let mut extra: Vec<Vec<String>> = vec![Vec::new(); 3];
    let mut folded = Vec::new();
    for own in d.data.risks.iter().filter(|r| r.kind == RiskKind::Own) {
        let nearest = (0..3)
            .min_by_key(|i| distance(&standard[*i].2, own))
            .expect("three");
        let mut line = format!("{}: {}", text(language, "cnil-folded-risk"), own.title);
        if !own.threats.is_empty() {
            line.push_str(&format!(" – {}", own.threats.replace('\n', "; ")));
        }
        extra[nearest].push(line);
        folded.push(own.title.clone());
    }
    let mut measures: Vec<(i64, String, String)> = Vec::new();
    for risk in &d.risks {
        for tom in &risk.toms {
            if !measures.iter().any(|(id, _, _)| *id == tom.id) {
                measures.push((tom.id, tom.name.clone(), String::new()));
            }
        }
    }
    let lines = |s: &str| {
        s.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let mut evaluations = Vec::new();
    for (i, (_, base, risk)) in standard.iter().enumerate() {
        let mut threats = lines(&risk.threats);
        threats.extend(extra[i].iter().cloned());
        let titles: Vec<String> = d
            .risks
            .iter()
            .filter(|r| r.data.kind == risk.kind)
            .flat_map(|r| r.toms.iter().map(|t| t.name.clone()))
            .collect();
        answer(
            base * 10 + 1,
            json!({ "text": null, "gauge": null, "list": lines(&risk.impacts) }),
        );
        answer(
            base * 10 + 2,
            json!({ "text": null, "gauge": null, "list": threats }),
        );
        answer(
            base * 10 + 3,
            json!({ "text": null, "gauge": null, "list": lines(&risk.sources) }),
        );
        answer(
            base * 10 + 4,
            json!({ "text": null, "gauge": null, "list": titles }),
        );
        answer(
            base * 10 + 5,
            json!({ "text": null, "gauge": risk.severity.unwrap_or(0), "list": null }),
        );
        answer(
            base * 10 + 6,
            json!({ "text": null, "gauge": risk.likelihood.unwrap_or(0), "list": null }),
        );
        evaluations.push(json!({
            "id": i + 1, "pia_id": 1, "reference_to": format!("3.{}", i + 2),
            "status": if d.status == DpiaStatus::Validated { 3 } else { 0 },
            "action_plan_comment": "", "evaluation_comment": "", "evaluation_date": null,
            "gauges": { "x": risk.residual_severity.unwrap_or(0), "y": risk.residual_likelihood.unwrap_or(0) },
            "estimated_implementation_date": null, "person_in_charge": "", "global_status": 0,
            "created_at": stamp, "updated_at": stamp,
        }));
    }
    let status = match d.status {
        DpiaStatus::InProgress => 0,
        DpiaStatus::Refused => 1,
        DpiaStatus::Validated => 2,
    };
    let opinion_code = |o: Opinion| match o {
        Opinion::Favourable => json!(1),
        Opinion::Unfavourable => json!(0),
        Opinion::None => Value::Null,
    };
    let decided = d
        .validated_at
        .and_then(|v| v.and_hms_milli_opt(12, 0, 0, 0))
        .map(|v| {
            v.and_utc()
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        })
        .unwrap_or(stamp.clone());
    let done = d.progress.iter().filter(|p| p.done).count() as f64;
    let file = json!({
        "pia": {
            "id": 1,
            "status": status,
            "name": format!("{} (v{})", d.activity_name, d.version),
            "category": null,
            "author_name": d.created_by,
            "evaluator_name": "",
            "validator_name": d.validator_name,
            "dpo_status": opinion_code(d.data.dpo_status),
            "dpo_opinion": html(&d.data.dpo_opinion),
            "dpos_names": d.data.dpo_name,
            "concerned_people_opinion": if d.data.subjects_consulted { html(&d.data.subjects_opinion) } else { String::new() },
            "concerned_people_status": opinion_code(d.data.subjects_status),
            "concerned_people_searched_opinion": d.data.subjects_consulted,
            "concerned_people_searched_content": if d.data.subjects_consulted { String::new() } else { html(&d.data.subjects_opinion) },
            "people_names": "",
            "rejection_reason": if d.status == DpiaStatus::Refused { html(&d.decision_note) } else { String::new() },
            "applied_adjustments": "",
            "progress": (done / d.progress.len().max(1) as f64 * 100.0).round(),
            "is_example": 0,
            "is_archive": 0,
            "structure_id": null,
            "created_at": d.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            "updated_at": decided,
        },
        "answers": answers,
        "measures": measures.iter().enumerate().map(|(i, (_, title, content))| json!({
            "id": i + 1, "pia_id": 1, "title": title, "content": content,
            "placeholder": "measures.default_placeholder", "created_at": stamp, "updated_at": stamp,
        })).collect::<Vec<_>>(),
        "evaluations": evaluations,
        "comments": if d.data.comments.is_empty() { Vec::new() } else { vec![json!({
            "id": 1, "pia_id": 1, "description": d.data.comments, "reference_to": 111, "for_measure": false,
            "created_at": stamp, "updated_at": stamp,
        })] },
    });
    Ok(CnilExport {
        file_name: format!(
            "pia-{}.json",
            crate::kernel::export::file_name_part(&d.activity_name)
        ),
        bytes: serde_json::to_vec_pretty(&file).expect("serialises"),
        folded_threats: folded,
    })
}
