//! `request add|list`, `breach add|list` and `deadlines` as SPEC §14 states them: the JSON
//! fields scripts read, and `--now` moving `overdue` and `hours_left`.

use crate::cli::{init, ok, run_as};

#[test]
fn requests_breaches_and_deadlines_follow_the_clock_given_with_now() {
    let dir = tempfile::tempdir().unwrap();
    let key = init(dir.path(), "2027-03-01T08:00:00Z");
    let at = |now: &str, args: &[&str]| {
        let mut all = vec!["--now", now];
        all.extend_from_slice(args);
        ok(run_as(dir.path(), &key, "admin", "OWNER_PW", &all))
    };
    let monday = "2027-03-01T09:00:00Z";
    let tenant = at(monday, &["tenant", "add", "Bäckerei Schmidt"])["id"]
        .as_i64()
        .unwrap()
        .to_string();

    let r = at(
        monday,
        &[
            "request",
            "add",
            "--tenant",
            &tenant,
            "--kind",
            "erasure",
            "--received",
            "2027-01-31",
            "Max Muster",
        ],
    );
    assert_eq!(r["deadline"], "2027-02-28");
    assert_eq!(r["overdue"], true);
    assert_eq!(r["status"], "open");
    let r = at(
        monday,
        &[
            "request",
            "add",
            "--tenant",
            &tenant,
            "--kind",
            "access",
            "--received",
            "2027-02-05",
            "Erika Beispiel",
        ],
    );
    assert_eq!(r["deadline"], "2027-03-05");
    assert_eq!(r["overdue"], false);
    let list = at(monday, &["request", "list", "--tenant", &tenant]);
    let list = list.as_array().unwrap();
    assert_eq!(list[0]["requester"], "Max Muster", "overdue first");
    for field in ["deadline", "overdue", "status"] {
        assert!(list[1].get(field).is_some(), "{field} in {}", list[1]);
    }

    let b = at(
        monday,
        &[
            "breach",
            "add",
            "--tenant",
            &tenant,
            "--discovered-at",
            "2027-03-01T08:30:00+01:00",
            "Laptop im Zug vergessen",
        ],
    );
    assert_eq!(b["authority_deadline"], "2027-03-04T07:30:00Z");
    assert_eq!(b["hours_left"], 70);
    assert_eq!(b["status"], "open");
    let after_48 = at(
        "2027-03-03T09:30:00Z",
        &["breach", "list", "--tenant", &tenant],
    );
    assert_eq!(after_48[0]["hours_left"], 22);
    assert_eq!(after_48[0]["clock"], "urgent");
    let late = at(
        "2027-03-04T10:00:00Z",
        &["breach", "list", "--tenant", &tenant],
    );
    assert_eq!(late[0]["hours_left"], -3);
    assert_eq!(late[0]["overdue"], true);

    let deadlines = at("2027-03-04T10:00:00Z", &["deadlines", "--tenant", &tenant]);
    let kinds: Vec<(&str, bool)> = deadlines
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["kind"].as_str().unwrap(), d["overdue"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("request", true),
            ("breach", true),
            ("request", false),
            ("backup", false)
        ]
    );
    for field in ["kind", "id", "title", "due", "overdue"] {
        assert!(deadlines[0].get(field).is_some(), "{field}");
    }

    // `--now` is remembered as the latest time seen: later commands count from there.
    let later = at(
        "2027-03-06T09:00:00Z",
        &["request", "list", "--tenant", &tenant],
    );
    assert_eq!(later[1]["overdue"], true, "the clock moved past 5 March");

    let bad = run_as(
        dir.path(),
        &key,
        "admin",
        "OWNER_PW",
        &[
            "request",
            "add",
            "--tenant",
            &tenant,
            "--kind",
            "gossip",
            "--received",
            "2027-02-01",
            "X",
        ],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("access, rectification"));
}
