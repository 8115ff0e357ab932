//! Nothing typed is lost when the window is closed: with unsaved changes the close is held
//! back and the person asked; they can keep editing or discard and close.

use std::time::Duration;

use dpo_desk_e2e::{request_window_close, App, Keyring};

#[tokio::test(flavor = "multi_thread")]
async fn closing_the_window_with_unsaved_changes_asks_first() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    app.set_up_and_enter("Kanzlei Schließen").await;
    app.click("[data-menu=administration]").await;
    app.click("[data-tab=tenants]").await;
    app.type_into("input[name=tenant_name]", "Bäckerei Schmidt GmbH")
        .await;
    app.click("[data-testid=add-tenant]").await;
    app.wait_text("tr[data-tenant='Bäckerei Schmidt GmbH']", "client")
        .await;
    app.click("[data-menu=companies]").await;
    app.click("[data-testid=new-company]").await;
    app.type_into("input[name=name]", "Bäckerei Schmidt GmbH")
        .await;
    app.wait_text("[data-testid=company-form]", "").await;

    // Unsaved: the close is held back and the person asked.
    request_window_close();
    app.wait_text("[data-testid=unsaved-dialog]", "Discard your changes?")
        .await;
    app.screenshot("35-close-with-unsaved-changes").await;
    app.click("[data-testid=stay]").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        app.find("input[name=name]")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Bäckerei Schmidt GmbH"),
        "still there"
    );

    // Leaving the form in the window asks the same; by keyboard, Tab cycles inside the
    // dialog (stay → discard → stay) and Escape stays on the form.
    app.click("[data-menu=dashboard]").await;
    app.wait_text("[data-testid=unsaved-dialog]", "Discard your changes?")
        .await;
    let focused = || async {
        app.client
            .active_element()
            .await
            .expect("a focused element")
    };
    let testid = |e: fantoccini::elements::Element| async move {
        e.attr("data-testid")
            .await
            .expect("an attribute")
            .unwrap_or_default()
    };
    assert_eq!(testid(focused().await).await, "stay");
    focused().await.send_keys("\u{E004}").await.expect("Tab");
    assert_eq!(testid(focused().await).await, "discard");
    focused().await.send_keys("\u{E004}").await.expect("Tab");
    assert_eq!(
        testid(focused().await).await,
        "stay",
        "Tab does not leave the dialog"
    );
    focused().await.send_keys("\u{E00C}").await.expect("Escape");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !app.exists("[data-testid=unsaved-dialog]").await,
        "Escape closes it"
    );
    assert!(app.exists("input[name=name]").await, "and the form stays");

    // Discarding closes the window for real.
    request_window_close();
    // The window goes away during the click, so the click itself may report an error.
    let _ = app.find("[data-testid=discard]").await.click().await;
    let started = std::time::Instant::now();
    while app.client.title().await.is_ok() {
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the window did not close"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.quit().await;
}
