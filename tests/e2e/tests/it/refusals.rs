//! What the window says when it must refuse to open a database.

use std::sync::Arc;

use dpo_desk_core::desk::installation::{self, SetupRequest};
use dpo_desk_core::store::keystore::OsKeyring;
use dpo_desk_core::store::migrations::{latest_version, runner};
use dpo_desk_core::store::{Store, DATABASE_FILE};
use dpo_desk_core::SystemClock;
use dpo_desk_e2e::{App, Keyring, OWNER, PASSWORD};
use refinery::Migration;

#[tokio::test(flavor = "multi_thread")]
async fn a_database_from_a_newer_app_is_refused_with_a_clear_message_and_left_untouched() {
    let data = tempfile::tempdir().unwrap();
    let request = SetupRequest {
        office_name: "Kanzlei Zukunft".into(),
        owner_name: OWNER.into(),
        owner_password: PASSWORD.into(),
    };
    // Set up like the app would, key in the session keyring ...
    let created =
        installation::create(data.path(), &request, &OsKeyring, Arc::new(SystemClock)).unwrap();
    assert!(
        created.keyring_error.is_none(),
        "the test command provides a keyring: {:?}",
        created.keyring_error
    );
    let key = created.recovery_key.database_key();
    drop(created);
    // ... then let a "newer app" apply a migration this one does not know.
    let mut migrations = runner().get_migrations().clone();
    let next = latest_version(&runner()) + 1;
    migrations.push(
        Migration::unapplied(
            &format!("V{next}__from_the_future"),
            "CREATE TABLE future (x INTEGER);",
        )
        .unwrap(),
    );
    drop(
        Store::open_with(
            &data.path().join(DATABASE_FILE),
            &key,
            &refinery::Runner::new(&migrations),
        )
        .unwrap(),
    );
    let before = std::fs::read(data.path().join(DATABASE_FILE)).unwrap();

    let app = App::launch(data.path(), Keyring::Session).await;
    let text = app
        .wait_text("[data-testid=fatal-error]", "newer version of DPO Desk")
        .await;
    assert!(
        text.contains(&format!("schema {next}")) && text.contains("was not changed"),
        "{text}"
    );
    app.screenshot("11-newer-database-refused").await;
    app.quit().await;

    assert_eq!(
        std::fs::read(data.path().join(DATABASE_FILE)).unwrap(),
        before,
        "the database must be byte-identical"
    );
}
