//! `tom list|add|set|review` as SPEC §14 states them, with the JSON fields scripts read.

use crate::cli::{init, installed_today, ok, run_as};

#[test]
fn tom_commands_list_add_set_and_review_with_the_spec_json_fields() {
    let dir = tempfile::tempdir().unwrap();
    let key = init(dir.path(), &installed_today());
    let admin = |args: &[&str]| ok(run_as(dir.path(), &key, "admin", "OWNER_PW", args));
    let tenant = admin(&["tenant", "add", "Bäckerei Schmidt"])["id"]
        .as_i64()
        .unwrap();
    let t = tenant.to_string();
    let company = admin(&["company", "add", "--tenant", &t, "Bäckerei Schmidt GmbH"])["id"]
        .as_i64()
        .unwrap()
        .to_string();

    let list = admin(&["tom", "list", "--tenant", &t]);
    let list = list.as_array().unwrap();
    assert!(list.len() >= 94, "the catalogue: {}", list.len());
    for field in [
        "id",
        "protection_type",
        "title",
        "status",
        "companies",
        "next_review",
    ] {
        assert!(list[0].get(field).is_some(), "{field} in {}", list[0]);
    }
    assert_eq!(list[0]["protection_type"], "physical_access");
    assert_eq!(list[0]["status"], "in_review");
    assert_eq!(list[0]["companies"], serde_json::json!([]));

    let added = admin(&[
        "tom",
        "add",
        "--tenant",
        &t,
        "--type",
        "separation",
        "Kassennetz getrennt",
    ]);
    assert_eq!(added["protection_type"], "separation");
    assert_eq!(added["status"], "in_review");
    let id = added["id"].as_i64().unwrap().to_string();

    let set = admin(&[
        "tom",
        "set",
        &id,
        "--status",
        "active",
        "--valid-for",
        &company,
        "--next-review",
        "2027-04-01",
    ]);
    assert_eq!(set["status"], "active");
    assert_eq!(set["companies"][0].as_i64().unwrap().to_string(), company);
    assert_eq!(set["next_review"], "2027-04-01");

    let reviewed = admin(&[
        "tom",
        "review",
        &id,
        "--result",
        "wirksam",
        "--date",
        "2026-01-10",
    ]);
    assert_eq!(
        reviewed["next_review"], "2027-01-10",
        "one year after the review"
    );
    assert_eq!(reviewed["reviews"][0]["result"], "wirksam");

    let only = admin(&[
        "tom",
        "list",
        "--tenant",
        &t,
        "--company",
        &company,
        "--status",
        "active",
    ]);
    let only = only.as_array().unwrap();
    assert_eq!(only.len(), 1);
    assert_eq!(only[0]["id"].as_i64().unwrap().to_string(), id);

    // Bad input: a clear error with the stable code, nothing changed.
    let out = run_as(
        dir.path(),
        &key,
        "admin",
        "OWNER_PW",
        &[
            "tom",
            "review",
            &id,
            "--result",
            "alt",
            "--date",
            "2025-12-01",
        ],
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("[validation]") && stderr.contains("2026-01-10"),
        "{stderr}"
    );
    let out = run_as(
        dir.path(),
        &key,
        "admin",
        "OWNER_PW",
        &["tom", "add", "--tenant", &t, "--type", "walls", "Mauer"],
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("physical_access"),
        "the valid types are named"
    );
    let out = run_as(
        dir.path(),
        &key,
        "admin",
        "OWNER_PW",
        &["tom", "list", "--tenant", &t, "--status", "done"],
    );
    assert!(!out.status.success());
    let after = admin(&["tom", "list", "--tenant", &t]);
    assert_eq!(after.as_array().unwrap().len(), list.len() + 1);
}
