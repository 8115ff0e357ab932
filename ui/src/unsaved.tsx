import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { useTranslation } from "react-i18next";
import { listen } from "@tauri-apps/api/event";
import { api } from "./api";

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
    const before = dirty.current.size > 0;
    if (isDirty) dirty.current.add(key);
    else dirty.current.delete(key);
    // The shell holds back a close request while anything is unsaved.
    if (before !== dirty.current.size > 0) void api.setUnsaved(dirty.current.size > 0).catch(() => undefined);
  }, []);

  const confirmLeave = useCallback(() => {
    if (dirty.current.size === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      setPending(() => (leave: boolean) => {
        setPending(null);
        if (leave) {
          dirty.current.clear();
          void api.setUnsaved(false).catch(() => undefined);
        }
        resolve(leave);
      });
    });
  }, []);

  useEffect(() => {
    // Closing the window with unsaved changes: ask, and close only when they may go.
    let stop: Promise<() => void>;
    try {
      stop = listen("close-requested", () => {
        void confirmLeave().then((leave) => {
          if (leave) void api.closeWindow();
        });
      });
    } catch {
      // Outside the app's window (component tests without IPC) there is nothing to listen to.
      return undefined;
    }
    stop.catch(() => undefined);
    return () => {
      void stop.then((unlisten) => unlisten()).catch(() => undefined);
    };
  }, [confirmLeave]);

  const guard = useMemo(() => ({ setDirty, confirmLeave }), [setDirty, confirmLeave]);
  return (
    <GuardContext.Provider value={guard}>
      {children}
      {pending && (
        <div className="modal-backdrop">
          <div
            className="modal card"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="unsaved-title"
            data-testid="unsaved-dialog"
            onKeyDown={(e) => keepInside(e, () => pending(false))}
          >
            <h2 id="unsaved-title">{t("unsaved.title")}</h2>
            <p>{t("unsaved.text")}</p>
            <div className="actions">
              <button type="button" className="primary" autoFocus onClick={() => pending(false)} data-testid="stay">
                {t("unsaved.stay")}
              </button>
              <button type="button" className="danger" onClick={() => pending(true)} data-testid="discard">
                {t("unsaved.discard")}
              </button>
            </div>
          </div>
        </div>
      )}
    </GuardContext.Provider>
  );
}

/** In a modal, Escape answers "stay" (nothing is lost) and Tab cycles through the modal's own buttons,
 * never reaching the page behind it. */
function keepInside(e: KeyboardEvent<HTMLElement>, onEscape: () => void) {
  if (e.key === "Escape") {
    e.preventDefault();
    onEscape();
    return;
  }
  if (e.key !== "Tab") return;
  const focusable = [
    ...e.currentTarget.querySelectorAll<HTMLElement>("button:not(:disabled), [href], input, select, textarea"),
  ];
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
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
