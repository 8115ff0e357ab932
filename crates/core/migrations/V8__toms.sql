-- Technical and organisational measures (SPEC §5, Art. 32 GDPR) of a tenant: the shipped
-- catalogue is copied into each tenant and then adopted per company (valid for, described,
-- reviewed, active). `catalogue_key` names the catalogue entry a measure came from; own
-- measures have none. `art32` and `sdm` hold comma-separated goal names.
CREATE TABLE toms (
    id              INTEGER PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
    catalogue_key   TEXT,
    protection_type TEXT NOT NULL CHECK (protection_type IN ('physical_access', 'system_access',
                        'data_access', 'transfer', 'input', 'processor', 'availability', 'separation')),
    kind            TEXT NOT NULL CHECK (kind IN ('technical', 'organisational')),
    title           TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    implementation  TEXT NOT NULL DEFAULT '',
    art32           TEXT NOT NULL DEFAULT '',
    sdm             TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'in_review' CHECK (status IN ('in_review', 'active', 'inactive')),
    editor_id       INTEGER REFERENCES users(id),
    next_review     TEXT,
    trash_id        INTEGER,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX toms_tenant ON toms(tenant_id, protection_type, title COLLATE NOCASE);
CREATE INDEX toms_review ON toms(next_review) WHERE trash_id IS NULL AND next_review IS NOT NULL;
CREATE INDEX toms_trash ON toms(trash_id) WHERE trash_id IS NOT NULL;

-- The companies a measure is generally valid for (seed: "für welche Firmen gültig").
CREATE TABLE tom_companies (
    tom_id     INTEGER NOT NULL REFERENCES toms(id),
    company_id INTEGER NOT NULL REFERENCES companies(id),
    PRIMARY KEY (tom_id, company_id)
);
CREATE INDEX tom_companies_company ON tom_companies(company_id);

-- The review history of a measure; it is never rewritten.
CREATE TABLE tom_reviews (
    id          INTEGER PRIMARY KEY,
    tom_id      INTEGER NOT NULL REFERENCES toms(id),
    reviewed_on TEXT NOT NULL,
    reviewer    TEXT NOT NULL,
    result      TEXT NOT NULL,
    next_review TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX tom_reviews_tom ON tom_reviews(tom_id, reviewed_on);

-- The specific TOMs of a processing activity (SPEC §3), visible from both sides.
CREATE TABLE activity_toms (
    activity_id INTEGER NOT NULL REFERENCES processing_activities(id),
    tom_id      INTEGER NOT NULL REFERENCES toms(id),
    PRIMARY KEY (activity_id, tom_id)
);
CREATE INDEX activity_toms_tom ON activity_toms(tom_id);

-- Tenants that were created before the catalogue existed receive it once, when the app
-- first opens the database (the catalogue is data the migration cannot read).
ALTER TABLE tenants ADD COLUMN tom_catalogue_seeded INTEGER NOT NULL DEFAULT 0;
