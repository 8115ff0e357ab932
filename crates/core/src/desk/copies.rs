//! Copies between tenants: a tenant 1:1, a new tenant from a template, selected records into
//! other tenants. One line per operation: the gate, then the service.

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::Desk;
use crate::domain::tenants::Tenant;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::text::{with, Language};
use crate::services::data_copy::{self, CopyRequest, CopySummary};
use crate::services::tenant_copy::{self, CopyOf};

impl Desk {
    /// A 1:1 copy (administrators): named `name`, or "<name> (copy)".
    pub fn copy_tenant(
        &mut self,
        session: &mut Session,
        id: i64,
        name: Option<&str>,
    ) -> CoreResult<Tenant> {
        self.write(session, Operation::CopyTenant, |conn, user, now| {
            let source = crate::domain::tenants::accessible(conn, user, id)?;
            let language = Language::of(user.language.as_deref());
            let name = match name.map(str::trim).filter(|n| !n.is_empty()) {
                Some(name) => name.to_string(),
                None => with(language, "tenant-copy-name", &[("name", &source.name)]),
            };
            let name = CoreError::required_name("tenant_name", &name, 200, "a tenant")?;
            tenant_copy::copy(conn, now, user, id, &name, CopyOf::Tenant)
        })
    }

    /// A new client from a template tenant: everything of the template, not a template.
    pub fn create_tenant_from_template(
        &mut self,
        session: &mut Session,
        template_id: i64,
        name: &str,
    ) -> CoreResult<Tenant> {
        self.write(session, Operation::CreateFromTemplate, |conn, user, now| {
            let template = crate::domain::tenants::accessible(conn, user, template_id)?;
            if !template.is_template {
                return Err(CoreError::validation(
                    "template",
                    "not_template",
                    format!("'{}' is not a template tenant", template.name),
                ));
            }
            let name = CoreError::required_name("tenant_name", name, 200, "a tenant")?;
            tenant_copy::copy(conn, now, user, template_id, &name, CopyOf::Template)
        })
    }

    /// Selected records into other tenants the user may open, all or nothing.
    pub fn copy_to_tenants(
        &mut self,
        session: &mut Session,
        request: &CopyRequest,
    ) -> CoreResult<CopySummary> {
        self.write(
            session,
            Operation::CopyToTenants(request.object),
            |conn, user, now| data_copy::copy(conn, now, user, request),
        )
    }
}
