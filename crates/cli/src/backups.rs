//! `dpo-desk-cli backup …` (SPEC §14): the same operations as Tools → Backups, for
//! administrators and schedulers.

use dpo_desk_core::desk::installation;
use dpo_desk_core::services::backup::file::BackupHeader;
use dpo_desk_core::services::backup::{BackupEntry, BackupModule};
use dpo_desk_core::store::keystore::OsKeyring;
use serde_json::json;

use crate::args::{BackupAction, Cli};
use crate::commands::Output;
use crate::context;
use crate::error::CliError;

fn entry_text(b: &BackupEntry) -> String {
    let downloaded = b
        .downloaded_at
        .map(|d| format!("downloaded {}", d.format("%Y-%m-%d %H:%M")))
        .unwrap_or_else(|| "not downloaded".into());
    format!(
        "{:>4}  {}  {:>10} bytes  {}  {}  {}\n",
        b.id,
        b.created_at.format("%Y-%m-%d %H:%M:%S"),
        b.size,
        b.created_by,
        downloaded,
        b.file_name
    )
}

fn header_text(h: &BackupHeader) -> String {
    format!(
        "Backup of \"{}\" made {} by {} (schema {}, {} bytes of data): intact\n",
        h.office_name,
        h.created_at.format("%Y-%m-%d %H:%M:%S"),
        h.created_by,
        h.schema_version,
        h.payload_size
    )
}

pub fn backup(cli: &Cli, action: &BackupAction) -> Result<Output, CliError> {
    // Moving to a new machine: an empty folder is set up from the backup itself.
    if let BackupAction::Restore { file, module: None } = action {
        let dir = context::data_dir(cli)?;
        if !installation::is_set_up(&dir) {
            let key = context::env_secret(cli.recovery_key_env.as_deref(), "--recovery-key-env")?;
            let desk = installation::restore_from_backup(
                &dir,
                file,
                &key,
                &OsKeyring,
                context::clock(cli)?,
            )?;
            let office = desk.office_name()?;
            return Ok(Output {
                json: json!({ "restored": file.display().to_string(), "data_dir": dir.display().to_string(), "office": office, "module": null }),
                text: format!(
                    "Set up \"{office}\" in {} from {}\n",
                    dir.display(),
                    file.display()
                ),
            });
        }
    }
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    let mut quiet = |_: u64, _: u64| {};
    match action {
        BackupAction::Create { to: None } => {
            let b = desk.create_backup(&mut session, &mut quiet)?;
            Ok(Output {
                text: format!("Created backup\n{}", entry_text(&b)),
                json: json!(b),
            })
        }
        BackupAction::Create { to: Some(dir) } => {
            let path = desk.create_backup_in(&mut session, dir, &mut quiet)?;
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            Ok(Output {
                text: format!("Created {} ({size} bytes)\n", path.display()),
                json: json!({ "file": path.display().to_string(), "size": size }),
            })
        }
        BackupAction::List => {
            let list = desk.backups(&mut session)?;
            let mut text: String = list.iter().map(entry_text).collect();
            if list.is_empty() {
                text = "No backups inside the app.\n".into();
            }
            Ok(Output {
                text,
                json: json!(list),
            })
        }
        BackupAction::Verify { file } => {
            let header = desk.verify_backup(&mut session, file, &mut quiet)?;
            Ok(Output {
                text: header_text(&header),
                json: json!({ "file": file.display().to_string(), "valid": true, "header": header }),
            })
        }
        BackupAction::Export { id, to } => {
            let b = desk.download_backup(&mut session, *id, to)?;
            Ok(Output {
                text: format!("Saved backup {} to {}\n", b.id, to.display()),
                json: json!({ "backup": b, "file": to.display().to_string() }),
            })
        }
        BackupAction::Delete { id } => {
            desk.delete_backup(&mut session, *id)?;
            Ok(Output {
                text: format!("Deleted backup {id}\n"),
                json: json!({ "deleted": id }),
            })
        }
        BackupAction::Restore { file, module } => {
            let module = module.as_deref().map(BackupModule::parse).transpose()?;
            let report = desk.restore_backup(&mut session, file, module, &mut quiet)?;
            let what = module
                .map(|m| format!("{m:?}"))
                .unwrap_or_else(|| "everything".into());
            Ok(Output {
                text: format!(
                    "Restored {what} as of {}\nSafety backup of the state before: {}\n",
                    report.backup.created_at.format("%Y-%m-%d %H:%M:%S"),
                    report.safety_backup
                ),
                json: json!(report),
            })
        }
        BackupAction::Auto { folder, off } => {
            let state = if *off || folder.is_some() {
                desk.set_automatic_backup(&mut session, folder.as_deref())?
            } else {
                desk.automatic_backup(&mut session)?
            };
            let text = match &state.folder {
                Some(f) => format!("Automatic daily backup into {f}\n"),
                None => "Automatic daily backup: off\n".into(),
            };
            Ok(Output {
                text,
                json: json!(state),
            })
        }
        BackupAction::Csv { file, module, to } => {
            let module = BackupModule::parse(module)?;
            let files = desk.backup_csv(&mut session, file, module, to, &mut quiet)?;
            let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            Ok(Output {
                text: names.iter().map(|n| format!("{n}\n")).collect(),
                json: json!({ "files": names }),
            })
        }
    }
}
