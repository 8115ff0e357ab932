//! The core's one error type. Every variant has a stable snake_case code that the UI
//! translates and scripts match on; the `Display` text is the English fallback.

use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

use crate::kernel::vocabulary::{ObjectType, Right};

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("DPO Desk has not been set up in this data folder yet")]
    NotInitialized,
    #[error("DPO Desk is already set up in this data folder")]
    AlreadyInitialized,
    #[error("the recovery key is not valid: {0}")]
    InvalidRecoveryKey(&'static str),
    #[error("the key does not open this database (wrong recovery key or a damaged file)")]
    WrongKey,
    #[error("the database was written by a newer DPO Desk (schema {found}, this app knows up to {supported}); it was not changed")]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("wrong user name or password")]
    InvalidCredentials,
    #[error("too many wrong passwords; try again in {retry_after_secs} seconds")]
    RateLimited { retry_after_secs: i64 },
    #[error("this account has been deactivated")]
    UserDeactivated,
    #[error("please sign in first")]
    SessionRequired,
    #[error("the session was locked after {idle_minutes} minutes without activity; please sign in again")]
    SessionExpired { idle_minutes: i64 },
    #[error("you have no permission to {right} {object}")]
    PermissionDenied { object: ObjectType, right: Right },
    #[error("the invitation code is not valid")]
    InvalidInvitation,
    #[error("the invitation code has expired; ask your administrator for a new one")]
    InvitationExpired,
    #[error("only administrators may manage users and roles")]
    AdminRequired,
    #[error("this is still used by: {}", used_by.join(", "))]
    InUse { used_by: Vec<String> },
    #[error("{field}: {message}{}", also.iter().map(|p| format!("; {}: {}", p.field, p.message)).collect::<String>())]
    Validation {
        field: &'static str,
        rule: &'static str,
        message: String,
        /// A value that would be accepted (a VAT ID of the same country, say), shown with
        /// the translated message.
        example: Option<String>,
        /// Further refused fields of the same form, so a person sees them all at once.
        also: Vec<FieldProblem>,
    },
    #[error("the keyring could not be used: {0}")]
    Keyring(String),
    #[error("file error at {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the disk is full at {path}: nothing was saved; free some space and try again")]
    DiskFull { path: String },
    #[error("{path} cannot be written: the disk or folder is read-only; nothing was saved")]
    ReadOnly { path: String },
    #[error("you have no permission to use {path} (ask whoever manages this computer)")]
    NoPermission { path: String },
    #[error("{path} does not exist (removed, renamed or a disconnected drive?)")]
    Missing { path: String },
    #[error("the system refuses the file name {path} (too long or a character it does not allow)")]
    BadFileName { path: String },
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("schema migration failed: {0}")]
    Migration(String),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("this file is not a DPO Desk backup")]
    BackupNotABackup,
    #[error("the backup file is damaged or incomplete ({0}); nothing was changed")]
    BackupDamaged(&'static str),
    #[error(
        "the backup was made with another recovery key (another installation); nothing was changed"
    )]
    BackupForeign,
    #[error("the backup was written by a newer DPO Desk (format {found}, this app reads up to {supported}); nothing was changed")]
    BackupTooNew { found: u16, supported: u16 },
    #[error("at most {max} backups are kept in the app; delete older ones first")]
    BackupLimit { max: usize },
    #[error("DPO Desk is locked until a backup has been created and downloaded; ask {contact} to make one")]
    BackupLocked { contact: String },
    #[error("only the owner of the installation may do this")]
    OwnerRequired,
    #[error("the work was cancelled; nothing was written")]
    Cancelled,
}

pub type CoreResult<T> = Result<T, CoreError>;

impl CoreError {
    /// Stable machine-readable code. Never rename one: the CLI's exit messages, the UI's
    /// translations and administrators' scripts depend on them.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::NotInitialized => "not_initialized",
            CoreError::AlreadyInitialized => "already_initialized",
            CoreError::InvalidRecoveryKey(_) => "invalid_recovery_key",
            CoreError::WrongKey => "wrong_key",
            CoreError::SchemaTooNew { .. } => "schema_too_new",
            CoreError::InvalidCredentials => "invalid_credentials",
            CoreError::RateLimited { .. } => "rate_limited",
            CoreError::UserDeactivated => "user_deactivated",
            CoreError::SessionRequired => "session_required",
            CoreError::SessionExpired { .. } => "session_expired",
            CoreError::PermissionDenied { .. } => "permission_denied",
            CoreError::AdminRequired => "admin_required",
            CoreError::InvalidInvitation => "invalid_invitation",
            CoreError::InvitationExpired => "invitation_expired",
            CoreError::InUse { .. } => "in_use",
            CoreError::Validation { .. } => "validation",
            CoreError::Keyring(_) => "keyring",
            CoreError::Io { .. } => "io",
            CoreError::DiskFull { .. } => "disk_full",
            CoreError::ReadOnly { .. } => "read_only",
            CoreError::NoPermission { .. } => "no_permission",
            CoreError::Missing { .. } => "missing",
            CoreError::BadFileName { .. } => "bad_file_name",
            CoreError::Database(_) => "database",
            CoreError::Migration(_) => "migration",
            CoreError::Corrupt(_) => "corrupt",
            CoreError::BackupNotABackup => "backup_not_a_backup",
            CoreError::BackupDamaged(_) => "backup_damaged",
            CoreError::BackupForeign => "backup_foreign",
            CoreError::BackupTooNew { .. } => "backup_too_new",
            CoreError::BackupLimit { .. } => "backup_limit",
            CoreError::BackupLocked { .. } => "backup_locked",
            CoreError::OwnerRequired => "owner_required",
            CoreError::Cancelled => "cancelled",
        }
    }

    /// Values the UI needs to build a translated message.
    pub fn params(&self) -> BTreeMap<String, String> {
        let mut p = BTreeMap::new();
        match self {
            CoreError::SchemaTooNew { found, supported } => {
                p.insert("found".into(), found.to_string());
                p.insert("supported".into(), supported.to_string());
            }
            CoreError::RateLimited { retry_after_secs } => {
                p.insert("retry_after_secs".into(), retry_after_secs.to_string());
            }
            CoreError::SessionExpired { idle_minutes } => {
                p.insert("idle_minutes".into(), idle_minutes.to_string());
            }
            CoreError::PermissionDenied { object, right } => {
                p.insert("object".into(), object.as_str().into());
                p.insert("right".into(), right.as_str().into());
            }
            CoreError::Validation {
                field,
                rule,
                example,
                ..
            } => {
                p.insert("field".into(), (*field).into());
                p.insert("rule".into(), (*rule).into());
                if let Some(example) = example {
                    p.insert("example".into(), example.clone());
                }
            }
            CoreError::DiskFull { path }
            | CoreError::ReadOnly { path }
            | CoreError::NoPermission { path }
            | CoreError::Missing { path }
            | CoreError::BadFileName { path } => {
                p.insert("path".into(), path.clone());
            }
            CoreError::InUse { used_by } => {
                p.insert("used_by".into(), used_by.join(", "));
                p.insert("count".into(), used_by.len().to_string());
            }
            CoreError::InvalidRecoveryKey(reason) | CoreError::BackupDamaged(reason) => {
                p.insert("reason".into(), (*reason).into());
            }
            CoreError::BackupTooNew { found, supported } => {
                p.insert("found".into(), found.to_string());
                p.insert("supported".into(), supported.to_string());
            }
            CoreError::BackupLimit { max } => {
                p.insert("max".into(), max.to_string());
            }
            CoreError::BackupLocked { contact } => {
                p.insert("contact".into(), contact.clone());
            }
            _ => {}
        }
        p
    }

    pub fn validation(field: &'static str, rule: &'static str, message: impl Into<String>) -> Self {
        CoreError::Validation {
            field,
            rule,
            message: message.into(),
            example: None,
            also: Vec::new(),
        }
    }

    /// The same refusal with a value that would be accepted.
    pub fn with_example(mut self, value: impl Into<String>) -> Self {
        if let CoreError::Validation { example, .. } = &mut self {
            *example = Some(value.into());
        }
        self
    }

    /// Every refused field of a validation, the first one included.
    pub fn problems(&self) -> Vec<FieldProblem> {
        match self {
            CoreError::Validation {
                field,
                rule,
                message,
                example,
                also,
            } => std::iter::once(FieldProblem {
                field: (*field).into(),
                rule: (*rule).into(),
                message: message.clone(),
                example: example.clone(),
            })
            .chain(also.iter().cloned())
            .collect(),
            _ => Vec::new(),
        }
    }

    /// A trimmed, required name of at most `max_chars` characters (office, tenant, role …).
    pub fn required_name(
        field: &'static str,
        value: &str,
        max_chars: usize,
        what: &str,
    ) -> CoreResult<String> {
        let value = value.trim();
        if value.is_empty() {
            return Err(CoreError::validation(
                field,
                "required",
                format!("{what} needs a name"),
            ));
        }
        if value.chars().count() > max_chars {
            return Err(CoreError::validation(
                field,
                "too_long",
                format!("at most {max_chars} characters"),
            ));
        }
        Ok(value.to_string())
    }

    /// A failed file operation; the causes a person can act on (a full disk, a read-only
    /// place, no permission, a folder that is gone, a name the system refuses) get their
    /// own error. The standard library names these kinds on every platform.
    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        use std::io::ErrorKind;
        let path = path.as_ref().display().to_string();
        match source.kind() {
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => CoreError::DiskFull { path },
            ErrorKind::ReadOnlyFilesystem => CoreError::ReadOnly { path },
            ErrorKind::PermissionDenied => CoreError::NoPermission { path },
            ErrorKind::NotFound => CoreError::Missing { path },
            ErrorKind::InvalidFilename => CoreError::BadFileName { path },
            _ => CoreError::Io { path, source },
        }
    }

    /// The file or folder a storage error is about.
    pub fn path(&self) -> Option<&str> {
        match self {
            CoreError::Io { path, .. }
            | CoreError::DiskFull { path }
            | CoreError::ReadOnly { path }
            | CoreError::NoPermission { path }
            | CoreError::Missing { path }
            | CoreError::BadFileName { path } => Some(path),
            _ => None,
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_string(),
            message: self.to_string(),
            params: self.params(),
            problems: self.problems(),
        }
    }
}

/// One refused field of a form: the UI marks the field and translates `field.rule`.
#[derive(Debug, Clone, Serialize, serde::Deserialize, TS, PartialEq)]
#[ts(export)]
pub struct FieldProblem {
    pub field: String,
    pub rule: String,
    pub message: String,
    pub example: Option<String>,
}

/// Collects the refusals of one form so they are reported together, not one per save.
#[derive(Default)]
pub struct Problems(Vec<CoreError>);

impl Problems {
    /// The value when it passed; the refusal is kept and `None` returned otherwise.
    pub fn take<T>(&mut self, result: CoreResult<T>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    pub fn push(&mut self, error: CoreError) {
        self.0.push(error);
    }

    /// `Ok` when nothing was refused; otherwise the first refusal carrying the others.
    pub fn finish(self) -> CoreResult<()> {
        let mut errors = self.0.into_iter();
        let Some(mut first) = errors.next() else {
            return Ok(());
        };
        let rest: Vec<CoreError> = errors.collect();
        if let CoreError::Validation { also, .. } = &mut first {
            for other in rest {
                if !matches!(other, CoreError::Validation { .. }) {
                    return Err(other);
                }
                also.extend(other.problems());
            }
        }
        Err(first)
    }
}

/// What crosses the IPC boundary for any failed command: the UI translates `code` with
/// `params` and falls back to `message`.
#[derive(Debug, Clone, Serialize, serde::Deserialize, TS, PartialEq)]
#[ts(export)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    pub params: BTreeMap<String, String>,
    /// For `validation`: every refused field, the one in `params` first.
    #[serde(default)]
    pub problems: Vec<FieldProblem>,
}
