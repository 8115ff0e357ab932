//! DPIA in the real window (issue 12): a DPO runs the necessity check on an activity with
//! health data (two criteria → required), starts the DPIA, rates the three risks, assigns
//! two TOMs, sees the risk map move after measures, validates, starts version 2; then
//! imports a CNIL PIA file through the real open dialog and sees its risks on the map.
//! Data is prepared through the command line (a tenant file carries the health-data link).

use dpo_desk_e2e::{answer_open_dialog, cli, id, App, Keyring, OWNER, PASSWORD};

/// How the window names a rating, e.g. "3 – Significant".
fn scale(n: &str) -> String {
    let word = ["Negligible", "Limited", "Significant", "Maximum"][n.parse::<usize>().unwrap() - 1];
    format!("{n} – {word}")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dpo_checks_assesses_validates_and_versions_a_dpia_and_imports_a_cnil_file() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei DSFA").await;
    app.quit().await;

    let run = |args: &[&str]| cli(data.path(), &key, args);
    // A tenant whose activity links a special category (Art. 9) from the starter catalogue.
    let draft = id(&run(&["tenant", "add", "Vorlage"]));
    let company = id(&run(&[
        "company",
        "add",
        "Pflegedienst Sonnenschein GmbH",
        "--tenant",
        &draft,
    ]));
    let area = id(&run(&["area", "add", "Pflege", "--company", &company]));
    run(&[
        "activity",
        "add",
        "Pflegedokumentation",
        "--area",
        &area,
        "--purposes",
        "Dokumentation der Pflege",
    ]);
    run(&[
        "activity",
        "add",
        "Videoüberwachung der Verkaufsräume",
        "--area",
        &area,
    ]);
    let file = data.path().join("tenant.json");
    run(&["tenant", "export", &draft, "--to", file.to_str().unwrap()]);
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let health = doc["master_items"]
        .as_array()
        .unwrap()
        .iter()
        .position(|i| i["kind"] == "data_category" && i["special_category"] == true)
        .expect("an Art. 9 category")
        + 1;
    let health_name = doc["master_items"][health - 1]["name"]
        .as_str()
        .unwrap()
        .to_string();
    doc["tenant"]["name"] = "Pflegedienst Sonnenschein".into();
    for area in doc["companies"][0]["areas"].as_array_mut().unwrap() {
        for activity in area["activities"].as_array_mut().unwrap() {
            if activity["name"] == "Pflegedokumentation" {
                activity["links"] = serde_json::json!([{ "item_id": health, "detail": "" }]);
            }
        }
    }
    std::fs::write(&file, serde_json::to_vec(&doc).unwrap()).unwrap();
    let tenant = id(&run(&["tenant", "import", file.to_str().unwrap()]));
    let toms = run(&["tom", "list", "--tenant", &tenant]);
    let tom_a = toms[0]["title"].as_str().unwrap().to_string();
    let tom_b = toms[20]["title"].as_str().unwrap().to_string();

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", "Pflegedienst Sonnenschein")
        .await;
    app.click("[data-menu=processing_activities]").await;
    app.click("[data-activity='Pflegedokumentation']").await;

    // The check: the health data are suggested, two criteria make it red.
    app.wait_text("[data-testid=suggest-sensitive]", &health_name)
        .await;
    app.wait_text("[data-testid=dpia-verdict]", "No DPIA needed")
        .await;
    app.click("input[data-criterion=sensitive_data]").await;
    app.wait_text("[data-testid=dpia-verdict]", "DPIA recommended")
        .await;
    app.click("input[data-criterion=vulnerable_subjects]").await;
    app.wait_text("[data-testid=dpia-verdict]", "DPIA required")
        .await;
    app.click("[data-testid=save-dpia-check]").await;
    app.wait_text("[data-testid=dpia-checked-by]", OWNER).await;
    app.scroll_to("[data-testid=dpia-verdict]").await;
    app.screenshot("70-dpia-check").await;

    // The assessment, pre-filled from the record.
    app.click("[data-testid=start-dpia]").await;
    app.wait_text("[data-testid=dpia-title]", "Pflegedokumentation")
        .await;
    app.wait_text("[data-testid=dpia-status]", "In progress")
        .await;
    let purposes = app
        .find("textarea[name=dpia_purposes]")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(purposes.as_deref(), Some("Dokumentation der Pflege"));
    for (risk, l, s) in [(1, "3", "4"), (2, "2", "3"), (3, "2", "2")] {
        app.choose(&format!("[data-testid=risk-{risk}-likelihood]"), &scale(l))
            .await;
        app.choose(&format!("[data-testid=risk-{risk}-severity]"), &scale(s))
            .await;
    }
    app.wait_any_text("[data-risk-row='1']", "High").await;
    app.choose("[data-testid=risk-1-add-tom]", &tom_a).await;
    app.choose("[data-testid=risk-2-add-tom]", &tom_b).await;
    app.wait_text(
        &format!("[data-risk='1'] [data-risk-tom=\"{tom_a}\"]"),
        &tom_a,
    )
    .await;
    assert!(
        !app.exists("[data-arrow='1']").await,
        "no arrow before the rating after measures"
    );
    app.choose("[data-testid=risk-1-residual-likelihood]", "1 – Negligible")
        .await;
    app.choose("[data-testid=risk-1-residual-severity]", "4 – Maximum")
        .await;
    app.choose("[data-testid=risk-2-residual-likelihood]", "1 – Negligible")
        .await;
    app.choose("[data-testid=risk-2-residual-severity]", "2 – Limited")
        .await;
    app.find("[data-arrow='1']").await;
    app.find("[data-arrow='2']").await;
    app.wait_any_text("[data-risk-row='1']", "Risk").await;
    app.click("[data-testid=save-dpia]").await;
    app.wait_text("[data-testid=dpia-notice]", "Saved.").await;
    app.scroll_to("[data-testid=risk-map]").await;
    app.screenshot("71-dpia-risk-map").await;

    // Validated, then a new version as a copy.
    app.click("[data-testid=validate-dpia]").await;
    app.wait_text("[data-testid=dpia-status]", "Validated")
        .await;
    app.wait_text("[data-testid=dpia-decision]", OWNER).await;
    app.click("[data-testid=new-dpia-version]").await;
    app.wait_text("[data-testid=dpia-notice]", "Version started")
        .await;
    app.wait_text("[data-testid=dpia-status]", "In progress")
        .await;
    app.wait_any_text("h1 + p.lead", "Version 2").await;
    app.choose("[data-testid=dpia-compare-select]", "Version 1")
        .await;
    app.wait_text("[data-testid=dpia-compare]", "Validated")
        .await;

    // A CNIL PIA file through the real open dialog.
    app.click("[data-testid=dpia-back]").await;
    app.wait_text("[data-testid=dpia-count]", "1 DPIA").await;
    app.choose(
        "[data-testid=cnil-activity]",
        "Videoüberwachung der Verkaufsräume (Pflegedienst Sonnenschein GmbH)",
    )
    .await;
    app.click("[data-testid=cnil-import-run]").await;
    let fixture = dpo_desk_e2e::repo_root()
        .join("crates/core/tests/fixtures/cnil/pia-videoueberwachung.json");
    answer_open_dialog("Import a CNIL PIA file", &fixture).await;
    app.wait_text(
        "[data-testid=dpia-title]",
        "Videoüberwachung der Verkaufsräume",
    )
    .await;
    app.wait_text("[data-testid=dpia-status]", "Validated")
        .await;
    for marker in ["1", "2", "3"] {
        app.find(&format!("[data-risk-marker='{marker}']")).await;
    }
    app.find("[data-arrow='1']").await;
    app.wait_any_text("[data-risk-row='3']", "L 1 × S 4").await;
    app.scroll_to("[data-testid=risk-map]").await;
    app.screenshot("72-dpia-cnil-import").await;
    app.quit().await;

    let list = cli(data.path(), &key, &["dpia", "list", "--tenant", &tenant]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    let check = cli(
        data.path(),
        &key,
        &["dpia", "show", &list[0]["id"].as_i64().unwrap().to_string()],
    );
    assert!(check["risks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["level"].is_string()));
}
