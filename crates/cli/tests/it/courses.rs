//! `course list|assign|results|verify` as SPEC §14 states them: the JSON fields scripts
//! read, assignments by user name with a due date that `--now` turns overdue, and a code
//! no certificate has refused with an error.

use crate::cli::{init, ok, run_as};

#[test]
fn courses_are_listed_assigned_by_name_and_reported_with_their_results() {
    let dir = tempfile::tempdir().unwrap();
    let key = init(dir.path(), "2027-03-01T08:00:00Z");
    let at = |now: &str, args: &[&str]| {
        let mut all = vec!["--now", now];
        all.extend_from_slice(args);
        run_as(dir.path(), &key, "admin", "OWNER_PW", &all)
    };
    let monday = "2027-03-01T09:00:00Z";
    let tenant = ok(at(monday, &["tenant", "add", "Bäckerei Schmidt"]))["id"]
        .as_i64()
        .unwrap()
        .to_string();
    ok(at(
        monday,
        &["role", "add", "Reader", "--grant", "tenant:view"],
    ));
    ok(at(
        monday,
        &[
            "user",
            "add",
            "eva",
            "--role",
            "Reader",
            "--tenant",
            &tenant,
            "--password-env",
            "EVA_PW",
        ],
    ));

    let added = ok(at(
        monday,
        &[
            "course",
            "add-shipped",
            "--tenant",
            &tenant,
            "--language",
            "de",
        ],
    ));
    let course = added["id"].as_i64().unwrap().to_string();
    assert!(added["questions"].as_u64().unwrap() >= 10);

    let list = ok(at(monday, &["course", "list"]));
    let first = &list.as_array().unwrap()[0];
    assert_eq!(first["name"], "Datenschutz-Grundlagen für Beschäftigte");
    for field in [
        "id",
        "tenant_id",
        "language",
        "active",
        "pass_percent",
        "questions",
        "assigned",
        "passed",
    ] {
        assert!(first.get(field).is_some(), "{field} in {first}");
    }

    let assigned = ok(at(
        monday,
        &[
            "course",
            "assign",
            &course,
            "--user",
            "eva",
            "--due",
            "2027-03-05",
        ],
    ));
    assert_eq!(assigned["added"], 1);
    let unknown = at(monday, &["course", "assign", &course, "--user", "nobody"]);
    assert!(!unknown.status.success());

    let results = ok(at(monday, &["course", "results", &course]));
    let eva = &results.as_array().unwrap()[0];
    assert_eq!(eva["user"], "eva");
    assert_eq!(eva["state"], "not_started");
    assert_eq!(eva["due"], "2027-03-05");
    assert_eq!(eva["overdue"], false);
    assert_eq!(eva["attempts"], 0);
    let later = ok(at("2027-03-08T09:00:00Z", &["course", "results", &course]));
    assert_eq!(later[0]["overdue"], true);
    let deadlines = ok(at(
        "2027-03-08T09:00:00Z",
        &["deadlines", "--tenant", &tenant],
    ));
    assert!(deadlines
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["kind"] == "course_assignment" && d["overdue"] == true));

    let refused = at(monday, &["course", "verify", "AAAA-BBBB-CCCC"]);
    assert!(!refused.status.success());
    let answer: serde_json::Value = serde_json::from_slice(&refused.stdout).unwrap();
    assert_eq!(answer["error"]["params"]["field"], "code");

    let csv = dir.path().join("results.csv");
    ok(at(
        monday,
        &[
            "export",
            "course_results",
            "--tenant",
            &tenant,
            "--format",
            "csv",
            "--to",
            csv.to_str().unwrap(),
        ],
    ));
    assert!(std::fs::read_to_string(&csv).unwrap().contains("eva"));
}
