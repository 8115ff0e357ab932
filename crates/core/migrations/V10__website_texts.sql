-- Texts for a company's website (SPEC §12): the imprint (§ 5 DDG) and the privacy policy,
-- each with the answers of its form or questionnaire and the edited text. One row per
-- company and kind; the row goes when its company is purged.
CREATE TABLE website_texts (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
    company_id  INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('imprint', 'privacy_policy')),
    -- The form's answers as JSON (the generator's input, kept so the form opens as left).
    answers     TEXT NOT NULL DEFAULT '{}',
    -- The text as saved: lines starting with "# " are headings, paragraphs are separated
    -- by a blank line; plain text and HTML are made from it.
    text        TEXT NOT NULL DEFAULT '',
    language    TEXT NOT NULL DEFAULT 'de',
    updated_by  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (company_id, kind)
);
CREATE INDEX website_texts_tenant ON website_texts(tenant_id);
