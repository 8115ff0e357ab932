-- Backups (SPEC §10): the ones kept inside the app (at most 7, files under
-- <data dir>/backups) and the automatic ones written to an outside folder. Downloaded
-- (saved outside the app) ones reset the reminder interval.
CREATE TABLE backups (
    id            INTEGER PRIMARY KEY,
    file_name     TEXT NOT NULL,
    stored_in_app INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    size          INTEGER NOT NULL,
    automatic     INTEGER NOT NULL DEFAULT 0,
    downloaded_at TEXT
);
CREATE INDEX backups_downloaded ON backups(downloaded_at, created_at);

-- Which escalation notification each user has had on which local day: at most one per
-- user, level and day (SPEC §10).
CREATE TABLE backup_notifications (
    user_id INTEGER NOT NULL REFERENCES users(id),
    level   TEXT NOT NULL,
    day     TEXT NOT NULL,
    PRIMARY KEY (user_id, level, day)
);
