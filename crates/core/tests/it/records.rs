//! Companies, areas and processing activities: validation, updates with their audit
//! entries, and search.

use crate::common::*;
use dpo_desk_core::domain::activities::{ActivityInput, ActivityStatus};
use dpo_desk_core::domain::areas::AreaInput;
use dpo_desk_core::domain::companies::CompanyInput;
use dpo_desk_core::CoreError;

fn rule_of(e: CoreError) -> (&'static str, &'static str) {
    match e {
        CoreError::Validation { field, rule, .. } => (field, rule),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn companies_are_validated_and_changes_are_audited_with_old_and_new_values() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = desk
        .create_tenant(&mut admin, "Bäckerei Schmidt GmbH", false)
        .unwrap()
        .id;
    let base = CompanyInput {
        name: "Bäckerei Schmidt GmbH".into(),
        is_controller: true,
        ..Default::default()
    };

    for (input, expected) in [
        (
            CompanyInput {
                name: "  ".into(),
                ..base.clone()
            },
            ("company_name", "required"),
        ),
        (
            CompanyInput {
                vat_id: "123456789".into(),
                ..base.clone()
            },
            ("vat_id", "country"),
        ),
        (
            CompanyInput {
                vat_id: "DE123456789".into(),
                ..base.clone()
            },
            ("vat_id", "check_digit"),
        ),
        (
            CompanyInput {
                email: "info@schmidt".into(),
                ..base.clone()
            },
            ("email", "format"),
        ),
        (
            CompanyInput {
                is_controller: false,
                ..base.clone()
            },
            ("company_role", "required"),
        ),
    ] {
        assert_eq!(
            rule_of(desk.create_company(&mut admin, tenant, &input).unwrap_err()),
            expected
        );
    }
    assert!(
        desk.companies(&mut admin, tenant).unwrap().is_empty(),
        "refused input stores nothing"
    );

    // Every refused field at once, each named, so one save shows them all.
    let err = desk
        .create_company(
            &mut admin,
            tenant,
            &CompanyInput {
                vat_id: "DE12".into(),
                email: "info@schmidt".into(),
                dpo: dpo_desk_core::domain::companies::DesignatedDpo {
                    email: "dsb@".into(),
                    ..Default::default()
                },
                ..base.clone()
            },
        )
        .unwrap_err();
    let problems: Vec<(String, String)> = err
        .payload()
        .problems
        .into_iter()
        .map(|p| (p.field, p.rule))
        .collect();
    assert_eq!(
        problems,
        [
            ("vat_id".to_string(), "format".to_string()),
            ("email".into(), "format".into()),
            ("dpo_email".into(), "format".into()),
        ]
    );
    assert_eq!(err.params()["example"], "DE136695976");

    let company = desk
        .create_company(
            &mut admin,
            tenant,
            &CompanyInput {
                vat_id: "de 136 695 976".into(),
                email: " info@schmidt.de ".into(),
                ..base.clone()
            },
        )
        .unwrap();
    assert_eq!(
        (company.data.vat_id.as_str(), company.data.email.as_str()),
        ("DE136695976", "info@schmidt.de"),
        "trimmed, the VAT ID without spaces"
    );
    f.clock.advance(chrono::Duration::minutes(5));
    let moved = desk
        .update_company(
            &mut admin,
            company.id,
            &CompanyInput {
                city: "Köln".into(),
                ..company.data.clone()
            },
        )
        .unwrap();
    assert_eq!(moved.data.city, "Köln");
    assert!(moved.updated_at > company.updated_at);
    let entry = desk.audit_log(&mut admin, 1, None).unwrap().remove(0);
    assert_eq!(
        (entry.action.as_str(), entry.object_type.as_str()),
        ("update", "company")
    );
    assert_eq!(entry.old_value.unwrap()["city"], "");
    assert_eq!(entry.new_value.unwrap()["city"], "Köln");
}

#[test]
fn areas_are_unique_per_company_and_activities_need_a_name_and_an_active_editor() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = desk
        .create_tenant(&mut admin, "Bäckerei Schmidt GmbH", false)
        .unwrap()
        .id;
    let company = desk
        .create_company(
            &mut admin,
            tenant,
            &CompanyInput {
                name: "Schmidt".into(),
                is_controller: true,
                ..Default::default()
            },
        )
        .unwrap();
    let area = desk
        .create_area(
            &mut admin,
            &AreaInput {
                company_id: company.id,
                name: "Personal".into(),
                description: String::new(),
            },
        )
        .unwrap();
    let again = desk.create_area(
        &mut admin,
        &AreaInput {
            company_id: company.id,
            name: "PERSONAL".into(),
            description: String::new(),
        },
    );
    assert_eq!(rule_of(again.unwrap_err()), ("area_name", "taken"));

    let input = |name: &str, editor: Option<i64>| ActivityInput {
        status: ActivityStatus::InReview,
        responsible: "Frau Schmidt".into(),
        editor_id: editor,
        purposes: "Lohn- und Gehaltsabrechnung (100% korrekt)".into(),
        ..ActivityInput::new(area.id, name)
    };
    assert_eq!(
        rule_of(
            desk.create_activity(&mut admin, &input(" ", None))
                .unwrap_err()
        ),
        ("activity_name", "required")
    );
    assert_eq!(
        rule_of(
            desk.create_activity(&mut admin, &input("Lohn", Some(999)))
                .unwrap_err()
        ),
        ("editor", "unknown")
    );
    let owner_id = desk.users(&mut admin).unwrap()[0].id;
    let activity = desk
        .create_activity(&mut admin, &input("Lohnabrechnung", Some(owner_id)))
        .unwrap();
    assert_eq!(activity.editor_name.as_deref(), Some(OWNER));
    assert_eq!(
        (activity.company_name.as_str(), activity.area_name.as_str()),
        ("Schmidt", "Personal")
    );

    let found = |desk: &mut dpo_desk_core::Desk, s: &mut dpo_desk_core::Session, q: &str| {
        desk.activities(s, tenant, Some(q))
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        found(&mut desk, &mut admin, "gehalt"),
        vec!["Lohnabrechnung"],
        "case-insensitive, in the purposes"
    );
    assert_eq!(
        found(&mut desk, &mut admin, "100%"),
        vec!["Lohnabrechnung"],
        "% is a character, not a wildcard"
    );
    assert!(
        found(&mut desk, &mut admin, "1_0").is_empty(),
        "_ is a character, not a wildcard"
    );
    assert_eq!(
        found(&mut desk, &mut admin, "schmidt"),
        vec!["Lohnabrechnung"],
        "the responsible person"
    );
}

#[test]
fn search_finds_parts_of_german_compound_words_and_names_where_a_hit_lives() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = desk
        .create_tenant(&mut admin, "Autohaus Weber KG", false)
        .unwrap()
        .id;
    let company = desk
        .create_company(
            &mut admin,
            tenant,
            &CompanyInput {
                name: "Autohaus Weber KG".into(),
                is_controller: true,
                ..Default::default()
            },
        )
        .unwrap();
    let area = desk
        .create_area(
            &mut admin,
            &AreaInput {
                company_id: company.id,
                name: "Vertrieb".into(),
                description: String::new(),
            },
        )
        .unwrap();
    for name in [
        "Videoüberwachung Werkstatt",
        "Website mit Kontaktformular",
        "IT-Betrieb",
    ] {
        desk.create_activity(&mut admin, &ActivityInput::new(area.id, name))
            .unwrap();
    }
    let titles = |desk: &mut dpo_desk_core::Desk, s: &mut dpo_desk_core::Session, q: &str| {
        desk.search(s, tenant, q)
            .unwrap()
            .into_iter()
            .map(|h| h.title)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        titles(&mut desk, &mut admin, "überwachung"),
        ["Videoüberwachung Werkstatt"],
        "inside a compound"
    );
    assert_eq!(
        titles(&mut desk, &mut admin, "UEBERWACHUNG"),
        Vec::<String>::new(),
        "a transcription is another word"
    );
    assert_eq!(
        titles(&mut desk, &mut admin, "uberwachung"),
        ["Videoüberwachung Werkstatt"],
        "without the umlaut"
    );
    assert_eq!(
        titles(&mut desk, &mut admin, "formular"),
        ["Website mit Kontaktformular"]
    );
    assert_eq!(
        titles(&mut desk, &mut admin, "IT"),
        ["Italy", "IT-Betrieb"],
        "shorter terms match word beginnings (Italy's code is IT), not inside words (Website)"
    );
    let hit = desk
        .search(&mut admin, tenant, "formular")
        .unwrap()
        .remove(0);
    assert_eq!(hit.place, "Vertrieb · Autohaus Weber KG");
    assert!(hit.snippet.contains('«'), "{}", hit.snippet);

    // The list's own search uses the same indexes, and an edit is found at once.
    let rows = desk
        .activities(&mut admin, tenant, Some("werkstatt"))
        .unwrap();
    assert_eq!(rows.len(), 1);
    let mut changed = desk.activity(&mut admin, rows[0].id).unwrap();
    changed.data.name = "Kameraüberwachung Hof".into();
    desk.update_activity(&mut admin, changed.id, &changed.data)
        .unwrap();
    assert_eq!(
        titles(&mut desk, &mut admin, "kamera"),
        ["Kameraüberwachung Hof"]
    );
    assert!(titles(&mut desk, &mut admin, "werkstatt").is_empty());
}

#[test]
fn the_audit_log_reads_as_field_changes_in_words_with_names_and_filters_and_exports() {
    use dpo_desk_core::domain::activities::ActivityLink;
    use dpo_desk_core::domain::master_data::MasterKind;
    use dpo_desk_core::services::audit_log::AuditFilter;
    use dpo_desk_core::services::exports::ExportFormat;
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = desk
        .create_tenant(&mut admin, "Bäckerei Schmidt GmbH", false)
        .unwrap()
        .id;
    let company = desk
        .create_company(
            &mut admin,
            tenant,
            &CompanyInput {
                name: "Schmidt".into(),
                is_controller: true,
                ..Default::default()
            },
        )
        .unwrap();
    let area = desk
        .create_area(
            &mut admin,
            &AreaInput {
                company_id: company.id,
                name: "Personal".into(),
                description: String::new(),
            },
        )
        .unwrap();
    let activity = desk
        .create_activity(&mut admin, &ActivityInput::new(area.id, "Lohnabrechnung"))
        .unwrap();
    let contract = desk
        .master_items(&mut admin, tenant, MasterKind::LegalBasis)
        .unwrap()
        .into_iter()
        .find(|i| i.data.code.contains("6") && i.data.code.contains("b"))
        .expect("the catalogue's Art. 6(1)(b)");
    let owner_id = desk.users(&mut admin).unwrap()[0].id;
    f.clock.advance(chrono::Duration::days(2));
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let mut changed = activity.data.clone();
    changed.status = ActivityStatus::Active;
    changed.editor_id = Some(owner_id);
    changed.links = vec![ActivityLink {
        item_id: contract.id,
        detail: String::new(),
    }];
    desk.update_activity(&mut admin, activity.id, &changed)
        .unwrap();

    let updates = desk
        .audit_lines(
            &mut admin,
            &AuditFilter {
                object_type: Some("processing_activity".into()),
                action: Some("update".into()),
                ..Default::default()
            },
            50,
            None,
        )
        .unwrap();
    assert_eq!(updates.len(), 1);
    let line = &updates[0];
    assert_eq!(
        (
            line.action_label.as_str(),
            line.object_label.as_str(),
            line.object_name.as_str()
        ),
        ("changed", "Processing activity", "Lohnabrechnung")
    );
    let change = |label: &str| {
        line.changes
            .iter()
            .find(|c| c.label == label)
            .unwrap_or_else(|| panic!("no {label} in {:?}", line.changes))
            .change
            .clone()
    };
    assert_eq!(change("Status"), "Draft → Active");
    assert_eq!(change("Editor"), format!("— → {OWNER}"));
    assert_eq!(change("Legal bases"), format!("+ {}", contract.data.name));
    assert!(
        line.changes.iter().all(|c| !c.change.contains("item_id")),
        "no internal ids: {:?}",
        line.changes
    );

    // Search, user and date range narrow it in SQL.
    let count = |desk: &mut dpo_desk_core::Desk, s: &mut dpo_desk_core::Session, filter| {
        desk.audit_lines(s, &filter, 1000, None).unwrap().len()
    };
    assert!(
        count(
            &mut desk,
            &mut admin,
            AuditFilter {
                text: Some("lohnabrechnung".into()),
                ..Default::default()
            }
        ) >= 2,
        "created and changed"
    );
    assert_eq!(
        count(
            &mut desk,
            &mut admin,
            AuditFilter {
                user: Some("Someone Else".into()),
                ..Default::default()
            }
        ),
        0
    );
    use dpo_desk_core::kernel::clock::Clock;
    let today = f.clock.now().date_naive();
    assert_eq!(
        count(
            &mut desk,
            &mut admin,
            AuditFilter {
                from: Some(today),
                to: Some(today),
                object_type: Some("processing_activity".into()),
                ..Default::default()
            }
        ),
        1,
        "only today's change, not the creation two days before"
    );
    let choices = desk.audit_choices(&mut admin).unwrap();
    assert!(choices
        .object_types
        .contains(&("processing_activity".into(), "Processing activity".into())));
    assert!(choices.users.contains(&OWNER.to_string()));

    let csv = desk
        .export_audit_log(
            &mut admin,
            &AuditFilter {
                object_type: Some("processing_activity".into()),
                ..Default::default()
            },
            ExportFormat::Csv,
        )
        .unwrap();
    let text = String::from_utf8(csv.bytes).unwrap();
    assert!(
        text.trim_start_matches('\u{feff}')
            .starts_with("Time,User,Action,Kind of record,Record,Field,Change"),
        "{text}"
    );
    assert!(text.contains("Status,Draft → Active"), "{text}");
}
