//! The time rules of the registers, as pure functions of their dates and `now`: the month
//! of Art. 12(3) GDPR for a data subject request and the 72 hours of Art. 33(1) for a
//! breach, and which alert a deadline has reached. Instants are UTC; a day is the office's
//! local calendar day, decided by the caller.

use chrono::{DateTime, Duration, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kernel::vocabulary::snake_names;

/// How far a request's deadline may be extended (Art. 12(3): "by two further months").
pub const MAX_EXTENSION_MONTHS: u8 = 2;

/// Hours from the discovery of a breach to the notification of the authority (Art. 33(1)).
pub const BREACH_HOURS: i64 = 72;

/// Days before a request's deadline from which it counts as soon due (alert, dashboard).
pub const REQUEST_SOON_DAYS: i64 = 7;

/// The answer to a request is due one month after its receipt, plus the extension: the
/// same day number in the month due, or that month's last day where it has no such day
/// (31 January → 28/29 February; 30 April → 30 May). chrono's month arithmetic clamps to
/// the month's end exactly so. The extension is counted from the receipt, so 31 January
/// extended by two months is due on 30 April.
pub fn request_deadline(received_on: NaiveDate, extension_months: u8) -> NaiveDate {
    let months = 1 + u32::from(extension_months.min(MAX_EXTENSION_MONTHS));
    received_on
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// When the authority must have been notified of a breach discovered at `discovered_at`:
/// 72 elapsed hours, whatever the wall clock does meanwhile (a change to or from summer
/// time makes the local hour of the deadline differ from the discovery's, not the hours).
pub fn breach_deadline(discovered_at: DateTime<Utc>) -> DateTime<Utc> {
    discovered_at + Duration::hours(BREACH_HOURS)
}

/// Whole minutes from `now` to `due`; negative once it has passed.
pub fn minutes_left(due: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (due - now).num_minutes()
}

/// The alert levels of a deadline, in the order they are reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum AlertLevel {
    /// A breach was recorded: its clock runs.
    Recorded,
    /// A request's deadline is less than `REQUEST_SOON_DAYS` away.
    DueSoon,
    /// Less than 24 hours left to notify the authority.
    Hours24,
    /// Less than 6 hours left.
    Hours6,
    Overdue,
}

snake_names!(AlertLevel);

/// The levels a breach's clock has reached at `now`, in order: recorded at once, then
/// 24 h and 6 h before the deadline, then overdue.
pub fn breach_levels(discovered_at: DateTime<Utc>, now: DateTime<Utc>) -> Vec<AlertLevel> {
    let left = minutes_left(breach_deadline(discovered_at), now);
    let mut levels = vec![AlertLevel::Recorded];
    if left < 24 * 60 {
        levels.push(AlertLevel::Hours24);
    }
    if left < 6 * 60 {
        levels.push(AlertLevel::Hours6);
    }
    if left < 0 {
        levels.push(AlertLevel::Overdue);
    }
    levels
}

/// The levels a request's deadline has reached on `today`: soon due, then overdue (the
/// day after the deadline).
pub fn request_levels(deadline: NaiveDate, today: NaiveDate) -> Vec<AlertLevel> {
    let mut levels = Vec::new();
    if (deadline - today).num_days() < REQUEST_SOON_DAYS {
        levels.push(AlertLevel::DueSoon);
    }
    if today > deadline {
        levels.push(AlertLevel::Overdue);
    }
    levels
}

/// The one alert to show now, given the levels reached and those already shown: the most
/// urgent level reached that was not shown. Lower levels missed meanwhile (the app was
/// closed) are not shown after it: a person needs the current state once, not its history.
pub fn alert_due(reached: &[AlertLevel], shown: &[AlertLevel]) -> Option<AlertLevel> {
    let top = reached.iter().max().copied()?;
    if shown.iter().any(|s| *s >= top) {
        None
    } else {
        Some(top)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_month_ends_on_the_same_day_number_or_the_last_day_of_a_shorter_month() {
        assert_eq!(request_deadline(day("2026-01-31"), 0), day("2026-02-28"));
        assert_eq!(request_deadline(day("2028-01-31"), 0), day("2028-02-29"));
        assert_eq!(request_deadline(day("2026-04-30"), 0), day("2026-05-30"));
        assert_eq!(request_deadline(day("2026-03-31"), 0), day("2026-04-30"));
        assert_eq!(request_deadline(day("2026-12-15"), 0), day("2027-01-15"));
    }

    #[test]
    fn an_extension_adds_at_most_two_months_counted_from_the_receipt() {
        assert_eq!(request_deadline(day("2026-01-31"), 1), day("2026-03-31"));
        assert_eq!(request_deadline(day("2026-01-31"), 2), day("2026-04-30"));
        assert_eq!(request_deadline(day("2026-01-31"), 9), day("2026-04-30"));
    }

    #[test]
    fn the_breach_clock_counts_elapsed_hours_across_a_change_of_the_clocks() {
        // Discovered on the Friday before summer time ends in Europe (25 October 2026,
        // 03:00 CEST → 02:00 CET): 10:00 CEST is 08:00 UTC.
        let discovered = at("2026-10-23T08:00:00Z");
        let due = breach_deadline(discovered);
        assert_eq!(due, at("2026-10-26T08:00:00Z"));
        // In Berlin that is 09:00 CET on Monday: one wall-clock hour earlier than the
        // discovery's 10:00, yet exactly 72 hours later.
        assert_eq!((due - discovered).num_hours(), 72);
    }

    #[test]
    fn minutes_left_turn_negative_when_the_deadline_has_passed() {
        let due = at("2026-03-05T12:00:00Z");
        assert_eq!(minutes_left(due, at("2026-03-05T10:30:00Z")), 90);
        assert_eq!(minutes_left(due, at("2026-03-05T13:00:00Z")), -60);
    }

    #[test]
    fn a_breach_reaches_recorded_then_24_then_6_hours_then_overdue() {
        let discovered = at("2026-03-02T12:00:00Z");
        use AlertLevel::*;
        assert_eq!(breach_levels(discovered, discovered), vec![Recorded]);
        assert_eq!(
            breach_levels(discovered, at("2026-03-04T12:01:00Z")),
            vec![Recorded, Hours24]
        );
        assert_eq!(
            breach_levels(discovered, at("2026-03-05T06:01:00Z")),
            vec![Recorded, Hours24, Hours6]
        );
        assert_eq!(
            breach_levels(discovered, at("2026-03-05T12:01:00Z")),
            vec![Recorded, Hours24, Hours6, Overdue]
        );
    }

    #[test]
    fn a_request_is_soon_due_a_week_before_and_overdue_the_day_after_its_deadline() {
        let deadline = day("2026-03-31");
        assert!(request_levels(deadline, day("2026-03-24")).is_empty());
        assert_eq!(
            request_levels(deadline, day("2026-03-25")),
            vec![AlertLevel::DueSoon]
        );
        assert_eq!(
            request_levels(deadline, day("2026-03-31")),
            vec![AlertLevel::DueSoon]
        );
        assert_eq!(
            request_levels(deadline, day("2026-04-01")),
            vec![AlertLevel::DueSoon, AlertLevel::Overdue]
        );
    }

    #[test]
    fn each_level_is_alerted_once_and_missed_lower_levels_are_skipped() {
        use AlertLevel::*;
        assert_eq!(alert_due(&[Recorded], &[]), Some(Recorded));
        assert_eq!(alert_due(&[Recorded], &[Recorded]), None);
        assert_eq!(alert_due(&[Recorded, Hours24], &[Recorded]), Some(Hours24));
        // The app was closed from the recording until after the deadline: one alert, overdue.
        assert_eq!(
            alert_due(&[Recorded, Hours24, Hours6, Overdue], &[Recorded]),
            Some(Overdue)
        );
        assert_eq!(alert_due(&[Recorded, Hours24, Hours6], &[Overdue]), None);
        assert_eq!(alert_due(&[], &[]), None);
    }
}
