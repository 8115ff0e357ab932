//! Hostile input (issue "nothing lost, nothing leaked", campaign 5): names of 10,000
//! characters are refused with a clear message in every domain and change nothing; text
//! made to attack the places it ends up is stored as typed.

use chrono::Duration;

use crate::common::*;
use dpo_desk_core::domain::activities::ActivityInput;
use dpo_desk_core::domain::areas::AreaInput;
use dpo_desk_core::domain::breaches::BreachInput;
use dpo_desk_core::domain::companies::CompanyInput;
use dpo_desk_core::domain::courses::CourseInput;
use dpo_desk_core::domain::master_data::{MasterItemInput, MasterKind};
use dpo_desk_core::domain::requests::{RequestInput, RequestKind};
use dpo_desk_core::domain::toms::{ProtectionType, TomInput};
use dpo_desk_core::kernel::vocabulary::ObjectType;
use dpo_desk_core::CoreError;

fn refused_as_too_long<T: std::fmt::Debug>(what: &str, result: Result<T, CoreError>) {
    match result {
        Err(CoreError::Validation { rule, .. }) => {
            assert_eq!(rule, "too_long", "{what}: refused, but not for its length")
        }
        other => panic!("{what}: a 10,000-character name must be refused, got {other:?}"),
    }
}

#[test]
fn a_name_of_ten_thousand_characters_is_refused_in_every_domain_and_changes_nothing() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei Lang").desk;
    let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
    let long = "Ä".repeat(10_000);
    refused_as_too_long("tenant", desk.create_tenant(&mut s, &long, false));
    let tenant = desk.create_tenant(&mut s, "Mandant", false).unwrap().id;
    refused_as_too_long(
        "company",
        desk.create_company(
            &mut s,
            tenant,
            &CompanyInput {
                name: long.clone(),
                ..Default::default()
            },
        ),
    );
    let company = desk
        .create_company(
            &mut s,
            tenant,
            &CompanyInput {
                name: "Firma".into(),
                is_controller: true,
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    refused_as_too_long(
        "area",
        desk.create_area(
            &mut s,
            &AreaInput {
                company_id: company,
                name: long.clone(),
                description: String::new(),
            },
        ),
    );
    let area = desk.areas(&mut s, tenant).unwrap()[0].id;
    refused_as_too_long(
        "activity",
        desk.create_activity(&mut s, &ActivityInput::new(area, &long)),
    );
    for kind in MasterKind::ALL {
        refused_as_too_long(
            kind.as_str(),
            desk.create_master_item(&mut s, tenant, &MasterItemInput::named(*kind, &long)),
        );
    }
    refused_as_too_long(
        "tom",
        desk.create_tom(&mut s, &TomInput::new(tenant, ProtectionType::Input, &long)),
    );
    refused_as_too_long(
        "request",
        desk.create_request(
            &mut s,
            &RequestInput::new(tenant, RequestKind::Access, t0().date_naive(), &long),
        ),
    );
    refused_as_too_long(
        "breach",
        desk.create_breach(
            &mut s,
            &BreachInput::new(tenant, t0() - Duration::hours(1), &long),
        ),
    );
    refused_as_too_long(
        "course",
        desk.create_course(
            &mut s,
            &CourseInput {
                active: false,
                ..CourseInput::new(tenant, &long, "de")
            },
        ),
    );
    let request = desk
        .create_request(
            &mut s,
            &RequestInput::new(tenant, RequestKind::Access, t0().date_naive(), "Max"),
        )
        .unwrap()
        .id;
    refused_as_too_long(
        "attachment",
        desk.add_record_attachment(
            &mut s,
            ObjectType::Request,
            request,
            &format!("{long}.pdf"),
            b"%PDF",
        ),
    );
    refused_as_too_long(
        "folder",
        desk.create_document_folder(&mut s, tenant, None, &long),
    );
    let files = tempfile::tempdir().unwrap();
    let sensible = files.path().join("Vertrag.pdf");
    std::fs::write(&sensible, b"%PDF").unwrap();
    let document = desk
        .add_document_file(&mut s, tenant, None, &sensible)
        .unwrap()
        .document;
    refused_as_too_long(
        "document",
        desk.update_document(
            &mut s,
            document.id,
            &dpo_desk_core::domain::documents::DocumentInput {
                name: long.clone(),
                folder_id: None,
                description: String::new(),
                tags: vec![],
                links: vec![],
            },
        ),
    );
    assert_eq!(
        desk.document(&mut s, document.id).unwrap().row.name,
        "Vertrag.pdf"
    );
    assert!(desk
        .documents(&mut s, tenant, None, None)
        .unwrap()
        .folders
        .is_empty());
    // Nothing of it was written: only the records made with sensible names exist.
    assert_eq!(desk.tenants(&mut s).unwrap().len(), 1);
    assert_eq!(desk.companies(&mut s, tenant).unwrap().len(), 1);
    assert!(desk.activities(&mut s, tenant, None).unwrap().is_empty());
    assert!(desk.courses(&mut s, tenant).unwrap().is_empty());
}

#[test]
fn text_made_to_attack_where_it_ends_up_is_stored_as_typed() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei Feindlich").desk;
    let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = desk.create_tenant(&mut s, "Mandant", false).unwrap().id;
    let script = "<script>alert('x')</script>\"; DROP TABLE tenants; --";
    let request = desk
        .create_request(
            &mut s,
            &RequestInput::new(tenant, RequestKind::Access, t0().date_naive(), script),
        )
        .unwrap();
    assert_eq!(
        desk.request(&mut s, request.id).unwrap().data.requester,
        script
    );
    // A file name that climbs out of a folder keeps only its last part.
    let file = desk
        .add_record_attachment(
            &mut s,
            ObjectType::Request,
            request.id,
            "../../../../etc/passwd",
            b"root:x:0:0",
        )
        .unwrap();
    assert_eq!(file.file_name, "passwd");
    let file = desk
        .add_record_attachment(
            &mut s,
            ObjectType::Request,
            request.id,
            "..\\..\\Windows\\system.ini",
            b"[drivers]",
        )
        .unwrap();
    assert_eq!(file.file_name, "system.ini");
    // Found by the fuzzer: a last part that names a folder is refused; control characters
    // (a line break in a name) are dropped.
    for folder in ["../.. ", "x/.", "..\\.."] {
        let refused =
            desk.add_record_attachment(&mut s, ObjectType::Request, request.id, folder, b"x");
        assert!(
            matches!(&refused, Err(CoreError::Validation { rule: "format", .. })),
            "{folder:?}: {refused:?}"
        );
    }
    let file = desk
        .add_record_attachment(
            &mut s,
            ObjectType::Request,
            request.id,
            "Brief\n\r\u{0}.pdf",
            b"%PDF",
        )
        .unwrap();
    assert_eq!(file.file_name, "Brief.pdf");
    let (_, area) = company_with_area(&mut desk, &mut s, tenant, "Firma", "Personal");
    let activity = desk
        .create_activity(&mut s, &ActivityInput::new(area, "Lohnabrechnung"))
        .unwrap()
        .id;
    let refused = desk.add_attachment(&mut s, activity, "../.. ", b"x");
    assert!(
        matches!(&refused, Err(CoreError::Validation { rule: "format", .. })),
        "an activity's attachment named '..': {refused:?}"
    );
    assert_eq!(
        desk.tenants(&mut s).unwrap().len(),
        1,
        "nothing was dropped"
    );
}

#[test]
fn an_export_name_made_from_a_hostile_record_name_stays_one_harmless_file_name() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei Pfad").desk;
    let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
    for name in [
        "../../../etc/passwd",
        "..\\..\\Windows\\win.ini",
        ".versteckt",
        "C:\\x",
        "a\nb\u{7}c. ",
    ] {
        let tenant = desk.create_tenant(&mut s, name, false).unwrap();
        let (_, suggested) = desk.export_tenant(&mut s, tenant.id).unwrap();
        let path = std::path::Path::new(&suggested);
        assert_eq!(path.components().count(), 1, "{name:?} → {suggested:?}");
        assert!(
            !suggested.contains(['/', '\\', ':']) && !suggested.chars().any(char::is_control),
            "{name:?} → {suggested:?}"
        );
        assert!(
            !suggested.starts_with('.'),
            "{name:?} → a hidden file {suggested:?}"
        );
        assert!(suggested.ends_with(".json"), "{suggested:?}");
    }
}
