//! Services that cut across the domains and learn about them from the domain registry:
//! trash, exports, search, backups and their modules, tenant transfer, demo data.

pub mod audit_log;
pub mod backup;
pub mod data_copy;
pub mod deadlines;
pub mod demo;
pub mod document_transfer;
pub mod exports;
pub mod generators;
pub mod history;
pub mod reports;
pub mod search;
pub mod tenant_copy;
pub mod tenant_transfer;
pub mod trash;
