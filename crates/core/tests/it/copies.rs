//! Copies between tenants (SPEC §2, §9, seed 004): tenant copy 1:1, a tenant from a
//! template, and the data copy with the seed's rules — what is copied, emptied, matched,
//! left out — all or nothing.

use chrono::NaiveDate;

use crate::common::*;
use dpo_desk_core::domain::activities::{ActivityInput, ActivityLink};
use dpo_desk_core::domain::areas::AreaInput;
use dpo_desk_core::domain::companies::{CompanyInput, DesignatedDpo};
use dpo_desk_core::domain::master_data::{MasterItemInput, MasterKind};
use dpo_desk_core::domain::toms::{TomField, TomFilter};
use dpo_desk_core::kernel::vocabulary::{ObjectType, Right};
use dpo_desk_core::services::data_copy::{CopyRequest, CopySummary};
use dpo_desk_core::{Desk, Session};

struct Office {
    desk: Desk,
    owner: Session,
    source: i64,
    company: i64,
    area: i64,
    activity: i64,
    processor: i64,
    _f: Fixture,
}

fn office() -> Office {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei Kopie").desk;
    let mut owner = desk.sign_in(OWNER, PASSWORD).unwrap();
    let source = desk
        .create_tenant(&mut owner, "Muster Bäckerei", true)
        .unwrap()
        .id;
    let company = desk
        .create_company(
            &mut owner,
            source,
            &CompanyInput {
                name: "Bäckerei Schmidt GmbH".into(),
                is_controller: true,
                email: "info@baeckerei.example".into(),
                managing_directors: vec!["Karl Schmidt".into()],
                dpo: DesignatedDpo {
                    kind: "external".into(),
                    name: "Anna Meier".into(),
                    email: "dsb@example.com".into(),
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
                name: "Personal".into(),
                description: String::new(),
            },
        )
        .unwrap()
        .id;
    let processor = desk
        .create_master_item(
            &mut owner,
            source,
            &MasterItemInput {
                email: "support@lohnbuero.example".into(),
                phone: "+49 221 123".into(),
                date: NaiveDate::from_ymd_opt(2025, 5, 1),
                category: "signed".into(),
                ..MasterItemInput::named(MasterKind::Processor, "Lohnbüro Müller")
            },
        )
        .unwrap()
        .id;
    let toms = desk
        .toms(&mut owner, source, &TomFilter::default())
        .unwrap();
    desk.mass_change_toms(
        &mut owner,
        &[toms[0].id, toms[1].id],
        &TomField::ValidFor(company),
    )
    .unwrap();
    let owner_id = desk
        .users(&mut owner)
        .unwrap()
        .into_iter()
        .find(|u| u.name == OWNER)
        .unwrap()
        .id;
    let activity = desk
        .create_activity(
            &mut owner,
            &ActivityInput {
                responsible: "Frau Weber".into(),
                editor_id: Some(owner_id),
                review_planned: NaiveDate::from_ymd_opt(2026, 9, 1),
                links: vec![ActivityLink {
                    item_id: processor,
                    detail: String::new(),
                }],
                tom_ids: vec![toms[0].id],
                ..ActivityInput::new(area, "Lohnabrechnung")
            },
        )
        .unwrap()
        .id;
    desk.start_dpia(&mut owner, activity).unwrap();
    Office {
        desk,
        owner,
        source,
        company,
        area,
        activity,
        processor,
        _f: f,
    }
}

fn target(o: &mut Office, name: &str) -> i64 {
    o.desk.create_tenant(&mut o.owner, name, false).unwrap().id
}

fn copy(
    o: &mut Office,
    object: ObjectType,
    ids: &[i64],
    targets: &[i64],
    parent: Option<i64>,
) -> CopySummary {
    o.desk
        .copy_to_tenants(
            &mut o.owner,
            &CopyRequest {
                object,
                ids: ids.to_vec(),
                targets: targets.to_vec(),
                parent,
            },
        )
        .unwrap()
}

fn masters(o: &mut Office, tenant: i64, kind: MasterKind) -> usize {
    o.desk
        .master_items(&mut o.owner, tenant, kind)
        .unwrap()
        .len()
}

/// The seed's rules, one row per copyable object type: what the copy creates in the target
/// (by object type), what it reuses, and what it leaves out.
#[test]
fn every_copyable_object_type_follows_the_seeds_rules() {
    let mut o = office();
    let tom = o
        .desk
        .toms(&mut o.owner, o.source, &TomFilter::default())
        .unwrap()[0]
        .id;
    let dpia = o.desk.dpias(&mut o.owner, o.source).unwrap()[0].id;
    let person = o
        .desk
        .create_master_item(
            &mut o.owner,
            o.source,
            &MasterItemInput {
                email: "k.schmidt@example.com".into(),
                ..MasterItemInput::named(MasterKind::Person, "Karl Schmidt")
            },
        )
        .unwrap()
        .id;
    type Row = (
        ObjectType,
        i64,
        &'static [ObjectType],
        &'static [&'static str],
    );
    let rows: Vec<Row> = vec![
        // A company brings its areas, their activities with their linked data and DPIAs, and its TOMs.
        (
            ObjectType::Company,
            o.company,
            &[
                ObjectType::Company,
                ObjectType::Area,
                ObjectType::Processor,
                ObjectType::ProcessingActivity,
                ObjectType::Dpia,
            ],
            &["person_data", "editor", "dates"],
        ),
        (
            ObjectType::Area,
            o.area,
            &[
                ObjectType::Company,
                ObjectType::Area,
                ObjectType::Processor,
                ObjectType::ProcessingActivity,
                ObjectType::Dpia,
            ],
            &["person_data", "editor", "dates"],
        ),
        (
            ObjectType::ProcessingActivity,
            o.activity,
            &[
                ObjectType::Company,
                ObjectType::Area,
                ObjectType::Processor,
                ObjectType::ProcessingActivity,
                ObjectType::Dpia,
            ],
            &["editor", "dates", "person_data"],
        ),
        (
            ObjectType::Dpia,
            dpia,
            &[
                ObjectType::Company,
                ObjectType::Area,
                ObjectType::Processor,
                ObjectType::ProcessingActivity,
                ObjectType::Dpia,
            ],
            &["editor", "dates"],
        ),
        (
            ObjectType::Processor,
            o.processor,
            &[ObjectType::Processor],
            &["dates", "person_data"],
        ),
        (ObjectType::Person, person, &[ObjectType::Person], &[]),
        (ObjectType::Tom, tom, &[], &[]),
    ];
    for (object, id, created, left_out) in rows {
        let t = target(&mut o, &format!("Ziel {object}"));
        let summary = copy(&mut o, object, &[id], &[t], None);
        let s = &summary.targets[0];
        let mut kinds: Vec<ObjectType> = s.created.iter().map(|c| c.object).collect();
        kinds.dedup();
        for expected in created {
            assert!(
                kinds.contains(expected),
                "{object}: {expected} created, got {kinds:?}"
            );
        }
        for what in left_out {
            assert!(
                s.left_out.iter().any(|l| l == what),
                "{object}: {what} left out, got {:?}",
                s.left_out
            );
        }
        assert_eq!(s.ids.len(), 1, "{object}");
        // The catalogue is in every tenant: TOMs are matched there, never duplicated.
        if object == ObjectType::Tom || object == ObjectType::Company {
            assert!(
                s.reused.iter().any(|r| r.object == ObjectType::Tom),
                "{object}: TOMs reused"
            );
        }
    }
}

#[test]
fn a_copy_empties_the_editor_dates_and_person_data_but_a_person_keeps_hers() {
    let mut o = office();
    let activity = o.activity;
    o.desk
        .add_attachment(&mut o.owner, activity, "AV-Vertrag.pdf", b"%PDF-1.4 test")
        .unwrap();
    let t = target(&mut o, "Bäckerei Neu");
    let id = copy(
        &mut o,
        ObjectType::ProcessingActivity,
        &[activity],
        &[t],
        None,
    )
    .targets[0]
        .ids[0];
    assert_eq!(
        o.desk.attachments(&mut o.owner, id).unwrap().len(),
        1,
        "its attachments come along"
    );
    let a = o.desk.activity(&mut o.owner, id).unwrap();
    assert_eq!(a.data.editor_id, None);
    assert_eq!(a.data.review_planned, None);
    assert_eq!(a.data.responsible, "");
    assert_eq!(a.area_name, "Personal");
    assert_eq!(a.company_name, "Bäckerei Schmidt GmbH");
    let processor = &a.linked[0];
    assert_eq!(processor.name, "Lohnbüro Müller");
    let item = o
        .desk
        .master_items(&mut o.owner, t, MasterKind::Processor)
        .unwrap()
        .into_iter()
        .find(|i| i.data.name == "Lohnbüro Müller")
        .unwrap();
    assert_eq!(
        (item.data.email.as_str(), item.data.date),
        ("", None),
        "contact person and agreement date emptied"
    );
    assert_eq!(item.data.category, "signed");
    assert_eq!(
        a.toms.len(),
        1,
        "the specific TOM came along (matched in the target's catalogue)"
    );
    let dpia = o.desk.dpias(&mut o.owner, t).unwrap();
    assert_eq!(dpia.len(), 1);
    assert_eq!(dpia[0].status.as_str(), "in_progress");

    let company = o.desk.companies(&mut o.owner, t).unwrap().remove(0);
    assert!(company.data.managing_directors.is_empty() && company.data.dpo.name.is_empty());
    assert_eq!(
        company.data.email, "info@baeckerei.example",
        "the company's own contact stays"
    );

    let person = o
        .desk
        .create_master_item(
            &mut o.owner,
            o.source,
            &MasterItemInput {
                email: "k.schmidt@example.com".into(),
                ..MasterItemInput::named(MasterKind::Person, "Karl Schmidt")
            },
        )
        .unwrap()
        .id;
    let new = copy(&mut o, ObjectType::Person, &[person], &[t], None).targets[0].ids[0];
    let copied = o
        .desk
        .master_items(&mut o.owner, t, MasterKind::Person)
        .unwrap()
        .into_iter()
        .find(|i| i.id == new)
        .unwrap();
    assert_eq!(
        copied.data.email, "k.schmidt@example.com",
        "copying persons keeps their data"
    );
}

#[test]
fn master_data_are_matched_by_name_and_never_duplicated() {
    let mut o = office();
    let activity = o.activity;
    let t = target(&mut o, "Bäckerei Neu");
    copy(
        &mut o,
        ObjectType::ProcessingActivity,
        &[activity],
        &[t],
        None,
    );
    let processors = masters(&mut o, t, MasterKind::Processor);
    let categories = masters(&mut o, t, MasterKind::DataCategory);
    let second = copy(
        &mut o,
        ObjectType::ProcessingActivity,
        &[activity],
        &[t],
        None,
    );
    assert_eq!(masters(&mut o, t, MasterKind::Processor), processors);
    assert_eq!(masters(&mut o, t, MasterKind::DataCategory), categories);
    assert!(second.targets[0]
        .reused
        .iter()
        .any(|r| r.object == ObjectType::Processor && r.label == "Lohnbüro Müller"));
    assert!(
        second.targets[0]
            .reused
            .iter()
            .any(|r| r.object == ObjectType::Area),
        "the same area receives it"
    );
    assert_eq!(
        o.desk.activities(&mut o.owner, t, None).unwrap().len(),
        2,
        "the activity itself is new each time"
    );
}

#[test]
fn into_several_tenants_at_once_or_into_a_chosen_area_of_one() {
    let mut o = office();
    let activity = o.activity;
    let (a, b) = (target(&mut o, "Café A"), target(&mut o, "Café B"));
    let s = copy(
        &mut o,
        ObjectType::ProcessingActivity,
        &[activity],
        &[a, b],
        None,
    );
    assert_eq!(s.targets.len(), 2);
    let company = o
        .desk
        .create_company(
            &mut o.owner,
            a,
            &CompanyInput {
                name: "Café A GmbH".into(),
                is_controller: true,
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    let area = o
        .desk
        .create_area(
            &mut o.owner,
            &AreaInput {
                company_id: company,
                name: "Lohn".into(),
                description: String::new(),
            },
        )
        .unwrap()
        .id;
    let id = copy(
        &mut o,
        ObjectType::ProcessingActivity,
        &[activity],
        &[a],
        Some(area),
    )
    .targets[0]
        .ids[0];
    assert_eq!(o.desk.activity(&mut o.owner, id).unwrap().area_name, "Lohn");
    let err = o
        .desk
        .copy_to_tenants(
            &mut o.owner,
            &CopyRequest {
                object: ObjectType::ProcessingActivity,
                ids: vec![o.activity],
                targets: vec![a, b],
                parent: Some(area),
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("one tenant"), "{err}");
    let err = o
        .desk
        .copy_to_tenants(
            &mut o.owner,
            &CopyRequest {
                object: ObjectType::ProcessingActivity,
                ids: vec![o.activity],
                targets: vec![o.source],
                parent: None,
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("in this tenant already"), "{err}");
}

#[test]
fn an_error_half_way_leaves_every_target_unchanged() {
    let mut o = office();
    let visible = target(&mut o, "Sichtbar");
    let hidden = target(&mut o, "Verborgen");
    let mut staff = staff_user(
        &mut o.desk,
        &mut o.owner,
        "Ben Braun",
        "Mitarbeiter-2026!",
        &[
            (ObjectType::ProcessingActivity, Right::View),
            (ObjectType::ProcessingActivity, Right::TenantCopy),
            (ObjectType::Company, Right::View),
            (ObjectType::Company, Right::TenantCopy),
        ],
        vec![o.source, visible],
    );
    let before = o
        .desk
        .activities(&mut o.owner, visible, None)
        .unwrap()
        .len();
    let err = o
        .desk
        .copy_to_tenants(
            &mut staff,
            &CopyRequest {
                object: ObjectType::ProcessingActivity,
                ids: vec![o.activity],
                targets: vec![visible, hidden],
                parent: None,
            },
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("no tenant"),
        "a tenant the user may not open is unknown: {err}"
    );
    assert_eq!(
        o.desk
            .activities(&mut o.owner, visible, None)
            .unwrap()
            .len(),
        before,
        "the first target is unchanged"
    );
    assert_eq!(masters(&mut o, visible, MasterKind::Processor), 0);
    // Into the visible one alone it works, with the right to copy.
    assert!(o
        .desk
        .copy_to_tenants(
            &mut staff,
            &CopyRequest {
                object: ObjectType::ProcessingActivity,
                ids: vec![o.activity],
                targets: vec![visible],
                parent: None
            }
        )
        .is_ok());
}

#[test]
fn a_tenant_copy_is_one_to_one_and_a_template_makes_a_new_client() {
    let mut o = office();
    let source = o.source;
    o.desk
        .add_attachment(&mut o.owner, o.activity, "AV-Vertrag.pdf", b"%PDF-1.4 test")
        .unwrap();
    staff_user(
        &mut o.desk,
        &mut o.owner,
        "Clara Klein",
        "Mitarbeiter-2026!",
        &[],
        vec![o.source],
    );
    let copy = o.desk.copy_tenant(&mut o.owner, o.source, None).unwrap();
    assert_eq!(copy.name, "Muster Bäckerei (copy)");
    assert!(copy.is_template, "a 1:1 copy of a template is a template");
    let acts = o.desk.activities(&mut o.owner, copy.id, None).unwrap();
    assert_eq!(acts.len(), 1);
    let a = o.desk.activity(&mut o.owner, acts[0].id).unwrap();
    assert_eq!(a.data.responsible, "Frau Weber", "1:1: nothing emptied");
    assert_eq!(a.data.review_planned, NaiveDate::from_ymd_opt(2026, 9, 1));
    assert_eq!(
        o.desk.attachments(&mut o.owner, a.id).unwrap().len(),
        1,
        "attachments come along"
    );
    let item = o
        .desk
        .master_items(&mut o.owner, copy.id, MasterKind::Processor)
        .unwrap()
        .into_iter()
        .find(|i| i.data.name == "Lohnbüro Müller")
        .unwrap();
    assert_eq!(item.data.email, "support@lohnbuero.example");
    for kind in MasterKind::ALL {
        assert_eq!(
            masters(&mut o, copy.id, *kind),
            masters(&mut o, source, *kind),
            "{kind}"
        );
    }
    assert_eq!(
        o.desk
            .toms(&mut o.owner, copy.id, &TomFilter::default())
            .unwrap()
            .len(),
        o.desk
            .toms(&mut o.owner, o.source, &TomFilter::default())
            .unwrap()
            .len()
    );
    assert_eq!(o.desk.dpias(&mut o.owner, copy.id).unwrap().len(), 1);
    let users = o.desk.users(&mut o.owner).unwrap();
    let clara = users.iter().find(|u| u.name == "Clara Klein").unwrap();
    assert!(
        clara.tenants.contains(&copy.id),
        "who may open the source may open the copy"
    );

    let client = o
        .desk
        .create_tenant_from_template(&mut o.owner, o.source, "Bäckerei Sonne")
        .unwrap();
    assert!(!client.is_template);
    assert_eq!(
        o.desk
            .activities(&mut o.owner, client.id, None)
            .unwrap()
            .len(),
        1
    );
    let plain = target(&mut o, "Kein Muster");
    let err = o
        .desk
        .create_tenant_from_template(&mut o.owner, plain, "X")
        .unwrap_err();
    assert!(err.to_string().contains("not a template"), "{err}");
}
