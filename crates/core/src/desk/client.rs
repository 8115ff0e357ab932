//! Requests and answers shared by every client (the window, the CLI), so their
//! TypeScript twins are generated from one place.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::desk::SessionInfo;

/// Where a start of the app stands, in the order a person goes through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Phase {
    /// No installation in the data folder: the setup wizard.
    Setup,
    /// The keyring could not give the database key: ask for the recovery key.
    RecoveryKey,
    /// The database is open; nobody is signed in.
    SignIn,
    SignedIn,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct StartupState {
    pub phase: Phase,
    pub office_name: Option<String>,
    pub data_dir: String,
    /// Why the keyring was not used, when it was not.
    pub keyring_error: Option<String>,
    /// The OS locale (e.g. "de-DE"), for the first choice of language.
    pub os_locale: Option<String>,
    pub session: Option<SessionInfo>,
    /// The user whose session was locked for inactivity, to prefill the sign-in form.
    pub locked_user: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SignInRequest {
    pub user_name: String,
    pub password: String,
}

/// First sign-in of an invited user.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AcceptInvitationRequest {
    pub user_name: String,
    pub invitation_code: String,
    pub new_password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PasswordChangeRequest {
    pub current_password: String,
    pub new_password: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SetupResult {
    /// Shown once in the wizard; nothing keeps it.
    pub recovery_key: String,
    pub keyring_error: Option<String>,
    pub session: SessionInfo,
}
