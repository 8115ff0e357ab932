//! The DPO's daily work in the real window (issue 3): a tenant, chosen in the header; a
//! company (a refused VAT ID first, the DPO check's verdict); an area; master data; a
//! processing activity with every field; full-text search; copies and a mass change of the
//! status of three activities; a delete and its restore from the trash; the list exported
//! as CSV through the native save dialog, and the file's content checked; an attachment
//! picked in the native open dialog.

use dpo_desk_e2e::{answer_file_dialog, answer_open_dialog, px, App, Keyring};

#[tokio::test(flavor = "multi_thread")]
async fn a_tenant_company_area_and_activity_are_created_in_the_window() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    app.set_up_and_enter("Kanzlei Alltag").await;
    app.wait_text("[data-testid=tenant-slot]", "No tenant")
        .await;

    app.click("[data-menu=administration]").await;
    app.click("[data-tab=tenants]").await;
    app.type_into("input[name=tenant_name]", "Autohaus Weber KG")
        .await;
    app.click("[data-testid=add-tenant]").await;
    app.wait_text("tr[data-tenant='Autohaus Weber KG']", "client")
        .await;
    app.type_into("input[name=tenant_name]", "Bäckerei Schmidt GmbH")
        .await;
    app.click("[data-testid=add-tenant]").await;
    app.wait_text("tr[data-tenant='Bäckerei Schmidt GmbH']", "client")
        .await;

    // The header offers the tenants; the choice is remembered for this user.
    app.click("[data-menu=dashboard]").await;
    app.choose("[data-testid=tenant-switch]", "Bäckerei Schmidt GmbH")
        .await;
    app.wait_text("#tenant-tiles", "Bäckerei Schmidt GmbH")
        .await;

    // A company: the VAT ID is checked, nothing typed is lost, the DPO check answers at once.
    app.click("[data-menu=companies]").await;
    app.heading("Companies & areas").await;
    app.wait_text("[data-testid=no-companies]", "No companies")
        .await;
    app.click("[data-testid=new-company]").await;
    app.type_into("input[name=name]", "Bäckerei Schmidt GmbH")
        .await;
    app.type_into("input[name=legal_form]", "GmbH").await;
    app.type_into("input[name=city]", "Köln").await;
    app.type_into("input[name=vat_id]", "123456789").await;
    app.type_into("input[name=email]", "info@schmidt").await;
    app.type_into("textarea[name=managing_directors]", "Erika Schmidt")
        .await;
    app.click("input[name=dpo_twenty_persons_processing]").await;
    app.wait_text("[data-testid=dpo-verdict]", "A DPO is required")
        .await;
    app.screenshot("37-company-dpo-check").await;
    app.click("[data-testid=save-company]").await;
    app.wait_text(
        "[data-testid=company-message]",
        "starts with the country code",
    )
    .await;
    // Both refused fields at once, each marked with its own message; the first has focus.
    for (field, message) in [
        ("vat_id", "VAT ID: it starts with the country code"),
        ("email", "E-mail: please enter a valid address"),
    ] {
        let input = app.find(&format!("input[name={field}]")).await;
        assert_eq!(
            input.attr("aria-invalid").await.unwrap().as_deref(),
            Some("true"),
            "{field} is marked"
        );
        app.wait_text(&format!("input[name={field}] ~ .field-error"), message)
            .await;
    }
    assert_eq!(
        app.client
            .active_element()
            .await
            .unwrap()
            .attr("name")
            .await
            .unwrap()
            .as_deref(),
        Some("vat_id"),
        "the first refused field takes the focus"
    );
    app.screenshot("37b-company-field-errors").await;
    app.type_into("input[name=vat_id]", "DE123456789").await;
    app.type_into("input[name=email]", "info@schmidt.de").await;
    app.click("[data-testid=save-company]").await;
    app.wait_text("[data-testid=company-message]", "check digit does not fit")
        .await;
    assert_eq!(
        app.find("input[name=city]")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Köln"),
        "nothing typed is lost"
    );
    app.type_into("input[name=vat_id]", "DE136695976").await;
    app.click("[data-testid=save-company]").await;
    app.wait_text("[data-testid=company-message]", "Saved.")
        .await;
    app.click_button("Cancel").await;
    app.wait_text("[data-company='Bäckerei Schmidt GmbH']", "GmbH · Köln")
        .await;
    app.wait_text("[data-area='General']", "0 activities").await;
    app.type_into("[data-testid=new-area-name]", "Personal")
        .await;
    app.click("[data-testid=add-area]").await;
    app.wait_text("[data-area='Personal']", "0 activities")
        .await;
    app.screenshot("30-companies").await;

    // Master data: the catalogue is there; a business process is added.
    app.click("[data-menu=master_data]").await;
    app.heading("Master data").await;
    let legal = app
        .wait_text("[data-testid=master-count-legal_basis]", "1")
        .await;
    assert_eq!(
        legal.trim(),
        "17",
        "Art. 6(1) a–f, Art. 9(2) a–j and § 26 BDSG"
    );
    app.screenshot("38-master-data").await;
    app.click("[data-master-tile=business_process]").await;
    app.click("[data-testid=new-item]").await;
    app.type_into("input[name=name]", "Personalwesen").await;
    app.click("[data-testid=save-item]").await;
    app.wait_text("tr[data-item='Personalwesen']", "0 activities")
        .await;
    app.screenshot("39-master-list").await;
    // Countries: EU/EEA states and third countries apart, so "third country" means what the GDPR means.
    app.click("[data-testid=master-back]").await;
    app.wait_text("[data-master-tile=third_country]", "COUNTRIES")
        .await;
    app.click("[data-master-tile=third_country]").await;
    app.wait_text("tr[data-item='Germany']", "EU/EEA").await;
    app.wait_text(
        "tr[data-item='India']",
        "third country, no adequacy decision",
    )
    .await;
    app.wait_text("tr[data-item='Japan']", "third country, adequacy decision")
        .await;
    app.screenshot("39b-countries").await;

    // A processing activity with every field.
    app.click("[data-menu=processing_activities]").await;
    app.wait_text("[data-testid=activity-count]", "0 activities")
        .await;
    app.click("[data-testid=new-activity]").await;
    app.click("[data-testid=save-activity]").await;
    app.wait_text("[data-testid=activity-message]", "Please enter the name")
        .await;
    app.type_into("input[name=name]", "Lohnabrechnung").await;
    app.choose("select[name=area_id]", "Bäckerei Schmidt GmbH · Personal")
        .await;
    app.choose("select[name=status]", "Active").await;
    app.type_into("input[name=responsible]", "Erika Schmidt")
        .await;
    app.choose("select[name=editor_id]", "Anna Meier").await;
    app.choose("select[name=business_process_id]", "Personalwesen")
        .await;
    app.type_into(
        "textarea[name=purposes]",
        "Gehaltszahlung und Meldungen an Sozialversicherungsträger",
    )
    .await;
    let offered = app
        .find("select[data-add-link=third_country]")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        offered.contains("India") && !offered.contains("Germany") && !offered.contains("Austria"),
        "transfers offer third countries only: {offered}"
    );
    for (kind, item) in [
        ("legal_basis", "Employment relationship — § 26 BDSG"),
        ("data_category", "Health data"),
        ("data_category", "Bank and payment data"),
        ("person_group", "Employees"),
        ("third_country", "India — IN"),
        ("application", "DATEV"),
    ] {
        app.choose(&format!("select[data-add-link={kind}]"), item)
            .await;
    }
    // Create new inline, from the pick list.
    app.type_into(
        "input[data-new-item=retention_period]",
        "10 Jahre nach Austritt",
    )
    .await;
    app.click("[data-link-kind=retention_period] .picker-row button")
        .await;
    app.wait_text(
        "[data-link-kind=retention_period] .chips",
        "10 Jahre nach Austritt",
    )
    .await;
    app.type_into("input[data-new-item=recipient]", "Steuerbüro Klein")
        .await;
    app.click("[data-link-kind=recipient] .picker-row button")
        .await;
    app.wait_text("[data-link-kind=recipient] .chips", "Steuerbüro Klein")
        .await;
    // A transfer without a safeguard is refused, with one it is stored.
    app.click("[data-testid=save-activity]").await;
    app.wait_text("[data-testid=activity-message]", "needs its safeguard")
        .await;
    app.choose(
        "select[data-safeguard='India']",
        "Standard contractual clauses (Art. 46)",
    )
    .await;
    // The chip with its safeguard choice wraps inside its column; the remove button is reachable.
    let column = app.measure("[data-link-kind=third_country]").await;
    for part in [
        "[data-linked='India']",
        "select[data-safeguard='India']",
        "[data-linked='India'] .chip-remove",
    ] {
        let m = app.measure(part).await;
        assert!(
            px(&m, "right") <= px(&column, "right") + 0.5,
            "{part} stays in its column: {m} within {column}"
        );
    }
    app.scroll_to("[data-link-kind=third_country]").await;
    app.screenshot("43b-third-country-safeguard").await;
    app.type_into(
        "textarea[name=specific_toms]",
        "Zugriff nur Personalabteilung",
    )
    .await;
    app.choose("select[name=dpia_required]", "No DPIA needed")
        .await;
    app.type_into("input[name=dpia_reason]", "Keine zwei WP248-Kriterien")
        .await;
    // Dates are typed as the app's language writes them, whatever the OS locale (en-US here).
    app.type_into("input[name=review_planned]", "01/03/2027")
        .await;
    app.type_into("textarea[name=review_result]", "Ohne Beanstandung")
        .await;
    app.type_into("textarea[name=notes]", "Lohnbüro extern")
        .await;
    app.screenshot("31-activity-form").await;
    app.click("[data-testid=save-activity]").await;
    app.wait_text("[data-testid=activity-message]", "Saved.")
        .await;
    app.heading("Lohnabrechnung").await;
    for (lang, written) in [("de", "01.03.2027"), ("en", "01/03/2027")] {
        app.click(&format!("button[lang='{lang}']")).await;
        app.wait_value("input[name=review_planned]", written).await;
        if lang == "de" {
            // The calendar speaks the app's language too; Escape closes it.
            app.click("input[name=review_planned] + .date-input-open")
                .await;
            app.wait_text(".date-popover", "März").await;
            app.scroll_to(".date-popover").await;
            app.screenshot("31b-date-picker-de").await;
            app.client
                .active_element()
                .await
                .unwrap()
                .send_keys("\u{E00C}")
                .await
                .unwrap();
            assert!(
                !app.exists(".date-popover").await,
                "Escape closes the calendar"
            );
        }
    }
    let chips = app
        .wait_text("[data-link-kind=data_category] .chips", "Health data")
        .await;
    assert!(
        chips.contains("Art. 9/10"),
        "special categories are flagged: {chips}"
    );
    // An attachment, picked in the native open dialog, kept in the encrypted database.
    let contract = data.path().join("AV-Vertrag Lohnbüro.pdf");
    std::fs::write(&contract, b"%PDF-1.4 Auftragsverarbeitungsvertrag").unwrap();
    app.click("[data-testid=add-attachment]").await;
    answer_open_dialog("Attach a file", &contract).await;
    app.wait_text("[data-attachment='AV-Vertrag Lohnbüro.pdf']", "KB")
        .await;
    app.click("[data-testid=back-to-list]").await;
    let rows = app.wait_any_text("[data-activity]", "Lohnabrechnung").await;
    assert!(
        rows[0].contains("Personal")
            && rows[0].contains("Active")
            && rows[0].contains("Anna Meier"),
        "{rows:?}"
    );

    // Full-text search finds it by a word of its purposes.
    app.type_into("[data-testid=activity-search]", "sozialversicherung")
        .await;
    app.wait_text("[data-testid=activity-count]", "1 activity")
        .await;
    app.type_into("[data-testid=activity-search]", "Kundenkartei")
        .await;
    app.wait_text("[data-testid=activity-count]", "0 activities")
        .await;
    app.type_into("[data-testid=activity-search]", "").await;
    app.wait_text("[data-testid=activity-count]", "1 activity")
        .await;
    // The tenant-wide search in the header finds activities and master data alike.
    app.type_into("[data-testid=global-search]", "Steuerbüro\u{E007}")
        .await;
    app.wait_text("[data-hit='Steuerbüro Klein']", "Recipient")
        .await;
    app.type_into(
        "[data-testid=global-search]",
        "sozialversicherungstrager\u{E007}",
    )
    .await;
    app.wait_text("[data-hit='Lohnabrechnung']", "Processing activity")
        .await;
    // As you type, no Enter: a part of a compound word finds it, with where the hit lives.
    app.type_into("[data-testid=global-search]", "versicherung")
        .await;
    app.heading("Search: versicherung").await;
    app.wait_text(
        "[data-hit='Lohnabrechnung'] [data-testid=hit-place]",
        "Personal · Bäckerei Schmidt GmbH",
    )
    .await;
    app.screenshot("40-search").await;
    app.click("[data-hit='Lohnabrechnung'] button").await;
    app.heading("Lohnabrechnung").await;
    app.click("[data-testid=back-to-list]").await;
    app.wait_text("[data-testid=activity-count]", "1 activity")
        .await;

    // Two copies, then the status of all three changed at once.
    for expected in ["2 activities", "3 activities"] {
        app.click("input[data-select='Lohnabrechnung']").await;
        app.click("[data-testid=copy-selected]").await;
        app.wait_text("[data-testid=list-notice]", "1 copy created")
            .await;
        app.wait_text("[data-testid=activity-count]", expected)
            .await;
    }
    app.click("[data-testid=select-all]").await;
    app.wait_text("[data-testid=bulk-bar]", "3 selected").await;
    // Confirmed with what it does; the original is active already, and the report says so.
    app.choose("[data-testid=mass-value]", "Active").await;
    app.click("[data-testid=apply-mass-change]").await;
    app.wait_text("[data-testid=bulk-bar]", "Set “Status” on 3 selected?")
        .await;
    app.screenshot("32b-mass-change-confirm").await;
    app.click("[data-testid=confirm-mass-change]").await;
    app.wait_text(
        "[data-testid=list-notice]",
        "2 activities changed. 1 already had this value.",
    )
    .await;
    app.click("[data-testid=select-all]").await;
    app.wait_text("[data-testid=bulk-bar]", "3 selected").await;
    app.choose("[data-testid=mass-value]", "In review").await;
    app.click("[data-testid=apply-mass-change]").await;
    app.click("[data-testid=confirm-mass-change]").await;
    app.wait_text("[data-testid=list-notice]", "3 activities changed")
        .await;
    let rows = app.wait_any_text("[data-activity]", "In review").await;
    assert_eq!(
        rows.iter().filter(|r| r.contains("In review")).count(),
        3,
        "{rows:?}"
    );
    app.screenshot("32-mass-change").await;

    // One copy deleted, then restored from the trash.
    app.click("input[data-select='Lohnabrechnung (copy)']")
        .await;
    app.click("[data-testid=delete-selected]").await;
    app.click("[data-testid=confirm-delete]").await;
    app.wait_text("[data-testid=list-notice]", "moved to the trash")
        .await;
    app.wait_text("[data-testid=activity-count]", "2 activities")
        .await;
    app.click("[data-menu=trash]").await;
    let entry = app
        .wait_text("tr[data-trash='Lohnabrechnung (copy)']", "Anna Meier")
        .await;
    assert!(
        // One record's kind in the singular (issue 18, item 17).
        entry.contains("Processing activity")
            && !entry.contains("Processing activities")
            && entry.contains("Bäckerei Schmidt GmbH"),
        "{entry}"
    );
    app.screenshot("33-trash").await;
    app.click("tr[data-trash='Lohnabrechnung (copy)'] [data-testid=restore]")
        .await;
    app.wait_text("[data-testid=trash-notice]", "has been restored")
        .await;
    app.wait_text("[data-testid=trash-empty]", "empty").await;
    app.click("[data-menu=processing_activities]").await;
    app.wait_text("[data-testid=activity-count]", "3 activities")
        .await;

    // The list as CSV, saved through the native dialog.
    let target = data.path().join("verarbeitungen.csv");
    app.click("[data-testid=export-csv]").await;
    answer_file_dialog("Export processing activities", &target).await;
    app.wait_text("[data-testid=list-notice]", "verarbeitungen.csv")
        .await;
    let csv = std::fs::read_to_string(&target).expect("the exported file");
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("ID,Name,Company,Area,Status,Role,Responsible,Editor,Purposes"),
        "{csv}"
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 3, "{csv}");
    let original = rows
        .iter()
        .find(|r| r.contains(",Lohnabrechnung,"))
        .expect("the original");
    for expected in [
        "Personal",
        "Erika Schmidt",
        "Anna Meier",
        "Personalwesen",
        "Health data (Art. 9/10)",
        "India (standard contractual clauses (Art. 46(2)(c) GDPR))",
        "10 Jahre nach Austritt",
        "Steuerbüro Klein",
        "2027-03-01",
    ] {
        assert!(
            original.contains(expected),
            "{expected} missing in {original}"
        );
    }
    assert!(
        !original.contains("in_review") && original.contains("In review"),
        "values in words: {original}"
    );
    // In German: semicolons for German spreadsheets, German words and dates.
    app.click("button[lang='de']").await;
    let target = data.path().join("verarbeitungen-de.csv");
    app.click("[data-testid=export-csv]").await;
    answer_file_dialog("Verarbeitungen exportieren", &target).await;
    app.wait_text("[data-testid=list-notice]", "verarbeitungen-de.csv")
        .await;
    let csv = std::fs::read_to_string(&target).expect("the German export");
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("ID;Bezeichnung;Firma;Bereich;Status;Rolle;"),
        "{csv}"
    );
    let original = lines
        .find(|r| r.contains(";Lohnabrechnung;"))
        .expect("the original");
    for expected in [";In Prüfung;", ";Verantwortlicher;", "01.03.2027"] {
        assert!(
            original.contains(expected),
            "{expected} missing in {original}"
        );
    }
    app.click("button[lang='en']").await;

    app.click("[data-menu=dashboard]").await;
    app.wait_text("[data-testid=tile-count-processing_activity]", "3")
        .await;
    app.wait_text("[data-testid=tile-count-area]", "2").await;
    app.wait_text("[data-testid=tile-count-company]", "1").await;
    app.screenshot("34-dashboard-tiles").await;

    // The company list: a copy (areas and activities along), a filter, one DPO set for both.
    app.click("[data-menu=companies]").await;
    app.click("input[data-select-company='Bäckerei Schmidt GmbH']")
        .await;
    app.click("[data-testid=copy-companies]").await;
    app.wait_text("[data-testid=company-notice]", "1 copy created")
        .await;
    app.wait_text(
        "[data-company='Bäckerei Schmidt GmbH (copy)'] [data-area='Personal']",
        "3 activities",
    )
    .await;
    app.type_into("[data-testid=company-filter]", "copy").await;
    assert_eq!(
        app.wait_any_text("[data-company]", "(copy)").await.len(),
        1,
        "the filter shows the copy only"
    );
    app.type_into("[data-testid=company-filter]", "").await;
    app.click("input[data-select-company='Bäckerei Schmidt GmbH']")
        .await;
    app.click("input[data-select-company='Bäckerei Schmidt GmbH (copy)']")
        .await;
    app.type_into("[data-testid=company-mass-value]", "Dr. Datenschutz GmbH")
        .await;
    app.click("[data-testid=company-apply]").await;
    app.click("[data-testid=confirm-mass-change]").await;
    app.wait_text("[data-testid=company-notice]", "2 companies changed")
        .await;
    app.click("[data-company='Bäckerei Schmidt GmbH (copy)'] h2 button")
        .await;
    let dpo = app
        .find("input[name=dpo_name]")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(dpo.as_deref(), Some("Dr. Datenschutz GmbH"));
    app.screenshot("36-company-copy").await;
    app.quit().await;

    // The chosen tenant is remembered at the next start.
    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(dpo_desk_e2e::OWNER, dpo_desk_e2e::PASSWORD)
        .await;
    app.wait_text("#tenant-tiles", "Bäckerei Schmidt GmbH")
        .await;
    app.quit().await;
}
