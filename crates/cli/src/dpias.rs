//! `dpia check|list|show|import-cnil|export-cnil` (SPEC §14), plus `dpia start`.

use dpo_desk_core::domain::dpias::check::CheckInput;
use dpo_desk_core::domain::dpias::Dpia;
use serde_json::json;

use crate::args::{Cli, DpiaAction};
use crate::commands::Output;
use crate::context;
use crate::error::CliError;

fn dpia_text(d: &Dpia) -> String {
    let mut out = format!(
        "DPIA {} of \"{}\", version {} ({}){}\n",
        d.id,
        d.activity_name,
        d.version,
        d.status,
        if d.is_current {
            ""
        } else {
            ", earlier version"
        }
    );
    for r in &d.risks {
        let rating = |l: Option<i64>, s: Option<i64>| match (l, s) {
            (Some(l), Some(s)) => format!("likelihood {l}, severity {s}"),
            _ => "not rated".into(),
        };
        out.push_str(&format!(
            "  {:<22} {} → {}  |  after measures: {} → {}\n",
            if r.data.title.is_empty() {
                r.data.kind.as_str().to_string()
            } else {
                r.data.title.clone()
            },
            rating(r.data.likelihood, r.data.severity),
            r.level.map_or("–", |l| l.as_str()),
            rating(r.data.residual_likelihood, r.data.residual_severity),
            r.residual_level.map_or("–", |l| l.as_str()),
        ));
    }
    out
}

pub fn dpia(cli: &Cli, action: &DpiaAction) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    match action {
        DpiaAction::Check {
            activity,
            criteria,
            note,
        } => {
            let check = desk.check_dpia(
                &mut session,
                *activity,
                &CheckInput {
                    criteria: criteria.clone(),
                    note: note.clone(),
                },
            )?;
            Ok(Output {
                text: format!(
                    "{}{}\n",
                    check.verdict,
                    if check.reasons.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", check.reasons.join(", "))
                    }
                ),
                json: json!(check),
            })
        }
        DpiaAction::List { tenant } => {
            let rows = desk.dpias(&mut session, *tenant)?;
            Ok(Output {
                text: rows
                    .iter()
                    .map(|r| {
                        format!(
                            "{:>6}  v{}  {:<11} {}/{} sections  {}\n",
                            r.id,
                            r.version,
                            r.status.as_str(),
                            r.sections_done,
                            r.sections,
                            r.activity_name
                        )
                    })
                    .collect(),
                json: json!(rows),
            })
        }
        DpiaAction::Show { id } => {
            let d = desk.dpia(&mut session, *id)?;
            Ok(Output {
                text: dpia_text(&d),
                json: json!(d),
            })
        }
        DpiaAction::Start { activity, review } => {
            let mut d = desk.start_dpia(&mut session, *activity)?;
            if review.is_some() {
                let mut data = d.data.clone();
                data.review_date = *review;
                d = desk.update_dpia(&mut session, d.id, &data)?;
            }
            Ok(Output {
                text: dpia_text(&d),
                json: json!(d),
            })
        }
        DpiaAction::ImportCnil { file, activity } => {
            let bytes = std::fs::read(file).map_err(|e| dpo_desk_core::CoreError::io(file, e))?;
            let d = desk.import_cnil(&mut session, *activity, &bytes)?;
            Ok(Output {
                text: format!("Imported\n{}", dpia_text(&d)),
                json: json!(d),
            })
        }
        DpiaAction::ExportCnil { id, to } => {
            let export = desk.export_cnil(&mut session, *id)?;
            dpo_desk_core::services::exports::write_atomically(to, &export.bytes)?;
            let mut text = format!("Wrote {}\n", to.display());
            if !export.folded_threats.is_empty() {
                text.push_str(&format!(
                    "The CNIL tool has three risks: own threats went into the threats of the nearest one: {}\n",
                    export.folded_threats.join(", ")
                ));
            }
            Ok(Output {
                text,
                json: json!({ "id": id, "file": to, "folded_threats": export.folded_threats }),
            })
        }
    }
}
