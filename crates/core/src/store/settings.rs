//! Installation-wide settings with their ranges and defaults. Keys are the dotted names
//! the CLI's `settings get|set` uses.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::export::{CsvSeparator, TableStyle};
use crate::kernel::text::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingKey {
    BackupIntervalDays,
    IdleLockMinutes,
    /// 0: by the user's language (`;` German, `,` English), 1: comma, 2: semicolon.
    CsvSeparator,
}

impl SettingKey {
    pub const ALL: &'static [SettingKey] = &[
        SettingKey::BackupIntervalDays,
        SettingKey::IdleLockMinutes,
        SettingKey::CsvSeparator,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SettingKey::BackupIntervalDays => "backup.interval_days",
            SettingKey::IdleLockMinutes => "session.idle_lock_minutes",
            SettingKey::CsvSeparator => "export.csv_separator",
        }
    }

    pub fn parse(name: &str) -> CoreResult<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|k| k.name() == name)
            .ok_or_else(|| {
                CoreError::validation("key", "unknown", format!("unknown setting '{name}'"))
            })
    }

    fn range(self) -> (i64, i64) {
        match self {
            SettingKey::BackupIntervalDays => (1, 14),
            SettingKey::IdleLockMinutes => (1, 240),
            SettingKey::CsvSeparator => (0, 2),
        }
    }

    pub fn default_value(self) -> i64 {
        match self {
            SettingKey::BackupIntervalDays => 4,
            SettingKey::IdleLockMinutes => 15,
            SettingKey::CsvSeparator => 0,
        }
    }

    fn field(self) -> &'static str {
        match self {
            SettingKey::BackupIntervalDays => "backup_interval_days",
            SettingKey::IdleLockMinutes => "idle_lock_minutes",
            SettingKey::CsvSeparator => "csv_separator",
        }
    }

    pub fn validate(self, value: i64) -> CoreResult<i64> {
        let (min, max) = self.range();
        if value < min || value > max {
            return Err(CoreError::validation(
                self.field(),
                "range",
                format!("{} must be between {min} and {max}", self.name()),
            ));
        }
        Ok(value)
    }

    pub fn parse_value(self, text: &str) -> CoreResult<i64> {
        let value = text.trim().parse::<i64>().map_err(|_| {
            CoreError::validation(
                self.field(),
                "number",
                format!("{} must be a whole number", self.name()),
            )
        })?;
        self.validate(value)
    }
}

pub fn get(conn: &Connection, key: SettingKey) -> CoreResult<i64> {
    match get_raw(conn, key.name())? {
        None => Ok(key.default_value()),
        Some(text) => text
            .parse()
            .map_err(|_| CoreError::Corrupt(format!("setting {} holds '{text}'", key.name()))),
    }
}

pub(crate) fn put(conn: &Connection, key: SettingKey, value: i64) -> CoreResult<()> {
    put_raw(conn, key.name(), &value.to_string())
}

pub(crate) fn get_raw(conn: &Connection, key: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub(crate) fn put_raw(conn: &Connection, key: &str, value: &str) -> CoreResult<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

pub(crate) fn delete_raw(conn: &Connection, key: &str) -> CoreResult<()> {
    conn.execute("DELETE FROM settings WHERE key = ?1", [key])?;
    Ok(())
}

/// All settings as the settings page shows them.
#[derive(Debug, Clone, Serialize, Deserialize, TS, PartialEq)]
#[ts(export)]
pub struct AppSettings {
    pub backup_interval_days: i64,
    pub idle_lock_minutes: i64,
    pub csv_separator: i64,
}

impl AppSettings {
    pub fn load(conn: &Connection) -> CoreResult<Self> {
        Ok(AppSettings {
            backup_interval_days: get(conn, SettingKey::BackupIntervalDays)?,
            idle_lock_minutes: get(conn, SettingKey::IdleLockMinutes)?,
            csv_separator: get(conn, SettingKey::CsvSeparator)?,
        })
    }

    pub fn entries(&self) -> [(SettingKey, i64); 3] {
        [
            (SettingKey::BackupIntervalDays, self.backup_interval_days),
            (SettingKey::IdleLockMinutes, self.idle_lock_minutes),
            (SettingKey::CsvSeparator, self.csv_separator),
        ]
    }
}

/// How table exports write for a user of `language`, with the office's CSV separator.
pub(crate) fn table_style(conn: &Connection, language: Language) -> CoreResult<TableStyle> {
    Ok(TableStyle::new(
        language,
        CsvSeparator::from_setting(get(conn, SettingKey::CsvSeparator)?),
    ))
}
