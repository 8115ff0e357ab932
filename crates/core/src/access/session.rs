//! A signed-in user's session. It holds only identity and activity time: rights are read
//! from the database at every command, so changes apply at the user's next action.

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
/// Fields are private: only a sign-in makes a session, so no client can forge a user id.
pub struct Session {
    user_id: i64,
    user_name: String,
    started_at: DateTime<Utc>,
    last_activity: DateTime<Utc>,
}

impl Session {
    pub(crate) fn start(user_id: i64, user_name: String, now: DateTime<Utc>) -> Self {
        Session {
            user_id,
            user_name,
            started_at: now,
            last_activity: now,
        }
    }

    pub fn user_id(&self) -> i64 {
        self.user_id
    }

    pub fn user_name(&self) -> &str {
        &self.user_name
    }

    pub fn started_at(&self) -> DateTime<Utc> {
        self.started_at
    }

    pub fn last_activity(&self) -> DateTime<Utc> {
        self.last_activity
    }

    pub(crate) fn record_activity(&mut self, now: DateTime<Utc>) {
        self.last_activity = now;
    }

    pub(crate) fn idle_expired(&self, now: DateTime<Utc>, idle_minutes: i64) -> bool {
        now - self.last_activity > chrono::Duration::minutes(idle_minutes)
    }
}
