import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Guard = {
  /** A form reports whether it holds changes not yet saved. */
  setDirty: (key: string, dirty: boolean) => void;
  /** Resolves true when nothing is unsaved or the person chooses to discard it. */
  confirmLeave: () => Promise<boolean>;
};

const GuardContext = createContext<Guard>({ setDirty: () => undefined, confirmLeave: async () => true });

/** Keeps track of unsaved forms and asks before they are left (SPEC: nothing typed is lost). */
export function UnsavedGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const dirty = useRef(new Set<string>());
  const [pending, setPending] = useState<((leave: boolean) => void) | null>(null);

  const setDirty = useCallback((key: string, isDirty: boolean) => {
    if (isDirty) dirty.current.add(key);
    else dirty.current.delete(key);
  }, []);

  const confirmLeave = useCallback(() => {
    if (dirty.current.size === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      setPending(() => (leave: boolean) => {
        setPending(null);
        if (leave) dirty.current.clear();
        resolve(leave);
      });
    });
  }, []);

  const guard = useMemo(() => ({ setDirty, confirmLeave }), [setDirty, confirmLeave]);
  return (
    <GuardContext.Provider value={guard}>
      {children}
      {pending && (
        <div className="modal-backdrop">
          <div className="modal card" role="alertdialog" aria-modal="true" aria-labelledby="unsaved-title" data-testid="unsaved-dialog">
            <h2 id="unsaved-title">{t("unsaved.title")}</h2>
            <p>{t("unsaved.text")}</p>
            <div className="actions">
              <button type="button" className="primary" autoFocus onClick={() => pending(false)} data-testid="stay">{t("unsaved.stay")}</button>
              <button type="button" className="danger" onClick={() => pending(true)} data-testid="discard">{t("unsaved.discard")}</button>
            </div>
          </div>
        </div>
      )}
    </GuardContext.Provider>
  );
}

export function useGuard(): Guard {
  return useContext(GuardContext);
}

/** Registers a form's unsaved state while it is shown. */
export function useUnsaved(key: string, dirty: boolean) {
  const { setDirty } = useGuard();
  useEffect(() => {
    setDirty(key, dirty);
  }, [key, dirty, setDirty]);
  useEffect(() => () => setDirty(key, false), [key, setDirty]);
}
