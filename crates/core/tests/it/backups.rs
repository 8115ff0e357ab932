//! Backups (issue 5): create, the 7-backup limit, download and the escalation it resets,
//! the lock, full and module restore, CSV as of the backup's date, a fresh installation
//! from a backup, and every kind of bad file refused with the database left byte-identical.

use std::path::{Path, PathBuf};

use crate::common::*;
use chrono::Duration;
use dpo_desk_core::access::roles::{Grant, RoleDefinition};
use dpo_desk_core::access::users::NewUser;
use dpo_desk_core::domain::companies::CompanyInput;
use dpo_desk_core::kernel::vocabulary::{ObjectType, Right};
use dpo_desk_core::services::backup::escalation::BackupLevel;
use dpo_desk_core::services::backup::{BackupModule, MAX_IN_APP};
use dpo_desk_core::store::keystore::MemoryKeyStore;
use dpo_desk_core::{CoreError, Desk, Session};

fn no_progress() -> impl FnMut(u64, u64) {
    |_, _| {}
}

struct Office {
    f: Fixture,
    desk: Desk,
    owner: Session,
    recovery_key: String,
}

fn office() -> Office {
    let f = Fixture::new();
    let created = f.setup("Kanzlei Sicher");
    let mut desk = created.desk;
    let owner = desk.sign_in(OWNER, PASSWORD).unwrap();
    Office {
        recovery_key: created.recovery_key.display(),
        f,
        desk,
        owner,
    }
}

fn tenant_names(o: &mut Office) -> Vec<String> {
    o.desk
        .tenants(&mut o.owner)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect()
}

fn outside(o: &mut Office) -> PathBuf {
    let folder = o.f.path().join("nas");
    std::fs::create_dir_all(&folder).unwrap();
    o.desk
        .create_backup_in(&mut o.owner, &folder, &mut no_progress())
        .unwrap()
}

/// The database's files as they are on disk.
fn disk_state(dir: &Path) -> Vec<(String, Vec<u8>)> {
    ["dpo-desk.db", "dpo-desk.db-wal"]
        .iter()
        .filter_map(|n| std::fs::read(dir.join(n)).ok().map(|b| (n.to_string(), b)))
        .collect()
}

#[test]
fn the_escalation_locks_the_app_until_a_backup_is_created_and_downloaded() {
    let mut o = office();
    let staff_pw = "Mitarbeiter-2026!";
    let mut admin = o.desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = o
        .desk
        .create_tenant(&mut admin, "Bäckerei", false)
        .unwrap()
        .id;
    o.desk
        .create_role(
            &mut admin,
            &RoleDefinition {
                name: "Reader".into(),
                grants: vec![Grant {
                    object: ObjectType::Company,
                    right: Right::View,
                }],
                hidden_menus: vec![],
                visibility: vec![],
            },
        )
        .unwrap();
    o.desk
        .create_user(
            &mut admin,
            &NewUser {
                name: "Jonas".into(),
                is_admin: false,
                roles: vec!["Reader".into()],
                tenants: vec![tenant],
                password: Some(staff_pw.into()),
            },
        )
        .unwrap();

    // Installed 2026-03-02, interval 4: due 03-06, everyone notified from 03-08, locked from 03-11.
    // Days pass: each look is a fresh sign-in (the idle lock would end a day-old session).
    let status = |o: &mut Office| {
        o.owner = o.desk.sign_in(OWNER, PASSWORD).unwrap();
        o.desk.status(&mut o.owner).unwrap().backup
    };
    assert_eq!(status(&mut o).due_date.to_string(), "2026-03-06");
    // The due day: a notification for who sees Tools → Backups, once a day.
    o.f.clock.advance(Duration::days(4));
    assert_eq!(status(&mut o).level, BackupLevel::Due);
    let mut jonas = o.desk.sign_in("Jonas", staff_pw).unwrap();
    assert_eq!(
        o.desk.backup_reminder(&mut o.owner).unwrap(),
        Some(BackupLevel::Due)
    );
    assert_eq!(
        o.desk.backup_reminder(&mut o.owner).unwrap(),
        None,
        "once per day"
    );
    assert_eq!(
        o.desk.backup_reminder(&mut jonas).unwrap(),
        None,
        "Jonas cannot see the backups"
    );
    let info = o.desk.session_info(&mut jonas).unwrap();
    assert!(
        !info.backup.concerns_user && !info.backup.can_create && info.backup.contact == OWNER,
        "{:?}",
        info.backup
    );
    assert!(!info.menu.contains(&dpo_desk_core::desk::MenuEntry::Backups));
    o.f.clock.advance(Duration::days(1));
    assert_eq!(status(&mut o).level, BackupLevel::Due);
    assert_eq!(
        o.desk.backup_reminder(&mut o.owner).unwrap(),
        Some(BackupLevel::Due),
        "again the next day"
    );
    // Two days after: everyone.
    o.f.clock.advance(Duration::days(1));
    assert_eq!(status(&mut o).level, BackupLevel::NotifyAll);
    let mut jonas = o.desk.sign_in("Jonas", staff_pw).unwrap();
    assert_eq!(
        o.desk.backup_reminder(&mut jonas).unwrap(),
        Some(BackupLevel::NotifyAll)
    );
    assert!(
        o.desk
            .session_info(&mut jonas)
            .unwrap()
            .backup
            .concerns_user
    );
    o.f.clock.advance(Duration::days(3));
    assert_eq!(status(&mut o).level, BackupLevel::Locked);
    let mut jonas = o.desk.sign_in("Jonas", staff_pw).unwrap();
    o.owner = o.desk.sign_in(OWNER, PASSWORD).unwrap();
    match o.desk.companies(&mut jonas, tenant) {
        Err(CoreError::BackupLocked { contact }) => assert!(contact.contains(OWNER), "{contact}"),
        other => panic!("locked expected: {other:?}"),
    }
    assert!(
        matches!(
            o.desk.create_backup(&mut jonas, &mut no_progress()),
            Err(CoreError::PermissionDenied { .. })
        ),
        "no backup right"
    );
    assert!(matches!(
        o.desk.companies(&mut o.owner, tenant),
        Err(CoreError::BackupLocked { .. })
    ));

    // Creating is not enough; downloading it ends the lock.
    let backup = o
        .desk
        .create_backup(&mut o.owner, &mut no_progress())
        .unwrap();
    assert_eq!(status(&mut o).level, BackupLevel::Locked);
    assert_eq!(o.desk.backups(&mut o.owner).unwrap()[0].downloaded_at, None);
    let target = o.f.path().join("usb").join("sicherung.dpobackup");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    let downloaded = o
        .desk
        .download_backup(&mut o.owner, backup.id, &target)
        .unwrap();
    assert!(downloaded.downloaded_at.is_some());
    assert_eq!(
        std::fs::metadata(&target).unwrap().len() as i64,
        backup.size
    );
    let after = status(&mut o);
    assert_eq!(
        (after.level, after.due_date.to_string()),
        (BackupLevel::Ok, "2026-03-15".to_string())
    );
    o.desk.companies(&mut jonas, tenant).unwrap();

    // Turning the clock back does not undo an escalation that was reached.
    o.f.clock.advance(Duration::days(9));
    assert_eq!(status(&mut o).level, BackupLevel::Locked);
    o.f.clock.advance(Duration::days(-9));
    assert_eq!(
        status(&mut o).level,
        BackupLevel::Locked,
        "the latest time seen counts"
    );
}

#[test]
fn at_most_seven_backups_are_kept_in_the_app() {
    let mut o = office();
    for _ in 0..MAX_IN_APP {
        o.desk
            .create_backup(&mut o.owner, &mut no_progress())
            .unwrap();
    }
    let eighth = o.desk.create_backup(&mut o.owner, &mut no_progress());
    assert!(
        matches!(eighth, Err(CoreError::BackupLimit { max: 7 })),
        "{eighth:?}"
    );
    let list = o.desk.backups(&mut o.owner).unwrap();
    assert_eq!(list.len(), 7);
    assert!(list.iter().all(|b| b.created_by == OWNER && b.size > 0));
    let names: std::collections::HashSet<_> = list.iter().map(|b| b.file_name.clone()).collect();
    assert_eq!(names.len(), 7, "each in its own file");
    o.desk.delete_backup(&mut o.owner, list[6].id).unwrap();
    assert!(!o.f.path().join("backups").join(&list[6].file_name).exists());
    o.desk
        .create_backup(&mut o.owner, &mut no_progress())
        .unwrap();
}

#[test]
fn a_backup_job_writes_on_its_own_connection_while_the_desk_keeps_writing() {
    let mut o = office();
    let tenant = o
        .desk
        .create_tenant(&mut o.owner, "Bäckerei", false)
        .unwrap()
        .id;
    let job = o.desk.start_backup(&mut o.owner).unwrap();
    // The window runs the job on another thread and goes on serving the other screens.
    let writer = std::thread::spawn(move || job.run(&mut |_, _| {}));
    for n in 0..20 {
        o.desk
            .create_company(
                &mut o.owner,
                tenant,
                &CompanyInput {
                    name: format!("Firma {n}"),
                    is_controller: true,
                    ..Default::default()
                },
            )
            .unwrap();
    }
    let written = writer.join().unwrap().unwrap();
    let entry = o.desk.finish_backup(&mut o.owner, written).unwrap();
    assert_eq!(o.desk.backups(&mut o.owner).unwrap(), vec![entry.clone()]);
    let kept = o.f.path().join("backups").join(&entry.file_name);
    o.desk
        .verify_backup(&mut o.owner, &kept, &mut no_progress())
        .unwrap();
    assert_eq!(o.desk.companies(&mut o.owner, tenant).unwrap().len(), 20);
}

#[test]
fn two_backup_jobs_started_in_the_same_second_write_two_files() {
    let mut o = office();
    let first = o.desk.start_backup(&mut o.owner).unwrap();
    let second = o.desk.start_backup(&mut o.owner).unwrap();
    let second = second.run(&mut no_progress()).unwrap();
    let first = first.run(&mut no_progress()).unwrap();
    let a = o.desk.finish_backup(&mut o.owner, first).unwrap();
    let b = o.desk.finish_backup(&mut o.owner, second).unwrap();
    assert_ne!(a.file_name, b.file_name);
    for entry in [&a, &b] {
        let kept = o.f.path().join("backups").join(&entry.file_name);
        o.desk
            .verify_backup(&mut o.owner, &kept, &mut no_progress())
            .unwrap();
    }
    let markers: Vec<_> = std::fs::read_dir(o.f.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(markers.is_empty(), "nothing half-done is left: {markers:?}");
}

#[test]
fn a_backup_job_finished_after_the_limit_was_reached_is_refused_and_removed() {
    let mut o = office();
    let job = o.desk.start_backup(&mut o.owner).unwrap();
    for _ in 0..MAX_IN_APP {
        o.desk
            .create_backup(&mut o.owner, &mut no_progress())
            .unwrap();
    }
    let written = job.run(&mut no_progress()).unwrap();
    let before: Vec<_> = std::fs::read_dir(o.f.path().join("backups"))
        .unwrap()
        .collect();
    let refused = o.desk.finish_backup(&mut o.owner, written);
    assert!(
        matches!(refused, Err(CoreError::BackupLimit { max: MAX_IN_APP })),
        "{refused:?}"
    );
    let after: Vec<_> = std::fs::read_dir(o.f.path().join("backups"))
        .unwrap()
        .collect();
    assert_eq!(
        after.len(),
        before.len() - 1,
        "the refused backup's file is gone"
    );
    assert_eq!(o.desk.backups(&mut o.owner).unwrap().len(), MAX_IN_APP);
}

#[test]
fn a_full_restore_brings_back_the_backup_and_keeps_the_backup_list() {
    let mut o = office();
    let kept = o
        .desk
        .create_tenant(&mut o.owner, "Bäckerei Schmidt", false)
        .unwrap()
        .id;
    o.desk
        .create_company(
            &mut o.owner,
            kept,
            &CompanyInput {
                name: "Bäckerei Schmidt GmbH".into(),
                is_controller: true,
                ..Default::default()
            },
        )
        .unwrap();
    let file = outside(&mut o);
    let before = tenant_names(&mut o);

    o.desk
        .update_tenant(&mut o.owner, kept, "Umbenannt", false)
        .unwrap();
    o.desk
        .create_tenant(&mut o.owner, "Nach der Sicherung", false)
        .unwrap();
    let in_app = o
        .desk
        .create_backup(&mut o.owner, &mut no_progress())
        .unwrap();

    let mut seen = Vec::new();
    let report = o
        .desk
        .restore_backup(&mut o.owner, &file, None, &mut |done, total| {
            seen.push((done, total))
        })
        .unwrap();
    assert_eq!(tenant_names(&mut o), before);
    assert_eq!(
        o.desk.companies(&mut o.owner, kept).unwrap()[0].data.name,
        "Bäckerei Schmidt GmbH"
    );
    assert!(
        Path::new(&report.safety_backup).is_file(),
        "a safety backup first"
    );
    assert_eq!(
        seen.last().map(|(d, t)| d == t),
        Some(true),
        "progress reaches the end"
    );
    assert_eq!(
        o.desk
            .backups(&mut o.owner)
            .unwrap()
            .iter()
            .map(|b| b.id)
            .collect::<Vec<_>>(),
        vec![in_app.id],
        "the list of backups stays"
    );
    let log = o.desk.audit_log(&mut o.owner, 5, None).unwrap();
    assert!(log
        .iter()
        .any(|e| e.action == "restore" && e.object_type == "backup"));

    // The safety backup undoes the restore.
    o.desk
        .restore_backup(
            &mut o.owner,
            Path::new(&report.safety_backup),
            None,
            &mut no_progress(),
        )
        .unwrap();
    assert!(tenant_names(&mut o).contains(&"Nach der Sicherung".to_string()));

    // The next start opens the restored database as usual.
    drop(o.desk);
    let reopened =
        dpo_desk_core::desk::installation::open(o.f.path(), &o.f.keystore, o.f.clock.clone())
            .unwrap();
    assert!(matches!(
        reopened,
        dpo_desk_core::desk::installation::Opening::Ready(_)
    ));
}

#[test]
fn one_tenant_is_restored_and_the_others_keep_their_changes_and_csv_shows_the_backup_date() {
    let mut o = office();
    let a = o
        .desk
        .create_tenant(&mut o.owner, "Mandant A", false)
        .unwrap()
        .id;
    let b = o
        .desk
        .create_tenant(&mut o.owner, "Mandant B", false)
        .unwrap()
        .id;
    let company = o
        .desk
        .create_company(
            &mut o.owner,
            a,
            &CompanyInput {
                name: "A GmbH".into(),
                is_controller: true,
                ..Default::default()
            },
        )
        .unwrap();
    let area = o.desk.areas(&mut o.owner, a).unwrap()[0].id;
    o.desk
        .create_activity(
            &mut o.owner,
            &dpo_desk_core::domain::activities::ActivityInput::new(area, "Lohnabrechnung"),
        )
        .unwrap();
    let file = outside(&mut o);

    o.desk
        .update_tenant(&mut o.owner, a, "A geändert", false)
        .unwrap();
    o.desk
        .update_company(
            &mut o.owner,
            company.id,
            &CompanyInput {
                name: "A GmbH neu".into(),
                ..company.data.clone()
            },
        )
        .unwrap();
    let late = o
        .desk
        .create_activity(
            &mut o.owner,
            &dpo_desk_core::domain::activities::ActivityInput::new(area, "Später"),
        )
        .unwrap();
    o.desk
        .update_tenant(&mut o.owner, b, "B geändert", false)
        .unwrap();

    // Read without restoring: the backup's tenants down to the activities.
    let contents = o
        .desk
        .browse_backup(&mut o.owner, &file, &mut no_progress())
        .unwrap();
    let names: Vec<&str> = contents.tenants.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, vec!["Mandant A", "Mandant B"]);
    let area_a = &contents.tenants[0].companies[0].areas[0];
    assert_eq!(contents.tenants[0].companies[0].name, "A GmbH");
    assert_eq!(
        area_a
            .activities
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>(),
        vec!["Lohnabrechnung"]
    );
    assert_eq!(
        tenant_names(&mut o),
        vec!["A geändert", "B geändert"],
        "browsing changed nothing"
    );

    let csv_dir = o.f.path().join("csv");
    let files = o
        .desk
        .backup_csv(
            &mut o.owner,
            &file,
            BackupModule::Ropa(a),
            &csv_dir,
            &mut no_progress(),
        )
        .unwrap();
    assert_eq!(files.len(), 1);
    let csv = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        csv.contains("Lohnabrechnung") && !csv.contains("Später"),
        "{csv}"
    );
    assert_eq!(
        tenant_names(&mut o),
        vec!["A geändert", "B geändert"],
        "the CSV changed nothing"
    );

    // The master data alone: changed items get their values back, a deleted one returns,
    // one made since goes unless an activity uses it; the RoPA stays as it is.
    let kind = dpo_desk_core::domain::master_data::MasterKind::Application;
    let items = o.desk.master_items(&mut o.owner, a, kind).unwrap();
    let (first, second) = (items[0].clone(), items[1].clone());
    o.desk
        .update_master_item(
            &mut o.owner,
            first.id,
            &dpo_desk_core::domain::master_data::MasterItemInput::named(kind, "Umbenannt"),
        )
        .unwrap();
    o.desk
        .delete_master_item(&mut o.owner, kind, second.id)
        .unwrap();
    let unused = o
        .desk
        .create_master_item(
            &mut o.owner,
            a,
            &dpo_desk_core::domain::master_data::MasterItemInput::named(kind, "Neu und unbenutzt"),
        )
        .unwrap();
    let used = o
        .desk
        .create_master_item(
            &mut o.owner,
            a,
            &dpo_desk_core::domain::master_data::MasterItemInput::named(kind, "Neu und benutzt"),
        )
        .unwrap();
    let mut with_link = o.desk.activity(&mut o.owner, late.id).unwrap().data;
    with_link.links = vec![dpo_desk_core::domain::activities::ActivityLink {
        item_id: used.id,
        detail: String::new(),
    }];
    o.desk
        .update_activity(&mut o.owner, late.id, &with_link)
        .unwrap();
    o.desk
        .restore_backup(
            &mut o.owner,
            &file,
            Some(BackupModule::MasterData(a)),
            &mut no_progress(),
        )
        .unwrap();
    let names: Vec<String> = o
        .desk
        .master_items(&mut o.owner, a, kind)
        .unwrap()
        .into_iter()
        .map(|i| i.data.name)
        .collect();
    assert!(
        names.contains(&first.data.name) && names.contains(&second.data.name),
        "values back, the deleted one returned: {names:?}"
    );
    assert!(
        !names.contains(&"Umbenannt".to_string()) && !names.contains(&unused.data.name),
        "{names:?}"
    );
    assert!(
        names.contains(&used.data.name),
        "an item the RoPA uses stays"
    );
    assert_eq!(
        o.desk.activity(&mut o.owner, late.id).unwrap().linked.len(),
        1,
        "the RoPA is untouched"
    );
    assert!(
        o.desk
            .trash(&mut o.owner)
            .unwrap()
            .iter()
            .all(|e| e.label != second.data.name),
        "the returned item left the trash"
    );

    o.desk
        .restore_backup(
            &mut o.owner,
            &file,
            Some(BackupModule::Tenant(a)),
            &mut no_progress(),
        )
        .unwrap();
    assert_eq!(tenant_names(&mut o), vec!["B geändert", "Mandant A"]);
    assert_eq!(
        o.desk.companies(&mut o.owner, a).unwrap()[0].data.name,
        "A GmbH"
    );
    let names: Vec<String> = o
        .desk
        .activities(&mut o.owner, a, None)
        .unwrap()
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(names, vec!["Lohnabrechnung"]);
    assert!(o.desk.activity(&mut o.owner, late.id).is_err());
    assert_eq!(
        o.desk
            .search(&mut o.owner, a, "Lohnabrechnung")
            .unwrap()
            .len(),
        1,
        "the search index follows"
    );
    assert!(o.desk.search(&mut o.owner, a, "Später").unwrap().is_empty());
}

#[test]
fn a_backup_sets_up_a_fresh_installation_on_another_machine() {
    let mut o = office();
    o.desk
        .create_tenant(&mut o.owner, "Bäckerei Schmidt", false)
        .unwrap();
    let file = outside(&mut o);
    let elsewhere = tempfile::tempdir().unwrap();
    let keystore = MemoryKeyStore::default();
    let wrong = dpo_desk_core::store::keys::RecoveryKey::generate().display();
    let refused = dpo_desk_core::desk::installation::restore_from_backup(
        elsewhere.path(),
        &file,
        &wrong,
        &keystore,
        o.f.clock.clone(),
    );
    assert!(
        matches!(refused, Err(CoreError::BackupForeign)),
        "{:?}",
        refused.err()
    );
    assert!(!dpo_desk_core::desk::installation::is_set_up(
        elsewhere.path()
    ));
    let mut desk = dpo_desk_core::desk::installation::restore_from_backup(
        elsewhere.path(),
        &file,
        &o.recovery_key,
        &keystore,
        o.f.clock.clone(),
    )
    .unwrap();
    let mut owner = desk.sign_in(OWNER, PASSWORD).unwrap();
    assert_eq!(
        desk.tenants(&mut owner).unwrap()[0].name,
        "Bäckerei Schmidt"
    );
    assert!(
        desk.backups(&mut owner).unwrap().is_empty(),
        "the other machine's backup files are not here"
    );
}

#[test]
fn every_bad_file_is_refused_and_the_database_stays_byte_identical() {
    let mut o = office();
    let tenant = o
        .desk
        .create_tenant(&mut o.owner, "Mandant", false)
        .unwrap()
        .id;
    let company = o
        .desk
        .create_company(
            &mut o.owner,
            tenant,
            &CompanyInput {
                name: "Firma".into(),
                is_controller: true,
                ..Default::default()
            },
        )
        .unwrap();
    let area = o.desk.areas(&mut o.owner, company.tenant_id).unwrap()[0].id;
    let activity = o
        .desk
        .create_activity(
            &mut o.owner,
            &dpo_desk_core::domain::activities::ActivityInput::new(area, "Videoüberwachung"),
        )
        .unwrap();
    // More than one chunk of payload, so a cut at a chunk boundary can be tried.
    let noise: Vec<u8> = (0..1_600_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    o.desk
        .add_attachment(&mut o.owner, activity.id, "plan.bin", &noise)
        .unwrap();
    let good = outside(&mut o);
    o.desk
        .verify_backup(&mut o.owner, &good, &mut no_progress())
        .unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let header_end = 16 + 2 + 4 + u32::from_le_bytes(bytes[18..22].try_into().unwrap()) as usize;
    let chunk = (1 << 20) + 16;

    let mut other = office();
    let foreign = outside(&mut other);
    let dir = o.f.path().join("bad");
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, content: &[u8]| -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, content).unwrap();
        p
    };
    let mut flipped = bytes.clone();
    flipped[header_end + 5000] ^= 0x40;
    let mut newer = bytes.clone();
    newer[16] = 99;
    // A hex digit of the sealed metadata changed: the header stays well-formed JSON.
    let mut header_changed = bytes.clone();
    let at = bytes
        .windows(12)
        .position(|w| w == b"\"metadata\":\"")
        .unwrap()
        + 12;
    header_changed[at] = if bytes[at] == b'0' { b'1' } else { b'0' };
    let mut extended = bytes.clone();
    extended.extend_from_slice(b"tail");
    let cases: Vec<(&str, PathBuf, &str)> = vec![
        (
            "empty",
            write("empty.dpobackup", b""),
            "backup_not_a_backup",
        ),
        (
            "a PDF",
            write("report.pdf", b"%PDF-1.7\n%...."),
            "backup_not_a_backup",
        ),
        (
            "truncated in the header",
            write("cut-header.dpobackup", &bytes[..40]),
            "backup_damaged",
        ),
        (
            "truncated inside a chunk",
            write("cut.dpobackup", &bytes[..bytes.len() / 2]),
            "backup_damaged",
        ),
        (
            "truncated at a chunk boundary",
            write("cut-boundary.dpobackup", &bytes[..header_end + chunk]),
            "backup_damaged",
        ),
        (
            "one byte changed",
            write("flipped.dpobackup", &flipped),
            "backup_damaged",
        ),
        (
            "the header changed",
            write("header.dpobackup", &header_changed),
            "backup_damaged",
        ),
        (
            "bytes appended",
            write("extended.dpobackup", &extended),
            "backup_damaged",
        ),
        (
            "a newer format",
            write("newer.dpobackup", &newer),
            "backup_too_new",
        ),
        ("another installation's", foreign, "backup_foreign"),
    ];
    assert!(
        bytes.len() > header_end + chunk,
        "the backup spans more than one chunk"
    );

    let state = disk_state(o.f.path());
    let listed = o.desk.backups(&mut o.owner).unwrap();
    for (what, path, code) in &cases {
        for module in [None, Some(BackupModule::Tenant(tenant))] {
            let err = o
                .desk
                .restore_backup(&mut o.owner, path, module, &mut no_progress())
                .expect_err(what);
            assert_eq!(err.code(), *code, "{what}: {err}");
        }
        let err = o
            .desk
            .verify_backup(&mut o.owner, path, &mut no_progress())
            .expect_err(what);
        assert_eq!(err.code(), *code, "{what}: {err}");
        let err = o
            .desk
            .backup_csv(
                &mut o.owner,
                path,
                BackupModule::Tenant(tenant),
                &o.f.path().join("csv"),
                &mut no_progress(),
            )
            .expect_err(what);
        assert_eq!(err.code(), *code, "{what}: {err}");
        assert!(
            disk_state(o.f.path()) == state,
            "{what}: the database changed"
        );
    }
    assert!(!o.f.path().join("csv").exists(), "no CSV from a bad file");
    assert_eq!(o.desk.backups(&mut o.owner).unwrap(), listed);
    let leftovers: Vec<_> = std::fs::read_dir(o.f.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".restore-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // A backup of a newer schema is refused by the schema check, unchanged too.
    o.desk.store().conn().execute("INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (99, 'future', '2030-01-01', '0')", []).unwrap();
    let future = outside(&mut o);
    o.desk
        .store()
        .conn()
        .execute("DELETE FROM refinery_schema_history WHERE version = 99", [])
        .unwrap();
    let state = disk_state(o.f.path());
    let err = o
        .desk
        .restore_backup(&mut o.owner, &future, None, &mut no_progress())
        .unwrap_err();
    assert_eq!(err.code(), "schema_too_new", "{err}");
    assert!(disk_state(o.f.path()) == state);
}

#[test]
fn the_automatic_daily_backup_runs_once_a_day_counts_as_downloaded_and_reports_a_missing_folder() {
    let mut o = office();
    assert_eq!(
        o.desk.run_automatic_backup().unwrap(),
        None,
        "off by default"
    );
    let nas = o.f.path().join("nas");
    let refused = o.desk.set_automatic_backup(&mut o.owner, Some(&nas));
    assert!(
        matches!(
            refused,
            Err(CoreError::Validation {
                field: "backup_folder",
                ..
            })
        ),
        "{refused:?}"
    );
    std::fs::create_dir_all(&nas).unwrap();
    o.desk
        .set_automatic_backup(&mut o.owner, Some(&nas))
        .unwrap();

    let first = o
        .desk
        .run_automatic_backup()
        .unwrap()
        .expect("the first run of the day");
    assert!(first.is_file());
    assert_eq!(o.desk.run_automatic_backup().unwrap(), None, "once a day");
    let state = o.desk.automatic_backup(&mut o.owner).unwrap();
    assert_eq!(state.folder.as_deref(), Some(nas.to_str().unwrap()));
    assert!(state.last_run.is_some() && state.last_error.is_none());
    assert_eq!(
        o.desk
            .status(&mut o.owner)
            .unwrap()
            .backup
            .last_downloaded
            .map(|d| d.to_string()),
        Some("2026-03-02".into())
    );
    assert!(
        o.desk.backups(&mut o.owner).unwrap().is_empty(),
        "not one of the 7 kept inside"
    );

    // Next day: the folder is gone (the USB disk unplugged). Reported, once that day.
    o.f.clock.advance(Duration::days(1));
    std::fs::remove_dir_all(&nas).unwrap();
    let failed = o.desk.run_automatic_backup();
    assert!(
        matches!(failed, Err(CoreError::Missing { .. })),
        "{failed:?}"
    );
    assert_eq!(
        o.desk.run_automatic_backup().unwrap(),
        None,
        "one attempt a day, so one report"
    );
    o.owner = o.desk.sign_in(OWNER, PASSWORD).unwrap();
    assert!(o
        .desk
        .automatic_backup(&mut o.owner)
        .unwrap()
        .last_error
        .unwrap()
        .contains("nas"));

    // Seven days kept: older automatic backups in the folder go.
    std::fs::create_dir_all(&nas).unwrap();
    o.desk
        .set_automatic_backup(&mut o.owner, Some(&nas))
        .unwrap();
    let mut made = Vec::new();
    for _ in 0..9 {
        made.push(o.desk.run_automatic_backup().unwrap().expect("a new day"));
        o.f.clock.advance(Duration::days(1));
        o.owner = o.desk.sign_in(OWNER, PASSWORD).unwrap();
    }
    let left: Vec<_> = std::fs::read_dir(&nas).unwrap().flatten().collect();
    assert_eq!(left.len(), 8, "today's and the seven days before");
    assert!(!made[0].exists() && made[8].exists());
    assert!(
        o.desk
            .automatic_backup(&mut o.owner)
            .unwrap()
            .last_error
            .is_none(),
        "a successful run clears the error"
    );
}

#[test]
fn a_start_on_the_same_folder_leaves_a_backup_in_progress_alone_and_tidies_up_after_a_crash() {
    let o = office();
    let folder = o.f.path().join("backups");
    std::fs::create_dir_all(&folder).unwrap();
    // Another process (the app, the command line) is writing a backup: it holds its
    // reservation locked, its snapshot and partial file lie beside it.
    let reservation = folder.join(".dpo-desk-2026-03-02-0900.dpobackup.reserved");
    let held = std::fs::File::create(&reservation).unwrap();
    held.lock().unwrap();
    let snapshot = folder.join(".snapshot-1234.db");
    std::fs::write(&snapshot, b"pages").unwrap();
    drop(o.desk);
    drop(start(&o.f));
    assert!(snapshot.exists(), "the running backup keeps its snapshot");
    // The writer was killed: its lock went with it, and the next start tidies up.
    drop(held);
    drop(start(&o.f));
    assert!(!snapshot.exists() && !reservation.exists());
}

#[test]
fn a_start_while_another_process_restores_leaves_its_staged_copy_alone() {
    let o = office();
    // The window restores: its decrypted copy lies in the data folder, its marker locked.
    let staged = o.f.path().join(".restore-5678.db");
    std::fs::write(&staged, b"pages").unwrap();
    let marker = o.f.path().join("..restore-5678.db.reserved");
    let held = std::fs::File::create(&marker).unwrap();
    held.lock().unwrap();
    drop(o.desk);
    drop(start(&o.f));
    assert!(staged.exists(), "a running restore keeps its staged copy");
    drop(held);
    drop(start(&o.f));
    assert!(
        !staged.exists() && !marker.exists(),
        "left by a crash: tidied"
    );
}

/// The next start of the app on the fixture's folder (which tidies what others left).
fn start(f: &Fixture) -> Desk {
    match dpo_desk_core::desk::installation::open(f.path(), &f.keystore, f.clock.clone()).unwrap() {
        dpo_desk_core::desk::installation::Opening::Ready(desk) => desk,
        _ => panic!("the database opens"),
    }
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out
}

#[test]
fn no_file_the_app_writes_outside_the_database_names_the_office_a_user_or_a_tenant() {
    let mut o = office();
    let tenant = "Bäckerei Verschwiegen";
    o.desk.create_tenant(&mut o.owner, tenant, false).unwrap();
    // Backups in the app, in an outside folder (the daily one), a restore's safety backup.
    o.desk
        .create_backup(&mut o.owner, &mut no_progress())
        .unwrap();
    let file = outside(&mut o);
    o.desk
        .restore_backup(&mut o.owner, &file, None, &mut no_progress())
        .unwrap();
    let mut owner = o.desk.sign_in(OWNER, PASSWORD).unwrap();
    let files = files_under(o.f.path());
    assert!(files.len() >= 4, "{files:?}");
    assert!(
        files
            .iter()
            .any(|f| f.to_string_lossy().contains("safety-backups")),
        "{files:?}"
    );
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        for name in ["Kanzlei Sicher", OWNER, tenant, "Bäckerei"] {
            assert!(
                !bytes.windows(name.len()).any(|w| w == name.as_bytes()),
                "{name} readable in {path:?}"
            );
        }
    }
    // Opened with the key, a backup tells who made it for whom and when.
    let header = o
        .desk
        .verify_backup(&mut owner, &file, &mut no_progress())
        .unwrap();
    assert_eq!(header.office_name, "Kanzlei Sicher");
    assert_eq!(header.created_by, OWNER);
    assert_eq!(header.created_at, o.f.clock_now());
}

#[test]
fn a_backup_in_the_first_format_with_its_names_in_the_clear_still_restores() {
    // Written by the previous version (format 1) for "Kanzlei Altformat" with a tenant
    // "Bäckerei Altformat"; its recovery key:
    let recovery_key = "GISEO-CUYUQ-6BVDD-NP7ZO-I3ZXH-6CLM5-Z3NOT-DBLYM-IVCEB-BH2EG-7TGHQ";
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-1.dpobackup");
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(
        u16::from_le_bytes([bytes[16], bytes[17]]),
        1,
        "the fixture is format 1"
    );
    let f = Fixture::new();
    let keystore = MemoryKeyStore::default();
    let mut desk = dpo_desk_core::desk::installation::restore_from_backup(
        f.path(),
        &file,
        recovery_key,
        &keystore,
        f.clock.clone(),
    )
    .unwrap();
    let mut owner = desk.sign_in("Anna Meier", "Datenschutz-2026!").unwrap();
    assert_eq!(
        desk.tenants(&mut owner).unwrap()[0].name,
        "Bäckerei Altformat"
    );
    assert_eq!(desk.office_name().unwrap(), "Kanzlei Altformat");
    // Its search indexes were rebuilt with their tenant (migration 17) and still find.
    let tenant = desk.tenants(&mut owner).unwrap()[0].id;
    let hits = desk.search(&mut owner, tenant, "Ital").unwrap();
    assert_eq!(
        hits.iter().map(|h| h.title.as_str()).collect::<Vec<_>>(),
        [
            "Italy",
            "Vital interests",
            "Vital interests (special categories)"
        ],
        "the word and the trigram index"
    );
    assert!(desk
        .search(&mut owner, tenant, "It")
        .unwrap()
        .iter()
        .any(|h| h.title == "Italy"));
}

#[test]
fn a_backup_taken_while_another_connection_keeps_writing_holds_a_whole_committed_state() {
    let mut o = office();
    let tenant = o
        .desk
        .create_tenant(&mut o.owner, "Mandant", false)
        .unwrap()
        .id;
    let (_, area) = company_with_area(&mut o.desk, &mut o.owner, tenant, "Firma", "Personal");
    // The command line (a second connection) adds records the whole time.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        let dir = o.f.path().to_path_buf();
        let clock = o.f.clock.clone();
        let key = dpo_desk_core::store::keys::RecoveryKey::parse(&o.recovery_key)
            .unwrap()
            .database_key();
        std::thread::spawn(move || {
            let mut desk =
                dpo_desk_core::desk::installation::open_with_key(&dir, &key, clock).unwrap();
            let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                let input = dpo_desk_core::domain::activities::ActivityInput::new(
                    area,
                    &format!("Aktivität {n}"),
                );
                desk.create_activity(&mut s, &input).unwrap();
            }
            n
        })
    };
    let count_live = |o: &mut Office| o.desk.activities(&mut o.owner, tenant, None).unwrap().len();
    let mut last = 0;
    for _ in 0..6 {
        let before = count_live(&mut o);
        let file = outside(&mut o);
        let after = count_live(&mut o);
        // A whole database (it opens, checks and reads) holding a state between the two.
        let contents = o
            .desk
            .browse_backup(&mut o.owner, &file, &mut no_progress())
            .unwrap();
        let held: usize = contents
            .tenants
            .iter()
            .flat_map(|t| &t.companies)
            .flat_map(|c| &c.areas)
            .map(|a| a.activities.len())
            .sum();
        assert!(
            before <= held && held <= after,
            "{before} ≤ {held} ≤ {after}"
        );
        assert!(held >= last, "a later backup holds at least as much");
        last = held;
        std::fs::remove_file(&file).unwrap();
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let written = writer.join().unwrap();
    assert!(
        written > 0 && last > 0,
        "{written} written, {last} in the last backup"
    );
}
