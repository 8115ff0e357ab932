//! TOMs in the real window (issue 11): a DPO adopts the catalogue for a company — marks ten
//! measures as valid with one mass change, deactivates three, describes one and sets it
//! active, records a review and sees the next review date; links a measure to an activity
//! and sees the link on both sides; copies five measures into another tenant, choosing the
//! company there. Data is prepared through the command line.

use chrono::{Datelike, Local, Months};
use dpo_desk_e2e::{cli, id, App, Keyring, OWNER, PASSWORD};

/// "30 November 2027": how the English window writes a date (British English, whatever the
/// OS locale).
fn written(date: chrono::NaiveDate) -> String {
    format!("{} {} {}", date.day(), date.format("%B"), date.year())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dpo_adopts_toms_for_a_company_links_one_and_copies_five_to_another_tenant() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei TOM").await;
    app.quit().await;

    let run = |args: &[&str]| cli(data.path(), &key, args);
    let tenant = id(&run(&["tenant", "add", "Bäckerei Schmidt GmbH"]));
    let bakery = id(&run(&[
        "company",
        "add",
        "Bäckerei Schmidt GmbH",
        "--tenant",
        &tenant,
    ]));
    let personnel = id(&run(&["area", "add", "Personal", "--company", &bakery]));
    run(&[
        "activity",
        "add",
        "Lohnabrechnung",
        "--area",
        &personnel,
        "--status",
        "active",
    ]);
    let cafe = id(&run(&["tenant", "add", "Café Sonne"]));
    let cafe_company = id(&run(&[
        "company",
        "add",
        "Café Sonne GmbH",
        "--tenant",
        &cafe,
    ]));
    let catalogue = run(&["tom", "list", "--tenant", &tenant]);
    let titles: Vec<String> = catalogue
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap().to_string())
        .collect();
    assert!(titles.len() >= 94);
    // One measure is due for review soon: the dashboard lists it.
    let soon = (Local::now().date_naive() + chrono::Duration::days(10)).to_string();
    let due_id = catalogue[20]["id"].as_i64().unwrap().to_string();
    run(&["tom", "set", &due_id, "--next-review", &soon]);

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", "Bäckerei Schmidt GmbH")
        .await;
    app.wait_any_text("[data-due-review]", &titles[20]).await;
    app.click("[data-menu=toms]").await;
    app.heading("TOMs").await;
    app.wait_text(
        "[data-testid=tom-count]",
        &format!("{} measures", titles.len()),
    )
    .await;
    app.wait_any_text("[data-testid=tom-group]", "Physical access control")
        .await;
    app.screenshot("60-tom-list-grouped").await;

    // Step 1: ten measures generally valid for the bakery, in one mass change.
    for title in &titles[..10] {
        app.click(&format!("input[data-select-tom=\"{title}\"]"))
            .await;
    }
    app.wait_text("[data-testid=tom-bulk-bar]", "10 selected")
        .await;
    app.choose("[data-testid=tom-mass-field]", "Valid for company")
        .await;
    app.choose("[data-testid=tom-mass-company]", "Bäckerei Schmidt GmbH")
        .await;
    app.click("[data-testid=tom-apply]").await;
    app.click("[data-testid=confirm-mass-change]").await;
    app.wait_text("[data-testid=tom-notice]", "10 measures changed.")
        .await;
    // Three that do not apply are deactivated.
    for title in &titles[10..13] {
        app.click(&format!("input[data-select-tom=\"{title}\"]"))
            .await;
    }
    app.wait_text("[data-testid=tom-bulk-bar]", "3 selected")
        .await;
    app.choose("[data-testid=tom-mass-field]", "Status").await;
    app.choose("[data-testid=tom-mass-status]", "Inactive")
        .await;
    app.click("[data-testid=tom-apply]").await;
    app.click("[data-testid=confirm-mass-change]").await;
    app.wait_text("[data-testid=tom-notice]", "3 measures changed.")
        .await;
    app.wait_text("[data-type=physical_access]", "3 inactive")
        .await;
    app.choose("[data-testid=tom-company-filter]", "Bäckerei Schmidt GmbH")
        .await;
    app.wait_text("[data-testid=tom-count]", "10 measures")
        .await;

    // Steps 2 and 3: describe one, set it active.
    let chosen = &titles[0];
    app.click(&format!("[data-tom=\"{chosen}\"]")).await;
    app.find("[data-testid=tom-form]").await;
    app.type_into(
        "textarea[name=tom_implementation]",
        "Transponder für alle Türen; Ausgabe und Rücknahme im Schlüsselbuch der Geschäftsführung.",
    )
    .await;
    app.choose("[data-testid=tom-status]", "Active").await;
    app.click("[data-testid=save-tom]").await;
    app.wait_text("[data-testid=tom-saved]", "Saved.").await;
    app.screenshot("61-tom-form").await;

    // A review moves the next review one year on; the history keeps it.
    app.type_into(
        "textarea[name=review_result]",
        "Wirksam; zwei verlorene Transponder gesperrt.",
    )
    .await;
    app.click("[data-testid=record-review]").await;
    let next = Local::now()
        .date_naive()
        .checked_add_months(Months::new(12))
        .unwrap();
    app.wait_text("[data-testid=tom-next-review-line]", &written(next))
        .await;
    app.wait_text(
        "[data-testid=tom-review-history]",
        "zwei verlorene Transponder",
    )
    .await;
    app.screenshot("62-tom-review-history").await;

    // The measure serves the payroll: linked here, shown on the activity too.
    app.choose(
        "[data-testid=tom-link-activity]",
        "Lohnabrechnung (Bäckerei Schmidt GmbH / Personal)",
    )
    .await;
    app.click("[data-testid=tom-link-activity-add]").await;
    app.wait_text("[data-linked-activity='Lohnabrechnung']", "Lohnabrechnung")
        .await;
    app.click("[data-testid=tom-back]").await;
    app.wait_text("[data-testid=tom-count]", "10 measures")
        .await;
    app.wait_any_text(&format!("[data-tom=\"{chosen}\"]"), "Active")
        .await;
    app.click("[data-menu=processing_activities]").await;
    app.click("[data-activity='Lohnabrechnung']").await;
    app.wait_text(&format!("[data-specific-tom=\"{chosen}\"]"), chosen)
        .await;
    app.scroll_to("[data-testid=activity-toms]").await;
    app.screenshot("63-activity-specific-toms").await;

    // Five measures go to the café's company in the other tenant.
    app.click("[data-menu=toms]").await;
    app.choose("[data-testid=tom-company-filter]", "Bäckerei Schmidt GmbH")
        .await;
    app.wait_text("[data-testid=tom-count]", "10 measures")
        .await;
    for title in &titles[..5] {
        app.click(&format!("input[data-select-tom=\"{title}\"]"))
            .await;
    }
    app.wait_text("[data-testid=tom-bulk-bar]", "5 selected")
        .await;
    app.click("[data-testid=copy-toms-to-tenant]").await;
    app.choose("[data-testid=tom-copy-tenant]", "Café Sonne")
        .await;
    app.choose("[data-testid=tom-copy-company]", "Café Sonne GmbH")
        .await;
    app.screenshot("64-tom-copy-to-tenant").await;
    app.click("[data-testid=tom-copy-run]").await;
    app.wait_text(
        "[data-testid=tom-notice]",
        "5 measures copied to Café Sonne.",
    )
    .await;
    app.quit().await;

    let there = cli(
        data.path(),
        &key,
        &["tom", "list", "--tenant", &cafe, "--company", &cafe_company],
    );
    let mut copied: Vec<String> = there
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap().to_string())
        .collect();
    copied.sort();
    let mut expected = titles[..5].to_vec();
    expected.sort();
    assert_eq!(
        copied, expected,
        "the five are valid for the café's company"
    );
    let all = cli(data.path(), &key, &["tom", "list", "--tenant", &cafe]);
    assert_eq!(
        all.as_array().unwrap().len(),
        titles.len(),
        "reused, never duplicated"
    );
    let adopted = cli(
        data.path(),
        &key,
        &["tom", "list", "--tenant", &tenant, "--status", "active"],
    );
    assert_eq!(adopted.as_array().unwrap().len(), 1);
    assert_eq!(adopted[0]["next_review"], next.to_string());
}
