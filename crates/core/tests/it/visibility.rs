//! Visibility restrictions and tenant isolation (SPEC §8, seed 004 "FAQ zum
//! Berechtigungskonzept"): rights add up across roles, restrictions combine with AND, are
//! not inherited, and nothing of another tenant is reachable by id.

use crate::common::*;
use dpo_desk_core::access::roles::{Grant, RoleDefinition};
use dpo_desk_core::access::users::{NewUser, UserAccess};
use dpo_desk_core::access::visibility::{Restriction, VisibilityRule};
use dpo_desk_core::domain::activities::{ActivityInput, ActivityStatus};
use dpo_desk_core::domain::areas::AreaInput;
use dpo_desk_core::domain::companies::CompanyInput;
use dpo_desk_core::kernel::vocabulary::{ObjectType, Right};
use dpo_desk_core::{CoreError, Desk, Session};

const STAFF: &str = "Jonas Berger";
const STAFF_PW: &str = "Mitarbeiter-2026!";

struct Office {
    desk: Desk,
    admin: Session,
    tenant_a: i64,
    tenant_b: i64,
    personnel: i64,
    sales: i64,
    foreign_area: i64,
    staff_id: i64,
}

fn activity(
    desk: &mut Desk,
    s: &mut Session,
    area: i64,
    name: &str,
    status: ActivityStatus,
    editor: Option<i64>,
) -> i64 {
    desk.create_activity(
        s,
        &ActivityInput {
            status,
            editor_id: editor,
            ..ActivityInput::new(area, name)
        },
    )
    .unwrap()
    .id
}

fn company(desk: &mut Desk, s: &mut Session, tenant: i64, name: &str) -> i64 {
    desk.create_company(
        s,
        tenant,
        &CompanyInput {
            name: name.into(),
            is_controller: true,
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn area(desk: &mut Desk, s: &mut Session, company: i64, name: &str) -> i64 {
    desk.create_area(
        s,
        &AreaInput {
            company_id: company,
            name: name.into(),
            description: String::new(),
        },
    )
    .unwrap()
    .id
}

/// Tenant A: company with areas Personal (2 activities: one draft edited by the staff
/// user, one active) and Vertrieb (1 active). Tenant B, which the staff user may not
/// open: one activity. The staff user starts with the role "Base" (no rights).
fn office() -> (Fixture, Office) {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant_a = desk
        .create_tenant(&mut admin, "Bäckerei Schmidt GmbH", false)
        .unwrap()
        .id;
    let tenant_b = desk
        .create_tenant(&mut admin, "Autohaus Weber KG", false)
        .unwrap()
        .id;
    desk.create_role(&mut admin, &role("Base", &[], vec![]))
        .unwrap();
    let staff_id = desk
        .create_user(
            &mut admin,
            &NewUser {
                name: STAFF.into(),
                is_admin: false,
                roles: vec!["Base".into()],
                tenants: vec![tenant_a],
                password: Some(STAFF_PW.into()),
            },
        )
        .unwrap()
        .user
        .id;
    let c = company(&mut desk, &mut admin, tenant_a, "Bäckerei Schmidt GmbH");
    let personnel = area(&mut desk, &mut admin, c, "Personal");
    let sales = area(&mut desk, &mut admin, c, "Vertrieb");
    activity(
        &mut desk,
        &mut admin,
        personnel,
        "Bewerbermanagement",
        ActivityStatus::Draft,
        Some(staff_id),
    );
    activity(
        &mut desk,
        &mut admin,
        personnel,
        "Lohnabrechnung",
        ActivityStatus::Active,
        None,
    );
    activity(
        &mut desk,
        &mut admin,
        sales,
        "Kundenkartei",
        ActivityStatus::Active,
        Some(staff_id),
    );
    let cb = company(&mut desk, &mut admin, tenant_b, "Autohaus Weber KG");
    let foreign_area = area(&mut desk, &mut admin, cb, "Werkstatt");
    activity(
        &mut desk,
        &mut admin,
        foreign_area,
        "Fahrzeughistorie",
        ActivityStatus::Active,
        None,
    );
    (
        f,
        Office {
            desk,
            admin,
            tenant_a,
            tenant_b,
            personnel,
            sales,
            foreign_area,
            staff_id,
        },
    )
}

fn role(name: &str, grants: &[&str], visibility: Vec<VisibilityRule>) -> RoleDefinition {
    RoleDefinition {
        name: name.into(),
        grants: grants.iter().map(|g| Grant::parse(g).unwrap()).collect(),
        hidden_menus: vec![],
        visibility,
    }
}

fn in_areas(names: &[&str]) -> VisibilityRule {
    VisibilityRule {
        object: ObjectType::ProcessingActivity,
        restriction: Restriction::InAreas {
            areas: names.iter().map(|n| n.to_string()).collect(),
        },
    }
}

impl Office {
    fn give_roles(&mut self, definitions: Vec<RoleDefinition>) -> Session {
        let mut names = Vec::new();
        for d in definitions {
            names.push(self.desk.create_role(&mut self.admin, &d).unwrap().name);
        }
        self.desk
            .update_user_access(
                &mut self.admin,
                STAFF,
                &UserAccess {
                    roles: names,
                    tenants: vec![self.tenant_a],
                },
            )
            .unwrap();
        self.desk.sign_in(STAFF, STAFF_PW).unwrap()
    }

    fn visible(&mut self, staff: &mut Session) -> Vec<String> {
        let mut names: Vec<String> = self
            .desk
            .activities(staff, self.tenant_a, None)
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect();
        names.sort();
        // The list's windows (counted and paged in SQL of their own) show the same records.
        let query = dpo_desk_core::domain::activities::ActivityQuery::default();
        let window = self
            .desk
            .activity_window(staff, self.tenant_a, &query, 0, 1_000)
            .unwrap();
        let mut windowed: Vec<String> = window.rows.into_iter().map(|a| a.name).collect();
        windowed.sort();
        assert_eq!(windowed, names, "window and list agree");
        assert_eq!(window.total as usize, names.len());
        assert_eq!(
            self.desk
                .activity_ids(staff, self.tenant_a, &query)
                .unwrap()
                .len(),
            names.len()
        );
        names
    }
}

#[test]
fn rights_add_up_across_roles_and_a_role_change_applies_at_the_next_action() {
    let (_f, mut o) = office();
    let mut staff = o.give_roles(vec![role("Reader", &["processing_activity:view"], vec![])]);
    let id = o.desk.activities(&mut staff, o.tenant_a, None).unwrap()[0].id;
    let mut edited = o.desk.activity(&mut staff, id).unwrap().data;
    edited.notes = "geprüft".into();
    assert!(matches!(
        o.desk.update_activity(&mut staff, id, &edited),
        Err(CoreError::PermissionDenied {
            object: ObjectType::ProcessingActivity,
            right: Right::Edit
        })
    ));

    // A second role with the edit right: the same session may edit at once.
    let editor = o
        .desk
        .create_role(
            &mut o.admin,
            &role("Editor", &["processing_activity:edit"], vec![]),
        )
        .unwrap();
    o.desk
        .update_user_access(
            &mut o.admin,
            STAFF,
            &UserAccess {
                roles: vec!["Reader".into(), editor.name],
                tenants: vec![o.tenant_a],
            },
        )
        .unwrap();
    assert_eq!(
        o.desk
            .update_activity(&mut staff, id, &edited)
            .unwrap()
            .data
            .notes,
        "geprüft"
    );

    // Taking the role away again refuses the very next command.
    o.desk
        .update_user_access(
            &mut o.admin,
            STAFF,
            &UserAccess {
                roles: vec!["Base".into()],
                tenants: vec![o.tenant_a],
            },
        )
        .unwrap();
    assert!(matches!(
        o.desk.activities(&mut staff, o.tenant_a, None),
        Err(CoreError::PermissionDenied { .. })
    ));
}

#[test]
fn restrictions_of_several_roles_combine_with_and() {
    let (_f, mut o) = office();
    let mut staff = o.give_roles(vec![role(
        "Personnel reader",
        &["processing_activity:view"],
        vec![in_areas(&["personal"])],
    )]);
    assert_eq!(
        o.visible(&mut staff),
        vec!["Bewerbermanagement", "Lohnabrechnung"],
        "area names match regardless of case"
    );

    let active_only = VisibilityRule {
        object: ObjectType::ProcessingActivity,
        restriction: Restriction::WithStatus {
            statuses: vec![ActivityStatus::Active],
        },
    };
    let mut staff = o.give_roles(vec![
        role(
            "Personnel reader 2",
            &["processing_activity:view"],
            vec![in_areas(&["Personal"])],
        ),
        role("Active only", &[], vec![active_only]),
    ]);
    assert_eq!(
        o.visible(&mut staff),
        vec!["Lohnabrechnung"],
        "area AND status"
    );

    let own = VisibilityRule {
        object: ObjectType::ProcessingActivity,
        restriction: Restriction::OwnRecords,
    };
    let mut staff = o.give_roles(vec![
        role("Own records", &["processing_activity:view"], vec![own]),
        role("Two areas", &[], vec![in_areas(&["Personal", "Vertrieb"])]),
    ]);
    assert_eq!(
        o.visible(&mut staff),
        vec!["Bewerbermanagement", "Kundenkartei"],
        "own records in either area"
    );
}

#[test]
fn restricting_activities_is_not_inherited_by_their_areas() {
    let (_f, mut o) = office();
    let mut staff = o.give_roles(vec![role(
        "Sales reader",
        &["processing_activity:view", "area:view"],
        vec![in_areas(&["Vertrieb"])],
    )]);
    let areas = o.desk.areas(&mut staff, o.tenant_a).unwrap();
    let summary: Vec<(String, i64)> = areas
        .iter()
        .map(|a| (a.name.clone(), a.activity_count))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("General".to_string(), 0),
            ("Personal".to_string(), 0),
            ("Vertrieb".to_string(), 1)
        ],
        "the Personal area stays visible, empty (General is the company's first area)"
    );

    // Restricting the areas themselves is a separate rule on the area object type.
    let area_rule = VisibilityRule {
        object: ObjectType::Area,
        restriction: Restriction::InAreas {
            areas: vec!["Vertrieb".into()],
        },
    };
    let mut staff = o.give_roles(vec![role("Sales only", &["area:view"], vec![area_rule])]);
    let names: Vec<String> = o
        .desk
        .areas(&mut staff, o.tenant_a)
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(names, vec!["Vertrieb"]);
}

#[test]
fn a_hidden_activity_is_unknown_by_id_and_cannot_be_edited() {
    let (_f, mut o) = office();
    let all = o.desk.activities(&mut o.admin, o.tenant_a, None).unwrap();
    let hidden_id = all.iter().find(|a| a.name == "Kundenkartei").unwrap().id;
    let hidden = o.desk.activity(&mut o.admin, hidden_id).unwrap();
    let mut staff = o.give_roles(vec![role(
        "Personnel editor",
        &["processing_activity:view", "processing_activity:edit"],
        vec![in_areas(&["Personal"])],
    )]);
    let unknown = |r: Result<_, CoreError>| {
        matches!(
            r,
            Err(CoreError::Validation {
                rule: "unknown",
                ..
            })
        )
    };
    assert!(unknown(o.desk.activity(&mut staff, hidden.id).map(drop)));
    assert!(unknown(
        o.desk
            .update_activity(&mut staff, hidden.id, &hidden.data)
            .map(drop)
    ));
    let after = o.desk.activity(&mut o.admin, hidden.id).unwrap();
    assert_eq!(after.updated_at, hidden.updated_at, "nothing changed");
}

#[test]
fn a_user_of_tenant_a_reaches_nothing_of_tenant_b_by_any_id() {
    let (_f, mut o) = office();
    let foreign_id = o.desk.activities(&mut o.admin, o.tenant_b, None).unwrap()[0].id;
    let foreign = o.desk.activity(&mut o.admin, foreign_id).unwrap();
    let foreign_company = foreign.company_id;
    let everything = ["view", "create", "edit"]
        .iter()
        .flat_map(|r| ["company", "area", "processing_activity"].map(|o| format!("{o}:{r}")))
        .collect::<Vec<_>>();
    let grants: Vec<&str> = everything.iter().map(String::as_str).collect();
    let mut staff = o.give_roles(vec![role("Everything", &grants, vec![])]);
    let b = o.tenant_b;

    let is_unknown = |r: Result<(), CoreError>| {
        matches!(
            r,
            Err(CoreError::Validation {
                rule: "unknown",
                ..
            })
        )
    };
    assert!(is_unknown(o.desk.activities(&mut staff, b, None).map(drop)));
    assert!(is_unknown(o.desk.companies(&mut staff, b).map(drop)));
    assert!(is_unknown(o.desk.areas(&mut staff, b).map(drop)));
    assert!(is_unknown(o.desk.tenant_overview(&mut staff, b).map(drop)));
    assert!(is_unknown(o.desk.editors(&mut staff, b).map(drop)));
    assert!(is_unknown(
        o.desk.set_current_tenant(&mut staff, b).map(drop)
    ));
    assert!(is_unknown(
        o.desk.activity(&mut staff, foreign.id).map(drop)
    ));
    assert!(is_unknown(
        o.desk
            .update_activity(&mut staff, foreign.id, &foreign.data)
            .map(drop)
    ));
    assert!(is_unknown(
        o.desk
            .update_company(
                &mut staff,
                foreign_company,
                &CompanyInput {
                    name: "x".into(),
                    is_controller: true,
                    ..Default::default()
                }
            )
            .map(drop)
    ));
    assert!(is_unknown(
        o.desk
            .create_area(
                &mut staff,
                &AreaInput {
                    company_id: foreign_company,
                    name: "x".into(),
                    description: String::new()
                }
            )
            .map(drop)
    ));
    let mut into_b = foreign.data.clone();
    into_b.area_id = o.foreign_area;
    assert!(
        is_unknown(o.desk.create_activity(&mut staff, &into_b).map(drop)),
        "no filing into tenant B's area"
    );
    let own_id = o.desk.activities(&mut staff, o.tenant_a, None).unwrap()[0].id;
    let mut own = o.desk.activity(&mut staff, own_id).unwrap();
    own.data.area_id = o.foreign_area;
    assert!(
        is_unknown(
            o.desk
                .update_activity(&mut staff, own.id, &own.data)
                .map(drop)
        ),
        "no moving into tenant B"
    );
    assert_eq!(
        o.desk.activities(&mut o.admin, b, None).unwrap().len(),
        1,
        "tenant B unchanged"
    );
    let _ = (o.personnel, o.sales);
}

#[test]
fn tiles_count_what_the_user_sees_and_show_zero_without_the_view_right() {
    let (_f, mut o) = office();
    let mut staff = o.give_roles(vec![role(
        "Personnel reader",
        &["processing_activity:view", "area:view"],
        vec![in_areas(&["Personal"])],
    )]);
    let tiles = o
        .desk
        .tenant_overview(&mut staff, o.tenant_a)
        .unwrap()
        .tiles;
    let summary: Vec<(ObjectType, i64, bool)> = tiles
        .iter()
        .take(4)
        .map(|t| (t.object, t.count, t.allowed))
        .collect();
    assert_eq!(
        summary,
        vec![
            (ObjectType::Company, 0, false),
            (ObjectType::Area, 3, true),
            (ObjectType::ProcessingActivity, 2, true),
            (ObjectType::BusinessProcess, 0, false),
        ]
    );
    assert!(
        tiles.iter().skip(3).all(|t| t.count == 0 && !t.allowed),
        "no master data right, every tile 0"
    );
    let admin_tiles = o
        .desk
        .tenant_overview(&mut o.admin, o.tenant_a)
        .unwrap()
        .tiles;
    let count = |object| {
        admin_tiles
            .iter()
            .find(|t| t.object == object)
            .unwrap()
            .count
    };
    assert_eq!(
        (
            count(ObjectType::Company),
            count(ObjectType::Area),
            count(ObjectType::ProcessingActivity)
        ),
        (1, 3, 3)
    );
    assert_eq!(count(ObjectType::LegalBasis), 17, "the starter catalogue");
}

#[test]
fn a_user_needs_a_role_and_a_tenant_and_the_current_tenant_is_remembered() {
    let (_f, mut o) = office();
    for (roles, tenants, field) in [
        (vec![], vec![o.tenant_a], "roles"),
        (vec!["Base".to_string()], vec![], "tenants"),
    ] {
        match o
            .desk
            .update_user_access(&mut o.admin, STAFF, &UserAccess { roles, tenants })
        {
            Err(CoreError::Validation {
                field: f,
                rule: "required",
                ..
            }) => assert_eq!(f, field),
            other => panic!("expected {field} required, got {other:?}"),
        }
    }
    o.desk
        .update_user_access(
            &mut o.admin,
            STAFF,
            &UserAccess {
                roles: vec!["Base".into()],
                tenants: vec![o.tenant_a, o.tenant_b],
            },
        )
        .unwrap();
    let mut staff = o.desk.sign_in(STAFF, STAFF_PW).unwrap();
    // Nothing remembered yet: the first tenant by name, "Autohaus Weber KG".
    assert_eq!(
        o.desk
            .session_info(&mut staff)
            .unwrap()
            .current_tenant
            .unwrap()
            .id,
        o.tenant_b
    );
    o.desk.set_current_tenant(&mut staff, o.tenant_a).unwrap();
    let mut again = o.desk.sign_in(STAFF, STAFF_PW).unwrap();
    assert_eq!(
        o.desk
            .session_info(&mut again)
            .unwrap()
            .current_tenant
            .unwrap()
            .id,
        o.tenant_a,
        "remembered per user"
    );
    // Losing access to the remembered tenant falls back to one still allowed.
    o.desk
        .update_user_access(
            &mut o.admin,
            STAFF,
            &UserAccess {
                roles: vec!["Base".into()],
                tenants: vec![o.tenant_b],
            },
        )
        .unwrap();
    assert_eq!(
        o.desk
            .session_info(&mut again)
            .unwrap()
            .current_tenant
            .unwrap()
            .id,
        o.tenant_b
    );
    let _ = o.staff_id;
}

#[test]
fn restrictions_are_validated_and_parsed_from_the_command_line_form() {
    assert_eq!(
        VisibilityRule::parse("processing_activity:area=Personal|Vertrieb").unwrap(),
        in_areas(&["Personal", "Vertrieb"])
    );
    assert_eq!(
        VisibilityRule::parse("processing_activity:own_records")
            .unwrap()
            .to_string(),
        "processing_activity:own_records"
    );
    assert_eq!(
        VisibilityRule::parse("processing_activity:status=active|draft")
            .unwrap()
            .to_string(),
        "processing_activity:status=active|draft"
    );
    assert!(
        VisibilityRule::parse("company:own_records").is_err(),
        "companies have no editor"
    );
    assert!(VisibilityRule::parse("processing_activity:status=done").is_err());
    assert!(VisibilityRule::parse("processing_activity:area=").is_err());
}
