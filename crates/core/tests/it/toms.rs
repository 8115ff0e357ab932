//! TOMs (SPEC §5): the catalogue every tenant receives, the seed's three steps for a
//! company, reviews with their history, links to activities from both sides, copies within
//! and across tenants, the trash, tenant files and backup modules.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::common::*;
use dpo_desk_core::access::roles::{Grant, RoleDefinition};
use dpo_desk_core::access::users::NewUser;
use dpo_desk_core::access::visibility::{Restriction, VisibilityRule};
use dpo_desk_core::domain::activities::ActivityInput;
use dpo_desk_core::domain::areas::AreaInput;
use dpo_desk_core::domain::companies::CompanyInput;
use dpo_desk_core::domain::toms::{
    ProtectionType, ReviewInput, TomCopyTarget, TomField, TomFilter, TomInput, TomStatus,
};
use dpo_desk_core::kernel::vocabulary::{ObjectType, Right};
use dpo_desk_core::services::backup::BackupModule;
use dpo_desk_core::services::exports::ExportFormat;
use dpo_desk_core::{Desk, Session};

struct Office {
    f: Fixture,
    desk: Desk,
    owner: Session,
    tenant: i64,
    company: i64,
    area: i64,
}

fn office() -> Office {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei Sicher").desk;
    let mut owner = desk.sign_in(OWNER, PASSWORD).unwrap();
    desk.set_language(&mut owner, "de").unwrap();
    let tenant = desk
        .create_tenant(&mut owner, "Bäckerei Schmidt", false)
        .unwrap()
        .id;
    let company = company(&mut desk, &mut owner, tenant, "Bäckerei Schmidt GmbH");
    let area = desk
        .create_area(
            &mut owner,
            &AreaInput {
                company_id: company,
                name: "Personal".into(),
                description: String::new(),
            },
        )
        .unwrap()
        .id;
    Office {
        f,
        desk,
        owner,
        tenant,
        company,
        area,
    }
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

fn all(o: &mut Office) -> Vec<dpo_desk_core::domain::toms::TomRow> {
    o.desk
        .toms(&mut o.owner, o.tenant, &TomFilter::default())
        .unwrap()
}

fn review(on: Option<NaiveDate>, result: &str) -> ReviewInput {
    ReviewInput {
        reviewed_on: on,
        reviewer: String::new(),
        result: result.into(),
        next_review: None,
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_new_tenant_starts_with_the_whole_catalogue_in_review_in_the_creators_language() {
    let mut o = office();
    let toms = all(&mut o);
    assert!(toms.len() >= 94, "{} measures", toms.len());
    for t in ProtectionType::ALL {
        assert!(toms.iter().any(|m| m.protection_type == *t), "{t} is used");
    }
    assert!(toms
        .iter()
        .all(|m| m.status == TomStatus::InReview && !m.own));
    assert!(toms.iter().all(|m| m.company_ids.is_empty()));
    // Grouped in the seed's order of protection types.
    let order: Vec<usize> = toms
        .iter()
        .map(|m| {
            ProtectionType::ALL
                .iter()
                .position(|t| *t == m.protection_type)
                .unwrap()
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    let first = o.desk.tom(&mut o.owner, toms[0].id).unwrap().tom;
    assert!(first.catalogue_key.is_some());
    assert!(!first.data.description.is_empty() && !first.data.art32.is_empty());
    assert!(
        toms.iter()
            .any(|m| m.title.contains('ü') || m.title.contains('ä') || m.title.contains('ß')),
        "German titles for a German-speaking creator"
    );

    o.desk.set_language(&mut o.owner, "en").unwrap();
    let english = o
        .desk
        .create_tenant(&mut o.owner, "Bakery Ltd", false)
        .unwrap()
        .id;
    let en = o
        .desk
        .toms(&mut o.owner, english, &TomFilter::default())
        .unwrap();
    assert_eq!(en.len(), toms.len());
    assert_ne!(en[0].title, toms[0].title, "English titles");
}

#[test]
fn a_dpo_adopts_measures_for_a_company_in_the_seeds_three_steps() {
    let mut o = office();
    let other = company(&mut o.desk, &mut o.owner, o.tenant, "Filiale Nord GmbH");
    let toms = all(&mut o);
    let ten: Vec<i64> = toms.iter().take(10).map(|t| t.id).collect();
    // Step 1: mark ten as valid for the company at once; deactivate three that do not apply.
    let changed = o
        .desk
        .mass_change_toms(&mut o.owner, &ten, &TomField::ValidFor(o.company))
        .unwrap();
    assert_eq!(changed, 10);
    let three: Vec<i64> = toms.iter().skip(10).take(3).map(|t| t.id).collect();
    o.desk
        .mass_change_toms(&mut o.owner, &three, &TomField::Status(TomStatus::Inactive))
        .unwrap();
    let valid = o
        .desk
        .toms(
            &mut o.owner,
            o.tenant,
            &TomFilter {
                company_id: Some(o.company),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(valid.iter().map(|t| t.id).collect::<Vec<_>>(), ten);
    assert_eq!(valid[0].company_names, vec!["Bäckerei Schmidt GmbH"]);
    let inactive = o
        .desk
        .toms(
            &mut o.owner,
            o.tenant,
            &TomFilter {
                status: Some(TomStatus::Inactive),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(inactive.len(), 3);

    // Step 2: describe one and set its next review; step 3: set it active.
    let mut one = o.desk.tom(&mut o.owner, ten[0]).unwrap().tom.data;
    one.implementation = "Transponder für alle Türen, Ausgabe im Büro der Geschäftsführung".into();
    one.next_review = Some(day(2027, 1, 15));
    one.company_ids.push(other);
    one.status = TomStatus::Active;
    let saved = o.desk.update_tom(&mut o.owner, ten[0], &one).unwrap();
    assert_eq!(saved.data.status, TomStatus::Active);
    assert_eq!(saved.data.next_review, Some(day(2027, 1, 15)));
    assert_eq!(saved.companies.len(), 2);

    // Own measures.
    let own = o
        .desk
        .create_tom(
            &mut o.owner,
            &TomInput {
                company_ids: vec![o.company],
                ..TomInput::new(
                    o.tenant,
                    ProtectionType::Separation,
                    "Getrennte Kassensysteme je Filiale",
                )
            },
        )
        .unwrap();
    let rows = all(&mut o);
    let row = rows.iter().find(|r| r.id == own.id).unwrap();
    assert!(row.own && row.status == TomStatus::InReview);
}

#[test]
fn bad_input_is_refused_with_a_clear_error_and_changes_nothing() {
    let mut o = office();
    let other_tenant = o
        .desk
        .create_tenant(&mut o.owner, "Autohaus Weber", false)
        .unwrap()
        .id;
    let foreign = company(&mut o.desk, &mut o.owner, other_tenant, "Weber KG");
    let before = all(&mut o);
    let err = o
        .desk
        .create_tom(
            &mut o.owner,
            &TomInput::new(o.tenant, ProtectionType::Input, "   "),
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "tom_title: a measure needs a title");
    let mut input = TomInput::new(o.tenant, ProtectionType::Input, "Protokolle");
    input.company_ids = vec![foreign];
    let err = o.desk.create_tom(&mut o.owner, &input).unwrap_err();
    assert!(err.to_string().contains("another tenant"), "{err}");
    let err = o
        .desk
        .mass_change_toms(&mut o.owner, &[before[0].id], &TomField::ValidFor(foreign))
        .unwrap_err();
    assert_eq!(err.code(), "validation");
    assert_eq!(all(&mut o), before, "nothing changed");
}

#[test]
fn reviews_keep_their_history_and_move_the_next_review_one_year_on() {
    let mut o = office();
    let id = all(&mut o)[0].id;
    // The clock stands at 2026-03-02.
    let t = o
        .desk
        .review_tom(&mut o.owner, id, &review(Some(day(2026, 2, 20)), "wirksam"))
        .unwrap();
    assert_eq!(t.data.next_review, Some(day(2027, 2, 20)), "one year later");
    assert_eq!(t.reviews[0].reviewer, OWNER);
    let t = o
        .desk
        .review_tom(
            &mut o.owner,
            id,
            &ReviewInput {
                reviewed_on: None,
                reviewer: "IT-Leiter Braun".into(),
                result: "Schlüsselbuch ergänzt".into(),
                next_review: Some(day(2026, 9, 1)),
            },
        )
        .unwrap();
    assert_eq!(t.data.next_review, Some(day(2026, 9, 1)));
    assert_eq!(t.reviews.len(), 2, "the history stays");
    assert_eq!(
        t.reviews[0].reviewed_on,
        day(2026, 3, 2),
        "today by default"
    );
    assert_eq!(t.reviews[0].reviewer, "IT-Leiter Braun");

    for (input, rule) in [
        (review(Some(day(2026, 2, 1)), "zu früh"), "before_last"),
        (review(None, "  "), "required"),
        (review(Some(day(2026, 3, 3)), "morgen"), "future"),
        (
            ReviewInput {
                next_review: Some(day(2026, 3, 1)),
                ..review(None, "x")
            },
            "before_review",
        ),
    ] {
        let err = o.desk.review_tom(&mut o.owner, id, &input).unwrap_err();
        let dpo_desk_core::CoreError::Validation { rule: got, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!(*got, rule, "{err}");
    }
    let after = o.desk.tom(&mut o.owner, id).unwrap().tom;
    assert_eq!(after.reviews.len(), 2, "refused reviews left nothing");
    assert_eq!(after.data.next_review, Some(day(2026, 9, 1)));
}

#[test]
fn reviews_due_within_thirty_days_or_overdue_show_on_the_dashboard_and_in_the_filter() {
    let mut o = office();
    let toms = all(&mut o);
    let set = |o: &mut Office, id: i64, date: NaiveDate| {
        o.desk
            .mass_change_toms(&mut o.owner, &[id], &TomField::NextReview(Some(date)))
            .unwrap();
    };
    set(&mut o, toms[0].id, day(2026, 2, 1)); // overdue
    set(&mut o, toms[1].id, day(2026, 3, 20)); // due within 30 days
    set(&mut o, toms[2].id, day(2026, 4, 2)); // due in 31 days: not yet
    let due = o.desk.due_tom_reviews(&mut o.owner, 10).unwrap();
    assert_eq!(due.total, 2);
    assert_eq!(
        due.items
            .iter()
            .map(|d| (d.id, d.overdue))
            .collect::<Vec<_>>(),
        vec![(toms[0].id, true), (toms[1].id, false)]
    );
    assert_eq!(due.items[0].tenant_name, "Bäckerei Schmidt");
    let filtered = o
        .desk
        .toms(
            &mut o.owner,
            o.tenant,
            &TomFilter {
                review_due: true,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(filtered.len(), 2);
    o.f.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 3, 4, 9, 0, 0).unwrap());
    o.owner = o.desk.sign_in(OWNER, PASSWORD).unwrap();
    assert_eq!(o.desk.due_tom_reviews(&mut o.owner, 10).unwrap().total, 3);
}

#[test]
fn a_tom_linked_to_an_activity_shows_on_both_sides_and_deleting_it_needs_confirmation() {
    let mut o = office();
    let toms = all(&mut o);
    let activity = o
        .desk
        .create_activity(
            &mut o.owner,
            &ActivityInput {
                tom_ids: vec![toms[0].id],
                ..ActivityInput::new(o.area, "Lohnabrechnung")
            },
        )
        .unwrap();
    assert_eq!(activity.toms.len(), 1);
    assert_eq!(activity.toms[0].title, toms[0].title);
    let detail = o.desk.tom(&mut o.owner, toms[0].id).unwrap();
    assert_eq!(detail.activities.len(), 1);
    assert_eq!(detail.activities[0].name, "Lohnabrechnung");

    // From the measure's side.
    let linked = o
        .desk
        .link_tom_activities(&mut o.owner, toms[1].id, &[activity.id])
        .unwrap();
    assert_eq!(linked[0].id, activity.id);
    let a = o.desk.activity(&mut o.owner, activity.id).unwrap();
    assert_eq!(a.data.tom_ids.len(), 2);
    assert_eq!(all(&mut o)[1].activity_count, 1);

    let err = o
        .desk
        .delete_toms(&mut o.owner, &[toms[0].id], false)
        .unwrap_err();
    assert_eq!(err.code(), "in_use");
    assert!(err.to_string().contains("Lohnabrechnung"));
    assert_eq!(all(&mut o).len(), toms.len(), "refused: nothing deleted");
    let entry = o
        .desk
        .delete_toms(&mut o.owner, &[toms[0].id], true)
        .unwrap()[0];
    let a = o.desk.activity(&mut o.owner, activity.id).unwrap();
    assert_eq!(a.toms.len(), 1, "the link went with the measure");
    // Saving the activity meanwhile keeps the link of the measure in the trash.
    o.desk
        .update_activity(&mut o.owner, activity.id, &a.data)
        .unwrap();
    o.desk.restore_from_trash(&mut o.owner, entry).unwrap();
    let a = o.desk.activity(&mut o.owner, activity.id).unwrap();
    assert_eq!(a.toms.len(), 2, "the restore brought the link back");
}

#[test]
fn a_link_to_an_activity_the_user_cannot_see_is_refused() {
    let mut o = office();
    let toms = all(&mut o);
    let hidden = o
        .desk
        .create_activity(
            &mut o.owner,
            &ActivityInput::new(o.area, "Videoüberwachung"),
        )
        .unwrap();
    let mut grants = Vec::new();
    for right in [Right::View, Right::Edit] {
        for object in [ObjectType::Tom, ObjectType::ProcessingActivity] {
            grants.push(Grant { object, right });
        }
    }
    o.desk
        .create_role(
            &mut o.owner,
            &RoleDefinition {
                name: "TOM-Pflege".into(),
                grants,
                hidden_menus: vec![],
                visibility: vec![VisibilityRule {
                    object: ObjectType::ProcessingActivity,
                    restriction: Restriction::OwnRecords,
                }],
            },
        )
        .unwrap();
    o.desk
        .create_user(
            &mut o.owner,
            &NewUser {
                name: "Ben Braun".into(),
                is_admin: false,
                roles: vec!["TOM-Pflege".into()],
                tenants: vec![o.tenant],
                password: Some("Mitarbeiter-2026!".into()),
            },
        )
        .unwrap();
    let mut staff = o.desk.sign_in("Ben Braun", "Mitarbeiter-2026!").unwrap();
    let err = o
        .desk
        .link_tom_activities(&mut staff, toms[0].id, &[hidden.id])
        .unwrap_err();
    assert!(err.to_string().contains("no processing activity"), "{err}");
    assert!(o
        .desk
        .tom(&mut o.owner, toms[0].id)
        .unwrap()
        .activities
        .is_empty());
}

#[test]
fn copies_within_the_tenant_and_into_another_tenant_with_the_company_chosen_there() {
    let mut o = office();
    let toms = all(&mut o);
    let five: Vec<i64> = toms.iter().take(5).map(|t| t.id).collect();
    o.desk
        .mass_change_toms(&mut o.owner, &five, &TomField::Status(TomStatus::Active))
        .unwrap();
    let copies = o
        .desk
        .copy_toms(&mut o.owner, &five[..1], " (Kopie)")
        .unwrap();
    let copy = o.desk.tom(&mut o.owner, copies[0]).unwrap().tom;
    assert_eq!(copy.data.title, format!("{} (Kopie)", toms[0].title));
    assert_eq!(copy.data.status, TomStatus::InReview);

    // Into another tenant: the catalogue is there already, so measures of the same type
    // and title are reused and receive the company; an own one is created.
    let own = o
        .desk
        .create_tom(
            &mut o.owner,
            &TomInput {
                implementation: "Zwei Kassen, zwei Netze".into(),
                ..TomInput::new(o.tenant, ProtectionType::Separation, "Kassennetz getrennt")
            },
        )
        .unwrap();
    let target = o
        .desk
        .create_tenant(&mut o.owner, "Café Sonne", false)
        .unwrap()
        .id;
    let there = company(&mut o.desk, &mut o.owner, target, "Café Sonne GmbH");
    let before = o
        .desk
        .toms(&mut o.owner, target, &TomFilter::default())
        .unwrap()
        .len();
    let mut ids = five.clone();
    ids.push(own.id);
    let result = o
        .desk
        .copy_toms_to_tenant(
            &mut o.owner,
            &ids,
            &TomCopyTarget {
                tenant_id: target,
                company_id: Some(there),
            },
        )
        .unwrap();
    assert_eq!(result.len(), 6);
    let after = o
        .desk
        .toms(
            &mut o.owner,
            target,
            &TomFilter {
                company_id: Some(there),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(after.len(), 6, "all six valid for the chosen company");
    let total = o
        .desk
        .toms(&mut o.owner, target, &TomFilter::default())
        .unwrap()
        .len();
    assert_eq!(
        total,
        before + 1,
        "never duplicated: only the own measure is new"
    );
    let copied_own = o.desk.tom(&mut o.owner, result[5]).unwrap().tom;
    assert_eq!(copied_own.data.implementation, "Zwei Kassen, zwei Netze");
    assert_eq!(copied_own.data.status, TomStatus::InReview);
    assert!(copied_own.reviews.is_empty() && copied_own.data.next_review.is_none());

    // A company of the source tenant is not a place in the target.
    let err = o
        .desk
        .copy_toms_to_tenant(
            &mut o.owner,
            &five,
            &TomCopyTarget {
                tenant_id: target,
                company_id: Some(o.company),
            },
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("not in the target tenant"),
        "{err}"
    );
}

#[test]
fn toms_with_companies_reviews_and_links_travel_in_the_tenant_file_and_export_as_csv() {
    let mut o = office();
    let toms = all(&mut o);
    o.desk
        .mass_change_toms(&mut o.owner, &[toms[0].id], &TomField::ValidFor(o.company))
        .unwrap();
    o.desk
        .review_tom(&mut o.owner, toms[0].id, &review(None, "wirksam"))
        .unwrap();
    o.desk
        .create_activity(
            &mut o.owner,
            &ActivityInput {
                tom_ids: vec![toms[0].id],
                ..ActivityInput::new(o.area, "Lohnabrechnung")
            },
        )
        .unwrap();
    let (doc, _) = o.desk.export_tenant(&mut o.owner, o.tenant).unwrap();
    assert!(doc.version >= 2, "TOMs came with format version 2");
    assert_eq!(doc.toms.len(), toms.len());
    let imported = o.desk.import_tenant(&mut o.owner, &doc).unwrap();
    let copy = o
        .desk
        .toms(&mut o.owner, imported.id, &TomFilter::default())
        .unwrap();
    assert_eq!(copy.len(), toms.len(), "no second catalogue on top");
    assert_eq!(copy[0].company_names, vec!["Bäckerei Schmidt GmbH"]);
    assert_eq!(copy[0].activity_count, 1);
    assert!(copy[0].last_review.is_some());
    let (again, _) = o.desk.export_tenant(&mut o.owner, imported.id).unwrap();
    assert_eq!(again.toms, doc.toms, "the file round-trips");

    // A file from before TOMs existed gets the catalogue.
    let mut old = doc.clone();
    old.version = 1;
    old.toms.clear();
    for c in &mut old.companies {
        for a in &mut c.areas {
            for x in &mut a.activities {
                x.data.tom_ids.clear();
            }
        }
    }
    let from_old = o.desk.import_tenant(&mut o.owner, &old).unwrap();
    assert_eq!(
        o.desk
            .toms(&mut o.owner, from_old.id, &TomFilter::default())
            .unwrap()
            .len(),
        toms.len()
    );

    let csv = o
        .desk
        .export_toms(&mut o.owner, o.tenant, ExportFormat::Csv)
        .unwrap();
    assert!(
        csv.suggested_name.contains("TOMs"),
        "{}",
        csv.suggested_name
    );
    let text = String::from_utf8(csv.bytes).unwrap();
    assert!(
        text.contains("Schutzart") && text.contains("Zutrittskontrolle"),
        "{text:.300}"
    );
    assert!(text.contains("wirksam"));
    assert_eq!(text.lines().count(), toms.len() + 1);
}

#[test]
fn a_toms_module_restore_brings_back_the_backups_measures_and_leaves_the_rest() {
    let mut o = office();
    let toms = all(&mut o);
    o.desk
        .review_tom(&mut o.owner, toms[0].id, &review(None, "wirksam"))
        .unwrap();
    let activity = o
        .desk
        .create_activity(
            &mut o.owner,
            &ActivityInput {
                tom_ids: vec![toms[0].id],
                ..ActivityInput::new(o.area, "Lohnabrechnung")
            },
        )
        .unwrap();
    let folder: PathBuf = o.f.path().join("nas");
    std::fs::create_dir_all(&folder).unwrap();
    let file = o
        .desk
        .create_backup_in(&mut o.owner, &folder, &mut |_, _| {})
        .unwrap();

    // Afterwards: a measure deleted with its link, one renamed, a new one, a new activity.
    o.desk
        .delete_toms(&mut o.owner, &[toms[0].id], true)
        .unwrap();
    let mut renamed = o.desk.tom(&mut o.owner, toms[1].id).unwrap().tom.data;
    renamed.title = "Umbenannt".into();
    o.desk
        .update_tom(&mut o.owner, toms[1].id, &renamed)
        .unwrap();
    o.desk
        .create_tom(
            &mut o.owner,
            &TomInput::new(o.tenant, ProtectionType::Input, "Neu"),
        )
        .unwrap();
    o.desk
        .create_activity(&mut o.owner, &ActivityInput::new(o.area, "Später"))
        .unwrap();

    o.desk
        .restore_backup(
            &mut o.owner,
            &file,
            Some(BackupModule::Toms(o.tenant)),
            &mut |_, _| {},
        )
        .unwrap();
    let now = all(&mut o);
    assert_eq!(now.len(), toms.len());
    assert_eq!(now[1].title, toms[1].title);
    assert!(now
        .iter()
        .all(|t| t.title != "Neu" && t.title != "Umbenannt"));
    let back = o.desk.tom(&mut o.owner, toms[0].id).unwrap();
    assert_eq!(back.tom.reviews.len(), 1, "with its review history");
    assert_eq!(back.activities.len(), 1, "and its link");
    assert_eq!(
        o.desk
            .activity(&mut o.owner, activity.id)
            .unwrap()
            .toms
            .len(),
        1
    );
    assert!(
        o.desk
            .trash(&mut o.owner)
            .unwrap()
            .iter()
            .all(|e| e.object_type != "tom"),
        "the trash entry of the returned measure went"
    );
    let names: Vec<String> = o
        .desk
        .activities(&mut o.owner, o.tenant, None)
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert!(
        names.contains(&"Später".to_string()),
        "the RoPA is untouched"
    );

    let csv_dir = o.f.path().join("csv");
    let files = o
        .desk
        .backup_csv(
            &mut o.owner,
            &file,
            BackupModule::Toms(o.tenant),
            &csv_dir,
            &mut |_, _| {},
        )
        .unwrap();
    assert_eq!(files.len(), 1);
    let csv = std::fs::read_to_string(&files[0]).unwrap();
    assert!(csv.contains(&toms[1].title) && !csv.contains("Umbenannt"));
}

/// Closes the database and opens it again, as the next start of the app does.
fn reopen(o: &mut Office) {
    let placeholder = Fixture::new().setup("Platzhalter").desk;
    drop(std::mem::replace(&mut o.desk, placeholder));
    match dpo_desk_core::desk::installation::open(o.f.path(), &o.f.keystore, o.f.clock.clone())
        .unwrap()
    {
        dpo_desk_core::desk::installation::Opening::Ready(desk) => o.desk = desk,
        _ => panic!("the database opens again"),
    }
    o.owner = o.desk.sign_in(OWNER, PASSWORD).unwrap();
}

#[test]
fn tenants_from_before_the_catalogue_receive_it_once_when_the_app_opens() {
    let mut o = office();
    {
        let conn = o.desk.store().conn();
        conn.execute("DELETE FROM toms", []).unwrap();
        conn.execute("UPDATE tenants SET tom_catalogue_seeded = 0", [])
            .unwrap();
    }
    reopen(&mut o);
    let toms = all(&mut o);
    assert!(toms.len() >= 94);
    o.desk
        .delete_toms(
            &mut o.owner,
            &toms.iter().map(|t| t.id).collect::<Vec<_>>(),
            false,
        )
        .unwrap();
    reopen(&mut o);
    assert!(
        all(&mut o).is_empty(),
        "a tenant that removed them is not re-seeded"
    );
}

#[test]
fn own_records_visibility_hides_other_editors_measures() {
    let mut o = office();
    let toms = all(&mut o);
    o.desk
        .create_role(
            &mut o.owner,
            &RoleDefinition {
                name: "Eigene TOMs".into(),
                grants: vec![
                    Grant {
                        object: ObjectType::Tom,
                        right: Right::View,
                    },
                    Grant {
                        object: ObjectType::Tom,
                        right: Right::Edit,
                    },
                ],
                hidden_menus: vec![],
                visibility: vec![VisibilityRule {
                    object: ObjectType::Tom,
                    restriction: Restriction::OwnRecords,
                }],
            },
        )
        .unwrap();
    let staff = o
        .desk
        .create_user(
            &mut o.owner,
            &NewUser {
                name: "Ben Braun".into(),
                is_admin: false,
                roles: vec!["Eigene TOMs".into()],
                tenants: vec![o.tenant],
                password: Some("Mitarbeiter-2026!".into()),
            },
        )
        .unwrap()
        .user
        .id;
    o.desk
        .mass_change_toms(&mut o.owner, &[toms[3].id], &TomField::Editor(Some(staff)))
        .unwrap();
    let mut s = o.desk.sign_in("Ben Braun", "Mitarbeiter-2026!").unwrap();
    let seen = o
        .desk
        .toms(&mut s, o.tenant, &TomFilter::default())
        .unwrap();
    assert_eq!(
        seen.iter().map(|t| t.id).collect::<Vec<_>>(),
        vec![toms[3].id]
    );
    let err = o.desk.tom(&mut s, toms[0].id).unwrap_err();
    assert!(err.to_string().contains("no measure"), "{err}");
}

#[test]
fn a_status_restriction_shows_only_measures_of_those_statuses_and_never_takes_draft() {
    let mut o = office();
    let toms = all(&mut o);
    o.desk
        .mass_change_toms(
            &mut o.owner,
            &[toms[0].id, toms[1].id],
            &TomField::Status(TomStatus::Active),
        )
        .unwrap();
    let err = VisibilityRule::parse("tom:status=draft").unwrap_err();
    assert!(err.to_string().contains("never a draft"), "{err}");
    o.desk
        .create_role(
            &mut o.owner,
            &RoleDefinition {
                name: "Aktive TOMs".into(),
                grants: vec![Grant {
                    object: ObjectType::Tom,
                    right: Right::View,
                }],
                hidden_menus: vec![],
                visibility: vec![VisibilityRule::parse("tom:status=active").unwrap()],
            },
        )
        .unwrap();
    o.desk
        .create_user(
            &mut o.owner,
            &NewUser {
                name: "Clara Klein".into(),
                is_admin: false,
                roles: vec!["Aktive TOMs".into()],
                tenants: vec![o.tenant],
                password: Some("Mitarbeiter-2026!".into()),
            },
        )
        .unwrap();
    let mut s = o.desk.sign_in("Clara Klein", "Mitarbeiter-2026!").unwrap();
    let seen = o
        .desk
        .toms(&mut s, o.tenant, &TomFilter::default())
        .unwrap();
    assert_eq!(
        seen.iter().map(|t| t.id).collect::<Vec<_>>(),
        vec![toms[0].id, toms[1].id]
    );
}
