//! The CLI as administrators script it: real binary, real database files.

use assert_cmd::Command;
use serde_json::Value;

const PASSWORD: &str = "Datenschutz-2026!";

fn cli(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("dpo-desk-cli").unwrap();
    cmd.arg("--data-dir").arg(dir);
    // No session bus: the keyring is unavailable, as on a headless server.
    cmd.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
        .env("OWNER_PW", PASSWORD);
    cmd
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(out)))
}

pub fn init(dir: &std::path::Path, installed_at: &str) -> String {
    let out = cli(dir)
        .args([
            "--json",
            "--password-env",
            "OWNER_PW",
            "--now",
            installed_at,
            "init",
            "--office",
            "Kanzlei Nord",
            "--owner",
            "admin",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json(&out.stdout);
    assert_eq!(doc["office"], "Kanzlei Nord");
    assert_eq!(doc["keyring_stored"], false);
    doc["recovery_key"].as_str().unwrap().to_string()
}

/// For tests that run on the machine's clock: installed today, so no backup is overdue.
pub fn installed_today() -> String {
    chrono::Utc::now().to_rfc3339()
}

/// Runs the CLI as `user` (password in the variable `pw_var`) with the recovery key; the
/// staff passwords the tests choose are in the environment too.
pub fn run_as(
    dir: &std::path::Path,
    key: &str,
    user: &str,
    pw_var: &str,
    args: &[&str],
) -> std::process::Output {
    cli(dir)
        .env("RK", key)
        .env("EVA_PW", "Evas-Passwort-2026")
        .env("JONAS_PW", "Jonas-Passwort-2026")
        .args([
            "--json",
            "--user",
            user,
            "--password-env",
            pw_var,
            "--recovery-key-env",
            "RK",
        ])
        .args(args)
        .output()
        .unwrap()
}

/// The JSON answer of a command that must succeed.
pub fn ok(out: std::process::Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json(&out.stdout)
}

#[test]
fn init_then_status_reports_the_backup_level_at_any_instant() {
    let tmp = tempfile::tempdir().unwrap();
    let key = init(tmp.path(), "2026-03-02T09:00:00Z");

    let status = |now: &str| {
        let out = cli(tmp.path())
            .env("RK", &key)
            .args([
                "--json",
                "--user",
                "admin",
                "--password-env",
                "OWNER_PW",
                "--recovery-key-env",
                "RK",
                "--now",
                now,
                "status",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        json(&out.stdout)
    };
    let s = status("2026-03-03T10:00:00Z");
    assert_eq!(s["office"], "Kanzlei Nord");
    assert_eq!(s["backup"]["level"], "ok");
    assert_eq!(s["backup"]["due_date"], "2026-03-06");
    assert_eq!(s["backup"]["last_downloaded"], Value::Null);
    assert_eq!(status("2026-03-06T12:00:00Z")["backup"]["level"], "due");
    assert_eq!(
        status("2026-03-08T12:00:00Z")["backup"]["level"],
        "notify_all"
    );
    assert_eq!(status("2026-03-11T12:00:00Z")["backup"]["level"], "locked");
    // --now is remembered as the latest time seen: an earlier instant does not go back.
    assert_eq!(status("2026-03-03T10:00:00Z")["backup"]["level"], "locked");
}

#[test]
fn settings_get_and_set_with_range_checks() {
    let tmp = tempfile::tempdir().unwrap();
    let key = init(tmp.path(), &installed_today());
    let run = |args: &[&str]| {
        cli(tmp.path())
            .env("RK", &key)
            .args([
                "--user",
                "admin",
                "--password-env",
                "OWNER_PW",
                "--recovery-key-env",
                "RK",
            ])
            .args(args)
            .output()
            .unwrap()
    };
    assert_eq!(
        String::from_utf8(run(&["settings", "get", "backup.interval_days"]).stdout)
            .unwrap()
            .trim(),
        "4"
    );
    assert!(run(&["settings", "set", "backup.interval_days", "7"])
        .status
        .success());
    assert_eq!(
        String::from_utf8(run(&["settings", "get", "backup.interval_days"]).stdout)
            .unwrap()
            .trim(),
        "7"
    );
    for bad in ["0", "15", "seven"] {
        let out = run(&["settings", "set", "backup.interval_days", bad]);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("error [validation]"));
    }
    assert_eq!(
        String::from_utf8(run(&["settings", "get", "backup.interval_days"]).stdout)
            .unwrap()
            .trim(),
        "7"
    );
}

#[test]
fn failures_exit_non_zero_with_the_stable_code() {
    let tmp = tempfile::tempdir().unwrap();
    let key = init(tmp.path(), "2026-03-02T09:00:00Z");

    let out = cli(tmp.path())
        .env("RK", &key)
        .env("BAD_PW", "not the password")
        .args([
            "--json",
            "--user",
            "admin",
            "--password-env",
            "BAD_PW",
            "--recovery-key-env",
            "RK",
            "status",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("error [invalid_credentials]"));
    assert_eq!(json(&out.stdout)["error"]["code"], "invalid_credentials");

    // No keyring and no recovery key.
    let out = cli(tmp.path())
        .args(["--user", "admin", "--password-env", "OWNER_PW", "status"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("error [needs_recovery_key]"));

    // A recovery key of another installation.
    let other = tempfile::tempdir().unwrap();
    let foreign = init(other.path(), "2026-03-02T09:00:00Z");
    let out = cli(tmp.path())
        .env("RK", &foreign)
        .args([
            "--user",
            "admin",
            "--password-env",
            "OWNER_PW",
            "--recovery-key-env",
            "RK",
            "status",
        ])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("error [wrong_key]"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // A second init in the same folder.
    let out = cli(tmp.path())
        .args([
            "--password-env",
            "OWNER_PW",
            "init",
            "--office",
            "X",
            "--owner",
            "y",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("error [already_initialized]"));

    // The password never goes on the command line.
    let out = cli(tmp.path())
        .args([
            "--user",
            "admin",
            "--password-env",
            "UNSET_VAR",
            "--recovery-key-env",
            "RK",
            "status",
        ])
        .env("RK", &key)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("error [missing_env]"));

    let out = cli(tmp.path())
        .args(["--now", "yesterday", "status"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("error [invalid_now]"));
}

#[test]
fn roles_are_defined_listed_and_shown_with_the_stable_names() {
    let tmp = tempfile::tempdir().unwrap();
    let key = init(tmp.path(), &installed_today());
    let run = |args: &[&str]| {
        cli(tmp.path())
            .env("RK", &key)
            .args([
                "--json",
                "--user",
                "admin",
                "--password-env",
                "OWNER_PW",
                "--recovery-key-env",
                "RK",
            ])
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&[
        "role",
        "add",
        "Personnel reader",
        "--grant",
        "processing_activity:view",
        "area:view",
        "--hide-menu",
        "audit_log",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let role = json(&out.stdout);
    assert_eq!(
        role["grants"],
        serde_json::json!(["area:view", "processing_activity:view"])
    );
    assert_eq!(role["hidden_menus"], serde_json::json!(["audit_log"]));

    let listed = json(&run(&["role", "list"]).stdout);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(
        json(&run(&["role", "show", "personnel reader"]).stdout)["name"],
        "Personnel reader"
    );

    for (args, code) in [
        (
            vec!["role", "add", "Bad", "--grant", "processing_activity:read"],
            "validation",
        ),
        (
            vec!["role", "add", "Bad", "--hide-menu", "nowhere"],
            "validation",
        ),
        (vec!["role", "add", "Personnel reader"], "validation"),
        (vec!["role", "show", "nobody"], "validation"),
    ] {
        let out = run(&args);
        assert!(!out.status.success(), "{args:?} must fail");
        assert_eq!(json(&out.stdout)["error"]["code"], code, "{args:?}");
    }
    assert_eq!(
        json(&run(&["role", "list"]).stdout)
            .as_array()
            .unwrap()
            .len(),
        1,
        "refused roles were not created"
    );
}

#[test]
fn users_and_tenants_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let key = init(tmp.path(), &installed_today());
    let as_user =
        |user: &str, pw_var: &str, args: &[&str]| run_as(tmp.path(), &key, user, pw_var, args);
    let admin = |args: &[&str]| as_user("admin", "OWNER_PW", args);

    let a = ok(admin(&["tenant", "add", "Bäckerei Schmidt GmbH"]))["id"]
        .as_i64()
        .unwrap();
    let b = ok(admin(&["tenant", "add", "Muster Handwerk", "--template"]))["id"]
        .as_i64()
        .unwrap();
    ok(admin(&[
        "role",
        "add",
        "Reader",
        "--grant",
        "tenant:view",
        "settings:view",
    ]));

    // Without a second --password-env: an invitation code.
    let invited = ok(admin(&[
        "user",
        "add",
        "kunde",
        "--role",
        "Reader",
        "--tenant",
        &a.to_string(),
    ]));
    assert_eq!(invited["roles"], serde_json::json!(["Reader"]));
    assert_eq!(invited["invitation_code"].as_str().unwrap().len(), 14);
    // With one: the password the administrator chose for the user.
    let eva = ok(admin(&[
        "user",
        "add",
        "eva",
        "--role",
        "Reader",
        "--tenant",
        &a.to_string(),
        "--password-env",
        "EVA_PW",
    ]));
    assert_eq!(eva["invitation_code"], Value::Null);

    let eva_tenants = ok(as_user("eva", "EVA_PW", &["tenant", "list"]));
    assert_eq!(
        eva_tenants
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        vec![a],
        "only her tenant"
    );
    let all = ok(admin(&["tenant", "list"]));
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert!(all
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["id"] == b && t["is_template"] == true));

    let refused = as_user("eva", "EVA_PW", &["user", "list"]);
    assert_eq!(json(&refused.stdout)["error"]["code"], "admin_required");
    let refused = admin(&["user", "add", "nobody", "--tenant", &a.to_string()]);
    assert_eq!(json(&refused.stdout)["error"]["params"]["field"], "roles");

    let users = ok(admin(&["user", "list"]));
    assert_eq!(users.as_array().unwrap().len(), 3);
    ok(admin(&["user", "deactivate", "eva"]));
    let out = as_user("eva", "EVA_PW", &["tenant", "list"]);
    assert_eq!(json(&out.stdout)["error"]["code"], "user_deactivated");
}

#[test]
fn restricted_roles_apply_to_the_command_line_as_to_the_window() {
    let tmp = tempfile::tempdir().unwrap();
    let key = init(tmp.path(), &installed_today());
    let as_user =
        |user: &str, pw_var: &str, args: &[&str]| run_as(tmp.path(), &key, user, pw_var, args);
    let admin = |args: &[&str]| as_user("admin", "OWNER_PW", args);
    let jonas = |args: &[&str]| as_user("jonas", "JONAS_PW", args);
    let id = |v: Value| v["id"].as_i64().unwrap().to_string();

    let tenant = id(ok(admin(&["tenant", "add", "Bäckerei Schmidt GmbH"])));
    let company = id(ok(admin(&[
        "company",
        "add",
        "Bäckerei Schmidt GmbH",
        "--tenant",
        &tenant,
        "--legal-form",
        "GmbH",
    ])));
    let personnel = id(ok(admin(&[
        "area",
        "add",
        "Personal",
        "--company",
        &company,
    ])));
    let sales = id(ok(admin(&[
        "area",
        "add",
        "Vertrieb",
        "--company",
        &company,
    ])));
    ok(admin(&[
        "activity",
        "add",
        "Lohnabrechnung",
        "--area",
        &personnel,
        "--status",
        "active",
    ]));
    ok(admin(&[
        "activity",
        "add",
        "Kundenkartei",
        "--area",
        &sales,
    ]));

    let role = ok(admin(&[
        "role",
        "add",
        "Personnel reader",
        "--grant",
        "processing_activity:view",
        "--restrict",
        "processing_activity:area=Personal",
        "--hide-menu",
        "administration",
    ]));
    assert_eq!(
        role["restrictions"],
        serde_json::json!(["processing_activity:area=Personal"])
    );
    ok(admin(&[
        "user",
        "add",
        "jonas",
        "--role",
        "Personnel reader",
        "--tenant",
        &tenant,
        "--password-env",
        "JONAS_PW",
    ]));

    let names = |v: Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(ok(jonas(&["activity", "list", "--tenant", &tenant]))),
        vec!["Lohnabrechnung"]
    );
    assert_eq!(
        names(ok(admin(&["activity", "list", "--tenant", &tenant]))),
        vec!["Kundenkartei", "Lohnabrechnung"]
    );
    let refused = jonas(&["activity", "add", "Neu", "--area", &personnel]);
    assert_eq!(json(&refused.stdout)["error"]["params"]["right"], "create");

    // A second role with the create right, given from the command line: effective at once.
    ok(admin(&[
        "role",
        "add",
        "Creator",
        "--grant",
        "processing_activity:create",
    ]));
    let updated = ok(admin(&[
        "user",
        "update",
        "jonas",
        "--role",
        "Personnel reader",
        "Creator",
        "--tenant",
        &tenant,
    ]));
    assert_eq!(
        updated["roles"],
        serde_json::json!(["Creator", "Personnel reader"])
    );
    ok(jonas(&[
        "activity",
        "add",
        "Bewerbermanagement",
        "--area",
        &personnel,
    ]));

    // Widening the restriction with role update.
    let widened = ok(admin(&[
        "role",
        "update",
        "Personnel reader",
        "--grant",
        "processing_activity:view",
        "--restrict",
        "processing_activity:area=Personal|Vertrieb",
    ]));
    assert_eq!(
        widened["hidden_menus"],
        serde_json::json!([]),
        "update replaces the whole role"
    );
    assert_eq!(
        names(ok(jonas(&["activity", "list", "--tenant", &tenant]))).len(),
        3
    );

    for args in [
        vec!["role", "add", "Bad", "--restrict", "company:own_records"],
        vec![
            "role",
            "add",
            "Bad",
            "--restrict",
            "processing_activity:status=done",
        ],
    ] {
        let out = admin(&args);
        assert!(!out.status.success(), "{args:?}");
        assert_eq!(
            json(&out.stdout)["error"]["params"]["field"],
            "restriction",
            "{args:?}"
        );
    }
}

#[test]
fn demo_data_and_a_tenant_round_trip_through_a_json_file() {
    let tmp = tempfile::tempdir().unwrap();
    let key = init(tmp.path(), &installed_today());
    let admin = |args: &[&str]| run_as(tmp.path(), &key, "admin", "OWNER_PW", args);
    let demo = ok(admin(&["demo", "--tenants", "3", "--activities", "90"]));
    assert_eq!(demo["tenants"], 3);
    let tenants = ok(admin(&["tenant", "list"]));
    assert_eq!(tenants.as_array().unwrap().len(), 3);
    let first = demo["tenant_ids"][0].as_i64().unwrap().to_string();
    let activities = ok(admin(&["activity", "list", "--tenant", &first]));
    assert_eq!(
        activities.as_array().unwrap().len(),
        30,
        "90 spread over 3 tenants"
    );
    assert!(activities.as_array().unwrap().iter().all(|a| !a["linked"]
        .as_array()
        .unwrap()
        .is_empty()
        && a["purposes"] != ""));

    let file = tmp.path().join("export.json");
    let file = file.to_str().unwrap();
    let exported = ok(admin(&["tenant", "export", &first, "--to", file]));
    assert_eq!(exported["activities"], 30);
    let imported = ok(admin(&["tenant", "import", file]));
    let copy = imported["id"].as_i64().unwrap().to_string();
    let again = tmp.path().join("again.json");
    ok(admin(&[
        "tenant",
        "export",
        &copy,
        "--to",
        again.to_str().unwrap(),
    ]));
    assert_eq!(
        std::fs::read(file).unwrap(),
        std::fs::read(&again).unwrap(),
        "round trip identical"
    );

    std::fs::write(
        tmp.path().join("bad.json"),
        b"{\"format\": \"something else\", \"version\": 1}",
    )
    .unwrap();
    let out = admin(&[
        "tenant",
        "import",
        tmp.path().join("bad.json").to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert_eq!(json(&out.stdout)["error"]["params"]["field"], "tenant_file");
    assert_eq!(
        ok(admin(&["tenant", "list"])).as_array().unwrap().len(),
        4,
        "the bad file created nothing"
    );
}

#[test]
fn backups_through_the_command_line_unlock_and_move_to_a_new_machine() {
    let tmp = tempfile::tempdir().unwrap();
    let key = init(tmp.path(), "2026-03-02T09:00:00Z");
    // Every call names its instant: the machine's own clock is months past these dates.
    let admin = |now: &str, args: &[&str]| {
        let mut all = vec!["--now", now];
        all.extend_from_slice(args);
        run_as(tmp.path(), &key, "admin", "OWNER_PW", &all)
    };
    ok(admin(
        "2026-03-02T10:00:00Z",
        &["tenant", "add", "Bäckerei Schmidt GmbH"],
    ));

    // Locked from 03-11 (interval 4, due 03-06, +5): other commands are refused.
    let locked = admin("2026-03-11T10:00:00Z", &["tenant", "list"]);
    assert!(!locked.status.success());
    assert!(
        String::from_utf8_lossy(&locked.stderr).contains("error [backup_locked]"),
        "{}",
        String::from_utf8_lossy(&locked.stderr)
    );
    let status = ok(admin("2026-03-11T10:00:00Z", &["status"]));
    assert_eq!(status["backup"]["level"], "locked");

    let created = ok(admin("2026-03-11T10:00:00Z", &["backup", "create"]));
    let id = created["id"].as_i64().unwrap().to_string();
    let listed = ok(admin("2026-03-11T10:00:00Z", &["backup", "list"]));
    assert_eq!(listed[0]["downloaded_at"], Value::Null);
    let file = tmp.path().join("usb-sicherung.dpobackup");
    ok(admin(
        "2026-03-11T10:00:00Z",
        &["backup", "export", &id, "--to", file.to_str().unwrap()],
    ));
    let status = ok(admin("2026-03-11T10:01:00Z", &["status"]));
    assert_eq!(status["backup"]["level"], "ok");
    assert_eq!(status["backup"]["due_date"], "2026-03-15");
    assert_eq!(status["backup"]["last_downloaded"], "2026-03-11");
    let verified = ok(admin(
        "2026-03-11T10:02:00Z",
        &["backup", "verify", file.to_str().unwrap()],
    ));
    assert_eq!(verified["valid"], true);
    assert_eq!(verified["header"]["office_name"], "Kanzlei Nord");

    // A scheduled backup into an outside folder counts as downloaded.
    let nas = tmp.path().join("nas");
    std::fs::create_dir_all(&nas).unwrap();
    let outside = ok(admin(
        "2026-03-20T02:00:00Z",
        &["backup", "create", "--to", nas.to_str().unwrap()],
    ));
    assert!(std::path::Path::new(outside["file"].as_str().unwrap()).is_file());
    assert_eq!(
        ok(admin("2026-03-20T02:01:00Z", &["status"]))["backup"]["due_date"],
        "2026-03-24"
    );
    let missing = admin(
        "2026-03-21T02:00:00Z",
        &[
            "backup",
            "create",
            "--to",
            tmp.path().join("unplugged").to_str().unwrap(),
        ],
    );
    assert!(!missing.status.success(), "a missing target is reported");
    assert!(String::from_utf8_lossy(&missing.stderr).contains("error [missing]"));

    // CSV as of the backup, and a module restore.
    ok(admin(
        "2026-03-21T09:00:00Z",
        &["tenant", "add", "Nach der Sicherung"],
    ));
    let csv_dir = tmp.path().join("csv");
    let csv = ok(admin(
        "2026-03-21T09:00:00Z",
        &[
            "backup",
            "csv",
            file.to_str().unwrap(),
            "--module",
            "companies:1",
            "--to",
            csv_dir.to_str().unwrap(),
        ],
    ));
    assert_eq!(csv["files"].as_array().unwrap().len(), 1);
    let bad_module = admin(
        "2026-03-21T09:00:00Z",
        &[
            "backup",
            "restore",
            file.to_str().unwrap(),
            "--module",
            "toms",
        ],
    );
    assert!(String::from_utf8_lossy(&bad_module.stderr).contains("error [validation]"));
    let restored = ok(admin(
        "2026-03-21T09:00:00Z",
        &["backup", "restore", file.to_str().unwrap()],
    ));
    assert!(std::path::Path::new(restored["safety_backup"].as_str().unwrap()).is_file());
    let tenants = ok(admin("2026-03-21T09:00:00Z", &["tenant", "list"]));
    assert_eq!(
        tenants.as_array().unwrap().len(),
        1,
        "the tenant made after the backup is gone: {tenants}"
    );

    // Moving to a new machine (the next day): the file and the recovery key set up an
    // empty folder.
    let fresh = tempfile::tempdir().unwrap();
    let moved = cli(fresh.path())
        .env("RK", &key)
        .args([
            "--json",
            "--recovery-key-env",
            "RK",
            "--now",
            "2026-03-12T09:00:00Z",
            "backup",
            "restore",
            file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(ok(moved)["office"], "Kanzlei Nord");
    let there = ok(run_as(
        fresh.path(),
        &key,
        "admin",
        "OWNER_PW",
        &["--now", "2026-03-12T09:00:00Z", "tenant", "list"],
    ));
    // The restored file counts as downloaded there: the reminder runs from its date.
    let status = ok(run_as(
        fresh.path(),
        &key,
        "admin",
        "OWNER_PW",
        &["--now", "2026-03-12T09:00:00Z", "status"],
    ));
    assert_eq!(status["backup"]["due_date"], "2026-03-15");
    assert_eq!(there[0]["name"], "Bäckerei Schmidt GmbH");
}
