//! Schema migrations: upgrades keep data and leave a safety copy; a newer database is
//! refused without being touched.

use crate::common::*;
use dpo_desk_core::desk::installation;
use dpo_desk_core::store::migrations::{latest_version, runner, SAFETY_DIR};
use dpo_desk_core::store::{Store, DATABASE_FILE};
use dpo_desk_core::CoreError;
use refinery::Migration;

fn runner_with_extra(sql: &str) -> refinery::Runner {
    let mut migrations: Vec<Migration> = runner().get_migrations().clone();
    let next = latest_version(&runner()) + 1;
    migrations.push(Migration::unapplied(&format!("V{next}__test_upgrade"), sql).unwrap());
    refinery::Runner::new(&migrations)
}

#[test]
fn upgrade_keeps_data_and_leaves_a_safety_copy() {
    let f = Fixture::new();
    let created = f.setup("Kanzlei Upgrade");
    let key = created.recovery_key.database_key();
    drop(created);
    let db = f.path().join(DATABASE_FILE);

    let upgraded = runner_with_extra(
        "ALTER TABLE office ADD COLUMN motto TEXT; UPDATE office SET motto = 'privacy';",
    );
    let store = Store::open_with(&db, &key, &upgraded).unwrap();
    assert_eq!(store.schema_version().unwrap(), latest_version(&upgraded));
    let (name, motto): (String, String) = store
        .conn()
        .query_row("SELECT name, motto FROM office", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(
        (name.as_str(), motto.as_str()),
        ("Kanzlei Upgrade", "privacy")
    );

    let copies: Vec<_> = std::fs::read_dir(f.path().join(SAFETY_DIR))
        .unwrap()
        .collect();
    assert_eq!(copies.len(), 1, "one safety copy before the upgrade");
    let copy = copies[0].as_ref().unwrap().path();
    let old = Store::open_with(&copy, &key, &runner()).unwrap();
    assert_eq!(
        old.schema_version().unwrap(),
        latest_version(&runner()),
        "the copy is the state before the upgrade"
    );
}

#[test]
fn a_failing_migration_rolls_back_completely() {
    let f = Fixture::new();
    let created = f.setup("Kanzlei");
    let key = created.recovery_key.database_key();
    drop(created);
    let db = f.path().join(DATABASE_FILE);

    let broken =
        runner_with_extra("ALTER TABLE office ADD COLUMN motto TEXT; SELECT * FROM no_such_table;");
    let err = Store::open_with(&db, &key, &broken).err().unwrap();
    assert!(matches!(err, CoreError::Migration(_)), "{err:?}");

    let store = Store::open(&db, &key).unwrap();
    assert_eq!(store.schema_version().unwrap(), latest_version(&runner()));
    let has_motto: bool = store
        .conn()
        .query_row(
            "SELECT EXISTS(SELECT 1 FROM pragma_table_info('office') WHERE name = 'motto')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!has_motto, "the half-applied migration must be rolled back");
}

#[test]
fn a_database_from_a_newer_app_is_refused_and_not_altered() {
    let f = Fixture::new();
    let created = f.setup("Kanzlei");
    let key = created.recovery_key.database_key();
    drop(created);
    let db = f.path().join(DATABASE_FILE);

    // A newer app has applied a migration this one does not know.
    drop(
        Store::open_with(
            &db,
            &key,
            &runner_with_extra("CREATE TABLE future (x INTEGER);"),
        )
        .unwrap(),
    );
    let before = std::fs::read(&db).unwrap();

    let err = Store::open(&db, &key).err().unwrap();
    match err {
        CoreError::SchemaTooNew { found, supported } => {
            assert_eq!(found, supported + 1);
        }
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
    assert_eq!(err_code(&db, &key), "schema_too_new");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the file must be byte-identical"
    );
    assert!(
        !db.with_extension("db-wal").exists()
            || std::fs::metadata(db.with_extension("db-wal"))
                .unwrap()
                .len()
                == 0
    );

    // And through the normal start path too.
    let err = installation::open(f.path(), &f.keystore, f.clock.clone())
        .err()
        .unwrap();
    assert_eq!(err.code(), "schema_too_new");
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

fn err_code(db: &std::path::Path, key: &dpo_desk_core::store::keys::DatabaseKey) -> &'static str {
    Store::open(db, key).err().map(|e| e.code()).unwrap_or("ok")
}
