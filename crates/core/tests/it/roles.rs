//! Roles and the permission gate: no role → no rights, rights add up across roles, changes
//! apply at the next action, hidden menus, and role management for administrators only.

use crate::common::*;
use dpo_desk_core::access::roles::{Grant, RoleDefinition};
use dpo_desk_core::desk::MenuEntry;
use dpo_desk_core::kernel::vocabulary::{ObjectType, Right};
use dpo_desk_core::store::settings::SettingKey;
use dpo_desk_core::{CoreError, Desk, Session};
use rusqlite::params;

const STAFF: &str = "Ben Staff";
const STAFF_PW: &str = "Mitarbeiter-2026!";

/// A non-administrator. User management (invitations, tenants) builds on roles; until it
/// exists the tests put the account into the real database directly.
fn add_staff(desk: &Desk) -> i64 {
    let hash = dpo_desk_core::access::password::hash(STAFF_PW).unwrap();
    let conn = desk.store().conn();
    conn.execute(
        "INSERT INTO users (name, password_hash, is_admin, is_owner, active, created_at) VALUES (?1, ?2, 0, 0, 1, ?3)",
        params![STAFF, hash, t0()],
    )
    .unwrap();
    conn.last_insert_rowid()
}

fn give_role(desk: &Desk, user_id: i64, role_id: i64) {
    desk.store()
        .conn()
        .execute(
            "INSERT INTO user_roles (user_id, role_id) VALUES (?1, ?2)",
            params![user_id, role_id],
        )
        .unwrap();
}

fn role(name: &str, grants: &[&str], hidden: &[MenuEntry]) -> RoleDefinition {
    RoleDefinition {
        name: name.into(),
        grants: grants.iter().map(|g| Grant::parse(g).unwrap()).collect(),
        hidden_menus: hidden.to_vec(),
        visibility: vec![],
    }
}

fn denied(result: Result<impl std::fmt::Debug, CoreError>) -> (ObjectType, Right) {
    match result {
        Err(CoreError::PermissionDenied { object, right }) => (object, right),
        other => panic!("expected permission_denied, got {other:?}"),
    }
}

struct Office {
    desk: Desk,
    admin: Session,
    staff_id: i64,
}

fn office() -> (Fixture, Office) {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let staff_id = add_staff(&desk);
    (
        f,
        Office {
            desk,
            admin,
            staff_id,
        },
    )
}

#[test]
fn a_user_without_a_role_has_no_rights() {
    let (_f, mut o) = office();
    let mut staff = o.desk.sign_in(STAFF, STAFF_PW).unwrap();
    assert_eq!(
        denied(o.desk.settings(&mut staff)),
        (ObjectType::Settings, Right::View)
    );
    assert_eq!(
        denied(o.desk.audit_log(&mut staff, 10, None)),
        (ObjectType::AuditLog, Right::View)
    );
    let info = o.desk.session_info(&mut staff).unwrap();
    assert!(!info.menu.contains(&MenuEntry::AuditLog));
    assert!(
        o.desk
            .dashboard(&mut staff)
            .unwrap()
            .recent_changes
            .is_none(),
        "no audit view, no recent changes"
    );
}

#[test]
fn rights_of_several_roles_add_up_and_apply_at_the_next_action() {
    let (_f, mut o) = office();
    let reader = o
        .desk
        .create_role(
            &mut o.admin,
            &role("Settings reader", &["settings:view"], &[]),
        )
        .unwrap();
    let editor = o
        .desk
        .create_role(
            &mut o.admin,
            &role("Settings editor", &["settings:edit"], &[]),
        )
        .unwrap();
    give_role(&o.desk, o.staff_id, reader.id);

    let mut staff = o.desk.sign_in(STAFF, STAFF_PW).unwrap();
    assert_eq!(o.desk.settings(&mut staff).unwrap().backup_interval_days, 4);
    assert_eq!(
        denied(
            o.desk
                .update_settings(&mut staff, &[(SettingKey::BackupIntervalDays, 6)])
        ),
        (ObjectType::Settings, Right::Edit)
    );

    // The second role is granted while the session is open: the very next action may edit.
    give_role(&o.desk, o.staff_id, editor.id);
    let grants: Vec<String> = o
        .desk
        .session_info(&mut staff)
        .unwrap()
        .grants
        .iter()
        .map(|g| g.to_string())
        .collect();
    assert_eq!(
        grants,
        ["settings:edit", "settings:view"],
        "the window learns the union of rights"
    );
    o.desk
        .update_settings(&mut staff, &[(SettingKey::BackupIntervalDays, 6)])
        .unwrap();
    assert_eq!(
        o.desk.settings(&mut staff).unwrap().backup_interval_days,
        6,
        "view from one role, edit from the other"
    );

    // And taken away again just as quickly.
    o.desk
        .store()
        .conn()
        .execute("DELETE FROM user_roles WHERE user_id = ?1", [o.staff_id])
        .unwrap();
    denied(o.desk.settings(&mut staff));
}

#[test]
fn administrators_hold_every_right_whatever_their_roles() {
    let (_f, mut o) = office();
    let narrow = o
        .desk
        .create_role(
            &mut o.admin,
            &role(
                "Narrow",
                &["dpia:view"],
                &[MenuEntry::AuditLog, MenuEntry::Settings],
            ),
        )
        .unwrap();
    let owner_id: i64 = o
        .desk
        .store()
        .conn()
        .query_row("SELECT id FROM users WHERE is_owner = 1", [], |r| r.get(0))
        .unwrap();
    give_role(&o.desk, owner_id, narrow.id);
    o.desk
        .update_settings(&mut o.admin, &[(SettingKey::IdleLockMinutes, 20)])
        .unwrap();
    let info = o.desk.session_info(&mut o.admin).unwrap();
    assert_eq!(
        info.menu,
        MenuEntry::ALL.to_vec(),
        "an administrator sees every section"
    );
}

#[test]
fn menu_entries_hidden_by_any_role_stay_hidden() {
    let (_f, mut o) = office();
    let a = o
        .desk
        .create_role(
            &mut o.admin,
            &role("Auditor", &["audit_log:view", "settings:view"], &[]),
        )
        .unwrap();
    let b = o
        .desk
        .create_role(
            &mut o.admin,
            &role("No settings menu", &[], &[MenuEntry::Settings]),
        )
        .unwrap();
    give_role(&o.desk, o.staff_id, a.id);
    let mut staff = o.desk.sign_in(STAFF, STAFF_PW).unwrap();
    let data = [
        MenuEntry::Deadlines,
        MenuEntry::Companies,
        MenuEntry::Areas,
        MenuEntry::ProcessingActivities,
        MenuEntry::MasterData,
        MenuEntry::Toms,
        MenuEntry::Dpias,
        MenuEntry::Requests,
        MenuEntry::Breaches,
        MenuEntry::ProcessorAgreements,
        MenuEntry::Documents,
        MenuEntry::Courses,
        MenuEntry::MyCourses,
        MenuEntry::WebsiteTexts,
        MenuEntry::Trash,
    ];
    let with = |extra: &[MenuEntry]| {
        let mut menu = vec![MenuEntry::Dashboard];
        menu.extend(data);
        menu.extend(extra);
        menu
    };
    assert_eq!(
        o.desk.session_info(&mut staff).unwrap().menu,
        with(&[MenuEntry::AuditLog, MenuEntry::Settings, MenuEntry::Account])
    );
    give_role(&o.desk, o.staff_id, b.id);
    assert_eq!(
        o.desk.session_info(&mut staff).unwrap().menu,
        with(&[MenuEntry::AuditLog, MenuEntry::Account])
    );
}

#[test]
fn only_administrators_define_roles_even_with_a_role_right() {
    let (_f, mut o) = office();
    let r = o
        .desk
        .create_role(
            &mut o.admin,
            &role(
                "Role maker?",
                &["role:create", "role:view", "user:create"],
                &[],
            ),
        )
        .unwrap();
    give_role(&o.desk, o.staff_id, r.id);
    let mut staff = o.desk.sign_in(STAFF, STAFF_PW).unwrap();
    assert!(matches!(
        o.desk
            .create_role(&mut staff, &role("Mine", &["tom:view"], &[])),
        Err(CoreError::AdminRequired)
    ));
    assert!(matches!(
        o.desk.roles(&mut staff),
        Err(CoreError::AdminRequired)
    ));
    assert_eq!(
        o.desk.roles(&mut o.admin).unwrap().len(),
        1,
        "the refused role was not created"
    );
}

#[test]
fn role_definitions_are_validated_stored_and_audited() {
    let (_f, mut o) = office();
    let created = o
        .desk
        .create_role(
            &mut o.admin,
            &role(
                "Personnel reader",
                &[
                    "processing_activity:view",
                    "area:view",
                    "processing_activity:view",
                ],
                &[MenuEntry::AuditLog],
            ),
        )
        .unwrap();
    assert_eq!(
        created
            .grants
            .iter()
            .map(|g| g.to_string())
            .collect::<Vec<_>>(),
        ["area:view", "processing_activity:view"],
        "duplicates collapse"
    );
    assert_eq!(created.hidden_menus, vec![MenuEntry::AuditLog]);
    assert_eq!(
        o.desk.role(&mut o.admin, "personnel READER").unwrap(),
        created,
        "names are case-insensitive"
    );

    let code = |e: CoreError| match e {
        CoreError::Validation { field, rule, .. } => format!("{field}.{rule}"),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        code(
            o.desk
                .create_role(&mut o.admin, &role("  ", &[], &[]))
                .unwrap_err()
        ),
        "role_name.required"
    );
    assert_eq!(
        code(
            o.desk
                .create_role(&mut o.admin, &role("Personnel Reader", &[], &[]))
                .unwrap_err()
        ),
        "role_name.taken"
    );
    assert_eq!(
        code(o.desk.role(&mut o.admin, "nobody").unwrap_err()),
        "role_name.unknown"
    );
    assert_eq!(
        code(Grant::parse("processing_activity").unwrap_err()),
        "grant.format"
    );
    assert_eq!(
        code(Grant::parse("activity:view").unwrap_err()),
        "grant.object"
    );
    assert_eq!(code(Grant::parse("tom:read").unwrap_err()), "grant.right");

    let log = o.desk.audit_log(&mut o.admin, 20, None).unwrap();
    let entry = log
        .iter()
        .find(|e| e.object_type == "role")
        .expect("role creation audited");
    assert_eq!(
        entry.new_value.as_ref().unwrap()["grants"],
        serde_json::json!(["area:view", "processing_activity:view"])
    );
}

#[test]
fn the_role_editor_offers_only_object_types_this_version_has() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut owner = desk.sign_in(OWNER, PASSWORD).unwrap();
    let objects: Vec<&str> = desk
        .role_catalogue(&mut owner)
        .unwrap()
        .objects
        .iter()
        .map(|o| o.as_str())
        .collect();
    for present in [
        "tenant",
        "company",
        "area",
        "processing_activity",
        "legal_basis",
        "processor",
        "tom",
        "dpia",
        "course",
        "document",
        "backup",
        "audit_log",
    ] {
        assert!(
            objects.contains(&present),
            "{present} missing from {objects:?}"
        );
    }
}
