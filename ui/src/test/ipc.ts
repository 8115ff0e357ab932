import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { SessionInfo } from "../bindings/SessionInfo";
import type { StartupState } from "../bindings/StartupState";

export type Call = { cmd: string; args: Record<string, unknown> };
type Handler = (args: Record<string, unknown>) => unknown;

/** Mocks the Rust side: each command answers from `handlers`; every call is recorded. */
export function mockCommands(handlers: Record<string, Handler>, options: { events?: boolean } = {}): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const payload = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: payload });
    const handler = handlers[cmd];
    if (!handler) return undefined;
    return handler(payload);
  }, { shouldMockEvents: options.events ?? false });
  return calls;
}

export function fail(code: string, message: string, params: Record<string, string> = {}): never {
  const payload: ErrorPayload = { code, message, params };
  throw payload;
}

export const session: SessionInfo = {
  user_name: "Anna Meier", is_admin: true, is_owner: true, language: "en", idle_lock_minutes: 15,
  menu: ["dashboard", "audit_log", "settings", "account"], grants: [], role_names: [], tenants: [], current_tenant: null,
  backup: { level: "ok", due_date: "2026-03-06", concerns_user: false, can_create: true, contact: "Anna Meier" },
};

export function startup(phase: StartupState["phase"], extra: Partial<StartupState> = {}): StartupState {
  return { phase, office_name: null, data_dir: "/tmp/dpo", keyring_error: null, os_locale: "en-US", session: null, locked_user: null, ...extra };
}

export { clearMocks };
