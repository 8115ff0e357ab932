//! The domain registry: what each domain tells the cross-cutting services (trash, search,
//! dashboard tiles, backup modules, exports). A service loops over `DOMAINS` or asks
//! `descriptor(object)`; it never names a domain's tables itself. Adding a domain is a
//! folder with a `descriptor.rs` and one line in `DOMAINS` and in `descriptor`.

use crate::domain::descriptor::{Descriptor, TrashSpec};
use crate::domain::{
    activities, areas, breaches, companies, courses, documents, dpias, master_data,
    processor_agreements, requests, tenants, toms, website_texts,
};
use crate::kernel::vocabulary::ObjectType;

/// Every domain, children before parents (the order deletes and module restores need).
pub const DOMAINS: &[&Descriptor] = &[
    &documents::descriptor::DESCRIPTOR,
    &website_texts::descriptor::DESCRIPTOR,
    &courses::descriptor::DESCRIPTOR,
    &requests::descriptor::DESCRIPTOR,
    &processor_agreements::descriptor::DESCRIPTOR,
    &breaches::descriptor::DESCRIPTOR,
    &dpias::descriptor::DESCRIPTOR,
    &activities::descriptor::DESCRIPTOR,
    &toms::descriptor::DESCRIPTOR,
    &areas::descriptor::DESCRIPTOR,
    &companies::descriptor::DESCRIPTOR,
    &master_data::descriptor::DESCRIPTOR,
    &tenants::descriptor::DESCRIPTOR,
];

/// The domain that owns an object type. Exhaustive on purpose: a new object type does not
/// compile until it is given a domain or said to have none.
pub fn descriptor(object: ObjectType) -> Option<&'static Descriptor> {
    match object {
        ObjectType::Tenant => Some(&tenants::descriptor::DESCRIPTOR),
        ObjectType::Company => Some(&companies::descriptor::DESCRIPTOR),
        ObjectType::Area => Some(&areas::descriptor::DESCRIPTOR),
        ObjectType::ProcessingActivity => Some(&activities::descriptor::DESCRIPTOR),
        ObjectType::BusinessProcess
        | ObjectType::Application
        | ObjectType::DataCategory
        | ObjectType::PersonGroup
        | ObjectType::LegalBasis
        | ObjectType::RetentionPeriod
        | ObjectType::Recipient
        | ObjectType::ThirdCountry
        | ObjectType::Person
        | ObjectType::Customer
        | ObjectType::Processor => Some(&master_data::descriptor::DESCRIPTOR),
        ObjectType::Tom => Some(&toms::descriptor::DESCRIPTOR),
        ObjectType::Dpia => Some(&dpias::descriptor::DESCRIPTOR),
        ObjectType::Request => Some(&requests::descriptor::DESCRIPTOR),
        ObjectType::Breach => Some(&breaches::descriptor::DESCRIPTOR),
        ObjectType::ProcessorAgreement => Some(&processor_agreements::descriptor::DESCRIPTOR),
        // Object types of domains this version does not have yet, and those that are not
        // records of a tenant.
        ObjectType::Course => Some(&courses::descriptor::DESCRIPTOR),
        ObjectType::Document => Some(&documents::descriptor::DESCRIPTOR),
        ObjectType::Backup
        | ObjectType::Settings
        | ObjectType::User
        | ObjectType::Role
        | ObjectType::AuditLog => None,
    }
}

/// Whether this version has the object type, so a role can grant rights on it: every
/// domain's, and the installation's own (backups, settings, users, roles, audit log).
pub fn exists(object: ObjectType) -> bool {
    descriptor(object).is_some()
        || matches!(
            object,
            ObjectType::Backup
                | ObjectType::Settings
                | ObjectType::User
                | ObjectType::Role
                | ObjectType::AuditLog
        )
}

/// The trash specs of every domain whose deletes go to the trash, children first.
pub fn trash_specs() -> impl Iterator<Item = &'static TrashSpec> {
    DOMAINS.iter().filter_map(|d| d.trash.as_ref())
}

/// The trash spec of an object type that can be deleted to the trash.
pub fn trash_spec(object: ObjectType) -> Option<&'static TrashSpec> {
    descriptor(object).and_then(|d| d.trash.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::operations::TRASHABLE;

    #[test]
    fn every_trashable_object_type_has_a_trash_spec() {
        for object in TRASHABLE {
            assert!(
                trash_spec(*object).is_some(),
                "{object} can be deleted to the trash but has no trash spec"
            );
        }
    }

    #[test]
    fn every_object_type_of_a_domain_leads_back_to_that_domain() {
        for domain in DOMAINS {
            for object in domain.objects {
                let owner = descriptor(*object)
                    .unwrap_or_else(|| panic!("{object} of {} has no domain", domain.name));
                assert_eq!(owner.name, domain.name, "{object}");
            }
        }
        for object in ObjectType::ALL {
            if let Some(owner) = descriptor(*object) {
                assert!(
                    owner.objects.contains(object),
                    "{} does not list {object}",
                    owner.name
                );
            }
        }
    }

    #[test]
    fn every_domain_with_records_has_tiles_search_or_export_as_the_ui_offers_them() {
        let with_tiles: Vec<_> = DOMAINS
            .iter()
            .filter(|d| d.tiles.is_some())
            .map(|d| d.name)
            .collect();
        assert_eq!(
            with_tiles,
            [
                "documents",
                "courses",
                "requests",
                "processor_agreements",
                "breaches",
                "dpias",
                "activities",
                "toms",
                "areas",
                "companies",
                "master_data"
            ]
        );
        let with_deadlines: Vec<_> = DOMAINS
            .iter()
            .filter(|d| d.deadlines.is_some())
            .map(|d| d.name)
            .collect();
        assert_eq!(
            with_deadlines,
            [
                "courses",
                "requests",
                "processor_agreements",
                "breaches",
                "dpias",
                "activities",
                "toms"
            ]
        );
        let searchable: Vec<_> = DOMAINS
            .iter()
            .filter(|d| d.search.is_some())
            .map(|d| d.name)
            .collect();
        assert_eq!(searchable, ["activities", "master_data"]);
        // Domains whose records have object types of their own have a list; website texts
        // are a company's and are copied as text, not exported as a list.
        for domain in DOMAINS.iter().filter(|d| !d.objects.is_empty()) {
            assert!(
                domain.export_stem.is_some(),
                "{} has a list the UI exports",
                domain.name
            );
        }
    }

    #[test]
    fn every_export_stem_has_a_file_name_in_every_language() {
        use crate::kernel::text::{ids, Language};
        for language in Language::ALL {
            let ids = ids(language);
            for domain in DOMAINS.iter().filter(|d| !d.objects.is_empty()) {
                let stem = domain.export_stem.unwrap();
                let id = format!("export-file-{stem}");
                assert!(
                    ids.contains(&id),
                    "{id} is missing in texts/{}.ftl",
                    language.code()
                );
            }
        }
    }
}
