//! E-learning as a DPO and a learner do it: the DPO adds the ready-made course, gives it a
//! logo, invites a learner with a due date; the learner signs in with the one-time code,
//! sees only their courses, reads the pages, fails the questions once, starts again,
//! passes and saves the certificate through the real save dialog; the certificate's code
//! verifies on the command line; the DPO sees the statistics. The tenant is prepared
//! through the command line.

use std::collections::HashMap;

use chrono::{Datelike, Duration, Utc};
use dpo_desk_e2e::{
    answer_file_dialog, answer_open_dialog, cli, id, repo_root, App, Keyring, OWNER, PASSWORD,
};
use fantoccini::Locator;

const COURSE: &str = "Datenschutz-Grundlagen für Beschäftigte";
const LEARNER: &str = "Lea Lernt";
const LEARNER_PW: &str = "Lernen-macht-Spass-2026";

/// The answer key a person who read the course knows: per question text, the correct
/// and the wrong answers (from the shipped course's data file).
fn answer_key() -> HashMap<String, (Vec<String>, Vec<String>)> {
    let path = repo_root().join("crates/core/catalogue/courses/de.json");
    let course: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    course["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let (mut right, mut wrong) = (Vec::new(), Vec::new());
            for a in q["answers"].as_array().unwrap() {
                let text = a["text"].as_str().unwrap().to_string();
                if a["correct"].as_bool().unwrap() {
                    right.push(text);
                } else {
                    wrong.push(text);
                }
            }
            (q["text"].as_str().unwrap().to_string(), (right, wrong))
        })
        .collect()
}

/// Reads the pages with "Next", then answers every question — all right, or each with a
/// wrong answer — and opens the result. Returns how many questions there were.
async fn take_course(
    app: &App,
    key: &HashMap<String, (Vec<String>, Vec<String>)>,
    right: bool,
    shots: bool,
) -> usize {
    app.click("[data-testid=start-course]").await;
    app.find("[data-testid=course-page]").await;
    let mut pages = 0;
    while app.exists("[data-testid=course-page]").await {
        pages += 1;
        if shots && pages == 1 {
            app.screenshot("courses-03-learner-page").await;
        }
        let position = app
            .find("[data-testid=player-position]")
            .await
            .text()
            .await
            .unwrap();
        app.click("[data-testid=player-next]").await;
        // The next page (or the first question) replaces this one.
        for _ in 0..50 {
            let now = app
                .find("[data-testid=player-position]")
                .await
                .text()
                .await
                .unwrap();
            if now != position {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
    assert_eq!(pages, 6, "the six pages come before the questions");
    let mut questions = 0;
    while app.exists("[data-testid=course-question]").await {
        questions += 1;
        let text = app
            .find("[data-testid=course-question] h2")
            .await
            .text()
            .await
            .unwrap();
        let (correct, wrong) = key
            .get(text.trim())
            .unwrap_or_else(|| panic!("question not in the key: {text}"));
        let choose: Vec<&String> = if right {
            correct.iter().collect()
        } else {
            vec![&wrong[0]]
        };
        let labels = app
            .client
            .find_all(Locator::Css("[data-testid=course-question] [data-answer]"))
            .await
            .unwrap();
        for label in labels {
            let answer = label.attr("data-answer").await.unwrap().unwrap_or_default();
            if choose.iter().any(|c| **c == answer) {
                label.click().await.unwrap();
            }
        }
        app.click("[data-testid=answer-question]").await;
        let feedback = app.wait_text("[data-testid=answer-feedback]", ".").await;
        assert_eq!(feedback.starts_with("Right."), right, "{feedback}");
        if shots && questions == 1 {
            app.screenshot("courses-04-learner-question").await;
        }
        app.click("[data-testid=next-question]").await;
        // The next question, or the button to the result.
        for _ in 0..50 {
            if app.exists("[data-testid=finish-attempt]").await {
                break;
            }
            if let Ok(h) = app
                .client
                .find(Locator::Css("[data-testid=course-question] h2"))
                .await
            {
                if h.text().await.unwrap_or_default() != text {
                    break;
                }
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
    app.click("[data-testid=finish-attempt]").await;
    app.find("[data-testid=attempt-result]").await;
    questions
}

#[tokio::test(flavor = "multi_thread")]
async fn a_learner_invited_to_the_shipped_course_fails_once_passes_and_saves_a_verifiable_certificate(
) {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let recovery = app.set_up_and_enter("Kanzlei Lernen").await;
    app.quit().await;
    let tenant = id(&cli(
        data.path(),
        &recovery,
        &["tenant", "add", "Bäckerei Schmidt"],
    ));

    // The DPO adds the ready-made German course and gives it a logo.
    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.click("[data-menu=courses]").await;
    app.heading("E-learning").await;
    app.wait_text("[data-testid=course-count]", "0 courses")
        .await;
    app.choose("[data-testid=shipped-course-language]", "German")
        .await;
    app.click("[data-testid=add-shipped-course]").await;
    app.wait_text("[data-testid=course-notice]", COURSE).await;
    let row = format!("[data-course='{COURSE}']");
    app.wait_text(&row, "12").await;
    app.click(&format!("{row} .cell-text")).await;
    app.wait_value("[data-testid=course-name]", COURSE).await;
    app.click("[data-testid=course-logo] button").await;
    let logo = repo_root().join("tests/e2e/fixtures/course-logo.png");
    answer_open_dialog("Choose a picture for the course", &logo).await;
    app.find("[data-testid=course-logo] img").await;
    app.click("[data-testid=save-course]").await;
    app.wait_text("[data-testid=course-saved]", "Saved").await;
    app.click("[data-course-page='1'] button").await;
    app.wait_text("[data-testid=page-preview-1]", "Grundsätze")
        .await;
    app.screenshot("courses-01-editor").await;

    // Learners: a new learner for the tenant, due in two weeks.
    app.click("[data-tab=course-learners]").await;
    app.wait_text("[data-testid=no-learners]", "Nobody").await;
    let due = (Utc::now() + Duration::days(14)).date_naive();
    app.type_into(
        "input[name=course_due]",
        &format!("{:02}/{:02}/{}", due.day(), due.month(), due.year()),
    )
    .await;
    app.type_into("[data-testid=invite-learner-name]", LEARNER)
        .await;
    app.click("[data-testid=invite-learner]").await;
    let notice = app
        .wait_text("[data-testid=learners-notice]", "One-time code")
        .await;
    let code = notice
        .split("One-time code: ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_string();
    app.wait_text(&format!("[data-learner='{LEARNER}']"), "not started")
        .await;
    app.screenshot("courses-02-learners").await;
    app.click("[data-testid=sign-out]").await;

    // The learner accepts the invitation and sees only their courses.
    app.heading("Sign in").await;
    app.click_button("I have an invitation code").await;
    app.type_into("input[name=user_name]", LEARNER).await;
    app.type_into("input[name=invitation_code]", &code).await;
    app.type_into("input[name=new_password]", LEARNER_PW).await;
    app.type_into("input[name=new_password_repeat]", LEARNER_PW)
        .await;
    app.click_button("Set password and sign in").await;
    app.heading("My courses").await;
    let menu = app.find("nav").await.text().await.unwrap();
    assert!(
        menu.contains("My courses") && menu.contains("My account"),
        "{menu}"
    );
    for hidden in ["Dashboard", "E-learning", "Processing activities", "Trash"] {
        assert!(
            !menu.contains(hidden),
            "{hidden} shown to a learner: {menu}"
        );
    }
    assert_eq!(
        app.forced_invoke(
            "courses",
            serde_json::json!({ "tenantId": tenant.parse::<i64>().unwrap() })
        )
        .await,
        "permission_denied:course:view",
        "the course list stays the DPO's"
    );
    let card = format!("[data-my-course='{COURSE}']");
    app.wait_text(&card, "not started").await;
    app.click(&format!("{card} button")).await;
    app.find("[data-testid=course-intro]").await;

    // First attempt: every question answered wrong.
    let key = answer_key();
    let questions = take_course(&app, &key, false, true).await;
    assert_eq!(questions, 12);
    app.wait_text("[data-testid=attempt-result]", "Not passed: 0 % correct")
        .await;
    app.wait_text("[data-testid=restarts-left]", "try again")
        .await;

    // Second attempt: all right; the certificate is saved through the save dialog.
    take_course(&app, &key, true, false).await;
    app.wait_text("[data-testid=attempt-result]", "Passed: 100 % correct")
        .await;
    let shown = app
        .wait_text("[data-testid=certificate-code-shown]", "-")
        .await;
    let certificate_code = shown.rsplit(' ').next().unwrap().to_string();
    assert!(
        !app.exists("[data-testid=start-course]").await,
        "a pass is final"
    );
    app.screenshot("courses-05-learner-passed").await;
    let pdf = data.path().join("Zertifikat Lea.pdf");
    app.click("[data-testid=save-certificate]").await;
    answer_file_dialog("Save your certificate", &pdf).await;
    app.wait_text(
        "[data-testid=certificate-report-saved]",
        "Zertifikat Lea.pdf",
    )
    .await;
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for needle in [
        LEARNER,
        COURSE,
        "Zertifikat",
        "Kanzlei Lernen",
        "Bäckerei Schmidt",
        &certificate_code,
    ] {
        assert!(
            text.contains(needle),
            "{needle} missing from the certificate: {text}"
        );
    }
    let _ = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-singlefile"])
        .arg(&pdf)
        .arg(dpo_desk_e2e::artifacts_dir().join("courses-certificate"))
        .status();
    app.click("[data-testid=sign-out]").await;

    // The DPO sees how it went.
    app.sign_in(OWNER, PASSWORD).await;
    app.click("[data-menu=courses]").await;
    app.wait_text(&row, "12").await;
    app.click(&format!("{row} .cell-text")).await;
    app.click("[data-tab=course-statistics]").await;
    app.wait_text("[data-figure=passed] .figure-value", "1")
        .await;
    app.wait_text("[data-figure=started] .figure-value", "1")
        .await;
    app.wait_text("[data-figure=average] .figure-value", "50")
        .await;
    app.wait_text("[data-testid=hardest-questions]", "1 of 2 wrong")
        .await;
    app.screenshot("courses-06-statistics").await;
    app.click("[data-tab=course-learners]").await;
    app.wait_text(&format!("[data-learner='{LEARNER}']"), &certificate_code)
        .await;
    // Per learner across the tenant's courses, below the list.
    app.click("[data-testid=course-back]").await;
    app.wait_text("[data-testid=results-by-learner]", LEARNER)
        .await;
    app.wait_text("[data-testid=results-by-learner]", "passed")
        .await;
    let results = app
        .find("[data-testid=results-by-learner]")
        .await
        .text()
        .await
        .unwrap();
    assert!(!results.contains("Invalid"), "{results}");
    // Passed today, written as a day ("1 Dec 2026"), not as an instant.
    let today = Utc::now().date_naive();
    assert!(
        results.contains(&format!("{} ", today.day()))
            && results.contains(&today.year().to_string()),
        "{results}"
    );
    app.scroll_to("[data-testid=course-certificates]").await;
    app.screenshot("courses-07-results-by-learner").await;
    app.quit().await;

    // Nothing the app wrote beside its encrypted database names the office, the people or
    // the tenant: the support log (every file of the logs folder), the backups, the
    // webview's own storage. The certificate
    // saved here is the user's export, the database is encrypted.
    let mut todo = vec![data.path().to_path_buf()];
    let (mut checked, mut logs) = (0, 0);
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".pdf") || name.starts_with("dpo-desk.db") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap_or_default();
            // …nor holds a secret: the passwords, the one-time code, the recovery key (as
            // shown and as typed without dashes) or the database key derived from it.
            let compact_key = recovery.replace('-', "");
            let database_key = dpo_desk_core::store::keys::RecoveryKey::parse(&recovery)
                .unwrap()
                .database_key()
                .to_hex();
            for secret in [
                "Kanzlei Lernen",
                OWNER,
                LEARNER,
                "Bäckerei Schmidt",
                PASSWORD,
                LEARNER_PW,
                code.as_str(),
                recovery.as_str(),
                compact_key.as_str(),
                database_key.as_str(),
            ] {
                assert!(
                    !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                    "{secret} readable in {path:?}"
                );
            }
            checked += 1;
            logs += usize::from(dir.ends_with("logs"));
        }
    }
    assert!(
        checked > 0 && logs > 0,
        "{checked} files, {logs} log files read"
    );

    // The code on the certificate verifies on the command line.
    let verified = cli(
        data.path(),
        &recovery,
        &["course", "verify", &certificate_code.to_lowercase()],
    );
    assert_eq!(verified["valid"], true);
    assert_eq!(verified["learner"], LEARNER);
    assert_eq!(verified["score_percent"], 100);
}
