//! `document list|add|get|versions` (SPEC §14) and `document quota` (extension).

use dpo_desk_core::domain::documents::{DocumentRow, DocumentVersion, StorageUse};
use dpo_desk_core::{CoreError, Desk, Session};
use serde_json::{json, Value};

use crate::args::{Cli, DocumentAction};
use crate::commands::Output;
use crate::context;
use crate::error::CliError;

fn row_json(d: &DocumentRow) -> Value {
    json!({
        "id": d.id,
        "name": d.name,
        "folder": d.folder_path,
        "version": d.version,
        "size": d.size,
        "media_type": d.media_type,
        "updated_at": d.updated_at,
        "updated_by": d.updated_by,
        "tags": d.tags,
        "description": d.description,
    })
}

fn version_json(v: &DocumentVersion) -> Value {
    json!({
        "version": v.version,
        "file_name": v.file_name,
        "media_type": v.media_type,
        "size": v.size,
        "sha256": v.sha256,
        "added_at": v.added_at,
        "added_by": v.added_by,
        "restored_from": v.restored_from,
    })
}

fn storage_json(s: &StorageUse) -> Value {
    json!({ "used": s.used, "quota": s.quota })
}

fn mb(bytes: i64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

/// The folder at `path`, made with its parents where missing.
fn folder(
    desk: &mut Desk,
    session: &mut Session,
    tenant: i64,
    path: &str,
) -> Result<Option<i64>, CoreError> {
    let mut parent = None;
    let mut so_far = String::new();
    for part in path.split('/').map(str::trim).filter(|p| !p.is_empty()) {
        so_far = format!("{so_far}/{part}");
        parent = match desk.document_folder_at(session, tenant, &so_far) {
            Ok(found) => found,
            Err(CoreError::Validation {
                rule: "unknown", ..
            }) => Some(
                desk.create_document_folder(session, tenant, parent, part)?
                    .id,
            ),
            Err(e) => return Err(e),
        };
    }
    Ok(parent)
}

pub fn document(cli: &Cli, action: &DocumentAction) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    let s = &mut session;
    match action {
        DocumentAction::List { tenant, folder } => {
            let folder_id =
                desk.document_folder_at(s, *tenant, folder.as_deref().unwrap_or("/"))?;
            let listing = desk.documents(s, *tenant, folder_id, None)?;
            let here = folder_id.and_then(|id| listing.folders.iter().find(|f| f.id == id));
            let mut text = String::new();
            for sub in listing.folders.iter().filter(|f| f.parent_id == folder_id) {
                text.push_str(&format!(
                    "      {}/  ({} documents)\n",
                    sub.name, sub.document_count
                ));
            }
            for d in &listing.documents {
                text.push_str(&format!(
                    "{:>5}  {}  v{}  {}  {}\n",
                    d.id,
                    d.name,
                    d.version,
                    mb(d.size),
                    d.updated_at.format("%Y-%m-%d")
                ));
            }
            text.push_str(&format!(
                "{}: {} used{}\n",
                here.map_or("/", |f| f.path.as_str()),
                mb(listing.storage.used),
                listing
                    .storage
                    .quota
                    .map(|q| format!(" of {}", mb(q)))
                    .unwrap_or_default()
            ));
            Ok(Output {
                json: Value::Array(listing.documents.iter().map(row_json).collect()),
                text,
            })
        }
        DocumentAction::Add {
            tenant,
            folder: path,
            files,
        } => {
            let folder_id = folder(&mut desk, s, *tenant, path)?;
            let mut added = Vec::new();
            let mut text = String::new();
            for file in files {
                match desk.add_document_file(s, *tenant, folder_id, file) {
                    Ok(a) => {
                        text.push_str(&format!(
                            "{:>5}  {}  v{}{}\n",
                            a.document.id,
                            a.document.name,
                            a.document.version,
                            if a.new_document { "" } else { " (new version)" }
                        ));
                        added.push(json!({
                            "id": a.document.id,
                            "name": a.document.name,
                            "version": a.document.version,
                            "new_document": a.new_document,
                        }));
                    }
                    Err(e) => {
                        // What was added stays; the script learns which file failed.
                        for line in text.lines() {
                            eprintln!("added: {line}");
                        }
                        eprintln!("refused: {}", file.display());
                        return Err(e.into());
                    }
                }
            }
            Ok(Output {
                json: Value::Array(added),
                text,
            })
        }
        DocumentAction::Get { id, to, version } => {
            let v = desk.save_document_copy(s, *id, *version, to)?;
            Ok(Output {
                text: format!(
                    "{} v{} ({}) saved to {}\n",
                    v.file_name,
                    v.version,
                    mb(v.size),
                    to.display()
                ),
                json: json!({ "id": id, "to": to, "version": version_json(&v) }),
            })
        }
        DocumentAction::Versions { id } => {
            let d = desk.document(s, *id)?;
            let text = d
                .versions
                .iter()
                .map(|v| {
                    format!(
                        "v{:<3} {}  {}  {}  {}{}\n",
                        v.version,
                        v.added_at.format("%Y-%m-%d %H:%M"),
                        v.added_by,
                        mb(v.size),
                        v.file_name,
                        v.restored_from
                            .map(|r| format!(" (restored v{r})"))
                            .unwrap_or_default()
                    )
                })
                .collect();
            Ok(Output {
                json: Value::Array(d.versions.iter().map(version_json).collect()),
                text,
            })
        }
        DocumentAction::Quota {
            tenant,
            set_mb,
            unlimited,
        } => {
            let storage = if *unlimited {
                desk.set_document_quota(s, *tenant, None)?
            } else if let Some(mb) = set_mb {
                desk.set_document_quota(s, *tenant, Some(i64::from(*mb) * 1024 * 1024))?
            } else {
                desk.documents(s, *tenant, None, None)?.storage
            };
            Ok(Output {
                text: format!(
                    "{} used{}\n",
                    mb(storage.used),
                    storage
                        .quota
                        .map(|q| format!(" of {}", mb(q)))
                        .unwrap_or_else(|| ", no quota".into())
                ),
                json: storage_json(&storage),
            })
        }
    }
}
