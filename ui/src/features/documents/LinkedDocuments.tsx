import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { ObjectType } from "../../bindings/ObjectType";
import { Alert } from "../../components/Alert";
import { useRecords } from "../../data/records";
import { formatDateTime } from "../../format";
import type { PageProps } from "../../screens/page";

/**
 * The documents that prove a record, on the record's form: each with its current version and last change, opened on
 * the Documents page. Nothing shows for a user who may not see documents. Under the tenant's documents in the cache,
 * so linking a document on the Documents page refreshes the list here.
 */
export function LinkedDocuments({
  session,
  tenantId,
  object,
  recordId,
  openRecord,
  onError,
}: Pick<PageProps, "session" | "openRecord" | "onError"> & {
  tenantId: number;
  object: ObjectType;
  recordId: number;
}) {
  const { t } = useTranslation();
  const allowed = can(session, "document", "view");
  const linked = useRecords(
    ["documents", tenantId, "of", object, recordId],
    () => api.documentsOf(object, recordId),
    onError,
    { enabled: allowed },
  );
  if (!allowed || linked.code === "permission_denied") return null;
  return (
    <section className="card linked-documents" data-testid="linked-documents">
      <h3>{t("documents.linked")}</h3>
      {linked.error && <Alert kind="error">{linked.error}</Alert>}
      {linked.data?.length === 0 && (
        <p className="muted small" data-testid="no-linked-documents">
          {t("documents.linkedNone")}
        </p>
      )}
      {linked.data && linked.data.length > 0 && (
        <ul>
          {linked.data.map((d) => (
            <li key={d.id} data-linked-document={d.name}>
              <button
                type="button"
                className="link"
                data-testid="open-linked-document"
                onClick={() => openRecord("documents", d.id, d.tenant_id)}
              >
                {d.name}
              </button>
              <span className="muted small">
                {t("documents.linkedVersion", { version: Number(d.version), date: formatDateTime(d.updated_at) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
