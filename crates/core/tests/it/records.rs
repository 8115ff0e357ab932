//! Companies, areas and processing activities: validation, updates with their audit
//! entries, and search.

use crate::common::*;
use dpo_desk_core::domain::activities::{ActivityInput, ActivityStatus};
use dpo_desk_core::domain::areas::AreaInput;
use dpo_desk_core::domain::companies::CompanyInput;
use dpo_desk_core::kernel::vocabulary::ObjectType;
use dpo_desk_core::services::data_copy::CopyRequest;
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
fn search_keeps_to_the_chosen_tenant_and_never_matches_the_tenant_itself() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut admin = desk.sign_in(OWNER, PASSWORD).unwrap();
    let mut tenants = Vec::new();
    // Three tenants with the same kind of record; no search of one may reach another (ids
    // that share digits, 1 / 12 / 112, are covered in store::search_index).
    for name in ["Autohaus Weber KG", "Bäckerei Schmidt", "Praxis Dr. Lang"] {
        let tenant = desk.create_tenant(&mut admin, name, false).unwrap().id;
        let (_, area) = company_with_area(&mut desk, &mut admin, tenant, name, "Personal");
        desk.create_activity(
            &mut admin,
            &ActivityInput::new(area, &format!("Videoüberwachung {name}")),
        )
        .unwrap();
        tenants.push(tenant);
    }
    for (i, tenant) in tenants.iter().enumerate() {
        let hits = desk.search(&mut admin, *tenant, "überwachung").unwrap();
        assert_eq!(hits.len(), 1, "tenant {tenant}: {hits:?}");
        assert!(hits[0]
            .title
            .ends_with(["Autohaus Weber KG", "Bäckerei Schmidt", "Praxis Dr. Lang"][i]));
        let hits = desk.search(&mut admin, *tenant, "Vi").unwrap();
        let activities = hits
            .iter()
            .filter(|h| h.object_type == ObjectType::ProcessingActivity)
            .count();
        assert_eq!(activities, 1, "short terms too, tenant {tenant}: {hits:?}");
        let rows = desk.activities(&mut admin, *tenant, Some("video")).unwrap();
        assert_eq!(rows.len(), 1, "the list's search, tenant {tenant}");

        // What marks the tenant in the index is not something a person can find.
        for typed in [
            tenant.to_string(),
            format!("<{tenant}>"),
            "tenant".to_string(),
        ] {
            // (The seeded legal bases do contain digits: "Art. 6(1)".)
            let hits = desk.search(&mut admin, *tenant, &typed).unwrap();
            assert!(
                hits.iter()
                    .all(|h| h.object_type != ObjectType::ProcessingActivity),
                "{typed:?} in tenant {tenant}: {hits:?}"
            );
            assert!(
                desk.activities(&mut admin, *tenant, Some(&typed))
                    .unwrap()
                    .is_empty(),
                "{typed:?} in the list of tenant {tenant}"
            );
        }
    }

    // A record copied to another tenant is found there, under that tenant only.
    let source = desk.activities(&mut admin, tenants[0], None).unwrap()[0].id;
    desk.copy_to_tenants(
        &mut admin,
        &CopyRequest {
            object: ObjectType::ProcessingActivity,
            ids: vec![source],
            targets: vec![tenants[2]],
            parent: None,
        },
    )
    .unwrap();
    assert_eq!(
        desk.search(&mut admin, tenants[2], "Weber").unwrap().len(),
        1,
        "the copy, in its new tenant"
    );
    assert_eq!(
        desk.search(&mut admin, tenants[1], "Weber").unwrap().len(),
        0
    );
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

#[test]
fn the_activity_list_comes_in_windows_of_one_order_over_the_whole_filtered_set() {
    use dpo_desk_core::domain::activities::{
        ActivityQuery, ActivitySortColumn, DpiaCheckFilter, MAX_WINDOW,
    };
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei Fenster").desk;
    let mut owner = desk.sign_in(OWNER, PASSWORD).unwrap();
    let doc = dpo_desk_core::services::demo::tenant_with_companies(7, 0, 3, 1_300);
    let tenant = desk.import_tenant(&mut owner, &doc).unwrap().id;
    let everything = desk.activities(&mut owner, tenant, None).unwrap();
    assert_eq!(everything.len(), 1_300);

    // Windows of 500 put together are the whole list in the core's name order.
    let query = ActivityQuery::default();
    let mut joined = Vec::new();
    let mut offset = 0;
    loop {
        let window = desk
            .activity_window(&mut owner, tenant, &query, offset, 500)
            .unwrap();
        assert_eq!(window.total, 1_300);
        assert_eq!(window.offset, offset);
        if window.rows.is_empty() {
            break;
        }
        offset += window.rows.len() as u32;
        joined.extend(window.rows);
    }
    assert_eq!(
        joined.iter().map(|a| a.id).collect::<Vec<_>>(),
        everything.iter().map(|a| a.id).collect::<Vec<_>>()
    );
    assert_eq!(
        desk.activity_ids(&mut owner, tenant, &query).unwrap(),
        everything.iter().map(|a| a.id).collect::<Vec<_>>()
    );
    // A window never holds more than its bound, however many are asked for.
    let big = desk
        .activity_window(&mut owner, tenant, &query, 0, 100_000)
        .unwrap();
    assert_eq!(big.rows.len(), MAX_WINDOW as usize);

    // Status filter and a descending sort by the last change run on the whole set.
    let active = ActivityQuery {
        status: Some(ActivityStatus::Active),
        sort: ActivitySortColumn::Updated,
        descending: true,
        ..Default::default()
    };
    let expected: Vec<_> = everything
        .iter()
        .filter(|a| a.status == ActivityStatus::Active)
        .collect();
    assert!(!expected.is_empty() && expected.len() < 1_300);
    let ids = desk.activity_ids(&mut owner, tenant, &active).unwrap();
    assert_eq!(ids.len(), expected.len());
    let last = desk
        .activity_window(&mut owner, tenant, &active, ids.len() as u32 - 3, 50)
        .unwrap();
    assert_eq!(last.total as usize, expected.len());
    assert_eq!(
        last.rows.iter().map(|a| a.id).collect::<Vec<_>>(),
        ids[ids.len() - 3..].to_vec(),
        "the last window ends with the last row"
    );
    let times: Vec<_> = desk
        .activity_window(&mut owner, tenant, &active, 0, 1_000)
        .unwrap()
        .rows
        .iter()
        .map(|a| a.updated_at)
        .collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");

    // Search runs in the core's index; the activities not yet checked are those without a verdict.
    let name = &everything[17].name;
    let word = name.split_whitespace().max_by_key(|w| w.len()).unwrap();
    let found = desk
        .activity_window(
            &mut owner,
            tenant,
            &ActivityQuery {
                search: Some(word.to_string()),
                ..Default::default()
            },
            0,
            1_000,
        )
        .unwrap();
    assert!(
        found.total >= 1 && found.total < 1_300,
        "{word}: {}",
        found.total
    );
    assert!(found.rows.iter().any(|a| &a.name == name));
    let unchecked = desk
        .activity_ids(
            &mut owner,
            tenant,
            &ActivityQuery {
                dpia_check: Some(DpiaCheckFilter::NotChecked),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        unchecked.len(),
        everything.iter().filter(|a| a.dpia_check.is_none()).count()
    );

    // Sorted by status, the drafts come first and the inactive last.
    let by_status = desk
        .activity_ids(
            &mut owner,
            tenant,
            &ActivityQuery {
                sort: ActivitySortColumn::Status,
                ..Default::default()
            },
        )
        .unwrap();
    let status_of = |id: i64| everything.iter().find(|a| a.id == id).unwrap().status;
    let ranks: Vec<_> = by_status
        .iter()
        .map(|id| {
            [
                ActivityStatus::Draft,
                ActivityStatus::InReview,
                ActivityStatus::Active,
                ActivityStatus::Inactive,
            ]
            .iter()
            .position(|s| *s == status_of(*id))
            .unwrap()
        })
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn every_column_sorts_the_whole_list_both_ways_and_windows_follow_that_order() {
    use dpo_desk_core::domain::activities::{ActivityQuery, ActivitySortColumn};
    use strum::VariantArray;
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei Fenster").desk;
    let mut owner = desk.sign_in(OWNER, PASSWORD).unwrap();
    let doc = dpo_desk_core::services::demo::tenant_with_companies(3, 0, 2, 120);
    let tenant = desk.import_tenant(&mut owner, &doc).unwrap().id;
    for sort in ActivitySortColumn::VARIANTS {
        for descending in [false, true] {
            let query = ActivityQuery {
                sort: *sort,
                descending,
                ..Default::default()
            };
            let ids = desk
                .activity_ids(&mut owner, tenant, &query)
                .unwrap_or_else(|e| panic!("{sort:?} {descending}: {e}"));
            assert_eq!(ids.len(), 120, "{sort:?}");
            let mut windows = Vec::new();
            for offset in [0, 50, 100] {
                let window = desk
                    .activity_window(&mut owner, tenant, &query, offset, 50)
                    .unwrap_or_else(|e| panic!("{sort:?} {descending}: {e}"));
                windows.extend(window.rows.into_iter().map(|a| a.id));
            }
            assert_eq!(windows, ids, "{sort:?} descending={descending}");
        }
    }
}

#[test]
fn an_activity_window_shows_only_what_the_user_may_see() {
    use dpo_desk_core::domain::activities::ActivityQuery;
    use dpo_desk_core::kernel::vocabulary::{ObjectType, Right};
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei Fenster").desk;
    let mut owner = desk.sign_in(OWNER, PASSWORD).unwrap();
    let doc = dpo_desk_core::services::demo::tenant_with_companies(7, 0, 1, 40);
    let tenant = desk.import_tenant(&mut owner, &doc).unwrap().id;
    let other = desk.import_tenant(&mut owner, &doc).unwrap().id;
    let mut staff = staff_user(
        &mut desk,
        &mut owner,
        "lena",
        "Fenster-Passwort-2026!",
        &[(ObjectType::ProcessingActivity, Right::View)],
        vec![tenant],
    );
    let query = ActivityQuery::default();
    assert_eq!(
        desk.activity_window(&mut staff, tenant, &query, 0, 100)
            .unwrap()
            .total,
        40
    );
    assert!(desk
        .activity_window(&mut staff, other, &query, 0, 100)
        .is_err());
    assert!(desk.activity_ids(&mut staff, other, &query).is_err());
}
