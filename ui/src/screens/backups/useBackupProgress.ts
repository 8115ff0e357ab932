import { useEffect, useState } from "react";
import { listen } from "@tauri-apps/api/event";

/** The share done of the backup work running in the core (0–100), while `active`. */
export function useBackupProgress(active: boolean): number | null {
  const [percent, setPercent] = useState<number | null>(null);
  useEffect(() => {
    if (!active) {
      setPercent(null);
      return undefined;
    }
    setPercent(0);
    let stop: Promise<() => void> | null = null;
    try {
      stop = listen<{ done: number; total: number }>("backup-progress", (e) => {
        const { done, total } = e.payload;
        setPercent(total > 0 ? Math.floor((done * 100) / total) : 100);
      });
      stop.catch(() => undefined);
    } catch {
      // Outside the app's window (component tests) nothing reports progress.
    }
    return () => {
      void stop?.then((unlisten) => unlisten()).catch(() => undefined);
    };
  }, [active]);
  return percent;
}
