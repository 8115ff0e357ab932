//! Who may do what: accounts and passwords, sessions, roles and their visibility
//! restrictions, the reach of a user into tenants, companies and areas (`scope`), and the
//! table of operations the gate checks.

pub mod accounts;
pub mod operations;
pub mod password;
pub mod permissions;
pub mod roles;
pub mod scope;
pub mod session;
pub mod users;
pub mod visibility;
