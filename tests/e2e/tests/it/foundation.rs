//! The foundation as a person uses it, in the real window.

use dpo_desk_e2e::{App, Keyring, OWNER, PASSWORD};
use fantoccini::Locator;

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";

#[tokio::test(flavor = "multi_thread")]
async fn first_start_wizard_sign_out_restart_with_and_without_keyring() {
    let data = tempfile::tempdir().unwrap();

    // First start: the wizard.
    let app = App::launch(data.path(), Keyring::Session).await;
    app.heading("Set up DPO Desk").await;
    app.screenshot("01-setup-office").await;
    // An empty office name is refused on the spot.
    app.click_button("Continue").await;
    app.wait_text("[role=alert]", "Please enter the office name.")
        .await;
    app.type_into("input[name=office_name]", "Kanzlei Nord")
        .await;
    app.click_button("Continue").await;
    app.type_into("input[name=owner_name]", OWNER).await;
    app.type_into("input[name=password]", PASSWORD).await;
    app.type_into("input[name=password_repeat]", "something else")
        .await;
    app.click_button("Create encrypted database").await;
    app.wait_text(".field-error", "The passwords do not match.")
        .await;
    app.type_into("input[name=password_repeat]", PASSWORD).await;
    app.wait_text(".strength", "Password strength").await;
    app.screenshot("02-setup-owner").await;
    app.click_button("Create encrypted database").await;

    let key = app
        .wait_text("[data-testid=recovery-key]", "-")
        .await
        .trim()
        .to_string();
    assert_eq!(
        key.split('-').count(),
        11,
        "recovery key shown in 11 groups: {key}"
    );
    assert!(
        !app.exists(".alert-warning").await,
        "the keyring of the session must have taken the key"
    );
    let finish = app
        .client
        .find(Locator::XPath(
            "//button[normalize-space(.)='Open DPO Desk']",
        ))
        .await
        .unwrap();
    assert_eq!(
        finish.attr("disabled").await.unwrap().as_deref(),
        Some("true"),
        "finish waits for the confirmation"
    );
    app.screenshot("03-setup-recovery-key").await;
    app.click("input[name=key_stored]").await;
    app.click_button("Open DPO Desk").await;

    // Signed in as the owner.
    app.wait_text("[data-testid=welcome]", OWNER).await;
    app.wait_text("[data-testid=dashboard-office]", "Kanzlei Nord")
        .await;
    app.wait_text("[data-testid=current-user]", "Owner").await;
    app.wait_text("[data-testid=backup-tile]", "Due on").await;
    app.screenshot("04-dashboard").await;

    // Change a setting, so there is data to find after the restart.
    app.click("[data-menu=settings]").await;
    app.heading("Settings").await;
    app.type_into("input[name=idle_lock_minutes]", "30").await;
    app.type_into("input[name=backup_interval_days]", "15")
        .await;
    app.click_button("Save").await;
    app.wait_text("[data-testid=settings-message]", "from 1 to 14")
        .await;
    app.type_into("input[name=backup_interval_days]", "7").await;
    app.click_button("Save").await;
    app.wait_text("[data-testid=settings-message]", "Saved.")
        .await;
    app.screenshot("05-settings").await;

    // Sign out; a wrong password is refused with a clear message.
    app.click("[data-testid=sign-out]").await;
    app.heading("Sign in").await;
    app.wait_text("[data-testid=office-name]", "Kanzlei Nord")
        .await;
    app.type_into("input[name=user_name]", OWNER).await;
    app.type_into("input[name=password]", "not my password")
        .await;
    app.click_button("Sign in").await;
    app.wait_text("[data-testid=form-error]", "Wrong user name or password.")
        .await;
    app.screenshot("06-sign-in-wrong-password").await;
    app.quit().await;

    // Restart: the key comes from the keyring, straight to sign-in; the data is there.
    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.wait_text("[data-testid=welcome]", OWNER).await;
    app.wait_text("[data-testid=backup-tile]", "Reminder every 7 days")
        .await;
    app.click("[data-menu=settings]").await;
    let idle = app.find("input[name=idle_lock_minutes]").await;
    assert_eq!(idle.prop("value").await.unwrap().as_deref(), Some("30"));
    app.click("[data-menu=audit_log]").await;
    app.heading("Audit log").await;
    app.wait_any_text("[data-testid=audit-row]", "failed sign-in")
        .await;
    let rows = app
        .wait_any_text("[data-testid=audit-row]", "Backup reminder interval (days)")
        .await;
    let change = rows
        .iter()
        .find(|r| r.contains("Backup reminder interval (days)"))
        .unwrap();
    assert!(
        change.contains("4 → 7") && change.contains(OWNER),
        "who and old → new value: {change}"
    );
    app.screenshot("07-audit-log").await;
    // Narrowed by words and kind of record, one entry opened, the selection exported.
    app.type_into("[data-testid=audit-search]", "interval")
        .await;
    app.choose("[data-testid=audit-object-type]", "Settings")
        .await;
    app.wait_text("[data-testid=audit-count]", "1 entry loaded")
        .await;
    app.click("[data-testid=audit-row]").await;
    app.wait_text("[data-field=value]", "4 → 7").await;
    app.screenshot("07b-audit-entry").await;
    let target = data.path().join("protokoll.csv");
    app.click("[data-testid=audit-export-csv]").await;
    dpo_desk_e2e::answer_file_dialog("Export the audit log", &target).await;
    app.wait_text("[data-testid=audit-notice]", "protokoll.csv")
        .await;
    let csv = std::fs::read_to_string(&target).expect("the exported log");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines.len(),
        2,
        "the header and the one filtered entry: {csv}"
    );
    assert!(
        lines[0].starts_with("Time,User,Action,Kind of record,Record,Field,Change")
            && lines[1].contains("Backup reminder interval (days)")
            && lines[1].ends_with("Value,4 → 7"),
        "{csv}"
    );
    app.quit().await;

    // Restart on a machine without a keyring: the recovery key opens it.
    let app = App::launch(data.path(), Keyring::Unavailable).await;
    app.heading("Unlock the database").await;
    app.type_into("input[name=recovery_key]", "ABCDE-FGHIJ-KLMNO")
        .await;
    app.click_button("Unlock").await;
    app.wait_text("[data-testid=form-error]", "not a valid recovery key")
        .await;
    app.screenshot("08-recovery-key-prompt").await;
    app.type_into("input[name=recovery_key]", &key.to_lowercase())
        .await;
    app.click_button("Unlock").await;
    app.heading("Sign in").await;
    app.wait_text(".alert-warning", "could not be stored in the keyring")
        .await;
    app.sign_in(OWNER, PASSWORD).await;
    app.wait_text("[data-testid=dashboard-office]", "Kanzlei Nord")
        .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn keyboard_only_sign_in_password_change_and_language_that_sticks() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    app.set_up_and_enter("Datenschutz Süd").await;
    app.click("[data-testid=sign-out]").await;

    // Keyboard only: the user name field has the focus; Tab to the password, Enter.
    app.heading("Sign in").await;
    let focused = app.client.active_element().await.unwrap();
    assert_eq!(
        focused.attr("name").await.unwrap().as_deref(),
        Some("user_name")
    );
    focused
        .send_keys(&format!("{OWNER}{TAB}{PASSWORD}{ENTER}"))
        .await
        .unwrap();
    app.wait_text("[data-testid=welcome]", OWNER).await;

    // Change the password on "My account".
    app.click("[data-menu=account]").await;
    app.heading("My account").await;
    app.type_into("input[name=current_password]", "wrong current pw")
        .await;
    app.type_into("input[name=new_password]", "Neues-Passwort-2026")
        .await;
    app.type_into("input[name=new_password_repeat]", "Neues-Passwort-2026")
        .await;
    app.click_button("Change password").await;
    app.wait_text(
        "[data-testid=account-message]",
        "The current password is not correct.",
    )
    .await;
    app.type_into("input[name=current_password]", PASSWORD)
        .await;
    app.click_button("Change password").await;
    app.wait_text(
        "[data-testid=account-message]",
        "Your password has been changed.",
    )
    .await;
    app.screenshot("09-account").await;

    // German, chosen at run time, is remembered for this user.
    app.click_button("DE").await;
    app.wait_text("nav", "Übersicht").await;
    app.heading("Mein Konto").await;
    app.click("[data-testid=sign-out]").await;
    app.heading("Anmelden").await;
    app.type_into("input[name=user_name]", OWNER).await;
    app.type_into("input[name=password]", PASSWORD).await;
    app.click_button("Anmelden").await;
    app.wait_text(
        "[data-testid=form-error]",
        "Benutzername oder Passwort ist falsch.",
    )
    .await;
    app.type_into("input[name=password]", "Neues-Passwort-2026")
        .await;
    app.click_button("Anmelden").await;
    app.wait_text("[data-testid=welcome]", "Willkommen").await;
    app.wait_text("[data-testid=backup-tile]", "Fällig am")
        .await;
    app.screenshot("10-dashboard-de").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn idle_lock_after_the_configured_minutes_then_growing_delay_after_wrong_passwords() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    app.set_up_and_enter("Kanzlei Ost").await;
    app.click("[data-menu=settings]").await;
    app.type_into("input[name=idle_lock_minutes]", "1").await;
    app.click_button("Save").await;
    app.wait_text("[data-testid=settings-message]", "Saved.")
        .await;

    // Hands off for a minute: the window locks itself and keeps the user name.
    tokio::time::sleep(std::time::Duration::from_secs(62)).await;
    app.heading("Sign in").await;
    app.wait_text(".alert-info", "locked after a period without activity")
        .await;
    let user = app.find("input[name=user_name]").await;
    assert_eq!(user.prop("value").await.unwrap().as_deref(), Some(OWNER));
    app.screenshot("12-idle-locked").await;

    // Five wrong passwords: from then on each try waits, and the message says how long.
    for attempt in 1..=5 {
        app.type_into("input[name=password]", &format!("wrong password {attempt}"))
            .await;
        app.click_button("Sign in").await;
        let expected = if attempt < 5 {
            "Wrong user name or password."
        } else {
            "Please wait 30 seconds"
        };
        app.wait_text("[data-testid=form-error]", expected).await;
    }
    app.type_into("input[name=password]", PASSWORD).await;
    app.click_button("Sign in").await;
    app.wait_text("[data-testid=form-error]", "Too many wrong passwords")
        .await;
    app.screenshot("13-rate-limited").await;
    app.quit().await;
}
