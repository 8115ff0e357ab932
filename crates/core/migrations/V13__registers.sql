-- The registers beyond the seeds (SPEC §7): data subject requests, personal data breaches
-- and processor agreements of a tenant, files attached to them, and the deadline alerts
-- already shown to each user. Instants are stored in UTC (RFC 3339), calendar days as
-- ISO dates.

-- Links and references to records of other domains are removed with those records when the
-- trash purges them (ON DELETE CASCADE): a purge never fails on a register's link.

-- A data subject request (Art. 15–22 GDPR). The deadline is computed from `received_on`
-- and `extension_months`, never stored, so a corrected receipt date moves it.
CREATE TABLE data_subject_requests (
    id                   INTEGER PRIMARY KEY,
    tenant_id            INTEGER NOT NULL REFERENCES tenants(id),
    kind                 TEXT NOT NULL CHECK (kind IN ('access', 'rectification', 'erasure',
                             'restriction', 'portability', 'objection', 'consent_withdrawal')),
    requester            TEXT NOT NULL,
    contact              TEXT NOT NULL DEFAULT '',
    received_on          TEXT NOT NULL,
    channel              TEXT NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'letter',
                             'phone', 'in_person', 'web_form', 'other')),
    identity_method      TEXT NOT NULL DEFAULT '',
    identity_checked_on  TEXT,
    status               TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open',
                             'waiting_for_identity', 'in_progress', 'answered', 'refused')),
    extension_months     INTEGER NOT NULL DEFAULT 0 CHECK (extension_months BETWEEN 0 AND 2),
    extension_reason     TEXT NOT NULL DEFAULT '',
    extension_told_on    TEXT,
    answered_on          TEXT,
    refusal_reason       TEXT NOT NULL DEFAULT '',
    notes                TEXT NOT NULL DEFAULT '',
    editor_id            INTEGER REFERENCES users(id),
    trash_id             INTEGER,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);
CREATE INDEX data_subject_requests_tenant ON data_subject_requests(tenant_id, received_on);
CREATE INDEX data_subject_requests_open ON data_subject_requests(received_on)
    WHERE trash_id IS NULL AND status NOT IN ('answered', 'refused');
CREATE INDEX data_subject_requests_trash ON data_subject_requests(trash_id) WHERE trash_id IS NOT NULL;

-- The activities a request concerns, and the person groups and applications it names
-- (master data items).
CREATE TABLE request_activities (
    request_id  INTEGER NOT NULL REFERENCES data_subject_requests(id) ON DELETE CASCADE,
    activity_id INTEGER NOT NULL REFERENCES processing_activities(id) ON DELETE CASCADE,
    PRIMARY KEY (request_id, activity_id)
);
CREATE INDEX request_activities_activity ON request_activities(activity_id);
CREATE TABLE request_items (
    request_id INTEGER NOT NULL REFERENCES data_subject_requests(id) ON DELETE CASCADE,
    item_id    INTEGER NOT NULL REFERENCES master_items(id) ON DELETE CASCADE,
    PRIMARY KEY (request_id, item_id)
);
CREATE INDEX request_items_item ON request_items(item_id);

-- A personal data breach (Art. 33/34 GDPR). Every breach stays in the register
-- (Art. 33(5)); the 72-hour deadline is computed from `discovered_at`.
CREATE TABLE data_breaches (
    id                       INTEGER PRIMARY KEY,
    tenant_id                INTEGER NOT NULL REFERENCES tenants(id),
    title                    TEXT NOT NULL,
    discovered_at            TEXT NOT NULL,
    occurred                 TEXT NOT NULL DEFAULT '',
    description              TEXT NOT NULL DEFAULT '',
    subject_categories       TEXT NOT NULL DEFAULT '',
    subjects_approx          TEXT NOT NULL DEFAULT '',
    record_categories        TEXT NOT NULL DEFAULT '',
    records_approx           TEXT NOT NULL DEFAULT '',
    consequences             TEXT NOT NULL DEFAULT '',
    measures_taken           TEXT NOT NULL DEFAULT '',
    measures_proposed        TEXT NOT NULL DEFAULT '',
    risk                     TEXT NOT NULL DEFAULT 'not_assessed' CHECK (risk IN ('not_assessed',
                                 'no_risk', 'risk', 'high_risk')),
    risk_reasons             TEXT NOT NULL DEFAULT '',
    authority_notified_at    TEXT,
    authority_reference      TEXT NOT NULL DEFAULT '',
    late_reasons             TEXT NOT NULL DEFAULT '',
    subjects_notified_on     TEXT,
    subjects_notified_how    TEXT NOT NULL DEFAULT '',
    subjects_not_notified_reason TEXT NOT NULL DEFAULT '',
    status                   TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    editor_id                INTEGER REFERENCES users(id),
    trash_id                 INTEGER,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL
);
CREATE INDEX data_breaches_tenant ON data_breaches(tenant_id, discovered_at);
CREATE INDEX data_breaches_pending ON data_breaches(discovered_at)
    WHERE trash_id IS NULL AND authority_notified_at IS NULL AND risk <> 'no_risk';
CREATE INDEX data_breaches_trash ON data_breaches(trash_id) WHERE trash_id IS NOT NULL;

-- A processor agreement (Art. 28 GDPR) with a processor of the tenant's master data.
CREATE TABLE processor_agreements (
    id               INTEGER PRIMARY KEY,
    tenant_id        INTEGER NOT NULL REFERENCES tenants(id),
    -- A processor used by a live agreement cannot be deleted (master data refuses it); an
    -- agreement in the trash goes with its processor when that is purged.
    processor_id     INTEGER NOT NULL REFERENCES master_items(id) ON DELETE CASCADE,
    subject          TEXT NOT NULL,
    signed_on        TEXT,
    sub_processors   TEXT NOT NULL DEFAULT '',
    tom_check_on     TEXT,
    tom_check_result TEXT NOT NULL DEFAULT '',
    next_review      TEXT,
    notes            TEXT NOT NULL DEFAULT '',
    editor_id        INTEGER REFERENCES users(id),
    trash_id         INTEGER,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX processor_agreements_tenant ON processor_agreements(tenant_id, processor_id);
CREATE INDEX processor_agreements_review ON processor_agreements(next_review)
    WHERE trash_id IS NULL AND next_review IS NOT NULL;
CREATE INDEX processor_agreements_trash ON processor_agreements(trash_id) WHERE trash_id IS NOT NULL;

-- The activities an agreement serves, and the third countries it allows with their
-- safeguard (Art. 44 ff.) in `detail`.
CREATE TABLE agreement_activities (
    agreement_id INTEGER NOT NULL REFERENCES processor_agreements(id) ON DELETE CASCADE,
    activity_id  INTEGER NOT NULL REFERENCES processing_activities(id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, activity_id)
);
CREATE INDEX agreement_activities_activity ON agreement_activities(activity_id);
CREATE TABLE agreement_countries (
    agreement_id INTEGER NOT NULL REFERENCES processor_agreements(id) ON DELETE CASCADE,
    item_id      INTEGER NOT NULL REFERENCES master_items(id) ON DELETE CASCADE,
    detail       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (agreement_id, item_id)
);
CREATE INDEX agreement_countries_item ON agreement_countries(item_id);

-- Files attached to a register record (the signed agreement, the request letter, the
-- authority's acknowledgement), inside the encrypted database like the records.
CREATE TABLE record_attachments (
    id          INTEGER PRIMARY KEY,
    object_type TEXT NOT NULL,
    record_id   INTEGER NOT NULL,
    file_name   TEXT NOT NULL,
    content     BLOB NOT NULL,
    size        INTEGER NOT NULL,
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL
);
CREATE INDEX record_attachments_record ON record_attachments(object_type, record_id);

-- Deadline alerts shown to a user as native notifications: each level of each record at
-- most once per user, also across restarts.
CREATE TABLE deadline_alerts (
    user_id   INTEGER NOT NULL REFERENCES users(id),
    kind      TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    level     TEXT NOT NULL,
    shown_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, kind, record_id, level)
);

-- The object types of the registers are named `request` and `breach` (issue 15); earlier
-- versions listed them as `data_subject_request` and `data_breach` without a domain. A role
-- that was given such a right keeps it under the new name.
UPDATE role_rights SET object_type = 'request' WHERE object_type = 'data_subject_request';
UPDATE role_rights SET object_type = 'breach' WHERE object_type = 'data_breach';
