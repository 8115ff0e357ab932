//! Copies between tenants in the real window (issue 14): a template "Bäckerei" with two
//! companies, 20 activities and TOMs becomes a new client whose RoPA list equals the
//! template's; three activities go into two tenants at once from the list's multi-select,
//! then into one tenant into a chosen area; the summary is looked at.

use dpo_desk_e2e::{cli, id, App, Keyring, OWNER, PASSWORD};

fn activity_names(data: &std::path::Path, key: &str, tenant: &str) -> Vec<String> {
    let mut names: Vec<String> = cli(data, key, &["activity", "list", "--tenant", tenant])
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            format!(
                "{} / {}",
                a["area_name"].as_str().unwrap(),
                a["name"].as_str().unwrap()
            )
        })
        .collect();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread")]
async fn a_template_becomes_a_client_and_activities_are_copied_into_other_tenants() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Kopie").await;
    app.quit().await;

    let run = |args: &[&str]| cli(data.path(), &key, args);
    let template = id(&run(&["tenant", "add", "Muster Bäckerei", "--template"]));
    for (company, areas) in [
        ("Backstube GmbH", ["Produktion", "Personal"]),
        ("Filialen KG", ["Verkauf", "Personal"]),
    ] {
        let c = id(&run(&["company", "add", company, "--tenant", &template]));
        for area in areas {
            let a = id(&run(&["area", "add", area, "--company", &c]));
            for n in 1..=5 {
                run(&[
                    "activity",
                    "add",
                    &format!("{area} {company} {n}"),
                    "--editor",
                    OWNER,
                    "--area",
                    &a,
                    "--purposes",
                    "Muster",
                ]);
            }
        }
    }
    let toms = run(&["tom", "list", "--tenant", &template]);
    let tom = toms[0]["id"].as_i64().unwrap().to_string();
    run(&["tom", "set", &tom, "--status", "active"]);
    let cafe = id(&run(&["tenant", "add", "Café Mond"]));
    let cafe_company = id(&run(&[
        "company",
        "add",
        "Café Mond GmbH",
        "--tenant",
        &cafe,
    ]));
    run(&["area", "add", "Service", "--company", &cafe_company]);
    run(&["tenant", "add", "Eisdiele Sonne"]);

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.click("[data-menu=administration]").await;
    app.click("[data-tab=tenants]").await;
    app.choose("[data-testid=template-choice]", "Muster Bäckerei")
        .await;
    app.type_into("input[name=client_name]", "Bäckerei Schmidt")
        .await;
    app.click("[data-testid=create-from-template]").await;
    app.wait_text(
        "[data-testid=tenant-notice]",
        "\"Bäckerei Schmidt\" created from the template.",
    )
    .await;
    app.wait_text(
        "tr[data-tenant='Bäckerei Schmidt'] [data-testid=tenant-kind]",
        "client",
    )
    .await;
    let tenants = cli(data.path(), &key, &["tenant", "list"]);
    let client = tenants
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Bäckerei Schmidt")
        .unwrap()["id"]
        .as_i64()
        .unwrap()
        .to_string();
    assert_eq!(
        activity_names(data.path(), &key, &client),
        activity_names(data.path(), &key, &template)
    );
    assert_eq!(activity_names(data.path(), &key, &client).len(), 20);
    let client_toms = cli(
        data.path(),
        &key,
        &["tom", "list", "--tenant", &client, "--status", "active"],
    );
    assert_eq!(
        client_toms.as_array().unwrap().len(),
        1,
        "the TOMs came with their state"
    );

    // Three activities into two tenants at once, from the list's multi-select.
    app.choose("[data-testid=tenant-switch]", "Muster Bäckerei (template)")
        .await;
    app.click("[data-menu=processing_activities]").await;
    app.wait_text("[data-testid=activity-count]", "20").await;
    let picked = [
        "Personal Backstube GmbH 1",
        "Personal Backstube GmbH 2",
        "Produktion Backstube GmbH 3",
    ];
    for name in picked {
        app.click(&format!("input[data-select][aria-label='Select {name}']"))
            .await;
    }
    app.click("[data-testid=copy-to-tenants]").await;
    app.click("input[data-copy-target='Café Mond']").await;
    app.click("input[data-copy-target='Eisdiele Sonne']").await;
    assert!(
        !app.exists("[data-testid=copy-parent]").await,
        "no place is asked for with two targets"
    );
    app.click("[data-testid=copy-run]").await;
    app.wait_text("[data-summary-tenant='Café Mond']", "Created:")
        .await;
    app.wait_text(
        "[data-summary-tenant='Eisdiele Sonne']",
        "Processing activities: 3",
    )
    .await;
    app.wait_text("[data-testid=copy-summary]", "the editor")
        .await;
    app.scroll_to("[data-testid=copy-summary]").await;
    app.screenshot("80-copy-summary").await;
    app.click("[data-testid=copy-summary-close]").await;

    // The same three into the café alone, into its area "Service".
    for name in picked {
        app.click(&format!("input[data-select][aria-label='Select {name}']"))
            .await;
    }
    app.click("[data-testid=copy-to-tenants]").await;
    app.click("input[data-copy-target='Café Mond']").await;
    app.choose("[data-testid=copy-parent]", "Café Mond GmbH · Service")
        .await;
    app.click("[data-testid=copy-run]").await;
    app.wait_text("[data-summary-tenant='Café Mond']", "Reused:")
        .await;
    app.click("[data-testid=copy-summary-close]").await;
    app.quit().await;

    let cafe_acts = activity_names(data.path(), &key, &cafe);
    assert_eq!(cafe_acts.len(), 6);
    assert_eq!(
        cafe_acts
            .iter()
            .filter(|a| a.starts_with("Service / "))
            .count(),
        3
    );
    assert_eq!(
        cafe_acts
            .iter()
            .filter(|a| a.starts_with("Personal / "))
            .count(),
        2,
        "{cafe_acts:?}"
    );
}
