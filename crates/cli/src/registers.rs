//! `request add|list`, `breach add|list`, `deadlines` (SPEC §14) and `agreement add|list`
//! (extension). With `--now` the clock moves, and `overdue`, `hours_left` and the
//! deadlines follow it.

use chrono::{DateTime, Utc};
use dpo_desk_core::domain::breaches::{Breach, BreachInput, BreachRow};
use dpo_desk_core::domain::master_data::{MasterItemInput, MasterKind};
use dpo_desk_core::domain::processor_agreements::{AgreementInput, AgreementRow};
use dpo_desk_core::domain::requests::{RequestInput, RequestKind, RequestRow};
use dpo_desk_core::CoreError;
use serde_json::{json, Value};

use crate::args::{AgreementAction, BreachAction, Cli, RequestAction};
use crate::commands::Output;
use crate::context;
use crate::error::CliError;

fn request_json(r: &RequestRow) -> Value {
    json!({
        "id": r.id,
        "kind": r.kind,
        "requester": r.requester,
        "received_on": r.received_on,
        "deadline": r.timing.deadline,
        "overdue": r.timing.overdue,
        "days_left": r.timing.days_left,
        "status": r.status,
        "extension_months": r.extension_months,
        "answered_on": r.answered_on,
        "editor": r.editor_name,
    })
}

fn request_line(r: &RequestRow) -> String {
    format!(
        "{:>6}  {:<18} {:<22} received {}  due {}{}  {}\n",
        r.id,
        r.kind.as_str(),
        r.status.as_str(),
        r.received_on,
        r.timing.deadline,
        if r.timing.overdue { " OVERDUE" } else { "" },
        r.requester
    )
}

pub fn request(cli: &Cli, action: &RequestAction) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    match action {
        RequestAction::Add {
            tenant,
            kind,
            received,
            contact,
            name,
        } => {
            let kind = RequestKind::parse(kind).ok_or_else(|| {
                let names: Vec<&str> = RequestKind::ALL.iter().map(|k| k.as_str()).collect();
                CoreError::validation(
                    "kind",
                    "unknown",
                    format!("unknown kind '{kind}' ({})", names.join(", ")),
                )
            })?;
            let input = RequestInput {
                contact: contact.clone(),
                ..RequestInput::new(*tenant, kind, *received, name)
            };
            let r = desk.create_request(&mut session, &input)?;
            // Built from the answer: a user who sees only their own records may not list it.
            let row = RequestRow {
                id: r.id,
                kind: r.data.kind,
                requester: r.data.requester.clone(),
                received_on: r.data.received_on,
                status: r.data.status,
                extension_months: r.data.extension_months,
                answered_on: r.data.answered_on,
                timing: r.timing,
                editor_name: r.editor_name.clone(),
                activity_count: r.activities.len() as i64,
                updated_at: r.updated_at,
            };
            Ok(Output {
                json: request_json(&row),
                text: format!("Recorded request\n{}", request_line(&row)),
            })
        }
        RequestAction::List { tenant } => {
            let rows = desk.requests(&mut session, *tenant)?;
            Ok(Output {
                json: Value::Array(rows.iter().map(request_json).collect()),
                text: rows.iter().map(request_line).collect(),
            })
        }
    }
}

fn breach_json(b: &BreachRow) -> Value {
    json!({
        "id": b.id,
        "title": b.title,
        "discovered_at": b.discovered_at,
        "authority_deadline": b.timing.authority_deadline,
        "hours_left": b.timing.hours_left,
        "minutes_left": b.timing.minutes_left,
        "overdue": b.timing.clock == dpo_desk_core::domain::breaches::ClockState::Overdue,
        "clock": b.timing.clock,
        "risk": b.risk,
        "status": b.status,
        "authority_notified_at": b.authority_notified_at,
        "editor": b.editor_name,
    })
}

fn breach_line(b: &BreachRow) -> String {
    format!(
        "{:>6}  {:<16} {:<8} deadline {}  {:>5} h left  {}\n",
        b.id,
        b.timing.clock.as_str(),
        b.status.as_str(),
        b.timing.authority_deadline.to_rfc3339(),
        b.timing.hours_left,
        b.title
    )
}

fn row_of(b: &Breach) -> BreachRow {
    BreachRow {
        id: b.id,
        title: b.data.title.clone(),
        discovered_at: b.data.discovered_at,
        risk: b.data.risk,
        status: b.data.status,
        authority_notified_at: b.data.authority_notified_at,
        timing: b.timing,
        editor_name: b.editor_name.clone(),
        updated_at: b.updated_at,
    }
}

pub fn breach(cli: &Cli, action: &BreachAction) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    match action {
        BreachAction::Add {
            tenant,
            discovered_at,
            title,
        } => {
            let at = DateTime::parse_from_rfc3339(discovered_at)
                .map_err(|e| {
                    CoreError::validation(
                        "discovered_at",
                        "format",
                        format!("'{discovered_at}' is not an RFC 3339 instant ({e})"),
                    )
                })?
                .with_timezone(&Utc);
            let b = desk.create_breach(&mut session, &BreachInput::new(*tenant, at, title))?;
            let row = row_of(&b);
            Ok(Output {
                json: breach_json(&row),
                text: format!("Recorded breach\n{}", breach_line(&row)),
            })
        }
        BreachAction::List { tenant } => {
            let rows = desk.breaches(&mut session, *tenant)?;
            Ok(Output {
                json: Value::Array(rows.iter().map(breach_json).collect()),
                text: rows.iter().map(breach_line).collect(),
            })
        }
    }
}

fn agreement_json(g: &AgreementRow) -> Value {
    json!({
        "id": g.id,
        "processor_id": g.processor_id,
        "processor": g.processor_name,
        "subject": g.subject,
        "signed_on": g.signed_on,
        "next_review": g.next_review,
        "review_overdue": g.review_overdue,
        "activities": g.activity_count,
        "files": g.attachment_count,
    })
}

fn agreement_line(g: &AgreementRow) -> String {
    format!(
        "{:>6}  {} – {}{}\n",
        g.id,
        g.processor_name,
        g.subject,
        g.next_review
            .map(|d| format!("  (review {d})"))
            .unwrap_or_default()
    )
}

pub fn agreement(cli: &Cli, action: &AgreementAction) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    match action {
        AgreementAction::Add {
            tenant,
            processor,
            signed,
            next_review,
            subject,
        } => {
            let processor_id = match processor.trim().parse::<i64>() {
                Ok(id) => id,
                Err(_) => {
                    let existing = desk
                        .master_items(&mut session, *tenant, MasterKind::Processor)?
                        .into_iter()
                        .find(|i| i.data.name.eq_ignore_ascii_case(processor.trim()));
                    match existing {
                        Some(item) => item.id,
                        None => {
                            desk.create_master_item(
                                &mut session,
                                *tenant,
                                &MasterItemInput::named(MasterKind::Processor, processor),
                            )?
                            .id
                        }
                    }
                }
            };
            let input = AgreementInput {
                tenant_id: *tenant,
                processor_id,
                subject: subject.clone(),
                signed_on: *signed,
                sub_processors: String::new(),
                tom_check_on: None,
                tom_check_result: String::new(),
                next_review: *next_review,
                notes: String::new(),
                editor_id: None,
                activity_ids: Vec::new(),
                countries: Vec::new(),
            };
            let g = desk.create_processor_agreement(&mut session, &input)?;
            let row = AgreementRow {
                id: g.id,
                processor_id: g.data.processor_id,
                processor_name: g.processor_name.clone(),
                subject: g.data.subject.clone(),
                signed_on: g.data.signed_on,
                tom_check_on: g.data.tom_check_on,
                next_review: g.data.next_review,
                review_overdue: g.review_overdue,
                activity_count: g.activities.len() as i64,
                attachment_count: g.attachments.len() as i64,
                editor_name: g.editor_name.clone(),
                updated_at: g.updated_at,
            };
            Ok(Output {
                json: agreement_json(&row),
                text: format!("Recorded processor agreement\n{}", agreement_line(&row)),
            })
        }
        AgreementAction::List { tenant } => {
            let rows = desk.processor_agreements(&mut session, *tenant)?;
            Ok(Output {
                json: Value::Array(rows.iter().map(agreement_json).collect()),
                text: rows.iter().map(agreement_line).collect(),
            })
        }
    }
}

pub fn deadlines(cli: &Cli, tenant: Option<i64>) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    let board = desk.deadlines(&mut session, tenant)?;
    let json = Value::Array(
        board
            .items
            .iter()
            .map(|d| {
                json!({
                    "kind": d.kind,
                    "id": d.id,
                    "title": d.title,
                    "due": d.due,
                    "due_at": d.due_at,
                    "overdue": d.overdue,
                    "tenant_id": d.tenant_id,
                    "tenant": d.tenant_name,
                })
            })
            .collect(),
    );
    let text = board
        .items
        .iter()
        .map(|d| {
            format!(
                "{}  {:<28} {:>6}  {}{}{}\n",
                d.due,
                d.kind.as_str(),
                d.id,
                if d.title.is_empty() {
                    "backup"
                } else {
                    &d.title
                },
                if d.tenant_name.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", d.tenant_name)
                },
                if d.overdue { "  OVERDUE" } else { "" }
            )
        })
        .collect();
    Ok(Output { json, text })
}
