//! DPIA (SPEC §6): the necessity check and its verdicts, the assessment with its risks,
//! classes and measures, versions, CNIL PIA files in and out, and DPIAs in tenant files,
//! backups and the trash.

use std::path::PathBuf;

use crate::common::*;
use dpo_desk_core::domain::activities::{ActivityInput, ActivityLink};
use dpo_desk_core::domain::dpias::check::{CheckInput, DpiaVerdict};
use dpo_desk_core::domain::dpias::must_list::MustEntry;
use dpo_desk_core::domain::dpias::{
    DpiaStatus, Opinion, RiskInput, RiskKind, RiskLevel, RiskMatrix, Validation,
};
use dpo_desk_core::domain::master_data::MasterKind;
use dpo_desk_core::domain::toms::TomFilter;
use dpo_desk_core::services::backup::BackupModule;
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
    desk.set_language(&mut owner, "de").unwrap();
    let tenant = desk
        .create_tenant(&mut owner, "Bäckerei Müller", false)
        .unwrap()
        .id;
    let (_, area) = company_with_area(
        &mut desk,
        &mut owner,
        tenant,
        "Bäckerei Müller GmbH",
        "Verkauf",
    );
    Office {
        f,
        desk,
        owner,
        tenant,
        area,
    }
}

fn activity(o: &mut Office, name: &str) -> i64 {
    o.desk
        .create_activity(
            &mut o.owner,
            &ActivityInput {
                purposes: "Schutz des Eigentums".into(),
                ..ActivityInput::new(o.area, name)
            },
        )
        .unwrap()
        .id
}

fn check(o: &mut Office, activity: i64, criteria: &[&str]) -> Result<DpiaVerdict, String> {
    let input = CheckInput {
        criteria: criteria.iter().map(|c| c.to_string()).collect(),
        note: String::new(),
    };
    o.desk
        .check_dpia(&mut o.owner, activity, &input)
        .map(|c| c.verdict)
        .map_err(|e| e.to_string())
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/cnil")
            .join(name),
    )
    .unwrap()
}

#[test]
fn the_check_decides_by_the_rules_and_writes_the_verdict_into_the_activity() {
    let mut o = office();
    let a = activity(&mut o, "Videoüberwachung");
    // The DSK list ships complete and numbered.
    let form = o.desk.dpia_check_form(&mut o.owner, a).unwrap();
    assert_eq!(form.must_list.len(), 17);
    assert_eq!(form.must_list[2].number, 3);
    assert!(form.check.is_none() && form.suggested.is_empty());

    assert_eq!(check(&mut o, a, &[]), Ok(DpiaVerdict::NotNeeded));
    assert_eq!(
        o.desk
            .activity(&mut o.owner, a)
            .unwrap()
            .data
            .dpia_required
            .as_str(),
        "not_required"
    );
    assert_eq!(
        check(&mut o, a, &["systematic_monitoring"]),
        Ok(DpiaVerdict::Recommended)
    );
    assert_eq!(
        check(&mut o, a, &["systematic_monitoring", "vulnerable_subjects"]),
        Ok(DpiaVerdict::Required)
    );
    assert_eq!(check(&mut o, a, &["art35_3_c"]), Ok(DpiaVerdict::Required));
    assert_eq!(check(&mut o, a, &["must:13"]), Ok(DpiaVerdict::Required));
    let stored = o
        .desk
        .dpia_check_form(&mut o.owner, a)
        .unwrap()
        .check
        .unwrap();
    assert_eq!(stored.reasons, vec!["must:13"]);
    assert_eq!(stored.checked_by, OWNER);
    assert_eq!(
        o.desk
            .activity(&mut o.owner, a)
            .unwrap()
            .data
            .dpia_required
            .as_str(),
        "required"
    );
    let row = o.desk.activities(&mut o.owner, o.tenant, None).unwrap();
    assert_eq!(
        row[0].dpia_check,
        Some(DpiaVerdict::Required),
        "the list shows the verdict"
    );

    for bad in ["must:99", "gut_feeling"] {
        let err = check(&mut o, a, &[bad]).unwrap_err();
        assert!(err.contains("unknown criterion"), "{err}");
    }
    assert_eq!(
        o.desk
            .dpia_check_form(&mut o.owner, a)
            .unwrap()
            .check
            .unwrap()
            .reasons,
        vec!["must:13"],
        "refused: unchanged"
    );
    // The dashboard counts it until a validated DPIA exists.
    assert_eq!(
        o.desk
            .dpia_overview(&mut o.owner)
            .unwrap()
            .required_without_dpia,
        1
    );
}

#[test]
fn special_category_data_suggest_sensitive_data_without_ticking_it() {
    let mut o = office();
    let health = o
        .desk
        .master_items(&mut o.owner, o.tenant, MasterKind::DataCategory)
        .unwrap()
        .into_iter()
        .find(|i| i.data.special_category)
        .expect("the starter catalogue has Art. 9 categories");
    let a = o
        .desk
        .create_activity(
            &mut o.owner,
            &ActivityInput {
                links: vec![ActivityLink {
                    item_id: health.id,
                    detail: String::new(),
                }],
                ..ActivityInput::new(o.area, "Betriebliches Gesundheitsmanagement")
            },
        )
        .unwrap()
        .id;
    let form = o.desk.dpia_check_form(&mut o.owner, a).unwrap();
    assert_eq!(form.suggested, vec!["sensitive_data"]);
    assert_eq!(form.sensitive_categories, vec![health.data.name]);
    assert!(form.check.is_none(), "suggested, not ticked");
}

#[test]
fn the_must_list_can_be_edited_and_an_entry_in_use_is_not_removed() {
    let mut o = office();
    let a = activity(&mut o, "Kundenbewertungen");
    o.desk
        .save_must_entry(
            &mut o.owner,
            &MustEntry {
                number: 18,
                title: "Eigene Fallgruppe der Landesbehörde".into(),
                description: String::new(),
                source: "Landesliste".into(),
            },
        )
        .unwrap();
    assert_eq!(check(&mut o, a, &["must:18"]), Ok(DpiaVerdict::Required));
    let err = o.desk.remove_must_entry(&mut o.owner, 18).unwrap_err();
    assert_eq!(err.code(), "in_use");
    assert!(err.to_string().contains("Kundenbewertungen"));
    let err = o
        .desk
        .save_must_entry(
            &mut o.owner,
            &MustEntry {
                number: 19,
                title: " ".into(),
                description: String::new(),
                source: String::new(),
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "validation");
}

fn rated(kind: RiskKind, l: i64, s: i64, rl: i64, rs: i64, toms: Vec<i64>) -> RiskInput {
    RiskInput {
        likelihood: Some(l),
        severity: Some(s),
        residual_likelihood: Some(rl),
        residual_severity: Some(rs),
        tom_ids: toms,
        threats: "Unbefugter Zugriff auf den Rekorder".into(),
        ..RiskInput::standard(kind)
    }
}

#[test]
fn an_assessment_is_prefilled_rated_by_the_matrix_validated_and_versioned() {
    let mut o = office();
    let a = activity(&mut o, "Videoüberwachung");
    let d = o.desk.start_dpia(&mut o.owner, a).unwrap();
    assert_eq!(d.version, 1);
    assert_eq!(
        d.data.purposes, "Schutz des Eigentums",
        "pre-filled from the record"
    );
    assert_eq!(
        d.risks.iter().map(|r| r.data.kind).collect::<Vec<_>>(),
        vec![
            RiskKind::IllegitimateAccess,
            RiskKind::UnwantedModification,
            RiskKind::DataLoss
        ]
    );
    assert!(d
        .progress
        .iter()
        .all(|p| !p.done || p.section == "description"));
    let err = o.desk.start_dpia(&mut o.owner, a).unwrap_err();
    assert!(err.to_string().contains("has a DPIA already"));

    let toms = o
        .desk
        .toms(&mut o.owner, o.tenant, &TomFilter::default())
        .unwrap();
    let mut input = d.data.clone();
    input.description = "Zwei Kameras im Verkaufsraum".into();
    input.legal_basis = "Art. 6 Abs. 1 lit. f DSGVO".into();
    input.minimisation = "Nur Verkaufsraum, keine Tonaufnahme".into();
    input.storage_limits = "72 Stunden".into();
    input.dpo_status = Opinion::Favourable;
    input.risks = vec![
        rated(
            RiskKind::IllegitimateAccess,
            3,
            4,
            1,
            4,
            vec![toms[0].id, toms[1].id],
        ),
        rated(RiskKind::UnwantedModification, 2, 2, 1, 2, vec![toms[2].id]),
        rated(RiskKind::DataLoss, 2, 1, 1, 1, vec![toms[3].id]),
        RiskInput {
            title: "Blickwinkel auf die Straße".into(),
            ..rated(RiskKind::Own, 4, 3, 2, 2, vec![toms[4].id])
        },
    ];
    let d = o.desk.update_dpia(&mut o.owner, d.id, &input).unwrap();
    let levels: Vec<_> = d
        .risks
        .iter()
        .map(|r| (r.level, r.residual_level))
        .collect();
    assert_eq!(
        levels,
        vec![
            (Some(RiskLevel::High), Some(RiskLevel::Risk)),
            (Some(RiskLevel::Risk), Some(RiskLevel::Low)),
            (Some(RiskLevel::Low), Some(RiskLevel::Low)),
            (Some(RiskLevel::High), Some(RiskLevel::Risk)),
        ]
    );
    assert_eq!(d.risks[0].toms.len(), 2);
    assert_eq!(
        d.progress.iter().filter(|p| p.done).count(),
        5,
        "{:?}",
        d.progress
    );

    // Bad input changes nothing.
    let mut bad = input.clone();
    bad.risks[0].likelihood = Some(5);
    assert!(o.desk.update_dpia(&mut o.owner, d.id, &bad).is_err());
    bad = input.clone();
    bad.risks[3].title = " ".into();
    assert!(o
        .desk
        .update_dpia(&mut o.owner, d.id, &bad)
        .unwrap_err()
        .to_string()
        .contains("own threat"));
    assert_eq!(o.desk.dpia(&mut o.owner, d.id).unwrap().data, d.data);

    // The office's matrix decides the classes.
    let mut m = RiskMatrix::shipped();
    m.cells[2][3] = RiskLevel::Risk;
    o.desk.update_risk_matrix(&mut o.owner, &m).unwrap();
    assert_eq!(
        o.desk.dpia(&mut o.owner, d.id).unwrap().risks[0].level,
        Some(RiskLevel::Risk)
    );
    o.desk
        .update_risk_matrix(&mut o.owner, &RiskMatrix::shipped())
        .unwrap();

    let v = o
        .desk
        .validate_dpia(
            &mut o.owner,
            d.id,
            &Validation {
                decision: DpiaStatus::Validated,
                validator_name: "Martin Krüger".into(),
                date: None,
                note: "Freigegeben".into(),
                review_date: None,
            },
        )
        .unwrap();
    assert_eq!(v.status, DpiaStatus::Validated);
    assert_eq!(
        v.data.review_date.unwrap().to_string(),
        "2027-03-02",
        "a year after the decision"
    );
    assert!(v.progress.iter().all(|p| p.done));
    assert_eq!(
        o.desk
            .dpia_overview(&mut o.owner)
            .unwrap()
            .required_without_dpia,
        0
    );
    let err = o.desk.update_dpia(&mut o.owner, d.id, &input).unwrap_err();
    assert!(err.to_string().contains("new version"), "{err}");

    let v2 = o.desk.new_dpia_version(&mut o.owner, d.id).unwrap();
    assert_eq!(
        (v2.version, v2.status, v2.is_current),
        (2, DpiaStatus::InProgress, true)
    );
    assert_eq!(v2.data.risks, v.data.risks, "a copy of the current one");
    assert_eq!(v2.versions.len(), 2);
    let v1 = o.desk.dpia(&mut o.owner, d.id).unwrap();
    assert!(!v1.is_current && v1.status == DpiaStatus::Validated);
    assert!(o
        .desk
        .update_dpia(&mut o.owner, d.id, &input)
        .unwrap_err()
        .to_string()
        .contains("read-only"));
    let list = o.desk.dpias(&mut o.owner, o.tenant).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].id, list[0].version), (v2.id, 2));
    assert_eq!(list[0].highest_level, Some(RiskLevel::High));
}

#[test]
fn a_cnil_pia_file_becomes_an_assessment_with_its_risks_measures_and_opinions() {
    let mut o = office();
    let a = activity(&mut o, "Videoüberwachung der Verkaufsräume");
    let toms_before = o
        .desk
        .toms(&mut o.owner, o.tenant, &TomFilter::default())
        .unwrap()
        .len();
    let d = o
        .desk
        .import_cnil(&mut o.owner, a, &fixture("pia-videoueberwachung.json"))
        .unwrap();
    assert!(
        d.data
            .description
            .contains("**Bäckerei Müller & Söhne GmbH**"),
        "{}",
        d.data.description
    );
    assert!(!d.data.description.contains('<'));
    assert!(d.data.legal_basis.starts_with("Art. 6 Abs. 1 lit. f DSGVO"));
    assert!(
        d.data
            .dpo_opinion
            .contains("* Speicherdauer auf 72 Stunden begrenzt"),
        "lists kept: {}",
        d.data.dpo_opinion
    );
    assert_eq!(d.data.dpo_name, "Dr. Sabine Hartmann");
    assert_eq!(d.data.dpo_status, Opinion::Favourable);
    assert!(d.data.subjects_consulted);
    assert_eq!(d.data.subjects_status, Opinion::Unfavourable);
    assert_eq!(
        (d.status, d.validator_name.as_str()),
        (DpiaStatus::Validated, "Martin Krüger")
    );
    assert_eq!(d.validated_at.unwrap().to_string(), "2024-03-07");
    assert_eq!(d.created_by, "Anna Becker");
    let r = &d.risks;
    assert_eq!(r.len(), 3);
    assert_eq!(
        (r[0].data.severity, r[0].data.likelihood),
        (Some(3), Some(2))
    );
    assert_eq!(
        (r[0].data.residual_severity, r[0].data.residual_likelihood),
        (Some(2), Some(1))
    );
    assert_eq!(
        (
            r[2].data.severity,
            r[2].data.likelihood,
            r[2].data.residual_severity
        ),
        (Some(4), Some(1), Some(3))
    );
    assert!(
        r[0].data.impacts.contains("Rufschädigung") && r[0].data.sources.contains("Einbrecher")
    );
    let mut titles: Vec<_> = r[0].toms.iter().map(|t| t.name.clone()).collect();
    titles.sort();
    assert_eq!(
        titles,
        vec![
            "Kameraausrichtung und Privatzonen",
            "Zugriffsschutz für den Videorekorder"
        ]
    );
    let toms_after = o
        .desk
        .toms(&mut o.owner, o.tenant, &TomFilter::default())
        .unwrap();
    assert_eq!(
        toms_after.len(),
        toms_before + 4,
        "the four measures are proposed as TOMs"
    );
    assert!(d.data.comments.contains("Betriebsvereinbarung als Anlage"));

    let b = activity(&mut o, "Kundenkarte");
    let m = o
        .desk
        .import_cnil(&mut o.owner, b, &fixture("pia-minimal-en.json"))
        .unwrap();
    assert_eq!(m.status, DpiaStatus::InProgress);
    assert_eq!(
        (m.risks[0].data.severity, m.risks[0].data.likelihood),
        (Some(1), Some(1))
    );
    assert_eq!(m.risks[1].data.severity, None);
}

#[test]
fn a_file_that_is_not_a_pia_is_refused_and_nothing_is_created() {
    let mut o = office();
    let a = activity(&mut o, "Newsletter");
    let toms = o
        .desk
        .toms(&mut o.owner, o.tenant, &TomFilter::default())
        .unwrap()
        .len();
    for bytes in [
        fixture("not-a-pia.json"),
        b"not json at all".to_vec(),
        b"[1, 2]".to_vec(),
    ] {
        let err = o.desk.import_cnil(&mut o.owner, a, &bytes).unwrap_err();
        assert_eq!(err.code(), "validation", "{err}");
        assert!(err.to_string().contains("cnil_file"), "{err}");
    }
    assert!(o.desk.dpias(&mut o.owner, o.tenant).unwrap().is_empty());
    assert_eq!(
        o.desk
            .toms(&mut o.owner, o.tenant, &TomFilter::default())
            .unwrap()
            .len(),
        toms
    );
    assert!(o
        .desk
        .dpia_check_form(&mut o.owner, a)
        .unwrap()
        .dpia_id
        .is_none());
}

#[test]
fn export_to_cnil_and_back_keeps_every_field_both_models_have() {
    let mut o = office();
    let a = activity(&mut o, "Bewerbermanagement");
    let d = o.desk.start_dpia(&mut o.owner, a).unwrap();
    let toms = o
        .desk
        .toms(&mut o.owner, o.tenant, &TomFilter::default())
        .unwrap();
    let mut input = d.data.clone();
    input.description = "Bewerbungen per Portal\nmit Lebenslauf".into();
    input.purposes = "Auswahl von Bewerberinnen & Bewerbern <intern>".into();
    input.consent = "Nicht erforderlich.\n\nZweiter Absatz.".into();
    input.dpo_name = "Anna Meier".into();
    input.dpo_opinion = "Vertretbar".into();
    input.dpo_status = Opinion::Favourable;
    input.subjects_consulted = false;
    input.subjects_opinion = "Nicht eingeholt: unverhältnismäßig".into();
    input.comments = "Löschfristen prüfen".into();
    input.risks = vec![
        RiskInput {
            impacts: "Diskriminierung\nRufschädigung".into(),
            sources: "Personalabteilung".into(),
            ..rated(RiskKind::IllegitimateAccess, 2, 3, 1, 3, vec![toms[0].id])
        },
        rated(RiskKind::UnwantedModification, 1, 2, 1, 1, vec![]),
        rated(RiskKind::DataLoss, 2, 2, 1, 2, vec![toms[1].id]),
        RiskInput {
            title: "Bewerbungen im falschen Postfach".into(),
            ..rated(RiskKind::Own, 2, 3, 1, 2, vec![])
        },
    ];
    let d = o.desk.update_dpia(&mut o.owner, d.id, &input).unwrap();
    let export = o.desk.export_cnil(&mut o.owner, d.id).unwrap();
    assert_eq!(
        export.folded_threats,
        vec!["Bewerbungen im falschen Postfach"]
    );
    let file: serde_json::Value = serde_json::from_slice(&export.bytes).unwrap();
    for key in ["pia", "answers", "measures", "evaluations", "comments"] {
        assert!(file.get(key).is_some(), "{key}");
    }
    assert_eq!(file["pia"]["status"], 0);
    let folded = file["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["reference_to"] == 322)
        .unwrap();
    assert!(folded["data"]["list"]
        .to_string()
        .contains("Bewerbungen im falschen Postfach"));

    let b = activity(&mut o, "Bewerbermanagement (Kopie)");
    let back = o.desk.import_cnil(&mut o.owner, b, &export.bytes).unwrap();
    let same = |x: &dpo_desk_core::domain::dpias::DpiaInput| {
        let mut x = x.clone();
        x.editor_id = None;
        x.review_date = None;
        // The tool has three risks: the own one came back inside the threats of the nearest.
        x.risks.retain(|r| r.kind != RiskKind::Own);
        for r in &mut x.risks {
            r.threats = r
                .threats
                .lines()
                .filter(|l| !l.contains("Bewerbungen im falschen Postfach"))
                .collect::<Vec<_>>()
                .join("\n");
        }
        x
    };
    assert_eq!(same(&back.data), same(&d.data));
    assert_eq!(back.created_by, d.created_by);
}

#[test]
fn dpias_travel_in_tenant_files_backups_and_the_trash() {
    let mut o = office();
    let a = activity(&mut o, "Videoüberwachung");
    check(&mut o, a, &["systematic_monitoring", "vulnerable_subjects"]).unwrap();
    let d = o.desk.start_dpia(&mut o.owner, a).unwrap();
    let toms = o
        .desk
        .toms(&mut o.owner, o.tenant, &TomFilter::default())
        .unwrap();
    let mut input = d.data.clone();
    input.risks[0] = rated(RiskKind::IllegitimateAccess, 3, 3, 1, 2, vec![toms[0].id]);
    o.desk.update_dpia(&mut o.owner, d.id, &input).unwrap();
    o.desk
        .validate_dpia(
            &mut o.owner,
            d.id,
            &Validation {
                decision: DpiaStatus::Validated,
                validator_name: String::new(),
                date: None,
                note: String::new(),
                review_date: None,
            },
        )
        .unwrap();
    let v2 = o.desk.new_dpia_version(&mut o.owner, d.id).unwrap();

    let (doc, _) = o.desk.export_tenant(&mut o.owner, o.tenant).unwrap();
    assert_eq!(
        doc.version,
        dpo_desk_core::services::tenant_transfer::VERSION
    );
    let imported = o.desk.import_tenant(&mut o.owner, &doc).unwrap();
    let list = o.desk.dpias(&mut o.owner, imported.id).unwrap();
    assert_eq!(list.len(), 1);
    let copy = o.desk.dpia(&mut o.owner, list[0].id).unwrap();
    assert_eq!((copy.version, copy.versions.len()), (2, 2));
    assert_eq!(copy.risks[0].toms[0].name, toms[0].title);
    assert_eq!(
        o.desk.activities(&mut o.owner, imported.id, None).unwrap()[0].dpia_check,
        Some(DpiaVerdict::Required)
    );
    let (again, _) = o.desk.export_tenant(&mut o.owner, imported.id).unwrap();
    assert_eq!(again.companies, doc.companies, "the file round-trips");

    // A backup, then the DPIA goes to the trash; the module restore brings it back.
    let folder = o.f.path().join("nas");
    std::fs::create_dir_all(&folder).unwrap();
    let file = o
        .desk
        .create_backup_in(&mut o.owner, &folder, &mut |_, _| {})
        .unwrap();
    let entry = o.desk.delete_dpias(&mut o.owner, &[v2.id]).unwrap()[0];
    assert!(o.desk.dpias(&mut o.owner, o.tenant).unwrap().is_empty());
    o.desk.restore_from_trash(&mut o.owner, entry).unwrap();
    assert_eq!(
        o.desk.dpia(&mut o.owner, v2.id).unwrap().versions.len(),
        2,
        "every version came back"
    );
    o.desk.delete_dpias(&mut o.owner, &[v2.id]).unwrap();
    o.desk
        .restore_backup(
            &mut o.owner,
            &file,
            Some(BackupModule::Dpias(o.tenant)),
            &mut |_, _| {},
        )
        .unwrap();
    let back = o.desk.dpias(&mut o.owner, o.tenant).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(
        o.desk
            .dpia(&mut o.owner, back[0].id)
            .unwrap()
            .versions
            .len(),
        2
    );
    assert!(o
        .desk
        .trash(&mut o.owner)
        .unwrap()
        .iter()
        .all(|e| e.object_type != "dpia"));
    // Progress goes out as two numbers: a spreadsheet reads "5/6" as a date.
    let csv = o
        .desk
        .export_dpias(
            &mut o.owner,
            o.tenant,
            dpo_desk_core::services::exports::ExportFormat::Csv,
        )
        .unwrap();
    let text = String::from_utf8(csv.bytes).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(';').collect();
    let row: Vec<&str> = lines.next().unwrap().split(';').collect();
    let at = |name: &str| header.iter().position(|h| h.ends_with(name)).unwrap();
    let done: usize = row[at("Abschnitte erledigt")].parse().unwrap();
    let total: usize = row[at("Abschnitte insgesamt")].parse().unwrap();
    assert_eq!(total, 6);
    assert!(done <= total);

    // Deleting the activity takes its assessment along, and its restore brings it back.
    let trashed = o.desk.delete_activities(&mut o.owner, &[a]).unwrap()[0];
    assert!(o.desk.dpias(&mut o.owner, o.tenant).unwrap().is_empty());
    o.desk.restore_from_trash(&mut o.owner, trashed).unwrap();
    assert_eq!(o.desk.dpias(&mut o.owner, o.tenant).unwrap().len(), 1);
}
