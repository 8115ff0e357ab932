import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { errorMessage } from "./i18n";

/**
 * Loads data for a screen and reloads it on demand. An error the shell claims (an ended
 * session) is not shown; any other is translated.
 */
export function useLoad<T>(load: () => Promise<T>, onError: (e: unknown) => boolean, known: T | null = null) {
  // Data already at hand when the screen mounts is shown in its first frame, not loaded again.
  const [data, setData] = useState<T | null>(known);
  const loadedAlready = useRef(known !== null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
      setCode(null);
    } catch (e) {
      if (!onError(e)) {
        setError(errorMessage(e));
        setCode((e as { code?: string }).code ?? null);
      }
    }
  }, [load, onError]);
  // Asked right after the screen is committed, before the browser paints it: a passive
  // effect of an update outside an input event (a search or page change after the guard's
  // promise) runs only after that paint, which held the header search's command back by
  // about 14 ms in the big-installation benchmark. Sending the command is all this does
  // synchronously; the answer still arrives later.
  useLayoutEffect(() => {
    if (loadedAlready.current) {
      loadedAlready.current = false;
      return;
    }
    void reload();
  }, [reload]);
  return { data, error, code, reload, setData };
}
