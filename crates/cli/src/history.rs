//! `history` and `history restore`: the versions of a record as the window's History tab
//! shows them, read from the audit log.

use dpo_desk_core::services::history::{parse_type, RecordHistory};
use serde_json::json;

use crate::args::{Cli, HistoryAction};
use crate::commands::Output;
use crate::context;
use crate::error::CliError;

fn output(history: &RecordHistory) -> Output {
    let json = json!({
        "type": history.object_type,
        "id": history.id,
        "versions": history.versions.iter().map(|v| json!({
            "version": v.version,
            "at": v.at,
            "by": v.by,
            "action": v.action,
            "restorable": v.restorable,
            "changes": v.changes.iter().map(|c| json!({
                "field": c.field,
                "label": c.label,
                "change": c.change,
            })).collect::<Vec<_>>(),
            "values": v.snapshot,
        })).collect::<Vec<_>>(),
    });
    let mut text = String::new();
    for v in &history.versions {
        text.push_str(&format!(
            "{:>3}  {}  {}  {}\n",
            v.version,
            v.at.format("%Y-%m-%d %H:%M"),
            v.by.as_deref().unwrap_or("—"),
            v.action_label
        ));
        for c in &v.changes {
            text.push_str(&format!("       {}: {}\n", c.label, c.change));
        }
    }
    Output { text, json }
}

pub fn history(
    cli: &Cli,
    action: &Option<HistoryAction>,
    object: &Option<String>,
    id: Option<i64>,
) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    let history = match action {
        None => {
            // clap requires both without a subcommand.
            let (object, id) = (
                object.as_deref().unwrap_or_default(),
                id.unwrap_or_default(),
            );
            desk.record_history(&mut session, parse_type(object)?, id)?
        }
        Some(HistoryAction::Restore {
            object,
            id,
            version,
        }) => desk.restore_version(&mut session, parse_type(object)?, *id, *version)?,
    };
    Ok(output(&history))
}
