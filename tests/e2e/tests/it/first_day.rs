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

/// The first day's fixes read in German too: a company's refused fields, the search inside
/// compound words with where a hit lives, countries apart, a confirmed mass change with its
/// report, the audit log in words and the CSV separator — each looked at as a screenshot.
#[tokio::test(flavor = "multi_thread")]
async fn the_first_day_fixes_read_in_german() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Deutsch").await;
    app.quit().await;
    let (_, demo) = dpo_desk_e2e::demo_tenant(data.path(), &key, "1", "12");

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", &demo).await;
    app.click("button[lang='de']").await;

    // A company with three refused fields: each marked, named, in German; the first in focus.
    app.click("[data-menu=companies]").await;
    app.click("[data-testid=new-company]").await;
    app.type_into("input[name=name]", "Autohaus Weber KG").await;
    app.type_into("input[name=vat_id]", "DE12").await;
    app.type_into("input[name=email]", "info@weber").await;
    app.type_into("input[name=dpo_email]", "dsb@").await;
    app.click("[data-testid=save-company]").await;
    for (field, message) in [
        ("vat_id", "USt-IdNr.: Das ist nicht das Format"),
        ("email", "E-Mail: Bitte geben Sie eine gültige Adresse ein"),
        ("dpo_email", "E-Mail des DSB:"),
    ] {
        app.wait_text(&format!("input[name={field}] ~ .field-error"), message)
            .await;
    }
    app.wait_text("[data-testid=company-message]", "z. B. DE136695976")
        .await;
    app.screenshot("95-company-errors-de").await;
    app.click_button("Abbrechen").await;
    if app.exists("[data-testid=discard]").await {
        app.click("[data-testid=discard]").await;
    }

    // Search as you type, inside a compound word, with the hit's area and company.
    app.type_into("[data-testid=global-search]", "überwachung")
        .await;
    app.heading("Suche: überwachung").await;
    app.wait_text("[data-hit='Videoüberwachung']", "Verarbeitung")
        .await;
    app.wait_text("[data-hit='Videoüberwachung'] [data-testid=hit-place]", "·")
        .await;
    app.screenshot("96-search-de").await;
    app.type_into("[data-testid=global-search]", "").await;

    // Countries: EU/EWR and third countries apart.
    app.click("[data-menu=master_data]").await;
    app.click("[data-master-tile=third_country]").await;
    app.heading("Länder").await;
    app.wait_text("tr[data-item='Deutschland']", "EU/EWR").await;
    app.wait_text(
        "tr[data-item='Indien']",
        "Drittland ohne Angemessenheitsbeschluss",
    )
    .await;
    app.screenshot("97-countries-de").await;

    // A mass change asks first, naming the field and the count.
    app.click("[data-menu=processing_activities]").await;
    app.click("[data-testid=select-all]").await;
    app.choose("[data-testid=mass-field]", "Bearbeiter").await;
    app.choose("[data-testid=mass-value]", OWNER).await;
    app.click("[data-testid=apply-mass-change]").await;
    app.wait_text(
        "[data-testid=bulk-bar]",
        "„Bearbeiter“ bei 12 ausgewählten setzen?",
    )
    .await;
    app.screenshot("98-mass-change-confirm-de").await;
    app.click("[data-testid=confirm-mass-change]").await;
    app.wait_text("[data-testid=list-notice]", "geändert").await;

    // The audit log in words: the mass change's fields, labelled in German.
    app.click("[data-menu=audit_log]").await;
    app.heading("Änderungsprotokoll").await;
    app.choose("[data-testid=audit-action]", "gemeinsam geändert")
        .await;
    app.wait_any_text("[data-testid=audit-row]", "Verarbeitung:")
        .await;
    app.click("[data-testid=audit-row]").await;
    app.wait_text("[data-testid=audit-detail]", "Bearbeiter")
        .await;
    app.screenshot("99-audit-entry-de").await;

    // A third country's safeguard chip wraps inside its column, in German too.
    app.click("[data-menu=processing_activities]").await;
    app.click("[data-activity='Videoüberwachung']").await;
    // The first third country the demo has not linked yet, once the pick list has loaded.
    app.find("select[data-add-link=third_country] option:nth-child(2)")
        .await;
    let option: String = app
        .client
        .execute(
            "return [...document.querySelector('select[data-add-link=third_country]').options]
                 .map(o => o.text).find(t => t.includes(' — '));",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .expect("a third country to add")
        .to_string();
    let country = option.split(" — ").next().unwrap().to_string();
    app.choose("select[data-add-link=third_country]", &option)
        .await;
    let safeguard = format!("select[data-safeguard='{country}']");
    if app.exists(&safeguard).await {
        app.choose(&safeguard, "Standardvertragsklauseln (Art. 46)")
            .await;
    }
    let column = app.measure("[data-link-kind=third_country]").await;
    let chip = app
        .measure(&format!("[data-linked='{country}'] .chip-remove"))
        .await;
    assert!(
        px(&chip, "right") <= px(&column, "right") + 0.5,
        "{chip} within {column}"
    );
    app.scroll_to("[data-link-kind=third_country]").await;
    app.screenshot("97b-third-country-de").await;
    app.click("[data-menu=account]").await;
    if app.exists("[data-testid=discard]").await {
        app.click("[data-testid=discard]").await;
    }

    // A long but guessable password: the meter says what is required, in both languages.
    app.type_into("input[name=new_password]", "aaaaaaaaaa")
        .await;
    app.wait_text(".strength", "mindestens „stark“ ist nötig")
        .await;
    app.screenshot("99c-weak-password-de").await;
    app.click("button[lang='en']").await;
    app.wait_text(".strength", "at least “strong” is required")
        .await;
    app.screenshot("99c-weak-password-en").await;
    app.click("button[lang='de']").await;

    // The CSV separator, chosen for the office.
    app.click("[data-menu=settings]").await;
    app.choose("select[name=csv_separator]", "Immer Semikolon ;")
        .await;
    app.scroll_to("select[name=csv_separator]").await;
    app.screenshot("99b-settings-csv-de").await;
    app.quit().await;
}
