-- A search runs in one tenant (issue 16). Until now FTS5 matched a word in every tenant and
-- then read each hit's stored row to compare its tenant_id (an UNINDEXED column), and ranked
-- all of them: in an office with 100 tenants a common word cost about 100 ms. Both indexes
-- now carry the tenant as an indexed token, "<12>" for tenant 12, in a column of its own, so
-- the match itself keeps to one tenant. The delimiters make the token unique in the trigram
-- index too ("<12>" is no part of "<112>"); the word index reads it as the token "12".
-- Queries name the columns a person's words may match (title, body), so the token is never
-- found by what someone types. FTS5 tables take no new columns: both are rebuilt, rowids kept.
DROP TRIGGER processing_activities_search_insert;
DROP TRIGGER processing_activities_search_update;
DROP TRIGGER processing_activities_search_delete;
DROP TRIGGER master_items_search_insert;
DROP TRIGGER master_items_search_update;
DROP TRIGGER master_items_search_delete;

CREATE VIRTUAL TABLE search_index_by_tenant USING fts5(
    title, body, tenant, tenant_id UNINDEXED, object_type UNINDEXED, object_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_index_by_tenant (rowid, title, body, tenant, tenant_id, object_type, object_id)
    SELECT rowid, title, body, '<' || tenant_id || '>', tenant_id, object_type, object_id FROM search_index;
DROP TABLE search_index;
ALTER TABLE search_index_by_tenant RENAME TO search_index;

CREATE VIRTUAL TABLE search_trigram_by_tenant USING fts5(
    title, body, tenant, tenant_id UNINDEXED, object_type UNINDEXED, object_id UNINDEXED,
    tokenize = 'trigram remove_diacritics 1'
);
INSERT INTO search_trigram_by_tenant (rowid, title, body, tenant, tenant_id, object_type, object_id)
    SELECT rowid, title, body, tenant, tenant_id, object_type, object_id FROM search_index;
DROP TABLE search_trigram;
ALTER TABLE search_trigram_by_tenant RENAME TO search_trigram;

CREATE TRIGGER processing_activities_search_insert AFTER INSERT ON processing_activities BEGIN
    INSERT INTO search_index (rowid, title, body, tenant, tenant_id, object_type, object_id)
    VALUES (new.id * 2, new.name, new.purposes || ' ' || new.responsible || ' ' || new.notes || ' ' || new.processing_categories
            || ' ' || new.specific_toms || ' ' || new.controller_details || ' ' || new.review_result,
            '<' || new.tenant_id || '>', new.tenant_id, 'processing_activity', new.id);
    INSERT INTO search_trigram (rowid, title, body, tenant, tenant_id, object_type, object_id)
    SELECT rowid, title, body, tenant, tenant_id, object_type, object_id FROM search_index WHERE rowid = new.id * 2;
END;
CREATE TRIGGER processing_activities_search_update AFTER UPDATE ON processing_activities BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2;
    DELETE FROM search_trigram WHERE rowid = old.id * 2;
    INSERT INTO search_index (rowid, title, body, tenant, tenant_id, object_type, object_id)
    VALUES (new.id * 2, new.name, new.purposes || ' ' || new.responsible || ' ' || new.notes || ' ' || new.processing_categories
            || ' ' || new.specific_toms || ' ' || new.controller_details || ' ' || new.review_result,
            '<' || new.tenant_id || '>', new.tenant_id, 'processing_activity', new.id);
    INSERT INTO search_trigram (rowid, title, body, tenant, tenant_id, object_type, object_id)
    SELECT rowid, title, body, tenant, tenant_id, object_type, object_id FROM search_index WHERE rowid = new.id * 2;
END;
CREATE TRIGGER processing_activities_search_delete AFTER DELETE ON processing_activities BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2;
    DELETE FROM search_trigram WHERE rowid = old.id * 2;
END;
CREATE TRIGGER master_items_search_insert AFTER INSERT ON master_items BEGIN
    INSERT INTO search_index (rowid, title, body, tenant, tenant_id, object_type, object_id)
    VALUES (new.id * 2 + 1, new.name, new.description || ' ' || new.code || ' ' || new.email,
            '<' || new.tenant_id || '>', new.tenant_id, new.kind, new.id);
    INSERT INTO search_trigram (rowid, title, body, tenant, tenant_id, object_type, object_id)
    SELECT rowid, title, body, tenant, tenant_id, object_type, object_id FROM search_index WHERE rowid = new.id * 2 + 1;
END;
CREATE TRIGGER master_items_search_update AFTER UPDATE ON master_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2 + 1;
    DELETE FROM search_trigram WHERE rowid = old.id * 2 + 1;
    INSERT INTO search_index (rowid, title, body, tenant, tenant_id, object_type, object_id)
    VALUES (new.id * 2 + 1, new.name, new.description || ' ' || new.code || ' ' || new.email,
            '<' || new.tenant_id || '>', new.tenant_id, new.kind, new.id);
    INSERT INTO search_trigram (rowid, title, body, tenant, tenant_id, object_type, object_id)
    SELECT rowid, title, body, tenant, tenant_id, object_type, object_id FROM search_index WHERE rowid = new.id * 2 + 1;
END;
CREATE TRIGGER master_items_search_delete AFTER DELETE ON master_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2 + 1;
    DELETE FROM search_trigram WHERE rowid = old.id * 2 + 1;
END;
