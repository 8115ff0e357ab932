// The start's first question to the core, asked before React renders anything: the first render
// then shows the screen the core answered (one frame to paint, not a splash frame and then the
// screen), in the language it belongs in.
import { api } from "./api";
import type { StartupState } from "./bindings/StartupState";
import { initialLanguage, switchLanguage } from "./i18n";
import { markStart } from "./startMarks";

/** What the core answered, its texts loaded; or why the start failed, in the likely language. */
export type StartupOutcome = { state: StartupState } | { failure: unknown };

/** Asks the core for the start-up phase and loads the texts of its language; never rejects. */
export async function readStartupState(): Promise<StartupOutcome> {
  try {
    const state = await api.startupState();
    markStart("startup state answered");
    await switchLanguage(initialLanguage(state.session?.language, state.os_locale));
    markStart("language set");
    return { state };
  } catch (failure) {
    // The failure is shown in a language, even before the core could say which one.
    await switchLanguage(initialLanguage(null, null)).catch(() => undefined);
    return { failure };
  }
}

/** The first read, started once; `outcome` is set as soon as it is known. */
export type FirstRead = { done: Promise<StartupOutcome>; outcome: StartupOutcome | null };

export function startFirstRead(): FirstRead {
  const read: FirstRead = { done: readStartupState(), outcome: null };
  void read.done.then((outcome) => (read.outcome = outcome));
  return read;
}
