//! The daily path through the records in the real window: a new tenant, chosen in the
//! header; a company (with a rejected VAT ID first); an area; a processing activity created
//! in its form, found again by search, and counted on the dashboard.

use dpo_desk_e2e::{App, Keyring};

#[tokio::test(flavor = "multi_thread")]
async fn a_tenant_company_area_and_activity_are_created_in_the_window() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    app.set_up_and_enter("Kanzlei Alltag").await;
    app.wait_text("[data-testid=tenant-slot]", "No tenant").await;

    app.click("[data-menu=administration]").await;
    app.click("[data-tab=tenants]").await;
    app.type_into("input[name=tenant_name]", "Autohaus Weber KG").await;
    app.click("[data-testid=add-tenant]").await;
    app.wait_text("tr[data-tenant='Autohaus Weber KG']", "client").await;
    app.type_into("input[name=tenant_name]", "Bäckerei Schmidt GmbH").await;
    app.click("[data-testid=add-tenant]").await;
    app.wait_text("tr[data-tenant='Bäckerei Schmidt GmbH']", "client").await;

    // The header offers the tenants; the choice is remembered for this user.
    app.click("[data-menu=dashboard]").await;
    let switch = app.find("[data-testid=tenant-switch]").await;
    switch.select_by_label("Bäckerei Schmidt GmbH").await.expect("choose tenant");
    app.wait_text("#tenant-tiles", "Bäckerei Schmidt GmbH").await;

    app.click("[data-menu=companies]").await;
    app.heading("Companies & areas").await;
    app.wait_text("[data-testid=no-companies]", "No companies").await;
    app.click("[data-testid=new-company]").await;
    app.type_into("input[name=name]", "Bäckerei Schmidt GmbH").await;
    app.type_into("input[name=legal_form]", "GmbH").await;
    app.type_into("input[name=city]", "Köln").await;
    app.type_into("input[name=vat_id]", "123456789").await;
    app.click("[data-testid=save-company]").await;
    app.wait_text("[data-testid=company-message]", "starts with the country code").await;
    assert_eq!(app.find("input[name=city]").await.prop("value").await.unwrap().as_deref(), Some("Köln"), "nothing typed is lost");
    app.type_into("input[name=vat_id]", "DE123456789").await;
    app.click("[data-testid=save-company]").await;
    app.wait_text("[data-testid=company-message]", "Saved.").await;
    app.click_button("Cancel").await;
    app.wait_text("[data-company='Bäckerei Schmidt GmbH']", "GmbH · Köln").await;
    app.type_into("[data-testid=new-area-name]", "Personal").await;
    app.click("[data-testid=add-area]").await;
    app.wait_text("[data-area='Personal']", "0 activities").await;
    app.screenshot("30-companies").await;

    app.click("[data-menu=processing_activities]").await;
    app.wait_text("[data-testid=activity-count]", "0 activities").await;
    app.click("[data-testid=new-activity]").await;
    app.click("[data-testid=save-activity]").await;
    app.wait_text("[data-testid=activity-message]", "Please enter the name").await;
    app.type_into("input[name=name]", "Lohnabrechnung").await;
    app.type_into("input[name=responsible]", "Personalleitung").await;
    app.find("select[name=status]").await.select_by_label("Active").await.unwrap();
    app.find("select[name=editor_id]").await.select_by_label("Anna Meier").await.unwrap();
    app.type_into("textarea[name=purposes]", "Gehaltszahlung und Meldungen an Sozialversicherungsträger").await;
    app.click("[data-testid=save-activity]").await;
    app.wait_text("[data-testid=activity-message]", "Saved.").await;
    app.heading("Lohnabrechnung").await;
    app.click("[data-testid=back-to-list]").await;
    let rows = app.wait_any_text("[data-activity]", "Lohnabrechnung").await;
    assert!(rows[0].contains("Personal") && rows[0].contains("Active") && rows[0].contains("Anna Meier"), "{rows:?}");

    app.type_into("[data-testid=activity-search]", "sozialversicherung").await;
    app.wait_text("[data-testid=activity-count]", "1 activity").await;
    app.type_into("[data-testid=activity-search]", "Kundenkartei").await;
    app.wait_text("[data-testid=activity-count]", "0 activities").await;
    app.screenshot("31-activity-search").await;

    app.click("[data-menu=dashboard]").await;
    app.wait_text("[data-testid=tile-count-processing_activity]", "1").await;
    app.wait_text("[data-testid=tile-count-area]", "1").await;
    app.wait_text("[data-testid=tile-count-company]", "1").await;
    app.screenshot("32-dashboard-tiles").await;
    app.quit().await;

    // The chosen tenant is remembered at the next start.
    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(dpo_desk_e2e::OWNER, dpo_desk_e2e::PASSWORD).await;
    app.wait_text("#tenant-tiles", "Bäckerei Schmidt GmbH").await;
    app.quit().await;
}
