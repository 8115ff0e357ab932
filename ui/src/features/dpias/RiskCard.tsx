import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { ProtectionType } from "../../bindings/ProtectionType";
import type { RiskInput } from "../../bindings/RiskInput";
import type { RiskMatrix } from "../../bindings/RiskMatrix";
import type { SessionInfo } from "../../bindings/SessionInfo";
import type { TomRow } from "../../bindings/TomRow";
import { Field, Select, TextArea } from "../../components/Field";
import { PROTECTION_TYPES } from "../toms/labels";
import { levelOf, RATINGS } from "./rules";
import { LevelBadge } from "./VerdictBadge";

type Props = {
  session: SessionInfo;
  tenantId: number;
  index: number;
  risk: RiskInput;
  toms: TomRow[];
  matrix: RiskMatrix;
  editable: boolean;
  onChange: (risk: RiskInput) => void;
  onRemove: () => void;
  onTomCreated: () => Promise<void>;
  onError: (e: unknown) => boolean;
};

/** One threat: sources, impacts, its rating before measures, the tenant's TOMs against it (or a new one made
 * here), and its rating after them. */
export function RiskCard({
  session,
  tenantId,
  index,
  risk,
  toms,
  matrix,
  editable,
  onChange,
  onRemove,
  onTomCreated,
  onError,
}: Props) {
  const { t } = useTranslation();
  const [newTitle, setNewTitle] = useState("");
  const [newType, setNewType] = useState<ProtectionType>("data_access");
  const set = (patch: Partial<RiskInput>) => onChange({ ...risk, ...patch });
  const rating = (label: string, value: number | null, field: keyof RiskInput, testId: string) => (
    <Select
      label={label}
      value={value ?? 0}
      disabled={!editable}
      data-testid={testId}
      onChange={(e) => set({ [field]: Number(e.target.value) || null } as Partial<RiskInput>)}
    >
      <option value={0}>—</option>
      {RATINGS.map((n) => (
        <option key={n} value={n}>
          {n} – {t(`dpia.scale.${n}`)}
        </option>
      ))}
    </Select>
  );
  const title = risk.kind === "own" ? risk.title || t("dpia.risk.ownUntitled") : t(`dpia.risk.kinds.${risk.kind}`);
  const chosen = risk.tom_ids.map(Number);
  const offered = toms.filter((x) => !chosen.includes(Number(x.id)) && x.status !== "inactive");
  async function createTom() {
    try {
      const tom = await api.createTom({
        tenant_id: tenantId,
        protection_type: newType,
        kind: "organisational",
        title: newTitle,
        description: "",
        implementation: "",
        art32: ["b"],
        sdm: [],
        status: "in_review",
        editor_id: null,
        next_review: null,
        company_ids: [],
      });
      await onTomCreated();
      set({ tom_ids: [...chosen, tom.id] });
      setNewTitle("");
    } catch (e) {
      onError(e);
    }
  }
  return (
    <section className="card risk-card" data-risk={index + 1} aria-label={title}>
      <div className="form-head">
        <span className="risk-number" aria-hidden="true">
          {index + 1}
        </span>
        <h3>{title}</h3>
        <LevelBadge level={levelOf(matrix, risk.likelihood, risk.severity)} />
        <span aria-hidden="true">→</span>
        <LevelBadge level={levelOf(matrix, risk.residual_likelihood, risk.residual_severity)} />
        {editable && risk.kind === "own" && (
          <button type="button" className="ghost small" onClick={onRemove}>
            {t("dpia.risk.remove")}
          </button>
        )}
      </div>
      {risk.kind === "own" && (
        <Field
          label={t("dpia.risk.title")}
          name={`risk_${index}_title`}
          value={risk.title}
          readOnly={!editable}
          onChange={(e) => set({ title: e.target.value })}
        />
      )}
      <div className="grid-3">
        <TextArea
          label={t("dpia.risk.threats")}
          rows={2}
          name={`risk_${index}_threats`}
          value={risk.threats}
          readOnly={!editable}
          onChange={(e) => set({ threats: e.target.value })}
        />
        <TextArea
          label={t("dpia.risk.sources")}
          rows={2}
          name={`risk_${index}_sources`}
          value={risk.sources}
          readOnly={!editable}
          onChange={(e) => set({ sources: e.target.value })}
        />
        <TextArea
          label={t("dpia.risk.impacts")}
          rows={2}
          name={`risk_${index}_impacts`}
          value={risk.impacts}
          readOnly={!editable}
          onChange={(e) => set({ impacts: e.target.value })}
        />
      </div>
      <div className="grid-4">
        {rating(t("dpia.risk.likelihood"), risk.likelihood, "likelihood", `risk-${index + 1}-likelihood`)}
        {rating(t("dpia.risk.severity"), risk.severity, "severity", `risk-${index + 1}-severity`)}
        {rating(
          t("dpia.risk.residualLikelihood"),
          risk.residual_likelihood,
          "residual_likelihood",
          `risk-${index + 1}-residual-likelihood`,
        )}
        {rating(
          t("dpia.risk.residualSeverity"),
          risk.residual_severity,
          "residual_severity",
          `risk-${index + 1}-residual-severity`,
        )}
      </div>
      <div className="field">
        <span className="label">{t("dpia.risk.toms")}</span>
        <ul className="chips">
          {chosen.map((id) => {
            const tom = toms.find((x) => Number(x.id) === id);
            return (
              <li key={id} className="chip" data-risk-tom={tom?.title ?? id}>
                <span>{tom?.title ?? `#${id}`}</span>
                {editable && (
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={t("toms.removeSpecific", { name: tom?.title ?? id })}
                    onClick={() => set({ tom_ids: chosen.filter((x) => x !== id) })}
                  >
                    ×
                  </button>
                )}
              </li>
            );
          })}
          {chosen.length === 0 && <li className="muted small">{t("dpia.risk.noToms")}</li>}
        </ul>
        {editable && (
          <div className="picker-row">
            <select
              aria-label={t("dpia.risk.addTom")}
              value=""
              data-testid={`risk-${index + 1}-add-tom`}
              onChange={(e) => e.target.value && set({ tom_ids: [...chosen, Number(e.target.value)] })}
            >
              <option value="">{t("dpia.risk.addTom")}</option>
              {PROTECTION_TYPES.map((type) => {
                const group = offered.filter((x) => x.protection_type === type);
                return group.length === 0 ? null : (
                  <optgroup key={type} label={t(`toms.types.${type}`)}>
                    {group.map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.title}
                      </option>
                    ))}
                  </optgroup>
                );
              })}
            </select>
            {can(session, "tom", "create") && (
              <>
                <input
                  aria-label={t("dpia.risk.newTom")}
                  placeholder={t("dpia.risk.newTom")}
                  value={newTitle}
                  data-testid={`risk-${index + 1}-new-tom`}
                  onChange={(e) => setNewTitle(e.target.value)}
                />
                <select
                  aria-label={t("toms.fields.type")}
                  value={newType}
                  onChange={(e) => setNewType(e.target.value as ProtectionType)}
                >
                  {PROTECTION_TYPES.map((p) => (
                    <option key={p} value={p}>
                      {t(`toms.types.${p}`)}
                    </option>
                  ))}
                </select>
                <button type="button" disabled={!newTitle.trim()} onClick={() => void createTom()}>
                  {t("dpia.risk.createTom")}
                </button>
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
