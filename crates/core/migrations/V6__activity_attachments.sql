-- Attachments of a processing activity (SPEC §3): kept inside the encrypted database, so
-- they are as protected as the record and travel with every backup.
CREATE TABLE activity_attachments (
    id          INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES processing_activities(id),
    file_name   TEXT NOT NULL,
    content     BLOB NOT NULL,
    size        INTEGER NOT NULL,
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL
);
CREATE INDEX activity_attachments_activity ON activity_attachments(activity_id);
