//! The shell's error type: the core's errors plus the states only the window knows.
//! Serialised as the core's `ErrorPayload` so the UI handles one shape.

use dpo_desk_core::{CoreError, ErrorPayload};
use serde::{Serialize, Serializer};

#[derive(Debug, thiserror::Error)]
pub enum ShellError {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error("the database is not open yet")]
    NotOpen,
    #[error("the app is in the wrong step for this action ({0})")]
    WrongPhase(&'static str),
    /// Opening the installation failed at start (e.g. a database from a newer app); the
    /// window shows why instead of closing.
    #[error("{}", .0.message)]
    Startup(ErrorPayload),
}

impl ShellError {
    pub fn payload(&self) -> ErrorPayload {
        match self {
            ShellError::Core(e) => e.payload(),
            ShellError::NotOpen => ErrorPayload {
                code: "not_open".into(),
                message: self.to_string(),
                params: Default::default(),
                problems: Vec::new(),
            },
            ShellError::WrongPhase(_) => ErrorPayload {
                code: "wrong_phase".into(),
                message: self.to_string(),
                params: Default::default(),
                problems: Vec::new(),
            },
            ShellError::Startup(payload) => payload.clone(),
        }
    }
}

impl Serialize for ShellError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}

pub type ShellResult<T> = Result<T, ShellError>;
