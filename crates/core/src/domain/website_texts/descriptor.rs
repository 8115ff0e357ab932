//! What the cross-cutting services need to know of website texts: their rows of a tenant
//! (module restores, tenant files). They are a company's: its rights govern them and they
//! go with it to the trash and out of the database.

use crate::domain::descriptor::{Descriptor, TenantRows};

pub const DESCRIPTOR: Descriptor = Descriptor {
    deadlines: None,
    name: "website_texts",
    objects: &[],
    trash: None,
    tiles: None,
    search: None,
    export_stem: None,
    tenant_rows: &[TenantRows {
        table: "website_texts",
        condition: "tenant_id = ?1",
    }],
};
