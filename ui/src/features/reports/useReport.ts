import { Channel } from "@tauri-apps/api/core";
import { useCallback, useState } from "react";
import { api } from "../../api";
import { errorMessage } from "../../i18n";

/**
 * Makes one PDF at a time: the core lays it out off the window's thread and reports progress in percent
 * through a channel; cancel stops it at its next page. The result is where it was saved, or null when the
 * person closed the save dialog.
 */
export function useReport(onError: (e: unknown) => boolean) {
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const run = useCallback(
    async (make: (progress: Channel<number>) => Promise<string | null>) => {
      setError(null);
      setSaved(null);
      setCancelled(false);
      setPercent(0);
      const progress = new Channel<number>();
      progress.onmessage = (value) => setPercent(value);
      try {
        setSaved(await make(progress));
      } catch (e) {
        if ((e as { code?: string }).code === "cancelled") setCancelled(true);
        else if (!onError(e)) setError(errorMessage(e));
      } finally {
        setPercent(null);
      }
    },
    [onError],
  );
  const cancel = useCallback(() => void api.cancelReport(), []);
  return { busy: percent !== null, percent, error, saved, cancelled, run, cancel };
}

export type ReportState = ReturnType<typeof useReport>;
