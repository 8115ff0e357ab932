// Typed access to the Rust commands. Argument and result types are generated from the
// Rust structs (ui/src/bindings, ts-rs); this file only names the commands.
import { invoke } from "@tauri-apps/api/core";
import type { AcceptInvitationRequest } from "./bindings/AcceptInvitationRequest";
import type { AppSettings } from "./bindings/AppSettings";
import type { AuditEntry } from "./bindings/AuditEntry";
import type { Dashboard } from "./bindings/Dashboard";
import type { ErrorPayload } from "./bindings/ErrorPayload";
import type { ObjectType } from "./bindings/ObjectType";
import type { Right } from "./bindings/Right";
import type { PasswordChangeRequest } from "./bindings/PasswordChangeRequest";
import type { SessionInfo } from "./bindings/SessionInfo";
import type { SetupRequest } from "./bindings/SetupRequest";
import type { SetupResult } from "./bindings/SetupResult";
import type { SignInRequest } from "./bindings/SignInRequest";
import type { StartupState } from "./bindings/StartupState";
import type { Activity } from "./bindings/Activity";
import type { ActivityRow } from "./bindings/ActivityRow";
import type { Attachment } from "./bindings/Attachment";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { MassChange } from "./bindings/MassChange";
import type { MasterItem } from "./bindings/MasterItem";
import type { MasterField } from "./bindings/MasterField";
import type { MasterItemInput } from "./bindings/MasterItemInput";
import type { MasterKind } from "./bindings/MasterKind";
import type { SearchHit } from "./bindings/SearchHit";
import type { TrashEntry } from "./bindings/TrashEntry";
import type { Usage } from "./bindings/Usage";
import type { ActivityInput } from "./bindings/ActivityInput";
import type { Area } from "./bindings/Area";
import type { AreaField } from "./bindings/AreaField";
import type { AutomaticBackup } from "./bindings/AutomaticBackup";
import type { BackupContents } from "./bindings/BackupContents";
import type { BackupEntry } from "./bindings/BackupEntry";
import type { BackupHeader } from "./bindings/BackupHeader";
import type { BackupLevel } from "./bindings/BackupLevel";
import type { BackupModule } from "./bindings/BackupModule";
import type { RestoreReport } from "./bindings/RestoreReport";
import type { AreaInput } from "./bindings/AreaInput";
import type { Company } from "./bindings/Company";
import type { CompanyField } from "./bindings/CompanyField";
import type { CompanyInput } from "./bindings/CompanyInput";
import type { CreatedUser } from "./bindings/CreatedUser";
import type { EditorChoice } from "./bindings/EditorChoice";
import type { NewUser } from "./bindings/NewUser";
import type { Role } from "./bindings/Role";
import type { RoleCatalogue } from "./bindings/RoleCatalogue";
import type { RoleDefinition } from "./bindings/RoleDefinition";
import type { Tenant } from "./bindings/Tenant";
import type { TenantField } from "./bindings/TenantField";
import type { TenantOverview } from "./bindings/TenantOverview";
import type { TenantSummary } from "./bindings/TenantSummary";
import type { UserAccess } from "./bindings/UserAccess";
import type { UserSummary } from "./bindings/UserSummary";

/** A failed command, carrying the core's stable code. */
export class CommandError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
    this.name = "CommandError";
  }
  get code(): string {
    return this.payload.code;
  }
}

function isPayload(value: unknown): value is ErrorPayload {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    if (isPayload(raw)) throw new CommandError({ ...raw, params: raw.params ?? {} });
    throw new CommandError({ code: "internal", message: String(raw), params: {} });
  }
}

/** Whether the session holds the right (administrators hold all). The core decides; the
 * window only uses this to hide what would be refused. */
export function can(session: SessionInfo, object: ObjectType, right: Right): boolean {
  return session.is_admin || session.grants.some((g) => g.object === object && g.right === right);
}

/** The native notification's texts per escalation level, in the user's language. */
export type ReminderTexts = Record<"due" | "notify_all" | "locked", { summary: string; body: string }>;

export const api = {
  startupState: () => call<StartupState>("startup_state"),
  createInstallation: (request: SetupRequest) => call<SetupResult>("create_installation", { request }),
  restoreInstallation: (recoveryKey: string, title: string) => call<StartupState | null>("restore_installation", { recoveryKey, title }),
  unlockWithRecoveryKey: (recoveryKey: string) => call<StartupState>("unlock_with_recovery_key", { recoveryKey }),
  signIn: (request: SignInRequest) => call<SessionInfo>("sign_in", { request }),
  acceptInvitation: (request: AcceptInvitationRequest) => call<SessionInfo>("accept_invitation", { request }),
  signOut: () => call<void>("sign_out"),
  touchSession: () => call<void>("touch_session"),
  sessionInfo: () => call<SessionInfo>("session_info"),
  refreshSession: () => call<SessionInfo>("refresh_session"),
  changePassword: (request: PasswordChangeRequest) => call<void>("change_password", { request }),
  setLanguage: (language: string) => call<SessionInfo>("set_language", { language }),
  dashboard: () => call<Dashboard>("dashboard"),
  settings: () => call<AppSettings>("settings"),
  updateSettings: (settings: AppSettings) => call<AppSettings>("update_settings", { settings }),
  auditLog: (limit: number, beforeId: number | null) => call<AuditEntry[]>("audit_log", { limit, beforeId }),
  uiReady: () => call<void>("ui_ready"),
  setUnsaved: (value: boolean) => call<void>("set_unsaved", { value }),
  closeWindow: () => call<void>("close_window"),
  setCurrentTenant: (tenantId: number) => call<SessionInfo>("set_current_tenant", { tenantId }),
  tenantOverview: (tenantId: number) => call<TenantOverview>("tenant_overview", { tenantId }),
  companies: (tenantId: number) => call<Company[]>("companies", { tenantId }),
  createCompany: (tenantId: number, company: CompanyInput) => call<Company>("create_company", { tenantId, company }),
  updateCompany: (id: number, company: CompanyInput) => call<Company>("update_company", { id, company }),
  areas: (tenantId: number) => call<Area[]>("areas", { tenantId }),
  createArea: (area: AreaInput) => call<Area>("create_area", { area }),
  activities: (tenantId: number, search: string | null) => call<ActivityRow[]>("activities", { tenantId, search }),
  attachments: (activityId: number) => call<Attachment[]>("attachments", { activityId }),
  addAttachment: (activityId: number, title: string) => call<Attachment | null>("add_attachment", { activityId, title }),
  saveAttachment: (id: number, title: string) => call<string | null>("save_attachment", { id, title }),
  removeAttachment: (id: number) => call<void>("remove_attachment", { id }),
  deleteActivities: (ids: number[]) => call<number[]>("delete_activities", { ids }),
  copyActivities: (ids: number[], suffix: string) => call<number[]>("copy_activities", { ids, suffix }),
  massChangeActivities: (change: MassChange) => call<number>("mass_change_activities", { change }),
  exportActivities: (tenantId: number, search: string | null, ids: number[] | null, format: ExportFormat, title: string) =>
    call<string | null>("export_activities", { tenantId, search, ids, format, title }),
  masterItems: (tenantId: number, kind: MasterKind) => call<MasterItem[]>("master_items", { tenantId, kind }),
  createMasterItem: (tenantId: number, item: MasterItemInput) => call<MasterItem>("create_master_item", { tenantId, item }),
  updateMasterItem: (id: number, item: MasterItemInput) => call<MasterItem>("update_master_item", { id, item }),
  deleteMasterItems: (kind: MasterKind, ids: number[]) => call<number[]>("delete_master_items", { kind, ids }),
  copyMasterItems: (kind: MasterKind, ids: number[], suffix: string) => call<number[]>("copy_master_items", { kind, ids, suffix }),
  massChangeMasterItems: (kind: MasterKind, ids: number[], field: MasterField) =>
    call<number>("mass_change_master_items", { kind, ids, field }),
  masterItemUsages: (kind: MasterKind, id: number) => call<Usage[]>("master_item_usages", { kind, id }),
  exportMasterItems: (tenantId: number, kind: MasterKind, format: ExportFormat, title: string) =>
    call<string | null>("export_master_items", { tenantId, kind, format, title }),
  search: (tenantId: number, text: string) => call<SearchHit[]>("search", { tenantId, text }),
  trash: () => call<TrashEntry[]>("trash"),
  restoreFromTrash: (id: number) => call<TrashEntry>("restore_from_trash", { id }),
  deleteCompanies: (ids: number[]) => call<number[]>("delete_companies", { ids }),
  copyCompanies: (ids: number[], suffix: string) => call<number[]>("copy_companies", { ids, suffix }),
  massChangeCompanies: (ids: number[], field: CompanyField) => call<number>("mass_change_companies", { ids, field }),
  exportCompanies: (tenantId: number, format: ExportFormat, title: string) => call<string | null>("export_companies", { tenantId, format, title }),
  deleteAreas: (ids: number[]) => call<number[]>("delete_areas", { ids }),
  updateArea: (id: number, area: AreaInput) => call<Area>("update_area", { id, area }),
  copyAreas: (ids: number[], suffix: string) => call<number[]>("copy_areas", { ids, suffix }),
  massChangeAreas: (ids: number[], field: AreaField) => call<number>("mass_change_areas", { ids, field }),
  exportAreas: (tenantId: number, format: ExportFormat, title: string) => call<string | null>("export_areas", { tenantId, format, title }),
  backups: () => call<BackupEntry[]>("backups"),
  createBackup: () => call<BackupEntry>("create_backup"),
  downloadBackup: (id: number, title: string) => call<string | null>("download_backup", { id, title }),
  deleteBackup: (id: number) => call<void>("delete_backup", { id }),
  verifyBackup: (id: number) => call<BackupHeader>("verify_backup", { id }),
  restoreBackup: (module: BackupModule | null, title: string) => call<RestoreReport | null>("restore_backup", { module, title }),
  backupCsv: (module: BackupModule, fileTitle: string, folderTitle: string) =>
    call<string[] | null>("backup_csv", { module, fileTitle, folderTitle }),
  browseBackup: (title: string) => call<BackupContents | null>("browse_backup", { title }),
  automaticBackup: () => call<AutomaticBackup>("automatic_backup"),
  chooseAutomaticBackupFolder: (title: string) => call<AutomaticBackup | null>("choose_automatic_backup_folder", { title }),
  stopAutomaticBackup: () => call<AutomaticBackup>("stop_automatic_backup"),
  backupReminder: (texts: ReminderTexts) => call<BackupLevel | null>("backup_reminder", { texts }),
  tenantSummaries: () => call<TenantSummary[]>("tenant_summaries"),
  massChangeTenants: (ids: number[], field: TenantField) => call<number>("mass_change_tenants", { ids, field }),
  exportTenantList: (format: ExportFormat, title: string) => call<string | null>("export_tenant_list", { format, title }),
  updateTenant: (id: number, name: string, isTemplate: boolean) => call<Tenant>("update_tenant", { id, name, isTemplate }),
  setTenantArchived: (id: number, archived: boolean) => call<Tenant>("set_tenant_archived", { id, archived }),
  deleteTenant: (id: number) => call<number>("delete_tenant", { id }),
  exportTenant: (id: number, title: string) => call<string | null>("export_tenant", { id, title }),
  importTenant: (title: string) => call<Tenant | null>("import_tenant", { title }),
  activity: (id: number) => call<Activity>("activity", { id }),
  editors: (tenantId: number) => call<EditorChoice[]>("editors", { tenantId }),
  createActivity: (activity: ActivityInput) => call<Activity>("create_activity", { activity }),
  updateActivity: (id: number, activity: ActivityInput) => call<Activity>("update_activity", { id, activity }),
  users: () => call<UserSummary[]>("users"),
  createUser: (user: NewUser) => call<CreatedUser>("create_user", { user }),
  updateUserAccess: (name: string, access: UserAccess) => call<UserSummary>("update_user_access", { name, access }),
  deactivateUser: (name: string) => call<UserSummary>("deactivate_user", { name }),
  roles: () => call<Role[]>("roles"),
  roleCatalogue: () => call<RoleCatalogue>("role_catalogue"),
  createRole: (role: RoleDefinition) => call<Role>("create_role", { role }),
  updateRole: (id: number, role: RoleDefinition) => call<Role>("update_role", { id, role }),
  createTenant: (name: string, isTemplate: boolean) => call<Tenant>("create_tenant", { name, isTemplate }),
};
