//! `tom list|add|set|review` (SPEC §14). The JSON of a measure carries at least `id`,
//! `protection_type`, `title`, `status`, `companies` (ids) and `next_review`.

use dpo_desk_core::domain::toms::{
    ProtectionType, ReviewInput, Tom, TomFilter, TomInput, TomKind, TomRow, TomStatus,
};
use dpo_desk_core::CoreError;
use serde_json::{json, Value};

use crate::args::{Cli, TomAction};
use crate::commands::Output;
use crate::context;
use crate::error::CliError;

fn named<T>(
    field: &'static str,
    text: &str,
    parse: fn(&str) -> Option<T>,
    all: &[T],
) -> Result<T, CoreError>
where
    T: std::fmt::Display,
{
    parse(text).ok_or_else(|| {
        let names: Vec<String> = all.iter().map(ToString::to_string).collect();
        CoreError::validation(
            field,
            "unknown",
            format!("unknown {field} '{text}' ({})", names.join(", ")),
        )
    })
}

fn status(text: &str) -> Result<TomStatus, CoreError> {
    named("status", text, TomStatus::parse, TomStatus::ALL)
}

fn protection_type(text: &str) -> Result<ProtectionType, CoreError> {
    named(
        "protection_type",
        text,
        ProtectionType::parse,
        ProtectionType::ALL,
    )
}

fn row_json(r: &TomRow) -> Value {
    json!({
        "id": r.id,
        "protection_type": r.protection_type,
        "kind": r.kind,
        "title": r.title,
        "status": r.status,
        "companies": r.company_ids,
        "company_names": r.company_names,
        "editor": r.editor_name,
        "next_review": r.next_review,
        "last_review": r.last_review,
        "activities": r.activity_count,
        "own": r.own,
    })
}

fn tom_json(t: &Tom) -> Value {
    json!({
        "id": t.id,
        "tenant_id": t.data.tenant_id,
        "catalogue_key": t.catalogue_key,
        "protection_type": t.data.protection_type,
        "kind": t.data.kind,
        "title": t.data.title,
        "description": t.data.description,
        "implementation": t.data.implementation,
        "art32": t.data.art32,
        "sdm": t.data.sdm,
        "status": t.data.status,
        "companies": t.data.company_ids,
        "company_names": t.companies.iter().map(|c| c.name.clone()).collect::<Vec<_>>(),
        "editor": t.editor_name,
        "next_review": t.data.next_review,
        "reviews": t.reviews,
    })
}

fn line(
    id: i64,
    protection_type: ProtectionType,
    status: TomStatus,
    title: &str,
    next: Option<chrono::NaiveDate>,
) -> String {
    format!(
        "{id:>6}  {:<16} {:<10} {}{}\n",
        protection_type.as_str(),
        status.as_str(),
        title,
        next.map(|d| format!("  (review {d})")).unwrap_or_default()
    )
}

pub fn tom(cli: &Cli, action: &TomAction) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    match action {
        TomAction::List {
            tenant,
            company,
            status: wanted,
            protection_type: kind,
            review_due,
        } => {
            let filter = TomFilter {
                protection_type: kind.as_deref().map(protection_type).transpose()?,
                status: wanted.as_deref().map(status).transpose()?,
                company_id: *company,
                review_due: *review_due,
            };
            let rows = desk.toms(&mut session, *tenant, &filter)?;
            Ok(Output {
                json: Value::Array(rows.iter().map(row_json).collect()),
                text: rows
                    .iter()
                    .map(|r| line(r.id, r.protection_type, r.status, &r.title, r.next_review))
                    .collect(),
            })
        }
        TomAction::Add {
            tenant,
            protection_type: kind,
            kind: technical,
            description,
            title,
        } => {
            let input = TomInput {
                kind: named("kind", technical, TomKind::parse, TomKind::ALL)?,
                description: description.clone(),
                ..TomInput::new(*tenant, protection_type(kind)?, title)
            };
            let t = desk.create_tom(&mut session, &input)?;
            Ok(Output {
                json: tom_json(&t),
                text: format!(
                    "Created measure\n{}",
                    line(
                        t.id,
                        t.data.protection_type,
                        t.data.status,
                        &t.data.title,
                        t.data.next_review
                    )
                ),
            })
        }
        TomAction::Set {
            id,
            status: wanted,
            valid_for,
            next_review,
            implementation,
        } => {
            let mut data = desk.tom(&mut session, *id)?.tom.data;
            if let Some(s) = wanted {
                data.status = status(s)?;
            }
            if let Some(companies) = valid_for {
                data.company_ids = companies.clone();
            }
            if next_review.is_some() {
                data.next_review = *next_review;
            }
            if let Some(text) = implementation {
                data.implementation = text.clone();
            }
            let t = desk.update_tom(&mut session, *id, &data)?;
            Ok(Output {
                json: tom_json(&t),
                text: format!(
                    "Updated measure\n{}",
                    line(
                        t.id,
                        t.data.protection_type,
                        t.data.status,
                        &t.data.title,
                        t.data.next_review
                    )
                ),
            })
        }
        TomAction::Review {
            id,
            result,
            date,
            reviewer,
            next_review,
        } => {
            let t = desk.review_tom(
                &mut session,
                *id,
                &ReviewInput {
                    reviewed_on: *date,
                    reviewer: reviewer.clone(),
                    result: result.clone(),
                    next_review: *next_review,
                },
            )?;
            Ok(Output {
                json: tom_json(&t),
                text: format!(
                    "Recorded review; next review {}\n",
                    t.data
                        .next_review
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                ),
            })
        }
    }
}
