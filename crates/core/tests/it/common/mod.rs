#![allow(dead_code)]

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use dpo_desk_core::desk::installation::{self, Created, SetupRequest};
use dpo_desk_core::store::keystore::MemoryKeyStore;
use dpo_desk_core::FixedClock;

pub const OWNER: &str = "Anna Meier";
pub const PASSWORD: &str = "Datenschutz-2026!";

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub keystore: MemoryKeyStore,
    pub clock: Arc<FixedClock>,
}

impl Fixture {
    pub fn new() -> Self {
        Fixture {
            dir: tempfile::tempdir().unwrap(),
            keystore: MemoryKeyStore::default(),
            clock: Arc::new(FixedClock::new(t0())),
        }
    }

    pub fn path(&self) -> &std::path::Path {
        self.dir.path()
    }

    pub fn setup(&self, office: &str) -> Created {
        installation::create(
            self.path(),
            &SetupRequest {
                office_name: office.into(),
                owner_name: OWNER.into(),
                owner_password: PASSWORD.into(),
            },
            &self.keystore,
            self.clock.clone(),
        )
        .expect("setup")
    }
}

impl Fixture {
    pub fn clock_now(&self) -> DateTime<Utc> {
        use dpo_desk_core::Clock;
        self.clock.now()
    }
}

/// A role granting exactly `grants` and a staff user holding it for `tenants` (created by
/// `admin`); returns the user's session.
pub fn staff_user(
    desk: &mut dpo_desk_core::Desk,
    admin: &mut dpo_desk_core::Session,
    name: &str,
    password: &str,
    grants: &[(
        dpo_desk_core::kernel::vocabulary::ObjectType,
        dpo_desk_core::kernel::vocabulary::Right,
    )],
    tenants: Vec<i64>,
) -> dpo_desk_core::Session {
    use dpo_desk_core::access::roles::{Grant, RoleDefinition};
    use dpo_desk_core::access::users::NewUser;
    desk.create_role(
        admin,
        &RoleDefinition {
            name: format!("{name} role"),
            grants: grants
                .iter()
                .map(|(object, right)| Grant {
                    object: *object,
                    right: *right,
                })
                .collect(),
            hidden_menus: vec![],
            visibility: vec![],
        },
    )
    .unwrap();
    desk.create_user(
        admin,
        &NewUser {
            name: name.into(),
            is_admin: false,
            roles: vec![format!("{name} role")],
            tenants,
            password: Some(password.into()),
        },
    )
    .unwrap();
    desk.sign_in(name, password).unwrap()
}

/// A controller company `company` in `tenant` with one area `area`; answers their ids.
pub fn company_with_area(
    desk: &mut dpo_desk_core::Desk,
    session: &mut dpo_desk_core::Session,
    tenant: i64,
    company: &str,
    area: &str,
) -> (i64, i64) {
    use dpo_desk_core::domain::areas::AreaInput;
    use dpo_desk_core::domain::companies::CompanyInput;
    let company = desk
        .create_company(
            session,
            tenant,
            &CompanyInput {
                name: company.into(),
                is_controller: true,
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    let area = desk
        .create_area(
            session,
            &AreaInput {
                company_id: company,
                name: area.into(),
                description: String::new(),
            },
        )
        .unwrap()
        .id;
    (company, area)
}

/// Closes the database and opens it again, as the next start of the app does (which purges
/// the trash of entries older than 30 days).
pub fn reopen(f: &Fixture, desk: &mut dpo_desk_core::Desk) {
    let placeholder = Fixture::new().setup("Platzhalter").desk;
    drop(std::mem::replace(desk, placeholder));
    match installation::open(f.path(), &f.keystore, f.clock.clone()).unwrap() {
        installation::Opening::Ready(opened) => *desk = opened,
        _ => panic!("the database opens again"),
    }
}
