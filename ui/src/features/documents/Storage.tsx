import { useTranslation } from "react-i18next";
import type { StorageUse } from "../../bindings/StorageUse";
import { formatSize } from "../../format";

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
