//! The history of records: every save is a version with who, when and the changed fields,
//! read from the same audit rows the audit log shows; a restore is a new save.

use chrono::Duration;
use dpo_desk_core::domain::activities::{ActivityInput, ActivityStatus};
use dpo_desk_core::kernel::vocabulary::{ObjectType, Right};
use dpo_desk_core::CoreError;

use crate::common::*;

#[test]
fn every_save_of_an_activity_is_a_version_with_who_when_and_the_changed_fields() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = desk
        .create_tenant(&mut admin, "Bäckerei Schmidt", false)
        .unwrap()
        .id;
    let (_, area) = company_with_area(&mut desk, &mut admin, tenant, "Bäckerei GmbH", "Personal");
    let first = ActivityInput {
        purposes: "Lohnabrechnung".into(),
        ..ActivityInput::new(area, "Lohnbuchhaltung")
    };
    let id = desk.create_activity(&mut admin, &first).unwrap().id;
    f.clock.advance(Duration::minutes(10));
    let second = ActivityInput {
        status: ActivityStatus::Active,
        purposes: "Lohnabrechnung und Meldungen an Sozialversicherungsträger".into(),
        ..first.clone()
    };
    desk.update_activity(&mut admin, id, &second).unwrap();
    // Saving the same values again is no new version.
    desk.update_activity(&mut admin, id, &second).unwrap();

    let history = desk
        .record_history(&mut admin, ObjectType::ProcessingActivity, id)
        .unwrap();
    assert_eq!(history.versions.len(), 2);
    let (v1, v2) = (&history.versions[0], &history.versions[1]);
    assert_eq!((v1.version, v1.action.as_str()), (1, "create"));
    assert_eq!((v2.version, v2.action.as_str()), (2, "update"));
    assert_eq!(v1.at, t0());
    assert_eq!(v2.at, t0() + Duration::minutes(10));
    assert_eq!(v2.by.as_deref(), Some(OWNER));
    let mut fields: Vec<&str> = v2.changes.iter().map(|c| c.field.as_str()).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["purposes", "status"]);
    let purposes = v2.changes.iter().find(|c| c.field == "purposes").unwrap();
    assert_eq!(
        purposes.change,
        "Lohnabrechnung → Lohnabrechnung und Meldungen an Sozialversicherungsträger"
    );
    assert_eq!(purposes.label, "Purposes");
    assert_eq!(history.current["status"], "active");
    // The first version read back whole, the fields that differ from today marked.
    assert_eq!(v1.snapshot.as_ref().unwrap()["status"], "draft");
    let name = v1.fields.iter().find(|f| f.field == "name").unwrap();
    assert_eq!(
        (name.value.as_str(), name.differs),
        ("Lohnbuchhaltung", false)
    );
    let status = v1.fields.iter().find(|f| f.field == "status").unwrap();
    assert!(status.differs, "{status:?}");
    assert!(v1.restorable && !v2.restorable);
}

#[test]
fn restoring_a_version_saves_its_values_again_as_a_new_version_the_audit_log_names_a_restore() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = desk
        .create_tenant(&mut admin, "Bäckerei Schmidt", false)
        .unwrap()
        .id;
    let (company, _) =
        company_with_area(&mut desk, &mut admin, tenant, "Bäckerei GmbH", "Personal");
    let mut input = desk.companies(&mut admin, tenant).unwrap()[0].data.clone();
    input.city = "Köln".into();
    desk.update_company(&mut admin, company, &input).unwrap();
    input.city = "Bonn".into();
    input.name = "Bäckerei Schmidt & Söhne GmbH".into();
    desk.update_company(&mut admin, company, &input).unwrap();

    f.clock.advance(Duration::minutes(12));
    let history = desk
        .restore_version(&mut admin, ObjectType::Company, company, 2)
        .unwrap();
    assert_eq!(history.versions.len(), 4);
    let restored = &history.versions[3];
    assert_eq!(restored.action, "restore_version");
    assert_eq!(restored.at, t0() + Duration::minutes(12));
    let company_now = desk.companies(&mut admin, tenant).unwrap()[0].clone();
    assert_eq!(company_now.data.city, "Köln");
    assert_eq!(company_now.data.name, "Bäckerei GmbH");
    // The newest version is still there to go back to.
    assert_eq!(
        history.versions[2].snapshot.as_ref().unwrap()["city"],
        "Bonn"
    );
    let log = desk.audit_log(&mut admin, 10, None).unwrap();
    assert_eq!(log[0].action, "restore_version");
    assert_eq!(
        log[0].object_id.as_deref(),
        Some(company.to_string().as_str())
    );

    // Restoring what the record already holds changes nothing and says so.
    let same = desk.restore_version(&mut admin, ObjectType::Company, company, 2);
    assert!(
        matches!(same, Err(CoreError::Validation {  rule, .. }) if rule == "unchanged"),
        "{same:?}"
    );
    let missing = desk.restore_version(&mut admin, ObjectType::Company, company, 9);
    assert!(
        matches!(missing, Err(CoreError::Validation {  rule, .. }) if rule == "not_found"),
        "{missing:?}"
    );
    assert_eq!(
        desk.record_history(&mut admin, ObjectType::Company, company)
            .unwrap()
            .versions
            .len(),
        4
    );
}

#[test]
fn a_restore_is_checked_like_a_save_and_changes_nothing_when_refused() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = desk
        .create_tenant(&mut admin, "Bäckerei Schmidt", false)
        .unwrap()
        .id;
    let (company, area) =
        company_with_area(&mut desk, &mut admin, tenant, "Bäckerei GmbH", "Personal");
    let other_area = desk
        .create_area(
            &mut admin,
            &dpo_desk_core::domain::areas::AreaInput {
                company_id: company,
                name: "Vertrieb".into(),
                description: String::new(),
            },
        )
        .unwrap()
        .id;
    let input = ActivityInput::new(other_area, "Kundenkartei");
    let id = desk.create_activity(&mut admin, &input).unwrap().id;
    desk.update_activity(
        &mut admin,
        id,
        &ActivityInput {
            area_id: area,
            ..input
        },
    )
    .unwrap();
    // The area the first version was filed in is gone: the restore is refused as a save would be.
    desk.delete_area(&mut admin, other_area).unwrap();
    let refused = desk.restore_version(&mut admin, ObjectType::ProcessingActivity, id, 1);
    assert!(refused.is_err(), "{refused:?}");
    let history = desk
        .record_history(&mut admin, ObjectType::ProcessingActivity, id)
        .unwrap();
    assert_eq!(history.versions.len(), 2);
    assert_eq!(history.current["area_id"], area);
}

#[test]
fn the_history_of_a_record_out_of_reach_is_refused_like_the_record() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let ours = desk
        .create_tenant(&mut admin, "Eigener Mandant", false)
        .unwrap()
        .id;
    let theirs = desk
        .create_tenant(&mut admin, "Fremder Mandant", false)
        .unwrap()
        .id;
    let (company, _) = company_with_area(&mut desk, &mut admin, theirs, "Fremd GmbH", "Personal");
    let mut staff = staff_user(
        &mut desk,
        &mut admin,
        "Ben Berger",
        "Mitarbeiter-2026!",
        &[
            (ObjectType::Company, Right::View),
            (ObjectType::Company, Right::Edit),
        ],
        vec![ours],
    );
    assert!(desk
        .record_history(&mut staff, ObjectType::Company, company)
        .is_err());
    assert!(desk
        .restore_version(&mut staff, ObjectType::Company, company, 1)
        .is_err());
    let tenants = desk.record_history(&mut admin, ObjectType::Tenant, ours);
    assert!(
        matches!(tenants, Err(CoreError::Validation {  rule, .. }) if rule == "not_versioned"),
        "{tenants:?}"
    );
}

#[test]
fn an_entry_that_changed_only_a_part_is_listed_but_not_restorable() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = desk
        .create_tenant(&mut admin, "Bäckerei Schmidt", false)
        .unwrap()
        .id;
    let (_, area) = company_with_area(&mut desk, &mut admin, tenant, "Bäckerei GmbH", "Personal");
    let id = desk
        .create_activity(&mut admin, &ActivityInput::new(area, "Kundenkartei"))
        .unwrap()
        .id;
    desk.delete_activities(&mut admin, &[id]).unwrap();
    let entry = desk.trash(&mut admin).unwrap()[0].id;
    desk.restore_from_trash(&mut admin, entry).unwrap();
    let history = desk
        .record_history(&mut admin, ObjectType::ProcessingActivity, id)
        .unwrap();
    let actions: Vec<&str> = history.versions.iter().map(|v| v.action.as_str()).collect();
    assert_eq!(actions, ["create", "delete", "restore"]);
    assert!(history.versions[1].snapshot.is_none());
    let partial = desk.restore_version(&mut admin, ObjectType::ProcessingActivity, id, 2);
    assert!(
        matches!(partial, Err(CoreError::Validation {  rule, .. }) if rule == "partial"),
        "{partial:?}"
    );
}

#[test]
fn a_record_that_takes_the_id_of_a_purged_one_starts_its_own_history() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = desk
        .create_tenant(&mut admin, "Bäckerei Schmidt", false)
        .unwrap()
        .id;
    let (old, _) = company_with_area(&mut desk, &mut admin, tenant, "Alte GmbH", "Personal");
    let mut input = desk.companies(&mut admin, tenant).unwrap()[0].data.clone();
    input.city = "Köln".into();
    desk.update_company(&mut admin, old, &input).unwrap();
    desk.delete_company(&mut admin, old).unwrap();
    f.clock.advance(Duration::days(31));
    reopen(&f, &mut desk);
    let mut owner = desk.sign_in(OWNER, PASSWORD).unwrap();
    let folder = f.path().join("nas");
    std::fs::create_dir_all(&folder).unwrap();
    desk.create_backup_in(&mut owner, &folder, &mut |_, _| {})
        .unwrap();
    let (new, _) = company_with_area(&mut desk, &mut owner, tenant, "Neue GmbH", "Vertrieb");
    assert_eq!(new, old, "SQLite handed out the purged company's id again");
    let history = desk
        .record_history(&mut owner, ObjectType::Company, new)
        .unwrap();
    assert_eq!(history.versions.len(), 1, "{:?}", history.versions);
    assert_eq!(history.versions[0].action, "create");
    assert_eq!(
        history.versions[0].snapshot.as_ref().unwrap()["name"],
        "Neue GmbH"
    );
}
