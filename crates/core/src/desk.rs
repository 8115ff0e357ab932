//! `Desk`: an opened installation and the operations every client (GUI, CLI) calls. Each
//! operation passes the one gate, `gate`, naming itself as an `Operation`; the gate checks
//! the session and the requirement and yields the user the audit log records.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Local, NaiveDate, Utc};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use crate::accounts::{self, UserRecord};
use crate::audit::{self, Actor, AuditEntry, Change};
use crate::backup::escalation::{self, BackupLevel, EscalationInput};
use crate::clock::Clock;
use crate::error::{CoreError, CoreResult};
use crate::operations::{Operation, Requirement};
use crate::permissions::{self, ObjectType, Permission, Right};
use crate::roles::{self, Role, RoleDefinition};
use crate::activities::attachments::{self, Attachment};
use crate::activities::{self, Activity, ActivityInput, ActivityRow, MassChange};
use crate::exports::{self, ExportFile, ExportFormat};
use crate::master_data::{self, MasterField, MasterItem, MasterItemInput, MasterKind, Usage};
use crate::search::{self, SearchHit};
use crate::tenant_transfer::{self, TenantDocument};
use crate::trash::{self, TrashEntry};
use crate::areas::{self, Area, AreaField, AreaInput};
use crate::companies::{self, Company, CompanyField, CompanyInput};
use crate::tenants::{self, Tenant, TenantField, TenantSummary};
use crate::users::{self, CreatedUser, NewUser, UserAccess, UserSummary};
use crate::session::Session;
use crate::settings::{self, AppSettings, SettingKey};
use crate::store::Store;

pub(crate) const LATEST_SEEN_KEY: &str = "clock.latest_seen";

pub struct Desk {
    pub(crate) store: Store,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) data_dir: PathBuf,
}

/// Sections of the signed-in shell. Only sections the user may open are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MenuEntry {
    Dashboard,
    Companies,
    Areas,
    ProcessingActivities,
    MasterData,
    Trash,
    Backups,
    AuditLog,
    Administration,
    Settings,
    Account,
}

crate::permissions::snake_names!(MenuEntry {
    Dashboard => "dashboard", Companies => "companies", Areas => "areas", ProcessingActivities => "processing_activities",
    MasterData => "master_data", Trash => "trash", Backups => "backups",
    AuditLog => "audit_log", Administration => "administration", Settings => "settings", Account => "account",
});

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct SessionInfo {
    pub user_name: String,
    pub is_admin: bool,
    pub is_owner: bool,
    pub language: Option<String>,
    pub idle_lock_minutes: i64,
    pub menu: Vec<MenuEntry>,
    /// What the user's roles grant, so the window can hide what is not allowed (the core
    /// refuses it regardless). Administrators hold every right and get an empty list.
    pub grants: Vec<roles::Grant>,
    /// Names of the user's roles, for the header.
    pub role_names: Vec<String>,
    /// The tenants the user may open and the one they work in.
    pub tenants: Vec<Tenant>,
    pub current_tenant: Option<Tenant>,
    /// The backup reminder as it concerns this user: banner and lock screen follow it.
    pub backup: BackupNotice,
}

/// The backup escalation as one user sees it.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct BackupNotice {
    pub level: BackupLevel,
    pub due_date: NaiveDate,
    /// Whether the level concerns this user (a banner shows while it does).
    pub concerns_user: bool,
    /// Whether the user may make and save a backup (and so lift a lock).
    pub can_create: bool,
    /// Whom to ask when the user cannot: the users who may make backups.
    pub contact: String,
}

/// A dashboard tile: how many records of a type the user sees in the tenant. Without the
/// view right it shows 0 and opening it says "no permission" (SPEC §8).
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Tile {
    pub object: ObjectType,
    pub count: i64,
    pub allowed: bool,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct TenantOverview {
    pub tenant: Tenant,
    pub tiles: Vec<Tile>,
}

/// What a role can be made of, for the role editor.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RoleCatalogue {
    pub objects: Vec<ObjectType>,
    pub rights: Vec<Right>,
    pub menus: Vec<MenuEntry>,
    pub statuses: Vec<crate::activities::ActivityStatus>,
}

/// An app user who can be named as an activity's editor.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct EditorChoice {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct BackupStatus {
    pub level: BackupLevel,
    pub due_date: NaiveDate,
    pub last_downloaded: Option<NaiveDate>,
    pub interval_days: i64,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct StatusCounts {
    pub users: i64,
    pub audit_entries: i64,
}

/// `dpo-desk-cli status`: the installation at a glance.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct StatusReport {
    pub office: String,
    pub installation_id: String,
    pub installed_at: DateTime<Utc>,
    pub schema_version: i64,
    pub data_dir: String,
    pub now: DateTime<Utc>,
    pub counts: StatusCounts,
    pub backup: BackupStatus,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Dashboard {
    pub office_name: String,
    pub active_users: i64,
    pub backup: BackupStatus,
    /// `None` when the user may not view the audit log.
    pub recent_changes: Option<Vec<AuditEntry>>,
}

impl Desk {
    pub(crate) fn new(store: Store, clock: Arc<dyn Clock>, data_dir: PathBuf) -> CoreResult<Self> {
        let mut desk = Desk { store, clock, data_dir };
        let now = desk.now()?;
        crate::trash::purge(desk.store.conn_mut(), now)?;
        crate::backup::tidy(desk.store.conn(), &desk.data_dir)?;
        Ok(desk)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The current instant as the rules see it: never earlier than the latest instant the
    /// app has seen, so turning the system clock back changes nothing.
    pub fn now(&self) -> CoreResult<DateTime<Utc>> {
        let clock_now = self.clock.now();
        let conn = self.store.conn();
        let latest = settings::get_raw(conn, LATEST_SEEN_KEY)?
            .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
            .map(|d| d.with_timezone(&Utc));
        match latest {
            Some(latest) if latest >= clock_now => Ok(latest),
            _ => {
                settings::put_raw(conn, LATEST_SEEN_KEY, &clock_now.to_rfc3339())?;
                Ok(clock_now)
            }
        }
    }

    pub fn office_name(&self) -> CoreResult<String> {
        Ok(self.store.conn().query_row("SELECT name FROM office WHERE id = 1", [], |r| r.get(0))?)
    }

    pub fn installation_id(&self) -> CoreResult<String> {
        Ok(self.store.conn().query_row("SELECT installation_id FROM office WHERE id = 1", [], |r| r.get(0))?)
    }

    fn installed_at(&self) -> CoreResult<DateTime<Utc>> {
        Ok(self.store.conn().query_row("SELECT installed_at FROM office WHERE id = 1", [], |r| r.get(0))?)
    }

    // ---- sessions ------------------------------------------------------------------

    pub fn sign_in(&mut self, user_name: &str, password: &str) -> CoreResult<Session> {
        let now = self.now()?;
        let user = accounts::sign_in(self.store.conn_mut(), now, user_name, password)?;
        Ok(Session::start(user.id, user.name, now))
    }

    pub fn sign_out(&mut self, session: &Session) -> CoreResult<()> {
        let now = self.now()?;
        audit::record(self.store.conn(), now, Some(&Actor { user_id: session.user_id, user_name: session.user_name.clone() }), Change {
            action: "sign_out",
            object_type: "session",
            object_id: Some(session.user_name.clone()),
            old: None,
            new: None,
        })
    }

    /// The session check every command starts with: still within the idle time, user
    /// still active. Records the activity.
    fn authenticate(&self, session: &mut Session, operation: Operation) -> CoreResult<(UserRecord, DateTime<Utc>)> {
        let now = self.now()?;
        let idle_minutes = settings::get(self.store.conn(), SettingKey::IdleLockMinutes)?;
        if session.idle_expired(now, idle_minutes) {
            return Err(CoreError::SessionExpired { idle_minutes });
        }
        let user = accounts::by_id(self.store.conn(), session.user_id)?.ok_or(CoreError::SessionRequired)?;
        if !user.active {
            return Err(CoreError::UserDeactivated);
        }
        if operation.counts_as_activity() {
            session.last_activity = now;
        }
        Ok((user, now))
    }

    /// The permission gate: every operation names itself, and its requirement (session,
    /// right or administrator) is checked here. Rights are read from the database on every
    /// call, so a changed role applies at the next action.
    pub fn gate(&self, session: &mut Session, operation: Operation) -> CoreResult<(UserRecord, DateTime<Utc>)> {
        let (user, now) = self.authenticate(session, operation)?;
        match operation.requirement() {
            Requirement::SignedIn => {}
            Requirement::Right(permission) => {
                if !permissions::granted(self.store.conn(), &user, permission)? {
                    return Err(CoreError::PermissionDenied { object: permission.object, right: permission.right });
                }
            }
            // Users and roles are managed by administrators only, whatever roles grant.
            Requirement::Admin => {
                if !user.is_admin {
                    return Err(CoreError::AdminRequired);
                }
            }
            Requirement::Owner => {
                if !user.is_owner {
                    return Err(CoreError::OwnerRequired);
                }
            }
        }
        // Five days after a backup fell due, only making and saving one is left (SPEC §10).
        if !operation.allowed_while_locked() && self.backup_status(now)?.level == BackupLevel::Locked {
            return Err(CoreError::BackupLocked { contact: self.backup_contact()? });
        }
        Ok((user, now))
    }

    /// Keeps a session alive while the person works in the window without sending
    /// commands (typing a long text, say).
    pub fn touch(&self, session: &mut Session) -> CoreResult<()> {
        self.gate(session, Operation::TouchSession).map(|_| ())
    }

    pub fn can(&self, user: &UserRecord, object: ObjectType, right: Right) -> CoreResult<bool> {
        permissions::granted(self.store.conn(), user, Permission::new(object, right))
    }

    /// The menu: sections the user may open, less those a role hides (never for
    /// administrators, who see everything).
    pub fn session_info(&self, session: &mut Session) -> CoreResult<SessionInfo> {
        let (user, now) = self.gate(session, Operation::SessionInfo)?;
        self.describe_session(user, now)
    }

    /// The same as `session_info` for the window's periodic re-read of rights, which does
    /// not count as activity.
    pub fn refresh_session(&self, session: &mut Session) -> CoreResult<SessionInfo> {
        let (user, now) = self.gate(session, Operation::RefreshSession)?;
        self.describe_session(user, now)
    }

    fn describe_session(&self, user: UserRecord, now: DateTime<Utc>) -> CoreResult<SessionInfo> {
        let hidden = if user.is_admin { Default::default() } else { roles::hidden_menus_of(self.store.conn(), user.id)? };
        let mut menu = Vec::new();
        for entry in MenuEntry::ALL {
            // Data sections stay listed without the view right: opening them says "no
            // permission", as the tiles do. Hiding them is the role's menu setting.
            let allowed = match entry {
                MenuEntry::AuditLog => self.can(&user, ObjectType::AuditLog, Right::View)?,
                // Tools → Backups is shown to whom the role grants it (SPEC §10).
                MenuEntry::Backups => self.may_open_backups(&user)?,
                MenuEntry::Administration => user.is_admin,
                MenuEntry::Dashboard
                | MenuEntry::Companies
                | MenuEntry::Areas
                | MenuEntry::ProcessingActivities
                | MenuEntry::MasterData
                | MenuEntry::Trash
                | MenuEntry::Settings
                | MenuEntry::Account => true,
            };
            if allowed && !hidden.contains(entry.as_str()) {
                menu.push(*entry);
            }
        }
        let status = self.backup_status(now)?;
        let backup = BackupNotice {
            level: status.level,
            due_date: status.due_date,
            concerns_user: escalation::notifies(status.level, menu.contains(&MenuEntry::Backups)),
            can_create: self.can(&user, ObjectType::Backup, Right::Create)?,
            // Asked for on every refresh of the window: who to ask matters only once due.
            contact: if status.level == BackupLevel::Ok { String::new() } else { self.backup_contact()? },
        };
        Ok(SessionInfo {
            backup,
            user_name: user.name.clone(),
            is_admin: user.is_admin,
            is_owner: user.is_owner,
            language: user.language.clone(),
            idle_lock_minutes: settings::get(self.store.conn(), SettingKey::IdleLockMinutes)?,
            menu,
            grants: if user.is_admin { Vec::new() } else { roles::grants_of(self.store.conn(), user.id)? },
            role_names: users::summary(self.store.conn(), user.id)?.roles,
            tenants: tenants::visible_to(self.store.conn(), &user)?,
            current_tenant: users::current_tenant(self.store.conn(), &user)?,
        })
    }

    pub fn change_password(&mut self, session: &mut Session, current: &str, new: &str) -> CoreResult<()> {
        let (user, now) = self.gate(session, Operation::ChangePassword)?;
        accounts::change_password(self.store.conn_mut(), now, &user, current, new)
    }

    pub fn set_language(&mut self, session: &mut Session, language: &str) -> CoreResult<()> {
        let (user, now) = self.gate(session, Operation::SetLanguage)?;
        accounts::set_language(self.store.conn_mut(), now, &user, language)
    }

    // ---- settings ------------------------------------------------------------------

    pub fn settings(&self, session: &mut Session) -> CoreResult<AppSettings> {
        self.gate(session, Operation::ViewSettings)?;
        AppSettings::load(self.store.conn())
    }

    pub fn setting(&self, session: &mut Session, key: SettingKey) -> CoreResult<i64> {
        self.gate(session, Operation::ViewSettings)?;
        settings::get(self.store.conn(), key)
    }

    /// Validates every value first, then writes all of them in one transaction with one
    /// audit entry per changed value.
    pub fn update_settings(&mut self, session: &mut Session, changes: &[(SettingKey, i64)]) -> CoreResult<AppSettings> {
        let (user, now) = self.gate(session, Operation::EditSettings)?;
        for (key, value) in changes {
            key.validate(*value)?;
        }
        let tx = self.store.conn_mut().transaction()?;
        for (key, value) in changes {
            let old = settings::get(&tx, *key)?;
            if old == *value {
                continue;
            }
            settings::put(&tx, *key, *value)?;
            audit::record(&tx, now, Some(&user.actor()), Change {
                action: "update",
                object_type: ObjectType::Settings.as_str(),
                object_id: Some(key.name().to_string()),
                old: Some(json!(old)),
                new: Some(json!(value)),
            })?;
        }
        tx.commit()?;
        AppSettings::load(self.store.conn())
    }

    // ---- overview ------------------------------------------------------------------

    /// Tools → Backups is shown to whom the role grants it (SPEC §10).
    fn may_open_backups(&self, user: &UserRecord) -> CoreResult<bool> {
        Ok(self.can(user, ObjectType::Backup, Right::View)? || self.can(user, ObjectType::Backup, Right::Create)?)
    }

    /// Whether Tools → Backups is in the user's menu: the right, and no role hiding it.
    pub(crate) fn sees_backups(&self, user: &UserRecord) -> CoreResult<bool> {
        let hidden = !user.is_admin && roles::hidden_menus_of(self.store.conn(), user.id)?.contains(MenuEntry::Backups.as_str());
        Ok(!hidden && self.may_open_backups(user)?)
    }

    /// Whom a locked-out user should ask: the names of the active users who may make backups.
    fn backup_contact(&self) -> CoreResult<String> {
        let conn = self.store.conn();
        let mut names = Vec::new();
        for user in accounts::active(conn)? {
            if permissions::granted(conn, &user, Permission::new(ObjectType::Backup, Right::Create))? {
                names.push(user.name);
            }
        }
        Ok(names.join(", "))
    }

    pub(crate) fn backup_status(&self, now: DateTime<Utc>) -> CoreResult<BackupStatus> {
        let interval_days = settings::get(self.store.conn(), SettingKey::BackupIntervalDays)?;
        let local = |t: DateTime<Utc>| t.with_timezone(&Local).date_naive();
        let last_downloaded: Option<NaiveDate> = crate::backup::last_downloaded(self.store.conn())?.map(local);
        let e = escalation::evaluate(EscalationInput {
            interval_days,
            last_downloaded,
            installed_on: local(self.installed_at()?),
            today: local(now),
        });
        Ok(BackupStatus { level: e.level, due_date: e.due_date, last_downloaded, interval_days })
    }

    pub fn status(&self, session: &mut Session) -> CoreResult<StatusReport> {
        let (_, now) = self.gate(session, Operation::Status)?;
        let conn = self.store.conn();
        Ok(StatusReport {
            office: self.office_name()?,
            installation_id: self.installation_id()?,
            installed_at: self.installed_at()?,
            schema_version: self.store.schema_version()?,
            data_dir: self.data_dir.display().to_string(),
            now,
            counts: StatusCounts { users: accounts::count_active(conn)?, audit_entries: audit::count(conn)? },
            backup: self.backup_status(now)?,
        })
    }

    pub fn dashboard(&self, session: &mut Session) -> CoreResult<Dashboard> {
        let (user, now) = self.gate(session, Operation::Dashboard)?;
        let conn = self.store.conn();
        let recent_changes = if self.can(&user, ObjectType::AuditLog, Right::View)? {
            Some(audit::list(conn, 8, None)?)
        } else {
            None
        };
        Ok(Dashboard {
            office_name: self.office_name()?,
            active_users: accounts::count_active(conn)?,
            backup: self.backup_status(now)?,
            recent_changes,
        })
    }

    pub fn audit_log(&self, session: &mut Session, limit: u32, before_id: Option<i64>) -> CoreResult<Vec<AuditEntry>> {
        self.gate(session, Operation::ViewAuditLog)?;
        audit::list(self.store.conn(), limit.min(1000), before_id)
    }

    // ---- roles ---------------------------------------------------------------------

    pub fn create_role(&mut self, session: &mut Session, definition: &RoleDefinition) -> CoreResult<Role> {
        let (user, now) = self.gate(session, Operation::CreateRole)?;
        roles::create(self.store.conn_mut(), now, &user.actor(), definition)
    }

    pub fn update_role(&mut self, session: &mut Session, id: i64, definition: &RoleDefinition) -> CoreResult<Role> {
        let (user, now) = self.gate(session, Operation::UpdateRole)?;
        roles::update(self.store.conn_mut(), now, &user.actor(), id, definition)
    }

    pub fn role_catalogue(&self, session: &mut Session) -> CoreResult<RoleCatalogue> {
        self.gate(session, Operation::ListRoles)?;
        Ok(RoleCatalogue {
            objects: ObjectType::ALL.to_vec(),
            rights: Right::ALL.to_vec(),
            menus: MenuEntry::ALL.to_vec(),
            statuses: crate::activities::ActivityStatus::ALL.to_vec(),
        })
    }

    pub fn roles(&self, session: &mut Session) -> CoreResult<Vec<Role>> {
        self.gate(session, Operation::ListRoles)?;
        roles::list(self.store.conn())
    }

    pub fn role(&self, session: &mut Session, name: &str) -> CoreResult<Role> {
        self.gate(session, Operation::ShowRole)?;
        roles::by_name(self.store.conn(), name)?
            .ok_or_else(|| CoreError::validation("role_name", "unknown", format!("no role named '{}'", name.trim())))
    }

    // ---- tenants -------------------------------------------------------------------

    pub fn create_tenant(&mut self, session: &mut Session, name: &str, is_template: bool) -> CoreResult<Tenant> {
        let (user, now) = self.gate(session, Operation::CreateTenant)?;
        tenants::create(self.store.conn_mut(), now, &user, name, is_template)
    }

    /// The tenants the user may open (all for administrators).
    pub fn tenants(&self, session: &mut Session) -> CoreResult<Vec<Tenant>> {
        let (user, _) = self.gate(session, Operation::ListTenants)?;
        tenants::visible_to(self.store.conn(), &user)
    }

    pub fn set_current_tenant(&mut self, session: &mut Session, tenant_id: i64) -> CoreResult<Tenant> {
        let (user, _) = self.gate(session, Operation::SetCurrentTenant)?;
        users::set_current_tenant(self.store.conn(), &user, tenant_id)
    }

    /// The tiles of a tenant: counts of what the user may see, 0 where they may not view.
    pub fn tenant_overview(&self, session: &mut Session, tenant_id: i64) -> CoreResult<TenantOverview> {
        let (user, _) = self.gate(session, Operation::TenantOverview)?;
        let conn = self.store.conn();
        let tenant = tenants::accessible(conn, &user, tenant_id)?;
        let master_counts = master_data::counts(conn, tenant_id)?;
        let mut tiles = Vec::new();
        let objects = [ObjectType::Company, ObjectType::Area, ObjectType::ProcessingActivity]
            .into_iter()
            .chain(MasterKind::ALL.iter().map(|k| k.object()));
        for object in objects {
            let allowed = self.can(&user, object, Right::View)?;
            let count = match (allowed, object) {
                (false, _) => 0,
                (true, ObjectType::Company) => companies::count(conn, tenant_id)?,
                (true, ObjectType::Area) => areas::count(conn, &user, tenant_id)?,
                (true, ObjectType::ProcessingActivity) => activities::count(conn, &user, tenant_id)?,
                (true, other) => master_counts.get(other.as_str()).copied().unwrap_or(0),
            };
            tiles.push(Tile { object, count, allowed });
        }
        Ok(TenantOverview { tenant, tiles })
    }

    // ---- companies and areas ---------------------------------------------------------

    pub fn companies(&self, session: &mut Session, tenant_id: i64) -> CoreResult<Vec<Company>> {
        let (user, _) = self.gate(session, Operation::ListCompanies)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        companies::list(self.store.conn(), tenant_id)
    }

    pub fn create_company(&mut self, session: &mut Session, tenant_id: i64, input: &CompanyInput) -> CoreResult<Company> {
        let (user, now) = self.gate(session, Operation::CreateCompany)?;
        companies::create(self.store.conn_mut(), now, &user, tenant_id, input)
    }

    pub fn update_company(&mut self, session: &mut Session, id: i64, input: &CompanyInput) -> CoreResult<Company> {
        let (user, now) = self.gate(session, Operation::UpdateCompany)?;
        companies::update(self.store.conn_mut(), now, &user, id, input)
    }

    pub fn areas(&self, session: &mut Session, tenant_id: i64) -> CoreResult<Vec<Area>> {
        let (user, _) = self.gate(session, Operation::ListAreas)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        areas::list(self.store.conn(), &user, tenant_id)
    }

    pub fn create_area(&mut self, session: &mut Session, input: &AreaInput) -> CoreResult<Area> {
        let (user, now) = self.gate(session, Operation::CreateArea)?;
        areas::create(self.store.conn_mut(), now, &user, input)
    }

    // ---- processing activities ---------------------------------------------------------

    pub fn activities(&self, session: &mut Session, tenant_id: i64, search: Option<&str>) -> CoreResult<Vec<ActivityRow>> {
        let (user, _) = self.gate(session, Operation::ListActivities)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        activities::list(self.store.conn(), &user, tenant_id, search)
    }

    /// The full records with their links (the command line's `activity list`).
    pub fn activity_records(&self, session: &mut Session, tenant_id: i64, search: Option<&str>) -> CoreResult<Vec<Activity>> {
        let (user, _) = self.gate(session, Operation::ListActivities)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        activities::full_list(self.store.conn(), &user, tenant_id, search)
    }

    pub fn activity(&self, session: &mut Session, id: i64) -> CoreResult<Activity> {
        let (user, _) = self.gate(session, Operation::ShowActivity)?;
        activities::visible_by_id(self.store.conn(), &user, id)
    }

    /// Active users who may open the tenant: the choices for an activity's editor.
    pub fn editors(&self, session: &mut Session, tenant_id: i64) -> CoreResult<Vec<EditorChoice>> {
        let (user, _) = self.gate(session, Operation::ListEditors)?;
        let conn = self.store.conn();
        tenants::accessible(conn, &user, tenant_id)?;
        let mut stmt = conn.prepare_cached(
            "SELECT id, name FROM users u WHERE active AND (is_admin OR EXISTS(
                 SELECT 1 FROM user_tenants ut WHERE ut.user_id = u.id AND ut.tenant_id = ?1))
             ORDER BY name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([tenant_id], |r| Ok(EditorChoice { id: r.get(0)?, name: r.get(1)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn create_activity(&mut self, session: &mut Session, input: &ActivityInput) -> CoreResult<Activity> {
        let (user, now) = self.gate(session, Operation::CreateActivity)?;
        activities::create(self.store.conn_mut(), now, &user, input)
    }

    pub fn update_activity(&mut self, session: &mut Session, id: i64, input: &ActivityInput) -> CoreResult<Activity> {
        let (user, now) = self.gate(session, Operation::UpdateActivity)?;
        activities::update(self.store.conn_mut(), now, &user, id, input)
    }

    pub fn attachments(&self, session: &mut Session, activity_id: i64) -> CoreResult<Vec<Attachment>> {
        let (user, _) = self.gate(session, Operation::ListAttachments)?;
        attachments::list(self.store.conn(), &user, activity_id)
    }

    /// The attachment's file name and bytes.
    pub fn attachment_content(&self, session: &mut Session, id: i64) -> CoreResult<(String, Vec<u8>)> {
        let (user, _) = self.gate(session, Operation::ListAttachments)?;
        attachments::content(self.store.conn(), &user, id)
    }

    pub fn add_attachment(&mut self, session: &mut Session, activity_id: i64, file_name: &str, content: &[u8]) -> CoreResult<Attachment> {
        let (user, now) = self.gate(session, Operation::AddAttachment)?;
        attachments::add(self.store.conn_mut(), now, &user, activity_id, file_name, content)
    }

    pub fn remove_attachment(&mut self, session: &mut Session, id: i64) -> CoreResult<()> {
        let (user, now) = self.gate(session, Operation::RemoveAttachment)?;
        attachments::remove(self.store.conn_mut(), now, &user, id)
    }

    pub fn delete_activities(&mut self, session: &mut Session, ids: &[i64]) -> CoreResult<Vec<i64>> {
        let (user, now) = self.gate(session, Operation::DeleteActivities)?;
        activities::delete(self.store.conn_mut(), now, &user, ids)
    }

    /// Copies within the tenant; `suffix` (e.g. " (copy)") is added to each name.
    pub fn copy_activities(&mut self, session: &mut Session, ids: &[i64], suffix: &str) -> CoreResult<Vec<i64>> {
        let (user, now) = self.gate(session, Operation::CopyActivities)?;
        activities::copy(self.store.conn_mut(), now, &user, ids, suffix)
    }

    pub fn mass_change_activities(&mut self, session: &mut Session, change: &MassChange) -> CoreResult<usize> {
        let (user, now) = self.gate(session, Operation::MassChangeActivities)?;
        activities::mass_change(self.store.conn_mut(), now, &user, change)
    }

    /// The tenant's activities the user sees (optionally only the selected ones or those
    /// matching a search) as CSV or JSON.
    pub fn export_activities(
        &self,
        session: &mut Session,
        tenant_id: i64,
        search: Option<&str>,
        only: Option<&[i64]>,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportActivities)?;
        let conn = self.store.conn();
        let tenant = tenants::accessible(conn, &user, tenant_id)?;
        let mut list = activities::full_list(conn, &user, tenant_id, search)?;
        if let Some(ids) = only {
            list.retain(|a| ids.contains(&a.id));
        }
        let language = user.language.as_deref().unwrap_or("en");
        Ok(ExportFile {
            suggested_name: export_name(&tenant.name, if language == "de" { "Verarbeitungen" } else { "processing-activities" }, now, format),
            bytes: exports::activities(&list, format, language)?,
        })
    }

    // ---- master data ------------------------------------------------------------------

    pub fn master_items(&self, session: &mut Session, tenant_id: i64, kind: MasterKind) -> CoreResult<Vec<MasterItem>> {
        let (user, _) = self.gate(session, Operation::ListMasterItems(kind))?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        master_data::list(self.store.conn(), tenant_id, kind)
    }

    pub fn create_master_item(&mut self, session: &mut Session, tenant_id: i64, input: &MasterItemInput) -> CoreResult<MasterItem> {
        let (user, now) = self.gate(session, Operation::CreateMasterItem(input.kind))?;
        master_data::create(self.store.conn_mut(), now, &user, tenant_id, input)
    }

    pub fn update_master_item(&mut self, session: &mut Session, id: i64, input: &MasterItemInput) -> CoreResult<MasterItem> {
        let (user, now) = self.gate(session, Operation::UpdateMasterItem(input.kind))?;
        master_data::update(self.store.conn_mut(), now, &user, id, input)
    }

    /// Refused with the list of activities while the item is in use.
    pub fn delete_master_item(&mut self, session: &mut Session, kind: MasterKind, id: i64) -> CoreResult<i64> {
        Ok(self.delete_master_items(session, kind, &[id])?[0])
    }

    /// All or none; refused with the activities using them while any is in use.
    pub fn delete_master_items(&mut self, session: &mut Session, kind: MasterKind, ids: &[i64]) -> CoreResult<Vec<i64>> {
        let (user, now) = self.gate(session, Operation::DeleteMasterItem(kind))?;
        master_data::delete(self.store.conn_mut(), now, &user, kind, ids)
    }

    pub fn copy_master_items(&mut self, session: &mut Session, kind: MasterKind, ids: &[i64], suffix: &str) -> CoreResult<Vec<i64>> {
        let (user, now) = self.gate(session, Operation::CopyMasterItems(kind))?;
        master_data::copy(self.store.conn_mut(), now, &user, kind, ids, suffix)
    }

    pub fn mass_change_master_items(&mut self, session: &mut Session, kind: MasterKind, ids: &[i64], field: &MasterField) -> CoreResult<usize> {
        let (user, now) = self.gate(session, Operation::MassChangeMasterItems(kind))?;
        master_data::mass_change(self.store.conn_mut(), now, &user, kind, ids, field)
    }

    pub fn export_master_items(&self, session: &mut Session, tenant_id: i64, kind: MasterKind, format: ExportFormat) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportMasterItems(kind))?;
        let tenant = tenants::accessible(self.store.conn(), &user, tenant_id)?;
        let list = master_data::list(self.store.conn(), tenant_id, kind)?;
        let language = user.language.as_deref().unwrap_or("en");
        Ok(ExportFile { suggested_name: export_name(&tenant.name, kind.as_str(), now, format), bytes: exports::master_items(&list, format, language)? })
    }

    pub fn master_item_usages(&self, session: &mut Session, kind: MasterKind, id: i64) -> CoreResult<Vec<Usage>> {
        let (user, _) = self.gate(session, Operation::ListMasterItems(kind))?;
        master_data::accessible(self.store.conn(), &user, id, kind)?;
        master_data::usages(self.store.conn(), id)
    }

    // ---- search, trash ----------------------------------------------------------------

    /// Full-text search over the tenant's records the user may see.
    pub fn search(&self, session: &mut Session, tenant_id: i64, text: &str) -> CoreResult<Vec<SearchHit>> {
        let (user, _) = self.gate(session, Operation::Search)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        search::run(self.store.conn(), &user, tenant_id, text)
    }

    pub fn trash(&self, session: &mut Session) -> CoreResult<Vec<TrashEntry>> {
        let (user, _) = self.gate(session, Operation::ListTrash)?;
        trash::list(self.store.conn(), &user)
    }

    /// Restoring needs the delete right of what is restored.
    pub fn restore_from_trash(&mut self, session: &mut Session, id: i64) -> CoreResult<TrashEntry> {
        let (user, _) = self.gate(session, Operation::ListTrash)?;
        let entry = trash::restorable(self.store.conn(), &user, id)?;
        let object = ObjectType::parse(&entry.object_type).ok_or_else(|| CoreError::Corrupt(format!("trash entry {id}")))?;
        let (user, now) = self.gate(session, Operation::RestoreFromTrash(object))?;
        trash::restore(self.store.conn_mut(), now, &user, id)
    }

    // ---- tenants in full --------------------------------------------------------------

    pub fn update_tenant(&mut self, session: &mut Session, id: i64, name: &str, is_template: bool) -> CoreResult<Tenant> {
        let (user, now) = self.gate(session, Operation::UpdateTenant)?;
        tenants::update(self.store.conn_mut(), now, &user, id, name, is_template)
    }

    pub fn set_tenant_archived(&mut self, session: &mut Session, id: i64, archived: bool) -> CoreResult<Tenant> {
        let (user, now) = self.gate(session, Operation::UpdateTenant)?;
        tenants::set_archived(self.store.conn_mut(), now, &user, id, archived)
    }

    pub fn delete_tenant(&mut self, session: &mut Session, id: i64) -> CoreResult<i64> {
        let (user, now) = self.gate(session, Operation::DeleteTenant)?;
        tenants::delete(self.store.conn_mut(), now, &user, id)
    }

    pub fn delete_company(&mut self, session: &mut Session, id: i64) -> CoreResult<i64> {
        Ok(self.delete_companies(session, &[id])?[0])
    }

    pub fn delete_companies(&mut self, session: &mut Session, ids: &[i64]) -> CoreResult<Vec<i64>> {
        let (user, now) = self.gate(session, Operation::DeleteCompany)?;
        companies::delete(self.store.conn_mut(), now, &user, ids)
    }

    /// Copies with their areas and activities; `suffix` is added to each name.
    pub fn copy_companies(&mut self, session: &mut Session, ids: &[i64], suffix: &str) -> CoreResult<Vec<i64>> {
        let (user, now) = self.gate(session, Operation::CopyCompanies)?;
        companies::copy(self.store.conn_mut(), now, &user, ids, suffix)
    }

    pub fn mass_change_companies(&mut self, session: &mut Session, ids: &[i64], field: &CompanyField) -> CoreResult<usize> {
        let (user, now) = self.gate(session, Operation::MassChangeCompanies)?;
        companies::mass_change(self.store.conn_mut(), now, &user, ids, field)
    }

    pub fn export_companies(&self, session: &mut Session, tenant_id: i64, format: ExportFormat) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportCompanies)?;
        let tenant = tenants::accessible(self.store.conn(), &user, tenant_id)?;
        let list = companies::list(self.store.conn(), tenant_id)?;
        let language = user.language.as_deref().unwrap_or("en");
        let what = if language == "de" { "Firmen" } else { "companies" };
        Ok(ExportFile { suggested_name: export_name(&tenant.name, what, now, format), bytes: exports::companies(&list, format, language)? })
    }

    pub fn delete_area(&mut self, session: &mut Session, id: i64) -> CoreResult<i64> {
        Ok(self.delete_areas(session, &[id])?[0])
    }

    pub fn delete_areas(&mut self, session: &mut Session, ids: &[i64]) -> CoreResult<Vec<i64>> {
        let (user, now) = self.gate(session, Operation::DeleteArea)?;
        areas::delete(self.store.conn_mut(), now, &user, ids)
    }

    pub fn update_area(&mut self, session: &mut Session, id: i64, input: &AreaInput) -> CoreResult<Area> {
        let (user, now) = self.gate(session, Operation::UpdateArea)?;
        areas::update(self.store.conn_mut(), now, &user, id, input)
    }

    pub fn copy_areas(&mut self, session: &mut Session, ids: &[i64], suffix: &str) -> CoreResult<Vec<i64>> {
        let (user, now) = self.gate(session, Operation::CopyAreas)?;
        areas::copy(self.store.conn_mut(), now, &user, ids, suffix)
    }

    pub fn mass_change_areas(&mut self, session: &mut Session, ids: &[i64], field: &AreaField) -> CoreResult<usize> {
        let (user, now) = self.gate(session, Operation::MassChangeAreas)?;
        areas::mass_change(self.store.conn_mut(), now, &user, ids, field)
    }

    pub fn export_areas(&self, session: &mut Session, tenant_id: i64, format: ExportFormat) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportAreas)?;
        let tenant = tenants::accessible(self.store.conn(), &user, tenant_id)?;
        let list = areas::list(self.store.conn(), &user, tenant_id)?;
        let language = user.language.as_deref().unwrap_or("en");
        let what = if language == "de" { "Bereiche" } else { "areas" };
        Ok(ExportFile { suggested_name: export_name(&tenant.name, what, now, format), bytes: exports::areas(&list, format, language)? })
    }

    /// The tenants the user may open, with how many companies and (visible) activities each holds.
    pub fn tenant_summaries(&self, session: &mut Session) -> CoreResult<Vec<TenantSummary>> {
        let (user, _) = self.gate(session, Operation::ListTenants)?;
        tenants::summaries(self.store.conn(), &user)
    }

    pub fn mass_change_tenants(&mut self, session: &mut Session, ids: &[i64], field: TenantField) -> CoreResult<usize> {
        let (user, now) = self.gate(session, Operation::MassChangeTenants)?;
        tenants::mass_change(self.store.conn_mut(), now, &user, ids, field)
    }

    pub fn export_tenant_list(&self, session: &mut Session, format: ExportFormat) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportTenantList)?;
        let list = tenants::summaries(self.store.conn(), &user)?;
        let language = user.language.as_deref().unwrap_or("en");
        let what = if language == "de" { "Mandanten" } else { "tenants" };
        Ok(ExportFile { suggested_name: export_name(&self.office_name()?, what, now, format), bytes: exports::tenants(&list, format, language)? })
    }

    pub fn export_tenant(&self, session: &mut Session, id: i64) -> CoreResult<(TenantDocument, String)> {
        let (user, now) = self.gate(session, Operation::ExportTenant)?;
        let tenant = tenants::accessible(self.store.conn(), &user, id)?;
        let doc = tenant_transfer::export(self.store.conn(), &tenant)?;
        Ok((doc, export_name(&tenant.name, "tenant", now, ExportFormat::Json)))
    }

    pub fn import_tenant(&mut self, session: &mut Session, doc: &TenantDocument) -> CoreResult<Tenant> {
        let (user, now) = self.gate(session, Operation::ImportTenant)?;
        tenant_transfer::import(self.store.conn_mut(), now, &user, doc)
    }

    // ---- users ---------------------------------------------------------------------

    pub fn create_user(&mut self, session: &mut Session, new: &NewUser) -> CoreResult<CreatedUser> {
        let (admin, now) = self.gate(session, Operation::CreateUser)?;
        users::create(self.store.conn_mut(), now, &admin, new)
    }

    pub fn users(&self, session: &mut Session) -> CoreResult<Vec<UserSummary>> {
        self.gate(session, Operation::ListUsers)?;
        users::list(self.store.conn())
    }

    pub fn update_user_access(&mut self, session: &mut Session, name: &str, access: &UserAccess) -> CoreResult<UserSummary> {
        let (admin, now) = self.gate(session, Operation::UpdateUserAccess)?;
        users::update_access(self.store.conn_mut(), now, &admin, name, access)
    }

    pub fn deactivate_user(&mut self, session: &mut Session, name: &str) -> CoreResult<UserSummary> {
        let (admin, now) = self.gate(session, Operation::DeactivateUser)?;
        users::deactivate(self.store.conn_mut(), now, &admin, name)
    }

    /// First sign-in with an invitation code: sets the password and starts a session.
    pub fn accept_invitation(&mut self, user_name: &str, code: &str, new_password: &str) -> CoreResult<Session> {
        let now = self.now()?;
        let user = users::accept_invitation(self.store.conn_mut(), now, user_name, code, new_password)?;
        Ok(Session::start(user.id, user.name, now))
    }
}

/// "Bäckerei Schmidt GmbH – processing-activities – 2026-03-02.csv", safe on every OS.
fn export_name(tenant: &str, what: &str, now: DateTime<Utc>, format: ExportFormat) -> String {
    let clean: String = tenant.chars().map(|c| if r#"\/:*?"<>|"#.contains(c) { '_' } else { c }).collect();
    format!("{} – {} – {}.{}", clean.trim(), what, now.with_timezone(&Local).date_naive(), format.extension())
}
