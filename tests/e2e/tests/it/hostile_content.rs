//! Hostile content in the real window (issue "nothing lost, nothing leaked", campaign 5):
//! HTML and script typed into fields — at setup, in a form, and through the CLI into every
//! level of a tenant — is shown as the text it is, and nothing of it runs.

use dpo_desk_e2e::{cli, id, App, Keyring, OWNER, PASSWORD};

const OFFICE: &str = "Kanzlei <b>Fett</b> & \"Partner\"";
const TENANT: &str = "<img src=x onerror=\"window.pwned='tenant'\">Mandant";
const COMPANY: &str = "<script>window.pwned='company'</script>Firma";
const AREA: &str = "<svg onload=\"window.pwned='area'\">Personal";
const ACTIVITY: &str = "\"><iframe src=\"javascript:window.pwned='activity'\"></iframe>Lohn";
const TYPED_AREA: &str = "<img src=y onerror=\"window.pwned='typed'\">Vertrieb";

/// Whether anything typed ran or became an element.
async fn nothing_ran(app: &App, place: &str) {
    let found = app
        .evaluate(
            "return { pwned: window.pwned === undefined ? null : String(window.pwned),
                      elements: document.body.querySelectorAll(
                        'img[src=\"x\"], img[src=\"y\"], iframe, svg[onload], script, b').length };",
        )
        .await;
    assert_eq!(
        found["pwned"],
        serde_json::Value::Null,
        "{place}: a script ran: {found}"
    );
    assert_eq!(
        found["elements"], 0,
        "{place}: typed HTML became elements: {found}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn html_and_script_typed_into_fields_are_shown_as_text_and_never_run() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter(OFFICE).await;
    nothing_ran(&app, "welcome").await;
    app.quit().await;

    let tenant = id(&cli(data.path(), &key, &["tenant", "add", TENANT]));
    let company = id(&cli(
        data.path(),
        &key,
        &["company", "add", COMPANY, "--tenant", &tenant],
    ));
    let area = id(&cli(
        data.path(),
        &key,
        &["area", "add", AREA, "--company", &company],
    ));
    cli(
        data.path(),
        &key,
        &["activity", "add", ACTIVITY, "--area", &area],
    );

    let app = App::launch(data.path(), Keyring::Session).await;
    let office = app.wait_text("[data-testid=office-name]", "Fett").await;
    assert!(
        office.contains(OFFICE),
        "the office name as typed: {office}"
    );
    nothing_ran(&app, "sign-in").await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", TENANT).await;
    app.wait_text("[data-testid=tenant-slot]", "Mandant").await;
    nothing_ran(&app, "dashboard").await;

    app.click("[data-menu=processing_activities]").await;
    app.heading("Processing activities").await;
    let rows = app.wait_any_text("[data-activity]", "Lohn").await;
    assert!(rows.iter().any(|r| r.contains(ACTIVITY)), "{rows:?}");
    assert!(
        rows.iter().any(|r| r.contains(AREA)),
        "the area as text: {rows:?}"
    );
    nothing_ran(&app, "activity list").await;
    app.screenshot("hostile-01-activity-list").await;

    // A name with HTML typed into a form in the window.
    app.click("[data-menu=areas]").await;
    app.heading("Areas").await;
    app.click("[data-testid=new-area]").await;
    app.choose("[data-testid=area-company]", COMPANY).await;
    app.type_into("input[name=area_name]", TYPED_AREA).await;
    app.click("[data-testid=save-area]").await;
    app.wait_text("[data-testid=area-notice]", "Vertrieb").await;
    let notice = app.wait_text("[data-testid=area-notice]", "saved").await;
    assert!(notice.contains(TYPED_AREA), "{notice}");
    nothing_ran(&app, "area list").await;
    app.screenshot("hostile-02-area-typed").await;
    app.quit().await;
}
