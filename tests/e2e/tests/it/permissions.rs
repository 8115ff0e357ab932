//! The permission concept in the real window (issue 4): the administrator defines a role
//! "Personnel reader" and invites a user; that user sees only the Personnel activities,
//! read-only, and a forced edit through the IPC is refused. A second role with the edit
//! right, given by the administrator in another window, lets the user edit at once; the
//! deactivation ends the user's access at once.

use dpo_desk_e2e::{cli, id, App, Keyring, OWNER, PASSWORD};
use serde_json::json;

const STAFF: &str = "Jonas Berger";
const STAFF_PW: &str = "Jonas-eigenes-Passwort";

#[tokio::test(flavor = "multi_thread")]
async fn a_personnel_reader_sees_only_personnel_activities_read_only_until_a_second_role_allows_editing(
) {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Rechte").await;
    app.quit().await;

    // The client's records (the tenant module's own screens are tested with it).
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
    let personnel = id(&cli(
        data.path(),
        &key,
        &["area", "add", "Personal", "--company", &company],
    ));
    let sales = id(&cli(
        data.path(),
        &key,
        &["area", "add", "Vertrieb", "--company", &company],
    ));
    let payroll = id(&cli(
        data.path(),
        &key,
        &[
            "activity",
            "add",
            "Lohnabrechnung",
            "--area",
            &personnel,
            "--status",
            "active",
            "--purposes",
            "Gehaltszahlung",
        ],
    ));
    cli(
        data.path(),
        &key,
        &[
            "activity",
            "add",
            "Bewerbermanagement",
            "--area",
            &personnel,
        ],
    );
    let customers = id(&cli(
        data.path(),
        &key,
        &[
            "activity",
            "add",
            "Kundenkartei",
            "--area",
            &sales,
            "--status",
            "active",
        ],
    ));

    // The administrator defines the role and invites the user in the window.
    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.wait_text("[data-testid=welcome]", OWNER).await;
    app.click("[data-menu=administration]").await;
    app.heading("Administration").await;
    app.click("[data-tab=roles]").await;
    app.click("[data-testid=new-role]").await;
    app.type_into("input[name=role_name]", "Personnel reader")
        .await;
    for grant in ["company:view", "area:view", "processing_activity:view"] {
        app.click(&format!("input[data-grant='{grant}']")).await;
    }
    app.type_into("[data-testid=restrict-areas]", "Personal")
        .await;
    app.click("input[name=hidden-menus][value=administration]")
        .await;
    app.screenshot("20-role-editor").await;
    app.click("[data-testid=save-role]").await;
    let row = app
        .wait_text("tr[data-role='Personnel reader']", "Personal")
        .await;
    assert!(
        row.contains("3 rights") && row.contains("hides Administration"),
        "{row}"
    );

    app.click("[data-tab=users]").await;
    app.click("[data-testid=new-user]").await;
    app.type_into("input[name=user_name]", STAFF).await;
    app.click("input[name=roles][value='Personnel reader']")
        .await;
    app.click(&format!("input[name=tenants][value='{tenant}']"))
        .await;
    app.click("[data-testid=save-user]").await;
    let code = app
        .wait_text("[data-testid=invitation-code]", "-")
        .await
        .trim()
        .to_string();
    assert_eq!(code.len(), 14, "XXXX-XXXX-XXXX: {code}");
    app.wait_text(&format!("tr[data-user='{STAFF}']"), "invited")
        .await;
    app.screenshot("21-user-invited").await;
    app.click("[data-testid=sign-out]").await;

    // The user signs in with the code and chooses a password.
    app.click_button("I have an invitation code").await;
    app.type_into("input[name=user_name]", STAFF).await;
    app.type_into("input[name=invitation_code]", &code).await;
    app.type_into("input[name=new_password]", STAFF_PW).await;
    app.type_into("input[name=new_password_repeat]", STAFF_PW)
        .await;
    app.click_button("Set password and sign in").await;
    app.wait_text("[data-testid=welcome]", STAFF).await;
    let menu = app.wait_text("nav", "Processing activities").await;
    assert!(
        !menu.contains("Administration"),
        "hidden for the role: {menu}"
    );
    app.wait_text("[data-testid=tile-count-processing_activity]", "2")
        .await;
    app.wait_text("[data-testid=tenant-slot]", "Bäckerei Schmidt GmbH")
        .await;

    // Only the Personnel activities, and nothing to create or change.
    app.click("[data-menu=processing_activities]").await;
    app.heading("Processing activities").await;
    app.wait_text("[data-testid=activity-count]", "2 activities")
        .await;
    let rows = app.wait_any_text("[data-activity]", "Lohnabrechnung").await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows.iter().all(|r| !r.contains("Kundenkartei")),
        "Vertrieb is not visible: {rows:?}"
    );
    assert!(
        !app.exists("[data-testid=new-activity]").await,
        "no create right, no button"
    );
    app.wait_text("[data-testid=user-roles]", "Personnel reader")
        .await;
    app.screenshot("22-personnel-reader-list").await;
    app.click("[data-activity='Lohnabrechnung']").await;
    app.heading("Lohnabrechnung").await;
    app.wait_text("[data-testid=read-only]", "not change it")
        .await;
    assert!(
        !app.exists("[data-testid=save-activity]").await,
        "no edit right, no Save"
    );
    app.screenshot("22-personnel-reader-form").await;

    // Past the window: the core refuses the edit, and the hidden activity does not exist for them.
    let edit = json!({ "id": payroll.parse::<i64>().unwrap(), "activity": {
        "area_id": personnel.parse::<i64>().unwrap(), "name": "Lohnabrechnung", "status": "active", "role": "controller",
        "responsible": "", "editor_id": null, "purposes": "manipuliert", "business_process_id": null, "controller_details": "",
        "processing_categories": "", "specific_toms": "", "dpia_required": "unchecked", "dpia_reason": "", "review_planned": null,
        "review_done": null, "review_result": "", "review_follow_up": "", "notes": "", "links": [] } });
    assert_eq!(
        app.forced_invoke("update_activity", edit.clone()).await,
        "permission_denied:processing_activity:edit"
    );
    let hidden = json!({ "id": customers.parse::<i64>().unwrap() });
    assert_eq!(
        app.forced_invoke("activity", hidden).await,
        "validation:processing_activity:unknown"
    );

    // The administrator, in a second window, gives the user a second role with the edit right.
    let profile = tempfile::tempdir().unwrap();
    let admin = App::launch_with_profile(data.path(), Keyring::Session, profile.path()).await;
    admin.sign_in(OWNER, PASSWORD).await;
    admin.click("[data-menu=administration]").await;
    admin.click("[data-tab=roles]").await;
    admin.click("[data-testid=new-role]").await;
    admin
        .type_into("input[name=role_name]", "Activity editor")
        .await;
    admin
        .click("input[data-grant='processing_activity:edit']")
        .await;
    admin.click("[data-testid=save-role]").await;
    admin
        .wait_text("tr[data-role='Activity editor']", "1 right")
        .await;
    admin.click("[data-tab=users]").await;
    admin
        .click(&format!(
            "tr[data-user='{STAFF}'] [data-testid=edit-access]"
        ))
        .await;
    admin
        .click("input[name=roles][value='Activity editor']")
        .await;
    admin.click("[data-testid=save-user]").await;
    admin
        .wait_text(&format!("tr[data-user='{STAFF}']"), "Activity editor")
        .await;

    // The user's open form offers Save without signing in again, and the edit is stored.
    app.find("[data-testid=save-activity]").await;
    assert!(!app.exists("[data-testid=read-only]").await);
    app.type_into("textarea[name=notes]", "Geprüft mit der Personalleitung")
        .await;
    app.click("[data-testid=save-activity]").await;
    app.wait_text("[data-testid=activity-message]", "Saved.")
        .await;
    app.screenshot("23-editor-after-second-role").await;

    // Deactivated by the administrator: the user's open window ends the session by itself.
    admin
        .click(&format!("tr[data-user='{STAFF}'] [data-testid=deactivate]"))
        .await;
    admin
        .click(&format!(
            "tr[data-user='{STAFF}'] [data-testid=confirm-deactivate]"
        ))
        .await;
    admin
        .wait_text(&format!("tr[data-user='{STAFF}']"), "deactivated")
        .await;
    admin.quit().await;
    app.heading("Sign in").await;
    app.wait_text(".alert", "This account has been deactivated")
        .await;
    app.sign_in(STAFF, STAFF_PW).await;
    app.wait_text("[data-testid=form-error]", "deactivated")
        .await;
    app.quit().await;

    let stored = cli(
        data.path(),
        &key,
        &["activity", "list", "--tenant", &tenant],
    );
    let payroll_row = stored
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Lohnabrechnung")
        .unwrap()
        .clone();
    assert_eq!(payroll_row["notes"], "Geprüft mit der Personalleitung");
    assert_eq!(
        payroll_row["purposes"], "Gehaltszahlung",
        "the forced edit changed nothing"
    );
}
