-- Substring search from three characters: "überwachung" finds "Videoüberwachung",
-- "formular" finds "Kontaktformular" (German compounds). A trigram index beside the word
-- index, with the same rows and rowids; shorter terms still use the word index's prefixes.
-- FTS5 tables take no triggers, so the record triggers write both.
CREATE VIRTUAL TABLE search_trigram USING fts5(
    title, body, tenant_id UNINDEXED, object_type UNINDEXED, object_id UNINDEXED,
    tokenize = 'trigram remove_diacritics 1'
);
INSERT INTO search_trigram (rowid, title, body, tenant_id, object_type, object_id)
    SELECT rowid, title, body, tenant_id, object_type, object_id FROM search_index;

DROP TRIGGER processing_activities_search_insert;
DROP TRIGGER processing_activities_search_update;
DROP TRIGGER processing_activities_search_delete;
DROP TRIGGER master_items_search_insert;
DROP TRIGGER master_items_search_update;
DROP TRIGGER master_items_search_delete;

CREATE TRIGGER processing_activities_search_insert AFTER INSERT ON processing_activities BEGIN
    INSERT INTO search_index (rowid, title, body, tenant_id, object_type, object_id)
    VALUES (new.id * 2, new.name, new.purposes || ' ' || new.responsible || ' ' || new.notes || ' ' || new.processing_categories
            || ' ' || new.specific_toms || ' ' || new.controller_details || ' ' || new.review_result,
            new.tenant_id, 'processing_activity', new.id);
    INSERT INTO search_trigram (rowid, title, body, tenant_id, object_type, object_id)
    SELECT rowid, title, body, tenant_id, object_type, object_id FROM search_index WHERE rowid = new.id * 2;
END;
CREATE TRIGGER processing_activities_search_update AFTER UPDATE ON processing_activities BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2;
    DELETE FROM search_trigram WHERE rowid = old.id * 2;
    INSERT INTO search_index (rowid, title, body, tenant_id, object_type, object_id)
    VALUES (new.id * 2, new.name, new.purposes || ' ' || new.responsible || ' ' || new.notes || ' ' || new.processing_categories
            || ' ' || new.specific_toms || ' ' || new.controller_details || ' ' || new.review_result,
            new.tenant_id, 'processing_activity', new.id);
    INSERT INTO search_trigram (rowid, title, body, tenant_id, object_type, object_id)
    SELECT rowid, title, body, tenant_id, object_type, object_id FROM search_index WHERE rowid = new.id * 2;
END;
CREATE TRIGGER processing_activities_search_delete AFTER DELETE ON processing_activities BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2;
    DELETE FROM search_trigram WHERE rowid = old.id * 2;
END;
CREATE TRIGGER master_items_search_insert AFTER INSERT ON master_items BEGIN
    INSERT INTO search_index (rowid, title, body, tenant_id, object_type, object_id)
    VALUES (new.id * 2 + 1, new.name, new.description || ' ' || new.code || ' ' || new.email, new.tenant_id, new.kind, new.id);
    INSERT INTO search_trigram (rowid, title, body, tenant_id, object_type, object_id)
    VALUES (new.id * 2 + 1, new.name, new.description || ' ' || new.code || ' ' || new.email, new.tenant_id, new.kind, new.id);
END;
CREATE TRIGGER master_items_search_update AFTER UPDATE ON master_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2 + 1;
    DELETE FROM search_trigram WHERE rowid = old.id * 2 + 1;
    INSERT INTO search_index (rowid, title, body, tenant_id, object_type, object_id)
    VALUES (new.id * 2 + 1, new.name, new.description || ' ' || new.code || ' ' || new.email, new.tenant_id, new.kind, new.id);
    INSERT INTO search_trigram (rowid, title, body, tenant_id, object_type, object_id)
    VALUES (new.id * 2 + 1, new.name, new.description || ' ' || new.code || ' ' || new.email, new.tenant_id, new.kind, new.id);
END;
CREATE TRIGGER master_items_search_delete AFTER DELETE ON master_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2 + 1;
    DELETE FROM search_trigram WHERE rowid = old.id * 2 + 1;
END;
