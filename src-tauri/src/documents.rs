//! Commands for the documents screen: the session, the core call, the error mapping; the
//! native dialogs, dropped files, the preview's bytes and opening a file with the system's
//! program.

use std::path::{Path, PathBuf};

use dpo_desk_core::domain::documents::{
    AddedFile, Document, DocumentInput, DocumentListing, DocumentRow, DocumentVersion, Folder,
    StorageUse,
};
use dpo_desk_core::kernel::vocabulary::ObjectType;
use dpo_desk_core::{CoreError, ErrorPayload};
use serde::Serialize;
use tauri::ipc::{Channel, Response};
use tauri::State;

use crate::error::ShellResult;
use crate::files::Picker;
use crate::state::AppState;

/// The preview shows files up to this size inside the window; larger ones are opened with
/// the system's program.
const PREVIEW_MAX: u64 = 50 * 1024 * 1024;

#[tauri::command(async)]
pub fn documents(
    state: State<'_, AppState>,
    tenant_id: i64,
    folder_id: Option<i64>,
    text: Option<String>,
) -> ShellResult<DocumentListing> {
    state.with_session(|desk, session| {
        desk.documents(session, tenant_id, folder_id, text.as_deref())
    })
}

#[tauri::command(async)]
pub fn document(state: State<'_, AppState>, id: i64) -> ShellResult<Document> {
    state.with_session(|desk, session| desk.document(session, id))
}

/// How adding one file of several went.
#[derive(Debug, Clone, Serialize)]
pub struct AddOutcome {
    pub file_name: String,
    pub added: Option<AddedFile>,
    pub error: Option<ErrorPayload>,
}

/// Where the adding of several files stands: `done` of `total`, the file being added.
#[derive(Debug, Clone, Serialize)]
pub struct AddProgress {
    pub done: u32,
    pub total: u32,
    pub file_name: String,
}

fn add_all(
    state: &AppState,
    tenant_id: i64,
    folder_id: Option<i64>,
    paths: &[PathBuf],
    on_progress: &Channel<AddProgress>,
) -> Vec<AddOutcome> {
    let total = paths.len() as u32;
    let mut outcomes = Vec::new();
    for (i, path) in paths.iter().enumerate() {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| path.display().to_string());
        let _ = on_progress.send(AddProgress {
            done: i as u32,
            total,
            file_name: file_name.clone(),
        });
        // Each file in a transaction of its own: one refused file leaves the others added.
        let result = state.with_session(|desk, session| {
            desk.add_document_file(session, tenant_id, folder_id, path)
        });
        outcomes.push(match result {
            Ok(added) => AddOutcome {
                file_name,
                added: Some(added),
                error: None,
            },
            Err(e) => AddOutcome {
                file_name,
                added: None,
                error: Some(e.payload()),
            },
        });
    }
    let _ = on_progress.send(AddProgress {
        done: total,
        total,
        file_name: String::new(),
    });
    outcomes
}

/// Adds the files the person picks in the native open dialog (several at once).
#[tauri::command(async)]
pub fn add_documents(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    tenant_id: i64,
    folder_id: Option<i64>,
    title: String,
    on_progress: Channel<AddProgress>,
) -> ShellResult<Vec<AddOutcome>> {
    // Checked before the dialog opens, so nobody picks files only to be refused.
    state.with_session(|desk, session| desk.documents(session, tenant_id, folder_id, None))?;
    let paths = picker.0.open_many(&title);
    Ok(add_all(&state, tenant_id, folder_id, &paths, &on_progress))
}

/// Adds files dropped onto a folder of the window (the paths the webview's drop event gave).
#[tauri::command(async)]
pub fn add_dropped_documents(
    state: State<'_, AppState>,
    tenant_id: i64,
    folder_id: Option<i64>,
    paths: Vec<String>,
    on_progress: Channel<AddProgress>,
) -> ShellResult<Vec<AddOutcome>> {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    Ok(add_all(&state, tenant_id, folder_id, &paths, &on_progress))
}

/// Stores a file the person picks as the next version of a document; `None` when they
/// cancel the dialog.
#[tauri::command(async)]
pub fn add_document_version(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    id: i64,
    title: String,
) -> ShellResult<Option<AddedFile>> {
    state.with_session(|desk, session| desk.document(session, id))?;
    let Some(path) = picker.0.open(&title, "") else {
        return Ok(None);
    };
    state
        .with_session(|desk, session| desk.add_document_version(session, id, &path))
        .map(Some)
}

#[tauri::command(async)]
pub fn update_document(
    state: State<'_, AppState>,
    id: i64,
    document: DocumentInput,
) -> ShellResult<Document> {
    state.with_session(|desk, session| desk.update_document(session, id, &document))
}

#[tauri::command(async)]
pub fn restore_document_version(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
) -> ShellResult<DocumentVersion> {
    state.with_session(|desk, session| desk.restore_document_version(session, id, version))
}

#[tauri::command(async)]
pub fn delete_documents(state: State<'_, AppState>, ids: Vec<i64>) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.delete_documents(session, &ids))
}

#[tauri::command(async)]
pub fn link_document(
    state: State<'_, AppState>,
    document_id: i64,
    object: ObjectType,
    record_id: i64,
    linked: bool,
) -> ShellResult<Vec<DocumentRow>> {
    state.with_session(|desk, session| {
        desk.link_document(session, document_id, object, record_id, linked)
    })
}

#[tauri::command(async)]
pub fn documents_of(
    state: State<'_, AppState>,
    object: ObjectType,
    record_id: i64,
) -> ShellResult<Vec<DocumentRow>> {
    state.with_session(|desk, session| desk.documents_of(session, object, record_id))
}

#[tauri::command(async)]
pub fn create_document_folder(
    state: State<'_, AppState>,
    tenant_id: i64,
    parent_id: Option<i64>,
    name: String,
) -> ShellResult<Folder> {
    state.with_session(|desk, session| {
        desk.create_document_folder(session, tenant_id, parent_id, &name)
    })
}

#[tauri::command(async)]
pub fn rename_document_folder(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> ShellResult<Folder> {
    state.with_session(|desk, session| desk.rename_document_folder(session, id, &name))
}

#[tauri::command(async)]
pub fn move_document_folder(
    state: State<'_, AppState>,
    id: i64,
    parent_id: Option<i64>,
) -> ShellResult<Folder> {
    state.with_session(|desk, session| desk.move_document_folder(session, id, parent_id))
}

#[tauri::command(async)]
pub fn delete_document_folder(state: State<'_, AppState>, id: i64) -> ShellResult<i64> {
    state.with_session(|desk, session| desk.delete_document_folder(session, id))
}

#[tauri::command(async)]
pub fn set_document_quota(
    state: State<'_, AppState>,
    tenant_id: i64,
    quota: Option<i64>,
) -> ShellResult<StorageUse> {
    state.with_session(|desk, session| desk.set_document_quota(session, tenant_id, quota))
}

/// A version's bytes for the preview (PDFs and pictures shown inside the window).
#[tauri::command(async)]
pub fn document_preview(
    state: State<'_, AppState>,
    id: i64,
    version: Option<i64>,
) -> ShellResult<Response> {
    let mut bytes = Vec::new();
    state.with_session(|desk, session| {
        let size = desk
            .document(session, id)?
            .versions
            .iter()
            .find(|v| version.is_none_or(|n| v.version == n))
            .map_or(0, |v| v.size as u64);
        if size > PREVIEW_MAX {
            return Err(CoreError::validation(
                "document",
                "too_large_to_preview",
                "the file is too large to show here; open it with its program",
            ));
        }
        desk.read_document(session, id, version, &mut bytes)
    })?;
    Ok(Response::new(bytes))
}

/// Saves a copy of a version where the person chooses; `None` when they cancel.
#[tauri::command(async)]
pub fn save_document_copy(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    id: i64,
    version: Option<i64>,
    title: String,
) -> ShellResult<Option<String>> {
    let document = state.with_session(|desk, session| desk.document(session, id))?;
    let name = document
        .versions
        .iter()
        .find(|v| version.is_none_or(|n| v.version == n))
        .map_or(document.row.name.clone(), |v| v.file_name.clone());
    let extension = Path::new(&name)
        .extension()
        .map(|e| e.to_string_lossy().to_string())
        .unwrap_or_default();
    let Some(path) = picker.0.save(
        &title,
        &dpo_desk_core::kernel::export::file_name_part(&name),
        &extension,
    ) else {
        return Ok(None);
    };
    state.with_session(|desk, session| desk.save_document_copy(session, id, version, &path))?;
    Ok(Some(path.display().to_string()))
}

/// The folder opened documents are written to: inside the app's own data folder (which
/// only this user may read), not a shared temporary folder another user could claim
/// first; emptied when the app starts and when it ends.
pub fn opened_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("opened")
}

/// Removes the files opened earlier (their programs have had them; the database keeps the
/// documents).
pub fn clear_opened(data_dir: &Path) {
    let _ = std::fs::remove_dir_all(opened_dir(data_dir));
}

fn private_dir(data_dir: &Path) -> std::io::Result<PathBuf> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = opened_dir(data_dir).join(format!("{}-{stamp}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(opened_dir(data_dir), std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(dir)
}

/// Writes a version to a private temporary place and opens it with the system's program.
#[tauri::command(async)]
pub fn open_document(state: State<'_, AppState>, id: i64, version: Option<i64>) -> ShellResult<()> {
    let dir =
        private_dir(&state.data_dir).map_err(|e| CoreError::io(opened_dir(&state.data_dir), e))?;
    let document = state.with_session(|desk, session| desk.document(session, id))?;
    // The version's own file name: its extension tells the system which program opens it.
    let version_name = document
        .versions
        .iter()
        .find(|v| version.is_none_or(|n| v.version == n))
        .map_or(document.row.name.clone(), |v| v.file_name.clone());
    let name = dpo_desk_core::kernel::export::file_name_part(&version_name);
    let path = dir.join(if name.is_empty() {
        "document".to_string()
    } else {
        name
    });
    let mut file = std::fs::File::create(&path).map_err(|e| CoreError::io(&path, e))?;
    state.with_session(|desk, session| desk.read_document(session, id, version, &mut file))?;
    drop(file);
    open::that_detached(&path).map_err(|e| CoreError::io(&path, e))?;
    Ok(())
}
