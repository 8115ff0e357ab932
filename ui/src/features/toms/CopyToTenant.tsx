import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { Alert } from "../../components/Alert";
import { Select } from "../../components/Field";
import { recordKeys, useRecords, useRecordsChanged } from "../../data/records";
import { useAction } from "../../useAction";

type Props = {
  session: SessionInfo;
  tenantId: number;
  ids: number[];
  onError: (e: unknown) => boolean;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
};

/** Copies the selected measures into another tenant the user may open; the company chosen there receives them.
 * A measure of the same type and title there is reused, never duplicated (SPEC §9). */
export function CopyToTenant({ session, tenantId, ids, onError, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const targets = session.tenants.filter((x) => x.id !== tenantId);
  const [target, setTarget] = useState(targets[0]?.id ?? 0);
  const companies = useRecords([...recordKeys.companies(target), "copy-target"], () => api.companies(target), onError, {
    enabled: target > 0,
  });
  // The first company there until the user chooses another (or none).
  const [chosen, setChosen] = useState<{ target: number; company: number } | null>(null);
  const company = chosen?.target === target ? chosen.company : (companies.data?.[0]?.id ?? 0);
  const { busy, error, run } = useAction(onError);
  const changed = useRecordsChanged();
  function copy() {
    void run(async () => {
      const result = await api.copyTomsToTenant(ids, { tenant_id: target, company_id: company || null });
      await changed("toms", target);
      const name = targets.find((x) => x.id === target)?.name ?? "";
      await onDone(t("toms.copiedTo", { count: result.length, tenant: name }));
    });
  }
  return (
    <section className="card copy-panel" aria-label={t("toms.copyToTenant")} data-testid="tom-copy-panel">
      <h2>{t("toms.copyToTenantTitle", { count: ids.length })}</h2>
      <p className="muted small">{t("toms.copyToTenantHint")}</p>
      <Select
        label={t("toms.targetTenant")}
        value={target}
        data-testid="tom-copy-tenant"
        onChange={(e) => setTarget(Number(e.target.value))}
      >
        {targets.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
      </Select>
      <Select
        label={t("toms.targetCompany")}
        value={company}
        disabled={!companies.data}
        data-testid="tom-copy-company"
        onChange={(e) => setChosen({ target, company: Number(e.target.value) })}
      >
        <option value={0}>{t("toms.noTargetCompany")}</option>
        {(companies.data ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      {(error || companies.error) && (
        <Alert kind="error" testId="tom-copy-error">
          {error ?? companies.error}
        </Alert>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || !target || !companies.data}
          data-testid="tom-copy-run"
          onClick={copy}
        >
          {t("toms.copyRun")}
        </button>
        <button type="button" onClick={onClose}>
          {t("common.cancel")}
        </button>
      </div>
    </section>
  );
}
