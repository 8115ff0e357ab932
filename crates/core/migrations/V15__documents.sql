-- Documents of a tenant (SPEC §11, seed 002): a folder tree, files with every version kept,
-- links to the records they prove, and an optional storage quota per tenant. The files'
-- bytes live in the encrypted database like every other record, so backups, module
-- restores and tenant copies carry them without a second store to keep in step.

-- A folder; `path` ("/Verträge/2026") is kept for every folder so lists, the command
-- line's --folder PATH and the "only folders …" restriction read it without recursion.
CREATE TABLE document_folders (
    id         INTEGER PRIMARY KEY,
    tenant_id  INTEGER NOT NULL REFERENCES tenants(id),
    parent_id  INTEGER REFERENCES document_folders(id),
    name       TEXT NOT NULL,
    path       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    trash_id   INTEGER
);
CREATE INDEX document_folders_tenant ON document_folders(tenant_id, path);
CREATE INDEX document_folders_parent ON document_folders(parent_id);
CREATE INDEX document_folders_trash ON document_folders(trash_id) WHERE trash_id IS NOT NULL;

-- A document: what the person names and describes; its bytes are its versions'.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id),
    folder_id    INTEGER REFERENCES document_folders(id),
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    tags         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    trash_id     INTEGER
);
CREATE INDEX documents_folder ON documents(tenant_id, folder_id, name);
CREATE INDEX documents_trash ON documents(trash_id) WHERE trash_id IS NOT NULL;

-- Every version of a document; the newest is the current one. A restored version is a
-- new version that names the one it came from.
CREATE TABLE document_versions (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id),
    version       INTEGER NOT NULL,
    file_name     TEXT NOT NULL,
    media_type    TEXT NOT NULL,
    size          INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    added_at      TEXT NOT NULL,
    added_by      TEXT NOT NULL,
    restored_from INTEGER,
    UNIQUE (document_id, version)
);

-- The bytes apart from the version rows, so listing versions never reads a file.
CREATE TABLE document_contents (
    version_id INTEGER PRIMARY KEY REFERENCES document_versions(id),
    content    BLOB NOT NULL
);

-- Records a document proves; seen from both sides.
CREATE TABLE document_links (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    object_type TEXT NOT NULL,
    object_id   INTEGER NOT NULL,
    PRIMARY KEY (document_id, object_type, object_id)
);
CREATE INDEX document_links_object ON document_links(object_type, object_id);

-- A link goes when its record is deleted for good (purged), whatever domain purges it.
CREATE TRIGGER document_links_activity AFTER DELETE ON processing_activities BEGIN
    DELETE FROM document_links WHERE object_type = 'processing_activity' AND object_id = OLD.id;
END;
CREATE TRIGGER document_links_company AFTER DELETE ON companies BEGIN
    DELETE FROM document_links WHERE object_type = 'company' AND object_id = OLD.id;
END;
CREATE TRIGGER document_links_tom AFTER DELETE ON toms BEGIN
    DELETE FROM document_links WHERE object_type = 'tom' AND object_id = OLD.id;
END;
CREATE TRIGGER document_links_dpia AFTER DELETE ON dpias BEGIN
    DELETE FROM document_links WHERE object_type = 'dpia' AND object_id = OLD.id;
END;
CREATE TRIGGER document_links_request AFTER DELETE ON data_subject_requests BEGIN
    DELETE FROM document_links WHERE object_type = 'request' AND object_id = OLD.id;
END;
CREATE TRIGGER document_links_breach AFTER DELETE ON data_breaches BEGIN
    DELETE FROM document_links WHERE object_type = 'breach' AND object_id = OLD.id;
END;
CREATE TRIGGER document_links_agreement AFTER DELETE ON processor_agreements BEGIN
    DELETE FROM document_links WHERE object_type = 'processor_agreement' AND object_id = OLD.id;
END;

-- Storage quota of a tenant's documents in bytes (every version counts); NULL = no limit.
ALTER TABLE tenants ADD COLUMN document_quota INTEGER;
