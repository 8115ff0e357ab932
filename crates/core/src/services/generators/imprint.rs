//! The imprint (Impressum, § 5 DDG — DOMAIN-FACTS §E) of a company's website: the company's
//! master data (name, legal form, address, contacts, register, VAT ID, managing directors)
//! and a form for the rest (authority, chamber, professional rules, capital, editorial
//! responsibility, consumer dispute resolution). Which legal forms are registered or
//! represented is a hint for naming gaps, not a legal rule the app enforces.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{has_form, name_with_form, Draft, GeneratedText};
use crate::domain::companies::Company;
use crate::kernel::text::{text, with, Language};

/// What the imprint needs beyond the company's master data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ImprintForm {
    /// Who represents the company, one per line; the managing directors when empty.
    pub represented_by: String,
    /// "commercial", "association", "partnership", "cooperative" or "" (none).
    pub register: String,
    pub share_capital: String,
    pub economic_id: String,
    /// For activities that need an official permit.
    pub supervisory_authority: String,
    /// Regulated professions: the chamber, the statutory title and the state that
    /// conferred it, the professional rules and where they can be read.
    pub chamber: String,
    pub professional_title: String,
    pub title_state: String,
    pub professional_rules: String,
    pub in_liquidation: bool,
    /// Name and address of whoever is responsible for journalistic content.
    pub editorial: String,
    /// "", "not_willing" or "willing".
    pub dispute_resolution: String,
    /// Further text at the end, as the person writes it.
    pub extra: String,
}

/// Legal forms entered in a register, with the register it is; a form's abbreviation as
/// commonly written in the company's legal form field.
const REGISTERED: &[(&str, &str)] = &[
    ("GmbH & Co. KG", "commercial"),
    ("GmbH", "commercial"),
    ("UG", "commercial"),
    ("AG", "commercial"),
    ("KGaA", "commercial"),
    ("SE", "commercial"),
    ("KG", "commercial"),
    ("OHG", "commercial"),
    ("e.K.", "commercial"),
    ("eG", "cooperative"),
    ("e.V.", "association"),
    ("PartG", "partnership"),
    ("PartGmbB", "partnership"),
];

/// Forms that act through representatives (legal persons and partnerships).
const REPRESENTED: &[&str] = &[
    "GmbH", "UG", "AG", "KGaA", "SE", "KG", "OHG", "eG", "e.V.", "PartG", "PartGmbB",
];

/// The register a legal form is entered in, when it is one of the known registered forms.
pub fn register_of(legal_form: &str) -> Option<&'static str> {
    REGISTERED
        .iter()
        .find(|(form, _)| has_form(legal_form, form))
        .map(|(_, register)| *register)
}

fn represented(legal_form: &str) -> bool {
    REPRESENTED.iter().any(|form| has_form(legal_form, form))
}

/// The form as first shown: the register the legal form suggests, the managing directors
/// as representatives.
pub fn defaults(company: &Company) -> ImprintForm {
    ImprintForm {
        register: register_of(&company.data.legal_form)
            .unwrap_or("")
            .to_string(),
        represented_by: company.data.managing_directors.join("\n"),
        ..ImprintForm::default()
    }
}

pub fn generate(company: &Company, form: &ImprintForm, l: Language) -> GeneratedText {
    let c = &company.data;
    let t = |id: &str| text(l, id);
    let v = |id: &str, value: &str| with(l, id, &[("value", value.trim())]);
    let mut missing = Vec::new();
    let legal_form = c.legal_form.trim();
    let mut d = Draft::default();
    d.heading(&t("imprint-title"));
    d.paragraph(&t("imprint-basis"));
    let mut name = name_with_form(&company.data);
    if form.in_liquidation {
        name = format!("{name} {}", t("imprint-in-liquidation"));
    }
    let city = format!("{} {}", c.postal_code.trim(), c.city.trim());
    d.lines(&[
        name.as_str(),
        c.street.as_str(),
        city.as_str(),
        c.country.as_str(),
    ]);
    if c.name.trim().is_empty() {
        missing.push(t("imprint-missing-name"));
    }
    if c.street.trim().is_empty() || c.postal_code.trim().is_empty() || c.city.trim().is_empty() {
        missing.push(t("imprint-missing-address"));
    }
    let representatives: Vec<String> = if form.represented_by.trim().is_empty() {
        c.managing_directors.clone()
    } else {
        form.represented_by.lines().map(str::to_string).collect()
    };
    let representatives: Vec<String> = representatives
        .into_iter()
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty())
        .collect();
    if !representatives.is_empty() {
        d.heading(&t("imprint-represented-by"));
        d.lines(&representatives);
    } else if represented(legal_form) {
        missing.push(with(
            l,
            "imprint-missing-representatives",
            &[("form", legal_form)],
        ));
    }
    d.heading(&t("imprint-contact"));
    let phone = (!c.phone.trim().is_empty()).then(|| v("imprint-phone", &c.phone));
    let email = (!c.email.trim().is_empty()).then(|| v("imprint-email", &c.email));
    let website = (!c.website.trim().is_empty()).then(|| v("imprint-website", &c.website));
    d.lines(
        &[phone, email, website]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>(),
    );
    if c.email.trim().is_empty() {
        missing.push(t("imprint-missing-email"));
    }
    if c.phone.trim().is_empty() {
        missing.push(t("imprint-missing-phone"));
    }
    let registered = !c.register_court.trim().is_empty() || !c.register_number.trim().is_empty();
    if registered || !form.share_capital.trim().is_empty() {
        d.heading(&t("imprint-register"));
        let kind = match form.register.as_str() {
            "commercial" | "association" | "partnership" | "cooperative" => {
                t(&format!("imprint-register-kind-{}", form.register))
            }
            _ => String::new(),
        };
        let court = (!c.register_court.trim().is_empty())
            .then(|| v("imprint-register-court", &c.register_court));
        let number = (!c.register_number.trim().is_empty())
            .then(|| v("imprint-register-number", &c.register_number));
        let capital = (!form.share_capital.trim().is_empty())
            .then(|| v("imprint-share-capital", &form.share_capital));
        let mut lines = vec![kind];
        lines.extend([court, number, capital].into_iter().flatten());
        d.lines(&lines);
    }
    if !registered && register_of(legal_form).is_some() {
        missing.push(with(l, "imprint-missing-register", &[("form", legal_form)]));
    }
    if !c.vat_id.trim().is_empty() || !form.economic_id.trim().is_empty() {
        d.heading(&t("imprint-vat"));
        let vat = (!c.vat_id.trim().is_empty()).then(|| v("imprint-vat-text", &c.vat_id));
        let economic = (!form.economic_id.trim().is_empty())
            .then(|| v("imprint-economic-id", &form.economic_id));
        d.lines(&[vat, economic].into_iter().flatten().collect::<Vec<_>>());
    }
    if !form.supervisory_authority.trim().is_empty() {
        d.heading(&t("imprint-authority"));
        d.paragraph(&form.supervisory_authority);
    }
    let profession = [
        (&form.chamber, "imprint-chamber"),
        (&form.professional_title, "imprint-professional-title"),
        (&form.title_state, "imprint-title-state"),
        (&form.professional_rules, "imprint-professional-rules"),
    ];
    if profession.iter().any(|(value, _)| !value.trim().is_empty()) {
        d.heading(&t("imprint-profession"));
        d.lines(
            &profession
                .iter()
                .filter(|(value, _)| !value.trim().is_empty())
                .map(|(value, id)| v(id, value))
                .collect::<Vec<_>>(),
        );
        if form.professional_rules.trim().is_empty() {
            missing.push(t("imprint-missing-professional-rules"));
        }
    }
    if !form.editorial.trim().is_empty() {
        d.heading(&t("imprint-editorial"));
        d.lines(&form.editorial.lines().collect::<Vec<_>>());
    }
    if matches!(form.dispute_resolution.as_str(), "willing" | "not_willing") {
        d.heading(&t("imprint-dispute"));
        d.paragraph(&t(&format!("imprint-dispute-{}", form.dispute_resolution)));
    }
    if !form.extra.trim().is_empty() {
        d.paragraph(&form.extra);
    }
    GeneratedText {
        text: d.finish(),
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::companies::CompanyInput;

    fn company(input: CompanyInput) -> Company {
        Company {
            id: 1,
            tenant_id: 1,
            data: input,
            dpo_verdict: None,
            created_at: chrono::DateTime::UNIX_EPOCH,
            updated_at: chrono::DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn a_complete_gmbh_gets_every_item_and_nothing_is_missing() {
        let c = company(CompanyInput {
            name: "Bäckerei Müller".into(),
            legal_form: "GmbH".into(),
            street: "Hauptstraße 5".into(),
            postal_code: "50667".into(),
            city: "Köln".into(),
            phone: "+49 221 123456".into(),
            email: "info@baeckerei-mueller.de".into(),
            register_court: "Amtsgericht Köln".into(),
            register_number: "HRB 12345".into(),
            vat_id: "DE136695976".into(),
            managing_directors: vec!["Jürgen Müller".into()],
            ..Default::default()
        });
        let form = ImprintForm {
            dispute_resolution: "not_willing".into(),
            ..defaults(&c)
        };
        assert_eq!(form.register, "commercial");
        let generated = generate(&c, &form, Language::German);
        assert!(generated.missing.is_empty(), "{:?}", generated.missing);
        let text = generated.text;
        for needle in [
            "# Impressum",
            "Angaben gemäß § 5 DDG",
            "Bäckerei Müller GmbH\nHauptstraße 5\n50667 Köln",
            "# Vertreten durch\n\nJürgen Müller",
            "Telefon: +49 221 123456\nE-Mail: info@baeckerei-mueller.de",
            "Eintragung im Handelsregister.\nRegistergericht: Amtsgericht Köln\nRegisternummer: HRB 12345",
            "gemäß § 27a Umsatzsteuergesetz: DE136695976",
            "Verbraucherschlichtungsstelle",
        ] {
            assert!(text.contains(needle), "{needle:?} missing in:\n{text}");
        }
        assert!(!text.to_lowercase().contains("ec.europa.eu/consumers/odr"));
    }

    #[test]
    fn gaps_are_named_not_silently_left_out() {
        let c = company(CompanyInput {
            name: "Autohaus Weber".into(),
            legal_form: "GmbH & Co. KG".into(),
            ..Default::default()
        });
        let generated = generate(&c, &defaults(&c), Language::English);
        let missing = generated.missing.join(" | ");
        for needle in [
            "the address",
            "an e-mail address",
            "telephone",
            "who represents the company (legal form GmbH & Co. KG)",
            "register court and registration number (legal form GmbH & Co. KG)",
        ] {
            assert!(missing.contains(needle), "{needle:?} not named: {missing}");
        }
    }

    #[test]
    fn a_sole_trader_without_register_needs_neither_register_nor_representatives() {
        let c = company(CompanyInput {
            name: "Malerbetrieb Jana Schulz".into(),
            street: "Gartenweg 2".into(),
            postal_code: "04109".into(),
            city: "Leipzig".into(),
            phone: "0341 555".into(),
            email: "post@schulz-maler.de".into(),
            ..Default::default()
        });
        let generated = generate(&c, &defaults(&c), Language::German);
        assert!(generated.missing.is_empty(), "{:?}", generated.missing);
        assert!(!generated.text.contains("Registereintrag"));
        assert_eq!(register_of("e.K."), Some("commercial"));
        assert_eq!(register_of("Einzelunternehmen"), None);
    }
}
