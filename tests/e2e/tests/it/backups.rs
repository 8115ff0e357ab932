//! Backups in the real window (issue 5): with the clock set to the due day, two and five
//! days later, the native notifications are sent (observed on the session bus with
//! dbus-monitor, shown by dunst) and the banner and then the lock screen appear; a backup
//! created and downloaded through the real GTK save dialog unlocks the app; that file,
//! restored with the recovery key into a fresh data folder, shows the same data.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use dpo_desk_e2e::{
    answer_file_dialog, answer_open_dialog, cli, id, App, BusMonitor, Keyring, OWNER, PASSWORD,
};

fn at(installed: DateTime<Utc>, days: i64) -> String {
    (installed + chrono::Duration::days(days) + chrono::Duration::hours(1)).to_rfc3339()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_reminder_escalates_to_a_lock_that_a_downloaded_backup_lifts() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Sicherung").await;
    app.quit().await;
    let tenant = id(&cli(
        data.path(),
        &key,
        &["tenant", "add", "Bäckerei Schmidt GmbH"],
    ));
    cli(
        data.path(),
        &key,
        &[
            "company",
            "add",
            "Bäckerei Schmidt GmbH",
            "--tenant",
            &tenant,
            "--city",
            "Köln",
        ],
    );
    let status = cli(data.path(), &key, &["status"]);
    let installed: DateTime<Utc> = status["installed_at"].as_str().unwrap().parse().unwrap();
    assert_eq!(status["backup"]["level"], "ok");
    let monitor = BusMonitor::start(data.path());

    // The due day (interval 4): who can see the backups is notified once, and sees a banner.
    let app = App::launch_at(data.path(), Keyring::Session, &at(installed, 4)).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.wait_text("[data-testid=backup-banner]", "A backup is due since")
        .await;
    monitor.wait_for("DPO Desk: backup due").await;
    app.screenshot("50-backup-due-banner").await;
    app.click("[data-menu=dashboard]").await;
    app.click("[data-menu=settings]").await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        monitor.count("DPO Desk: backup due"),
        1,
        "once per day, however often the window asks"
    );
    app.quit().await;

    // Two days later: everyone is notified.
    let app = App::launch_at(data.path(), Keyring::Session, &at(installed, 6)).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.wait_text("[data-testid=backup-banner]", "overdue since")
        .await;
    monitor.wait_for("DPO Desk: backup overdue").await;
    app.quit().await;

    // Five days after the due day: locked for everyone until a backup is downloaded.
    let app = App::launch_at(data.path(), Keyring::Session, &at(installed, 9)).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.wait_text("[data-testid=backup-lock]", "DPO Desk is locked")
        .await;
    monitor.wait_for("DPO Desk is locked").await;
    assert!(
        !app.exists("[data-menu=companies]").await,
        "no menu while locked"
    );
    let forced = app
        .forced_invoke(
            "companies",
            serde_json::json!({ "tenantId": tenant.parse::<i64>().unwrap() }),
        )
        .await;
    assert!(
        forced.starts_with("backup_locked"),
        "the core refuses, whatever the window shows: {forced}"
    );
    app.screenshot("51-backup-lock").await;
    app.click("[data-testid=create-backup]").await;
    app.wait_text("[data-testid=backup-notice]", "Backup created")
        .await;
    app.wait_text("[data-testid=backup-downloaded]", "not yet")
        .await;
    let target = data.path().join("usb-sicherung.dpobackup");
    app.click("[data-testid=download-backup]").await;
    answer_file_dialog("Save the backup", &target).await;
    app.wait_text("[data-menu=companies]", "Companies").await;
    assert!(
        !app.exists("[data-testid=backup-lock]").await,
        "the lock is lifted"
    );
    assert!(target.is_file());
    app.click("[data-menu=backups]").await;
    app.wait_text("[data-testid=backup-downloaded]", "yes")
        .await;
    app.wait_text("[data-testid=backup-state]", "Up to date")
        .await;
    app.click("[data-testid=verify-backup]").await;
    app.wait_text("[data-testid=backup-notice]", "The backup is intact")
        .await;
    app.screenshot("52-backups-after-download").await;
    app.quit().await;

    // The downloaded file and the recovery key set up a fresh folder with the same data,
    // from the first-start screen of the window.
    let fresh = tempfile::tempdir().unwrap();
    let app = App::launch_at(fresh.path(), Keyring::Session, &at(installed, 9)).await;
    app.click("[data-testid=setup-from-backup]").await;
    app.type_into("input[name=restore_recovery_key]", "AAAAA-BBBBB-CCCCC")
        .await;
    app.click("[data-testid=restore-installation]").await;
    app.wait_text(
        "[data-testid=restore-installation-error]",
        "not a valid recovery key",
    )
    .await;
    app.type_into("input[name=restore_recovery_key]", &key)
        .await;
    app.screenshot("57-restore-on-a-new-computer").await;
    app.click("[data-testid=restore-installation]").await;
    answer_open_dialog("Choose the backup file", &target).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", "Bäckerei Schmidt GmbH")
        .await;
    app.click("[data-menu=companies]").await;
    app.wait_text("[data-company='Bäckerei Schmidt GmbH']", "Köln")
        .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_automatic_daily_backup_is_written_while_the_app_runs_and_a_missing_folder_is_reported()
{
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Automatik").await;
    app.quit().await;
    let nas = data.path().join("nas");
    std::fs::create_dir_all(&nas).unwrap();
    cli(
        data.path(),
        &key,
        &["backup", "auto", "--folder", nas.to_str().unwrap()],
    );
    let installed: DateTime<Utc> = cli(data.path(), &key, &["status"])["installed_at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let monitor = BusMonitor::start(data.path());

    // Shortly after the start the day's backup is in the folder, before anyone signs in.
    let app = App::launch_at(data.path(), Keyring::Session, &at(installed, 1)).await;
    let started = Instant::now();
    let written = loop {
        let files: Vec<_> = std::fs::read_dir(&nas)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "dpobackup"))
            .collect();
        if let Some(file) = files.first() {
            break file.clone();
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no automatic backup in {}",
            nas.display()
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    app.sign_in(OWNER, PASSWORD).await;
    app.click("[data-menu=backups]").await;
    app.wait_text("[data-testid=automatic-backup-state]", "last backup")
        .await;
    app.wait_text(
        "[data-testid=automatic-backup-state]",
        nas.to_str().unwrap(),
    )
    .await;
    app.wait_text("[data-testid=backup-state]", "Up to date")
        .await;
    app.screenshot("53-automatic-backup").await;
    app.quit().await;
    let verified = cli(
        data.path(),
        &key,
        &["backup", "verify", written.to_str().unwrap()],
    );
    assert_eq!(verified["header"]["automatic"], true);

    // The next day the USB disk is gone: a notification says so, and the page shows it.
    std::fs::remove_dir_all(&nas).unwrap();
    let app = App::launch_at(data.path(), Keyring::Session, &at(installed, 2)).await;
    monitor.wait_for("DPO Desk: automatic backup failed").await;
    app.sign_in(OWNER, PASSWORD).await;
    app.click("[data-menu=backups]").await;
    app.wait_text(
        "[data-testid=automatic-backup-error]",
        "The last automatic backup failed",
    )
    .await;
    app.screenshot("54-automatic-backup-failed").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_owner_browses_a_backup_read_only_and_restores_it_from_the_window() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Rückschau").await;
    app.quit().await;
    let tenant = id(&cli(
        data.path(),
        &key,
        &["tenant", "add", "Bäckerei Schmidt GmbH"],
    ));
    let company = id(&cli(
        data.path(),
        &key,
        &[
            "company",
            "add",
            "Bäckerei Schmidt GmbH",
            "--tenant",
            &tenant,
            "--city",
            "Köln",
        ],
    ));
    let area = id(&cli(
        data.path(),
        &key,
        &["area", "add", "Personal", "--company", &company],
    ));
    cli(
        data.path(),
        &key,
        &[
            "activity",
            "add",
            "Lohnabrechnung",
            "--area",
            &area,
            "--status",
            "active",
        ],
    );
    let nas = data.path().join("nas");
    std::fs::create_dir_all(&nas).unwrap();
    let file = cli(
        data.path(),
        &key,
        &["backup", "create", "--to", nas.to_str().unwrap()],
    )["file"]
        .as_str()
        .unwrap()
        .to_string();
    cli(data.path(), &key, &["tenant", "add", "Nach der Sicherung"]);

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.click("[data-menu=backups]").await;
    // Read-only: what the backup holds, nothing changed.
    app.click("[data-testid=browse-backup]").await;
    answer_open_dialog("Choose a backup file", std::path::Path::new(&file)).await;
    app.wait_text(
        "[data-testid=backup-contents]",
        "Backup of Kanzlei Rückschau",
    )
    .await;
    let tenants = app
        .wait_any_text("[data-backup-tenant]", "Bäckerei Schmidt GmbH")
        .await;
    assert_eq!(
        tenants.len(),
        1,
        "the tenant made after the backup is not in it: {tenants:?}"
    );
    app.click("[data-backup-tenant='Bäckerei Schmidt GmbH'] summary")
        .await;
    app.wait_text("[data-backup-activity='Lohnabrechnung']", "Active")
        .await;
    app.screenshot("55-backup-read-only").await;

    // The restore asks for the understanding first, then brings the backup's state back.
    let restore = app.find("[data-testid=restore-backup]").await;
    assert!(
        !restore.is_enabled().await.unwrap(),
        "not before the warning is acknowledged"
    );
    app.click("[data-testid=restore-understood]").await;
    app.click("[data-testid=restore-backup]").await;
    answer_open_dialog("Choose a backup file", std::path::Path::new(&file)).await;
    app.wait_text("[data-testid=restore-notice]", "Restored as of")
        .await;
    app.screenshot("56-restored").await;
    let options = app
        .find("[data-testid=tenant-switch]")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        options.contains("Bäckerei Schmidt GmbH") && !options.contains("Nach der Sicherung"),
        "{options}"
    );
    app.quit().await;
    let listed = cli(data.path(), &key, &["tenant", "list"]);
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert!(
        std::fs::read_dir(data.path().join("safety-backups"))
            .unwrap()
            .count()
            >= 1,
        "a safety backup was made first"
    );
}
