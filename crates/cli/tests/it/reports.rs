//! `report ropa|toms|dpia` and `export KIND --format csv|json|xlsx` (SPEC §14): the files a
//! script writes, checked with poppler and openpyxl; bad options refused with a clear code.

use std::process::Command;

use crate::cli::{init, installed_today, ok, run_as};

#[test]
fn reports_and_exports_are_written_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let key = init(dir.path(), &installed_today());
    let admin = |args: &[&str]| run_as(dir.path(), &key, "admin", "OWNER_PW", args);
    let out = admin(&["demo", "--tenants", "1", "--activities", "30"]);
    // Not a terminal: every progress step is a line of its own.
    assert_eq!(String::from_utf8_lossy(&out.stderr), "demo: 1/1 tenants\n");
    let demo = ok(out);
    let tenant = demo["tenant_ids"][0].as_i64().unwrap().to_string();
    let company = ok(admin(&["company", "list", "--tenant", &tenant]))[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let pdf = dir.path().join("vvt.pdf");
    let written = ok(admin(&[
        "report",
        "ropa",
        "--company",
        &company,
        "--kind",
        "controller",
        "--language",
        "de",
        "--to",
        pdf.to_str().unwrap(),
    ]));
    assert!(written["bytes"].as_u64().unwrap() > 10_000, "{written}");
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("Verzeichnis von Verarbeitungstätigkeiten"),
        "{text}"
    );

    let toms = dir.path().join("toms.pdf");
    ok(admin(&[
        "report",
        "toms",
        "--company",
        &company,
        "--to",
        toms.to_str().unwrap(),
    ]));
    assert!(std::fs::read(&toms).unwrap().starts_with(b"%PDF-"));

    for format in ["csv", "json", "xlsx"] {
        let file = dir.path().join(format!("activities.{format}"));
        ok(admin(&[
            "export",
            "activities",
            "--tenant",
            &tenant,
            "--format",
            format,
            "--to",
            file.to_str().unwrap(),
        ]));
    }
    let rows = Command::new("python3")
        .arg("-c")
        .arg("import sys; from openpyxl import load_workbook; print(load_workbook(sys.argv[1]).active.max_row)")
        .arg(dir.path().join("activities.xlsx"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&rows.stdout).trim(), "31");
    let csv = std::fs::read_to_string(dir.path().join("activities.csv")).unwrap();
    assert_eq!(csv.lines().count(), 31);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("activities.json")).unwrap())
            .unwrap();
    assert_eq!(json.as_array().unwrap().len(), 30);

    // Wrong options change nothing and say why.
    let bad = admin(&[
        "report",
        "ropa",
        "--company",
        &company,
        "--kind",
        "owner",
        "--to",
        "x.pdf",
    ]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("controller or processor"));
    let bad = admin(&["export", "contracts", "--tenant", &tenant, "--to", "x.csv"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown list 'contracts'"));
    // The registers are lists like the others.
    let requests = dir.path().join("requests.csv");
    let out = admin(&[
        "export",
        "requests",
        "--tenant",
        &tenant,
        "--to",
        requests.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read_to_string(&requests)
        .unwrap()
        .contains("Deadline"));
    let bad = admin(&[
        "export",
        "activities",
        "--tenant",
        &tenant,
        "--format",
        "pdf",
        "--to",
        "x.pdf",
    ]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("csv, json or xlsx"));
    assert!(!dir.path().join("x.pdf").exists());

    // Website texts are made in the window; before that the command says so.
    let none = admin(&["imprint", "--company", &company]);
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("has no saved imprint"));
    let none = admin(&["privacy-policy", "--company", &company]);
    assert!(String::from_utf8_lossy(&none.stderr).contains("has no saved privacy policy"));
}
