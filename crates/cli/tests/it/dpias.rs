//! `dpia check|list|show|import-cnil|export-cnil` as SPEC §14 states them.

use crate::cli::{init, installed_today, ok, run_as};

#[test]
fn dpia_commands_check_list_show_and_move_cnil_files_with_the_spec_json_fields() {
    let dir = tempfile::tempdir().unwrap();
    let key = init(dir.path(), &installed_today());
    let admin = |args: &[&str]| ok(run_as(dir.path(), &key, "admin", "OWNER_PW", args));
    let tenant = admin(&["tenant", "add", "Bäckerei Müller"])["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let company = admin(&[
        "company",
        "add",
        "--tenant",
        &tenant,
        "Bäckerei Müller GmbH",
    ])["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let area = admin(&["area", "add", "Verkauf", "--company", &company])["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let camera = admin(&["activity", "add", "Videoüberwachung", "--area", &area])["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let crm = admin(&["activity", "add", "Kundenkarte", "--area", &area])["id"]
        .as_i64()
        .unwrap()
        .to_string();

    let check = admin(&[
        "dpia",
        "check",
        "--activity",
        &camera,
        "--criterion",
        "systematic_monitoring",
        "vulnerable_subjects",
    ]);
    assert_eq!(check["verdict"], "required");
    assert_eq!(
        check["reasons"],
        serde_json::json!(["systematic_monitoring", "vulnerable_subjects"])
    );
    assert_eq!(
        admin(&[
            "dpia",
            "check",
            "--activity",
            &crm,
            "--criterion",
            "scoring"
        ])["verdict"],
        "recommended"
    );
    assert_eq!(
        admin(&["dpia", "check", "--activity", &crm])["verdict"],
        "not_needed"
    );
    assert_eq!(
        admin(&[
            "dpia",
            "check",
            "--activity",
            &crm,
            "--criterion",
            "must:11"
        ])["verdict"],
        "required"
    );
    let out = run_as(
        dir.path(),
        &key,
        "admin",
        "OWNER_PW",
        &["dpia", "check", "--activity", &crm, "--criterion", "hunch"],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("[validation]"));

    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/cnil/pia-videoueberwachung.json");
    let imported = admin(&[
        "dpia",
        "import-cnil",
        fixture.to_str().unwrap(),
        "--activity",
        &camera,
    ]);
    let id = imported["id"]
        .as_i64()
        .expect("the JSON carries the id")
        .to_string();

    let shown = admin(&["dpia", "show", &id]);
    let risk = &shown["risks"][0];
    assert_eq!(
        (risk["likelihood"].as_i64(), risk["severity"].as_i64()),
        (Some(2), Some(3))
    );
    assert_eq!(risk["level"], "risk");
    assert_eq!(
        (
            risk["residual_likelihood"].as_i64(),
            risk["residual_severity"].as_i64()
        ),
        (Some(1), Some(2))
    );
    assert_eq!(risk["residual_level"], "low");
    for r in shown["risks"].as_array().unwrap() {
        assert!(
            ["low", "risk", "high"].contains(&r["level"].as_str().unwrap()),
            "{r}"
        );
    }
    let list = admin(&["dpia", "list", "--tenant", &tenant]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["status"], "validated");

    let file = dir.path().join("pia-export.json");
    let written = admin(&["dpia", "export-cnil", &id, "--to", file.to_str().unwrap()]);
    assert_eq!(written["folded_threats"], serde_json::json!([]));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(doc["pia"]["status"], 2);
    assert!(doc["answers"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["reference_to"] == 325 && a["data"]["gauge"] == 3));
    let again = admin(&[
        "dpia",
        "import-cnil",
        file.to_str().unwrap(),
        "--activity",
        &crm,
    ]);
    assert_eq!(
        again["risks"][0]["level"], "risk",
        "the exported file imports again"
    );

    let not_a_pia = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/cnil/not-a-pia.json");
    let out = run_as(
        dir.path(),
        &key,
        "admin",
        "OWNER_PW",
        &[
            "dpia",
            "import-cnil",
            not_a_pia.to_str().unwrap(),
            "--activity",
            &crm,
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a CNIL PIA file"));
}
