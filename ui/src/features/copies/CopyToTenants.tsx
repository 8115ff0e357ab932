import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { CopySummary } from "../../bindings/CopySummary";
import type { ObjectType } from "../../bindings/ObjectType";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { Alert } from "../../components/Alert";
import { Select } from "../../components/Field";
import { recordKeys, useRecords, useRecordsChanged } from "../../data/records";
import { useAction } from "../../useAction";

/** Which place in the target a copy of this object type may be given (only with one target). */
const PARENT: Partial<Record<ObjectType, "area" | "company">> = {
  processing_activity: "area",
  dpia: "area",
  area: "company",
};

type Props = {
  session: SessionInfo;
  tenantId: number;
  object: ObjectType;
  ids: number[];
  onError: (e: unknown) => boolean;
  onClose: () => void;
  /** After a copy: the list's message; the panel stays with the summary. */
  onCopied: (message: string) => void;
};

/** "Copy to tenant…" (SPEC §9): the target tenants, where needed and with one target the place there, then the
 * summary of what was created, reused and left out. */
export function CopyToTenants({ session, tenantId, object, ids, onError, onClose, onCopied }: Props) {
  const { t } = useTranslation();
  const others = session.tenants.filter((x) => x.id !== tenantId);
  const [targets, setTargets] = useState<number[]>([]);
  const [parent, setParent] = useState(0);
  const [summary, setSummary] = useState<CopySummary | null>(null);
  const { busy, error, run } = useAction(onError);
  const changed = useRecordsChanged();
  const parentKind = targets.length === 1 ? PARENT[object] : undefined;
  const single = targets.length === 1 ? targets[0] : 0;
  const companies = useRecords([...recordKeys.companies(single), "copy-place"], () => api.companies(single), onError, {
    enabled: parentKind === "company",
  });
  const areas = useRecords([...recordKeys.areas(single), "copy-place"], () => api.areas(single), onError, {
    enabled: parentKind === "area",
  });
  const places =
    parentKind === "company"
      ? (companies.data ?? []).map((c) => ({ id: c.id, name: c.name }))
      : parentKind === "area"
        ? (areas.data ?? []).map((a) => ({ id: a.id, name: `${a.company_name} · ${a.name}` }))
        : [];
  const toggle = (id: number, on: boolean) => {
    setParent(0);
    setTargets((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
  };
  function copy() {
    void run(async () => {
      const result = await api.copyToTenants({ object, ids, targets, parent: parentKind && parent ? parent : null });
      for (const target of targets) await changed("all", target);
      setSummary(result);
      const created = result.targets.reduce((n, x) => n + x.created.length, 0);
      onCopied(
        t("copies.done", { count: ids.length, tenants: result.targets.map((x) => x.tenant_name).join(", "), created }),
      );
    });
  }
  if (summary) return <Summary summary={summary} onClose={onClose} />;
  return (
    <section className="card copy-panel" aria-label={t("copies.title")} data-testid="copy-panel">
      <h2>{t("copies.titleCount", { count: ids.length })}</h2>
      <p className="muted small">{t("copies.rules")}</p>
      <fieldset className="checks">
        <legend>{t("copies.targets")}</legend>
        {others.length === 0 && <p className="muted small">{t("copies.noTargets")}</p>}
        {others.map((x) => (
          <label key={x.id} className="check-inline">
            <input
              type="checkbox"
              data-copy-target={x.name}
              checked={targets.includes(x.id)}
              onChange={(e) => toggle(x.id, e.target.checked)}
            />
            {x.name}
          </label>
        ))}
      </fieldset>
      {parentKind && (
        <Select
          label={t(`copies.place.${parentKind}`)}
          value={parent}
          data-testid="copy-parent"
          hint={t("copies.placeHint")}
          onChange={(e) => setParent(Number(e.target.value))}
        >
          <option value={0}>{t("copies.placeSame")}</option>
          {places.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      )}
      {error && (
        <Alert kind="error" testId="copy-error">
          {error}
        </Alert>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || targets.length === 0}
          data-testid="copy-run"
          onClick={copy}
        >
          {busy ? t("copies.working") : t("copies.run")}
        </button>
        <button type="button" onClick={onClose}>
          {t("common.cancel")}
        </button>
      </div>
    </section>
  );
}

function Summary({ summary, onClose }: { summary: CopySummary; onClose: () => void }) {
  const { t } = useTranslation();
  const counts = (records: { object: ObjectType }[]) => {
    const by = new Map<ObjectType, number>();
    for (const r of records) by.set(r.object, (by.get(r.object) ?? 0) + 1);
    return [...by.entries()].map(([object, n]) => `${t(`objects.${object}`)}: ${n}`).join(", ");
  };
  return (
    <section className="card copy-panel" aria-label={t("copies.summary")} data-testid="copy-summary">
      <h2>{t("copies.summary")}</h2>
      {summary.targets.map((x) => (
        <div key={x.tenant_id} className="copy-target" data-summary-tenant={x.tenant_name}>
          <h3>{x.tenant_name}</h3>
          <p>
            <strong>{t("copies.created")}</strong> {x.created.length ? counts(x.created) : t("copies.nothing")}
          </p>
          <p>
            <strong>{t("copies.reused")}</strong> {x.reused.length ? counts(x.reused) : t("copies.nothing")}
          </p>
          {x.reused.length > 0 && (
            <p className="muted small">
              {x.reused
                .map((r) => r.label)
                .slice(0, 12)
                .join(", ")}
            </p>
          )}
          <p>
            <strong>{t("copies.leftOut")}</strong>{" "}
            {x.left_out.length ? x.left_out.map((w) => t(`copies.why.${w}`)).join("; ") : t("copies.nothing")}
          </p>
        </div>
      ))}
      <div className="actions">
        <button type="button" className="primary" data-testid="copy-summary-close" onClick={onClose}>
          {t("copies.close")}
        </button>
      </div>
    </section>
  );
}
