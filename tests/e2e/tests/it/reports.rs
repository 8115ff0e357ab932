//! Reports in the real window (issue 13): the recovery-key sheet saved from the setup
//! wizard and again from My account; the records of processing of a demo company in German
//! and the DPIA report made with the progress bar and saved through the real save dialog,
//! read back with pdftotext; a large record cancelled while it is made; the activity list
//! exported as XLSX and read back with openpyxl. Data is prepared through the command line.

use std::path::Path;
use std::process::Command;

use dpo_desk_e2e::{answer_file_dialog, cli, demo_tenant, id, App, Keyring, OWNER, PASSWORD};

fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(out.status.success(), "pdftotext failed on {path:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dpo_saves_the_recovery_sheet_prints_the_records_and_a_dpia_and_exports_xlsx() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;

    // The wizard's last step: the key as a PDF to print, before anything else.
    let key = app.complete_setup("Kanzlei Berichte").await;
    app.click("[data-testid=setup-key-sheet]").await;
    let sheet = data.path().join("schluessel.pdf");
    answer_file_dialog("Save the report", &sheet).await;
    app.wait_text("[data-testid=setup-key-sheet-saved]", "schluessel.pdf")
        .await;
    let text = pdf_text(&sheet);
    for group in key.split('-') {
        assert!(text.contains(group), "key group {group} missing: {text}");
    }
    assert!(text.contains("Kanzlei Berichte"), "{text}");
    app.click("input[name=key_stored]").await;
    app.click_button("Open DPO Desk").await;
    app.wait_text("[data-testid=welcome]", OWNER).await;
    app.quit().await;

    let (tenant, tenant_name) = demo_tenant(data.path(), &key, "1", "1500");
    let run = |args: &[&str]| cli(data.path(), &key, args);
    let tenant = tenant.to_string();
    let companies = run(&["company", "list", "--tenant", &tenant]);
    let company_name = companies[0]["name"].as_str().unwrap().to_string();
    // A second, small company so the record made in full stays quick to lay out.
    let small = id(&run(&[
        "company",
        "add",
        "Aaron Kleinbetrieb GmbH",
        "--tenant",
        &tenant,
    ]));
    let area = id(&run(&["area", "add", "Büro", "--company", &small]));
    let activity = id(&run(&[
        "activity",
        "add",
        "Lohn- und Gehaltsabrechnung",
        "--area",
        &area,
        "--purposes",
        "Abrechnung der Löhne und Gehälter",
    ]));
    let dpia = run(&["dpia", "start", "--activity", &activity]);
    assert!(dpia["id"].as_i64().is_some(), "{dpia}");

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", &tenant_name)
        .await;
    app.click("button[lang='de']").await;
    app.click("[data-menu=reports]").await;
    app.heading("Berichte").await;

    // The small company's records in German, through the real save dialog.
    app.choose("select[name=ropa_company]", "Aaron Kleinbetrieb GmbH")
        .await;
    app.choose("select[name=report_language]", "Deutsch").await;
    app.click("[data-testid=report-ropa-make]").await;
    let ropa = data.path().join("verzeichnis.pdf");
    answer_file_dialog("Bericht speichern", &ropa).await;
    app.wait_text("[data-testid=report-ropa-saved]", "verzeichnis.pdf")
        .await;
    app.screenshot("92-reports-saved").await;
    let text = pdf_text(&ropa);
    for needle in [
        "Verzeichnis von Verarbeitungstätigkeiten",
        "Aaron Kleinbetrieb GmbH",
        "Lohn- und Gehaltsabrechnung",
        "(b) Zwecke der Verarbeitung",
        "Abrechnung der Löhne und Gehälter",
        "nicht angegeben",
        "Seite 1 von",
        "Kanzlei Berichte",
    ] {
        assert!(text.contains(needle), "{needle:?} missing: {text}");
    }

    // The big company's record is cancelled while it is made: the bar, then nothing saved.
    app.choose("select[name=ropa_company]", &company_name).await;
    app.click("[data-testid=report-ropa-make]").await;
    app.find("[data-testid=report-ropa-progress]").await;
    app.screenshot("93-report-progress").await;
    app.click("[data-testid=report-ropa-cancel]").await;
    app.wait_text(
        "[data-testid=report-ropa-cancelled]",
        "es wurde nichts gespeichert",
    )
    .await;

    // The DPIA of the small company's activity.
    app.click("[data-testid=report-dpia-make]").await;
    let dpia_file = data.path().join("dsfa.pdf");
    answer_file_dialog("Bericht speichern", &dpia_file).await;
    app.wait_text("[data-testid=report-dpia-saved]", "dsfa.pdf")
        .await;
    let text = pdf_text(&dpia_file);
    for needle in [
        "Datenschutz-Folgenabschätzung",
        "Lohn- und Gehaltsabrechnung",
        "Risikomatrix",
        "Freigabe",
    ] {
        assert!(text.contains(needle), "{needle:?} missing: {text}");
    }

    // The owner's sheet again, from My account after the password.
    app.click("[data-menu=account]").await;
    app.type_into("input[name=recovery_password]", PASSWORD)
        .await;
    app.click("[data-testid=recovery-sheet-make]").await;
    let again = data.path().join("schluessel-2.pdf");
    answer_file_dialog("Bericht speichern", &again).await;
    app.wait_text("[data-testid=recovery-sheet-saved]", "schluessel-2.pdf")
        .await;
    assert!(pdf_text(&again).contains(key.split('-').next().unwrap()));

    // The activity list as a workbook, read back by a spreadsheet engine.
    app.click("[data-menu=processing_activities]").await;
    app.click("[data-testid=export-xlsx]").await;
    let workbook = data.path().join("verarbeitungen.xlsx");
    answer_file_dialog("Verarbeitungen exportieren", &workbook).await;
    app.wait_text("[data-testid=list-notice]", "verarbeitungen.xlsx")
        .await;
    let out = Command::new("python3")
        .arg("-c")
        .arg(
            "import sys; from openpyxl import load_workbook; ws = load_workbook(sys.argv[1]).active; \
             print(ws.max_row, ws.freeze_panes, ws['B1'].value)",
        )
        .arg(&workbook)
        .output()
        .expect("python3 with openpyxl");
    let answer = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Header plus the 1,500 demo activities and the small company's one.
    assert_eq!(answer.trim(), "1502 A2 Bezeichnung", "{answer}");
    app.quit().await;
}
