//! The registers (SPEC §7): data subject requests with the deadline of Art. 12(3) and its
//! extension, breaches with the 72-hour clock and its alerts, processor agreements, the
//! deadline dashboard over every domain, and the registers in tenant files, the trash and
//! backups. The clock is an input throughout.

use chrono::{Duration, NaiveDate, TimeZone, Utc};

use crate::common::*;
use dpo_desk_core::access::roles::{Grant, RoleDefinition};
use dpo_desk_core::access::users::NewUser;
use dpo_desk_core::access::visibility::{Restriction, VisibilityRule};
use dpo_desk_core::domain::activities::{ActivityInput, ActivityLink};
use dpo_desk_core::domain::breaches::{BreachInput, BreachRisk, BreachStatus, ClockState};
use dpo_desk_core::domain::descriptor::DeadlineKind;
use dpo_desk_core::domain::master_data::{MasterItemInput, MasterKind};
use dpo_desk_core::domain::processor_agreements::{AgreementCountry, AgreementInput};
use dpo_desk_core::domain::requests::{RequestInput, RequestKind, RequestStatus};
use dpo_desk_core::domain::toms::{ProtectionType, TomInput};
use dpo_desk_core::kernel::deadline::AlertLevel;
use dpo_desk_core::kernel::vocabulary::{ObjectType, Right};
use dpo_desk_core::services::exports::ExportFormat;
use dpo_desk_core::{Desk, Session};

struct Office {
    f: Fixture,
    desk: Desk,
    owner: Session,
    tenant: i64,
    area: i64,
}

fn office() -> Office {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei Sicher").desk;
    let mut owner = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = desk
        .create_tenant(&mut owner, "Bäckerei Schmidt", false)
        .unwrap()
        .id;
    let (_, area) = company_with_area(
        &mut desk,
        &mut owner,
        tenant,
        "Bäckerei Schmidt GmbH",
        "Personal",
    );
    Office {
        f,
        desk,
        owner,
        tenant,
        area,
    }
}

/// Moves the clock on; the idle session has ended meanwhile, so the owner signs in again.
fn later(o: &mut Office, by: Duration) {
    o.f.clock.advance(by);
    o.owner = o.desk.sign_in(OWNER, PASSWORD).unwrap();
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn item(o: &mut Office, kind: MasterKind, name: &str) -> i64 {
    o.desk
        .create_master_item(&mut o.owner, o.tenant, &MasterItemInput::named(kind, name))
        .unwrap()
        .id
}

fn request(tenant: i64, received: &str, name: &str) -> RequestInput {
    RequestInput::new(tenant, RequestKind::Access, day(received), name)
}

#[test]
fn a_request_is_due_one_month_after_receipt_and_an_extension_needs_its_reason_and_the_day_told() {
    let mut o = office();
    // Today is 2 March 2026.
    let r = o
        .desk
        .create_request(&mut o.owner, &request(o.tenant, "2026-01-31", "Max Muster"))
        .unwrap();
    assert_eq!(r.timing.deadline, day("2026-02-28"));
    assert!(r.timing.overdue);
    assert_eq!(r.timing.days_left, -2);

    let mut extended = r.data.clone();
    extended.extension_months = 2;
    let refused = o
        .desk
        .update_request(&mut o.owner, r.id, &extended)
        .unwrap_err();
    let fields: Vec<String> = refused.problems().into_iter().map(|p| p.field).collect();
    assert_eq!(fields, ["extension_reason", "extension_told_on"]);

    extended.extension_reason = "Umfangreiche Unterlagen aus drei Systemen".into();
    extended.extension_told_on = Some(day("2026-02-20"));
    let r = o
        .desk
        .update_request(&mut o.owner, r.id, &extended)
        .unwrap();
    assert_eq!(r.timing.deadline, day("2026-04-30"));
    assert!(!r.timing.overdue);
    assert_eq!(r.timing.first_deadline, day("2026-02-28"));

    extended.extension_months = 3;
    let too_long = o
        .desk
        .update_request(&mut o.owner, r.id, &extended)
        .unwrap_err();
    assert_eq!(too_long.problems()[0].field, "extension_months");
}

#[test]
fn a_request_cannot_be_received_tomorrow_and_a_refusal_or_answer_needs_its_reason_or_date() {
    let mut o = office();
    let tomorrow = request(o.tenant, "2026-03-03", "Erika");
    let e = o.desk.create_request(&mut o.owner, &tomorrow).unwrap_err();
    assert_eq!(e.problems()[0].field, "received_on");

    let mut refused = request(o.tenant, "2026-02-10", "Erika");
    refused.status = RequestStatus::Refused;
    let e = o.desk.create_request(&mut o.owner, &refused).unwrap_err();
    assert_eq!(e.problems()[0].field, "refusal_reason");
    let mut answered = request(o.tenant, "2026-02-10", "Erika");
    answered.status = RequestStatus::Answered;
    answered.answered_on = Some(day("2026-02-01"));
    let e = o.desk.create_request(&mut o.owner, &answered).unwrap_err();
    assert_eq!(e.problems()[0].field, "answered_on");
    assert!(o.desk.requests(&mut o.owner, o.tenant).unwrap().is_empty());
}

#[test]
fn the_request_list_shows_overdue_first_then_by_deadline_then_the_finished_ones() {
    let mut o = office();
    let mut ids = Vec::new();
    for (received, name) in [
        ("2026-02-25", "Später fällig"),
        ("2026-01-15", "Überfällig"),
        ("2026-02-05", "Bald fällig"),
    ] {
        ids.push(
            o.desk
                .create_request(&mut o.owner, &request(o.tenant, received, name))
                .unwrap()
                .id,
        );
    }
    let mut done = request(o.tenant, "2026-01-02", "Erledigt");
    done.status = RequestStatus::Answered;
    done.answered_on = Some(day("2026-01-20"));
    o.desk.create_request(&mut o.owner, &done).unwrap();
    let names: Vec<String> = o
        .desk
        .requests(&mut o.owner, o.tenant)
        .unwrap()
        .into_iter()
        .map(|r| r.requester)
        .collect();
    assert_eq!(
        names,
        ["Überfällig", "Bald fällig", "Später fällig", "Erledigt"]
    );
}

#[test]
fn an_access_request_lists_what_the_activities_of_its_person_groups_process() {
    let mut o = office();
    let staff = item(&mut o, MasterKind::PersonGroup, "Beschäftigte");
    let customers = item(&mut o, MasterKind::PersonGroup, "Kunden");
    let crm = item(&mut o, MasterKind::Application, "CRM");
    let payroll = o
        .desk
        .create_activity(
            &mut o.owner,
            &ActivityInput {
                links: vec![ActivityLink {
                    item_id: staff,
                    detail: String::new(),
                }],
                ..ActivityInput::new(o.area, "Lohnabrechnung")
            },
        )
        .unwrap()
        .id;
    o.desk
        .create_activity(
            &mut o.owner,
            &ActivityInput {
                links: vec![ActivityLink {
                    item_id: customers,
                    detail: String::new(),
                }],
                ..ActivityInput::new(o.area, "Kundenkartei")
            },
        )
        .unwrap();
    let input = RequestInput {
        item_ids: vec![staff, crm],
        activity_ids: vec![payroll],
        ..request(o.tenant, "2026-02-27", "Max Muster")
    };
    let r = o.desk.create_request(&mut o.owner, &input).unwrap();
    let processed: Vec<&str> = r.processed.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(processed, ["Lohnabrechnung"]);
    assert_eq!(r.activities[0].name, "Lohnabrechnung");
    assert_eq!(r.items.len(), 2);

    // A person group of another kind is not a valid link.
    let wrong = RequestInput {
        item_ids: vec![item(&mut o, MasterKind::Recipient, "Steuerbüro")],
        ..request(o.tenant, "2026-02-27", "Max Muster")
    };
    assert!(o.desk.create_request(&mut o.owner, &wrong).is_err());
}

fn breach_at(o: &mut Office, discovered: chrono::DateTime<Utc>, title: &str) -> i64 {
    o.desk
        .create_breach(&mut o.owner, &BreachInput::new(o.tenant, discovered, title))
        .unwrap()
        .id
}

#[test]
fn the_breach_clock_runs_72_hours_from_discovery_and_turns_urgent_then_overdue() {
    let mut o = office();
    let discovered = t0() - Duration::hours(2);
    let id = breach_at(&mut o, discovered, "Laptop im Zug vergessen");
    let b = o.desk.breach(&mut o.owner, id).unwrap();
    assert_eq!(
        b.timing.authority_deadline,
        discovered + Duration::hours(72)
    );
    assert_eq!(b.timing.hours_left, 70);
    assert_eq!(b.timing.clock, ClockState::Running);

    later(&mut o, Duration::hours(50));
    let b = o.desk.breach(&mut o.owner, id).unwrap();
    assert_eq!(b.timing.hours_left, 20);
    assert_eq!(b.timing.clock, ClockState::Urgent);

    later(&mut o, Duration::hours(21));
    let b = o.desk.breach(&mut o.owner, id).unwrap();
    assert_eq!(b.timing.hours_left, -1);
    assert_eq!(b.timing.clock, ClockState::Overdue);

    // Turning the clock back changes nothing: the deadline stays and no hour comes back.
    o.f.clock.set(t0());
    o.owner = o.desk.sign_in(OWNER, PASSWORD).unwrap();
    let b = o.desk.breach(&mut o.owner, id).unwrap();
    assert_eq!(
        b.timing.authority_deadline,
        discovered + Duration::hours(72)
    );
    assert_eq!(b.timing.hours_left, -1);
}

#[test]
fn a_late_notification_needs_its_reasons_and_a_breach_without_risk_stops_the_clock() {
    let mut o = office();
    let discovered = t0() - Duration::hours(80);
    let id = breach_at(&mut o, discovered, "Fehlversand");
    let mut data = o.desk.breach(&mut o.owner, id).unwrap().data;
    data.risk = BreachRisk::Risk;
    data.risk_reasons = "Gesundheitsdaten an falschen Empfänger".into();
    data.authority_notified_at = Some(t0() - Duration::hours(1));
    let e = o.desk.update_breach(&mut o.owner, id, &data).unwrap_err();
    assert_eq!(e.problems()[0].field, "late_reasons");
    data.late_reasons = "Der Vorfall wurde am Wochenende nur dem Vertreter gemeldet".into();
    let b = o.desk.update_breach(&mut o.owner, id, &data).unwrap();
    assert_eq!(b.timing.clock, ClockState::NotifiedLate);

    let other = breach_at(
        &mut o,
        t0() - Duration::hours(1),
        "Verschlüsselter USB-Stick verloren",
    );
    let mut data = o.desk.breach(&mut o.owner, other).unwrap().data;
    data.risk = BreachRisk::NoRisk;
    data.status = BreachStatus::Closed;
    let e = o
        .desk
        .update_breach(&mut o.owner, other, &data)
        .unwrap_err();
    assert_eq!(e.problems()[0].field, "risk_reasons");
    data.risk_reasons = "Stick mit AES-256 verschlüsselt, Schlüssel nicht betroffen".into();
    let b = o.desk.update_breach(&mut o.owner, other, &data).unwrap();
    assert_eq!(b.timing.clock, ClockState::NotRequired);
    // Both stay in the register (Art. 33(5)).
    assert_eq!(o.desk.breaches(&mut o.owner, o.tenant).unwrap().len(), 2);
}

#[test]
fn breach_alerts_come_once_per_level_and_missed_ones_once_at_the_next_start() {
    let mut o = office();
    let id = breach_at(&mut o, t0(), "Ransomware auf dem Dateiserver");
    let levels = |o: &mut Office| -> Vec<AlertLevel> {
        o.desk
            .deadline_alerts(&mut o.owner)
            .unwrap()
            .into_iter()
            .filter(|a| a.id == id && a.kind == DeadlineKind::Breach)
            .map(|a| a.level)
            .collect()
    };
    assert_eq!(levels(&mut o), [AlertLevel::Recorded]);
    assert_eq!(levels(&mut o), []);
    later(&mut o, Duration::hours(49));
    assert_eq!(levels(&mut o), [AlertLevel::Hours24]);
    // The app was closed for a day: the next start shows the overdue alert once, not the
    // 6-hour one it missed.
    later(&mut o, Duration::hours(24));
    let alerts = o.desk.deadline_alerts(&mut o.owner).unwrap();
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].level, AlertLevel::Overdue);
    assert!(alerts[0].body.contains("Ransomware"), "{}", alerts[0].body);
    assert_eq!(levels(&mut o), []);

    // Another user gets their own alerts; one without the view right gets none.
    let mut reader = staff_user(
        &mut o.desk,
        &mut o.owner,
        "Ben",
        "Lesen-2026!Sicher",
        &[(ObjectType::Breach, Right::View)],
        vec![o.tenant],
    );
    let mut blind = staff_user(
        &mut o.desk,
        &mut o.owner,
        "Cleo",
        "Nichts-2026!Sicher",
        &[(ObjectType::Company, Right::View)],
        vec![o.tenant],
    );
    assert_eq!(o.desk.deadline_alerts(&mut reader).unwrap().len(), 1);
    assert!(o.desk.deadline_alerts(&mut blind).unwrap().is_empty());
}

#[test]
fn a_request_alerts_a_week_before_its_deadline_and_when_overdue() {
    let mut o = office();
    let r = o
        .desk
        .create_request(&mut o.owner, &request(o.tenant, "2026-02-05", "Max Muster"))
        .unwrap();
    assert_eq!(r.timing.deadline, day("2026-03-05"));
    let alerts = o.desk.deadline_alerts(&mut o.owner).unwrap();
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].level, AlertLevel::DueSoon);
    o.f.clock
        .set(Utc.with_ymd_and_hms(2026, 3, 6, 9, 0, 0).unwrap());
    o.owner = o.desk.sign_in(OWNER, PASSWORD).unwrap();
    let alerts = o.desk.deadline_alerts(&mut o.owner).unwrap();
    assert_eq!(alerts[0].level, AlertLevel::Overdue);
}

#[test]
fn the_dashboard_lists_every_kind_of_deadline_overdue_first_and_only_what_the_user_may_see() {
    let mut o = office();
    let review = |d: &str| Some(day(d));
    o.desk
        .create_activity(
            &mut o.owner,
            &ActivityInput {
                review_planned: review("2026-03-20"),
                ..ActivityInput::new(o.area, "Videoüberwachung")
            },
        )
        .unwrap();
    o.desk
        .create_tom(
            &mut o.owner,
            &TomInput {
                next_review: review("2026-02-15"),
                ..TomInput::new(o.tenant, ProtectionType::Availability, "Datensicherung")
            },
        )
        .unwrap();
    let activity = o
        .desk
        .create_activity(&mut o.owner, &ActivityInput::new(o.area, "Bewerbungen"))
        .unwrap()
        .id;
    let dpia = o.desk.start_dpia(&mut o.owner, activity).unwrap();
    let mut dpia_input = dpia.data.clone();
    dpia_input.review_date = review("2026-03-25");
    o.desk
        .update_dpia(&mut o.owner, dpia.id, &dpia_input)
        .unwrap();
    o.desk
        .create_request(&mut o.owner, &request(o.tenant, "2026-01-20", "Max Muster"))
        .unwrap();
    breach_at(&mut o, t0() - Duration::hours(10), "Fehlversand");
    let processor = item(&mut o, MasterKind::Processor, "Cloud GmbH");
    o.desk
        .create_processor_agreement(
            &mut o.owner,
            &AgreementInput {
                tenant_id: o.tenant,
                processor_id: processor,
                subject: "Hosting".into(),
                signed_on: review("2025-03-01"),
                sub_processors: String::new(),
                tom_check_on: None,
                tom_check_result: String::new(),
                next_review: review("2026-03-31"),
                notes: String::new(),
                editor_id: None,
                activity_ids: vec![],
                countries: vec![],
            },
        )
        .unwrap();
    // Far beyond the 30 days: not listed.
    o.desk
        .create_tom(
            &mut o.owner,
            &TomInput {
                next_review: review("2026-09-01"),
                ..TomInput::new(o.tenant, ProtectionType::Input, "Protokolle")
            },
        )
        .unwrap();

    let board = o.desk.deadlines(&mut o.owner, Some(o.tenant)).unwrap();
    let kinds: Vec<(DeadlineKind, bool)> =
        board.items.iter().map(|d| (d.kind, d.overdue)).collect();
    assert_eq!(
        kinds,
        [
            (DeadlineKind::TomReview, true),
            (DeadlineKind::Request, true),
            (DeadlineKind::Breach, false),
            (DeadlineKind::Backup, false),
            (DeadlineKind::ActivityReview, false),
            (DeadlineKind::DpiaReview, false),
            (DeadlineKind::ProcessorAgreementReview, false),
        ]
    );
    let overdue = |kind| {
        board
            .counts
            .iter()
            .find(|c| c.kind == kind)
            .unwrap()
            .overdue
    };
    assert_eq!(overdue(DeadlineKind::TomReview), 1);
    assert_eq!(overdue(DeadlineKind::Breach), 0);

    // The dashboard's share: the same first items and the counts of all of them.
    let next = o
        .desk
        .next_deadlines(&mut o.owner, Some(o.tenant), 3)
        .unwrap();
    assert_eq!(next.items, board.items[..3]);
    assert_eq!(next.counts, board.counts);
    assert_eq!(next.horizon, board.horizon);

    // A user who may see requests only gets requests (and no backup, which is not theirs).
    let mut clerk = staff_user(
        &mut o.desk,
        &mut o.owner,
        "Ben",
        "Anfragen-2026!Sicher",
        &[(ObjectType::Request, Right::View)],
        vec![o.tenant],
    );
    let kinds: Vec<DeadlineKind> = o
        .desk
        .deadlines(&mut clerk, None)
        .unwrap()
        .items
        .into_iter()
        .map(|d| d.kind)
        .collect();
    assert_eq!(kinds, [DeadlineKind::Request]);
}

#[test]
fn only_own_records_limits_requests_in_the_list_and_by_id() {
    let mut o = office();
    o.desk
        .create_role(
            &mut o.owner,
            &RoleDefinition {
                name: "Sachbearbeitung".into(),
                grants: vec![
                    Grant {
                        object: ObjectType::Request,
                        right: Right::View,
                    },
                    Grant {
                        object: ObjectType::Request,
                        right: Right::Create,
                    },
                ],
                hidden_menus: vec![],
                visibility: vec![VisibilityRule {
                    object: ObjectType::Request,
                    restriction: Restriction::OwnRecords,
                }],
            },
        )
        .unwrap();
    o.desk
        .create_user(
            &mut o.owner,
            &NewUser {
                name: "Ben".into(),
                is_admin: false,
                roles: vec!["Sachbearbeitung".into()],
                tenants: vec![o.tenant],
                password: Some("Anfragen-2026!Sicher".into()),
            },
        )
        .unwrap();
    let mut ben = o.desk.sign_in("Ben", "Anfragen-2026!Sicher").unwrap();
    let others = o
        .desk
        .create_request(&mut o.owner, &request(o.tenant, "2026-02-01", "Fremd"))
        .unwrap()
        .id;
    assert!(o.desk.requests(&mut ben, o.tenant).unwrap().is_empty());
    assert!(o.desk.request(&mut ben, others).is_err());
}

#[test]
fn registers_travel_in_the_tenant_file_and_a_deleted_request_comes_back_with_its_links() {
    let mut o = office();
    let group = item(&mut o, MasterKind::PersonGroup, "Beschäftigte");
    let country = item(&mut o, MasterKind::ThirdCountry, "USA");
    let processor = item(&mut o, MasterKind::Processor, "Cloud Inc.");
    let activity = o
        .desk
        .create_activity(&mut o.owner, &ActivityInput::new(o.area, "Lohnabrechnung"))
        .unwrap()
        .id;
    let r = o
        .desk
        .create_request(
            &mut o.owner,
            &RequestInput {
                activity_ids: vec![activity],
                item_ids: vec![group],
                ..request(o.tenant, "2026-02-20", "Max Muster")
            },
        )
        .unwrap();
    breach_at(&mut o, t0() - Duration::hours(5), "Fehlversand");
    o.desk
        .create_processor_agreement(
            &mut o.owner,
            &AgreementInput {
                tenant_id: o.tenant,
                processor_id: processor,
                subject: "Lohn-Software".into(),
                signed_on: None,
                sub_processors: "Rechenzentrum AG".into(),
                tom_check_on: None,
                tom_check_result: String::new(),
                next_review: None,
                notes: String::new(),
                editor_id: None,
                activity_ids: vec![activity],
                countries: vec![AgreementCountry {
                    item_id: country,
                    safeguard: "EU-US Data Privacy Framework".into(),
                }],
            },
        )
        .unwrap();

    let (doc, _) = o.desk.export_tenant(&mut o.owner, o.tenant).unwrap();
    assert_eq!(doc.requests.len(), 1);
    let copy = o.desk.import_tenant(&mut o.owner, &doc).unwrap();
    let copied = o.desk.requests(&mut o.owner, copy.id).unwrap();
    let copied = o.desk.request(&mut o.owner, copied[0].id).unwrap();
    assert_eq!(copied.activities[0].name, "Lohnabrechnung");
    assert_ne!(copied.activities[0].id, activity);
    assert_eq!(copied.items[0].name, "Beschäftigte");
    assert_eq!(o.desk.breaches(&mut o.owner, copy.id).unwrap().len(), 1);
    let agreements = o.desk.processor_agreements(&mut o.owner, copy.id).unwrap();
    let agreement = o
        .desk
        .processor_agreement(&mut o.owner, agreements[0].id)
        .unwrap();
    assert_eq!(agreement.processor_name, "Cloud Inc.");
    assert_eq!(
        agreement.country_names[0].safeguard,
        "EU-US Data Privacy Framework"
    );
    // Exporting the import gives the same document.
    let (again, _) = o.desk.export_tenant(&mut o.owner, copy.id).unwrap();
    assert_eq!(again.requests, doc.requests);
    assert_eq!(again.processor_agreements, doc.processor_agreements);

    let entry = o.desk.delete_requests(&mut o.owner, &[r.id]).unwrap()[0];
    assert_eq!(o.desk.requests(&mut o.owner, o.tenant).unwrap().len(), 0);
    o.desk.restore_from_trash(&mut o.owner, entry).unwrap();
    let back = o.desk.request(&mut o.owner, r.id).unwrap();
    assert_eq!(back.activities.len(), 1);
    assert_eq!(back.items.len(), 1);
}

#[test]
fn files_attach_to_a_register_record_and_the_register_exports_as_a_spreadsheet() {
    let mut o = office();
    let id = breach_at(&mut o, t0() - Duration::hours(5), "Fehlversand");
    let file = o
        .desk
        .add_record_attachment(
            &mut o.owner,
            ObjectType::Breach,
            id,
            "/tmp/x/Eingangsbestätigung.pdf",
            b"%PDF-1.4",
        )
        .unwrap();
    assert_eq!(file.file_name, "Eingangsbestätigung.pdf");
    let (name, bytes) = o
        .desk
        .record_attachment_content(&mut o.owner, ObjectType::Breach, file.id)
        .unwrap();
    assert_eq!(
        (name.as_str(), bytes.as_slice()),
        ("Eingangsbestätigung.pdf", &b"%PDF-1.4"[..])
    );
    // The id of a breach's file is no request's file.
    assert!(o
        .desk
        .record_attachment_content(&mut o.owner, ObjectType::Request, file.id)
        .is_err());
    assert_eq!(
        o.desk.breach(&mut o.owner, id).unwrap().attachments.len(),
        1
    );

    let csv = o
        .desk
        .export_breaches(&mut o.owner, o.tenant, ExportFormat::Csv)
        .unwrap();
    let text = String::from_utf8(csv.bytes).unwrap();
    assert!(text.contains("Fehlversand"), "{text}");
    assert!(csv.suggested_name.ends_with(".csv"));
}

#[test]
fn the_registers_module_of_a_backup_restores_and_exports_them_leaving_the_rest() {
    let mut o = office();
    let kept = o
        .desk
        .create_request(&mut o.owner, &request(o.tenant, "2026-02-20", "Max Muster"))
        .unwrap()
        .id;
    let deleted_before = breach_at(&mut o, t0() - Duration::hours(4), "Alter Fehlversand");
    o.desk
        .delete_breaches(&mut o.owner, &[deleted_before])
        .unwrap();
    let folder = o.f.path().join("nas");
    std::fs::create_dir_all(&folder).unwrap();
    let file = o
        .desk
        .create_backup_in(&mut o.owner, &folder, &mut |_, _| {})
        .unwrap();

    // Afterwards: the request deleted, a new breach, a new activity.
    o.desk.delete_requests(&mut o.owner, &[kept]).unwrap();
    breach_at(&mut o, t0() - Duration::hours(1), "Neu nach der Sicherung");
    o.desk
        .create_activity(&mut o.owner, &ActivityInput::new(o.area, "Später"))
        .unwrap();

    o.desk
        .restore_backup(
            &mut o.owner,
            &file,
            Some(dpo_desk_core::services::backup::BackupModule::Registers(
                o.tenant,
            )),
            &mut |_, _| {},
        )
        .unwrap();
    let requests = o.desk.requests(&mut o.owner, o.tenant).unwrap();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].requester, "Max Muster");
    assert!(o.desk.breaches(&mut o.owner, o.tenant).unwrap().is_empty());
    // The breach that was in the trash at the backup is in the trash again, restorable.
    let entries = o.desk.trash(&mut o.owner).unwrap();
    let entry = entries.iter().find(|e| e.object_type == "breach").unwrap();
    assert!(entries.iter().all(|e| e.object_type != "request"));
    o.desk.restore_from_trash(&mut o.owner, entry.id).unwrap();
    assert_eq!(
        o.desk.breaches(&mut o.owner, o.tenant).unwrap()[0].title,
        "Alter Fehlversand"
    );
    let activities = o.desk.activities(&mut o.owner, o.tenant, None).unwrap();
    assert!(
        activities.iter().any(|a| a.name == "Später"),
        "the RoPA is untouched"
    );

    let files = o
        .desk
        .backup_csv(
            &mut o.owner,
            &file,
            dpo_desk_core::services::backup::BackupModule::Registers(o.tenant),
            &o.f.path().join("csv"),
            &mut |_, _| {},
        )
        .unwrap();
    assert_eq!(files.len(), 3);
    let all: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    assert!(all.contains("Max Muster") && !all.contains("Neu nach der Sicherung"));
}

#[test]
fn a_request_copied_to_another_tenant_comes_without_its_links_editor_and_handling_dates() {
    let mut o = office();
    let group = item(&mut o, MasterKind::PersonGroup, "Beschäftigte");
    let activity = o
        .desk
        .create_activity(&mut o.owner, &ActivityInput::new(o.area, "Lohnabrechnung"))
        .unwrap()
        .id;
    let owner_id = o.desk.editors(&mut o.owner, o.tenant).unwrap()[0].id;
    let source = o
        .desk
        .create_request(
            &mut o.owner,
            &RequestInput {
                activity_ids: vec![activity],
                item_ids: vec![group],
                editor_id: Some(owner_id),
                identity_checked_on: Some(day("2026-02-21")),
                status: RequestStatus::InProgress,
                ..request(o.tenant, "2026-02-20", "Max Muster")
            },
        )
        .unwrap();
    let other = o
        .desk
        .create_tenant(&mut o.owner, "Café Sonne", false)
        .unwrap()
        .id;
    let summary = o
        .desk
        .copy_to_tenants(
            &mut o.owner,
            &dpo_desk_core::services::data_copy::CopyRequest {
                object: ObjectType::Request,
                ids: vec![source.id],
                targets: vec![other],
                parent: None,
            },
        )
        .unwrap();
    let target = &summary.targets[0];
    assert!(target.left_out.contains(&"request_links".to_string()));
    let copy = o.desk.request(&mut o.owner, target.ids[0]).unwrap();
    assert_eq!(copy.data.tenant_id, other);
    assert_eq!(copy.data.requester, "Max Muster");
    assert_eq!(copy.data.received_on, day("2026-02-20"));
    assert_eq!(copy.data.status, RequestStatus::Open);
    assert!(copy.activities.is_empty() && copy.items.is_empty());
    assert_eq!(
        (copy.data.editor_id, copy.data.identity_checked_on),
        (None, None)
    );
}

fn reopen(o: &mut Office) {
    crate::common::reopen(&o.f, &mut o.desk);
    o.owner = o.desk.sign_in(OWNER, PASSWORD).unwrap();
}

#[test]
fn purging_what_registers_link_to_keeps_the_registers_and_the_app_opens() {
    let mut o = office();
    let group = item(&mut o, MasterKind::PersonGroup, "Bewerber");
    let country = item(&mut o, MasterKind::ThirdCountry, "USA");
    let processor = item(&mut o, MasterKind::Processor, "Cloud Inc.");
    let activity = o
        .desk
        .create_activity(&mut o.owner, &ActivityInput::new(o.area, "Bewerbungen"))
        .unwrap()
        .id;
    let request_id = o
        .desk
        .create_request(
            &mut o.owner,
            &RequestInput {
                activity_ids: vec![activity],
                item_ids: vec![group],
                ..request(o.tenant, "2026-02-20", "Max Muster")
            },
        )
        .unwrap()
        .id;
    let agreement = AgreementInput {
        tenant_id: o.tenant,
        processor_id: processor,
        subject: "Bewerberportal".into(),
        signed_on: None,
        sub_processors: String::new(),
        tom_check_on: None,
        tom_check_result: String::new(),
        next_review: None,
        notes: String::new(),
        editor_id: None,
        activity_ids: vec![activity],
        countries: vec![AgreementCountry {
            item_id: country,
            safeguard: "Standardvertragsklauseln".into(),
        }],
    };
    let agreement = o
        .desk
        .create_processor_agreement(&mut o.owner, &agreement)
        .unwrap()
        .id;
    // The processor of a live agreement stays; its agreement is named.
    match o
        .desk
        .delete_master_item(&mut o.owner, MasterKind::Processor, processor)
    {
        Err(dpo_desk_core::CoreError::InUse { used_by }) => assert_eq!(used_by, ["Bewerberportal"]),
        other => panic!("refused while in use: {other:?}"),
    }
    o.desk.delete_activities(&mut o.owner, &[activity]).unwrap();
    o.desk
        .delete_master_item(&mut o.owner, MasterKind::PersonGroup, group)
        .unwrap();
    o.desk
        .delete_master_item(&mut o.owner, MasterKind::ThirdCountry, country)
        .unwrap();
    // A second tenant with registers of its own is deleted as a whole.
    let other = o
        .desk
        .create_tenant(&mut o.owner, "Café Sonne", false)
        .unwrap()
        .id;
    o.desk
        .create_request(&mut o.owner, &request(other, "2026-02-25", "Erika"))
        .unwrap();
    breach_at(&mut o, t0() - Duration::hours(1), "Fehlversand");
    o.desk.delete_tenant(&mut o.owner, other).unwrap();

    o.f.clock.advance(Duration::days(31));
    reopen(&mut o);
    // A month without a saved backup locks the app; the owner makes one first.
    let folder = o.f.path().join("nas");
    std::fs::create_dir_all(&folder).unwrap();
    o.desk
        .create_backup_in(&mut o.owner, &folder, &mut |_, _| {})
        .unwrap();
    let r = o.desk.request(&mut o.owner, request_id).unwrap();
    assert!(
        r.activities.is_empty() && r.items.is_empty(),
        "the links went with the purge"
    );
    let g = o.desk.processor_agreement(&mut o.owner, agreement).unwrap();
    assert!(g.activities.is_empty() && g.country_names.is_empty());
    assert!(o.desk.trash(&mut o.owner).unwrap().is_empty());
}

#[test]
fn the_minute_by_minute_alert_check_does_not_keep_an_idle_session_open() {
    let mut o = office();
    o.f.clock.advance(Duration::minutes(10));
    o.desk.deadline_alerts(&mut o.owner).unwrap();
    o.f.clock.advance(Duration::minutes(10));
    assert!(matches!(
        o.desk.deadline_alerts(&mut o.owner),
        Err(dpo_desk_core::CoreError::SessionExpired { .. })
    ));
}

#[test]
fn an_extension_told_after_the_first_month_is_refused() {
    let mut o = office();
    let input = RequestInput {
        extension_months: 1,
        extension_reason: "Viele Anträge".into(),
        extension_told_on: Some(day("2026-03-01")),
        ..request(o.tenant, "2026-01-20", "Max Muster")
    };
    let e = o.desk.create_request(&mut o.owner, &input).unwrap_err();
    assert_eq!(e.problems()[0].field, "extension_told_on");
    assert!(
        e.problems()[0].message.contains("2026-02-20"),
        "{}",
        e.problems()[0].message
    );
}

#[test]
fn without_the_activity_view_right_a_register_names_and_links_no_activity() {
    let mut o = office();
    let activity = o
        .desk
        .create_activity(
            &mut o.owner,
            &ActivityInput::new(o.area, "Geheime Tätigkeit"),
        )
        .unwrap()
        .id;
    let id = o
        .desk
        .create_request(
            &mut o.owner,
            &RequestInput {
                activity_ids: vec![activity],
                ..request(o.tenant, "2026-02-20", "Max Muster")
            },
        )
        .unwrap()
        .id;
    let mut clerk = staff_user(
        &mut o.desk,
        &mut o.owner,
        "Ben",
        "Anfragen-2026!Sicher",
        &[
            (ObjectType::Request, Right::View),
            (ObjectType::Request, Right::Edit),
            (ObjectType::Request, Right::Create),
        ],
        vec![o.tenant],
    );
    let seen = o.desk.request(&mut clerk, id).unwrap();
    assert!(seen.activities.is_empty() && seen.processed.is_empty());
    // Saving keeps the link the clerk cannot see; linking one is refused.
    let mut data = seen.data.clone();
    data.notes = "Rückruf vereinbart".into();
    o.desk.update_request(&mut clerk, id, &data).unwrap();
    assert_eq!(
        o.desk.request(&mut o.owner, id).unwrap().activities.len(),
        1
    );
    let linking = RequestInput {
        activity_ids: vec![activity],
        ..request(o.tenant, "2026-02-21", "Erika")
    };
    assert!(matches!(
        o.desk.create_request(&mut clerk, &linking),
        Err(dpo_desk_core::CoreError::PermissionDenied { .. })
    ));
}

#[test]
fn restoring_the_ropa_module_keeps_the_registers_links_to_activities() {
    let mut o = office();
    let activity = o
        .desk
        .create_activity(&mut o.owner, &ActivityInput::new(o.area, "Lohnabrechnung"))
        .unwrap()
        .id;
    let folder = o.f.path().join("nas");
    std::fs::create_dir_all(&folder).unwrap();
    let file = o
        .desk
        .create_backup_in(&mut o.owner, &folder, &mut |_, _| {})
        .unwrap();
    let id = o
        .desk
        .create_request(
            &mut o.owner,
            &RequestInput {
                activity_ids: vec![activity],
                ..request(o.tenant, "2026-02-20", "Max Muster")
            },
        )
        .unwrap()
        .id;
    o.desk
        .restore_backup(
            &mut o.owner,
            &file,
            Some(dpo_desk_core::services::backup::BackupModule::Ropa(
                o.tenant,
            )),
            &mut |_, _| {},
        )
        .unwrap();
    let r = o.desk.request(&mut o.owner, id).unwrap();
    assert_eq!(
        r.activities.len(),
        1,
        "the request still names the activity"
    );
}
