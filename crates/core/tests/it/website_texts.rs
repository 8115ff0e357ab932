//! Imprint and privacy policy of a company's website (SPEC §12): prefilled from the
//! company, generated with the gaps named, edited and saved per company with its last
//! change, refused without the company's edit right, and carried by tenant copies.

use crate::common::*;
use dpo_desk_core::domain::activities::{ActivityInput, ActivityLink, Safeguard};
use dpo_desk_core::domain::areas::AreaInput;
use dpo_desk_core::domain::companies::{CompanyInput, DesignatedDpo};
use dpo_desk_core::domain::master_data::{MasterItemInput, MasterKind};
use dpo_desk_core::domain::website_texts::WebsiteTextKind;
use dpo_desk_core::kernel::vocabulary::{ObjectType, Right};
use dpo_desk_core::services::generators::privacy_policy::{
    AnsweredQuestion, OwnBlock, PrivacyAnswers,
};
use dpo_desk_core::{CoreError, Desk, Session};

struct Office {
    _f: Fixture,
    desk: Desk,
    owner: Session,
    tenant: i64,
    company: i64,
    area: i64,
}

fn office() -> Office {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei Sicher").desk;
    let mut owner = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = desk
        .create_tenant(&mut owner, "Bäckerei Müller", false)
        .unwrap()
        .id;
    let company = desk
        .create_company(
            &mut owner,
            tenant,
            &CompanyInput {
                name: "Bäckerei Müller".into(),
                legal_form: "GmbH".into(),
                street: "Hauptstraße 5".into(),
                postal_code: "50667".into(),
                city: "Köln".into(),
                phone: "+49 221 123456".into(),
                email: "info@baeckerei-mueller.de".into(),
                register_court: "Amtsgericht Köln".into(),
                register_number: "HRB 12345".into(),
                managing_directors: vec!["Jürgen Müller".into()],
                is_controller: true,
                dpo: DesignatedDpo {
                    kind: "external".into(),
                    name: "Dr. Erika Schäfer".into(),
                    email: "dsb@kanzlei-sicher.de".into(),
                    ..Default::default()
                },
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    let area = desk
        .create_area(
            &mut owner,
            &AreaInput {
                company_id: company,
                name: "Vertrieb".into(),
                description: String::new(),
            },
        )
        .unwrap()
        .id;
    Office {
        _f: f,
        desk,
        owner,
        tenant,
        company,
        area,
    }
}

#[test]
fn the_imprint_is_prefilled_generated_saved_with_its_last_change_and_opens_as_left() {
    let mut o = office();
    let draft = o.desk.imprint(&mut o.owner, o.company).unwrap();
    assert!(draft.saved.is_none());
    assert_eq!(draft.form.register, "commercial");
    assert_eq!(draft.form.represented_by, "Jürgen Müller");
    let mut form = draft.form.clone();
    form.dispute_resolution = "not_willing".into();
    form.share_capital = "25.000 EUR".into();
    let generated = o
        .desk
        .generate_imprint(&mut o.owner, o.company, &form, "de")
        .unwrap();
    assert!(generated.missing.is_empty(), "{:?}", generated.missing);
    assert!(generated
        .text
        .contains("Bäckerei Müller GmbH\nHauptstraße 5\n50667 Köln"));
    assert!(generated.text.contains("Stammkapital: 25.000 EUR"));
    let edited = format!("{}\n\nBildnachweise: eigene Fotos.", generated.text);
    let saved = o
        .desk
        .save_imprint(&mut o.owner, o.company, &form, &edited, "de")
        .unwrap();
    assert_eq!(saved.updated_by, OWNER);
    let again = o.desk.imprint(&mut o.owner, o.company).unwrap();
    assert_eq!(again.form, form);
    assert_eq!(again.saved.unwrap().text, edited);
    let stored = o
        .desk
        .website_text(&mut o.owner, o.company, WebsiteTextKind::Imprint)
        .unwrap()
        .unwrap();
    assert!(stored.text.ends_with("Bildnachweise: eigene Fotos."));
}

#[test]
fn the_privacy_policy_is_built_from_the_answers_and_the_activities_it_is_based_on() {
    let mut o = office();
    let item = |o: &mut Office, kind, name: &str| {
        o.desk
            .create_master_item(&mut o.owner, o.tenant, &MasterItemInput::named(kind, name))
            .unwrap()
            .id
    };
    let basis = item(&mut o, MasterKind::LegalBasis, "Art. 6 Abs. 1 lit. b DSGVO");
    let recipient = item(&mut o, MasterKind::Recipient, "Versanddienstleister");
    let usa = o
        .desk
        .create_master_item(
            &mut o.owner,
            o.tenant,
            &MasterItemInput {
                category: "no_adequacy".into(),
                ..MasterItemInput::named(MasterKind::ThirdCountry, "Vereinigte Staaten")
            },
        )
        .unwrap()
        .id;
    let retention = item(&mut o, MasterKind::RetentionPeriod, "6 Monate");
    let mut input = ActivityInput::new(o.area, "Online-Bestellungen");
    input.purposes = "Abwicklung von Bestellungen über die Website".into();
    input.links = vec![
        ActivityLink {
            item_id: basis,
            detail: String::new(),
        },
        ActivityLink {
            item_id: recipient,
            detail: String::new(),
        },
        ActivityLink {
            item_id: usa,
            detail: Safeguard::StandardContractualClauses.as_str().into(),
        },
        ActivityLink {
            item_id: retention,
            detail: String::new(),
        },
    ];
    let shop = o.desk.create_activity(&mut o.owner, &input).unwrap().id;
    let draft = o
        .desk
        .privacy_policy(&mut o.owner, o.company, "de")
        .unwrap();
    assert!(draft.questions.len() >= 12);
    assert_eq!(draft.activities.len(), 1);
    let hosting = draft.questions.iter().find(|q| q.key == "hosting").unwrap();
    let mut answers = PrivacyAnswers {
        answered: vec![AnsweredQuestion {
            key: "hosting".into(),
            fields: Default::default(),
        }],
        own: vec![OwnBlock {
            title: "Kundenkarte".into(),
            text: "Mit der Kundenkarte sammeln Sie Punkte.".into(),
            included: true,
        }],
        activity_ids: vec![shop],
        authority: "Landesbeauftragte für Datenschutz und Informationsfreiheit NRW".into(),
    };
    let generated = o
        .desk
        .generate_privacy_policy(&mut o.owner, o.company, &answers, "de")
        .unwrap();
    assert!(
        generated
            .missing
            .iter()
            .any(|m| m.starts_with(&hosting.section.title)),
        "the hoster's empty required field is named: {:?}",
        generated.missing
    );
    let provider = &hosting.fields.iter().find(|f| f.required).unwrap().key;
    answers.answered[0]
        .fields
        .insert(provider.clone(), "Hetzner Online GmbH, Gunzenhausen".into());
    let generated = o
        .desk
        .generate_privacy_policy(&mut o.owner, o.company, &answers, "de")
        .unwrap();
    assert!(generated.missing.is_empty(), "{:?}", generated.missing);
    let text = &generated.text;
    for needle in [
        "# Datenschutzerklärung",
        "Bäckerei Müller GmbH",
        "Dr. Erika Schäfer",
        "Online-Bestellungen:",
        "Zwecke: Abwicklung von Bestellungen über die Website",
        "Rechtsgrundlagen: Art. 6 Abs. 1 lit. b DSGVO",
        "• Versanddienstleister",
        "• Vereinigte Staaten — Standardvertragsklauseln",
        "• Online-Bestellungen: 6 Monate",
        "Hetzner Online GmbH, Gunzenhausen",
        "# Kundenkarte",
        "Landesbeauftragte für Datenschutz und Informationsfreiheit NRW",
    ] {
        assert!(text.contains(needle), "{needle:?} missing in:\n{text}");
    }
    assert!(!text.contains('{'), "every placeholder is filled: {text}");
    o.desk
        .save_privacy_policy(&mut o.owner, o.company, &answers, text, "de")
        .unwrap();
    let again = o
        .desk
        .privacy_policy(&mut o.owner, o.company, "de")
        .unwrap();
    assert_eq!(again.answers, answers);

    // A tenant copy carries the texts, with the policy pointing at the copy's activity.
    let copy = o.desk.copy_tenant(&mut o.owner, o.tenant, None).unwrap().id;
    let copied_company = o.desk.companies(&mut o.owner, copy).unwrap()[0].id;
    let copied = o
        .desk
        .privacy_policy(&mut o.owner, copied_company, "de")
        .unwrap();
    assert_eq!(copied.saved.unwrap().text, *text);
    assert_eq!(copied.answers.activity_ids, vec![copied.activities[0].id]);
    assert_ne!(copied.activities[0].id, shop);
}

#[test]
fn saving_needs_the_companys_edit_right_and_generating_its_view_right() {
    let mut o = office();
    let mut reader = staff_user(
        &mut o.desk,
        &mut o.owner,
        "Leser",
        "Lesen-ist-gut-2026",
        &[(ObjectType::Company, Right::View)],
        vec![o.tenant],
    );
    // Activities are a right of their own: without it the policy offers none of them.
    o.desk
        .create_activity(&mut o.owner, &ActivityInput::new(o.area, "Newsletter"))
        .unwrap();
    assert_eq!(
        o.desk
            .privacy_policy(&mut o.owner, o.company, "de")
            .unwrap()
            .activities
            .len(),
        1
    );
    let policy = o.desk.privacy_policy(&mut reader, o.company, "de").unwrap();
    assert!(policy.activities.is_empty(), "{:?}", policy.activities);
    let draft = o.desk.imprint(&mut reader, o.company).unwrap();
    o.desk
        .generate_imprint(&mut reader, o.company, &draft.form, "en")
        .unwrap();
    let refused = o
        .desk
        .save_imprint(&mut reader, o.company, &draft.form, "# Legal notice", "en");
    assert!(matches!(
        refused,
        Err(CoreError::PermissionDenied {
            object: ObjectType::Company,
            right: Right::Edit
        })
    ));
    assert!(o
        .desk
        .website_text(&mut o.owner, o.company, WebsiteTextKind::Imprint)
        .unwrap()
        .is_none());
}
