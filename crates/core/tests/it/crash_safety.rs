//! Crash safety of the writes that only the core runs (issue "nothing lost, nothing
//! leaked", campaign 1): a schema migration over a filled database and a mass change of
//! 1,000 activities, each in a child process (this test binary started again) that is killed
//! with SIGKILL at a random moment of the write. After every kill the database opens, passes
//! `integrity_check` and `foreign_key_check`, and holds the state before or after — never a
//! mix. `DPO_DESK_KILLS` sets the rounds of each (20 in CI).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::common::*;
use dpo_desk_core::domain::activities::{MassChange, MassField};
use dpo_desk_core::installation;
use dpo_desk_core::store::keys::DatabaseKey;
use dpo_desk_core::store::migrations::{latest_version, runner, SAFETY_DIR};
use dpo_desk_core::store::{Store, DATABASE_FILE};
use dpo_desk_core::CoreError;
use refinery::Migration;

const CHILD: &str = "DPO_DESK_CRASH_CHILD";
const ACTIVITIES: usize = 1_000;

fn rounds() -> usize {
    std::env::var("DPO_DESK_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20)
}

/// A migration that rewrites every activity and builds an index over them: long enough on
/// 1,000 activities that a kill lands inside it.
fn runner_with_rewrite() -> refinery::Runner {
    let mut migrations: Vec<Migration> = runner().get_migrations().clone();
    let next = latest_version(&runner()) + 1;
    migrations.push(
        Migration::unapplied(
            &format!("V{next}__crash_probe"),
            "ALTER TABLE processing_activities ADD COLUMN crash_probe TEXT;
             UPDATE processing_activities SET crash_probe = name || '|' || purposes || '|' || responsible;
             CREATE INDEX activities_crash_probe ON processing_activities (crash_probe);
             UPDATE tenants SET name = name || ' ';",
        )
        .unwrap(),
    );
    refinery::Runner::new(&migrations)
}

/// The child's sign that its write starts now: a file, because the test harness holds
/// back what a test prints.
fn ready(dir: &Path) {
    std::fs::write(dir.join("child-ready"), b"").unwrap();
}

/// What the child does: `migrate` or `mass:N`; it signals [`ready`] just before the write.
#[test]
#[ignore = "started by the crash campaign in a child process"]
fn crash_child() {
    let Ok(task) = std::env::var(CHILD) else {
        return;
    };
    let dir = PathBuf::from(std::env::var("DPO_DESK_CRASH_DIR").unwrap());
    let key = DatabaseKey::from_hex(&std::env::var("DPO_DESK_CRASH_KEY").unwrap()).unwrap();
    if task == "migrate" {
        ready(&dir);
        Store::open_with(&dir.join(DATABASE_FILE), &key, &runner_with_rewrite()).unwrap();
    } else {
        let round = task.trim_start_matches("mass:");
        let clock = Arc::new(dpo_desk_core::FixedClock::new(t0()));
        let mut desk = installation::open_with_key(&dir, &key, clock).unwrap();
        let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
        let ids = desk
            .activities(&mut s, 1, None)
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect();
        ready(&dir);
        desk.mass_change_activities(
            &mut s,
            &MassChange {
                ids,
                change: MassField::Responsible(format!("Runde {round}")),
            },
        )
        .unwrap();
    }
}

/// Starts the child and waits until it is about to write.
fn start_child(dir: &Path, key: &DatabaseKey, task: &str) -> std::process::Child {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash_safety::crash_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, task)
        .env("DPO_DESK_CRASH_DIR", dir)
        .env("DPO_DESK_CRASH_KEY", key.to_hex())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let signal = dir.join("child-ready");
    while !signal.exists() {
        if child.try_wait().unwrap().is_some() {
            panic!("the child stopped before its write ({task})");
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    std::fs::remove_file(&signal).unwrap();
    child
}

/// How long the child's write takes when it is left alone.
fn undisturbed(dir: &Path, key: &DatabaseKey, task: &str) -> Duration {
    let mut child = start_child(dir, key, task);
    let started = Instant::now();
    assert!(child.wait().unwrap().success(), "{task} fails undisturbed");
    started.elapsed()
}

/// The median of three undisturbed runs, each after `before`.
fn typical(mut before: impl FnMut(), mut run: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..3)
        .map(|_| {
            before();
            run()
        })
        .collect();
    times.sort();
    times[1]
}

/// One campaign at a time: a measurement and its kills see the same load.
fn alone() -> std::sync::MutexGuard<'static, ()> {
    static ALONE: std::sync::Mutex<()> = std::sync::Mutex::new(());
    ALONE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Starts the child and kills it after a random part of `typical` from the start of its
/// write; answers whether it was still working.
fn kill_child(
    dir: &Path,
    key: &DatabaseKey,
    task: &str,
    typical: Duration,
    random: &mut u64,
) -> bool {
    let mut child = start_child(dir, key, task);
    *random ^= *random << 13;
    *random ^= *random >> 7;
    *random ^= *random << 17;
    let wait = *random % (typical.as_micros() as u64 * 11 / 10).max(1);
    std::thread::sleep(Duration::from_micros(wait));
    let working = child.try_wait().unwrap().is_none();
    if working {
        child.kill().unwrap();
    }
    child.wait().unwrap();
    working
}

fn assert_whole(store: &Store, round: usize) {
    let integrity: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "round {round}");
    let dangling: i64 = store
        .conn()
        .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0, "round {round}: links to missing records");
}

/// An installation with one tenant of 1,000 activities; answers its folder and key.
fn filled(f: &Fixture) -> DatabaseKey {
    let created = f.setup("Kanzlei Absturz");
    let key = created.recovery_key.database_key();
    let mut desk = created.desk;
    let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
    let doc = dpo_desk_core::services::demo::tenant(7, 0, ACTIVITIES);
    desk.import_tenant(&mut s, &doc).unwrap();
    key
}

#[test]
fn killing_a_migration_at_random_moments_leaves_the_old_schema_or_the_new_never_a_mix() {
    let _alone = alone();
    let f = Fixture::new();
    let key = filled(&f);
    let pristine = std::fs::read(f.path().join(DATABASE_FILE)).unwrap();
    let work = tempfile::tempdir().unwrap();
    let db = work.path().join(DATABASE_FILE);
    let reset = || {
        let _ = std::fs::remove_file(db.with_extension("db-wal"));
        let _ = std::fs::remove_file(db.with_extension("db-shm"));
        std::fs::write(&db, &pristine).unwrap();
    };
    let typical = typical(reset, || undisturbed(work.path(), &key, "migrate"));
    eprintln!(
        "undisturbed: the migration takes {} µs",
        typical.as_micros()
    );

    let mut random = 0x510e_527f_ade6_82d1u64;
    let (mut interrupted, mut upgraded) = (0, 0);
    let rounds = rounds();
    for round in 0..rounds {
        reset();
        interrupted += kill_child(work.path(), &key, "migrate", typical, &mut random) as usize;
        match Store::open(&db, &key) {
            Ok(store) => {
                // Not committed: the old schema, every activity, no trace of the new column.
                assert_whole(&store, round);
                let probe: i64 = store
                    .conn()
                    .query_row(
                        "SELECT COUNT(*) FROM pragma_table_info('processing_activities') WHERE name = 'crash_probe'",
                        [],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(probe, 0, "round {round}: half a migration");
            }
            Err(CoreError::SchemaTooNew { .. }) => {
                upgraded += 1;
                let store = Store::open_with(&db, &key, &runner_with_rewrite()).unwrap();
                assert_whole(&store, round);
                let missing: i64 = store
                    .conn()
                    .query_row(
                        "SELECT COUNT(*) FROM processing_activities WHERE crash_probe IS NULL",
                        [],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(missing, 0, "round {round}: the rewrite is part-done");
            }
            Err(other) => panic!("round {round}: the database does not open: {other}"),
        }
        let count: i64 = Store::open_with(&db, &key, &runner_with_rewrite())
            .unwrap()
            .conn()
            .query_row("SELECT COUNT(*) FROM processing_activities", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(count as usize, ACTIVITIES, "round {round}");
        // A safety copy interrupted half-way is tidied by the next one.
        let partial = std::fs::read_dir(work.path().join(SAFETY_DIR))
            .unwrap()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "partial"))
            .count();
        assert!(
            partial <= 1,
            "round {round}: {partial} partial safety copies pile up"
        );
    }
    eprintln!("{rounds} runs: {interrupted} killed while working, {upgraded} had committed");
    assert!(
        interrupted >= rounds / 2,
        "{interrupted} of {rounds} kills landed in the work"
    );
}

#[test]
fn killing_a_mass_change_of_a_thousand_activities_changes_all_of_them_or_none() {
    let _alone = alone();
    let f = Fixture::new();
    let key = filled(&f);
    let responsible = |round: usize| {
        let store = Store::open(&f.path().join(DATABASE_FILE), &key).unwrap();
        assert_whole(&store, round);
        let mut values: Vec<String> = store
            .conn()
            .prepare("SELECT DISTINCT responsible FROM processing_activities WHERE tenant_id = 1")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        values.sort();
        values
    };
    let mut random = 0x9b05_688c_2b3e_6c1fu64;
    let mut interrupted = 0;
    let typical = typical(|| {}, || undisturbed(f.path(), &key, "mass:0"));
    assert_eq!(responsible(0), vec!["Runde 0".to_string()]);
    eprintln!(
        "undisturbed: the mass change takes {} µs",
        typical.as_micros()
    );

    let rounds = rounds();
    for round in 1..=rounds {
        let before = responsible(round);
        interrupted += kill_child(
            f.path(),
            &key,
            &format!("mass:{round}"),
            typical,
            &mut random,
        ) as usize;
        let after = responsible(round);
        assert!(
            after == before || after == vec![format!("Runde {round}")],
            "round {round}: a part-applied mass change {after:?}"
        );
    }
    eprintln!("{rounds} runs: {interrupted} killed while working");
    assert!(
        interrupted >= rounds / 2,
        "{interrupted} of {rounds} kills landed in the work"
    );
}
