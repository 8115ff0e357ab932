//! The list features of areas and tenants in the real window (issue 3): areas of all
//! companies in one list, created, copied with their activities, moved to another company
//! with a mass change, filtered by company, deleted to the trash and exported as CSV
//! through the native save dialog; the tenant list with counts, a mass change of the
//! archive mark and its export.

use dpo_desk_e2e::{answer_file_dialog, cli, id, App, Keyring, OWNER, PASSWORD};

#[tokio::test(flavor = "multi_thread")]
async fn areas_and_tenants_are_worked_on_as_lists() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Listen").await;
    app.quit().await;

    let tenant = id(&cli(
        data.path(),
        &key,
        &["tenant", "add", "Bäckerei Schmidt GmbH"],
    ));
    cli(data.path(), &key, &["tenant", "add", "Autohaus Weber KG"]);
    let bakery = id(&cli(
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
    cli(
        data.path(),
        &key,
        &[
            "company",
            "add",
            "Schmidt Filialen KG",
            "--tenant",
            &tenant,
            "--city",
            "Bonn",
        ],
    );
    let personnel = id(&cli(
        data.path(),
        &key,
        &["area", "add", "Personal", "--company", &bakery],
    ));
    cli(
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
        ],
    );
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

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", "Bäckerei Schmidt GmbH")
        .await;
    app.click("[data-menu=areas]").await;
    app.heading("Areas").await;
    app.wait_text("[data-testid=area-count]", "3 areas").await;
    app.wait_text("tr[data-area-row='Personal']", "2 activities")
        .await;

    // A new area, filed in the bakery.
    app.click("[data-testid=new-area]").await;
    app.choose("[data-testid=area-company]", "Bäckerei Schmidt GmbH")
        .await;
    app.type_into("input[name=area_name]", "Vertrieb").await;
    app.type_into("textarea[name=area_description]", "Verkauf in den Filialen")
        .await;
    app.click("[data-testid=save-area]").await;
    app.wait_text("[data-testid=area-notice]", "Area \"Vertrieb\" saved.")
        .await;
    app.wait_text("[data-testid=area-count]", "4 areas").await;

    // A copy brings the activities along.
    app.click("input[data-select-area='Personal']").await;
    app.click("[data-testid=copy-areas]").await;
    app.wait_text("[data-testid=area-notice]", "1 copy created.")
        .await;
    app.wait_text("tr[data-area-row='Personal (copy)']", "2 activities")
        .await;

    // The copy and the new area move to the KG in one mass change.
    app.click("input[data-select-area='Personal (copy)']").await;
    app.click("input[data-select-area='Vertrieb']").await;
    app.wait_text("[data-testid=area-bulk-bar]", "2 selected")
        .await;
    app.choose("[data-testid=area-mass-company]", "Schmidt Filialen KG")
        .await;
    app.click("[data-testid=area-apply]").await;
    app.click("[data-testid=confirm-mass-change]").await;
    app.wait_text("[data-testid=area-notice]", "2 areas changed.")
        .await;
    app.wait_text("tr[data-area-row='Vertrieb']", "Schmidt Filialen KG")
        .await;
    app.wait_text("tr[data-area-row='Personal (copy)']", "Schmidt Filialen KG")
        .await;
    app.choose("[data-testid=area-company-filter]", "Schmidt Filialen KG")
        .await;
    app.wait_text("[data-testid=area-count]", "3 areas").await;
    app.choose("[data-testid=area-sort]", "Most activities first")
        .await;
    let first = app
        .find("tr[data-area-row]")
        .await
        .attr("data-area-row")
        .await
        .unwrap();
    assert_eq!(
        first.as_deref(),
        Some("Personal (copy)"),
        "most activities first"
    );
    app.screenshot("40-area-list").await;
    app.choose("[data-testid=area-company-filter]", "All companies")
        .await;

    // The list as CSV, through the real save dialog.
    let target = data.path().join("bereiche.csv");
    app.click("[data-testid=export-areas-csv]").await;
    answer_file_dialog("Export areas", &target).await;
    app.wait_text("[data-testid=area-notice]", "bereiche.csv")
        .await;
    let csv = std::fs::read_to_string(&target).expect("the exported file");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0], "ID,Area,Company,Description,Processing activities",
        "{csv}"
    );
    assert_eq!(lines.len(), 1 + 5, "{csv}");
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with(",Vertrieb,Schmidt Filialen KG,Verkauf in den Filialen,0")),
        "{csv}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with(",Personal (copy),Schmidt Filialen KG,,2")),
        "{csv}"
    );

    // Deleting an area asks, names the activities going along, and puts it in the trash.
    app.click("input[data-select-area='Personal (copy)']").await;
    app.click("[data-testid=delete-areas]").await;
    app.wait_text(
        "[data-testid=area-bulk-bar]",
        "Move 1 area with 2 processing activities to the trash?",
    )
    .await;
    app.click("[data-testid=confirm-delete-areas]").await;
    app.wait_text("[data-testid=area-notice]", "1 area moved to the trash.")
        .await;
    app.wait_text("[data-testid=area-count]", "4 areas").await;
    app.click("[data-menu=trash]").await;
    app.wait_any_text("[data-trash]", "Personal (copy)").await;

    // The tenant list: counts, two tenants archived at once, the list exported.
    app.click("[data-menu=administration]").await;
    app.click("[data-tab=tenants]").await;
    app.wait_text("tr[data-tenant='Bäckerei Schmidt GmbH']", "2 companies")
        .await;
    app.click("input[data-select-tenant='Bäckerei Schmidt GmbH']")
        .await;
    app.click("input[data-select-tenant='Autohaus Weber KG']")
        .await;
    app.choose("[data-testid=tenant-mass-field]", "Archived")
        .await;
    app.choose("[data-testid=tenant-mass-value]", "yes").await;
    app.screenshot("41-tenant-list-selection").await;
    app.click("[data-testid=tenant-apply]").await;
    app.click("[data-testid=confirm-mass-change]").await;
    app.wait_text("[data-testid=tenant-notice]", "2 tenants changed.")
        .await;
    app.wait_text("tr[data-tenant='Autohaus Weber KG']", "archived")
        .await;
    app.wait_text("tr[data-tenant='Bäckerei Schmidt GmbH']", "archived")
        .await;
    let target = data.path().join("mandanten.csv");
    app.click("[data-testid=export-tenants-csv]").await;
    answer_file_dialog("Export the tenant list", &target).await;
    app.wait_text("[data-testid=tenant-notice]", "mandanten.csv")
        .await;
    let csv = std::fs::read_to_string(&target).expect("the exported tenant list");
    assert!(
        csv.contains("ID,Tenant,Template,Archived on,Created on,Companies,Processing activities"),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.contains(",Bäckerei Schmidt GmbH,,2") && l.ends_with(",2,2")),
        "{csv}"
    );
    app.quit().await;

    // The archive marks are stored: the command line sees them.
    let tenants = cli(data.path(), &key, &["tenant", "list"]);
    assert!(
        tenants
            .as_array()
            .unwrap()
            .iter()
            .all(|t| !t["archived_at"].is_null()),
        "{tenants}"
    );
}

/// The last visible row of the activity list, by its place in the scrolled list.
async fn last_row_shown(app: &App) -> String {
    app.evaluate(
        "const rows = [...document.querySelectorAll('[data-activity]')];
         const box = document.querySelector('.list-scroller').getBoundingClientRect();
         const inView = rows.filter(r => { const b = r.getBoundingClientRect(); return b.top >= box.top - 1 && b.bottom <= box.bottom + 1; });
         inView.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
         return inView.length ? inView[inView.length - 1].getAttribute('data-activity') : '';",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tenant_of_twenty_thousand_activities_scrolls_to_its_last_row() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Lang").await;
    app.quit().await;
    let (tenant, name) = dpo_desk_e2e::demo_tenant(data.path(), &key, "1", "20000");

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", &name).await;
    app.click("[data-menu=processing_activities]").await;
    app.wait_text("[data-testid=activity-count]", "20000 activities")
        .await;
    app.find("[data-activity]").await;
    let rowcount = app
        .evaluate("return document.querySelector('[role=table]').getAttribute('aria-rowcount');")
        .await;
    assert_eq!(rowcount, "20000");

    // The core's last row by name: the first one sorted the other way round.
    app.click("[data-sort=name]").await;
    app.wait_text("[data-sort=name]", "▼").await;
    let mut last = String::new();
    for _ in 0..100 {
        last = app
            // While the reversed list's first window is on its way, its rows are placeholders.
            .evaluate(
                "return document.querySelector('[data-activity]')?.getAttribute('data-activity') ?? '';",
            )
            .await
            .as_str()
            .unwrap_or_default()
            .to_string();
        if app
            .evaluate("return !document.querySelector('[aria-busy=true]');")
            .await
            == true
            && !last.is_empty()
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.click("[data-sort=name]").await;
    app.wait_text("[data-sort=name]", "▲").await;

    // Scroll to the end as a person would drag the bar: the last row arrives and is the one above.
    app.evaluate(
        "const s = document.querySelector('.list-scroller'); s.scrollTop = s.scrollHeight;",
    )
    .await;
    let started = std::time::Instant::now();
    let mut shown = String::new();
    while started.elapsed() < std::time::Duration::from_secs(20) {
        shown = last_row_shown(&app).await;
        if shown == last {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(shown, last, "the last of 20,000 rows is reachable");
    app.screenshot("16-activity-list-end").await;

    // Search and filter still run over all of them in the core.
    // The row is on screen already, so wait for the search's own answer: the count changes.
    app.type_into("[data-testid=activity-search]", &last).await;
    let started = std::time::Instant::now();
    let mut count = String::new();
    while started.elapsed() < std::time::Duration::from_secs(20) {
        count = app
            .evaluate(
                "return document.querySelector('[data-testid=activity-count]')?.textContent ?? '';",
            )
            .await
            .as_str()
            .unwrap_or_default()
            .to_string();
        if count.ends_with("activities") && !count.starts_with("20000") || count == "1 activity" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        !count.starts_with("20000") && count.contains("activit"),
        "{count}"
    );
    app.wait_any_text("[data-activity]", &last).await;

    // Thousands of reviews fall due in such a tenant (the demo plans them in 2026 and 2027).
    // The dashboard counts all of them but gets only its six lines; the deadline page shows
    // a hundred at a time.
    let tenant = tenant.to_string();
    let due = dpo_desk_e2e::cli(data.path(), &key, &["deadlines", "--tenant", &tenant]);
    let due = due.as_array().expect("deadlines");
    let overdue = due.iter().filter(|d| d["overdue"] == true).count();
    let overdue_reviews = due
        .iter()
        .filter(|d| d["overdue"] == true && d["kind"] == "activity_review")
        .count();
    assert!(
        overdue > 200,
        "{overdue} overdue reviews in the demo tenant"
    );
    app.click("[data-menu=dashboard]").await;
    app.wait_text(
        "[data-testid=all-deadlines]",
        &format!("Show all deadlines ({})", due.len()),
    )
    .await;
    assert_eq!(
        app.evaluate("return document.querySelectorAll('[data-next-deadline]').length;")
            .await,
        6
    );
    app.wait_text(
        "[data-testid=tile-overdue-processing_activity]",
        &format!("{overdue_reviews} overdue"),
    )
    .await;
    app.click("[data-testid=all-deadlines]").await;
    app.wait_text(
        "[data-testid=deadlines-overdue] h2",
        &format!("{overdue} overdue"),
    )
    .await;
    let lines = "return document.querySelectorAll('[data-testid=deadlines-overdue] li').length;";
    assert_eq!(app.evaluate(lines).await, 100);
    app.wait_text(
        "[data-testid=deadlines-overdue-more]",
        &format!("Show 100 more ({} not shown yet)", overdue - 100),
    )
    .await;
    app.click("[data-testid=deadlines-overdue-more]").await;
    app.wait_text(
        "[data-testid=deadlines-overdue-more]",
        &format!("({} not shown yet)", overdue - 200),
    )
    .await;
    assert_eq!(app.evaluate(lines).await, 200);
    app.scroll_to("[data-testid=deadlines-overdue-more]").await;
    app.screenshot("16-deadlines-hundred-more").await;
    app.quit().await;
}
