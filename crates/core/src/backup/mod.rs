//! Backups. For now: the reminder/escalation rule that decides how urgent the next
//! backup is; creating and restoring backup files builds on it.

pub mod escalation;
