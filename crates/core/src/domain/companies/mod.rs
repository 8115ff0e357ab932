//! Companies of a tenant with their master data (SPEC §2).

pub mod descriptor;
pub mod dpo_check;
pub mod export;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::domain::companies::dpo_check::{DpoCheck, DpoVerdict};
use crate::kernel::error::{CoreError, CoreResult, Problems};
use crate::kernel::text::{text, Language};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;
use crate::store::trash::{self, Deleted};

/// What a person fills in for a company.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompanyInput {
    pub name: String,
    pub legal_form: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub register_court: String,
    pub register_number: String,
    pub vat_id: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub is_controller: bool,
    pub is_processor: bool,
    /// Responsible managing directors, one per entry.
    pub managing_directors: Vec<String>,
    /// The representative in the Union (Art. 27 GDPR, name and contact), for a company
    /// established outside the EU; empty otherwise.
    #[serde(default)]
    pub representative: String,
    /// The answers of the DPO-requirement check; `None` until it has been done.
    pub dpo_check: Option<DpoCheck>,
    pub dpo: DesignatedDpo,
}

/// The data protection officer the company has designated (Art. 37(7) GDPR: contact data
/// published and communicated to the authority).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DesignatedDpo {
    /// "", "internal" or "external".
    pub kind: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub address: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Company {
    pub id: i64,
    pub tenant_id: i64,
    #[serde(flatten)]
    pub data: CompanyInput,
    /// The verdict of the DPO check, when it has been done.
    pub dpo_verdict: Option<DpoVerdict>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, tenant_id, name, legal_form, street, postal_code, city, country, register_court, \
                       register_number, vat_id, phone, email, website, is_controller, is_processor, managing_directors, representative, dpo_check, \
                       dpo_kind, dpo_name, dpo_email, dpo_phone, dpo_address, created_at, updated_at";

impl Company {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Company {
            id: r.get("id")?,
            tenant_id: r.get("tenant_id")?,
            data: CompanyInput {
                name: r.get("name")?,
                legal_form: r.get("legal_form")?,
                street: r.get("street")?,
                postal_code: r.get("postal_code")?,
                city: r.get("city")?,
                country: r.get("country")?,
                register_court: r.get("register_court")?,
                register_number: r.get("register_number")?,
                vat_id: r.get("vat_id")?,
                phone: r.get("phone")?,
                email: r.get("email")?,
                website: r.get("website")?,
                is_controller: r.get("is_controller")?,
                is_processor: r.get("is_processor")?,
                managing_directors: r
                    .get::<_, String>("managing_directors")?
                    .lines()
                    .map(String::from)
                    .filter(|l| !l.is_empty())
                    .collect(),
                representative: r.get("representative")?,
                dpo_check: r
                    .get::<_, Option<String>>("dpo_check")?
                    .and_then(|json| serde_json::from_str(&json).ok()),
                dpo: DesignatedDpo {
                    kind: r.get("dpo_kind")?,
                    name: r.get("dpo_name")?,
                    email: r.get("dpo_email")?,
                    phone: r.get("dpo_phone")?,
                    address: r.get("dpo_address")?,
                },
            },
            dpo_verdict: None,
            created_at: r.get("created_at")?,
            updated_at: r.get("updated_at")?,
        })
        .map(|mut company: Company| {
            company.dpo_verdict = company.data.dpo_check.map(|c| c.verdict());
            company
        })
    }
}

impl CompanyInput {
    pub(crate) fn validated(&self) -> CoreResult<CompanyInput> {
        let trim = |s: &str| s.trim().to_string();
        let mut problems = Problems::default();
        let data = CompanyInput {
            name: problems
                .take(CoreError::required_name(
                    "company_name",
                    &self.name,
                    200,
                    "a company",
                ))
                .unwrap_or_default(),
            legal_form: trim(&self.legal_form),
            street: trim(&self.street),
            postal_code: trim(&self.postal_code),
            city: trim(&self.city),
            country: trim(&self.country),
            register_court: trim(&self.register_court),
            register_number: trim(&self.register_number),
            vat_id: self
                .vat_id
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_uppercase(),
            phone: trim(&self.phone),
            email: trim(&self.email),
            website: trim(&self.website),
            is_controller: self.is_controller,
            is_processor: self.is_processor,
            managing_directors: self
                .managing_directors
                .iter()
                .map(|d| trim(d))
                .filter(|d| !d.is_empty())
                .collect(),
            representative: trim(&self.representative),
            dpo_check: self.dpo_check,
            dpo: DesignatedDpo {
                kind: self.dpo.kind.trim().to_string(),
                name: trim(&self.dpo.name),
                email: trim(&self.dpo.email),
                phone: trim(&self.dpo.phone),
                address: trim(&self.dpo.address),
            },
        };
        if !data.vat_id.is_empty() {
            problems.take(crate::kernel::vat_id::check("vat_id", &data.vat_id));
        }
        if !data.email.is_empty() && !crate::kernel::validate::valid_email(&data.email) {
            problems.push(CoreError::validation(
                "email",
                "format",
                format!("'{}' is not an e-mail address", data.email),
            ));
        }
        if !data.is_controller && !data.is_processor {
            problems.push(CoreError::validation(
                "company_role",
                "required",
                "a company is a controller, a processor or both",
            ));
        }
        if !["", "internal", "external"].contains(&data.dpo.kind.as_str()) {
            problems.push(CoreError::validation(
                "dpo_kind",
                "unknown",
                "the DPO is internal or external",
            ));
        }
        if !data.dpo.email.is_empty() && !crate::kernel::validate::valid_email(&data.dpo.email) {
            problems.push(CoreError::validation(
                "dpo_email",
                "format",
                format!("'{}' is not an e-mail address of the DPO", data.dpo.email),
            ));
        }
        problems.finish()?;
        Ok(data)
    }
}

pub(crate) fn by_id(conn: &Connection, id: i64) -> CoreResult<Option<Company>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM companies WHERE id = ?1 AND trash_id IS NULL"),
            [id],
            Company::from_row,
        )
        .optional()?)
}

/// A company in a tenant the user may open; any other id is reported as unknown.
pub(crate) fn accessible(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<Company> {
    let unknown =
        || CoreError::validation("company", "unknown", format!("no company with id {id}"));
    let company = by_id(conn, id)?.ok_or_else(unknown)?;
    crate::access::scope::tenant(conn, user, company.tenant_id).map_err(|_| unknown())?;
    Ok(company)
}

pub(crate) fn count(conn: &Connection, tenant_id: i64) -> CoreResult<i64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM companies WHERE tenant_id = ?1 AND trash_id IS NULL",
        [tenant_id],
        |r| r.get(0),
    )?)
}

pub(crate) fn list(conn: &Connection, tenant_id: i64) -> CoreResult<Vec<Company>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM companies WHERE tenant_id = ?1 AND trash_id IS NULL ORDER BY name COLLATE NOCASE, id"))?;
    let rows = stmt.query_map([tenant_id], Company::from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn write(
    conn: &Connection,
    id: Option<i64>,
    tenant_id: i64,
    data: &CompanyInput,
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    crate::store::rows::save(
        conn,
        "companies",
        id,
        &[
            ("tenant_id", &tenant_id),
            ("name", &data.name),
            ("legal_form", &data.legal_form),
            ("street", &data.street),
            ("postal_code", &data.postal_code),
            ("city", &data.city),
            ("country", &data.country),
            ("register_court", &data.register_court),
            ("register_number", &data.register_number),
            ("vat_id", &data.vat_id),
            ("phone", &data.phone),
            ("email", &data.email),
            ("website", &data.website),
            ("is_controller", &data.is_controller),
            ("is_processor", &data.is_processor),
            ("managing_directors", &data.managing_directors.join("\n")),
            ("representative", &data.representative),
            (
                "dpo_check",
                &data
                    .dpo_check
                    .map(|c| serde_json::to_string(&c).expect("plain struct")),
            ),
            ("dpo_kind", &data.dpo.kind),
            ("dpo_name", &data.dpo.name),
            ("dpo_email", &data.dpo.email),
            ("dpo_phone", &data.dpo.phone),
            ("dpo_address", &data.dpo.address),
        ],
        now,
    )
}

pub(crate) fn create(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    tenant_id: i64,
    input: &CompanyInput,
) -> CoreResult<Company> {
    let data = input.validated()?;
    crate::access::scope::tenant(conn, user, tenant_id)?;
    let id = write(conn, None, tenant_id, &data, now)?;
    // Every company has at least one area (SPEC §2); the first one is named for the user.
    let first_area = &text(Language::of(user.language.as_deref()), "company-first-area");
    crate::domain::areas::insert(conn, now, id, first_area, "")?;
    audit::created(
        conn,
        now,
        &user.actor(),
        ObjectType::Company.as_str(),
        id,
        json!(data),
    )?;
    let company = by_id(conn, id)?.expect("just inserted");
    Ok(company)
}

pub(crate) fn update(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    input: &CompanyInput,
) -> CoreResult<Company> {
    let data = input.validated()?;
    let old = accessible(conn, user, id)?;
    if old.data != data {
        write(conn, Some(id), old.tenant_id, &data, now)?;
        audit::changed(
            conn,
            now,
            &user.actor(),
            "update",
            ObjectType::Company.as_str(),
            id,
            json!(old.data),
            json!(data),
        )?;
    }
    let company = by_id(conn, id)?.expect("exists");
    Ok(company)
}

/// Moves the companies with their areas and activities into the trash, one entry each.
pub(crate) fn delete(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
) -> CoreResult<Vec<i64>> {
    let mut entries = Vec::new();
    for &id in ids {
        let company = accessible(conn, user, id)?;
        entries.push(trash::put(
            conn,
            now,
            &user.actor(),
            Deleted {
                tenant_id: Some(company.tenant_id),
                object: ObjectType::Company,
                object_id: id,
                label: &company.data.name,
            },
            descriptor::CASCADE,
        )?);
    }
    Ok(entries)
}

/// Copies of the selected companies in the same tenant with their areas and processing
/// activities (links included), named with `suffix`.
pub(crate) fn copy(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
    suffix: &str,
) -> CoreResult<Vec<i64>> {
    let mut created = Vec::new();
    for &id in ids {
        let source = accessible(conn, user, id)?;
        let mut data = source.data.clone();
        data.name = format!("{}{suffix}", data.name).chars().take(200).collect();
        let new_id = write(conn, None, source.tenant_id, &data, now)?;
        let areas: Vec<(i64, String, String)> = conn
            .prepare("SELECT id, name, description FROM areas WHERE company_id = ?1 AND trash_id IS NULL ORDER BY id")?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        for (area_id, name, description) in areas {
            crate::domain::areas::copy_into(
                conn,
                now,
                area_id,
                new_id,
                source.tenant_id,
                &name,
                &description,
            )?;
        }
        audit::copied(
            conn,
            now,
            &user.actor(),
            ObjectType::Company.as_str(),
            new_id,
            id,
            json!(data),
        )?;
        created.push(new_id);
    }
    Ok(created)
}

/// One field set to one value over selected companies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
#[ts(export)]
pub enum CompanyField {
    /// The same designated DPO for all (an external DPO serving a group, say).
    Dpo(DesignatedDpo),
    Country(String),
    IsProcessor(bool),
}

/// Applies the change to every selected company or to none.
pub(crate) fn mass_change(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
    field: &CompanyField,
) -> CoreResult<usize> {
    if ids.is_empty() {
        return Err(CoreError::validation(
            "selection",
            "required",
            "select at least one company",
        ));
    }
    let mut changed = 0;
    for &id in ids {
        let old = accessible(conn, user, id)?;
        let mut data = old.data.clone();
        match field {
            CompanyField::Dpo(dpo) => data.dpo = dpo.clone(),
            CompanyField::Country(country) => data.country = country.clone(),
            CompanyField::IsProcessor(flag) => data.is_processor = *flag,
        }
        let data = data.validated()?;
        if data != old.data {
            write(conn, Some(id), old.tenant_id, &data, now)?;
            audit::changed(
                conn,
                now,
                &user.actor(),
                "mass_change",
                ObjectType::Company.as_str(),
                id,
                json!(old.data),
                json!(data),
            )?;
            changed += 1;
        }
    }
    Ok(changed)
}
