import { useEffect, useRef, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

/**
 * "Really delete?" asked in place of the button that asked: the question, the dangerous action and Cancel.
 * The action takes the focus when it appears, so Enter confirms and Tab reaches Cancel; Escape cancels, as it
 * does in every dialog of the app.
 */
export function ConfirmInline({
  message,
  confirmLabel,
  confirmTestId,
  busy = false,
  dangerous = true,
  onConfirm,
  onCancel,
}: {
  message: string;
  confirmLabel: string;
  confirmTestId?: string;
  busy?: boolean;
  /** A deletion is marked as dangerous; a change that can be undone (a mass change) is not. */
  dangerous?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const action = useRef<HTMLButtonElement>(null);
  useEffect(() => action.current?.focus(), []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onCancel();
    }
  };
  return (
    <span className="confirm" role="group" aria-label={message} onKeyDown={onKeyDown}>
      <span className="small">{message}</span>
      <button
        ref={action}
        type="button"
        className={dangerous ? "danger" : "primary"}
        disabled={busy}
        data-testid={confirmTestId}
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={onCancel}>
        {t("common.cancel")}
      </button>
    </span>
  );
}
