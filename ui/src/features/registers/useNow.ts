import { useEffect, useState } from "react";

/** The current time, renewed every `everyMs`: live countdowns re-render with it. The core's clock decides what is
 * overdue; this only moves the minutes shown between two loads. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
