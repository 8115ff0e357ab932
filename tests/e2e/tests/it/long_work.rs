//! Long work off the lock (issue 10): while a backup of a large database is written, the
//! window keeps answering — the activity list opens and a list call returns before the
//! backup does.

use dpo_desk_e2e::{cli, demo_tenant, App, Keyring, OWNER, PASSWORD};

#[tokio::test(flavor = "multi_thread")]
async fn the_activity_list_answers_while_a_backup_of_a_large_database_runs() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Groß").await;
    app.quit().await;
    // 20,000 activities in 10 tenants: a database of some 25 MB, whose backup takes a
    // while, and a tenant whose list loads quickly.
    let (tenant, name) = demo_tenant(data.path(), &key, "10", "20000");

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", &name).await;
    app.wait_text("#tenant-tiles", &name).await;

    // As a person does it: start a backup, go to the activity list meanwhile.
    app.click("[data-menu=backups]").await;
    app.click("[data-testid=create-backup]").await;
    app.click("[data-menu=processing_activities]").await;
    app.find("[data-activity]").await;
    app.screenshot("60-activity-list-during-backup").await;

    // The order the answers come in: a list call started after a backup returns first,
    // which it cannot while the backup holds the installation. The list is searched, so its
    // own time (rows over the IPC) stays far below the backup's on a slow machine too.
    let order = app
        .client
        .execute_async(
            "const [tenantId, done] = arguments;
             const invoke = window.__TAURI_INTERNALS__.invoke;
             const order = [];
             const t0 = performance.now();
             const ms = () => Math.round(performance.now() - t0) + ' ms';
             const backup = invoke('create_backup', {}).then(() => order.push('backup after ' + ms()), (e) => order.push('backup failed: ' + JSON.stringify(e)));
             setTimeout(() => {
               invoke('activities', { tenantId, search: 'lohn' })
                 .then((rows) => order.push('list of ' + rows.length + ' after ' + ms()), (e) => order.push('list failed: ' + JSON.stringify(e)))
                 .then(() => backup)
                 .then(() => done(order));
             }, 20);",
            vec![tenant.into()],
        )
        .await
        .expect("execute_async");
    let order: Vec<String> = order
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    println!("answers in order: {order:?}");
    assert_eq!(order.len(), 2, "{order:?}");
    assert!(
        order[0].starts_with("list of "),
        "the list waited for the backup: {order:?}"
    );
    assert!(order[1].starts_with("backup after"), "{order:?}");
    // Both backups arrive in the list on the Backups page.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while cli(data.path(), &key, &["backup", "list"])
        .as_array()
        .unwrap()
        .len()
        < 2
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the first backup never finished"
        );
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    app.click("[data-menu=dashboard]").await;
    app.click("[data-menu=backups]").await;
    let rows = app.wait_text("[data-testid=backup-table]", OWNER).await;
    assert_eq!(rows.matches(OWNER).count(), 2, "{rows}");
    app.quit().await;
}
