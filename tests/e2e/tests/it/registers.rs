//! The registers in the real window (issue 15): a breach recorded at a set time shows its
//! 72-hour countdown; with the clock moved (`DPO_DESK_NOW`) past 48 hours it turns red and a
//! native notification is sent (observed on the session bus), the DPO assesses it and
//! prints the notification for the authority. A request is recorded in the window and
//! extended; the deadline page lists items of every kind, overdue first, and opens one.
//! Data is prepared through the command line with `--now`.

use chrono::{DateTime, Datelike, Duration, Local, Months, Timelike, Utc};
use dpo_desk_e2e::{answer_file_dialog, cli, id, App, BusMonitor, Keyring, OWNER, PASSWORD};

/// An instant after every clock the installation has seen (setup ran on the real clock),
/// on a full hour, so later instants are easy to state.
fn start() -> DateTime<Utc> {
    let t = Utc::now() + Duration::days(1);
    t.with_minute(0)
        .unwrap()
        .with_second(0)
        .unwrap()
        .with_nanosecond(0)
        .unwrap()
}

/// "30/11/2027": how a date is typed in the English window.
fn typed(date: chrono::NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// "30 November 2027": how the English window writes a date.
fn written(date: chrono::NaiveDate) -> String {
    format!("{} {} {}", date.day(), date.format("%B"), date.year())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_breach_counts_down_turns_red_after_48_hours_notifies_and_prints_its_notification() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Meier").await;
    app.quit().await;

    let t0 = start();
    let now = t0.to_rfc3339();
    let run = |args: &[&str]| {
        let mut all = vec!["--now", now.as_str()];
        all.extend_from_slice(args);
        cli(data.path(), &key, &all)
    };
    let tenant = id(&run(&["tenant", "add", "Bäckerei Schmidt"]));
    run(&[
        "company",
        "add",
        "Bäckerei Schmidt GmbH",
        "--tenant",
        &tenant,
    ]);
    let discovered = (t0 - Duration::hours(2)).to_rfc3339();
    let breach = run(&[
        "breach",
        "add",
        "--tenant",
        &tenant,
        "--discovered-at",
        &discovered,
        "Laptop mit Kundendaten im Zug vergessen",
    ]);
    assert_eq!(breach["hours_left"], 70);

    // At recording time the DPO opens the app: the clock runs, a notification says so.
    let bus = BusMonitor::start(data.path());
    let app = App::launch_at(data.path(), Keyring::Session, &now).await;
    app.sign_in(OWNER, PASSWORD).await;
    bus.wait_for("Data breach recorded: 72 hours run").await;
    app.click("[data-menu=breaches]").await;
    app.heading("Data breaches").await;
    let row = "[data-breach='Laptop mit Kundendaten im Zug vergessen']";
    app.wait_text(
        &format!("{row} [data-testid=breach-clock]"),
        "2 d 21 h left",
    )
    .await;
    assert_eq!(
        app.find(&format!("{row} [data-testid=breach-clock]"))
            .await
            .attr("data-clock")
            .await
            .unwrap()
            .as_deref(),
        Some("running")
    );
    app.screenshot("registers-01-breach-running").await;
    app.quit().await;

    // 49 hours later: 21 hours left, red, and the 24-hour notification comes once.
    let later = (t0 + Duration::hours(49)).to_rfc3339();
    let app = App::launch_at(data.path(), Keyring::Session, &later).await;
    app.sign_in(OWNER, PASSWORD).await;
    bus.wait_for("Data breach: less than 24 hours left").await;
    assert_eq!(bus.count("Data breach recorded: 72 hours run"), 1);
    app.click("[data-menu=breaches]").await;
    let clock = format!("{row} [data-testid=breach-clock]");
    app.wait_text(&clock, "h").await;
    let text = app.find(&clock).await.text().await.unwrap();
    assert!(
        text.starts_with("20 h") || text.starts_with("21 h"),
        "{text}"
    );
    let state = app
        .client
        .execute(
            "const el = document.querySelector(arguments[0]);
             return [el.dataset.clock, getComputedStyle(el).color];",
            vec![serde_json::json!(clock)],
        )
        .await
        .unwrap();
    assert_eq!(
        state,
        serde_json::json!(["urgent", "rgb(180, 35, 24)"]),
        "red"
    );
    app.screenshot("registers-02-breach-under-24h").await;

    // The DPO opens it, assesses a high risk and prints the notification for the authority.
    app.click(&format!("{row} .cell-text")).await;
    app.wait_text("[data-testid=breach-clock-banner]", "left")
        .await;
    app.choose("[data-testid=breach-risk]", "high risk").await;
    app.type_into(
        "textarea[name=risk_reasons]",
        "Unverschlüsselter Laptop mit Namen, Adressen und Bestellhistorie von Kunden",
    )
    .await;
    app.type_into("input[name=subjects_approx]", "etwa 1.200")
        .await;
    app.click("[data-testid=save-breach]").await;
    app.wait_text("[data-testid=breach-saved]", "Saved").await;
    app.screenshot("registers-03-breach-form").await;
    let pdf = data.path().join("meldung.pdf");
    app.click("[data-testid=print-breach]").await;
    answer_file_dialog("Save the breach notification", &pdf).await;
    app.wait_text("[data-testid=breach-report-saved]", "meldung.pdf")
        .await;
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    for needle in [
        "Notification of a personal data breach",
        "Laptop mit Kundendaten im Zug vergessen",
        "etwa 1.200",
        "high risk",
        "Bäckerei Schmidt GmbH",
    ] {
        assert!(text.contains(needle), "{needle:?} in the PDF:\n{text}");
    }
    std::fs::copy(
        &pdf,
        dpo_desk_e2e::artifacts_dir().join("breach-notification.pdf"),
    )
    .unwrap();

    // The same register in German: the countdown reads "noch …".
    app.click(".language-switch button[lang=de]").await;
    app.click("[data-testid=breach-back]").await;
    app.heading("Datenpannen").await;
    app.wait_text(&clock, "noch").await;
    app.screenshot("registers-08-breaches-de").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_request_is_recorded_and_extended_and_the_deadline_page_opens_one_of_every_kind() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Meier").await;
    app.quit().await;

    let t0 = start();
    let now = t0.to_rfc3339();
    let today = t0.with_timezone(&Local).date_naive();
    let day = |days: i64| (today + Duration::days(days)).to_string();
    let run = |args: &[&str]| {
        let mut all = vec!["--now", now.as_str()];
        all.extend_from_slice(args);
        cli(data.path(), &key, &all)
    };
    let tenant = id(&run(&["tenant", "add", "Bäckerei Schmidt"]));
    let company = id(&run(&[
        "company",
        "add",
        "Bäckerei Schmidt GmbH",
        "--tenant",
        &tenant,
    ]));
    let area = id(&run(&["area", "add", "Personal", "--company", &company]));
    run(&[
        "activity",
        "add",
        "Lohnabrechnung",
        "--area",
        &area,
        "--status",
        "active",
        "--review",
        &day(5),
    ]);
    let video = id(&run(&[
        "activity",
        "add",
        "Videoüberwachung",
        "--area",
        &area,
    ]));
    run(&["dpia", "start", "--activity", &video, "--review", &day(12)]);
    let toms = run(&["tom", "list", "--tenant", &tenant]);
    let tom = toms[3]["id"].as_i64().unwrap().to_string();
    let tom_title = toms[3]["title"].as_str().unwrap().to_string();
    run(&["tom", "set", &tom, "--next-review", &day(-3)]);
    run(&[
        "request",
        "add",
        "--tenant",
        &tenant,
        "--kind",
        "access",
        "--received",
        &day(-40),
        "Max Muster",
    ]);
    run(&[
        "breach",
        "add",
        "--tenant",
        &tenant,
        "--discovered-at",
        &(t0 - Duration::hours(1)).to_rfc3339(),
        "Fehlversand",
    ]);
    run(&[
        "agreement",
        "add",
        "--tenant",
        &tenant,
        "--processor",
        "Lohnbüro Müller GmbH",
        "--next-review",
        &day(20),
        "Lohnabrechnung",
    ]);

    let app = App::launch_at(data.path(), Keyring::Session, &now).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", "Bäckerei Schmidt")
        .await;

    // Recording a request takes who, what and (today, preset) when.
    app.click("[data-menu=requests]").await;
    app.heading("Data subject requests").await;
    app.wait_text("[data-testid=requests-overdue]", "1 request is overdue")
        .await;
    app.click("[data-testid=new-request]").await;
    app.choose("[data-testid=request-kind]", "Erasure (Art. 17)")
        .await;
    app.type_into("input[name=requester]", "Jonas Klein").await;
    app.click("[data-testid=save-request]").await;
    let due = today.checked_add_months(Months::new(1)).unwrap();
    app.wait_text("[data-testid=request-timing]", &written(due))
        .await;

    // Extended by two months: refused without the day the requester was told, then saved.
    app.choose("[data-testid=request-extension]", "2 months")
        .await;
    app.type_into(
        "textarea[name=extension_reason]",
        "Daten aus drei Filialsystemen zusammenzuführen",
    )
    .await;
    app.click("[data-testid=save-request]").await;
    app.wait_text("[data-testid=request-error]", "told of the extension")
        .await;
    app.type_into("input[name=extension_told_on]", &typed(today))
        .await;
    app.click("[data-testid=save-request]").await;
    let extended = today.checked_add_months(Months::new(3)).unwrap();
    app.wait_text("[data-testid=request-timing]", &written(extended))
        .await;
    app.wait_text(
        "[data-testid=request-timing]",
        &format!("extended from {}", written(due)),
    )
    .await;
    app.screenshot("registers-04-request-extended").await;
    app.click("[data-testid=request-back]").await;
    // Overdue first: Max Muster's request leads the list.
    let first = app
        .find("[data-request]")
        .await
        .attr("data-request")
        .await
        .unwrap();
    assert_eq!(first.as_deref(), Some("Max Muster"));

    // The deadline page: one item of every kind, overdue first.
    app.click("[data-menu=deadlines]").await;
    app.heading("Deadlines").await;
    app.wait_text("[data-testid=deadlines-overdue]", "Max Muster")
        .await;
    app.wait_text("[data-testid=deadlines-overdue]", &tom_title)
        .await;
    for kind in [
        "activity_review",
        "tom_review",
        "dpia_review",
        "request",
        "breach",
        "processor_agreement_review",
        "backup",
    ] {
        assert!(
            app.exists(&format!("[data-deadline={kind}]")).await,
            "a {kind} on the deadline page"
        );
    }
    app.screenshot("registers-05-deadlines").await;
    // A click opens the measure due for review.
    app.click(&format!(
        "[data-testid=deadlines-overdue] [data-deadline-title='{tom_title}'] [data-testid=open-deadline]"
    ))
    .await;
    app.wait_value("input[name=tom_title]", &tom_title).await;

    // The processor agreement: the signed copy is missing until it is attached.
    app.click("[data-menu=processor_agreements]").await;
    app.heading("Processor agreements").await;
    let agreement = "[data-agreement=Lohnabrechnung]";
    app.wait_text(agreement, "signed copy missing").await;
    app.click(&format!("{agreement} .cell-text")).await;
    app.wait_value("input[name=agreement_subject]", "Lohnabrechnung")
        .await;
    let signed = data.path().join("AVV Lohnbüro Müller unterschrieben.pdf");
    std::fs::write(&signed, b"%PDF-1.4\n% signed agreement\n").unwrap();
    app.click("[data-testid=add-record-file]").await;
    dpo_desk_e2e::answer_open_dialog("Attach a file", &signed).await;
    app.wait_text(
        "[data-testid=record-files]",
        "AVV Lohnbüro Müller unterschrieben.pdf",
    )
    .await;
    app.screenshot("registers-09-agreement").await;
    app.click("[data-testid=agreement-back]").await;
    app.wait_text(agreement, "1 file").await;

    // The dashboard's tiles show the overdue counts.
    app.click("[data-menu=dashboard]").await;
    app.wait_text("[data-testid=tile-overdue-request]", "1 overdue")
        .await;
    app.wait_text("[data-testid=tile-overdue-tom]", "1 overdue")
        .await;
    app.screenshot("registers-06-dashboard-tiles").await;
    app.quit().await;
}
