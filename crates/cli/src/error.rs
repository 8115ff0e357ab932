//! The CLI's error type: the core's errors plus what only a command line can get wrong.

use dpo_desk_core::{CoreError, ErrorPayload};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error("{0}")]
    Usage(String),
    #[error("environment variable {0} is not set")]
    MissingEnv(String),
    #[error("--now must be an RFC 3339 instant such as 2026-03-02T09:00:00+01:00: {0}")]
    InvalidNow(String),
    #[error("the database key is not in the keyring ({0}); pass the recovery key with --recovery-key-env VAR")]
    NeedsRecoveryKey(String),
}

impl CliError {
    pub fn payload(&self) -> ErrorPayload {
        match self {
            CliError::Core(e) => e.payload(),
            other => ErrorPayload {
                code: other.code().into(),
                message: other.to_string(),
                params: Default::default(),
                problems: Vec::new(),
            },
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            CliError::Core(e) => e.code(),
            CliError::Usage(_) => "usage",
            CliError::MissingEnv(_) => "missing_env",
            CliError::InvalidNow(_) => "invalid_now",
            CliError::NeedsRecoveryKey(_) => "needs_recovery_key",
        }
    }
}
