-- Companies of a tenant with their master data (SPEC §2), their areas, and the processing
-- activities of the areas (SPEC §3). Activities carry their tenant as well, so the tenant's
-- list is one indexed range scan.
CREATE TABLE companies (
    id              INTEGER PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
    name            TEXT NOT NULL,
    legal_form      TEXT NOT NULL DEFAULT '',
    street          TEXT NOT NULL DEFAULT '',
    postal_code     TEXT NOT NULL DEFAULT '',
    city            TEXT NOT NULL DEFAULT '',
    country         TEXT NOT NULL DEFAULT '',
    register_court  TEXT NOT NULL DEFAULT '',
    register_number TEXT NOT NULL DEFAULT '',
    vat_id          TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    website         TEXT NOT NULL DEFAULT '',
    is_controller   INTEGER NOT NULL DEFAULT 1,
    is_processor    INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX companies_tenant ON companies(tenant_id, name COLLATE NOCASE);

CREATE TABLE areas (
    id          INTEGER PRIMARY KEY,
    company_id  INTEGER NOT NULL REFERENCES companies(id),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX areas_company ON areas(company_id, name COLLATE NOCASE);

CREATE TABLE processing_activities (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
    area_id     INTEGER NOT NULL REFERENCES areas(id),
    name        TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'active', 'inactive')),
    responsible TEXT NOT NULL DEFAULT '',
    editor_id   INTEGER REFERENCES users(id),
    purposes    TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX processing_activities_tenant ON processing_activities(tenant_id, name COLLATE NOCASE);
CREATE INDEX processing_activities_area ON processing_activities(area_id);
CREATE INDEX processing_activities_editor ON processing_activities(editor_id);

-- Visibility restrictions of a role per object type (SPEC §8): `own_records` (the user is
-- the editor), `in_areas` (area name, one row per allowed name), `with_status` (one row per
-- allowed status). Within one role and kind the values are alternatives; everything else
-- combines with AND.
CREATE TABLE role_restrictions (
    role_id     INTEGER NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    object_type TEXT NOT NULL,
    kind        TEXT NOT NULL,
    value       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (role_id, object_type, kind, value)
);

-- The tenant the user last worked in, offered again at the next sign-in.
ALTER TABLE users ADD COLUMN current_tenant_id INTEGER REFERENCES tenants(id);
