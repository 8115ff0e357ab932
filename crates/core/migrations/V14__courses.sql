-- E-learning (SPEC §13, Art. 39(1)(b) GDPR): awareness courses of a tenant with their
-- content pages and multiple-choice questions, assigned to users, taken in attempts that
-- are scored and, once passed, carry a certificate code.

-- A course. The price is the DPO's own invoicing (shown, never charged), in cents.
CREATE TABLE courses (
    id              INTEGER PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
    name            TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    language        TEXT NOT NULL DEFAULT 'de' CHECK (language IN ('de', 'en')),
    pass_percent    INTEGER NOT NULL DEFAULT 80 CHECK (pass_percent BETWEEN 1 AND 100),
    max_restarts    INTEGER NOT NULL DEFAULT 0 CHECK (max_restarts >= 0),
    price_cents     INTEGER CHECK (price_cents >= 0),
    active          INTEGER NOT NULL DEFAULT 1,
    logo_image_id   INTEGER,
    passed_image_id INTEGER,
    failed_image_id INTEGER,
    trash_id        INTEGER,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX courses_tenant ON courses(tenant_id, name);
CREATE INDEX courses_trash ON courses(trash_id) WHERE trash_id IS NOT NULL;

-- Pictures of a course (logo, passed/failed, page images), kept in the encrypted database.
CREATE TABLE course_images (
    id        INTEGER PRIMARY KEY,
    course_id INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    mime      TEXT NOT NULL,
    bytes     BLOB NOT NULL
);
CREATE INDEX course_images_course ON course_images(course_id);

-- Content pages in order; the body is Markdown (headings, lists, emphasis, links).
CREATE TABLE course_pages (
    id         INTEGER PRIMARY KEY,
    course_id  INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL DEFAULT '',
    image_id   INTEGER REFERENCES course_images(id) ON DELETE SET NULL
);
CREATE INDEX course_pages_course ON course_pages(course_id, position);

-- Questions in order; `answers` is a JSON array of {text, correct}: an answer is known by
-- its position, which attempts store.
CREATE TABLE course_questions (
    id          INTEGER PRIMARY KEY,
    course_id   INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    explanation TEXT NOT NULL DEFAULT '',
    answers     TEXT NOT NULL
);
CREATE INDEX course_questions_course ON course_questions(course_id, position);

-- A course assigned to a user, with an optional due date.
CREATE TABLE course_assignments (
    id          INTEGER PRIMARY KEY,
    course_id   INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    due_on      TEXT,
    assigned_at TEXT NOT NULL,
    assigned_by INTEGER REFERENCES users(id),
    UNIQUE (course_id, user_id)
);
CREATE INDEX course_assignments_user ON course_assignments(user_id);
CREATE INDEX course_assignments_due ON course_assignments(due_on) WHERE due_on IS NOT NULL;

-- One run through a course. `plan` is the shuffled question and answer order drawn from
-- `seed` at the start (JSON), `answers` what was chosen per question (JSON); `step` is
-- where the learner is (pages first, then questions), so closing the window keeps it.
CREATE TABLE course_attempts (
    id               INTEGER PRIMARY KEY,
    assignment_id    INTEGER NOT NULL REFERENCES course_assignments(id) ON DELETE CASCADE,
    number           INTEGER NOT NULL,
    seed             INTEGER NOT NULL,
    plan             TEXT NOT NULL,
    answers          TEXT NOT NULL DEFAULT '{}',
    step             INTEGER NOT NULL DEFAULT 0,
    started_at       TEXT NOT NULL,
    finished_at      TEXT,
    correct          INTEGER,
    total            INTEGER,
    score_percent    INTEGER,
    passed           INTEGER,
    certificate_code TEXT UNIQUE,
    UNIQUE (assignment_id, number)
);
