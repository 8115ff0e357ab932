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

export const api = {
  startupState: () => call<StartupState>("startup_state"),
  createInstallation: (request: SetupRequest) => call<SetupResult>("create_installation", { request }),
  unlockWithRecoveryKey: (recoveryKey: string) => call<StartupState>("unlock_with_recovery_key", { recoveryKey }),
  signIn: (request: SignInRequest) => call<SessionInfo>("sign_in", { request }),
  acceptInvitation: (request: AcceptInvitationRequest) => call<SessionInfo>("accept_invitation", { request }),
  signOut: () => call<void>("sign_out"),
  touchSession: () => call<void>("touch_session"),
  sessionInfo: () => call<SessionInfo>("session_info"),
  changePassword: (request: PasswordChangeRequest) => call<void>("change_password", { request }),
  setLanguage: (language: string) => call<SessionInfo>("set_language", { language }),
  dashboard: () => call<Dashboard>("dashboard"),
  settings: () => call<AppSettings>("settings"),
  updateSettings: (settings: AppSettings) => call<AppSettings>("update_settings", { settings }),
  auditLog: (limit: number, beforeId: number | null) => call<AuditEntry[]>("audit_log", { limit, beforeId }),
  uiReady: () => call<void>("ui_ready"),
};
