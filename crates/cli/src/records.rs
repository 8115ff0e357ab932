//! Companies, areas and processing activities on the command line: enough to prepare a
//! tenant from a script (and for tests), the rest is the window's.

use dpo_desk_core::domain::activities::{Activity, ActivityInput, ActivityStatus};
use dpo_desk_core::domain::areas::{Area, AreaInput};
use dpo_desk_core::domain::companies::{Company, CompanyInput};
use dpo_desk_core::CoreError;
use serde_json::json;

use crate::args::{ActivityAction, AreaAction, Cli, CompanyAction};
use crate::commands::Output;
use crate::context;
use crate::error::CliError;

fn company_text(c: &Company) -> String {
    format!(
        "{:>5}  {}{}\n",
        c.id,
        c.data.name,
        if c.data.city.is_empty() {
            String::new()
        } else {
            format!(", {}", c.data.city)
        }
    )
}

pub fn company(cli: &Cli, action: &CompanyAction) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    match action {
        CompanyAction::List { tenant } => {
            let companies = desk.companies(&mut session, *tenant)?;
            Ok(Output {
                json: json!(companies),
                text: companies.iter().map(company_text).collect(),
            })
        }
        CompanyAction::Add {
            name,
            tenant,
            legal_form,
            city,
            processor,
        } => {
            let input = CompanyInput {
                name: name.clone(),
                legal_form: legal_form.clone(),
                city: city.clone(),
                is_controller: true,
                is_processor: *processor,
                ..Default::default()
            };
            let company = desk.create_company(&mut session, *tenant, &input)?;
            Ok(Output {
                json: json!(company),
                text: format!("Created company\n{}", company_text(&company)),
            })
        }
    }
}

fn area_text(a: &Area) -> String {
    format!(
        "{:>5}  {} / {} ({} activities)\n",
        a.id, a.company_name, a.name, a.activity_count
    )
}

pub fn area(cli: &Cli, action: &AreaAction) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    match action {
        AreaAction::List { tenant } => {
            let areas = desk.areas(&mut session, *tenant)?;
            Ok(Output {
                json: json!(areas),
                text: areas.iter().map(area_text).collect(),
            })
        }
        AreaAction::Add { name, company } => {
            let area = desk.create_area(
                &mut session,
                &AreaInput {
                    company_id: *company,
                    name: name.clone(),
                    description: String::new(),
                },
            )?;
            Ok(Output {
                json: json!(area),
                text: format!("Created area\n{}", area_text(&area)),
            })
        }
    }
}

fn activity_text(a: &Activity) -> String {
    format!(
        "{:>6}  {}  [{}]  {} / {}\n",
        a.id, a.data.name, a.data.status, a.company_name, a.area_name
    )
}

pub fn activity(cli: &Cli, action: &ActivityAction) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    match action {
        ActivityAction::List { tenant, search } => {
            let activities = desk.activity_records(&mut session, *tenant, search.as_deref())?;
            Ok(Output {
                json: json!(activities),
                text: activities.iter().map(activity_text).collect(),
            })
        }
        ActivityAction::Add {
            name,
            area,
            status,
            editor,
            purposes,
            responsible,
            review,
        } => {
            let status = ActivityStatus::parse(status).ok_or_else(|| {
                CoreError::validation(
                    "status",
                    "unknown",
                    format!("unknown status '{status}' (draft, in_review, active, inactive)"),
                )
            })?;
            let editor_id = match editor {
                Some(name) => {
                    let mut found = None;
                    for tenant in desk.tenants(&mut session)? {
                        found = found.or(desk
                            .editors(&mut session, tenant.id)?
                            .into_iter()
                            .find(|u| u.name.eq_ignore_ascii_case(name.trim())));
                    }
                    Some(
                        found
                            .ok_or_else(|| {
                                CoreError::validation(
                                    "editor",
                                    "unknown",
                                    format!("no user named '{name}'"),
                                )
                            })?
                            .id,
                    )
                }
                None => None,
            };
            let input = ActivityInput {
                status,
                responsible: responsible.clone(),
                editor_id,
                purposes: purposes.clone(),
                review_planned: *review,
                ..ActivityInput::new(*area, name)
            };
            let activity = desk.create_activity(&mut session, &input)?;
            Ok(Output {
                json: json!(activity),
                text: format!("Created processing activity\n{}", activity_text(&activity)),
            })
        }
    }
}
