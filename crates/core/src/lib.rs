//! DPO Desk's domain: the encrypted store and everything that is true of the data,
//! whichever client (desktop app or command line) asks.

pub mod accounts;
pub mod activities;
pub mod areas;
pub mod audit;
pub mod backup;
pub mod client;
pub mod clock;
pub mod companies;
pub mod demo;
pub mod desk;
pub mod dpo_check;
pub mod error;
pub mod exports;
pub mod installation;
pub mod keys;
pub mod keystore;
pub mod master_data;
pub mod operations;
pub mod password;
pub mod permissions;
pub mod roles;
pub mod search;
pub mod session;
pub mod settings;
pub mod store;
pub mod tenant_transfer;
pub mod tenants;
pub mod trash;
pub mod users;
pub mod visibility;

pub use clock::{Clock, FixedClock, OffsetClock, SystemClock};
pub use desk::Desk;
pub use error::{CoreError, CoreResult, ErrorPayload};
pub use session::Session;

/// Languages the UI is complete in.
pub const SUPPORTED_LANGUAGES: &[&str] = &["de", "en"];
