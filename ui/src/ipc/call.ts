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

/**
 * While `window.dpoDeskTraceCalls` is true, each command's round trip is a User Timing
 * measure named "ipc <command>" (the benchmarks read them to see where the time goes); off
 * otherwise, so a long session does not collect entries.
 */
function traced(): boolean {
  return (globalThis as { dpoDeskTraceCalls?: boolean }).dpoDeskTraceCalls === true;
}

export async function callCommand<T>(command: string, args: InvokeArgs): Promise<T> {
  const sent = traced() ? performance.now() : null;
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    if (isPayload(raw)) throw new CommandError({ ...raw, params: raw.params ?? {}, problems: raw.problems ?? [] });
    throw new CommandError({ code: "internal", message: String(raw), params: {}, problems: [] });
  } finally {
    if (sent !== null) performance.measure(`ipc ${command}`, { start: sent, end: performance.now() });
  }
}
