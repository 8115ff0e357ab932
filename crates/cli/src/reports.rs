//! `report ropa|toms|dpia`, `export KIND` and `imprint` / `privacy-policy` (SPEC §14):
//! files written under a temporary name and renamed, so a failed run never leaves half a
//! file; the website texts printed as saved.

use std::path::Path;

use dpo_desk_core::domain::activities::ActivityRole;
use dpo_desk_core::domain::master_data::MasterKind;
use dpo_desk_core::domain::website_texts::WebsiteTextKind;
use dpo_desk_core::services::exports::{write_atomically, ExportFile, ExportFormat};
use dpo_desk_core::services::generators;
use dpo_desk_core::services::reports::ReportRequest;
use serde_json::json;

use crate::args::{Cli, ReportAction, ReportOutput};
use crate::commands::Output;
use crate::context;
use crate::error::CliError;

fn written(to: &Path, file: &ExportFile) -> Result<Output, CliError> {
    write_atomically(to, &file.bytes)?;
    Ok(Output {
        text: format!("Wrote {} ({} bytes)\n", to.display(), file.bytes.len()),
        json: json!({ "file": to, "bytes": file.bytes.len() }),
    })
}

pub fn report(cli: &Cli, action: &ReportAction) -> Result<Output, CliError> {
    let (request, output): (ReportRequest, &ReportOutput) = match action {
        ReportAction::Ropa {
            company,
            kind,
            only_active,
            output,
        } => {
            let role = ActivityRole::parse(kind).ok_or_else(|| {
                CliError::Usage(format!(
                    "--kind must be controller or processor, not '{kind}'"
                ))
            })?;
            (
                ReportRequest::Ropa {
                    company_id: *company,
                    role,
                    only_active: *only_active,
                    language: output.language.clone(),
                },
                output,
            )
        }
        ReportAction::Toms { company, output } => (
            ReportRequest::Toms {
                company_id: *company,
                language: output.language.clone(),
            },
            output,
        ),
        ReportAction::Dpia { id, output } => (
            ReportRequest::Dpia {
                dpia_id: *id,
                language: output.language.clone(),
            },
            output,
        ),
    };
    if let Some(language) = &output.language {
        if language != "de" && language != "en" {
            return Err(CliError::Usage(format!(
                "--language must be de or en, not '{language}'"
            )));
        }
    }
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    let job = match &output.from_backup {
        Some(backup) => {
            desk.prepare_report_from_backup(&mut session, backup, &request, &mut |_, _| {})?
        }
        None => desk.prepare_report(&mut session, &request)?,
    };
    // The database is not needed while the PDF is laid out.
    drop(desk);
    let file = job.render(Box::new(|_, _| true))?;
    written(&output.to, &file)
}

pub fn export(
    cli: &Cli,
    kind: &str,
    tenant: Option<i64>,
    format: &str,
    to: &Path,
) -> Result<Output, CliError> {
    let format = ExportFormat::parse(format).ok_or_else(|| {
        CliError::Usage(format!(
            "--format must be csv, json or xlsx, not '{format}'"
        ))
    })?;
    let tenant_of =
        || tenant.ok_or_else(|| CliError::Usage(format!("export {kind} needs --tenant ID")));
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    let s = &mut session;
    let file = match kind {
        "activities" => desk.export_activities(s, tenant_of()?, None, None, format)?,
        "companies" => desk.export_companies(s, tenant_of()?, format)?,
        "areas" => desk.export_areas(s, tenant_of()?, format)?,
        "toms" => desk.export_toms(s, tenant_of()?, format)?,
        "dpias" => desk.export_dpias(s, tenant_of()?, format)?,
        "requests" => desk.export_requests(s, tenant_of()?, format)?,
        "breaches" => desk.export_breaches(s, tenant_of()?, format)?,
        "processor_agreements" => desk.export_processor_agreements(s, tenant_of()?, format)?,
        "courses" => desk.export_courses(s, tenant_of()?, format)?,
        "documents" => desk.export_documents(s, tenant_of()?, format)?,
        "course_results" => desk.export_course_results(s, tenant_of()?, None, format)?,
        "tenants" => desk.export_tenant_list(s, format)?,
        other => match other.strip_prefix("master:").and_then(MasterKind::parse) {
            Some(master) => desk.export_master_items(s, tenant_of()?, master, format)?,
            None => {
                return Err(CliError::Usage(format!(
                    "unknown list '{other}': activities, companies, areas, toms, dpias, requests, breaches, processor_agreements, courses, course_results, documents, tenants or master:KIND"
                )))
            }
        },
    };
    written(to, &file)
}

/// The saved imprint or privacy policy as plain text (or HTML); JSON carries both.
pub fn website_text(
    cli: &Cli,
    company: i64,
    kind: WebsiteTextKind,
    as_html: bool,
) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    let saved = desk
        .website_text(&mut session, company, kind)?
        .ok_or_else(|| {
            dpo_desk_core::CoreError::validation(
                "company",
                "no_text",
                format!(
                    "company {company} has no saved {}; generate and save it in the window first",
                    match kind {
                        WebsiteTextKind::Imprint => "imprint",
                        WebsiteTextKind::PrivacyPolicy => "privacy policy",
                    }
                ),
            )
        })?;
    let plain = generators::plain(&saved.text);
    let html = generators::html(&saved.text);
    Ok(Output {
        text: format!("{}\n", if as_html { &html } else { &plain }),
        json: json!({
            "company_id": saved.company_id,
            "kind": saved.kind,
            "language": saved.language,
            "text": plain,
            "html": html,
            "updated_at": saved.updated_at,
            "updated_by": saved.updated_by,
        }),
    })
}
