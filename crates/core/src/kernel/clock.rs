//! Time as an input: every rule that depends on "now" asks a `Clock`, so tests and the
//! CLI's `--now` can set any instant.

use chrono::{DateTime, Utc};
use std::sync::Mutex;

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that shows what it is told; used by tests and by `--now`.
#[derive(Debug)]
pub struct FixedClock(Mutex<DateTime<Utc>>);

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        FixedClock(Mutex::new(at))
    }
    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().expect("clock mutex") = at;
    }
    pub fn advance(&self, by: chrono::Duration) {
        let mut t = self.0.lock().expect("clock mutex");
        *t += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("clock mutex")
    }
}

/// The system clock moved to start at a given instant, running on from there: the app
/// started as if it were another day (`DPO_DESK_NOW`, for demonstrations and the
/// end-to-end tests of the backup reminder).
#[derive(Debug)]
pub struct OffsetClock(chrono::Duration);

impl OffsetClock {
    pub fn starting_at(at: DateTime<Utc>) -> Self {
        OffsetClock(at - Utc::now())
    }
}

impl Clock for OffsetClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.0
    }
}

impl<C: Clock + ?Sized> Clock for std::sync::Arc<C> {
    fn now(&self) -> DateTime<Utc> {
        (**self).now()
    }
}

/// The office's calendar day at `now`: day-based rules (deadlines, reviews, reminders)
/// count in the local calendar of the machine.
pub fn local_day(now: DateTime<Utc>) -> chrono::NaiveDate {
    now.with_timezone(&chrono::Local).date_naive()
}
