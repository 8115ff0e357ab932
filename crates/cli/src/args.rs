//! The command line contract of SPEC §14. Names of commands, options and JSON fields are
//! published: extend, never rename.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "dpo-desk-cli", version, about = "DPO Desk without the window: set-up, status and settings for administrators and schedulers.")]
pub struct Cli {
    /// Data folder (default: the app's data folder, or DPO_DESK_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// User to sign in as.
    #[arg(long, global = true, value_name = "NAME")]
    pub user: Option<String>,
    /// Name of the environment variable that holds the password (never the password itself).
    #[arg(long, global = true, value_name = "VAR")]
    pub password_env: Option<String>,
    /// Name of the environment variable that holds the recovery key; opens the database
    /// where no keyring is available.
    #[arg(long, global = true, value_name = "VAR")]
    pub recovery_key_env: Option<String>,
    /// Take this instant (RFC 3339) as the current time.
    #[arg(long, global = true, value_name = "RFC3339")]
    pub now: Option<String>,
    /// Print one JSON document instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new installation; the owner's password comes from --password-env.
    Init {
        #[arg(long, value_name = "NAME")]
        office: String,
        #[arg(long, value_name = "NAME")]
        owner: String,
    },
    /// Office, counts and the backup state.
    Status,
    /// Read or change a setting (e.g. backup.interval_days).
    Settings {
        #[command(subcommand)]
        action: SettingsAction,
    },
    /// Define and inspect roles (administrators only).
    Role {
        #[command(subcommand)]
        action: RoleAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum RoleAction {
    /// Create a role with rights (OBJECT:RIGHT, e.g. processing_activity:view) and menu
    /// entries to hide.
    Add {
        name: String,
        #[arg(long = "grant", value_name = "OBJECT:RIGHT", num_args = 1..)]
        grants: Vec<String>,
        #[arg(long = "hide-menu", value_name = "ENTRY", num_args = 1..)]
        hide_menus: Vec<String>,
    },
    List,
    Show { name: String },
}

#[derive(Debug, Subcommand)]
pub enum SettingsAction {
    Get { key: String },
    Set { key: String, value: String },
}
