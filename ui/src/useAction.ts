import { useCallback, useState } from "react";
import { errorMessage } from "./i18n";

/**
 * Runs one command of a form: busy while it runs, the translated error when it fails.
 * `onError` may claim an error (e.g. an ended session) so it is not shown in the form.
 */
export function useAction(onError?: (e: unknown) => boolean) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await work();
      } catch (e) {
        if (!onError?.(e)) setError(errorMessage(e));
      } finally {
        setBusy(false);
      }
    },
    [onError],
  );
  return { busy, error, setError, run };
}
