//! One function per command; each returns the JSON document and its human rendering.

use dpo_desk_core::desk::installation::{self, SetupRequest};
use dpo_desk_core::store::keystore::OsKeyring;
use dpo_desk_core::store::settings::SettingKey;
use serde_json::{json, Value};

use dpo_desk_core::access::roles::{Grant, Role, RoleDefinition};
use dpo_desk_core::desk::MenuEntry;
use dpo_desk_core::CoreError;

use dpo_desk_core::access::users::{NewUser, UserAccess, UserSummary};
use dpo_desk_core::access::visibility::VisibilityRule;
use dpo_desk_core::domain::tenants::Tenant;

use crate::args::{Cli, RoleAction, RoleContents, SettingsAction, TenantAction, UserAction};
use crate::context;
use crate::error::CliError;

pub struct Output {
    pub json: Value,
    pub text: String,
}

pub fn init(cli: &Cli, office: &str, owner: &str) -> Result<Output, CliError> {
    let dir = context::data_dir(cli)?;
    let password = context::env_secret(cli.password_env.as_deref(), "--password-env")?;
    let request = SetupRequest {
        office_name: office.into(),
        owner_name: owner.into(),
        owner_password: password,
    };
    let created = installation::create(&dir, &request, &OsKeyring, context::clock(cli)?)?;
    let recovery_key = created.recovery_key.display();
    let mut text = format!(
        "Created \"{}\" in {}\nOwner: {}\n\nRecovery key (store it safely; it is shown only now):\n\n    {recovery_key}\n",
        created.desk.office_name()?,
        dir.display(),
        owner.trim()
    );
    if let Some(err) = &created.keyring_error {
        text.push_str(&format!(
            "\nThe key could not be stored in the OS keyring ({err}).\nEvery start will ask for the recovery key; the CLI takes it with --recovery-key-env VAR.\n"
        ));
    }
    Ok(Output {
        json: json!({
            "office": created.desk.office_name()?,
            "owner": owner.trim(),
            "data_dir": dir.display().to_string(),
            "installation_id": created.desk.installation_id()?,
            "recovery_key": recovery_key,
            "keyring_stored": created.keyring_error.is_none(),
            "keyring_error": created.keyring_error,
        }),
        text,
    })
}

pub fn status(cli: &Cli) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    let report = desk.status(&mut session)?;
    let backup = &report.backup;
    let level = serde_json::to_value(backup.level).expect("level serialises");
    let text = format!(
        "Office:           {}\nData folder:      {}\nSchema version:   {}\nActive users:     {}\nAudit entries:    {}\nBackup level:     {}\nBackup due:       {}\nLast downloaded:  {}\nReminder every:   {} days\n",
        report.office,
        report.data_dir,
        report.schema_version,
        report.counts.users,
        report.counts.audit_entries,
        level.as_str().unwrap_or_default(),
        backup.due_date,
        backup.last_downloaded.map(|d| d.to_string()).unwrap_or_else(|| "never".into()),
        backup.interval_days,
    );
    Ok(Output {
        json: serde_json::to_value(&report).expect("report serialises"),
        text,
    })
}

pub fn settings(cli: &Cli, action: &SettingsAction) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    match action {
        SettingsAction::Get { key } => {
            let key = SettingKey::parse(key)?;
            let value = desk.setting(&mut session, key)?;
            Ok(Output {
                json: json!({ "key": key.name(), "value": value }),
                text: format!("{value}\n"),
            })
        }
        SettingsAction::Set { key, value } => {
            let key = SettingKey::parse(key)?;
            let value = key.parse_value(value)?;
            desk.update_settings(&mut session, &[(key, value)])?;
            Ok(Output {
                json: json!({ "key": key.name(), "value": value }),
                text: format!("{} = {value}\n", key.name()),
            })
        }
    }
}

fn role_json(role: &Role) -> Value {
    json!({
        "id": role.id,
        "name": role.name,
        "grants": role.grants.iter().map(|g| g.to_string()).collect::<Vec<_>>(),
        "hidden_menus": role.hidden_menus.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
        "restrictions": role.visibility.iter().map(|v| v.to_string()).collect::<Vec<_>>(),
        "created_at": role.created_at,
    })
}

fn role_text(role: &Role) -> String {
    let grants: Vec<String> = role.grants.iter().map(|g| g.to_string()).collect();
    let hidden: Vec<&str> = role.hidden_menus.iter().map(|m| m.as_str()).collect();
    let restrictions: Vec<String> = role.visibility.iter().map(|v| v.to_string()).collect();
    let listed = |items: Vec<String>| {
        if items.is_empty() {
            "(none)".to_string()
        } else {
            items.join(", ")
        }
    };
    format!(
        "{}\n  rights:       {}\n  hidden menus: {}\n  restrictions: {}\n",
        role.name,
        listed(grants),
        listed(hidden.into_iter().map(String::from).collect()),
        listed(restrictions),
    )
}

fn role_definition(name: &str, contents: &RoleContents) -> Result<RoleDefinition, CliError> {
    let grants = contents
        .grants
        .iter()
        .map(|g| Grant::parse(g))
        .collect::<Result<Vec<_>, _>>()?;
    let hidden_menus = contents
        .hide_menus
        .iter()
        .map(|m| {
            MenuEntry::parse(m).ok_or_else(|| {
                CoreError::validation("hide_menu", "unknown", format!("unknown menu entry '{m}'"))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let visibility = contents
        .restrictions
        .iter()
        .map(|r| VisibilityRule::parse(r))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(RoleDefinition {
        name: name.to_string(),
        grants,
        hidden_menus,
        visibility,
    })
}

pub fn role(cli: &Cli, action: &RoleAction) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    match action {
        RoleAction::Add { name, contents } => {
            let role = desk.create_role(&mut session, &role_definition(name, contents)?)?;
            Ok(Output {
                json: role_json(&role),
                text: format!("Created role {}", role_text(&role)),
            })
        }
        RoleAction::Update { name, contents } => {
            let id = desk.role(&mut session, name)?.id;
            let role = desk.update_role(&mut session, id, &role_definition(name, contents)?)?;
            Ok(Output {
                json: role_json(&role),
                text: format!("Updated role {}", role_text(&role)),
            })
        }
        RoleAction::List => {
            let roles = desk.roles(&mut session)?;
            let text = if roles.is_empty() {
                "No roles defined.\n".into()
            } else {
                roles.iter().map(role_text).collect()
            };
            Ok(Output {
                json: Value::Array(roles.iter().map(role_json).collect()),
                text,
            })
        }
        RoleAction::Show { name } => {
            let role = desk.role(&mut session, name)?;
            Ok(Output {
                json: role_json(&role),
                text: role_text(&role),
            })
        }
    }
}

fn user_text(u: &UserSummary) -> String {
    let kind = if u.is_owner {
        "owner"
    } else if u.is_admin {
        "administrator"
    } else {
        "user"
    };
    let state = if !u.active {
        "deactivated".to_string()
    } else if let Some(until) = u.invitation_expires_at {
        format!(
            "invited, code valid until {}",
            until.format("%Y-%m-%d %H:%M UTC")
        )
    } else {
        "active".to_string()
    };
    format!(
        "{} ({kind}, {state})\n  roles:   {}\n  tenants: {}\n",
        u.name,
        if u.roles.is_empty() {
            "(none)".into()
        } else {
            u.roles.join(", ")
        },
        if u.tenants.is_empty() {
            "(all)".into()
        } else {
            u.tenants
                .iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        },
    )
}

pub fn user(cli: &Cli, action: &UserAction) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    match action {
        UserAction::Add {
            name,
            new_password_env,
            roles,
            tenants,
            admin,
        } => {
            let password = match new_password_env {
                Some(var) => Some(context::env_secret(Some(var), "--password-env")?),
                None => None,
            };
            let created = desk.create_user(
                &mut session,
                &NewUser {
                    name: name.clone(),
                    is_admin: *admin,
                    roles: roles.clone(),
                    tenants: tenants.clone(),
                    password,
                },
            )?;
            let mut text = format!("Created user {}", user_text(&created.user));
            if let Some(code) = &created.invitation_code {
                text.push_str(&format!(
                    "\nInvitation code (valid {} days, shown only now):\n\n    {code}\n",
                    dpo_desk_core::access::users::INVITATION_DAYS
                ));
            }
            let mut json = serde_json::to_value(&created.user).expect("user serialises");
            json["invitation_code"] = json!(created.invitation_code);
            Ok(Output { json, text })
        }
        UserAction::List => {
            let users = desk.users(&mut session)?;
            Ok(Output {
                json: serde_json::to_value(&users).expect("users serialise"),
                text: users.iter().map(user_text).collect(),
            })
        }
        UserAction::Update {
            name,
            roles,
            tenants,
        } => {
            let user = desk.update_user_access(
                &mut session,
                name,
                &UserAccess {
                    roles: roles.clone(),
                    tenants: tenants.clone(),
                },
            )?;
            Ok(Output {
                json: serde_json::to_value(&user).expect("user serialises"),
                text: format!("Updated {}", user_text(&user)),
            })
        }
        UserAction::Deactivate { name } => {
            let user = desk.deactivate_user(&mut session, name)?;
            Ok(Output {
                json: serde_json::to_value(&user).expect("user serialises"),
                text: format!("Deactivated {}", user_text(&user)),
            })
        }
    }
}

fn tenant_text(t: &Tenant) -> String {
    let mut flags = Vec::new();
    if t.is_template {
        flags.push("template");
    }
    if t.archived_at.is_some() {
        flags.push("archived");
    }
    let flags = if flags.is_empty() {
        String::new()
    } else {
        format!(" ({})", flags.join(", "))
    };
    format!("{:>5}  {}{flags}\n", t.id, t.name)
}

pub fn tenant(cli: &Cli, action: &TenantAction) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    match action {
        TenantAction::List => {
            let tenants = desk.tenants(&mut session)?;
            let text = if tenants.is_empty() {
                "No tenants.\n".into()
            } else {
                tenants.iter().map(tenant_text).collect()
            };
            Ok(Output {
                json: serde_json::to_value(&tenants).expect("tenants serialise"),
                text,
            })
        }
        TenantAction::Export { id, to } => {
            let (doc, _) = desk.export_tenant(&mut session, *id)?;
            let bytes = serde_json::to_vec_pretty(&doc).expect("document serialises");
            dpo_desk_core::services::exports::write_atomically(to, &bytes)?;
            let activities: usize = doc
                .companies
                .iter()
                .flat_map(|c| &c.areas)
                .map(|a| a.activities.len())
                .sum();
            Ok(Output {
                json: json!({ "tenant": doc.tenant.name, "file": to.display().to_string(), "companies": doc.companies.len(),
                              "activities": activities, "master_items": doc.master_items.len() }),
                text: format!(
                    "Exported \"{}\" ({} companies, {activities} activities) to {}\n",
                    doc.tenant.name,
                    doc.companies.len(),
                    to.display()
                ),
            })
        }
        TenantAction::Import { file } => {
            let bytes = std::fs::read(file).map_err(|e| dpo_desk_core::CoreError::io(file, e))?;
            let doc = dpo_desk_core::services::tenant_transfer::parse(&bytes)?;
            let tenant = desk.import_tenant(&mut session, &doc)?;
            Ok(Output {
                json: serde_json::to_value(&tenant).expect("tenant serialises"),
                text: format!("Imported tenant\n{}", tenant_text(&tenant)),
            })
        }
        TenantAction::Add {
            name,
            template,
            from_template,
        } => {
            let tenant = match from_template {
                Some(id) => desk.create_tenant_from_template(&mut session, *id, name)?,
                None => desk.create_tenant(&mut session, name, *template)?,
            };
            Ok(Output {
                json: serde_json::to_value(&tenant).expect("tenant serialises"),
                text: format!("Created tenant\n{}", tenant_text(&tenant)),
            })
        }
        TenantAction::Copy { id, name } => {
            let tenant = desk.copy_tenant(&mut session, *id, name.as_deref())?;
            Ok(Output {
                json: serde_json::to_value(&tenant).expect("tenant serialises"),
                text: format!("Copied tenant\n{}", tenant_text(&tenant)),
            })
        }
    }
}

pub fn copy_records(
    cli: &Cli,
    object: &str,
    ids: &[i64],
    targets: &[i64],
    parent: Option<i64>,
) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    let request = dpo_desk_core::services::data_copy::CopyRequest {
        object: dpo_desk_core::services::data_copy::parse_type(object)?,
        ids: ids.to_vec(),
        targets: targets.to_vec(),
        parent,
    };
    let summary = desk.copy_to_tenants(&mut session, &request)?;
    let mut text = String::new();
    for t in &summary.targets {
        text.push_str(&format!(
            "{} (tenant {}): {} created, {} reused; new ids {:?}{}\n",
            t.tenant_name,
            t.tenant_id,
            t.created.len(),
            t.reused.len(),
            t.ids,
            if t.left_out.is_empty() {
                String::new()
            } else {
                format!("; left out: {}", t.left_out.join(", "))
            }
        ));
    }
    Ok(Output {
        json: serde_json::to_value(&summary).expect("summary serialises"),
        text,
    })
}

pub fn demo(cli: &Cli, tenants: usize, activities: usize, seed: u64) -> Result<Output, CliError> {
    if tenants == 0 {
        return Err(
            CoreError::validation("tenants", "range", "--tenants must be at least 1").into(),
        );
    }
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    let started = std::time::Instant::now();
    let mut created = Vec::new();
    // On a terminal one line counts up in place; in a log or pipe every step is a line.
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    for index in 0..tenants {
        let share = activities / tenants + usize::from(index < activities % tenants);
        let doc = dpo_desk_core::services::demo::tenant(seed, index, share);
        let tenant = desk.import_tenant(&mut session, &doc)?;
        if terminal {
            eprint!("\rdemo: {}/{tenants} tenants", index + 1);
        } else {
            eprintln!("demo: {}/{tenants} tenants", index + 1);
        }
        created.push(tenant.id);
    }
    if terminal {
        eprintln!();
    }
    let secs = started.elapsed().as_secs_f64();
    Ok(Output {
        json: json!({ "tenants": created.len(), "activities": activities, "tenant_ids": created, "seconds": secs }),
        text: format!(
            "Created {} tenants with {activities} processing activities in {secs:.1} s\n",
            created.len()
        ),
    })
}
