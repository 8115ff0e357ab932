import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { Dpia } from "../../bindings/Dpia";
import { recordKeys, useRecords } from "../../data/records";

type Props = { tenantId: number; current: Dpia; otherId: number; onError: (e: unknown) => boolean };

const FIELDS = [
  "description",
  "responsibilities",
  "standards",
  "data_processed",
  "life_cycle",
  "supporting_assets",
  "purposes",
  "legal_basis",
  "minimisation",
  "accuracy",
  "storage_limits",
  "information",
  "consent",
  "access_portability",
  "rectification_erasure",
  "restriction_objection",
  "processors",
  "transfers",
  "dpo_name",
  "dpo_opinion",
  "dpo_status",
  "subjects_opinion",
  "subjects_status",
  "comments",
] as const;

/** Two versions side by side, only the fields that differ, risks by their position. */
export function VersionCompare({ tenantId, current, otherId, onError }: Props) {
  const { t } = useTranslation();
  const other = useRecords(recordKeys.dpia(tenantId, otherId), () => api.dpia(otherId), onError);
  if (!other.data) return null;
  const [a, b] = current.version < other.data.version ? [current, other.data] : [other.data, current];
  const rows: { label: string; a: string; b: string }[] = [];
  for (const f of FIELDS) {
    const x = String(a.data[f]);
    const y = String(b.data[f]);
    if (x !== y) rows.push({ label: t(`dpia.fields.${f}`), a: x, b: y });
  }
  const riskText = (d: Dpia, i: number) => {
    const r = d.risks[i];
    if (!r) return "—";
    const name = r.kind === "own" ? r.title : t(`dpia.risk.kinds.${r.kind}`);
    return `${name}: ${r.likelihood ?? "–"}/${r.severity ?? "–"} → ${r.residual_likelihood ?? "–"}/${r.residual_severity ?? "–"}; ${r.toms.map((x) => x.name).join(", ")}`;
  };
  for (let i = 0; i < Math.max(a.risks.length, b.risks.length); i++) {
    const x = riskText(a, i);
    const y = riskText(b, i);
    if (x !== y) rows.push({ label: t("dpia.compare.risk", { n: i + 1 }), a: x, b: y });
  }
  if (a.status !== b.status)
    rows.push({ label: t("dpia.compare.status"), a: t(`dpia.status.${a.status}`), b: t(`dpia.status.${b.status}`) });
  return (
    <table className="simple-table compare-table" data-testid="dpia-compare">
      <thead>
        <tr>
          <th>{t("dpia.compare.field")}</th>
          <th>{t("dpia.versionOf", { version: a.version })}</th>
          <th>{t("dpia.versionOf", { version: b.version })}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={3} className="muted">
              {t("dpia.compare.same")}
            </td>
          </tr>
        )}
        {rows.map((r) => (
          <tr key={r.label} data-compare-row={r.label}>
            <th scope="row">{r.label}</th>
            <td className="wrap">{r.a}</td>
            <td className="wrap">{r.b}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
