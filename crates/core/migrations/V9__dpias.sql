-- DPIA (SPEC §6, Art. 35 GDPR): the necessity check of a processing activity, the
-- authority's "must" list it refers to, and the assessments of an activity with their
-- versions, risks and the TOMs assigned to each risk.

-- One check per activity, replaced when it is run again. `criteria` holds the ticked
-- criteria's stable names (SPEC §6: art35_3_a …, must:N), comma-separated.
CREATE TABLE dpia_checks (
    activity_id INTEGER PRIMARY KEY REFERENCES processing_activities(id),
    criteria    TEXT NOT NULL DEFAULT '',
    verdict     TEXT NOT NULL CHECK (verdict IN ('required', 'recommended', 'not_needed')),
    note        TEXT NOT NULL DEFAULT '',
    checked_at  TEXT NOT NULL,
    checked_by  TEXT NOT NULL
);

-- The supervisory authority's list of processing that always needs a DPIA (Art. 35(4)),
-- for the whole office; shipped entries can be edited, own ones added.
CREATE TABLE dpia_must_entries (
    id          INTEGER PRIMARY KEY,
    number      INTEGER NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- The assessments of an activity: one row per version, the current one marked. The text
-- columns follow Art. 35(7) and the CNIL PIA questions they correspond to.
CREATE TABLE dpias (
    id                    INTEGER PRIMARY KEY,
    tenant_id             INTEGER NOT NULL REFERENCES tenants(id),
    activity_id           INTEGER NOT NULL REFERENCES processing_activities(id),
    version               INTEGER NOT NULL,
    is_current            INTEGER NOT NULL DEFAULT 1,
    status                TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'validated', 'refused')),
    description           TEXT NOT NULL DEFAULT '',
    responsibilities      TEXT NOT NULL DEFAULT '',
    standards             TEXT NOT NULL DEFAULT '',
    data_processed        TEXT NOT NULL DEFAULT '',
    life_cycle            TEXT NOT NULL DEFAULT '',
    supporting_assets     TEXT NOT NULL DEFAULT '',
    purposes              TEXT NOT NULL DEFAULT '',
    legal_basis           TEXT NOT NULL DEFAULT '',
    minimisation          TEXT NOT NULL DEFAULT '',
    accuracy              TEXT NOT NULL DEFAULT '',
    storage_limits        TEXT NOT NULL DEFAULT '',
    information           TEXT NOT NULL DEFAULT '',
    consent               TEXT NOT NULL DEFAULT '',
    access_portability    TEXT NOT NULL DEFAULT '',
    rectification_erasure TEXT NOT NULL DEFAULT '',
    restriction_objection TEXT NOT NULL DEFAULT '',
    processors            TEXT NOT NULL DEFAULT '',
    transfers             TEXT NOT NULL DEFAULT '',
    dpo_name              TEXT NOT NULL DEFAULT '',
    dpo_opinion           TEXT NOT NULL DEFAULT '',
    dpo_status            TEXT NOT NULL DEFAULT '' CHECK (dpo_status IN ('', 'favourable', 'unfavourable')),
    subjects_consulted    INTEGER NOT NULL DEFAULT 0,
    subjects_opinion      TEXT NOT NULL DEFAULT '',
    subjects_status       TEXT NOT NULL DEFAULT '' CHECK (subjects_status IN ('', 'favourable', 'unfavourable')),
    validator_name        TEXT NOT NULL DEFAULT '',
    validated_at          TEXT,
    decision_note         TEXT NOT NULL DEFAULT '',
    comments              TEXT NOT NULL DEFAULT '',
    review_date           TEXT,
    created_by            TEXT NOT NULL DEFAULT '',
    editor_id             INTEGER REFERENCES users(id),
    trash_id              INTEGER,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
CREATE INDEX dpias_tenant ON dpias(tenant_id, is_current);
CREATE INDEX dpias_activity ON dpias(activity_id, version);
CREATE INDEX dpias_trash ON dpias(trash_id) WHERE trash_id IS NOT NULL;

-- Risks of one version: the three standard events and own threats, rated 1–4 before and
-- after measures (NULL: not rated yet).
CREATE TABLE dpia_risks (
    id                  INTEGER PRIMARY KEY,
    dpia_id             INTEGER NOT NULL REFERENCES dpias(id),
    position            INTEGER NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('illegitimate_access', 'unwanted_modification', 'data_loss', 'own')),
    title               TEXT NOT NULL DEFAULT '',
    threats             TEXT NOT NULL DEFAULT '',
    sources             TEXT NOT NULL DEFAULT '',
    impacts             TEXT NOT NULL DEFAULT '',
    likelihood          INTEGER CHECK (likelihood BETWEEN 1 AND 4),
    severity            INTEGER CHECK (severity BETWEEN 1 AND 4),
    residual_likelihood INTEGER CHECK (residual_likelihood BETWEEN 1 AND 4),
    residual_severity   INTEGER CHECK (residual_severity BETWEEN 1 AND 4)
);
CREATE INDEX dpia_risks_dpia ON dpia_risks(dpia_id, position);

CREATE TABLE dpia_risk_toms (
    risk_id INTEGER NOT NULL REFERENCES dpia_risks(id),
    tom_id  INTEGER NOT NULL REFERENCES toms(id),
    PRIMARY KEY (risk_id, tom_id)
);
CREATE INDEX dpia_risk_toms_tom ON dpia_risk_toms(tom_id);
