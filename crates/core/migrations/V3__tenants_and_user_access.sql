-- Tenants (the DPO's clients) and which users may open which tenant. Invitation codes
-- let a new user set their own password at first sign-in.
CREATE TABLE tenants (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    is_template INTEGER NOT NULL DEFAULT 0,
    archived_at TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE user_tenants (
    user_id   INTEGER NOT NULL REFERENCES users(id),
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    PRIMARY KEY (user_id, tenant_id)
);
CREATE INDEX user_tenants_tenant ON user_tenants(tenant_id);

ALTER TABLE users ADD COLUMN invitation_hash TEXT;
ALTER TABLE users ADD COLUMN invitation_expires_at TEXT;
