//! Imprint and privacy policy in the real window (issue 13): a DPO generates a demo
//! company's imprint, sees it previewed, adds a line and saves it; answers the privacy
//! policy's questionnaire in steps (the hoster, one processing activity), generates and
//! saves it; the command line then prints both texts as saved.

use dpo_desk_e2e::{cli, demo_tenant, App, Keyring, OWNER, PASSWORD};

#[tokio::test(flavor = "multi_thread")]
async fn a_dpo_generates_edits_and_saves_the_imprint_and_the_privacy_policy() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Web").await;
    app.quit().await;
    let (tenant, tenant_name) = demo_tenant(data.path(), &key, "1", "6");
    let run = |args: &[&str]| cli(data.path(), &key, args);
    let company = run(&["company", "list", "--tenant", &tenant.to_string()])[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", &tenant_name)
        .await;
    app.click("[data-menu=website_texts]").await;
    app.heading("Imprint & privacy policy").await;
    app.wait_text("[data-testid=imprint-company-data]", "Hauptstraße")
        .await;

    // The imprint: a statement on dispute resolution, generated, a line added, saved.
    app.choose(
        "select[name=dispute_resolution]",
        "not willing to take part",
    )
    .await;
    app.click("[data-testid=imprint-generate]").await;
    app.wait_text("[data-testid=imprint-preview]", "Legal notice")
        .await;
    app.wait_text(
        "[data-testid=imprint-preview]",
        "consumer arbitration board",
    )
    .await;
    // WebDriver types into a field it focuses after what is there: a line appended.
    app.find("textarea[name=imprint_text]")
        .await
        .send_keys("\u{E007}\u{E007}Photos: our own.")
        .await
        .expect("typed");
    app.wait_text("[data-testid=imprint-preview]", "Photos: our own.")
        .await;
    app.screenshot("94-imprint").await;
    app.click("[data-testid=imprint-save]").await;
    app.wait_text("[data-testid=imprint-saved]", "Last saved")
        .await;
    let imprint = run(&["imprint", "--company", &company]);
    let text = imprint["text"].as_str().unwrap();
    assert!(text.starts_with("Legal notice"), "{text}");
    assert!(text.contains("Register court: Amtsgericht"), "{text}");
    assert!(text.ends_with(".\n\nPhotos: our own."), "{text}");
    assert!(
        imprint["html"]
            .as_str()
            .unwrap()
            .contains("<h2>Legal notice</h2>"),
        "{imprint}"
    );

    // The privacy policy in steps: the hoster, one activity, then the text.
    app.click("[data-tab=privacy_policy]").await;
    app.click("[data-question=hosting] input[type=checkbox]")
        .await;
    app.type_into("input[name=hosting_provider]", "Hetzner Online GmbH")
        .await;
    app.screenshot("95-privacy-questions").await;
    app.click_button("Next").await;
    app.click("[data-policy-activity] input[type=checkbox]")
        .await;
    app.click_button("Next").await;
    app.type_into(
        "input[name=policy_authority]",
        "Landesbeauftragte für Datenschutz NRW",
    )
    .await;
    app.click("[data-testid=policy-generate]").await;
    app.wait_text("[data-testid=policy-preview]", "Hetzner Online GmbH")
        .await;
    app.screenshot("96-privacy-text").await;
    app.click("[data-testid=policy-save]").await;
    app.wait_text("[data-testid=policy-saved]", "Last saved")
        .await;
    let policy = run(&["privacy-policy", "--company", &company]);
    let text = policy["text"].as_str().unwrap();
    for needle in [
        "Privacy policy",
        "Hosting",
        "Hetzner Online GmbH",
        "Landesbeauftragte für Datenschutz NRW",
    ] {
        assert!(text.contains(needle), "{needle:?} missing: {text}");
    }
    app.quit().await;
}
