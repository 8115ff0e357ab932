//! The vocabulary every layer speaks and nothing of ours below it: errors and their stable
//! codes, object types, rights and menu entries, the clock, validators, languages.

pub mod clock;
pub mod codes;
pub mod crash;
pub mod deadline;
pub mod error;
pub mod export;
pub mod language;
pub mod text;
pub mod validate;
pub mod vat_id;
pub mod vocabulary;
