import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { ObjectType } from "../../bindings/ObjectType";
import type { RecordHistory as History } from "../../bindings/RecordHistory";
import type { RecordVersion } from "../../bindings/RecordVersion";
import { formatDateTime } from "../../format";
import { useGuard } from "../../unsaved";
import { ConfirmInline } from "../ConfirmInline";

/**
 * The History of a record: every saved version, newest first, with who, when and what
 * changed; any version read back whole with the fields that differ from today marked, and
 * restored as a new version. Loaded when opened: most visits to a record never look.
 */
export function RecordHistory({
  object,
  id,
  editable,
  onRestored,
  onError,
}: {
  object: ObjectType;
  id: number;
  editable: boolean;
  /** The record changed: the form reloads it. */
  onRestored: () => void;
  onError: (e: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [history, setHistory] = useState<History | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api.recordHistory(object, id).then((h) => {
        setHistory(h);
        return h;
      }, onError),
    [object, id, onError],
  );
  useEffect(() => {
    if (open) void load();
  }, [open, load]);
  // Another record in the same form: start closed again.
  useEffect(() => {
    setOpen(false);
    setHistory(null);
    setShown(null);
    setNotice(null);
  }, [object, id]);

  const { confirmLeave } = useGuard();
  const restore = async (version: number) => {
    // The restore replaces the form's values: what was typed and not saved is asked about first.
    if (!(await confirmLeave())) {
      setConfirming(null);
      return;
    }
    setBusy(true);
    api.restoreVersion(object, id, version).then(
      (h) => {
        setHistory(h);
        setConfirming(null);
        setShown(null);
        setNotice(t("history.restored", { version }));
        setBusy(false);
        onRestored();
      },
      (e: unknown) => {
        setBusy(false);
        setConfirming(null);
        onError(e);
      },
    );
  };

  const versions = history ? [...history.versions].reverse() : [];
  return (
    <section className="card history" data-testid="record-history">
      <div className="history-head">
        <h3>{t("history.title")}</h3>
        <button type="button" data-testid="toggle-history" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t("history.hide") : t("history.show")}
        </button>
      </div>
      {open && notice && (
        <p className="ok-notice" role="status" data-testid="history-notice">
          {notice}
        </p>
      )}
      {open && history === null && <p className="muted">{t("common.loading")}</p>}
      {open && history !== null && versions.length === 0 && <p className="muted">{t("history.empty")}</p>}
      {open && versions.length > 0 && (
        <ol className="history-list" reversed>
          {versions.map((v, i) => (
            <li key={v.version} data-version={v.version}>
              <div className="history-entry">
                <span className="history-when">
                  {t("history.version", { version: v.version })} · {formatDateTime(v.at)} · {v.by ?? "—"}
                </span>
                <span className="history-action">
                  {v.action_label}
                  {i === 0 && ` · ${t("history.current")}`}
                </span>
                {v.fields.length > 0 && (
                  <button
                    type="button"
                    className="link"
                    data-testid="show-version"
                    onClick={() => setShown(shown === v.version ? null : v.version)}
                  >
                    {shown === v.version ? t("history.hideVersion") : t("history.showVersion")}
                  </button>
                )}
                {editable && v.restorable && confirming !== v.version && (
                  <button
                    type="button"
                    data-testid="restore-version"
                    disabled={busy}
                    onClick={() => setConfirming(v.version)}
                  >
                    {t("history.restore")}
                  </button>
                )}
                {confirming === v.version && (
                  <ConfirmInline
                    message={t("history.confirm", { version: v.version })}
                    confirmLabel={t("history.restore")}
                    confirmTestId="confirm-restore-version"
                    dangerous={false}
                    busy={busy}
                    onConfirm={() => void restore(v.version)}
                    onCancel={() => setConfirming(null)}
                  />
                )}
              </div>
              {v.changes.length > 0 && (
                <ul className="history-changes">
                  {v.changes.map((c) => (
                    <li key={c.field}>
                      <strong>{c.label}:</strong> {c.change}
                    </li>
                  ))}
                </ul>
              )}
              {shown === v.version && <VersionFields version={v} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A saved state read-only, field by field; what differs from the record today is marked. */
function VersionFields({ version }: { version: RecordVersion }) {
  const { t } = useTranslation();
  const differing = version.fields.filter((f) => f.differs).length;
  return (
    <div className="history-version" data-testid="version-fields">
      <p className="small muted">
        {differing === 0 ? t("history.sameAsNow") : t("history.differences", { count: differing })}
      </p>
      <table className="history-fields">
        <tbody>
          {version.fields.map((f) => (
            <tr
              key={f.field}
              className={f.differs ? "differs" : undefined}
              data-field={f.field}
              data-differs={f.differs}
            >
              <th scope="row">{f.label}</th>
              <td>
                {f.value}
                {f.differs && <span className="sr-only"> ({t("history.differsNote")})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
