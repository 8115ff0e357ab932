// The one place a command's failure becomes a CommandError; the typed functions in
// ./commands.ts (generated from the Rust commands) all call through here.
import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import type { ErrorPayload } from "../bindings/ErrorPayload";

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

export async function callCommand<T>(command: string, args: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    if (isPayload(raw)) throw new CommandError({ ...raw, params: raw.params ?? {}, problems: raw.problems ?? [] });
    throw new CommandError({ code: "internal", message: String(raw), params: {}, problems: [] });
  }
}
