//! The core's integration tests, one binary: real SQLCipher files in temp dirs.

mod accounts;
mod backups;
mod common;
mod copies;
mod courses;
mod crash_safety;
mod documents;
mod dpias;
mod history;
mod hostile_input;
mod installation;
mod layers;
mod migrations;
mod permission_matrix;
mod records;
mod registers;
mod reports;
mod roles;
mod tenant_module;
mod toms;
mod users;
mod visibility;
mod website_texts;
