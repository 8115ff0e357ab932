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
pub mod desk;
pub mod error;
pub mod installation;
pub mod keys;
pub mod keystore;
pub mod operations;
pub mod password;
pub mod permissions;
pub mod roles;
pub mod session;
pub mod settings;
pub mod store;
pub mod tenants;
pub mod users;
pub mod visibility;

pub use clock::{Clock, FixedClock, SystemClock};
pub use desk::Desk;
pub use error::{CoreError, CoreResult, ErrorPayload};
pub use session::Session;

/// Languages the UI is complete in.
pub const SUPPORTED_LANGUAGES: &[&str] = &["de", "en"];
