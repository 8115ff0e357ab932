-- The tenant module in full (SPEC §2–§4, §11 trash): companies' managing directors, DPO check
-- and designated DPO; all Art. 30 fields of a processing activity; master data per tenant;
-- the trash; and a full-text index over the tenant's records.

ALTER TABLE companies ADD COLUMN managing_directors TEXT NOT NULL DEFAULT '';
-- Answers of the DPO-requirement check (Art. 37 GDPR, § 38 BDSG) as JSON; NULL until asked.
ALTER TABLE companies ADD COLUMN dpo_check TEXT;
ALTER TABLE companies ADD COLUMN dpo_kind TEXT NOT NULL DEFAULT '' CHECK (dpo_kind IN ('', 'internal', 'external'));
ALTER TABLE companies ADD COLUMN dpo_name TEXT NOT NULL DEFAULT '';
ALTER TABLE companies ADD COLUMN dpo_email TEXT NOT NULL DEFAULT '';
ALTER TABLE companies ADD COLUMN dpo_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE companies ADD COLUMN dpo_address TEXT NOT NULL DEFAULT '';

ALTER TABLE processing_activities ADD COLUMN role TEXT NOT NULL DEFAULT 'controller' CHECK (role IN ('controller', 'processor'));
ALTER TABLE processing_activities ADD COLUMN business_process_id INTEGER;
-- Art. 30(2): the controller on whose behalf a processor acts, and the categories of processing.
ALTER TABLE processing_activities ADD COLUMN controller_details TEXT NOT NULL DEFAULT '';
ALTER TABLE processing_activities ADD COLUMN processing_categories TEXT NOT NULL DEFAULT '';
ALTER TABLE processing_activities ADD COLUMN specific_toms TEXT NOT NULL DEFAULT '';
ALTER TABLE processing_activities ADD COLUMN dpia_required TEXT NOT NULL DEFAULT 'unchecked'
    CHECK (dpia_required IN ('unchecked', 'required', 'not_required'));
ALTER TABLE processing_activities ADD COLUMN dpia_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE processing_activities ADD COLUMN review_planned TEXT;
ALTER TABLE processing_activities ADD COLUMN review_done TEXT;
ALTER TABLE processing_activities ADD COLUMN review_result TEXT NOT NULL DEFAULT '';
ALTER TABLE processing_activities ADD COLUMN review_follow_up TEXT NOT NULL DEFAULT '';

-- Master data of a tenant (SPEC §4). One table for the eleven kinds; the columns a kind
-- does not use stay empty: `flag` is the Art. 9/10 special category of a data category and
-- the adequacy of a third country's transfers; `category` the recipient type, the person's
-- kind, the country's adequacy basis or the processor agreement's status; `date` the
-- processor agreement's date; `code` a reference (article, ISO country code, duration).
CREATE TABLE master_items (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    code        TEXT NOT NULL DEFAULT '',
    flag        INTEGER NOT NULL DEFAULT 0,
    category    TEXT NOT NULL DEFAULT '',
    date        TEXT,
    email       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    trash_id    INTEGER,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX master_items_tenant_kind ON master_items(tenant_id, kind, name COLLATE NOCASE);

-- Links of an activity to master data; `detail` holds a transfer's safeguard.
CREATE TABLE activity_links (
    activity_id INTEGER NOT NULL REFERENCES processing_activities(id),
    item_id     INTEGER NOT NULL REFERENCES master_items(id),
    detail      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (activity_id, item_id)
);
CREATE INDEX activity_links_item ON activity_links(item_id);

-- The trash (SPEC §11): one entry per delete; the deleted records and their children carry
-- its id, so a restore puts back exactly what the delete took.
CREATE TABLE trash (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER,
    object_type TEXT NOT NULL,
    object_id   INTEGER NOT NULL,
    label       TEXT NOT NULL,
    deleted_at  TEXT NOT NULL,
    deleted_by  TEXT NOT NULL
);
CREATE INDEX trash_deleted_at ON trash(deleted_at);
ALTER TABLE tenants ADD COLUMN trash_id INTEGER;
ALTER TABLE companies ADD COLUMN trash_id INTEGER;
ALTER TABLE areas ADD COLUMN trash_id INTEGER;
ALTER TABLE processing_activities ADD COLUMN trash_id INTEGER;
CREATE INDEX processing_activities_trash ON processing_activities(trash_id) WHERE trash_id IS NOT NULL;

-- Full-text search over a tenant's records, kept current by triggers. The index's rowid is
-- derived from the record's id (activities even, master data odd), so an update replaces
-- its entry by rowid instead of scanning the index.
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, tenant_id UNINDEXED, object_type UNINDEXED, object_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER processing_activities_search_insert AFTER INSERT ON processing_activities BEGIN
    INSERT INTO search_index (rowid, title, body, tenant_id, object_type, object_id)
    VALUES (new.id * 2, new.name, new.purposes || ' ' || new.responsible || ' ' || new.notes || ' ' || new.processing_categories
            || ' ' || new.specific_toms || ' ' || new.controller_details || ' ' || new.review_result,
            new.tenant_id, 'processing_activity', new.id);
END;
CREATE TRIGGER processing_activities_search_update AFTER UPDATE ON processing_activities BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2;
    INSERT INTO search_index (rowid, title, body, tenant_id, object_type, object_id)
    VALUES (new.id * 2, new.name, new.purposes || ' ' || new.responsible || ' ' || new.notes || ' ' || new.processing_categories
            || ' ' || new.specific_toms || ' ' || new.controller_details || ' ' || new.review_result,
            new.tenant_id, 'processing_activity', new.id);
END;
CREATE TRIGGER processing_activities_search_delete AFTER DELETE ON processing_activities BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2;
END;
CREATE TRIGGER master_items_search_insert AFTER INSERT ON master_items BEGIN
    INSERT INTO search_index (rowid, title, body, tenant_id, object_type, object_id)
    VALUES (new.id * 2 + 1, new.name, new.description || ' ' || new.code || ' ' || new.email, new.tenant_id, new.kind, new.id);
END;
CREATE TRIGGER master_items_search_update AFTER UPDATE ON master_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2 + 1;
    INSERT INTO search_index (rowid, title, body, tenant_id, object_type, object_id)
    VALUES (new.id * 2 + 1, new.name, new.description || ' ' || new.code || ' ' || new.email, new.tenant_id, new.kind, new.id);
END;
CREATE TRIGGER master_items_search_delete AFTER DELETE ON master_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2 + 1;
END;
-- Activities written before this version.
INSERT INTO search_index (rowid, title, body, tenant_id, object_type, object_id)
    SELECT id * 2, name, purposes || ' ' || responsible || ' ' || notes, tenant_id, 'processing_activity', id FROM processing_activities;
