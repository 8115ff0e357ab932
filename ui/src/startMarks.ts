// Moments of the window's start on the page's own clock; ui_ready sends them to the log's
// start trace, where bench/startup.py finds where the time to the sign-in screen goes.
import type { PageMark } from "./ipc/commands";

const PREFIX = "start: ";

/** Notes one moment of the start (a User Timing mark). */
export function markStart(name: string): void {
  performance.mark(PREFIX + name);
}

/** The marks so far, oldest first, in milliseconds since the page began loading. */
export function startMarks(): PageMark[] {
  return performance
    .getEntriesByType("mark")
    .filter((m) => m.name.startsWith(PREFIX))
    .map((m) => ({ name: m.name.slice(PREFIX.length), ms: m.startTime }));
}
