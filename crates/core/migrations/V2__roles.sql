-- Roles (SPEC §8): rights per object type, menu entries hidden for the role, and which
-- users hold which roles. Administrators need no role; everyone else has exactly the
-- union of their roles' rights.
CREATE TABLE roles (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at TEXT NOT NULL
);

CREATE TABLE role_rights (
    role_id     INTEGER NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    object_type TEXT NOT NULL,
    right_name  TEXT NOT NULL,
    PRIMARY KEY (role_id, object_type, right_name)
);

CREATE TABLE role_hidden_menus (
    role_id INTEGER NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    menu    TEXT NOT NULL,
    PRIMARY KEY (role_id, menu)
);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users(id),
    role_id INTEGER NOT NULL REFERENCES roles(id),
    PRIMARY KEY (user_id, role_id)
);
CREATE INDEX user_roles_role ON user_roles(role_id);
