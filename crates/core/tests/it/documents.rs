//! Documents of a tenant: folders, versions, links, trash, quota and the "only folders …"
//! restriction, on real database files.

use std::path::{Path, PathBuf};

use chrono::Duration;
use dpo_desk_core::access::roles::{Grant, RoleDefinition};
use dpo_desk_core::access::users::NewUser;
use dpo_desk_core::access::visibility::{Restriction, VisibilityRule};
use dpo_desk_core::domain::activities::ActivityInput;
use dpo_desk_core::domain::documents::{DocumentInput, DocumentLink};
use dpo_desk_core::kernel::vocabulary::{ObjectType, Right};
use dpo_desk_core::{CoreError, Desk, Session};

use crate::common::*;

fn file(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn office() -> (Fixture, Desk, Session, i64) {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = desk
        .create_tenant(&mut admin, "Bäckerei Schmidt", false)
        .unwrap()
        .id;
    (f, desk, admin, tenant)
}

/// Signs in after a month away: the owner saves the backup the app asks for first.
fn back_after_a_month(f: &Fixture, desk: &mut Desk) -> Session {
    let mut owner = desk.sign_in(OWNER, PASSWORD).unwrap();
    let folder = f.path().join("nas");
    std::fs::create_dir_all(&folder).unwrap();
    desk.create_backup_in(&mut owner, &folder, &mut |_, _| {})
        .unwrap();
    owner
}

fn rule(validation: &Result<impl std::fmt::Debug, CoreError>) -> &'static str {
    match validation {
        Err(CoreError::Validation { rule, .. }) => rule,
        other => panic!("a validation error, not {other:?}"),
    }
}

#[test]
fn a_file_of_the_same_name_in_the_same_folder_is_a_new_version_and_a_restore_is_a_third() {
    let (f, mut desk, mut admin, tenant) = office();
    let files = tempfile::tempdir().unwrap();
    let contracts = desk
        .create_document_folder(&mut admin, tenant, None, "Verträge")
        .unwrap();
    let first = file(
        files.path(),
        "AVV Cloud GmbH.pdf",
        b"%PDF-1.7 erste Fassung",
    );
    let added = desk
        .add_document_file(&mut admin, tenant, Some(contracts.id), &first)
        .unwrap();
    assert!(added.new_document);
    assert_eq!(added.document.media_type, "application/pdf");
    f.clock.advance(Duration::minutes(5));
    std::fs::write(&first, b"%PDF-1.7 zweite, unterschriebene Fassung").unwrap();
    let second = desk
        .add_document_file(&mut admin, tenant, Some(contracts.id), &first)
        .unwrap();
    assert!(!second.new_document);
    assert_eq!(second.document.id, added.document.id);
    assert_eq!(second.document.version, 2);

    let id = added.document.id;
    let document = desk.document(&mut admin, id).unwrap();
    let versions: Vec<(i64, i64, &str)> = document
        .versions
        .iter()
        .map(|v| (v.version, v.size, v.added_by.as_str()))
        .collect();
    assert_eq!(versions, [(2, 40, OWNER), (1, 22, OWNER)]);
    assert_eq!(document.versions[0].added_at, t0() + Duration::minutes(5));

    let mut bytes = Vec::new();
    desk.read_document(&mut admin, id, Some(1), &mut bytes)
        .unwrap();
    assert_eq!(bytes, b"%PDF-1.7 erste Fassung");

    let restored = desk.restore_document_version(&mut admin, id, 1).unwrap();
    assert_eq!((restored.version, restored.restored_from), (3, Some(1)));
    let mut current = Vec::new();
    desk.read_document(&mut admin, id, None, &mut current)
        .unwrap();
    assert_eq!(current, b"%PDF-1.7 erste Fassung");
    assert_eq!(desk.document(&mut admin, id).unwrap().versions.len(), 3);
    let same = desk.restore_document_version(&mut admin, id, 3);
    assert_eq!(rule(&same), "unchanged");
    // "New version" on a document takes a file of any name; the document keeps its own.
    let scan = file(files.path(), "Scan_0042.pdf", b"%PDF-1.7 Scan");
    let fourth = desk.add_document_version(&mut admin, id, &scan).unwrap();
    assert_eq!(
        (fourth.document.version, fourth.document.name.as_str()),
        (4, "AVV Cloud GmbH.pdf")
    );
    assert_eq!(
        desk.document(&mut admin, id).unwrap().versions[0].file_name,
        "Scan_0042.pdf"
    );

    // A copy saved outside is the version's bytes, under the chosen name.
    let copy = files.path().join("Kopie.pdf");
    desk.save_document_copy(&mut admin, id, Some(2), &copy)
        .unwrap();
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        b"%PDF-1.7 zweite, unterschriebene Fassung"
    );
    let storage = desk
        .documents(&mut admin, tenant, None, None)
        .unwrap()
        .storage;
    assert_eq!(storage.used, 22 + 40 + 22 + 13, "every version counts");
}

#[test]
fn folders_nest_rename_and_move_and_the_paths_below_follow() {
    let (_f, mut desk, mut admin, tenant) = office();
    let contracts = desk
        .create_document_folder(&mut admin, tenant, None, "Verträge")
        .unwrap();
    let year = desk
        .create_document_folder(&mut admin, tenant, Some(contracts.id), "2026")
        .unwrap();
    let q1 = desk
        .create_document_folder(&mut admin, tenant, Some(year.id), "Q1")
        .unwrap();
    assert_eq!(q1.path, "/Verträge/2026/Q1");
    let dup = desk.create_document_folder(&mut admin, tenant, Some(contracts.id), "2026");
    assert_eq!(rule(&dup), "duplicate");
    for bad in ["a/b", "..", "", "x\\y"] {
        let refused = desk.create_document_folder(&mut admin, tenant, None, bad);
        assert!(refused.is_err(), "{bad:?}");
    }

    desk.rename_document_folder(&mut admin, contracts.id, "AV-Verträge")
        .unwrap();
    let evidence = desk
        .create_document_folder(&mut admin, tenant, None, "Nachweise")
        .unwrap();
    desk.move_document_folder(&mut admin, year.id, Some(evidence.id))
        .unwrap();
    let into_itself = desk.move_document_folder(&mut admin, evidence.id, Some(q1.id));
    assert_eq!(rule(&into_itself), "into_itself");
    let paths: Vec<String> = desk
        .documents(&mut admin, tenant, None, None)
        .unwrap()
        .folders
        .into_iter()
        .map(|f| f.path)
        .collect();
    assert_eq!(
        paths,
        [
            "/AV-Verträge",
            "/Nachweise",
            "/Nachweise/2026",
            "/Nachweise/2026/Q1"
        ]
    );
    assert_eq!(
        desk.document_folder_at(&mut admin, tenant, "nachweise/2026/q1")
            .unwrap(),
        Some(q1.id)
    );
}

#[test]
fn empty_too_large_and_over_quota_files_are_refused_with_nothing_stored() {
    let (_f, mut desk, mut admin, tenant) = office();
    let files = tempfile::tempdir().unwrap();
    let empty = file(files.path(), "leer.pdf", b"");
    assert_eq!(
        rule(&desk.add_document_file(&mut admin, tenant, None, &empty)),
        "empty"
    );
    let big = files.path().join("Scan 500 MB.pdf");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(500 * 1024 * 1024)
        .unwrap();
    let refused = desk.add_document_file(&mut admin, tenant, None, &big);
    assert_eq!(rule(&refused), "too_large");
    assert!(format!("{:?}", refused).contains("100 MB"));
    let folder = desk.add_document_file(&mut admin, tenant, None, files.path());
    assert_eq!(rule(&folder), "not_a_file");

    desk.set_document_quota(&mut admin, tenant, Some(30))
        .unwrap();
    let fits = file(
        files.path(),
        "Richtlinie.txt",
        b"Datenschutzrichtlinie 2026",
    );
    desk.add_document_file(&mut admin, tenant, None, &fits)
        .unwrap();
    let over = file(files.path(), "Handbuch.txt", b"Handbuch");
    let refused = desk.add_document_file(&mut admin, tenant, None, &over);
    assert_eq!(rule(&refused), "quota");
    let listing = desk.documents(&mut admin, tenant, None, None).unwrap();
    assert_eq!(listing.documents.len(), 1);
    assert_eq!(
        (listing.storage.used, listing.storage.quota),
        (26, Some(30))
    );

    // A document cannot be renamed into a path or onto another's name.
    let other = file(files.path(), "b.txt", b"b");
    desk.set_document_quota(&mut admin, tenant, None).unwrap();
    let b = desk
        .add_document_file(&mut admin, tenant, None, &other)
        .unwrap()
        .document;
    let input = |name: &str| DocumentInput {
        name: name.into(),
        folder_id: None,
        description: String::new(),
        tags: vec![],
        links: vec![],
    };
    assert_eq!(
        rule(&desk.update_document(&mut admin, b.id, &input("../x"))),
        "format"
    );
    assert_eq!(
        rule(&desk.update_document(&mut admin, b.id, &input("richtlinie.TXT"))),
        "duplicate"
    );
}

#[test]
fn a_deleted_folder_takes_its_documents_to_the_trash_and_a_document_whose_folder_is_gone_comes_back_at_the_root(
) {
    let (f, mut desk, mut admin, tenant) = office();
    let files = tempfile::tempdir().unwrap();
    let old = desk
        .create_document_folder(&mut admin, tenant, None, "Altverträge")
        .unwrap();
    let sub = desk
        .create_document_folder(&mut admin, tenant, Some(old.id), "2019")
        .unwrap();
    let letter = desk
        .add_document_file(
            &mut admin,
            tenant,
            Some(sub.id),
            &file(files.path(), "Kündigung.pdf", b"%PDF k"),
        )
        .unwrap()
        .document;
    let kept = desk
        .add_document_file(
            &mut admin,
            tenant,
            Some(old.id),
            &file(files.path(), "Vertrag.pdf", b"%PDF v"),
        )
        .unwrap()
        .document;
    // The letter first, on its own; then the folder with the rest.
    desk.delete_documents(&mut admin, &[letter.id]).unwrap();
    let folder_entry = desk.delete_document_folder(&mut admin, old.id).unwrap();
    let listing = desk.documents(&mut admin, tenant, None, None).unwrap();
    assert!(listing.folders.is_empty() && listing.documents.is_empty());
    assert!(desk.document(&mut admin, kept.id).is_err());

    // The letter comes back while its folder is still in the trash: at the root.
    let letter_entry = desk
        .trash(&mut admin)
        .unwrap()
        .into_iter()
        .find(|e| e.label == "Kündigung.pdf")
        .unwrap()
        .id;
    desk.restore_from_trash(&mut admin, letter_entry).unwrap();
    let at_root = desk.documents(&mut admin, tenant, None, None).unwrap();
    assert_eq!(at_root.documents.len(), 1);
    assert_eq!(at_root.documents[0].folder_path, "/");

    // The folder comes back whole, with its subfolder and the contract in place.
    desk.restore_from_trash(&mut admin, folder_entry).unwrap();
    let tree = desk
        .documents(&mut admin, tenant, Some(old.id), None)
        .unwrap();
    assert_eq!(tree.documents[0].name, "Vertrag.pdf");
    assert_eq!(
        tree.folders
            .iter()
            .map(|f| f.path.as_str())
            .collect::<Vec<_>>(),
        ["/Altverträge", "/Altverträge/2019"]
    );

    // Deleted again and 31 days later: purged, versions and bytes with it.
    desk.delete_document_folder(&mut admin, old.id).unwrap();
    f.clock.advance(Duration::days(31));
    reopen(&f, &mut desk);
    let mut admin = back_after_a_month(&f, &mut desk);
    assert!(desk.trash(&mut admin).unwrap().is_empty());
    assert_eq!(
        desk.documents(&mut admin, tenant, None, None)
            .unwrap()
            .storage
            .used,
        6
    );
}

#[test]
fn a_document_linked_to_an_activity_is_seen_from_both_sides_until_the_activity_is_purged() {
    let (f, mut desk, mut admin, tenant) = office();
    let files = tempfile::tempdir().unwrap();
    let (company, area) =
        company_with_area(&mut desk, &mut admin, tenant, "Bäckerei GmbH", "Personal");
    let activity = desk
        .create_activity(&mut admin, &ActivityInput::new(area, "Lohnabrechnung"))
        .unwrap()
        .id;
    let doc = desk
        .add_document_file(
            &mut admin,
            tenant,
            None,
            &file(files.path(), "AVV Lohnbüro.pdf", b"%PDF avv"),
        )
        .unwrap()
        .document;
    let input = DocumentInput {
        name: doc.name.clone(),
        folder_id: None,
        description: "Unterschrieben am 3. März".into(),
        tags: vec!["AVV".into(), "Lohn".into(), "avv".into()],
        links: vec![DocumentLink {
            object: ObjectType::ProcessingActivity,
            id: activity,
            label: String::new(),
        }],
    };
    let saved = desk.update_document(&mut admin, doc.id, &input).unwrap();
    assert_eq!(saved.row.tags, ["AVV", "Lohn"]);
    assert_eq!(saved.links[0].label, "Lohnabrechnung");
    let seen = desk
        .documents_of(&mut admin, ObjectType::ProcessingActivity, activity)
        .unwrap();
    assert_eq!(seen.iter().map(|d| d.id).collect::<Vec<_>>(), [doc.id]);
    // From the company's side too, through a link made there.
    desk.link_document(&mut admin, doc.id, ObjectType::Company, company, true)
        .unwrap();
    assert_eq!(desk.document(&mut admin, doc.id).unwrap().links.len(), 2);
    // Found by its description and tags from any folder.
    let hits = desk
        .documents(&mut admin, tenant, None, Some("lohn märz"))
        .unwrap();
    assert_eq!(hits.documents.len(), 1);

    desk.delete_activities(&mut admin, &[activity]).unwrap();
    assert_eq!(
        desk.document(&mut admin, doc.id).unwrap().links.len(),
        1,
        "a link to a record in the trash is not shown"
    );
    f.clock.advance(Duration::days(31));
    reopen(&f, &mut desk);
    let mut admin = back_after_a_month(&f, &mut desk);
    let links = desk.document(&mut admin, doc.id).unwrap().links;
    assert_eq!(
        links.iter().map(|l| l.object).collect::<Vec<_>>(),
        [ObjectType::Company]
    );
}

#[test]
fn a_role_limited_to_some_folders_sees_only_them_and_cannot_file_elsewhere() {
    let (_f, mut desk, mut admin, tenant) = office();
    let files = tempfile::tempdir().unwrap();
    let staff_folder = desk
        .create_document_folder(&mut admin, tenant, None, "Personal")
        .unwrap();
    let board = desk
        .create_document_folder(&mut admin, tenant, None, "Geschäftsführung")
        .unwrap();
    desk.add_document_file(
        &mut admin,
        tenant,
        Some(staff_folder.id),
        &file(files.path(), "Schulung.pdf", b"%PDF s"),
    )
    .unwrap();
    let secret = desk
        .add_document_file(
            &mut admin,
            tenant,
            Some(board.id),
            &file(files.path(), "Gehälter.xlsx", b"PK x"),
        )
        .unwrap()
        .document;
    desk.add_document_file(
        &mut admin,
        tenant,
        None,
        &file(files.path(), "Wurzel.txt", b"w"),
    )
    .unwrap();
    desk.create_role(
        &mut admin,
        &RoleDefinition {
            name: "Personalabteilung".into(),
            grants: [Right::View, Right::Create, Right::Edit, Right::Delete]
                .into_iter()
                .map(|right| Grant {
                    object: ObjectType::Document,
                    right,
                })
                .collect(),
            hidden_menus: vec![],
            visibility: vec![VisibilityRule {
                object: ObjectType::Document,
                restriction: Restriction::InFolders {
                    folders: vec!["personal".into()],
                },
            }],
        },
    )
    .unwrap();
    desk.create_user(
        &mut admin,
        &NewUser {
            name: "Paula Personal".into(),
            is_admin: false,
            roles: vec!["Personalabteilung".into()],
            tenants: vec![tenant],
            password: Some("Personal-2026!x".into()),
        },
    )
    .unwrap();
    let mut paula = desk.sign_in("Paula Personal", "Personal-2026!x").unwrap();
    let listing = desk.documents(&mut paula, tenant, None, None).unwrap();
    assert_eq!(
        listing
            .folders
            .iter()
            .map(|f| f.path.as_str())
            .collect::<Vec<_>>(),
        ["/Personal"]
    );
    assert!(
        listing.documents.is_empty(),
        "documents at the root are outside every folder"
    );
    let hits = desk
        .documents(&mut paula, tenant, None, Some("pdf xlsx txt"))
        .unwrap();
    assert!(hits.documents.is_empty());
    let all = desk
        .documents(&mut paula, tenant, Some(staff_folder.id), None)
        .unwrap();
    assert_eq!(all.documents.len(), 1);
    assert!(desk.document(&mut paula, secret.id).is_err());
    assert!(desk
        .documents(&mut paula, tenant, Some(board.id), None)
        .is_err());
    assert!(desk
        .read_document(&mut paula, secret.id, None, &mut Vec::new())
        .is_err());
    let elsewhere = desk.create_document_folder(&mut paula, tenant, None, "Privat");
    assert_eq!(rule(&elsewhere), "outside_reach");
    let root_file =
        desk.add_document_file(&mut paula, tenant, None, &file(files.path(), "x.txt", b"x"));
    assert!(root_file.is_err());
    desk.create_document_folder(&mut paula, tenant, Some(staff_folder.id), "2026")
        .unwrap();
}

/// A tenant with a company, an activity and a document of two versions in a folder, linked
/// to the activity; answers (activity id, document id).
fn with_evidence(desk: &mut Desk, admin: &mut Session, tenant: i64, dir: &Path) -> (i64, i64) {
    let (_, area) = company_with_area(desk, admin, tenant, "Bäckerei GmbH", "Personal");
    let activity = desk
        .create_activity(admin, &ActivityInput::new(area, "Lohnabrechnung"))
        .unwrap()
        .id;
    let folder = desk
        .create_document_folder(admin, tenant, None, "Verträge")
        .unwrap();
    let path = file(dir, "AVV.pdf", b"%PDF eins");
    let doc = desk
        .add_document_file(admin, tenant, Some(folder.id), &path)
        .unwrap()
        .document;
    std::fs::write(&path, b"%PDF zwei").unwrap();
    desk.add_document_file(admin, tenant, Some(folder.id), &path)
        .unwrap();
    desk.link_document(
        admin,
        doc.id,
        ObjectType::ProcessingActivity,
        activity,
        true,
    )
    .unwrap();
    (activity, doc.id)
}

#[test]
fn a_tenant_file_and_a_tenant_copy_carry_the_documents_with_every_version_and_their_links() {
    let (_f, mut desk, mut admin, tenant) = office();
    let files = tempfile::tempdir().unwrap();
    with_evidence(&mut desk, &mut admin, tenant, files.path());
    let (doc, _) = desk.export_tenant(&mut admin, tenant).unwrap();
    assert_eq!(doc.folders, ["/Verträge"]);
    assert_eq!(doc.documents[0].versions.len(), 2);

    let imported = desk.import_tenant(&mut admin, &doc).unwrap();
    let copy = desk
        .copy_tenant(&mut admin, tenant, Some("Bäckerei Kopie"))
        .unwrap();
    for target in [imported.id, copy.id] {
        let folder = desk
            .document_folder_at(&mut admin, target, "/Verträge")
            .unwrap();
        let listing = desk.documents(&mut admin, target, folder, None).unwrap();
        assert_eq!(listing.documents.len(), 1, "tenant {target}");
        let d = desk.document(&mut admin, listing.documents[0].id).unwrap();
        assert_eq!(d.versions.len(), 2);
        let mut first = Vec::new();
        desk.read_document(&mut admin, d.row.id, Some(1), &mut first)
            .unwrap();
        assert_eq!(first, b"%PDF eins");
        assert_eq!(d.links.len(), 1);
        let activity = desk.activity(&mut admin, d.links[0].id).unwrap();
        assert_eq!(
            (activity.tenant_id, activity.data.name.as_str()),
            (target, "Lohnabrechnung")
        );
    }
}

#[test]
fn a_documents_module_restore_brings_back_the_documents_as_the_backup_held_them() {
    let (f, mut desk, mut admin, tenant) = office();
    let files = tempfile::tempdir().unwrap();
    let (activity, doc) = with_evidence(&mut desk, &mut admin, tenant, files.path());
    let folder = f.path().join("nas");
    std::fs::create_dir_all(&folder).unwrap();
    let backup = desk
        .create_backup_in(&mut admin, &folder, &mut |_, _| {})
        .unwrap();

    desk.delete_documents(&mut admin, &[doc]).unwrap();
    let later = file(files.path(), "Neu.txt", b"nach dem Backup");
    desk.add_document_file(&mut admin, tenant, None, &later)
        .unwrap();
    desk.restore_backup(
        &mut admin,
        &backup,
        Some(dpo_desk_core::services::backup::BackupModule::Documents(
            tenant,
        )),
        &mut |_, _| {},
    )
    .unwrap();
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let back = desk.document(&mut admin, doc).unwrap();
    assert_eq!(back.versions.len(), 2);
    assert_eq!(
        back.links.iter().map(|l| l.id).collect::<Vec<_>>(),
        [activity]
    );
    let root = desk.documents(&mut admin, tenant, None, None).unwrap();
    assert!(
        root.documents.is_empty(),
        "what came after the backup is gone with the module"
    );
    assert!(desk
        .trash(&mut admin)
        .unwrap()
        .iter()
        .all(|e| e.object_type != "document"));
}

#[test]
fn a_document_copied_to_another_tenant_lands_in_the_same_folder_with_its_current_version() {
    let (_f, mut desk, mut admin, tenant) = office();
    let files = tempfile::tempdir().unwrap();
    let (_, doc) = with_evidence(&mut desk, &mut admin, tenant, files.path());
    let other = desk
        .create_tenant(&mut admin, "Konditorei Weber", false)
        .unwrap()
        .id;
    let summary = desk
        .copy_to_tenants(
            &mut admin,
            &dpo_desk_core::services::data_copy::CopyRequest {
                object: ObjectType::Document,
                ids: vec![doc],
                targets: vec![other],
                parent: None,
            },
        )
        .unwrap();
    let target = &summary.targets[0];
    assert_eq!(target.left_out, ["document_links", "document_versions"]);
    let copy = desk.document(&mut admin, target.ids[0]).unwrap();
    assert_eq!(
        (copy.row.tenant_id, copy.row.folder_path.as_str()),
        (other, "/Verträge")
    );
    assert_eq!(copy.versions.len(), 1);
    assert!(copy.links.is_empty());
    let mut bytes = Vec::new();
    desk.read_document(&mut admin, copy.row.id, None, &mut bytes)
        .unwrap();
    assert_eq!(bytes, b"%PDF zwei");
    // Copied again: the same document there takes it as its next version, never a twin.
    let again = desk
        .copy_to_tenants(
            &mut admin,
            &dpo_desk_core::services::data_copy::CopyRequest {
                object: ObjectType::Document,
                ids: vec![doc],
                targets: vec![other],
                parent: None,
            },
        )
        .unwrap();
    assert_eq!(again.targets[0].ids, [copy.row.id]);
    assert_eq!(
        desk.document(&mut admin, copy.row.id)
            .unwrap()
            .versions
            .len(),
        2
    );
}

#[test]
fn a_folder_restored_beside_a_new_one_of_its_name_is_marked_and_paths_follow_parents_not_prefixes()
{
    let (_f, mut desk, mut admin, tenant) = office();
    let files = tempfile::tempdir().unwrap();
    let old = desk
        .create_document_folder(&mut admin, tenant, None, "A")
        .unwrap();
    desk.add_document_file(
        &mut admin,
        tenant,
        Some(old.id),
        &file(files.path(), "alt.txt", b"alt"),
    )
    .unwrap();
    let entry = desk.delete_document_folder(&mut admin, old.id).unwrap();
    let new = desk
        .create_document_folder(&mut admin, tenant, None, "A")
        .unwrap();
    desk.restore_from_trash(&mut admin, entry).unwrap();
    desk.rename_document_folder(&mut admin, new.id, "B")
        .unwrap();
    let paths = |desk: &mut Desk, admin: &mut Session| -> Vec<(i64, String)> {
        desk.documents(admin, tenant, None, None)
            .unwrap()
            .folders
            .into_iter()
            .map(|f| (f.id, f.path))
            .collect()
    };
    let mut got = paths(&mut desk, &mut admin);
    got.sort();
    assert_eq!(
        got,
        [(old.id, "/(2) A".to_string()), (new.id, "/B".to_string())]
    );

    // A trashed subfolder keeps its own path when a live namesake moves away.
    let x = desk
        .create_document_folder(&mut admin, tenant, None, "X")
        .unwrap();
    let y = desk
        .create_document_folder(&mut admin, tenant, None, "Y")
        .unwrap();
    let gone = desk
        .create_document_folder(&mut admin, tenant, Some(x.id), "A")
        .unwrap();
    let entry = desk.delete_document_folder(&mut admin, gone.id).unwrap();
    let again = desk
        .create_document_folder(&mut admin, tenant, Some(x.id), "A")
        .unwrap();
    desk.move_document_folder(&mut admin, again.id, Some(y.id))
        .unwrap();
    desk.restore_from_trash(&mut admin, entry).unwrap();
    let got = paths(&mut desk, &mut admin);
    assert!(got.contains(&(gone.id, "/X/A".to_string())), "{got:?}");
    assert!(got.contains(&(again.id, "/Y/A".to_string())), "{got:?}");
    // A document restored beside a new one of its name is marked too.
    let first = desk
        .add_document_file(
            &mut admin,
            tenant,
            None,
            &file(files.path(), "AVV.pdf", b"eins"),
        )
        .unwrap()
        .document;
    desk.delete_documents(&mut admin, &[first.id]).unwrap();
    desk.add_document_file(
        &mut admin,
        tenant,
        None,
        &file(files.path(), "AVV.pdf", b"zwei"),
    )
    .unwrap();
    let entry = desk
        .trash(&mut admin)
        .unwrap()
        .into_iter()
        .find(|e| e.label == "AVV.pdf")
        .unwrap()
        .id;
    desk.restore_from_trash(&mut admin, entry).unwrap();
    assert_eq!(
        desk.document(&mut admin, first.id).unwrap().row.name,
        "(2) AVV.pdf"
    );
}
