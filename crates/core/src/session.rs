//! A signed-in user's session. It holds only identity and activity time: rights are read
//! from the database at every command, so changes apply at the user's next action.

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user_id: i64,
    pub user_name: String,
    pub started_at: DateTime<Utc>,
    pub last_activity: DateTime<Utc>,
}

impl Session {
    pub(crate) fn start(user_id: i64, user_name: String, now: DateTime<Utc>) -> Self {
        Session { user_id, user_name, started_at: now, last_activity: now }
    }

    pub(crate) fn idle_expired(&self, now: DateTime<Utc>, idle_minutes: i64) -> bool {
        now - self.last_activity > chrono::Duration::minutes(idle_minutes)
    }
}
