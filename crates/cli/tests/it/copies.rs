//! `tenant copy`, `tenant add --from-template` and `copy` as SPEC §14 states them.

use crate::cli::{init, installed_today, ok, run_as};

#[test]
fn tenants_are_copied_and_records_copied_into_other_tenants_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let key = init(dir.path(), &installed_today());
    let admin = |args: &[&str]| ok(run_as(dir.path(), &key, "admin", "OWNER_PW", args));
    let id = |v: serde_json::Value| v["id"].as_i64().unwrap().to_string();
    let template = id(admin(&["tenant", "add", "Muster Bäckerei", "--template"]));
    let company = id(admin(&[
        "company",
        "add",
        "--tenant",
        &template,
        "Bäckerei GmbH",
    ]));
    let area = id(admin(&["area", "add", "Verkauf", "--company", &company]));
    let activity = id(admin(&["activity", "add", "Kundenkarte", "--area", &area]));

    let copy = admin(&["tenant", "copy", &template]);
    assert_eq!(copy["name"], "Muster Bäckerei (copy)");
    assert!(copy["id"].as_i64().is_some());
    let named = admin(&["tenant", "copy", &template, "--name", "Muster Konditorei"]);
    assert_eq!(named["name"], "Muster Konditorei");
    let client = admin(&[
        "tenant",
        "add",
        "Bäckerei Sonne",
        "--from-template",
        &template,
    ]);
    assert_eq!(client["is_template"], false);
    let client = id(client);
    assert_eq!(
        admin(&["activity", "list", "--tenant", &client])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let other = id(admin(&["tenant", "add", "Café Mond"]));
    let summary = admin(&[
        "copy",
        "--type",
        "activity",
        "--id",
        &activity,
        "--to-tenant",
        &client,
        &other,
    ]);
    let targets = summary["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 2);
    for t in targets {
        assert_eq!(
            t["ids"].as_array().unwrap().len(),
            1,
            "the new ids per target tenant: {t}"
        );
        assert!(t["tenant_id"].as_i64().is_some());
    }
    let out = run_as(
        dir.path(),
        &key,
        "admin",
        "OWNER_PW",
        &[
            "copy",
            "--type",
            "invoice",
            "--id",
            &activity,
            "--to-tenant",
            &other,
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be copied"));
}
