//! The tenant module (issue 3): master data and its catalogue, activities with every field,
//! full-text search, mass change and copy, the trash with its cascades and purge, exports,
//! and the tenant's JSON round trip.

use crate::common::*;
use chrono::{Duration, NaiveDate};
use dpo_desk_core::domain::activities::{
    ActivityInput, ActivityLink, ActivityRole, ActivityStatus, DpiaNecessity, MassChange, MassField,
};
use dpo_desk_core::domain::areas::{AreaField, AreaInput};
use dpo_desk_core::domain::companies::dpo_check::{DpoCheck, DpoReason};
use dpo_desk_core::domain::companies::{CompanyField, CompanyInput, DesignatedDpo};
use dpo_desk_core::domain::master_data::{MasterField, MasterItemInput, MasterKind};
use dpo_desk_core::domain::tenants::TenantField;
use dpo_desk_core::services::exports::ExportFormat;
use dpo_desk_core::{CoreError, Desk, Session};

struct Tenant {
    desk: Desk,
    admin: Session,
    tenant: i64,
    company: i64,
    personnel: i64,
}

fn setup(f: &Fixture) -> Tenant {
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    desk.set_language(&mut admin, "de").unwrap();
    let tenant = desk
        .create_tenant(&mut admin, "Bäckerei Schmidt GmbH", false)
        .unwrap()
        .id;
    let company = desk
        .create_company(
            &mut admin,
            tenant,
            &CompanyInput {
                name: "Bäckerei Schmidt GmbH".into(),
                legal_form: "GmbH".into(),
                city: "Köln".into(),
                is_controller: true,
                managing_directors: vec!["Erika Schmidt".into(), " ".into()],
                dpo_check: Some(DpoCheck {
                    twenty_persons_processing: true,
                    ..Default::default()
                }),
                dpo: DesignatedDpo {
                    kind: "external".into(),
                    name: "Anna Meier".into(),
                    email: "dsb@kanzlei.de".into(),
                    ..Default::default()
                },
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    let personnel = desk
        .create_area(
            &mut admin,
            &AreaInput {
                company_id: company,
                name: "Personal".into(),
                description: String::new(),
            },
        )
        .unwrap()
        .id;
    Tenant {
        desk,
        admin,
        tenant,
        company,
        personnel,
    }
}

/// The next start of the app on the same data folder.
fn reopen(f: &Fixture) -> Desk {
    match dpo_desk_core::desk::installation::open(f.path(), &f.keystore, f.clock.clone()).unwrap() {
        dpo_desk_core::desk::installation::Opening::Ready(desk) => desk,
        _ => panic!("the keyring holds the key"),
    }
}

fn item(t: &mut Tenant, kind: MasterKind, name: &str) -> i64 {
    t.desk
        .master_items(&mut t.admin, t.tenant, kind)
        .unwrap()
        .into_iter()
        .find(|i| i.data.name == name)
        .unwrap_or_else(|| panic!("{name}"))
        .id
}

fn full_activity(t: &mut Tenant, name: &str) -> ActivityInput {
    let process = t
        .desk
        .create_master_item(
            &mut t.admin,
            t.tenant,
            &MasterItemInput::named(MasterKind::BusinessProcess, &format!("Prozess {name}")),
        )
        .unwrap()
        .id;
    let links = vec![
        ActivityLink {
            item_id: item(t, MasterKind::DataCategory, "Gesundheitsdaten"),
            detail: String::new(),
        },
        ActivityLink {
            item_id: item(t, MasterKind::PersonGroup, "Beschäftigte"),
            detail: String::new(),
        },
        ActivityLink {
            item_id: item(t, MasterKind::LegalBasis, "Beschäftigungsverhältnis"),
            detail: String::new(),
        },
        ActivityLink {
            item_id: item(t, MasterKind::Application, "DATEV"),
            detail: String::new(),
        },
        ActivityLink {
            item_id: item(t, MasterKind::ThirdCountry, "Indien"),
            detail: "standard_contractual_clauses".into(),
        },
    ];
    ActivityInput {
        status: ActivityStatus::Active,
        role: ActivityRole::Controller,
        responsible: "Erika Schmidt".into(),
        purposes: "Lohn- und Gehaltsabrechnung, Meldungen an die Sozialversicherung".into(),
        business_process_id: Some(process),
        specific_toms: "Zugriff nur Personalabteilung".into(),
        dpia_required: DpiaNecessity::NotRequired,
        dpia_reason: "keine zwei Kriterien erfüllt".into(),
        review_planned: NaiveDate::from_ymd_opt(2027, 3, 1),
        notes: "Lohnbüro extern".into(),
        links,
        ..ActivityInput::new(t.personnel, name)
    }
}

#[test]
fn a_new_tenant_gets_the_catalogue_and_companies_keep_their_dpo_data() {
    let f = Fixture::new();
    let mut t = setup(&f);
    let legal = t
        .desk
        .master_items(&mut t.admin, t.tenant, MasterKind::LegalBasis)
        .unwrap();
    assert!(
        legal
            .iter()
            .any(|i| i.data.code == "Art. 6(1)(f) GDPR" && i.data.name == "Berechtigte Interessen"),
        "German for a German user"
    );
    let countries = t
        .desk
        .master_items(&mut t.admin, t.tenant, MasterKind::ThirdCountry)
        .unwrap();
    let japan = countries.iter().find(|c| c.data.code == "JP").unwrap();
    assert_eq!(japan.data.category, "adequacy_decision");
    assert!(t
        .desk
        .master_items(&mut t.admin, t.tenant, MasterKind::DataCategory)
        .unwrap()
        .iter()
        .any(|d| d.data.special_category));

    let company = t.desk.companies(&mut t.admin, t.tenant).unwrap().remove(0);
    assert_eq!(company.data.managing_directors, vec!["Erika Schmidt"]);
    let verdict = company.dpo_verdict.unwrap();
    assert!(verdict.required);
    assert_eq!(verdict.reasons, vec![DpoReason::Bdsg38TwentyPersons]);
    assert_eq!(company.data.dpo.kind, "external");
    let areas: Vec<String> = t
        .desk
        .areas(&mut t.admin, t.tenant)
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(
        areas,
        vec!["Allgemein", "Personal"],
        "every company starts with an area"
    );

    // Company lists: a copy takes areas and activities along; a DPO set for a selection; export.
    t.desk
        .create_activity(
            &mut t.admin,
            &ActivityInput::new(t.personnel, "Lohnabrechnung"),
        )
        .unwrap();
    let copy = t
        .desk
        .copy_companies(&mut t.admin, &[t.company], " (Kopie)")
        .unwrap()[0];
    let areas = t.desk.areas(&mut t.admin, t.tenant).unwrap();
    let copied: Vec<(String, i64)> = areas
        .iter()
        .filter(|a| a.company_id == copy)
        .map(|a| (a.name.clone(), a.activity_count))
        .collect();
    assert_eq!(
        copied,
        vec![("Allgemein".to_string(), 0), ("Personal".to_string(), 1)]
    );
    let dpo = DesignatedDpo {
        kind: "internal".into(),
        name: "Max Weber".into(),
        ..Default::default()
    };
    assert_eq!(
        t.desk
            .mass_change_companies(&mut t.admin, &[t.company, copy], &CompanyField::Dpo(dpo))
            .unwrap(),
        2
    );
    assert!(t
        .desk
        .companies(&mut t.admin, t.tenant)
        .unwrap()
        .iter()
        .all(|c| c.data.dpo.name == "Max Weber"));
    let csv = String::from_utf8(
        t.desk
            .export_companies(&mut t.admin, t.tenant, ExportFormat::Csv)
            .unwrap()
            .bytes,
    )
    .unwrap();
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(
        csv.contains("Bäckerei Schmidt GmbH (Kopie)")
            && csv.contains("Erika Schmidt")
            && csv.contains("Max Weber")
    );
}

#[test]
fn an_activity_keeps_every_field_and_its_links_and_transfers_need_a_safeguard() {
    let f = Fixture::new();
    let mut t = setup(&f);
    let input = full_activity(&mut t, "Lohnabrechnung");
    let saved = t.desk.create_activity(&mut t.admin, &input).unwrap();
    let again = t.desk.activity(&mut t.admin, saved.id).unwrap();
    assert_eq!(again.data.links.len(), 5);
    assert_eq!(
        again.data.review_planned,
        NaiveDate::from_ymd_opt(2027, 3, 1)
    );
    assert_eq!(
        again.business_process_name.as_deref(),
        Some("Prozess Lohnabrechnung")
    );
    let india = again
        .linked
        .iter()
        .find(|l| l.kind == MasterKind::ThirdCountry)
        .unwrap();
    assert_eq!(
        (india.name.as_str(), india.detail.as_str()),
        ("Indien", "standard_contractual_clauses")
    );
    assert!(
        again.linked.iter().any(|l| l.special_category),
        "health data is flagged"
    );

    // Attachments travel inside the encrypted database; names lose any path.
    let file = t
        .desk
        .add_attachment(
            &mut t.admin,
            saved.id,
            "/home/anna/Verträge/AV-Vertrag DATEV.pdf",
            b"%PDF-1.7 contract",
        )
        .unwrap();
    assert_eq!(file.file_name, "AV-Vertrag DATEV.pdf");
    assert_eq!(t.desk.attachments(&mut t.admin, saved.id).unwrap().len(), 1);
    let (name, bytes) = t.desk.attachment_content(&mut t.admin, file.id).unwrap();
    assert_eq!(
        (name.as_str(), bytes.as_slice()),
        ("AV-Vertrag DATEV.pdf", &b"%PDF-1.7 contract"[..])
    );
    t.desk.remove_attachment(&mut t.admin, file.id).unwrap();
    assert!(t
        .desk
        .attachments(&mut t.admin, saved.id)
        .unwrap()
        .is_empty());

    let mut without = input.clone();
    without.links.last_mut().unwrap().detail.clear();
    match t.desk.create_activity(&mut t.admin, &without).unwrap_err() {
        CoreError::Validation {
            field: "safeguard",
            rule: "required",
            ..
        } => {}
        other => panic!("{other:?}"),
    }
    // Inside the EU no safeguard is needed.
    let mut eu = ActivityInput::new(t.personnel, "Reisekosten");
    eu.links = vec![ActivityLink {
        item_id: item(&mut t, MasterKind::ThirdCountry, "Österreich"),
        detail: String::new(),
    }];
    t.desk.create_activity(&mut t.admin, &eu).unwrap();

    // Master data lists: copies and a mass change of the selection.
    let processors: Vec<i64> = ["Lohnbüro Meyer", "IT-Dienstleister Nord"]
        .iter()
        .map(|n| {
            t.desk
                .create_master_item(
                    &mut t.admin,
                    t.tenant,
                    &MasterItemInput::named(MasterKind::Processor, n),
                )
                .unwrap()
                .id
        })
        .collect();
    let changed = t
        .desk
        .mass_change_master_items(
            &mut t.admin,
            MasterKind::Processor,
            &processors,
            &MasterField::Category("signed".into()),
        )
        .unwrap();
    assert_eq!(changed, 2);
    let bad = t.desk.mass_change_master_items(
        &mut t.admin,
        MasterKind::Processor,
        &processors,
        &MasterField::Category("maybe".into()),
    );
    assert!(matches!(
        bad,
        Err(CoreError::Validation {
            field: "category",
            ..
        })
    ));
    let copies = t
        .desk
        .copy_master_items(
            &mut t.admin,
            MasterKind::Processor,
            &processors[..1],
            " (Kopie)",
        )
        .unwrap();
    let listed = t
        .desk
        .master_items(&mut t.admin, t.tenant, MasterKind::Processor)
        .unwrap();
    assert!(listed.iter().all(|p| p.data.category == "signed"));
    assert!(listed
        .iter()
        .any(|p| p.id == copies[0] && p.data.name == "Lohnbüro Meyer (Kopie)"));

    // An item in use cannot be removed; the refusal names the activities.
    let health = item(&mut t, MasterKind::DataCategory, "Gesundheitsdaten");
    match t
        .desk
        .delete_master_item(&mut t.admin, MasterKind::DataCategory, health)
        .unwrap_err()
    {
        CoreError::InUse { used_by } => assert_eq!(used_by, vec!["Lohnabrechnung"]),
        other => panic!("{other:?}"),
    }
}

#[test]
fn full_text_search_mass_change_and_copy() {
    let f = Fixture::new();
    let mut t = setup(&f);
    let mut ids = Vec::new();
    for name in [
        "Lohnabrechnung",
        "Bewerbermanagement",
        "Zeiterfassung",
        "Videoüberwachung",
    ] {
        let input = ActivityInput {
            purposes: format!("Zweck von {name}"),
            ..ActivityInput::new(t.personnel, name)
        };
        ids.push(t.desk.create_activity(&mut t.admin, &input).unwrap().id);
    }
    let names = |t: &mut Tenant, q: &str| {
        t.desk
            .activities(&mut t.admin, t.tenant, Some(q))
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&mut t, "lohn"),
        vec!["Lohnabrechnung"],
        "a prefix, any case"
    );
    assert_eq!(
        names(&mut t, "videouberwachung"),
        vec!["Videoüberwachung"],
        "diacritics folded"
    );
    assert_eq!(
        names(&mut t, "zweck zeit"),
        vec!["Zeiterfassung"],
        "every word must match"
    );
    assert_eq!(
        names(&mut t, "\"OR* NEAR("),
        Vec::<String>::new(),
        "operators typed are plain words"
    );
    let hits = t.desk.search(&mut t.admin, t.tenant, "Gesundheit").unwrap();
    assert!(
        hits.iter().any(|h| h.title == "Gesundheitsdaten"),
        "master data is searched too: {hits:?}"
    );

    let changed = t
        .desk
        .mass_change_activities(
            &mut t.admin,
            &MassChange {
                ids: ids[..3].to_vec(),
                change: MassField::Status(ActivityStatus::InReview),
            },
        )
        .unwrap();
    assert_eq!(changed, 3);
    let rows = t.desk.activities(&mut t.admin, t.tenant, None).unwrap();
    assert_eq!(
        rows.iter()
            .filter(|r| r.status == ActivityStatus::InReview)
            .count(),
        3
    );
    // All or nothing: one unknown id refuses the whole change.
    let bad = MassChange {
        ids: vec![ids[3], 999_999],
        change: MassField::Status(ActivityStatus::Inactive),
    };
    assert!(t.desk.mass_change_activities(&mut t.admin, &bad).is_err());
    assert_eq!(
        t.desk.activity(&mut t.admin, ids[3]).unwrap().data.status,
        ActivityStatus::Draft
    );

    // A legal basis added to three of which one has it already: two changed, the count says so;
    // removed again from all three; a review date set on all.
    let basis = t
        .desk
        .master_items(&mut t.admin, t.tenant, MasterKind::LegalBasis)
        .unwrap()[0]
        .id;
    let link = MassField::AddLink(ActivityLink {
        item_id: basis,
        detail: String::new(),
    });
    let on = |ids: &[i64], change: &MassField, t: &mut Tenant| {
        t.desk
            .mass_change_activities(
                &mut t.admin,
                &MassChange {
                    ids: ids.to_vec(),
                    change: change.clone(),
                },
            )
            .unwrap()
    };
    assert_eq!(
        on(
            &ids[..3],
            &MassField::Status(ActivityStatus::InReview),
            &mut t
        ),
        0,
        "the same value again changes nothing"
    );
    assert_eq!(on(&ids[..1], &link, &mut t), 1);
    assert_eq!(on(&ids[..3], &link, &mut t), 2, "one had it already");
    for &id in &ids[..3] {
        let links = t.desk.activity(&mut t.admin, id).unwrap().data.links;
        assert_eq!(links.iter().filter(|l| l.item_id == basis).count(), 1);
    }
    assert_eq!(on(&ids[..3], &MassField::RemoveLink(basis), &mut t), 3);
    assert_eq!(
        on(
            &ids[..3],
            &MassField::ReviewDone(NaiveDate::from_ymd_opt(2026, 3, 1)),
            &mut t
        ),
        3
    );

    let copies = t
        .desk
        .copy_activities(&mut t.admin, &[ids[0]], " (Kopie)")
        .unwrap();
    let copy = t.desk.activity(&mut t.admin, copies[0]).unwrap();
    assert_eq!(
        (copy.data.name.as_str(), copy.data.status),
        ("Lohnabrechnung (Kopie)", ActivityStatus::Draft)
    );
    assert_eq!(
        names(&mut t, "Kopie"),
        vec!["Lohnabrechnung (Kopie)"],
        "copies are indexed"
    );
}

#[test]
fn the_trash_takes_children_along_restores_them_and_purges_after_30_days() {
    let f = Fixture::new();
    let mut t = setup(&f);
    let a = t
        .desk
        .create_activity(
            &mut t.admin,
            &ActivityInput::new(t.personnel, "Lohnabrechnung"),
        )
        .unwrap()
        .id;
    let b = t
        .desk
        .create_activity(
            &mut t.admin,
            &ActivityInput::new(t.personnel, "Zeiterfassung"),
        )
        .unwrap()
        .id;

    let single = t.desk.delete_activities(&mut t.admin, &[a]).unwrap()[0];
    assert_eq!(
        t.desk
            .activities(&mut t.admin, t.tenant, None)
            .unwrap()
            .len(),
        1
    );
    assert!(
        t.desk
            .activities(&mut t.admin, t.tenant, Some("Lohn"))
            .unwrap()
            .is_empty(),
        "deleted records are not found"
    );

    // The area takes its remaining activity along; the single delete keeps its own entry.
    let area_entry = t.desk.delete_area(&mut t.admin, t.personnel).unwrap();
    assert!(t
        .desk
        .activities(&mut t.admin, t.tenant, None)
        .unwrap()
        .is_empty());
    let trash = t.desk.trash(&mut t.admin).unwrap();
    assert_eq!(
        trash.iter().map(|e| e.label.as_str()).collect::<Vec<_>>(),
        vec!["Personal", "Lohnabrechnung"]
    );
    assert_eq!(trash[0].deleted_by, OWNER);
    match t.desk.restore_from_trash(&mut t.admin, single).unwrap_err() {
        CoreError::Validation {
            rule: "parent_in_trash",
            ..
        } => {}
        other => panic!("{other:?}"),
    }
    t.desk.restore_from_trash(&mut t.admin, area_entry).unwrap();
    let back: Vec<i64> = t
        .desk
        .activities(&mut t.admin, t.tenant, None)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(
        back,
        vec![b],
        "the area came back with its activity, the one deleted before stays in the trash"
    );
    t.desk.restore_from_trash(&mut t.admin, single).unwrap();
    assert_eq!(
        t.desk
            .activities(&mut t.admin, t.tenant, None)
            .unwrap()
            .len(),
        2
    );

    // The last area of a company stays.
    let areas = t.desk.areas(&mut t.admin, t.tenant).unwrap();
    let general = areas.iter().find(|x| x.name == "Allgemein").unwrap().id;
    t.desk.delete_area(&mut t.admin, general).unwrap();
    assert!(matches!(
        t.desk.delete_area(&mut t.admin, t.personnel),
        Err(CoreError::Validation { rule: "last", .. })
    ));

    // 30 days later the entry is still there; after 31 days the next start purges it.
    t.desk.delete_activities(&mut t.admin, &[a]).unwrap();
    f.clock.advance(Duration::days(30));
    let mut desk = reopen(&f);
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    // A month without a backup locks the app; the office makes one and saves it outside.
    assert!(matches!(
        desk.trash(&mut admin),
        Err(CoreError::BackupLocked { .. })
    ));
    std::fs::create_dir_all(f.path().join("nas")).unwrap();
    desk.create_backup_in(&mut admin, &f.path().join("nas"), &mut |_, _| {})
        .unwrap();
    assert_eq!(
        desk.trash(&mut admin).unwrap().len(),
        2,
        "Allgemein and Lohnabrechnung, 30 days old"
    );
    drop(desk);
    f.clock.advance(Duration::days(1));
    let mut desk = reopen(&f);
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    assert!(desk.trash(&mut admin).unwrap().is_empty(), "purged");
    let names: Vec<String> = desk
        .activities(&mut admin, t.tenant, None)
        .unwrap()
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(
        names,
        vec!["Zeiterfassung"],
        "the purged activity is gone for good"
    );
    let purged: i64 = desk
        .store()
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM processing_activities WHERE id = ?1",
            [a],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(purged, 0);
}

#[test]
fn a_tenant_round_trips_through_its_json_document_and_exports_as_csv() {
    let f = Fixture::new();
    let mut t = setup(&f);
    let input = full_activity(&mut t, "Lohnabrechnung");
    t.desk.create_activity(&mut t.admin, &input).unwrap();
    t.desk
        .create_activity(
            &mut t.admin,
            &ActivityInput::new(t.personnel, "Zeiterfassung"),
        )
        .unwrap();

    let (doc, name) = t.desk.export_tenant(&mut t.admin, t.tenant).unwrap();
    assert!(
        name.starts_with("Bäckerei Schmidt GmbH – tenant – ") && name.ends_with(".json"),
        "{name}"
    );
    let bytes = serde_json::to_vec_pretty(&doc).unwrap();
    let parsed = dpo_desk_core::services::tenant_transfer::parse(&bytes).unwrap();
    let imported = t.desk.import_tenant(&mut t.admin, &parsed).unwrap();
    assert_ne!(imported.id, t.tenant);
    let (again, _) = t.desk.export_tenant(&mut t.admin, imported.id).unwrap();
    assert_eq!(
        serde_json::to_vec_pretty(&again).unwrap(),
        bytes,
        "export → import → export is identical"
    );
    assert!(
        dpo_desk_core::services::tenant_transfer::parse(br#"{"format":"other","version":1}"#)
            .is_err()
    );

    let csv = t
        .desk
        .export_activities(&mut t.admin, t.tenant, None, None, ExportFormat::Csv)
        .unwrap();
    let text = String::from_utf8(csv.bytes).unwrap();
    assert!(text.starts_with('\u{feff}'), "BOM for spreadsheets");
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("ID;Bezeichnung;Firma;Bereich;Status"),
        "German headers for a German user, separated as German spreadsheets expect"
    );
    let first = lines.next().unwrap();
    assert!(
        first.contains("Lohnabrechnung")
            && first.contains("Indien (Standardvertragsklauseln (Art. 46 Abs. 2 lit. c DSGVO))")
            && first.contains("Gesundheitsdaten (Art. 9/10)"),
        "{first}"
    );
    assert_eq!(lines.count(), 1);
    let json = t
        .desk
        .export_activities(
            &mut t.admin,
            t.tenant,
            Some("Zeit"),
            None,
            ExportFormat::Json,
        )
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.bytes).unwrap();
    assert_eq!(
        value.as_array().unwrap().len(),
        1,
        "the export follows the list's search"
    );
}

#[test]
fn areas_are_edited_moved_copied_mass_changed_and_exported_as_a_list() {
    let f = Fixture::new();
    let mut t = setup(&f);
    let lohn = full_activity(&mut t, "Lohnabrechnung");
    let lohn = t.desk.create_activity(&mut t.admin, &lohn).unwrap();
    let second = t
        .desk
        .create_company(
            &mut t.admin,
            t.tenant,
            &CompanyInput {
                name: "Schmidt Filialen KG".into(),
                is_controller: true,
                ..Default::default()
            },
        )
        .unwrap();

    // Rename with a description; a name taken in the company is refused and nothing changes.
    let renamed = t
        .desk
        .update_area(
            &mut t.admin,
            t.personnel,
            &AreaInput {
                company_id: t.company,
                name: "Personalwesen".into(),
                description: "HR".into(),
            },
        )
        .unwrap();
    assert_eq!(
        (
            renamed.name.as_str(),
            renamed.description.as_str(),
            renamed.activity_count
        ),
        ("Personalwesen", "HR", 1)
    );
    let taken = t.desk.update_area(
        &mut t.admin,
        t.personnel,
        &AreaInput {
            company_id: t.company,
            name: "allgemein".into(),
            description: String::new(),
        },
    );
    assert!(
        matches!(taken, Err(CoreError::Validation { rule: "taken", .. })),
        "{taken:?}"
    );

    // Copies bring the activities along and get a free name each time.
    let copies = t
        .desk
        .copy_areas(&mut t.admin, &[t.personnel], " (Kopie)")
        .unwrap();
    let again = t
        .desk
        .copy_areas(&mut t.admin, &[t.personnel], " (Kopie)")
        .unwrap();
    let areas = t.desk.areas(&mut t.admin, t.tenant).unwrap();
    let by_id = |id: i64| areas.iter().find(|a| a.id == id).unwrap().clone();
    assert_eq!(by_id(copies[0]).name, "Personalwesen (Kopie)");
    assert_eq!(by_id(again[0]).name, "Personalwesen (Kopie) 2");
    assert_eq!(by_id(copies[0]).activity_count, 1);
    let copied: Vec<_> = t
        .desk
        .activity_records(&mut t.admin, t.tenant, None)
        .unwrap()
        .into_iter()
        .filter(|a| a.data.area_id == copies[0])
        .collect();
    assert_eq!(copied.len(), 1);
    assert_eq!(copied[0].data.purposes, lohn.data.purposes);
    assert_eq!(copied[0].linked, lohn.linked);

    // Mass change: the description on all, then a move of two areas to the other company,
    // their activities along; a move that would leave a company without areas changes nothing.
    let n = t
        .desk
        .mass_change_areas(
            &mut t.admin,
            &[copies[0], again[0]],
            &AreaField::Description("Archiv".into()),
        )
        .unwrap();
    assert_eq!(n, 2);
    t.desk
        .mass_change_areas(
            &mut t.admin,
            &[copies[0], again[0]],
            &AreaField::Company(second.id),
        )
        .unwrap();
    let moved = t.desk.areas(&mut t.admin, t.tenant).unwrap();
    assert!(
        moved.iter().filter(|a| a.company_id == second.id).count() == 3,
        "the KG's own area and the two moved"
    );
    let activity = t.desk.activity(&mut t.admin, copied[0].id).unwrap();
    assert_eq!(activity.company_name, "Schmidt Filialen KG");
    // The two copies would move back first, then the KG's last area is refused.
    let kg_areas: Vec<i64> = moved
        .iter()
        .filter(|a| a.company_id == second.id)
        .map(|a| a.id)
        .rev()
        .collect();
    let before = t.desk.areas(&mut t.admin, t.tenant).unwrap();
    let refused = t
        .desk
        .mass_change_areas(&mut t.admin, &kg_areas, &AreaField::Company(t.company));
    assert!(
        matches!(refused, Err(CoreError::Validation { rule: "last", .. })),
        "{refused:?}"
    );
    assert_eq!(
        t.desk.areas(&mut t.admin, t.tenant).unwrap(),
        before,
        "all or nothing"
    );

    // A company of another tenant is no target.
    let other = t
        .desk
        .create_tenant(&mut t.admin, "Fremd", false)
        .unwrap()
        .id;
    let foreign = t
        .desk
        .create_company(
            &mut t.admin,
            other,
            &CompanyInput {
                name: "Fremd GmbH".into(),
                is_controller: true,
                ..Default::default()
            },
        )
        .unwrap();
    let across = t.desk.mass_change_areas(
        &mut t.admin,
        &[t.personnel],
        &AreaField::Company(foreign.id),
    );
    assert!(
        matches!(
            across,
            Err(CoreError::Validation {
                rule: "other_tenant",
                ..
            })
        ),
        "{across:?}"
    );

    // The list as CSV in the user's language.
    let csv = t
        .desk
        .export_areas(&mut t.admin, t.tenant, ExportFormat::Csv)
        .unwrap();
    assert!(
        csv.suggested_name.contains("Bereiche"),
        "{}",
        csv.suggested_name
    );
    let text = String::from_utf8(csv.bytes).unwrap();
    assert!(
        text.starts_with("\u{feff}ID;Bereich;Firma;Beschreibung;Verarbeitungen\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{};Personalwesen;Bäckerei Schmidt GmbH;HR;1\n",
            t.personnel
        )),
        "{text}"
    );
    assert_eq!(
        text.lines().count(),
        1 + t.desk.areas(&mut t.admin, t.tenant).unwrap().len()
    );

    // Every change is in the audit log.
    let log = t.desk.audit_log(&mut t.admin, 200, None).unwrap();
    assert!(log
        .iter()
        .any(|e| e.object_type == "area" && e.action == "mass_change"));
    assert!(log
        .iter()
        .any(|e| e.object_type == "area" && e.action == "copy"));
}

#[test]
fn tenants_are_listed_with_counts_mass_changed_and_exported() {
    let f = Fixture::new();
    let mut t = setup(&f);
    let lohn = full_activity(&mut t, "Lohnabrechnung");
    t.desk.create_activity(&mut t.admin, &lohn).unwrap();
    let second = t
        .desk
        .create_tenant(&mut t.admin, "Autohaus Weber", false)
        .unwrap()
        .id;

    let list = t.desk.tenant_summaries(&mut t.admin).unwrap();
    let row = |list: &[dpo_desk_core::domain::tenants::TenantSummary], id: i64| {
        list.iter().find(|s| s.tenant.id == id).unwrap().clone()
    };
    assert_eq!(
        (
            row(&list, t.tenant).company_count,
            row(&list, t.tenant).activity_count
        ),
        (1, 1)
    );
    assert_eq!(
        (
            row(&list, second).company_count,
            row(&list, second).activity_count
        ),
        (0, 0)
    );

    assert_eq!(
        t.desk
            .mass_change_tenants(
                &mut t.admin,
                &[t.tenant, second],
                TenantField::Archived(true)
            )
            .unwrap(),
        2
    );
    assert_eq!(
        t.desk
            .mass_change_tenants(
                &mut t.admin,
                &[t.tenant, second],
                TenantField::Archived(true)
            )
            .unwrap(),
        0,
        "already archived"
    );
    t.desk
        .mass_change_tenants(&mut t.admin, &[second], TenantField::IsTemplate(true))
        .unwrap();
    let list = t.desk.tenant_summaries(&mut t.admin).unwrap();
    assert!(
        row(&list, t.tenant).tenant.archived_at.is_some()
            && row(&list, second).tenant.archived_at.is_some()
    );
    assert!(row(&list, second).tenant.is_template && !row(&list, t.tenant).tenant.is_template);
    assert_eq!(
        row(&list, second).tenant.name,
        "Autohaus Weber",
        "the name stays"
    );

    // An unknown id refuses the whole change.
    let refused = t.desk.mass_change_tenants(
        &mut t.admin,
        &[t.tenant, 9999],
        TenantField::Archived(false),
    );
    assert!(refused.is_err());
    assert!(t
        .desk
        .tenant_summaries(&mut t.admin)
        .unwrap()
        .iter()
        .all(|s| s.tenant.archived_at.is_some()));

    let csv = String::from_utf8(
        t.desk
            .export_tenant_list(&mut t.admin, ExportFormat::Csv)
            .unwrap()
            .bytes,
    )
    .unwrap();
    assert!(
        csv.starts_with(
            "\u{feff}ID;Mandant;Vorlage;Archiviert am;Angelegt am;Firmen;Verarbeitungen\n"
        ),
        "{csv}"
    );
    assert!(
        csv.contains(&format!(
            "{second};Autohaus Weber;ja;02.03.2026;02.03.2026;0;0\n"
        )),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &t.desk
            .export_tenant_list(&mut t.admin, ExportFormat::Json)
            .unwrap()
            .bytes,
    )
    .unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[0]["name"], "Autohaus Weber");
    assert_eq!(json[0]["company_count"], 0);
}
