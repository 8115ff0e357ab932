import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { StorageUse } from "../../bindings/StorageUse";
import { Field } from "../../components/Field";
import { formatSize } from "../../format";
import { useAction } from "../../useAction";

/** Used and available storage of the tenant's documents. */
export function Storage({ storage }: { storage: StorageUse }) {
  const { t } = useTranslation();
  const used = Number(storage.used);
  const quota = storage.quota === null ? null : Number(storage.quota);
  return (
    <div className="storage-use" data-testid="document-storage">
      {quota === null ? (
        <span>{t("documents.storageNoQuota", { used: formatSize(used) })}</span>
      ) : (
        <>
          <span>
            {t("documents.storage", {
              used: formatSize(used),
              quota: formatSize(quota),
              free: formatSize(Math.max(0, quota - used)),
            })}
          </span>
          <meter min={0} max={quota} value={Math.min(used, quota)} high={quota * 0.9} optimum={0} />
        </>
      )}
    </div>
  );
}

const MB = 1024 * 1024;

/** A quota in bytes as the megabytes typed into the form (to the kilobyte, so saving unchanged keeps it). */
const megabytes = (bytes: number) => String(Math.round((bytes / MB) * 1000) / 1000);

/**
 * The quota of the tenant's documents, set by an administrator: a button that opens a small form with the quota in
 * MB, empty for no limit. The core refuses what is no quota (nothing, or less); its message shows at the field.
 */
export function QuotaSetting({
  tenantId,
  storage,
  onSaved,
  onError,
}: {
  tenantId: number;
  storage: StorageUse;
  /** The quota changed: `message` says to what, the listing reloads. */
  onSaved: (message: string) => Promise<void> | void;
  onError: (e: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState("");
  const action = useAction(onError);
  if (!editing) {
    return (
      <button
        type="button"
        data-testid="document-quota"
        onClick={() => {
          setValue(storage.quota === null ? "" : megabytes(Number(storage.quota)));
          action.setError(null);
          setEditing(true);
        }}
      >
        {t("documents.quota")}
      </button>
    );
  }
  const save = (e: FormEvent) => {
    e.preventDefault();
    const text = value.trim().replace(",", ".");
    const mb = text === "" ? null : Number(text);
    if (mb !== null && !Number.isFinite(mb)) {
      action.setError(t("documents.quotaInvalid"));
      return;
    }
    void action.run(async () => {
      const saved = await api.setDocumentQuota(tenantId, mb === null ? null : Math.round(mb * MB));
      setEditing(false);
      await onSaved(
        saved.quota === null
          ? t("documents.quotaRemoved")
          : t("documents.quotaSaved", { quota: formatSize(Number(saved.quota)) }),
      );
    });
  };
  return (
    <form className="inline-form wide" onSubmit={save} noValidate data-testid="quota-form">
      <Field
        label={t("documents.quotaLabel")}
        hint={t("documents.quotaHint")}
        name="document_quota"
        inputMode="decimal"
        autoFocus
        value={value}
        error={action.error}
        data-testid="quota-input"
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="primary" disabled={action.busy} data-testid="save-quota">
        {t("common.save")}
      </button>
      <button type="button" onClick={() => setEditing(false)}>
        {t("common.cancel")}
      </button>
    </form>
  );
}
