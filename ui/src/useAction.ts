import { useCallback, useEffect, useState } from "react";
import i18n, { errorMessage, fieldMessages, type FieldMessage } from "./i18n";

/** Brings the first field a save refused into view and into focus. */
function focusFirstMarkedField() {
  const field = document.querySelector<HTMLElement>("[aria-invalid='true']");
  if (!field) return;
  field.scrollIntoView({ block: "center" });
  field.focus({ preventScroll: true });
}

/**
 * Runs one command of a form: busy while it runs, the translated error when it fails, and
 * for a refused save the message of each refused field, so the form can mark them.
 * `onError` may claim an error (e.g. an ended session) so it is not shown in the form.
 */
export function useAction(onError?: (e: unknown) => boolean) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldMessage[]>([]);
  const run = useCallback(
    async (work: () => Promise<void>) => {
      // A date typed but not understood would otherwise be saved as what was there before.
      const unreadDate = document.querySelector<HTMLElement>("[data-date-invalid='true']");
      if (unreadDate) {
        setError(i18n.t("date.fixFirst"));
        unreadDate.scrollIntoView({ block: "center" });
        unreadDate.focus();
        return;
      }
      setBusy(true);
      setError(null);
      setProblems([]);
      try {
        await work();
      } catch (e) {
        if (!onError?.(e)) {
          setError(errorMessage(e));
          setProblems(fieldMessages(e));
        }
      } finally {
        setBusy(false);
      }
    },
    [onError],
  );
  // After the render that marked the fields (and enabled the form again), not before it.
  useEffect(() => {
    if (problems.length > 0) focusFirstMarkedField();
  }, [problems]);
  /** The message for a field the core refused, under any of its core names. */
  const fieldError = useCallback(
    (...fields: string[]) =>
      problems
        .filter((p) => fields.includes(p.field))
        .map((p) => p.message)
        .join(" ") || null,
    [problems],
  );
  return { busy, error, setError, run, problems, fieldError };
}
