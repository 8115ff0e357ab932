//! `history --type TYPE --id ID` and `history restore` as SPEC §14 states them: versions
//! with `at`, `by` and `changes`, and a restore that is itself a new version.

use crate::cli::{init, installed_today, ok, run_as};

#[test]
fn history_lists_the_versions_of_a_measure_and_restore_brings_the_first_back() {
    let dir = tempfile::tempdir().unwrap();
    let key = init(dir.path(), &installed_today());
    let admin = |args: &[&str]| ok(run_as(dir.path(), &key, "admin", "OWNER_PW", args));
    let tenant = admin(&["tenant", "add", "Bäckerei Schmidt"])["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let tom = admin(&[
        "tom",
        "add",
        "--tenant",
        &tenant,
        "--type",
        "separation",
        "Kassennetz getrennt",
    ])["id"]
        .as_i64()
        .unwrap()
        .to_string();
    admin(&["tom", "set", &tom, "--status", "active"]);

    let history = admin(&["history", "--type", "tom", "--id", &tom]);
    let versions = history["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2, "{history}");
    for v in versions {
        for field in ["at", "by", "changes"] {
            assert!(v.get(field).is_some(), "{field} in {v}");
        }
        assert_eq!(v["by"], "admin");
    }
    let status = versions[1]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == "status")
        .unwrap_or_else(|| panic!("status among {}", versions[1]["changes"]));
    assert_eq!(status["change"], "In review → Active");
    assert_eq!(versions[0]["values"]["status"], "in_review");

    let restored = admin(&[
        "history",
        "restore",
        "--type",
        "tom",
        "--id",
        &tom,
        "--version",
        "1",
    ]);
    let versions = restored["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 3);
    assert_eq!(versions[2]["action"], "restore_version");
    let list = admin(&["tom", "list", "--tenant", &tenant]);
    let measure = list
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"].as_i64().map(|i| i.to_string()).as_deref() == Some(tom.as_str()))
        .unwrap()
        .clone();
    assert_eq!(measure["status"], "in_review");

    // Types scripts may not name, and versions that do not exist: the stable code, no change.
    let out = run_as(
        dir.path(),
        &key,
        "admin",
        "OWNER_PW",
        &["history", "--type", "tenant", "--id", &tenant],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("[validation]"));
    let out = run_as(
        dir.path(),
        &key,
        "admin",
        "OWNER_PW",
        &[
            "history",
            "restore",
            "--type",
            "tom",
            "--id",
            &tom,
            "--version",
            "7",
        ],
    );
    assert!(!out.status.success());
    let after = admin(&["history", "--type", "tom", "--id", &tom]);
    assert_eq!(after["versions"].as_array().unwrap().len(), 3);
}
