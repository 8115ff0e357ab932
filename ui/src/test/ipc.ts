import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { SessionInfo } from "../bindings/SessionInfo";
import type { StartupState } from "../bindings/StartupState";
import type { CommandArgs, CommandName, CommandResult } from "../ipc/commands";

/** A recorded call: a command of the shell, or one of Tauri's own plugins (events). */
export type Call = { cmd: CommandName | `plugin:${string}`; args: Record<string, unknown> };

/** What a handler may answer: the command's result, also later. A command without a
 * result goes over the wire as null, so a handler may answer that too. */
type Answer<R> = [R] extends [void] ? void | null | Promise<void | null> : R | Promise<R>;

/** Each command's handler gets the arguments the typed functions send and must answer the
 * command's result, so a mock cannot drift from the Rust command. */
export type Handlers = { [K in CommandName]?: (args: CommandArgs<K>) => Answer<CommandResult<K>> };

/** Mocks the Rust side: each command answers from `handlers`; every call is recorded. */
export function mockCommands(handlers: Handlers, options: { events?: boolean } = {}): Call[] {
  const calls: Call[] = [];
  // The keys are checked above; here the handler is called with what the window sent.
  const byName = handlers as Record<string, ((args: Record<string, unknown>) => unknown) | undefined>;
  mockIPC(
    (cmd, args) => {
      const payload = (args ?? {}) as Record<string, unknown>;
      calls.push({ cmd: cmd as Call["cmd"], args: payload });
      const handler = byName[cmd];
      if (!handler) return undefined;
      return handler(payload);
    },
    { shouldMockEvents: options.events ?? false },
  );
  return calls;
}

export function fail(code: string, message: string, params: Record<string, string> = {}): never {
  const problems =
    code === "validation" && params.field
      ? [{ field: params.field, rule: params.rule ?? "", message, example: params.example ?? null }]
      : [];
  const payload: ErrorPayload = { code, message, params, problems };
  throw payload;
}

export const session: SessionInfo = {
  now: "2026-03-02T09:00:00Z",
  user_name: "Anna Meier",
  is_admin: true,
  is_owner: true,
  language: "en",
  idle_lock_minutes: 15,
  menu: ["dashboard", "audit_log", "settings", "account"],
  grants: [],
  role_names: [],
  tenants: [],
  current_tenant: null,
  backup: { level: "ok", due_date: "2026-03-06", concerns_user: false, can_create: true, contact: "Anna Meier" },
};

export function startup(phase: StartupState["phase"], extra: Partial<StartupState> = {}): StartupState {
  return {
    phase,
    office_name: null,
    data_dir: "/tmp/dpo",
    keyring_error: null,
    os_locale: "en-US",
    session: null,
    locked_user: null,
    ...extra,
  };
}

export { clearMocks };
