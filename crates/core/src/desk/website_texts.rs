//! Imprint and privacy policy of a company's website (SPEC §12). They are the company's:
//! its view right opens and generates them, its edit right saves them.

use chrono::Local;
use serde::Serialize;
use ts_rs::TS;

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::Desk;
use crate::domain::activities;
use crate::domain::companies::{self, Company};
use crate::domain::website_texts::{self, WebsiteText, WebsiteTextKind};
use crate::kernel::error::CoreResult;
use crate::kernel::text::Language;
use crate::kernel::vocabulary::{ObjectType, Right};
use crate::services::generators::imprint::{self, ImprintForm};
use crate::services::generators::privacy_policy::{self, PolicyQuestion, PrivacyAnswers};
use crate::services::generators::GeneratedText;
use crate::services::reports;

/// The imprint page of a company: its master data, the form as saved (or prefilled) and
/// the saved text.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImprintDraft {
    pub company: Company,
    pub form: ImprintForm,
    pub saved: Option<WebsiteText>,
}

/// An activity the privacy policy can be based on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PolicyActivity {
    pub id: i64,
    pub name: String,
    pub area_name: String,
    pub purposes: String,
}

/// The privacy-policy page of a company: the questionnaire, the company's activities, the
/// answers as saved and the saved text.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PrivacyPolicyDraft {
    pub company: Company,
    pub questions: Vec<PolicyQuestion>,
    pub activities: Vec<PolicyActivity>,
    pub answers: PrivacyAnswers,
    pub saved: Option<WebsiteText>,
}

fn language(code: &str) -> Language {
    Language::of(Some(code))
}

impl Desk {
    /// A company the user may see, by id (the website texts are its).
    fn website_company(
        &self,
        user: &crate::access::accounts::UserRecord,
        id: i64,
    ) -> CoreResult<Company> {
        companies::accessible(self.store.conn(), user, id)
    }

    /// The company's activities a policy may be based on: those the user may see, none
    /// without the view right on activities (their purposes and recipients would show).
    fn policy_activities(
        &self,
        user: &crate::access::accounts::UserRecord,
        company: &Company,
    ) -> CoreResult<Vec<activities::Activity>> {
        if !self.can(user, ObjectType::ProcessingActivity, Right::View)? {
            return Ok(Vec::new());
        }
        Ok(
            activities::full_list(self.store.conn(), user, company.tenant_id, None)?
                .into_iter()
                .filter(|a| a.company_id == company.id)
                .collect(),
        )
    }

    pub fn imprint(&self, session: &mut Session, company_id: i64) -> CoreResult<ImprintDraft> {
        let (user, _) = self.gate(session, Operation::ShowWebsiteTexts)?;
        let company = self.website_company(&user, company_id)?;
        let saved = website_texts::get(self.store.conn(), company.id, WebsiteTextKind::Imprint)?;
        let form = saved
            .as_ref()
            .and_then(|s| serde_json::from_value(s.answers.clone()).ok())
            .unwrap_or_else(|| imprint::defaults(&company));
        Ok(ImprintDraft {
            company,
            form,
            saved,
        })
    }

    /// The imprint as the form makes it, with what it still lacks (nothing is saved).
    pub fn generate_imprint(
        &self,
        session: &mut Session,
        company_id: i64,
        form: &ImprintForm,
        language_code: &str,
    ) -> CoreResult<GeneratedText> {
        let (user, _) = self.gate(session, Operation::GenerateWebsiteText)?;
        let company = self.website_company(&user, company_id)?;
        Ok(imprint::generate(&company, form, language(language_code)))
    }

    pub fn save_imprint(
        &mut self,
        session: &mut Session,
        company_id: i64,
        form: &ImprintForm,
        text: &str,
        language_code: &str,
    ) -> CoreResult<WebsiteText> {
        let answers = serde_json::to_value(form).expect("the form serialises");
        self.save_website_text(
            session,
            company_id,
            WebsiteTextKind::Imprint,
            &answers,
            text,
            language_code,
        )
    }

    pub fn privacy_policy(
        &self,
        session: &mut Session,
        company_id: i64,
        language_code: &str,
    ) -> CoreResult<PrivacyPolicyDraft> {
        let (user, _) = self.gate(session, Operation::ShowWebsiteTexts)?;
        let company = self.website_company(&user, company_id)?;
        let conn = self.store.conn();
        let saved = website_texts::get(conn, company.id, WebsiteTextKind::PrivacyPolicy)?;
        let answers = saved
            .as_ref()
            .and_then(|s| serde_json::from_value(s.answers.clone()).ok())
            .unwrap_or_default();
        let activities = self
            .policy_activities(&user, &company)?
            .into_iter()
            .map(|a| PolicyActivity {
                id: a.id,
                name: a.data.name,
                area_name: a.area_name,
                purposes: a.data.purposes,
            })
            .collect();
        Ok(PrivacyPolicyDraft {
            questions: privacy_policy::questions(language(language_code)),
            company,
            activities,
            answers,
            saved,
        })
    }

    pub fn generate_privacy_policy(
        &self,
        session: &mut Session,
        company_id: i64,
        answers: &PrivacyAnswers,
        language_code: &str,
    ) -> CoreResult<GeneratedText> {
        let (user, now) = self.gate(session, Operation::GenerateWebsiteText)?;
        let company = self.website_company(&user, company_id)?;
        let activities = self.policy_activities(&user, &company)?;
        let l = language(language_code);
        let date = reports::date(l, now.with_timezone(&Local).date_naive());
        Ok(privacy_policy::generate(
            &company,
            &activities,
            answers,
            l,
            &date,
        ))
    }

    pub fn save_privacy_policy(
        &mut self,
        session: &mut Session,
        company_id: i64,
        answers: &PrivacyAnswers,
        text: &str,
        language_code: &str,
    ) -> CoreResult<WebsiteText> {
        let answers = serde_json::to_value(answers).expect("the answers serialise");
        self.save_website_text(
            session,
            company_id,
            WebsiteTextKind::PrivacyPolicy,
            &answers,
            text,
            language_code,
        )
    }

    fn save_website_text(
        &mut self,
        session: &mut Session,
        company_id: i64,
        kind: WebsiteTextKind,
        answers: &serde_json::Value,
        text: &str,
        language_code: &str,
    ) -> CoreResult<WebsiteText> {
        self.write(session, Operation::SaveWebsiteText, |conn, user, now| {
            let company = companies::accessible(conn, user, company_id)?;
            website_texts::put(
                conn,
                now,
                user,
                company.tenant_id,
                company.id,
                kind,
                answers,
                text,
                language_code,
            )
        })
    }

    /// The saved text of a company (the CLI's `imprint` and `privacy-policy`).
    pub fn website_text(
        &self,
        session: &mut Session,
        company_id: i64,
        kind: WebsiteTextKind,
    ) -> CoreResult<Option<WebsiteText>> {
        let (user, _) = self.gate(session, Operation::ShowWebsiteTexts)?;
        let company = self.website_company(&user, company_id)?;
        website_texts::get(self.store.conn(), company.id, kind)
    }
}
