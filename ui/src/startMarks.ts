// Moments of the window's start on the page's own clock; ui_ready sends them to the log's
// start trace, where bench/startup.py finds where the time to the sign-in screen goes.
import type { PageMark } from "./ipc/commands";

const PREFIX = "start: ";

/** Notes one moment of the start (a User Timing mark). */
export function markStart(name: string): void {
  performance.mark(PREFIX + name);
}

/** When the page had arrived, was parsed, had loaded and was first painted (the browser's own timing). */
function pageMilestones(): PageMark[] {
  const page = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  if (!page) return [];
  return [
    { name: "page received", ms: page.responseEnd },
    { name: "page parsed", ms: page.domInteractive },
    { name: "page loaded", ms: page.loadEventStart },
    ...performance.getEntriesByType("paint").map((p) => ({ name: p.name.replace(/-/g, " "), ms: p.startTime })),
  ].filter((m) => m.ms > 0);
}

/** The marks so far, oldest first, in milliseconds since the page began loading. */
export function startMarks(): PageMark[] {
  const marks = performance
    .getEntriesByType("mark")
    .filter((m) => m.name.startsWith(PREFIX))
    .map((m) => ({ name: m.name.slice(PREFIX.length), ms: m.startTime }));
  return [...pageMilestones(), ...marks].sort((a, b) => a.ms - b.ms);
}
