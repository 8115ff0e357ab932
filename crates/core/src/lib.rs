//! DPO Desk's domain: the encrypted store and everything that is true of the data,
//! whichever client (desktop app or command line) asks.
//!
//! Layers, each using only those above it in this list (checked by `tests/layers.rs`):
//! `kernel` (vocabulary, errors, clock) → `store` (SQLCipher, migrations, audit, settings)
//! → `access` (accounts, sessions, roles, scope, operations) → `domain` (one folder per
//! domain) → `services` (trash, exports, search, backups, transfer) → `desk` (the facade
//! every client calls).

pub mod access;
pub mod desk;
pub mod domain;
pub mod kernel;
pub mod services;
pub mod store;

pub use access::session::Session;
pub use desk::installation;
pub use desk::Desk;
pub use kernel::clock::{Clock, FixedClock, OffsetClock, SystemClock};
pub use kernel::error::{CoreError, CoreResult, ErrorPayload};
pub use kernel::language::SUPPORTED_LANGUAGES;
