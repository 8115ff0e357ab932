-- The activity list of a tenant sends its rows in windows (issue 16): its length, its order
-- by name, a status filter and the position of any window come from this index alone, so a
-- tenant with 100,000 activities is counted and paged without reading (and decrypting) the
-- records themselves; only the rows in view are read. The id follows the name, as in the
-- list's order, so no window needs a sort of its own.
CREATE INDEX processing_activities_list
    ON processing_activities(tenant_id, name COLLATE NOCASE, id, status)
    WHERE trash_id IS NULL;
