//! Documents and the history of records in the real window (issue 19): a DPO finds the
//! contract prepared through the command line in its folder, creates a folder, adds a file
//! through the real GTK open dialog, uploads a second version of the contract, makes the
//! first current again, sees the PDF in the preview and links the contract to an
//! activity; then brings a measure's first version back from its History.

use std::path::Path;

use dpo_desk_e2e::{answer_open_dialog, cli, id, App, Keyring, OWNER, PASSWORD};

/// A one-page PDF showing `text`, with a correct cross-reference table.
fn tiny_pdf(text: &str) -> Vec<u8> {
    let stream = format!("BT /F1 24 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_string(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dpo_files_versions_restores_previews_and_links_documents() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Akten").await;
    app.quit().await;
    let run = |args: &[&str]| cli(data.path(), &key, args);
    let tenant = id(&run(&["tenant", "add", "Bäckerei Schmidt GmbH"]));
    let company = id(&run(&[
        "company",
        "add",
        "Bäckerei Schmidt GmbH",
        "--tenant",
        &tenant,
    ]));
    let area = id(&run(&["area", "add", "Personal", "--company", &company]));
    run(&["activity", "add", "Lohnabrechnung", "--area", &area]);
    let contract = write(
        files.path(),
        "AVV Lohnbüro.pdf",
        &tiny_pdf("AVV erste Fassung"),
    );
    run(&[
        "document",
        "add",
        "--tenant",
        &tenant,
        "--folder",
        "/Verträge",
        contract.to_str().unwrap(),
    ]);

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", "Bäckerei Schmidt GmbH")
        .await;
    app.click("[data-menu=documents]").await;
    app.heading("Documents").await;
    app.wait_text("[data-testid=document-storage]", "no limit")
        .await;

    // A folder of its own, and a file added into it through the open dialog.
    app.click("[data-testid=new-folder]").await;
    app.type_into("[data-testid=folder-name]", "Nachweise")
        .await;
    app.click("[data-testid=save-folder]").await;
    app.wait_text("[data-testid=folder-heading]", "/Nachweise")
        .await;
    let policy = write(
        files.path(),
        "Datenschutzrichtlinie.txt",
        "Richtlinie 2026: Zugriffe nur nach Bedarf.".as_bytes(),
    );
    app.click("[data-testid=add-documents]").await;
    answer_open_dialog("Add documents", &policy).await;
    app.wait_text("[data-testid=document-notice]", "One file added.")
        .await;
    app.wait_text(
        "[data-document='Datenschutzrichtlinie.txt']",
        "Datenschutzrichtlinie.txt",
    )
    .await;

    // The contract prepared through the command line, in its folder.
    app.click("[data-folder='/Verträge']").await;
    app.wait_text("[data-testid=folder-heading]", "/Verträge")
        .await;
    app.click("[data-document='AVV Lohnbüro.pdf'] button").await;
    app.wait_text("[data-testid=document-title]", "AVV Lohnbüro.pdf")
        .await;
    app.wait_text("[data-testid=document-versions]", "Anna Meier")
        .await;
    // A second, signed version, through the dialog.
    let signed = write(
        files.path(),
        "AVV unterschrieben.pdf",
        &tiny_pdf("AVV unterschrieben"),
    );
    app.click("[data-testid=new-version]").await;
    answer_open_dialog("Choose the file of the new version", &signed).await;
    app.wait_text("[data-testid=document-notice]", "Version 2 added.")
        .await;
    app.wait_text("[data-version='2']", "AVV unterschrieben.pdf")
        .await;
    // The first made current again: a third version.
    app.click("[data-version='1'] [data-testid=restore-document-version]")
        .await;
    app.click("[data-testid=confirm-restore-document-version]")
        .await;
    app.wait_text(
        "[data-testid=document-notice]",
        "Version 1 is current again, as version 3.",
    )
    .await;
    app.wait_text("[data-version='3']", "restored from version 1")
        .await;
    // The preview shows the PDF inside the window.
    app.wait_text("[data-testid=preview-card]", "Preview of version 3")
        .await;
    let frame = app
        .evaluate(
            "return document.querySelector('[data-testid=document-preview] iframe')?.src ?? ''",
        )
        .await;
    assert!(frame.as_str().unwrap().starts_with("blob:"), "{frame}");
    app.scroll_to("[data-testid=preview-card]").await;
    app.screenshot("19-document-preview").await;

    // Linked to the activity it proves, described and tagged.
    app.choose("[data-testid=link-kind]", "Processing activity")
        .await;
    app.choose(
        "[data-testid=link-record]",
        "Lohnabrechnung (Bäckerei Schmidt GmbH)",
    )
    .await;
    app.type_into(
        "textarea[name=description]",
        "Auftragsverarbeitung Lohnbüro, unterschrieben",
    )
    .await;
    app.type_into("input[name=tags]", "AVV, Lohn").await;
    app.click("[data-testid=save-document]").await;
    app.wait_text("[data-testid=document-notice]", "Document saved.")
        .await;
    app.wait_text("[data-testid=document-links]", "Lohnabrechnung")
        .await;
    app.screenshot("19-document-versions").await;

    // Searched from the folder list by its tags.
    app.click("[data-testid=close-document]").await;
    app.type_into("[data-testid=document-search]", "lohn\u{E007}")
        .await;
    app.wait_text("[data-testid=folder-heading]", "Found for")
        .await;
    app.wait_text("[data-document='AVV Lohnbüro.pdf']", "/Verträge")
        .await;
    app.screenshot("19-documents").await;
    app.quit().await;

    let versions = run(&[
        "document",
        "versions",
        &id(&run(&[
            "document",
            "list",
            "--tenant",
            &tenant,
            "--folder",
            "/Verträge",
        ])[0]),
    ]);
    assert_eq!(versions.as_array().unwrap().len(), 3);
    assert_eq!(versions[0]["restored_from"], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_measures_first_version_comes_back_from_its_history() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Verlauf").await;
    app.quit().await;
    let run = |args: &[&str]| cli(data.path(), &key, args);
    let tenant = id(&run(&["tenant", "add", "Bäckerei Schmidt GmbH"]));
    let tom = id(&run(&[
        "tom",
        "add",
        "--tenant",
        &tenant,
        "--type",
        "separation",
        "Kassennetz getrennt",
    ]));
    run(&["tom", "set", &tom, "--status", "active"]);

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", "Bäckerei Schmidt GmbH")
        .await;
    app.click("[data-menu=toms]").await;
    app.heading("TOMs").await;
    // The tenant holds the whole catalogue too: the own measure is found by its name.
    app.type_into("[data-testid=tom-filter]", "Kassennetz")
        .await;
    app.click("[data-tom=\"Kassennetz getrennt\"]").await;
    app.wait_value("[data-testid=tom-status]", "active").await;
    app.click("[data-testid=toggle-history]").await;
    app.wait_text("[data-version='2']", "Status: In review → Active")
        .await;
    app.click("[data-version='1'] [data-testid=show-version]")
        .await;
    app.wait_text(
        "[data-version='1'] [data-field=status][data-differs=true]",
        "In review",
    )
    .await;
    app.screenshot("19-record-history").await;
    app.click("[data-version='1'] [data-testid=restore-version]")
        .await;
    app.click("[data-testid=confirm-restore-version]").await;
    app.wait_text("[data-testid=history-notice]", "Version 1 was restored")
        .await;
    app.wait_value("[data-testid=tom-status]", "in_review")
        .await;
    app.wait_text("[data-version='3']", "restored an earlier version")
        .await;
    app.quit().await;

    let history = run(&["history", "--type", "tom", "--id", &tom]);
    let versions = history["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 3);
    assert_eq!(versions[2]["action"], "restore_version");
    assert_eq!(versions[2]["by"], OWNER);
}
