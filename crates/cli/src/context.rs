//! Turning the global options into an opened installation and a signed-in session.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use dpo_desk_core::desk::installation::{self, Opening};
use dpo_desk_core::store::keys::RecoveryKey;
use dpo_desk_core::store::keystore::OsKeyring;
use dpo_desk_core::{Clock, Desk, FixedClock, Session, SystemClock};

use crate::args::Cli;
use crate::error::CliError;

pub fn data_dir(cli: &Cli) -> Result<PathBuf, CliError> {
    match &cli.data_dir {
        Some(dir) => Ok(dir.clone()),
        None => Ok(installation::default_data_dir()?),
    }
}

pub fn clock(cli: &Cli) -> Result<Arc<dyn Clock>, CliError> {
    match &cli.now {
        None => Ok(Arc::new(SystemClock)),
        Some(text) => {
            let at = DateTime::parse_from_rfc3339(text)
                .map_err(|e| CliError::InvalidNow(e.to_string()))?;
            Ok(Arc::new(FixedClock::new(at.with_timezone(&Utc))))
        }
    }
}

pub fn env_secret(var: Option<&str>, option: &str) -> Result<String, CliError> {
    let var =
        var.ok_or_else(|| CliError::Usage(format!("{option} VAR is required for this command")))?;
    std::env::var(var).map_err(|_| CliError::MissingEnv(var.to_string()))
}

pub fn open(cli: &Cli) -> Result<Desk, CliError> {
    let dir = data_dir(cli)?;
    let clock = clock(cli)?;
    if let Some(var) = &cli.recovery_key_env {
        let text = std::env::var(var).map_err(|_| CliError::MissingEnv(var.clone()))?;
        if !installation::is_set_up(&dir) {
            return Err(dpo_desk_core::CoreError::NotInitialized.into());
        }
        let key = RecoveryKey::parse(&text)?.database_key();
        return Ok(installation::open_with_key(&dir, &key, clock)?);
    }
    match installation::open(&dir, &OsKeyring, clock)? {
        Opening::Ready(desk) => Ok(desk),
        Opening::NeedsSetup => Err(dpo_desk_core::CoreError::NotInitialized.into()),
        Opening::NeedsRecoveryKey { keyring_error } => Err(CliError::NeedsRecoveryKey(
            keyring_error.unwrap_or_else(|| "no key stored".into()),
        )),
    }
}

pub fn sign_in(cli: &Cli, desk: &mut Desk) -> Result<Session, CliError> {
    let user = cli
        .user
        .as_deref()
        .ok_or_else(|| CliError::Usage("--user NAME is required for this command".into()))?;
    let password = env_secret(cli.password_env.as_deref(), "--password-env")?;
    Ok(desk.sign_in(user, &password)?)
}
