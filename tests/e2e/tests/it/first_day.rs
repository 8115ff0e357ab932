//! First-day rough edges (issue 18), in the real window and in both languages: a new
//! activity in a tenant without a company says what is needed and leads there; a required
//! DPO designated on the same page shows as done.

use dpo_desk_e2e::{cli, px, App, Keyring, OWNER, PASSWORD};

#[tokio::test(flavor = "multi_thread")]
async fn an_empty_tenant_leads_to_companies_and_a_designated_dpo_shows_as_done() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Erster Tag").await;
    app.quit().await;
    cli(data.path(), &key, &["tenant", "add", "Neuer Mandant"]);

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", "Neuer Mandant")
        .await;
    for (lang, needs, designated) in [
        (
            "EN",
            "This tenant has no company yet",
            "designated: Anna Meier ✓",
        ),
        (
            "DE",
            "Dieser Mandant hat noch keine Firma",
            "benannt: Anna Meier ✓",
        ),
    ] {
        app.click(&format!("button[lang='{}']", lang.to_lowercase()))
            .await;
        app.click("[data-menu=processing_activities]").await;
        app.click("[data-testid=new-activity]").await;
        app.wait_text("[data-testid=needs-area]", needs).await;
        app.screenshot(&format!("90-needs-area-{}", lang.to_lowercase()))
            .await;
        app.click("[data-testid=go-to-companies]").await;
        app.click("[data-testid=new-company]").await;
        app.click("input[name=dpo_twenty_persons_processing]").await;
        app.choose(
            "select[name=dpo_kind]",
            if lang == "EN" { "External" } else { "Extern" },
        )
        .await;
        app.type_into("input[name=dpo_name]", "Anna Meier").await;
        app.wait_text("[data-testid=dpo-verdict]", designated).await;
        app.scroll_to("[data-testid=dpo-verdict]").await;
        app.screenshot(&format!("91-dpo-designated-{}", lang.to_lowercase()))
            .await;
        app.click("[data-menu=dashboard]").await;
        // Leaving the unsaved company form asks first.
        if app.exists("[data-testid=discard]").await {
            app.click("[data-testid=discard]").await;
        }
    }
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn at_the_minimum_window_size_nothing_overlaps_and_the_long_tenant_name_stays_visible() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Schmal").await;
    app.quit().await;
    let long: String = format!(
        "Mandant {}",
        "Sehr lange Firmenbezeichnung mit Zusatz ".repeat(6)
    )
    .chars()
    .take(200)
    .collect::<String>()
    .trim_end()
    .to_string();
    cli(data.path(), &key, &["tenant", "add", &long]);
    let (_, demo) = dpo_desk_e2e::demo_tenant(data.path(), &key, "1", "12");

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;

    // The default size: the activity list shows its last columns without scrolling sideways.
    app.choose("[data-testid=tenant-switch]", &demo).await;
    app.click("[data-menu=processing_activities]").await;
    app.find("[data-activity]").await;
    let list = app.measure(".list-card").await;
    for column in ["review", "updated"] {
        let head = app.measure(&format!("button[data-sort={column}]")).await;
        assert!(
            px(&head, "right") <= px(&list, "right"),
            "the {column} column is in view at 1200 px: {head} within {list}"
        );
    }
    app.screenshot("92-activity-list-1200").await;

    app.client.set_window_size(880, 600).await.unwrap();
    app.choose("[data-testid=tenant-switch]", &long).await;
    for lang in ["en", "de"] {
        app.click(&format!("button[lang='{lang}']")).await;
        app.screenshot(&format!("93-header-880-{lang}")).await;
        let switch = app.measure("[data-testid=tenant-switch]").await;
        let search = app.measure("[data-testid=global-search]").await;
        let sign_out = app.measure("[data-testid=sign-out]").await;
        assert_eq!(switch["title"], long.as_str(), "the full name on hover");
        assert!(
            px(&switch, "width") >= 120.0,
            "the tenant stays readable: {switch}"
        );
        assert!(
            px(&switch, "right") <= px(&search, "left"),
            "the search does not cover the tenant: {switch} {search}"
        );
        assert!(
            px(&search, "right") <= px(&app.measure(".topbar-right").await, "left"),
            "the search does not run under the user"
        );
        assert!(
            px(&sign_out, "right") <= px(&sign_out, "window"),
            "sign-out is in the window: {sign_out}"
        );
        assert!(
            px(&sign_out, "page") <= px(&sign_out, "window"),
            "the window does not scroll sideways: {sign_out}"
        );

        app.click("[data-menu=administration]").await;
        app.click("[data-tab=tenants]").await;
        let row = format!("tr[data-tenant='{demo}']");
        app.find(&row).await;
        app.screenshot(&format!("94-tenants-880-{lang}")).await;
        for button in ["export-tenant", "delete-tenant"] {
            let b = app.measure(&format!("{row} [data-testid={button}]")).await;
            assert!(
                px(&b, "right") <= px(&b, "window"),
                "{button} is in the window at 880 px: {b}"
            );
        }
    }
    app.quit().await;
}
