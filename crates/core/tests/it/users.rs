//! User management: invitations that expire, roles and tenants required, deactivation that
//! ends access at once, and tenant visibility.

use crate::common::*;
use chrono::Duration;
use dpo_desk_core::access::roles::{Grant, RoleDefinition};
use dpo_desk_core::access::users::NewUser;
use dpo_desk_core::desk::MenuEntry;
use dpo_desk_core::{CoreError, Desk, Session};

const NEW_PW: &str = "Mein-eigenes-Passwort";

fn setup() -> (Fixture, Desk, Session, i64, i64) {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let a = desk
        .create_tenant(&mut admin, "Bäckerei Schmidt GmbH", false)
        .unwrap()
        .id;
    let b = desk
        .create_tenant(&mut admin, "Autohaus Weber KG", false)
        .unwrap()
        .id;
    desk.create_role(
        &mut admin,
        &RoleDefinition {
            name: "Reader".into(),
            grants: vec![
                Grant::parse("settings:view").unwrap(),
                Grant::parse("tenant:view").unwrap(),
            ],
            hidden_menus: vec![MenuEntry::AuditLog],
            visibility: vec![],
        },
    )
    .unwrap();
    (f, desk, admin, a, b)
}

fn invite(desk: &mut Desk, admin: &mut Session, name: &str, tenants: Vec<i64>) -> String {
    let created = desk
        .create_user(
            admin,
            &NewUser {
                name: name.into(),
                is_admin: false,
                roles: vec!["reader".into()],
                tenants,
                password: None,
            },
        )
        .unwrap();
    assert_eq!(created.user.roles, vec!["Reader".to_string()]);
    created
        .invitation_code
        .expect("no password given: an invitation code")
}

#[test]
fn an_invited_user_sets_a_password_with_the_code_once_and_sees_only_their_tenants() {
    let (f, mut desk, mut admin, a, _b) = setup();
    let code = invite(&mut desk, &mut admin, "Kunde Schmidt", vec![a]);
    assert_eq!(code.len(), 14, "XXXX-XXXX-XXXX: {code}");

    assert!(
        matches!(
            desk.sign_in("Kunde Schmidt", "anything at all"),
            Err(CoreError::InvalidCredentials)
        ),
        "no password yet"
    );
    assert!(matches!(
        desk.accept_invitation("Kunde Schmidt", "AAAA-BBBB-CCCC", NEW_PW),
        Err(CoreError::InvalidInvitation)
    ));
    assert!(matches!(
        desk.accept_invitation("Someone Else", &code, NEW_PW),
        Err(CoreError::InvalidInvitation)
    ));
    assert_eq!(
        desk.accept_invitation("Kunde Schmidt", &code, "short")
            .unwrap_err()
            .code(),
        "validation"
    );

    f.clock.advance(Duration::days(3));
    let mut session = desk
        .accept_invitation("kunde schmidt", &code.to_lowercase(), NEW_PW)
        .expect("code typed loosely still fits");
    let visible: Vec<String> = desk
        .tenants(&mut session)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(
        visible,
        vec!["Bäckerei Schmidt GmbH".to_string()],
        "only the assigned tenant"
    );
    assert!(
        matches!(
            desk.tenants(&mut admin),
            Err(CoreError::SessionExpired { .. })
        ),
        "three idle days end the admin's session"
    );
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    assert_eq!(
        desk.tenants(&mut admin).unwrap().len(),
        2,
        "administrators see all tenants"
    );
    let info = desk.session_info(&mut session).unwrap();
    assert_eq!(
        info.menu,
        vec![
            MenuEntry::Dashboard,
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
            MenuEntry::Settings,
            MenuEntry::Account
        ]
    );
    assert_eq!(
        info.current_tenant.map(|t| t.name).as_deref(),
        Some("Bäckerei Schmidt GmbH")
    );

    assert!(
        matches!(
            desk.accept_invitation("Kunde Schmidt", &code, "Noch-ein-Passwort-1"),
            Err(CoreError::InvalidInvitation)
        ),
        "used up"
    );
    desk.sign_in("Kunde Schmidt", NEW_PW)
        .expect("the chosen password works");
}

#[test]
fn invitation_codes_expire_after_seven_days() {
    let (f, mut desk, mut first_admin_session, a, _b) = setup();
    let code = invite(&mut desk, &mut first_admin_session, "Late Larry", vec![a]);
    f.clock.advance(Duration::days(7) + Duration::minutes(1));
    assert!(matches!(
        desk.accept_invitation("Late Larry", &code, NEW_PW),
        Err(CoreError::InvitationExpired)
    ));
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let listed = desk.users(&mut admin).unwrap();
    let larry = listed.iter().find(|u| u.name == "Late Larry").unwrap();
    assert!(
        larry.invitation_expires_at.is_some(),
        "the list shows the pending invitation"
    );
}

#[test]
fn new_users_need_a_role_and_a_tenant_and_a_free_name() {
    let (_f, mut desk, mut admin, a, _b) = setup();
    let rule = |r: Result<_, CoreError>| match r {
        Err(CoreError::Validation { field, rule, .. }) => format!("{field}.{rule}"),
        other => panic!("{other:?}"),
    };
    let new = |roles: Vec<&str>, tenants: Vec<i64>| NewUser {
        name: "Eva".into(),
        is_admin: false,
        roles: roles.into_iter().map(String::from).collect(),
        tenants,
        password: None,
    };
    assert_eq!(
        rule(desk.create_user(&mut admin, &new(vec![], vec![a]))),
        "roles.required"
    );
    assert_eq!(
        rule(desk.create_user(&mut admin, &new(vec!["Reader"], vec![]))),
        "tenants.required"
    );
    assert_eq!(
        rule(desk.create_user(&mut admin, &new(vec!["Ghost"], vec![a]))),
        "roles.unknown"
    );
    assert_eq!(
        rule(desk.create_user(&mut admin, &new(vec!["Reader"], vec![999]))),
        "tenant.unknown"
    );
    assert_eq!(
        rule(desk.create_user(
            &mut admin,
            &NewUser {
                name: OWNER.to_uppercase(),
                ..new(vec!["Reader"], vec![a])
            }
        )),
        "user_name.taken"
    );
    assert_eq!(
        desk.users(&mut admin).unwrap().len(),
        1,
        "nothing was created"
    );

    let admin2 = desk
        .create_user(
            &mut admin,
            &NewUser {
                name: "Second Admin".into(),
                is_admin: true,
                roles: vec![],
                tenants: vec![],
                password: Some("Zweiter-Admin-2026".into()),
            },
        )
        .unwrap();
    assert!(admin2.invitation_code.is_none() && admin2.user.is_admin);
}

#[test]
fn deactivation_ends_access_at_once_and_never_deletes() {
    let (_f, mut desk, mut admin, a, _b) = setup();
    let code = invite(&mut desk, &mut admin, "Temp Tina", vec![a]);
    let mut tina = desk.accept_invitation("Temp Tina", &code, NEW_PW).unwrap();
    desk.settings(&mut tina).unwrap();

    assert!(matches!(
        desk.deactivate_user(&mut tina, OWNER),
        Err(CoreError::AdminRequired)
    ));
    let summary = desk.deactivate_user(&mut admin, "Temp Tina").unwrap();
    assert!(!summary.active);
    assert!(
        matches!(desk.settings(&mut tina), Err(CoreError::UserDeactivated)),
        "the open session ends at its next action"
    );
    assert!(matches!(
        desk.sign_in("Temp Tina", NEW_PW),
        Err(CoreError::UserDeactivated)
    ));
    assert!(
        desk.users(&mut admin)
            .unwrap()
            .iter()
            .any(|u| u.name == "Temp Tina"),
        "kept for the audit log"
    );
    assert_eq!(
        desk.deactivate_user(&mut admin, OWNER).unwrap_err().code(),
        "validation",
        "the owner stays"
    );
}

#[test]
fn a_user_with_tenant_create_opens_the_tenants_they_create_and_no_others() {
    let (_f, mut desk, mut admin, a, _b) = setup();
    desk.create_role(
        &mut admin,
        &RoleDefinition {
            name: "Tenant maker".into(),
            grants: vec![Grant::parse("tenant:create").unwrap()],
            hidden_menus: vec![],
            visibility: vec![],
        },
    )
    .unwrap();
    let created = desk
        .create_user(
            &mut admin,
            &NewUser {
                name: "Max".into(),
                is_admin: false,
                roles: vec!["Tenant maker".into()],
                tenants: vec![a],
                password: Some("Max-Passwort-2026".into()),
            },
        )
        .unwrap();
    assert!(created.invitation_code.is_none());
    let mut max = desk.sign_in("Max", "Max-Passwort-2026").unwrap();
    desk.create_tenant(&mut max, "Neuer Mandant", false)
        .unwrap();
    let names: Vec<String> = desk
        .tenants(&mut max)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(
        names,
        vec![
            "Bäckerei Schmidt GmbH".to_string(),
            "Neuer Mandant".to_string()
        ]
    );

    let code = invite(&mut desk, &mut admin, "Reader Rita", vec![a]);
    let mut rita = desk
        .accept_invitation("Reader Rita", &code, NEW_PW)
        .unwrap();
    match desk.create_tenant(&mut rita, "Not allowed", false) {
        Err(CoreError::PermissionDenied { object, right }) => {
            assert_eq!((object.as_str(), right.as_str()), ("tenant", "create"))
        }
        other => panic!("{other:?}"),
    }
}
