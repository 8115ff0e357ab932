//! The backup escalation rule (SPEC §10, seed 000) as a pure function of dates, so every
//! interval and every day around the thresholds can be tested without a clock.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How urgent the next backup is, in ascending order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum BackupLevel {
    /// Not due yet.
    Ok,
    /// Due: users who can see Tools → Backups are notified.
    Due,
    /// Two days overdue: every user is notified.
    NotifyAll,
    /// Five days overdue: the application is locked until a backup is downloaded.
    Locked,
}

crate::kernel::vocabulary::snake_names!(BackupLevel);

pub const NOTIFY_ALL_AFTER_DAYS: i64 = 2;
pub const LOCK_AFTER_DAYS: i64 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EscalationInput {
    pub interval_days: i64,
    /// Local date of the last backup that was created and downloaded, if any.
    pub last_downloaded: Option<NaiveDate>,
    /// Local date of installation: counts as the last backup before the first one.
    pub installed_on: NaiveDate,
    /// Local date of the latest instant the app has seen (never earlier than the clock).
    pub today: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Escalation {
    pub level: BackupLevel,
    pub due_date: NaiveDate,
}

pub fn evaluate(input: EscalationInput) -> Escalation {
    let base = input.last_downloaded.unwrap_or(input.installed_on);
    let due_date = base + Duration::days(input.interval_days);
    let overdue = (input.today - due_date).num_days();
    let level = if overdue >= LOCK_AFTER_DAYS {
        BackupLevel::Locked
    } else if overdue >= NOTIFY_ALL_AFTER_DAYS {
        BackupLevel::NotifyAll
    } else if overdue >= 0 {
        BackupLevel::Due
    } else {
        BackupLevel::Ok
    };
    Escalation { level, due_date }
}

/// Who hears of a level (SPEC §10): on the due day the users who can see Tools →
/// Backups; from two days later everyone.
pub fn notifies(level: BackupLevel, sees_backups: bool) -> bool {
    match level {
        BackupLevel::Ok => false,
        BackupLevel::Due => sees_backups,
        BackupLevel::NotifyAll | BackupLevel::Locked => true,
    }
}

/// The native notification a user is due now: the level's, when it concerns them and they
/// have not had it today (`already_today`: the levels they were notified of today).
pub fn due_notification(
    level: BackupLevel,
    sees_backups: bool,
    already_today: &[BackupLevel],
) -> Option<BackupLevel> {
    (notifies(level, sees_backups) && !already_today.contains(&level)).then_some(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn levels_for_every_interval_around_each_threshold() {
        let installed = d("2026-03-01");
        for interval in 1..=14 {
            let due = installed + Duration::days(interval);
            let at = |offset: i64| {
                evaluate(EscalationInput {
                    interval_days: interval,
                    last_downloaded: None,
                    installed_on: installed,
                    today: due + Duration::days(offset),
                })
            };
            assert_eq!(at(-1).level, BackupLevel::Ok, "interval {interval}");
            assert_eq!(at(0).level, BackupLevel::Due, "interval {interval}");
            assert_eq!(at(1).level, BackupLevel::Due, "interval {interval}");
            assert_eq!(at(2).level, BackupLevel::NotifyAll, "interval {interval}");
            assert_eq!(at(4).level, BackupLevel::NotifyAll, "interval {interval}");
            assert_eq!(at(5).level, BackupLevel::Locked, "interval {interval}");
            assert_eq!(at(400).level, BackupLevel::Locked, "interval {interval}");
            assert_eq!(at(0).due_date, due);
        }
    }

    #[test]
    fn the_due_day_concerns_backup_users_then_everyone_once_a_day() {
        use BackupLevel::*;
        assert_eq!(due_notification(Ok, true, &[]), None);
        assert_eq!(due_notification(Due, true, &[]), Some(Due));
        assert_eq!(
            due_notification(Due, false, &[]),
            None,
            "only who can see Tools → Backups"
        );
        assert_eq!(due_notification(NotifyAll, false, &[]), Some(NotifyAll));
        assert_eq!(
            due_notification(NotifyAll, true, &[Due]),
            Some(NotifyAll),
            "a new level is news the same day"
        );
        assert_eq!(
            due_notification(NotifyAll, true, &[NotifyAll]),
            None,
            "once per level and day"
        );
        assert_eq!(due_notification(Locked, false, &[NotifyAll]), Some(Locked));
    }

    #[test]
    fn a_download_restarts_every_interval_and_levels_follow_it() {
        let installed = d("2026-03-01");
        for interval in 1..=14 {
            let downloaded = installed + Duration::days(30);
            let due = downloaded + Duration::days(interval);
            let at = |offset: i64, last: Option<NaiveDate>| {
                evaluate(EscalationInput {
                    interval_days: interval,
                    last_downloaded: last,
                    installed_on: installed,
                    today: due + Duration::days(offset),
                })
                .level
            };
            // Without the download the installation date counts: long locked by then.
            assert_eq!(at(-1, None), BackupLevel::Locked, "interval {interval}");
            assert_eq!(
                at(-1, Some(downloaded)),
                BackupLevel::Ok,
                "interval {interval}"
            );
            assert_eq!(
                at(0, Some(downloaded)),
                BackupLevel::Due,
                "interval {interval}"
            );
            assert_eq!(
                at(2, Some(downloaded)),
                BackupLevel::NotifyAll,
                "interval {interval}"
            );
            assert_eq!(
                at(5, Some(downloaded)),
                BackupLevel::Locked,
                "interval {interval}"
            );
        }
    }

    #[test]
    fn a_downloaded_backup_restarts_the_interval() {
        let e = evaluate(EscalationInput {
            interval_days: 4,
            last_downloaded: Some(d("2026-03-20")),
            installed_on: d("2026-03-01"),
            today: d("2026-03-23"),
        });
        assert_eq!(
            e,
            Escalation {
                level: BackupLevel::Ok,
                due_date: d("2026-03-24")
            }
        );
    }
}
