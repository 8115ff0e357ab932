//! `document list|add|get|versions` as SPEC §14 states them, and `document quota`.

use crate::cli::{init, installed_today, ok, run_as};

#[test]
fn documents_are_added_listed_versioned_and_saved_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let key = init(dir.path(), &installed_today());
    let run = |args: &[&str]| run_as(dir.path(), &key, "admin", "OWNER_PW", args);
    let admin = |args: &[&str]| ok(run(args));
    let tenant = admin(&["tenant", "add", "Bäckerei Schmidt"])["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let avv = files.path().join("AVV Cloud GmbH.pdf");
    let policy = files.path().join("Richtlinie.txt");
    std::fs::write(&avv, b"%PDF-1.7 erste").unwrap();
    std::fs::write(&policy, b"Datenschutzrichtlinie").unwrap();
    let added = admin(&[
        "document",
        "add",
        "--tenant",
        &tenant,
        "--folder",
        "/Verträge/2026",
        avv.to_str().unwrap(),
        policy.to_str().unwrap(),
    ]);
    let added = added.as_array().unwrap();
    assert_eq!(added.len(), 2);
    assert_eq!(added[0]["new_document"], true);
    let id = added[0]["id"].as_i64().unwrap().to_string();

    std::fs::write(&avv, b"%PDF-1.7 zweite, unterschrieben").unwrap();
    let again = admin(&[
        "document",
        "add",
        "--tenant",
        &tenant,
        "--folder",
        "Verträge/2026",
        avv.to_str().unwrap(),
    ]);
    assert_eq!(again[0]["new_document"], false);
    assert_eq!(again[0]["version"], 2);

    let list = admin(&[
        "document",
        "list",
        "--tenant",
        &tenant,
        "--folder",
        "/Verträge/2026",
    ]);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["AVV Cloud GmbH.pdf", "Richtlinie.txt"]);
    assert_eq!(list[0]["folder"], "/Verträge/2026");
    assert!(admin(&["document", "list", "--tenant", &tenant])
        .as_array()
        .unwrap()
        .is_empty());

    let versions = admin(&["document", "versions", &id]);
    let versions = versions.as_array().unwrap();
    assert_eq!(
        versions
            .iter()
            .map(|v| v["version"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        [2, 1]
    );
    assert_eq!(versions[1]["size"], 14);
    assert_eq!(versions[0]["added_by"], "admin");

    let first = files.path().join("erste.pdf");
    let got = admin(&[
        "document",
        "get",
        &id,
        "--to",
        first.to_str().unwrap(),
        "--version",
        "1",
    ]);
    assert_eq!(got["version"]["version"], 1);
    assert_eq!(std::fs::read(&first).unwrap(), b"%PDF-1.7 erste");
    let current = files.path().join("aktuell.pdf");
    admin(&["document", "get", &id, "--to", current.to_str().unwrap()]);
    assert_eq!(
        std::fs::read(&current).unwrap(),
        b"%PDF-1.7 zweite, unterschrieben"
    );

    // The list as a spreadsheet, read back by a spreadsheet engine's rules (CSV here).
    let csv = files.path().join("dokumente.csv");
    admin(&[
        "export",
        "documents",
        "--tenant",
        &tenant,
        "--format",
        "csv",
        "--to",
        csv.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(
        text.contains("/Verträge/2026") && text.contains("AVV Cloud GmbH.pdf"),
        "{text}"
    );

    // A quota the next file does not fit: refused with its code, the file not stored.
    let quota = admin(&["document", "quota", "--tenant", &tenant, "--set-mb", "1"]);
    assert_eq!(quota["quota"], 1024 * 1024);
    let big = files.path().join("Scan.pdf");
    std::fs::write(&big, vec![b'x'; 2 * 1024 * 1024]).unwrap();
    let out = run(&[
        "document",
        "add",
        "--tenant",
        &tenant,
        big.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("[validation]") && stderr.contains("quota"),
        "{stderr}"
    );
    let empty = files.path().join("leer.txt");
    std::fs::write(&empty, b"").unwrap();
    let out = run(&[
        "document",
        "add",
        "--tenant",
        &tenant,
        empty.to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));
    assert!(admin(&["document", "list", "--tenant", &tenant])
        .as_array()
        .unwrap()
        .is_empty());
}
