//! Crash safety: the real CLI is killed with SIGKILL at random moments of its long, multi-
//! step writes — `backup create` and `backup restore` (200 times), `tenant import`,
//! `tenant copy`, data copy, module restore and tenant creation with its TOM catalogue
//! (`DPO_DESK_KILLS` times each, 40 in CI) — and after every kill the database opens, passes
//! `PRAGMA integrity_check` and `foreign_key_check` (every link points to a live record),
//! holds exactly the committed data, and no half-made tenant or copy exists.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

const PASSWORD: &str = "Datenschutz-2026!";
const KILLS: usize = 200;

pub(crate) fn cli(dir: &Path, key: &str, args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("dpo-desk-cli").unwrap();
    cmd.arg("--data-dir").arg(dir);
    cmd.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
        .env("OWNER_PW", PASSWORD)
        .env("RK", key);
    cmd.args([
        "--json",
        "--user",
        "admin",
        "--password-env",
        "OWNER_PW",
        "--recovery-key-env",
        "RK",
    ])
    .args(args);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd
}

pub(crate) fn ok(dir: &Path, key: &str, args: &[&str]) -> Value {
    let out = cli(dir, key, args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// What must survive every kill: the tenants and every activity of the first tenant.
fn committed(dir: &Path, key: &str) -> (Value, Value) {
    (
        ok(dir, key, &["tenant", "list"]),
        ok(dir, key, &["activity", "list", "--tenant", "1"]),
    )
}

/// The database file is whole: SQLite's own check, and no link points to a missing record.
pub(crate) fn assert_whole(dir: &Path, key: &str, round: usize) {
    let key = dpo_desk_core::store::keys::RecoveryKey::parse(key)
        .unwrap()
        .database_key();
    let store =
        dpo_desk_core::store::Store::open(&dir.join(dpo_desk_core::store::DATABASE_FILE), &key)
            .unwrap_or_else(|e| panic!("round {round}: the database does not open: {e}"));
    let integrity: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "round {round}");
    let mut check = store.conn().prepare("PRAGMA foreign_key_check").unwrap();
    let dangling: Vec<String> = check
        .query_map([], |r| {
            Ok(format!(
                "{}→{}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(2)?
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        dangling.is_empty(),
        "round {round}: dangling links {dangling:?}"
    );
}

/// Starts the command and kills it after a random part of its usual time; answers whether
/// it was still working when the kill came.
fn kill_at_random(
    dir: &Path,
    key: &str,
    args: &[&str],
    typical_us: u64,
    random: &mut Random,
) -> bool {
    let mut child = cli(dir, key, args).spawn().unwrap();
    std::thread::sleep(Duration::from_micros(random.below(typical_us * 11 / 10)));
    let working = child.try_wait().unwrap().is_none();
    if working {
        child.kill().unwrap(); // SIGKILL on Unix
    }
    child.wait().unwrap();
    working
}

fn names(list: &Value) -> Vec<String> {
    let mut names: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

fn count(list: &Value) -> usize {
    list.as_array().unwrap().len()
}

/// The campaigns measure how long a command takes and kill it within that time: run one
/// at a time, so a measurement and its kills see the same load.
pub(crate) fn heavy() -> std::sync::MutexGuard<'static, ()> {
    static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());
    HEAVY.lock().unwrap_or_else(|e| e.into_inner())
}

/// A backup of the state now, saved as `file` outside the app and not kept in its list.
pub(crate) fn saved_backup(dir: &Path, key: &str, file: &Path) {
    let id = ok(dir, key, &["backup", "create"])["id"].to_string();
    ok(
        dir,
        key,
        &["backup", "export", &id, "--to", file.to_str().unwrap()],
    );
    ok(dir, key, &["backup", "delete", &id]);
}

/// A small xorshift: reproducible random delays without another dependency.
struct Random(u64);
impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// How long the command takes when it is left alone (median of three), in microseconds.
fn duration_of(dir: &Path, key: &str, args: &[&str]) -> u64 {
    let mut times: Vec<u64> = (0..3)
        .map(|_| {
            let started = Instant::now();
            ok(dir, key, args);
            started.elapsed().as_micros() as u64
        })
        .collect();
    times.sort();
    times[1]
}

/// A new installation in `root/data`; answers its folder and recovery key.
pub(crate) fn installation(root: &Path) -> (std::path::PathBuf, String) {
    let dir = root.join("data");
    let now = chrono::Utc::now().to_rfc3339();
    let out = Command::cargo_bin("dpo-desk-cli")
        .unwrap()
        .arg("--data-dir")
        .arg(&dir)
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
        .env("OWNER_PW", PASSWORD)
        .args([
            "--json",
            "--password-env",
            "OWNER_PW",
            "--now",
            &now,
            "init",
            "--office",
            "Kanzlei Crash",
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
    let key = serde_json::from_slice::<Value>(&out.stdout).unwrap()["recovery_key"]
        .as_str()
        .unwrap()
        .to_string();
    (dir, key)
}

#[test]
fn killing_backup_create_and_restore_at_random_moments_loses_nothing_committed() {
    let _alone = heavy();
    let tmp = tempfile::tempdir().unwrap();
    let (dir, key) = installation(tmp.path());
    ok(
        &dir,
        &key,
        &["demo", "--tenants", "3", "--activities", "600"],
    );
    let expected = committed(&dir, &key);
    assert_eq!(expected.1.as_array().unwrap().len(), 200);

    // The file every restore goes back to: the very state above.
    let file = tmp.path().join("stand.dpobackup");
    saved_backup(&dir, &key, &file);
    let create_us = duration_of(&dir, &key, &["backup", "create"]);
    let restore_us = duration_of(&dir, &key, &["backup", "restore", file.to_str().unwrap()]);
    eprintln!(
        "undisturbed: backup create {} ms, restore {} ms",
        create_us / 1000,
        restore_us / 1000
    );

    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let (mut interrupted, mut finished) = (0, 0);
    let mut verified = std::collections::HashSet::new();
    for round in 0..KILLS {
        // Room for new backups: at most 7 are kept.
        let listed = ok(&dir, &key, &["backup", "list"]);
        for b in listed.as_array().unwrap().iter().skip(4) {
            ok(&dir, &key, &["backup", "delete", &b["id"].to_string()]);
        }
        let restore = round % 2 == 1;
        let (args, typical): (Vec<&str>, u64) = if restore {
            (
                vec!["backup", "restore", file.to_str().unwrap()],
                restore_us,
            )
        } else {
            (vec!["backup", "create"], create_us)
        };
        if kill_at_random(&dir, &key, &args, typical, &mut random) {
            interrupted += 1;
        } else {
            finished += 1;
        }

        assert_eq!(
            committed(&dir, &key),
            expected,
            "round {round} ({}): the committed data changed",
            args[1]
        );
        // Every backup the list shows is complete (each checked once, when it appears).
        for b in ok(&dir, &key, &["backup", "list"]).as_array().unwrap() {
            let name = b["file_name"].as_str().unwrap().to_string();
            if verified.insert(name.clone()) {
                ok(
                    &dir,
                    &key,
                    &[
                        "backup",
                        "verify",
                        dir.join("backups").join(name).to_str().unwrap(),
                    ],
                );
            }
        }
    }
    eprintln!("{KILLS} runs: {interrupted} killed while working, {finished} had finished first");
    assert!(
        interrupted >= KILLS * 3 / 4,
        "most kills must land while the command works ({interrupted} of {KILLS})"
    );
    let leftovers: Vec<String> = std::fs::read_dir(dir.join("backups"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".part") || n.contains(".snapshot-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "the next start tidies up: {leftovers:?}"
    );
}

/// Rounds of the tenant, copy and restore campaigns: a short one in CI, as many as asked for
/// on demand (`DPO_DESK_KILLS=200 cargo test -p dpo-desk-cli --test it crash_safety`).
fn rounds() -> usize {
    std::env::var("DPO_DESK_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40)
}

#[test]
fn killing_tenant_import_and_tenant_copy_at_random_moments_leaves_whole_tenants_or_none() {
    let _alone = heavy();
    let tmp = tempfile::tempdir().unwrap();
    let (dir, key) = installation(tmp.path());
    ok(
        &dir,
        &key,
        &["demo", "--tenants", "1", "--activities", "400"],
    );
    let source = committed(&dir, &key);
    let activities = source.1.as_array().unwrap().len();
    assert_eq!(activities, 400);
    let file = tmp.path().join("mandant.json");
    ok(
        &dir,
        &key,
        &["tenant", "export", "1", "--to", file.to_str().unwrap()],
    );
    let import_us = duration_of(&dir, &key, &["tenant", "import", file.to_str().unwrap()]);
    let copy_us = duration_of(&dir, &key, &["tenant", "copy", "1"]);
    eprintln!(
        "undisturbed: tenant import {} ms, tenant copy {} ms",
        import_us / 1000,
        copy_us / 1000
    );

    let rounds = rounds();
    let mut random = Random(0x2545_f491_4f6c_dd1d);
    let (mut interrupted, mut finished) = (0, 0);
    let mut tenants_before = ok(&dir, &key, &["tenant", "list"])
        .as_array()
        .unwrap()
        .len();
    for round in 0..rounds {
        let copy = round % 2 == 1;
        let (args, typical): (Vec<&str>, u64) = if copy {
            (vec!["tenant", "copy", "1"], copy_us)
        } else {
            (vec!["tenant", "import", file.to_str().unwrap()], import_us)
        };
        if kill_at_random(&dir, &key, &args, typical, &mut random) {
            interrupted += 1;
        } else {
            finished += 1;
        }

        // The source is untouched; every tenant is whole: all 400 activities or none made.
        assert_eq!(
            ok(&dir, &key, &["activity", "list", "--tenant", "1"]),
            source.1,
            "round {round}: the source tenant changed"
        );
        let tenants = ok(&dir, &key, &["tenant", "list"]);
        let tenants = tenants.as_array().unwrap();
        assert!(
            tenants.len() == tenants_before || tenants.len() == tenants_before + 1,
            "round {round}: {} tenants after {tenants_before}",
            tenants.len()
        );
        if tenants.len() > tenants_before {
            let newest = tenants
                .iter()
                .map(|t| t["id"].as_i64().unwrap())
                .max()
                .unwrap();
            let made = ok(
                &dir,
                &key,
                &["activity", "list", "--tenant", &newest.to_string()],
            );
            assert_eq!(
                made.as_array().unwrap().len(),
                activities,
                "round {round} ({}): a half-made tenant",
                args[1]
            );
        }
        tenants_before = tenants.len();
    }
    eprintln!("{rounds} runs: {interrupted} killed while working, {finished} had finished first");
    assert!(
        interrupted >= rounds / 2,
        "most kills must land while the command works ({interrupted} of {rounds})"
    );
}

#[test]
fn killing_data_copy_module_restore_and_tenant_creation_at_random_moments_leaves_each_whole() {
    let _alone = heavy();
    let tmp = tempfile::tempdir().unwrap();
    let (dir, key) = installation(tmp.path());
    ok(
        &dir,
        &key,
        &["demo", "--tenants", "2", "--activities", "400"],
    );
    let activities = |tenant: &str| ok(&dir, &key, &["activity", "list", "--tenant", tenant]);
    let restored = names(&activities("1"));
    assert_eq!(restored.len(), 200);
    let area = activities("1")[0]["area_id"].to_string();

    // The state every module restore goes back to.
    let file = tmp.path().join("stand.dpobackup");
    saved_backup(&dir, &key, &file);
    let restore: Vec<&str> = vec![
        "backup",
        "restore",
        file.to_str().unwrap(),
        "--module",
        "tenant:1",
    ];
    let ids: Vec<String> = activities("1")
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].to_string())
        .collect();
    let mut copy: Vec<&str> = vec!["copy", "--type", "activity", "--to-tenant", "2", "--id"];
    copy.extend(ids.iter().map(String::as_str));
    // A new tenant gets the master data and TOM catalogue: that many measures, or none.
    let catalogue = count(&ok(&dir, &key, &["tom", "list", "--tenant", "2"]));
    assert!(catalogue > 50, "{catalogue} measures in a new tenant");

    let restore_us = duration_of(&dir, &key, &restore);
    let add = ["tenant", "add", "Neu"];
    let add_us = duration_of(&dir, &key, &add);
    let before_copy = count(&activities("2"));
    let copy_us = duration_of(&dir, &key, &copy);
    let copied = (count(&activities("2")) - before_copy) / 3;
    assert_eq!(copied, 200);
    eprintln!(
        "undisturbed: module restore {} ms, data copy {} ms, tenant add {} ms",
        restore_us / 1000,
        copy_us / 1000,
        add_us / 1000
    );

    let rounds = rounds();
    let mut random = Random(0x6a09_e667_f3bc_c908);
    let mut interrupted = 0;
    for round in 0..rounds {
        match round % 3 {
            0 => {
                // A change after the backup, so the restore has work to undo.
                ok(
                    &dir,
                    &key,
                    &[
                        "activity",
                        "add",
                        &format!("Nach der Sicherung {round}"),
                        "--area",
                        &area,
                    ],
                );
                let before = names(&activities("1"));
                interrupted +=
                    kill_at_random(&dir, &key, &restore, restore_us, &mut random) as usize;
                assert_whole(&dir, &key, round);
                let after = names(&activities("1"));
                assert!(
                    after == before || after == restored,
                    "round {round}: the module restore left {} activities (before {}, backup {})",
                    after.len(),
                    before.len(),
                    restored.len()
                );
            }
            1 => {
                let before = count(&activities("2"));
                interrupted += kill_at_random(&dir, &key, &copy, copy_us, &mut random) as usize;
                assert_whole(&dir, &key, round);
                let after = count(&activities("2"));
                assert!(
                    after == before || after == before + copied,
                    "round {round}: a half copy ({before} → {after})"
                );
            }
            _ => {
                let before = ok(&dir, &key, &["tenant", "list"]);
                interrupted += kill_at_random(&dir, &key, &add, add_us, &mut random) as usize;
                assert_whole(&dir, &key, round);
                let after = ok(&dir, &key, &["tenant", "list"]);
                if count(&after) > count(&before) {
                    let newest = after
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|t| t["id"].as_i64().unwrap())
                        .max()
                        .unwrap()
                        .to_string();
                    assert_eq!(
                        count(&ok(&dir, &key, &["tom", "list", "--tenant", &newest])),
                        catalogue,
                        "round {round}: a tenant with part of its catalogue"
                    );
                } else {
                    assert_eq!(after, before, "round {round}");
                }
            }
        }
    }
    eprintln!("{rounds} runs: {interrupted} killed while working");
    assert!(
        interrupted >= rounds / 2,
        "most kills must land while the command works ({interrupted} of {rounds})"
    );
}

#[test]
fn killing_document_add_at_random_moments_stores_each_file_whole_or_not_at_all() {
    let _alone = heavy();
    let tmp = tempfile::tempdir().unwrap();
    let (dir, key) = installation(tmp.path());
    ok(&dir, &key, &["tenant", "add", "Akten"]);
    // Eight files of 4 MB, each with bytes of its own, added in one command (each file in a
    // transaction of its own, its bytes streamed into the database).
    let files: Vec<std::path::PathBuf> = (0..8)
        .map(|i| {
            let path = tmp.path().join(format!("Scan {i}.pdf"));
            let mut bytes = vec![0u8; 4 * 1024 * 1024];
            let mut random = Random(0x9e37_79b9_7f4a_7c15 + i);
            for chunk in bytes.chunks_mut(8) {
                chunk.copy_from_slice(&random.below(u64::MAX).to_le_bytes()[..chunk.len()]);
            }
            std::fs::write(&path, &bytes).unwrap();
            path
        })
        .collect();
    let expected: std::collections::HashMap<String, String> = files
        .iter()
        .map(|p| {
            use sha2::Digest;
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                format!("{:x}", sha2::Sha256::digest(std::fs::read(p).unwrap())),
            )
        })
        .collect();
    let mut add: Vec<String> = ["document", "add", "--tenant", "1", "--folder", "/Scans"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    add.extend(files.iter().map(|p| p.to_str().unwrap().to_string()));
    let add: Vec<&str> = add.iter().map(String::as_str).collect();
    let add_us = duration_of(&dir, &key, &add);
    eprintln!("undisturbed: document add of 8 × 4 MB {} ms", add_us / 1000);

    // Each round reads back what came in: half the rounds of the other campaigns.
    let rounds = rounds().div_ceil(2);
    let mut random = Random(0xbb67_ae85_84ca_a73b);
    let mut interrupted = 0;
    for round in 0..rounds {
        let before = ok(
            &dir,
            &key,
            &["document", "list", "--tenant", "1", "--folder", "/Scans"],
        );
        interrupted += kill_at_random(&dir, &key, &add, add_us, &mut random) as usize;
        assert_whole(&dir, &key, round);
        let after = ok(
            &dir,
            &key,
            &["document", "list", "--tenant", "1", "--folder", "/Scans"],
        );
        // Every document's newest version is a whole file: its bytes read back hash to the
        // file's; a version is added or not, never cut.
        for doc in after.as_array().unwrap() {
            let name = doc["name"].as_str().unwrap();
            let before_version = before
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["id"] == doc["id"])
                .map_or(0, |d| d["version"].as_i64().unwrap());
            let now = doc["version"].as_i64().unwrap();
            assert!(
                now == before_version || now == before_version + 1,
                "round {round}: {name} {before_version} → {now}"
            );
            if now == before_version {
                continue;
            }
            // A version that came in is the whole file, read back byte for byte.
            let out = tmp.path().join("check.bin");
            let got = ok(
                &dir,
                &key,
                &[
                    "document",
                    "get",
                    &doc["id"].to_string(),
                    "--to",
                    out.to_str().unwrap(),
                ],
            );
            assert_eq!(
                got["version"]["sha256"].as_str(),
                Some(expected[name].as_str()),
                "round {round}: {name}"
            );
            use sha2::Digest;
            assert_eq!(
                format!("{:x}", sha2::Sha256::digest(std::fs::read(&out).unwrap())),
                expected[name],
                "round {round}: {name} read back"
            );
        }
    }
    eprintln!("{rounds} runs: {interrupted} killed while working");
    assert!(
        interrupted >= rounds / 2,
        "most kills must land while the command works ({interrupted} of {rounds})"
    );
}

#[test]
fn a_reader_that_stops_early_is_no_crash() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, key) = installation(tmp.path());
    ok(
        &dir,
        &key,
        &["demo", "--tenants", "1", "--activities", "400"],
    );
    let full = cli(&dir, &key, &["activity", "list", "--tenant", "1"])
        .output()
        .unwrap();
    assert!(
        full.stdout.len() > 4 * 65_536,
        "more than the pipe holds: {} bytes",
        full.stdout.len()
    );
    let mut child = cli(&dir, &key, &["activity", "list", "--tenant", "1"])
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    use std::io::Read;
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe closes
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("internal error"),
        "{stderr}"
    );
}
