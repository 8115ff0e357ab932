//! A staff member invited by the administrator signs in for the first time with the code,
//! sees only what their role allows, and a forced call through the IPC is refused by the
//! core.

use dpo_desk_e2e::{cli, App, Keyring};

#[tokio::test(flavor = "multi_thread")]
async fn an_invited_user_sets_a_password_sees_only_allowed_sections_and_cannot_force_others() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Einladung").await;
    app.quit().await;

    // The administrator prepares a tenant, a role and an invited user (command line).
    let tenant = cli(
        data.path(),
        &key,
        &["tenant", "add", "Bäckerei Schmidt GmbH"],
    )["id"]
        .as_i64()
        .unwrap()
        .to_string();
    cli(
        data.path(),
        &key,
        &[
            "role",
            "add",
            "Settings reader",
            "--grant",
            "settings:view",
            "--hide-menu",
            "account",
        ],
    );
    let invited = cli(
        data.path(),
        &key,
        &[
            "user",
            "add",
            "Kunde Schmidt",
            "--role",
            "Settings reader",
            "--tenant",
            &tenant,
        ],
    );
    let code = invited["invitation_code"].as_str().unwrap().to_string();

    let app = App::launch(data.path(), Keyring::Session).await;
    app.heading("Sign in").await;
    app.click_button("I have an invitation code").await;
    app.heading("Accept your invitation").await;
    app.type_into("input[name=user_name]", "Kunde Schmidt")
        .await;
    app.type_into("input[name=invitation_code]", "AAAA-BBBB-CCCC")
        .await;
    app.type_into("input[name=new_password]", "Mein-eigenes-Passwort")
        .await;
    app.type_into("input[name=new_password_repeat]", "Mein-eigenes-Passwort")
        .await;
    app.click_button("Set password and sign in").await;
    app.wait_text("[data-testid=form-error]", "invitation code is not valid")
        .await;
    app.type_into("input[name=invitation_code]", &code.to_lowercase())
        .await;
    app.screenshot("14-accept-invitation").await;
    app.click_button("Set password and sign in").await;

    // Signed in: only the sections the role allows.
    app.wait_text("[data-testid=welcome]", "Kunde Schmidt")
        .await;
    let menu = app.wait_text("nav", "Settings").await;
    assert!(!menu.contains("Audit log"), "no audit_log:view: {menu}");
    assert!(!menu.contains("My account"), "hidden by the role: {menu}");
    // settings:view without settings:edit: the values are shown read-only, with no Save.
    app.click("[data-menu=settings]").await;
    app.heading("Settings").await;
    let idle = app.find("input[name=idle_lock_minutes]").await;
    assert_eq!(idle.prop("value").await.unwrap().as_deref(), Some("15"));
    assert_eq!(
        idle.attr("readonly").await.unwrap().as_deref(),
        Some("true"),
        "read-only without settings:edit"
    );
    assert!(
        app.client
            .find(fantoccini::Locator::XPath(
                "//button[normalize-space(.)='Save']"
            ))
            .await
            .is_err(),
        "no Save button"
    );
    app.screenshot("15-restricted-user").await;

    // A forced call through the IPC, past the UI: the core refuses it.
    assert_eq!(
        app.forced_invoke(
            "audit_log",
            serde_json::json!({ "limit": 10, "beforeId": null })
        )
        .await,
        "permission_denied:audit_log:view"
    );
    let settings = serde_json::json!({ "settings": { "backup_interval_days": 9, "idle_lock_minutes": 15, "csv_separator": 0 } });
    assert_eq!(
        app.forced_invoke("update_settings", settings).await,
        "permission_denied:settings:edit",
        "a forced edit is refused by the core"
    );
    app.quit().await;
}
