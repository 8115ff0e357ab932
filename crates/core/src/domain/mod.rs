//! One folder per domain: its model, its SQL and the descriptor the cross-cutting services
//! read (`registry`). Parents call their children (a tenant its companies, a company its
//! areas, an area its activities); siblings refer to each other by id only.

pub mod activities;
pub mod areas;
pub mod breaches;
pub mod companies;
pub mod courses;
pub mod descriptor;
pub mod documents;
pub mod dpias;
pub mod master_data;
pub mod processor_agreements;
pub mod registry;
pub mod requests;
pub mod tenants;
pub mod toms;
pub mod website_texts;
