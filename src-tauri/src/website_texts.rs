//! Imprint and privacy policy of a company's website: the form or questionnaire, the
//! generated draft, the edited text saved, and the text as plain text and HTML to copy.

use dpo_desk_core::desk::{ImprintDraft, PrivacyPolicyDraft};
use dpo_desk_core::domain::website_texts::WebsiteText;
use dpo_desk_core::services::generators::imprint::ImprintForm;
use dpo_desk_core::services::generators::privacy_policy::PrivacyAnswers;
use dpo_desk_core::services::generators::{self, GeneratedText, RenderedText};
use tauri::State;

use crate::error::ShellResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn imprint(state: State<'_, AppState>, company_id: i64) -> ShellResult<ImprintDraft> {
    state.with_session(|desk, session| desk.imprint(session, company_id))
}

#[tauri::command(async)]
pub fn generate_imprint(
    state: State<'_, AppState>,
    company_id: i64,
    form: ImprintForm,
    language: String,
) -> ShellResult<GeneratedText> {
    state.with_session(|desk, session| desk.generate_imprint(session, company_id, &form, &language))
}

#[tauri::command(async)]
pub fn save_imprint(
    state: State<'_, AppState>,
    company_id: i64,
    form: ImprintForm,
    text: String,
    language: String,
) -> ShellResult<WebsiteText> {
    state.with_session(|desk, session| {
        desk.save_imprint(session, company_id, &form, &text, &language)
    })
}

#[tauri::command(async)]
pub fn privacy_policy(
    state: State<'_, AppState>,
    company_id: i64,
    language: String,
) -> ShellResult<PrivacyPolicyDraft> {
    state.with_session(|desk, session| desk.privacy_policy(session, company_id, &language))
}

#[tauri::command(async)]
pub fn generate_privacy_policy(
    state: State<'_, AppState>,
    company_id: i64,
    answers: PrivacyAnswers,
    language: String,
) -> ShellResult<GeneratedText> {
    state.with_session(|desk, session| {
        desk.generate_privacy_policy(session, company_id, &answers, &language)
    })
}

#[tauri::command(async)]
pub fn save_privacy_policy(
    state: State<'_, AppState>,
    company_id: i64,
    answers: PrivacyAnswers,
    text: String,
    language: String,
) -> ShellResult<WebsiteText> {
    state.with_session(|desk, session| {
        desk.save_privacy_policy(session, company_id, &answers, &text, &language)
    })
}

/// The text as plain text and as HTML, to copy into a website.
#[tauri::command(async)]
pub fn render_website_text(text: String) -> RenderedText {
    generators::rendered(&text)
}
