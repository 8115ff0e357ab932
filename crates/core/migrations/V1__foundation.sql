-- The office this installation belongs to; exactly one row.
CREATE TABLE office (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    name            TEXT NOT NULL,
    installation_id TEXT NOT NULL,
    installed_at    TEXT NOT NULL
);

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash       TEXT,
    is_admin            INTEGER NOT NULL DEFAULT 0,
    is_owner            INTEGER NOT NULL DEFAULT 0,
    active              INTEGER NOT NULL DEFAULT 1,
    language            TEXT,
    failed_attempts     INTEGER NOT NULL DEFAULT 0,
    blocked_until       TEXT,
    created_at          TEXT NOT NULL,
    password_changed_at TEXT
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user_id     INTEGER REFERENCES users(id),
    user_name   TEXT,
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id   TEXT,
    old_value   TEXT,
    new_value   TEXT
);
CREATE INDEX audit_log_at ON audit_log(at DESC);
CREATE INDEX audit_log_object ON audit_log(object_type, object_id);
