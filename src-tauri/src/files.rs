//! Native save and open dialogs behind a small trait, so the commands that write files can
//! be tested without a dialog. The command waits for the answer without holding the app's
//! state, so the window stays responsive while the dialog is open.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use tauri::{AppHandle, Runtime};

pub trait FilePicker: Send + Sync {
    /// Where to save; `None` when the person cancels.
    fn save(&self, title: &str, suggested_name: &str, extension: &str) -> Option<PathBuf>;
    /// Which file to open (of `extension`, or any when empty); `None` when the person cancels.
    fn open(&self, title: &str, extension: &str) -> Option<PathBuf>;
    /// Which folder to write into; `None` when the person cancels.
    fn folder(&self, title: &str) -> Option<PathBuf>;
    /// Which files to add (any kind, several at once); empty when the person cancels.
    fn open_many(&self, title: &str) -> Vec<PathBuf>;
}

pub struct NativeFilePicker<R: Runtime> {
    pub app: AppHandle<R>,
}

type Answer = std::pin::Pin<Box<dyn std::future::Future<Output = Option<rfd::FileHandle>> + Send>>;
type Answers =
    std::pin::Pin<Box<dyn std::future::Future<Output = Option<Vec<rfd::FileHandle>>> + Send>>;

impl<R: Runtime> NativeFilePicker<R> {
    /// The dialog is created on the main thread (GTK's), as tauri-plugin-dialog does, and
    /// its answer awaited on a thread of its own; this command thread waits for it.
    fn ask(&self, build: impl FnOnce() -> Answer + Send + 'static) -> Option<PathBuf> {
        let (tx, rx) = mpsc::channel();
        let queued = self.app.run_on_main_thread(move || {
            let answer = build();
            std::thread::spawn(move || {
                let _ =
                    tx.send(tauri::async_runtime::block_on(answer).map(|f| f.path().to_path_buf()));
            });
        });
        if queued.is_err() {
            return None;
        }
        rx.recv().ok().flatten()
    }

    /// As `ask`, for a dialog that answers several files.
    fn ask_many(&self, build: impl FnOnce() -> Answers + Send + 'static) -> Vec<PathBuf> {
        let (tx, rx) = mpsc::channel();
        let queued = self.app.run_on_main_thread(move || {
            let answer = build();
            std::thread::spawn(move || {
                let files = tauri::async_runtime::block_on(answer).unwrap_or_default();
                let _ = tx.send(files.iter().map(|f| f.path().to_path_buf()).collect());
            });
        });
        if queued.is_err() {
            return Vec::new();
        }
        rx.recv().unwrap_or_default()
    }
}

impl<R: Runtime> FilePicker for NativeFilePicker<R> {
    fn save(&self, title: &str, suggested_name: &str, extension: &str) -> Option<PathBuf> {
        let (title, name, ext) = (
            title.to_string(),
            suggested_name.to_string(),
            extension.to_string(),
        );
        self.ask(move || {
            let mut dialog = rfd::AsyncFileDialog::new()
                .set_title(&title)
                .set_file_name(&name);
            if !ext.is_empty() {
                dialog = dialog.add_filter(ext.to_uppercase(), &[&ext]);
            }
            if let Some(documents) = dirs_documents() {
                dialog = dialog.set_directory(documents);
            }
            Box::pin(dialog.save_file())
        })
    }

    fn open(&self, title: &str, extension: &str) -> Option<PathBuf> {
        let (title, ext) = (title.to_string(), extension.to_string());
        self.ask(move || {
            let dialog = rfd::AsyncFileDialog::new().set_title(&title);
            // An empty extension offers every file (attachments).
            let dialog = if ext.is_empty() {
                dialog
            } else {
                dialog.add_filter(ext.to_uppercase(), &[&ext])
            };
            Box::pin(dialog.pick_file())
        })
    }

    fn folder(&self, title: &str) -> Option<PathBuf> {
        let title = title.to_string();
        self.ask(move || Box::pin(rfd::AsyncFileDialog::new().set_title(&title).pick_folder()))
    }

    fn open_many(&self, title: &str) -> Vec<PathBuf> {
        let title = title.to_string();
        self.ask_many(move || Box::pin(rfd::AsyncFileDialog::new().set_title(&title).pick_files()))
    }
}

/// The user's documents folder, where exports are offered first.
fn dirs_documents() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .map(|home| home.join("Documents"))
        .filter(|p| p.is_dir())
}

/// The picker the commands use, as Tauri state.
pub struct Picker(pub Box<dyn FilePicker>);

/// Asks where to save; a name typed without an extension gets `extension`.
pub fn save_path(
    picker: &Picker,
    title: &str,
    suggested_name: &str,
    extension: &str,
) -> Option<PathBuf> {
    let mut path = picker.0.save(title, suggested_name, extension)?;
    if path.extension().is_none() {
        path.set_extension(extension);
    }
    Some(path)
}

/// Asks where to save a finished export and writes it there (temporary name, then rename).
/// Returns the path, or `None` when the person cancelled.
pub fn save_export(
    picker: &Picker,
    title: &str,
    file: dpo_desk_core::services::exports::ExportFile,
    extension: &str,
) -> crate::ShellResult<Option<String>> {
    let Some(path) = save_path(picker, title, &file.suggested_name, extension) else {
        return Ok(None);
    };
    dpo_desk_core::services::exports::write_atomically(&path, &file.bytes)?;
    Ok(Some(path.display().to_string()))
}

/// Reads a file the person chose, after `check` accepted its size: a file over a limit is
/// refused with the core's message without being read into memory.
pub fn read_checked(
    path: &Path,
    check: impl Fn(u64) -> dpo_desk_core::CoreResult<()>,
) -> crate::error::ShellResult<Vec<u8>> {
    let size = std::fs::metadata(path)
        .map_err(|e| dpo_desk_core::CoreError::io(path, e))?
        .len();
    check(size)?;
    Ok(std::fs::read(path).map_err(|e| dpo_desk_core::CoreError::io(path, e))?)
}

#[cfg(test)]
mod tests {
    use super::read_checked;

    #[test]
    fn a_file_over_the_limit_is_refused_by_its_size_without_being_read() {
        let dir = tempfile::tempdir().unwrap();
        // 200 MB on disk in name only (sparse): reading it would take the memory.
        let big = dir.path().join("Scan 200 MB.pdf");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(200 * 1024 * 1024)
            .unwrap();
        let err = read_checked(&big, dpo_desk_core::store::attachments::check_size).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("200 MB") && text.contains("25 MB"), "{text}");
        let small = dir.path().join("Brief.pdf");
        std::fs::write(&small, b"%PDF-1.7").unwrap();
        assert_eq!(
            read_checked(&small, dpo_desk_core::store::attachments::check_size).unwrap(),
            b"%PDF-1.7"
        );
    }
}
