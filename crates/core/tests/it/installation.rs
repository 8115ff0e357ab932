//! Creating, reopening and unlocking installations on real SQLCipher files.

use crate::common::*;
use dpo_desk_core::desk::installation::{self, Opening, SetupRequest};
use dpo_desk_core::store::keys::RecoveryKey;
use dpo_desk_core::store::keystore::{KeyStore, MemoryKeyStore, NoKeyStore};
use dpo_desk_core::store::{Store, DATABASE_FILE};
use dpo_desk_core::CoreError;

fn ready(opening: Opening) -> dpo_desk_core::Desk {
    match opening {
        Opening::Ready(desk) => desk,
        Opening::NeedsSetup => panic!("expected Ready, got NeedsSetup"),
        Opening::NeedsRecoveryKey { keyring_error } => {
            panic!("expected Ready, got NeedsRecoveryKey({keyring_error:?})")
        }
    }
}

#[test]
fn fresh_folder_needs_setup_and_setup_creates_an_openable_installation() {
    let f = Fixture::new();
    assert!(matches!(
        installation::open(f.path(), &f.keystore, f.clock.clone()).unwrap(),
        Opening::NeedsSetup
    ));

    let created = f.setup("Kanzlei Beispiel");
    assert!(created.keyring_error.is_none());
    assert_eq!(created.desk.office_name().unwrap(), "Kanzlei Beispiel");
    drop(created);

    // A second start finds the key in the keyring and the same data.
    let mut desk = ready(installation::open(f.path(), &f.keystore, f.clock.clone()).unwrap());
    assert_eq!(desk.office_name().unwrap(), "Kanzlei Beispiel");
    let mut session = desk.sign_in(OWNER, PASSWORD).unwrap();
    let info = desk.session_info(&mut session).unwrap();
    assert!(info.is_admin && info.is_owner);
    assert!(!f.path().join(format!("{DATABASE_FILE}.partial")).exists());
}

#[test]
fn setup_refuses_bad_input_and_writes_nothing() {
    let f = Fixture::new();
    let target = f.path().join("office");
    let bad = [
        ("", OWNER, PASSWORD, "office_name"),
        ("Office", "  ", PASSWORD, "user_name"),
        ("Office", OWNER, "short", "password"),
    ];
    for (office, owner, password, field) in bad {
        let err = installation::create(
            &target,
            &SetupRequest {
                office_name: office.into(),
                owner_name: owner.into(),
                owner_password: password.into(),
            },
            &f.keystore,
            f.clock.clone(),
        )
        .err()
        .expect("must be refused");
        match err {
            CoreError::Validation { field: got, .. } => assert_eq!(got, field),
            other => panic!("expected validation error, got {other:?}"),
        }
        assert!(!target.exists(), "nothing may be written for invalid input");
    }
}

#[test]
fn setup_twice_is_refused() {
    let f = Fixture::new();
    drop(f.setup("First"));
    let again = installation::create(
        f.path(),
        &SetupRequest {
            office_name: "Second".into(),
            owner_name: OWNER.into(),
            owner_password: PASSWORD.into(),
        },
        &f.keystore,
        f.clock.clone(),
    );
    assert!(matches!(again, Err(CoreError::AlreadyInitialized)));
    let desk = ready(installation::open(f.path(), &f.keystore, f.clock.clone()).unwrap());
    assert_eq!(desk.office_name().unwrap(), "First");
}

#[test]
fn empty_or_missing_keyring_asks_for_the_recovery_key_which_opens_and_restores_the_keyring() {
    let f = Fixture::new();
    let created = f.setup("Kanzlei");
    let shown = created.recovery_key.display();
    drop(created);

    // Another machine: its keyring knows nothing about this installation.
    let other_keyring = MemoryKeyStore::default();
    match installation::open(f.path(), &other_keyring, f.clock.clone()).unwrap() {
        Opening::NeedsRecoveryKey { keyring_error } => assert!(keyring_error.is_none()),
        _ => panic!("expected the recovery-key prompt"),
    }
    // A headless machine: no keyring at all.
    match installation::open(f.path(), &NoKeyStore, f.clock.clone()).unwrap() {
        Opening::NeedsRecoveryKey { keyring_error } => assert!(keyring_error.is_some()),
        _ => panic!("expected the recovery-key prompt"),
    }

    let (mut desk, keyring_error) = installation::unlock_with_recovery_key(
        f.path(),
        &shown.to_lowercase(),
        &other_keyring,
        f.clock.clone(),
    )
    .unwrap();
    assert!(keyring_error.is_none());
    desk.sign_in(OWNER, PASSWORD).unwrap();
    drop(desk);
    // The recovered key is now remembered.
    ready(installation::open(f.path(), &other_keyring, f.clock.clone()).unwrap());

    let (_, keyring_error) =
        installation::unlock_with_recovery_key(f.path(), &shown, &NoKeyStore, f.clock.clone())
            .unwrap();
    assert!(
        keyring_error.is_some(),
        "a missing keyring is reported, not hidden"
    );
}

#[test]
fn wrong_or_mistyped_recovery_key_is_refused_and_changes_nothing() {
    let f = Fixture::new();
    drop(f.setup("Kanzlei"));
    let db = f.path().join(DATABASE_FILE);
    let before = std::fs::read(&db).unwrap();

    let foreign = RecoveryKey::generate().display();
    let err =
        installation::unlock_with_recovery_key(f.path(), &foreign, &NoKeyStore, f.clock.clone())
            .err()
            .unwrap();
    assert!(matches!(err, CoreError::WrongKey), "{err:?}");
    let err = installation::unlock_with_recovery_key(
        f.path(),
        "ABCDE-FGHIJ",
        &NoKeyStore,
        f.clock.clone(),
    )
    .err()
    .unwrap();
    assert!(matches!(err, CoreError::InvalidRecoveryKey(_)), "{err:?}");

    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_stale_key_in_the_keyring_falls_back_to_the_recovery_key() {
    let f = Fixture::new();
    let created = f.setup("Kanzlei");
    let id = created.desk.installation_id().unwrap();
    drop(created);
    f.keystore
        .save(&id, &RecoveryKey::generate().database_key())
        .unwrap();
    assert!(matches!(
        installation::open(f.path(), &f.keystore, f.clock.clone()).unwrap(),
        Opening::NeedsRecoveryKey {
            keyring_error: Some(_)
        }
    ));
}

#[test]
fn wrong_database_key_is_detected_at_open() {
    let f = Fixture::new();
    drop(f.setup("Kanzlei"));
    let err = Store::open(
        &f.path().join(DATABASE_FILE),
        &RecoveryKey::generate().database_key(),
    )
    .err()
    .unwrap();
    assert!(matches!(err, CoreError::WrongKey), "{err:?}");
}

#[test]
fn the_database_file_holds_no_plaintext() {
    let f = Fixture::new();
    let canary = "Kanzlei-Plaintext-Canary-4711";
    let mut created = f.setup(canary);
    let mut session = created.desk.sign_in(OWNER, PASSWORD).unwrap();
    created.desk.set_language(&mut session, "de").unwrap();
    drop(created);

    let mut found = Vec::new();
    for entry in std::fs::read_dir(f.path()).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() || path.file_name().unwrap() == "installation.json" {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        for needle in [
            canary.as_bytes(),
            OWNER.as_bytes(),
            b"SQLite format 3",
            b"CREATE TABLE",
            b"argon2id",
        ] {
            if bytes.windows(needle.len()).any(|w| w == needle) {
                found.push(format!(
                    "{} contains {:?}",
                    path.display(),
                    String::from_utf8_lossy(needle)
                ));
            }
        }
    }
    assert!(found.is_empty(), "{found:?}");
    let manifest = std::fs::read_to_string(f.path().join("installation.json")).unwrap();
    assert!(!manifest.contains(canary) && !manifest.contains(OWNER));
}

/// The app and the command line share the file: a write transaction that read first must
/// not fail because the other process committed meanwhile — it waits its turn.
#[test]
fn a_write_transaction_waits_for_a_write_from_another_process_instead_of_failing() {
    let f = Fixture::new();
    let created = f.setup("Kanzlei");
    let key = created.recovery_key.database_key();
    drop(created);
    let db = f.path().join(DATABASE_FILE);
    let mut cli = Store::open(&db, &key).unwrap();
    let app = Store::open(&db, &key).unwrap();

    let tx = cli.conn_mut().transaction().unwrap();
    let name: String = tx
        .query_row("SELECT name FROM office", [], |r| r.get(0))
        .unwrap();
    let other = std::thread::spawn(move || {
        app.conn()
            .execute("UPDATE office SET name = 'Kanzlei (App)'", [])
            .unwrap();
    });
    std::thread::sleep(std::time::Duration::from_millis(200));
    tx.execute(
        "UPDATE office SET name = ?1",
        [format!("{name} (Kommandozeile)")],
    )
    .expect("the transaction holds the write lock from its start");
    tx.commit().unwrap();
    other.join().unwrap();
    let name: String = cli
        .conn()
        .query_row("SELECT name FROM office", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        name, "Kanzlei (App)",
        "the other write came after, not lost"
    );
}
