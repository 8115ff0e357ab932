//! First-day rough edges (issue 18), in the real window and in both languages: a new
//! activity in a tenant without a company says what is needed and leads there; a required
//! DPO designated on the same page shows as done.

use dpo_desk_e2e::{cli, App, Keyring, OWNER, PASSWORD};

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
