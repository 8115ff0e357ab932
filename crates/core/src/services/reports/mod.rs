//! PDF reports a DPO hands to an authority or a client (SPEC §12): the records of
//! processing for a company as controller or as processor, the company's TOMs, one DPIA,
//! and the recovery-key sheet.
//!
//! A report is made in two steps so the database is held only briefly: `load` reads
//! everything the report shows (with the reader's visibility) into a [`ReportJob`]; the job
//! then lays the PDF out on any thread, with progress and a way to cancel.

mod breach;
mod certificate;
mod dpia;
pub mod pdf;
mod recovery_sheet;
mod ropa;
mod toms;

use std::collections::HashMap;

use chrono::{DateTime, Local, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::access::permissions::granted;
use crate::domain::activities::{self, Activity, ActivityRole, ActivityStatus};
use crate::domain::companies::{self, Company};
use crate::domain::dpias::{self, matrix, Dpia};
use crate::domain::master_data::{self, MasterKind};
use crate::domain::toms::{self as tom_domain, Tom};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::export::{file_name_part, ExportFile};
use crate::kernel::text::{text, Language};
use crate::kernel::vocabulary::{ObjectType, Permission, Right};

pub use pdf::Progress;

/// Which report, for what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "report", rename_all = "snake_case")]
#[ts(export)]
pub enum ReportRequest {
    /// The records of processing of a company: Art. 30(1) with `role` controller, Art.
    /// 30(2) with `role` processor.
    Ropa {
        company_id: i64,
        role: ActivityRole,
        only_active: bool,
        /// "de" or "en"; the user's language when absent.
        language: Option<String>,
    },
    Toms {
        company_id: i64,
        language: Option<String>,
    },
    Dpia {
        dpia_id: i64,
        language: Option<String>,
    },
    /// The notification of a breach to the authority (Art. 33(3)).
    Breach {
        breach_id: i64,
        language: Option<String>,
    },
    /// The learner's own certificate of a passed course (no right needed).
    Certificate {
        assignment_id: i64,
        language: Option<String>,
    },
    /// Every certificate of a tenant's courses, one page each.
    Certificates {
        tenant_id: i64,
        language: Option<String>,
    },
}

impl ReportRequest {
    /// The object type whose print right the report needs (SPEC §12).
    pub fn object(&self) -> ObjectType {
        match self {
            ReportRequest::Ropa { .. } => ObjectType::ProcessingActivity,
            ReportRequest::Toms { .. } => ObjectType::Tom,
            ReportRequest::Dpia { .. } => ObjectType::Dpia,
            ReportRequest::Breach { .. } => ObjectType::Breach,
            ReportRequest::Certificate { .. } | ReportRequest::Certificates { .. } => {
                ObjectType::Course
            }
        }
    }

    pub fn right(&self) -> Right {
        Right::Print
    }

    fn language(&self, user: &UserRecord) -> Language {
        let chosen = match self {
            ReportRequest::Ropa { language, .. }
            | ReportRequest::Toms { language, .. }
            | ReportRequest::Dpia { language, .. }
            | ReportRequest::Breach { language, .. }
            | ReportRequest::Certificate { language, .. }
            | ReportRequest::Certificates { language, .. } => language.as_deref(),
        };
        Language::of(chosen.or(user.language.as_deref()))
    }
}

/// Everything a report shows, read from the database; laying it out needs nothing else.
pub struct ReportJob {
    content: Content,
    meta: pdf::Meta,
    suggested_name: String,
}

enum Content {
    Ropa(ropa::Ropa),
    Toms(toms::TomReport),
    Dpia(Box<dpia::DpiaReport>),
    Breach(Box<breach::BreachReport>),
    Certificates(certificate::Certificates),
    RecoverySheet(recovery_sheet::RecoverySheet),
}

impl ReportJob {
    /// Lays the PDF out; `progress` may cancel it ([`CoreError::Cancelled`]).
    pub fn render(self, progress: Progress) -> CoreResult<ExportFile> {
        let bytes = match &self.content {
            Content::Ropa(r) => r.render(&self.meta, progress)?,
            Content::Toms(r) => r.render(&self.meta, progress)?,
            Content::Dpia(r) => r.render(&self.meta, progress)?,
            Content::Breach(r) => r.render(&self.meta, progress)?,
            Content::Certificates(r) => r.render(&self.meta, progress)?,
            Content::RecoverySheet(r) => r.render(&self.meta, progress)?,
        };
        Ok(ExportFile {
            suggested_name: self.suggested_name,
            bytes,
        })
    }

    /// The file name to suggest in the save dialog.
    pub fn suggested_name(&self) -> &str {
        &self.suggested_name
    }
}

/// A date as the report's language writes it.
pub(crate) fn date(language: Language, day: NaiveDate) -> String {
    match language {
        Language::German => day.format("%d.%m.%Y").to_string(),
        Language::English => day.format("%-d %B %Y").to_string(),
    }
}

pub(crate) fn optional_date(language: Language, day: Option<NaiveDate>) -> String {
    day.map(|d| date(language, d)).unwrap_or_default()
}

fn local_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Local).date_naive()
}

fn meta(language: Language, title: String, office: &str, now: DateTime<Utc>) -> pdf::Meta {
    pdf::Meta {
        title,
        office: office.to_string(),
        date: date(language, local_day(now)),
        language,
    }
}

/// "Bäckerei Schmidt GmbH – RoPA controller – 2026-03-02.pdf", safe on every OS.
fn file_name(subject: &str, what: &str, now: DateTime<Utc>) -> String {
    format!(
        "{} – {} – {}.pdf",
        file_name_part(subject),
        what,
        local_day(now)
    )
}

/// Reads what the report shows, as `user` may see it. The caller has checked the print
/// right; the company or assessment must be visible to the user.
pub(crate) fn load(
    conn: &Connection,
    user: &UserRecord,
    request: &ReportRequest,
    office: &str,
    now: DateTime<Utc>,
) -> CoreResult<ReportJob> {
    let language = request.language(user);
    match request {
        ReportRequest::Ropa {
            company_id,
            role,
            only_active,
            ..
        } => {
            let company = companies::accessible(conn, user, *company_id)?;
            let activities: Vec<Activity> =
                activities::full_list(conn, user, company.tenant_id, None)?
                    .into_iter()
                    .filter(|a| a.company_id == company.id && a.data.role == *role)
                    .filter(|a| !only_active || a.data.status == ActivityStatus::Active)
                    .collect();
            // Measures are a right of their own: without it the record names none.
            let toms = if granted(conn, user, Permission::new(ObjectType::Tom, Right::View))? {
                tom_domain::full_list(conn, user, company.tenant_id)?
            } else {
                Vec::new()
            };
            let mut categories = HashMap::new();
            for kind in [MasterKind::Recipient, MasterKind::Processor] {
                for item in master_data::list(conn, company.tenant_id, kind)? {
                    categories.insert(item.id, item.data.category);
                }
            }
            let what = text(
                language,
                match role {
                    ActivityRole::Controller => "report-file-ropa-controller",
                    ActivityRole::Processor => "report-file-ropa-processor",
                },
            );
            let title = format!("{} — {}", text(language, "ropa-title"), company.data.name);
            Ok(ReportJob {
                suggested_name: file_name(&company.data.name, &what, now),
                meta: meta(language, title, office, now),
                content: Content::Ropa(ropa::Ropa::new(
                    company,
                    activities,
                    toms,
                    categories,
                    *role,
                    *only_active,
                    now,
                )),
            })
        }
        ReportRequest::Toms { company_id, .. } => {
            let company = companies::accessible(conn, user, *company_id)?;
            let toms: Vec<Tom> = tom_domain::full_list(conn, user, company.tenant_id)?
                .into_iter()
                .filter(|t| t.data.company_ids.contains(&company.id))
                .collect();
            let what = text(language, "report-file-toms");
            let title = format!(
                "{} — {}",
                text(language, "toms-report-title"),
                company.data.name
            );
            Ok(ReportJob {
                suggested_name: file_name(&company.data.name, &what, now),
                meta: meta(language, title, office, now),
                content: Content::Toms(toms::TomReport::new(company, toms)),
            })
        }
        ReportRequest::Dpia { dpia_id, .. } => {
            let dpia: Dpia = dpias::visible_by_id(conn, user, *dpia_id)?;
            let company: Company = companies::by_id(conn, dpia.company_id)?.ok_or_else(|| {
                CoreError::Corrupt(format!("the DPIA {dpia_id} belongs to no company"))
            })?;
            let what = text(language, "report-file-dpia");
            let title = format!(
                "{} — {}",
                text(language, "dpia-report-title"),
                dpia.activity_name
            );
            Ok(ReportJob {
                suggested_name: file_name(&dpia.activity_name, &what, now),
                meta: meta(language, title, office, now),
                content: Content::Dpia(Box::new(dpia::DpiaReport::new(
                    dpia,
                    company,
                    matrix::current(conn)?,
                ))),
            })
        }
        ReportRequest::Certificate { .. } | ReportRequest::Certificates { .. } => {
            certificates(conn, user, request, language, office, now)
        }
        ReportRequest::Breach { breach_id, .. } => {
            let breach = crate::domain::breaches::visible_by_id(conn, user, *breach_id, now)?;
            let tenant =
                crate::domain::tenants::by_id(conn, breach.data.tenant_id)?.ok_or_else(|| {
                    CoreError::Corrupt(format!("the breach {breach_id} belongs to no tenant"))
                })?;
            let companies: Vec<Company> = companies::list(conn, tenant.id)?
                .into_iter()
                .filter(|c| c.data.is_controller)
                .collect();
            let what = text(language, "report-file-breach");
            let title = format!(
                "{} — {}",
                text(language, "breach-report-title"),
                breach.data.title
            );
            Ok(ReportJob {
                suggested_name: file_name(&breach.data.title, &what, now),
                meta: meta(language, title, office, now),
                content: Content::Breach(Box::new(breach::BreachReport {
                    breach,
                    tenant_name: tenant.name,
                    companies,
                })),
            })
        }
    }
}

/// The certificates of passed courses: the learner's own, or every one of a tenant.
fn certificates(
    conn: &Connection,
    user: &UserRecord,
    request: &ReportRequest,
    language: Language,
    office: &str,
    now: DateTime<Utc>,
) -> CoreResult<ReportJob> {
    use crate::domain::courses::statistics;
    let (list, subject) = match request {
        ReportRequest::Certificate { assignment_id, .. } => {
            let own = statistics::own(conn, user, *assignment_id)?.ok_or_else(|| {
                CoreError::validation(
                    "certificate",
                    "unknown",
                    "there is no certificate for this course yet: it is issued once the course is passed",
                )
            })?;
            let subject = format!("{} – {}", own.course_name, own.learner);
            (vec![own], subject)
        }
        ReportRequest::Certificates { tenant_id, .. } => {
            let tenant = crate::domain::tenants::accessible(conn, user, *tenant_id)?;
            let list = statistics::of_tenant(conn, user, *tenant_id)?;
            if list.is_empty() {
                return Err(CoreError::validation(
                    "certificate",
                    "none",
                    "no learner of this tenant has passed a course yet",
                ));
            }
            (list, tenant.name)
        }
        _ => unreachable!("only certificate requests come here"),
    };
    // A learner's certificate speaks the course's language unless another was asked for.
    let language = match request {
        ReportRequest::Certificate { language: None, .. } => {
            Language::of(Some(&list[0].course_language))
        }
        _ => language,
    };
    let title = format!("{} — {}", text(language, "certificate-title"), subject);
    Ok(ReportJob {
        suggested_name: file_name(&subject, &text(language, "report-file-certificate"), now),
        meta: meta(language, title, office, now),
        content: Content::Certificates(certificate::Certificates { certificates: list }),
    })
}

/// The sheet that keeps the recovery key safe on paper (SPEC §1).
pub fn recovery_sheet(
    recovery_key: &str,
    office: &str,
    language: Language,
    now: DateTime<Utc>,
) -> ReportJob {
    let title = text(language, "recovery-title");
    ReportJob {
        suggested_name: file_name(office, &text(language, "report-file-recovery"), now),
        meta: meta(language, title, office, now),
        content: Content::RecoverySheet(recovery_sheet::RecoverySheet {
            key: recovery_key.to_string(),
        }),
    }
}
