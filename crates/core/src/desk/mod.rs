//! `Desk`: an opened installation and the operations every client (GUI, CLI) calls. Each
//! operation passes the one gate, `gate`, naming itself as an `Operation`; the gate checks
//! the session and the requirement and yields the user the audit log records.

mod activities;
mod admin;
mod areas;
pub mod backups;
mod breaches;
pub mod client;
mod companies;
mod courses;
mod deadlines;
mod documents;
mod history;
pub mod installation;
mod master_data;
mod processor_agreements;
mod register_files;
mod reports;
mod requests;
mod search_and_trash;
mod tenants;
mod toms;
mod website_texts;
pub use toms::{DueReviews, TomDetail};
pub use website_texts::{ImprintDraft, PolicyActivity, PrivacyPolicyDraft};
mod copies;
mod dpias;
pub use dpias::{DpiaCheckForm, DpiaOverview, DueDpiaReview};

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Local, NaiveDate, Utc};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use crate::access::accounts::{self, UserRecord};
use crate::access::operations::{Operation, Requirement};
use crate::access::roles::{self};
use crate::access::session::Session;
use crate::access::users::{self};
use crate::domain::descriptor::Descriptor;
use crate::domain::registry::DOMAINS;
use crate::domain::tenants::Tenant;
use crate::kernel::clock::Clock;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::export::file_name_part;
use crate::kernel::text::{text, Language};
use crate::kernel::vocabulary::{ObjectType, Permission, Right};
use crate::services::audit_log::{self, AuditChoices, AuditFilter, AuditLine};
use crate::services::backup::escalation::{self, BackupLevel, EscalationInput};
use crate::services::exports::{ExportFile, ExportFormat};
use crate::store::audit::{self, Actor, AuditEntry, Change};
use crate::store::settings::{self, AppSettings, SettingKey};
use crate::store::Store;

pub(crate) const LATEST_SEEN_KEY: &str = "clock.latest_seen";

pub struct Desk {
    pub(crate) store: Store,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) data_dir: PathBuf,
}

pub use crate::kernel::vocabulary::MenuEntry;

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct SessionInfo {
    /// The instant as the core's clock shows it (the window's defaults, e.g. a breach's
    /// discovery, follow it rather than the machine's clock).
    pub now: DateTime<Utc>,
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
    pub statuses: Vec<crate::domain::activities::ActivityStatus>,
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
    pub recent_changes: Option<Vec<AuditLine>>,
}

impl Desk {
    pub(crate) fn new(store: Store, clock: Arc<dyn Clock>, data_dir: PathBuf) -> CoreResult<Self> {
        let mut desk = Desk {
            store,
            clock,
            data_dir,
        };
        let now = desk.now()?;
        crate::services::trash::purge(desk.store.conn_mut(), now)?;
        {
            let tx = desk.store.conn_mut().transaction()?;
            crate::domain::toms::catalogue::seed_missing(&tx, now)?;
            crate::domain::dpias::must_list::seed_once(&tx, now)?;
            tx.commit()?;
        }
        crate::services::backup::tidy(desk.store.conn(), &desk.data_dir)?;
        Ok(desk)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The raw store, for tests that must reach below the operations (a damaged row, a
    /// schema from the future). No client gets it: every change goes through the gate.
    #[cfg(feature = "test-support")]
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
        Ok(self
            .store
            .conn()
            .query_row("SELECT name FROM office WHERE id = 1", [], |r| r.get(0))?)
    }

    pub fn installation_id(&self) -> CoreResult<String> {
        Ok(self.store.conn().query_row(
            "SELECT installation_id FROM office WHERE id = 1",
            [],
            |r| r.get(0),
        )?)
    }

    pub(crate) fn installed_at(&self) -> CoreResult<DateTime<Utc>> {
        Ok(self.store.conn().query_row(
            "SELECT installed_at FROM office WHERE id = 1",
            [],
            |r| r.get(0),
        )?)
    }

    /// Names the cause of a failed write a person can act on (a full disk, a read-only
    /// place) instead of SQLite's plain "disk I/O error"; the shell applies it to every
    /// command's error.
    pub fn explain(&self, error: CoreError) -> CoreError {
        self.store.explain(error)
    }

    pub fn sign_in(&mut self, user_name: &str, password: &str) -> CoreResult<Session> {
        let now = self.now()?;
        let user = accounts::sign_in(self.store.conn_mut(), now, user_name, password)
            .map_err(|e| self.store.explain(e))?;
        Ok(Session::start(user.id, user.name, now))
    }

    pub fn sign_out(&mut self, session: &Session) -> CoreResult<()> {
        let now = self.now()?;
        audit::record(
            self.store.conn(),
            now,
            Some(&Actor {
                user_id: session.user_id(),
                user_name: session.user_name().to_string(),
            }),
            Change {
                action: "sign_out",
                object_type: "session",
                object_id: Some(session.user_name().to_string()),
                old: None,
                new: None,
            },
        )
    }

    /// The session check every command starts with: still within the idle time, user
    /// still active. Records the activity.
    pub(crate) fn authenticate(
        &self,
        session: &mut Session,
        operation: Operation,
    ) -> CoreResult<(UserRecord, DateTime<Utc>)> {
        let now = self.now()?;
        let idle_minutes = settings::get(self.store.conn(), SettingKey::IdleLockMinutes)?;
        if session.idle_expired(now, idle_minutes) {
            return Err(CoreError::SessionExpired { idle_minutes });
        }
        let user = accounts::by_id(self.store.conn(), session.user_id())?
            .ok_or(CoreError::SessionRequired)?;
        if !user.active {
            return Err(CoreError::UserDeactivated);
        }
        if operation.counts_as_activity() {
            session.record_activity(now);
        }
        Ok((user, now))
    }

    /// The permission gate: every operation names itself, and its requirement (session,
    /// right or administrator) is checked here. Rights are read from the database on every
    /// call, so a changed role applies at the next action.
    pub fn gate(
        &self,
        session: &mut Session,
        operation: Operation,
    ) -> CoreResult<(UserRecord, DateTime<Utc>)> {
        let (user, now) = self.authenticate(session, operation)?;
        match operation.requirement() {
            Requirement::SignedIn => {}
            Requirement::Right(permission) => {
                if !crate::access::permissions::granted(self.store.conn(), &user, permission)? {
                    return Err(CoreError::PermissionDenied {
                        object: permission.object,
                        right: permission.right,
                    });
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
        if !operation.allowed_while_locked()
            && self.backup_status(now)?.level == BackupLevel::Locked
        {
            return Err(CoreError::BackupLocked {
                contact: self.backup_contact()?,
            });
        }
        Ok((user, now))
    }

    /// The shape of every changing operation: the gate, then the domain function inside one
    /// transaction that commits when it returns `Ok` and rolls back otherwise, so an
    /// operation changes all or nothing and domain functions never decide the boundary.
    pub(crate) fn write<T>(
        &mut self,
        session: &mut Session,
        operation: Operation,
        f: impl FnOnce(&rusqlite::Connection, &UserRecord, DateTime<Utc>) -> CoreResult<T>,
    ) -> CoreResult<T> {
        let (user, now) = self.gate(session, operation)?;
        let written = (|| {
            let tx = self.store.conn_mut().transaction()?;
            let value = f(&tx, &user, now)?;
            tx.commit()?;
            Ok(value)
        })();
        written.map_err(|e| self.store.explain(e))
    }

    /// Keeps a session alive while the person works in the window without sending
    /// commands (typing a long text, say).
    pub fn touch(&self, session: &mut Session) -> CoreResult<()> {
        self.gate(session, Operation::TouchSession).map(|_| ())
    }

    pub fn can(&self, user: &UserRecord, object: ObjectType, right: Right) -> CoreResult<bool> {
        crate::access::permissions::granted(self.store.conn(), user, Permission::new(object, right))
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

    pub(crate) fn describe_session(
        &self,
        user: UserRecord,
        now: DateTime<Utc>,
    ) -> CoreResult<SessionInfo> {
        let hidden = if user.is_admin {
            Default::default()
        } else {
            roles::hidden_menus_of(self.store.conn(), user.id)?
        };
        let mut menu = Vec::new();
        for entry in MenuEntry::ALL {
            // Data sections stay listed without the view right: opening them says "no
            // permission", as the tiles do. Hiding them is the role's menu setting.
            let allowed = match entry {
                MenuEntry::AuditLog => self.can(&user, ObjectType::AuditLog, Right::View)?,
                // Tools → Backups is shown to whom the role grants it (SPEC §10).
                MenuEntry::Backups => self.may_open_backups(&user)?,
                MenuEntry::Administration => user.is_admin,
                // Reports are printing: shown to whom a role lets print one of them.
                MenuEntry::Reports => {
                    self.can(&user, ObjectType::ProcessingActivity, Right::Print)?
                        || self.can(&user, ObjectType::Tom, Right::Print)?
                        || self.can(&user, ObjectType::Dpia, Right::Print)?
                }
                MenuEntry::Dashboard
                | MenuEntry::Deadlines
                | MenuEntry::Requests
                | MenuEntry::Breaches
                | MenuEntry::ProcessorAgreements
                | MenuEntry::Documents
                | MenuEntry::Courses
                | MenuEntry::MyCourses
                | MenuEntry::Companies
                | MenuEntry::Areas
                | MenuEntry::ProcessingActivities
                | MenuEntry::MasterData
                | MenuEntry::Toms
                | MenuEntry::Dpias
                | MenuEntry::WebsiteTexts
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
            contact: if status.level == BackupLevel::Ok {
                String::new()
            } else {
                self.backup_contact()?
            },
        };
        Ok(SessionInfo {
            now,
            backup,
            user_name: user.name.clone(),
            is_admin: user.is_admin,
            is_owner: user.is_owner,
            language: user.language.clone(),
            idle_lock_minutes: settings::get(self.store.conn(), SettingKey::IdleLockMinutes)?,
            menu,
            grants: if user.is_admin {
                Vec::new()
            } else {
                roles::grants_of(self.store.conn(), user.id)?
            },
            role_names: users::summary(self.store.conn(), user.id)?.roles,
            tenants: crate::domain::tenants::visible_to(self.store.conn(), &user)?,
            current_tenant: crate::domain::tenants::current(self.store.conn(), &user)?,
        })
    }

    pub fn change_password(
        &mut self,
        session: &mut Session,
        current: &str,
        new: &str,
    ) -> CoreResult<()> {
        self.write(session, Operation::ChangePassword, |conn, user, now| {
            accounts::change_password(conn, now, user, current, new)
        })
    }

    pub fn set_language(&mut self, session: &mut Session, language: &str) -> CoreResult<()> {
        self.write(session, Operation::SetLanguage, |conn, user, now| {
            accounts::set_language(conn, now, user, language)
        })
    }

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
    pub fn update_settings(
        &mut self,
        session: &mut Session,
        changes: &[(SettingKey, i64)],
    ) -> CoreResult<AppSettings> {
        for (key, value) in changes {
            key.validate(*value)?;
        }
        self.write(session, Operation::EditSettings, |tx, user, now| {
            for (key, value) in changes {
                let old = settings::get(tx, *key)?;
                if old == *value {
                    continue;
                }
                settings::put(tx, *key, *value)?;
                audit::record(
                    tx,
                    now,
                    Some(&user.actor()),
                    Change {
                        action: "update",
                        object_type: ObjectType::Settings.as_str(),
                        object_id: Some(key.name().to_string()),
                        old: Some(json!(old)),
                        new: Some(json!(value)),
                    },
                )?;
            }
            AppSettings::load(tx)
        })
    }

    /// Tools → Backups is shown to whom the role grants it (SPEC §10).
    pub(crate) fn may_open_backups(&self, user: &UserRecord) -> CoreResult<bool> {
        Ok(self.can(user, ObjectType::Backup, Right::View)?
            || self.can(user, ObjectType::Backup, Right::Create)?)
    }

    /// Whether Tools → Backups is in the user's menu: the right, and no role hiding it.
    pub(crate) fn sees_backups(&self, user: &UserRecord) -> CoreResult<bool> {
        let hidden = !user.is_admin
            && roles::hidden_menus_of(self.store.conn(), user.id)?
                .contains(MenuEntry::Backups.as_str());
        Ok(!hidden && self.may_open_backups(user)?)
    }

    /// Whom a locked-out user should ask: the names of the active users who may make backups.
    pub(crate) fn backup_contact(&self) -> CoreResult<String> {
        let conn = self.store.conn();
        let mut names = Vec::new();
        for user in accounts::active(conn)? {
            if crate::access::permissions::granted(
                conn,
                &user,
                Permission::new(ObjectType::Backup, Right::Create),
            )? {
                names.push(user.name);
            }
        }
        Ok(names.join(", "))
    }

    pub(crate) fn backup_status(&self, now: DateTime<Utc>) -> CoreResult<BackupStatus> {
        let interval_days = settings::get(self.store.conn(), SettingKey::BackupIntervalDays)?;
        let local = |t: DateTime<Utc>| t.with_timezone(&Local).date_naive();
        let last_downloaded: Option<NaiveDate> =
            crate::services::backup::last_downloaded(self.store.conn())?.map(local);
        let e = escalation::evaluate(EscalationInput {
            interval_days,
            last_downloaded,
            installed_on: local(self.installed_at()?),
            today: local(now),
        });
        Ok(BackupStatus {
            level: e.level,
            due_date: e.due_date,
            last_downloaded,
            interval_days,
        })
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
            counts: StatusCounts {
                users: accounts::count_active(conn)?,
                audit_entries: audit::count(conn)?,
            },
            backup: self.backup_status(now)?,
        })
    }

    pub fn dashboard(&self, session: &mut Session) -> CoreResult<Dashboard> {
        let (user, now) = self.gate(session, Operation::Dashboard)?;
        let conn = self.store.conn();
        let recent_changes = if self.can(&user, ObjectType::AuditLog, Right::View)? {
            Some(audit_log::lines(
                conn,
                Language::of(user.language.as_deref()),
                &AuditFilter::default(),
                8,
                None,
            )?)
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

    pub fn audit_log(
        &self,
        session: &mut Session,
        limit: u32,
        before_id: Option<i64>,
    ) -> CoreResult<Vec<AuditEntry>> {
        self.gate(session, Operation::ViewAuditLog)?;
        audit::list(self.store.conn(), limit.min(1000), before_id)
    }

    /// The log as a DPO reads it: filtered, named, each changed field in words.
    pub fn audit_lines(
        &self,
        session: &mut Session,
        filter: &AuditFilter,
        limit: u32,
        before_id: Option<i64>,
    ) -> CoreResult<Vec<AuditLine>> {
        let (user, _) = self.gate(session, Operation::ViewAuditLog)?;
        let language = Language::of(user.language.as_deref());
        audit_log::lines(
            self.store.conn(),
            language,
            filter,
            limit.min(1000),
            before_id,
        )
    }

    /// The users, kinds of record and actions the log's filter offers.
    pub fn audit_choices(&self, session: &mut Session) -> CoreResult<AuditChoices> {
        let (user, _) = self.gate(session, Operation::ViewAuditLog)?;
        audit_log::choices(self.store.conn(), Language::of(user.language.as_deref()))
    }

    /// The filtered log as a file (accountability, Art. 5(2) GDPR).
    pub fn export_audit_log(
        &self,
        session: &mut Session,
        filter: &AuditFilter,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportAuditLog)?;
        let language = Language::of(user.language.as_deref());
        let office = self.office_name()?;
        Ok(ExportFile {
            suggested_name: export_name(
                &office,
                &text(language, "export-file-audit-log"),
                now,
                format,
            ),
            bytes: audit_log::file(
                self.store.conn(),
                crate::store::settings::table_style(self.store.conn(), language)?,
                filter,
                format,
            )?,
        })
    }

    /// The tiles of a tenant: counts of what the user may see, 0 where they may not view.
    pub fn tenant_overview(
        &self,
        session: &mut Session,
        tenant_id: i64,
    ) -> CoreResult<TenantOverview> {
        let (user, _) = self.gate(session, Operation::TenantOverview)?;
        let conn = self.store.conn();
        let tenant = crate::domain::tenants::accessible(conn, &user, tenant_id)?;
        let mut tiles = Vec::new();
        for domain in DOMAINS {
            let Some(count) = domain.tiles else { continue };
            let mut allowed = Vec::new();
            for object in domain.objects {
                allowed.push((*object, self.can(&user, *object, Right::View)?));
            }
            let counts = if allowed.iter().any(|(_, a)| *a) {
                count(conn, &user, tenant_id)?
            } else {
                Vec::new()
            };
            for (object, allowed) in allowed {
                let count = if allowed {
                    counts
                        .iter()
                        .find(|(o, _)| *o == object)
                        .map_or(0, |(_, n)| *n)
                } else {
                    0
                };
                tiles.push(Tile {
                    object,
                    count,
                    allowed,
                });
            }
        }
        // In the order of the object types: companies, areas, activities, master data.
        tiles.sort_by_key(|tile| tile.object);
        Ok(TenantOverview { tenant, tiles })
    }
}

/// What a list export is called in the file name, from the domain's export stem.
pub(crate) fn list_name(language: Language, domain: &Descriptor) -> String {
    let stem = domain
        .export_stem
        .expect("a domain whose list is exported names its export stem");
    text(language, &format!("export-file-{stem}"))
}

/// "Bäckerei Schmidt GmbH – processing-activities – 2026-03-02.csv", safe on every OS.
pub(crate) fn export_name(
    tenant: &str,
    what: &str,
    now: DateTime<Utc>,
    format: ExportFormat,
) -> String {
    format!(
        "{} – {} – {}.{}",
        file_name_part(tenant),
        what,
        now.with_timezone(&Local).date_naive(),
        format.extension()
    )
}
