import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { Dpia } from "../../bindings/Dpia";
import type { DpiaInput } from "../../bindings/DpiaInput";
import type { DpiaStatus } from "../../bindings/DpiaStatus";
import type { Opinion } from "../../bindings/Opinion";
import type { RiskInput } from "../../bindings/RiskInput";
import { Alert } from "../../components/Alert";
import { Field, Select, TextArea } from "../../components/Field";
import { DateField } from "../../components/DateField";
import { RecordHistory } from "../../components/history/RecordHistory";
import { LinkedDocuments } from "../documents/LinkedDocuments";
import { recordKeys, useRecords, useRecordsChanged } from "../../data/records";
import { formatDate } from "../../format";
import type { PageProps } from "../../screens/page";
import { useUnsaved } from "../../unsaved";
import { useAction } from "../../useAction";
import { todayIso } from "../../reviewDates";
import { ALL_TOMS } from "../toms/labels";
import { MatrixTable } from "./MatrixTable";
import { RiskCard } from "./RiskCard";
import { RiskMap } from "./RiskMap";
import { levelOf } from "./rules";
import { VersionCompare } from "./VersionCompare";

type Props = PageProps & { tenantId: number; id: number; onClose: () => void; onOpen: (id: number) => void };

const DESCRIPTION = [
  "description",
  "responsibilities",
  "standards",
  "data_processed",
  "life_cycle",
  "supporting_assets",
  "purposes",
] as const;
const NECESSITY = [
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
] as const;
const OPINIONS: Opinion[] = ["none", "favourable", "unfavourable"];

/** Only the current version while in progress is edited; a decided one and an earlier one are read-only. */
const editableOf = (session: Props["session"], dpia: Dpia) =>
  dpia.is_current && dpia.status === "in_progress" && can(session, "dpia", "edit");

/** One version of an assessment: the sections of Art. 35(7) with their progress, the risks and the risk map, the
 * opinions and the decision; earlier versions read-only; new version, comparison and CNIL export. */
export function DpiaEditor(props: Props) {
  const { session, tenantId, id, openRecord, onError } = props;
  const dpia = useRecords(recordKeys.dpia(tenantId, id), () => api.dpia(id), onError);
  const changed = useRecordsChanged();
  // Kept here: a save reloads the version, and the form below starts afresh from it.
  const [notice, setNotice] = useState<string | null>(null);
  if (!dpia.data) return dpia.error ? <Alert kind="error">{dpia.error}</Alert> : <p className="muted">…</p>;
  return (
    <>
      <Editor
        key={`${dpia.data.id}-${dpia.data.updated_at}`}
        {...props}
        dpia={dpia.data}
        notice={notice}
        setNotice={setNotice}
      />
      <LinkedDocuments
        session={session}
        tenantId={tenantId}
        object="dpia"
        recordId={dpia.data.id}
        openRecord={openRecord}
        onError={onError}
      />
      {/* Below the form rather than in it: a restore reloads the version and the form starts afresh, while the
          history stays open with its notice. */}
      <RecordHistory
        object="dpia"
        id={dpia.data.id}
        editable={editableOf(session, dpia.data)}
        onError={onError}
        onRestored={() => {
          setNotice(null);
          void changed("dpias", tenantId);
        }}
      />
    </>
  );
}

type EditorProps = Props & { dpia: Dpia; notice: string | null; setNotice: (notice: string | null) => void };

function Editor({ session, tenantId, dpia, notice, setNotice, onError, onClose, onOpen }: EditorProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState<DpiaInput>(dpia.data);
  const [comparing, setComparing] = useState<number | null>(null);
  const [decision, setDecision] = useState<{
    decision: DpiaStatus;
    validator: string;
    date: string;
    note: string;
    review: string;
  }>({
    decision: "validated",
    validator: "",
    date: todayIso(),
    note: "",
    review: "",
  });
  const { busy, error, run } = useAction(onError);
  const changed = useRecordsChanged();
  const matrix = useRecords(recordKeys.riskMatrix(), () => api.riskMatrix(), onError);
  const toms = useRecords(recordKeys.toms(tenantId), () => api.toms(tenantId, ALL_TOMS), onError, {
    enabled: can(session, "tom", "view"),
  });
  const editable = editableOf(session, dpia);
  const dirty = JSON.stringify(input) !== JSON.stringify(dpia.data);
  useUnsaved("dpia-form", dirty && editable);
  const set = (patch: Partial<DpiaInput>) => {
    setNotice(null);
    setInput((i) => ({ ...i, ...patch }));
  };
  const text = (field: keyof DpiaInput, rows = 3) => (
    <TextArea
      key={field}
      label={t(`dpia.fields.${field}`)}
      name={`dpia_${field}`}
      rows={rows}
      value={input[field] as string}
      readOnly={!editable}
      onChange={(e) => set({ [field]: e.target.value } as Partial<DpiaInput>)}
    />
  );
  const setRisk = (index: number, risk: RiskInput) =>
    set({ risks: input.risks.map((r, i) => (i === index ? risk : r)) });
  const after = async (result: Dpia, message: string) => {
    await changed("dpias", tenantId);
    setNotice(message);
    if (result.id !== dpia.id) onOpen(result.id);
  };
  const save = () => void run(async () => after(await api.updateDpia(dpia.id, input), t("common.saved")));
  const validate = () =>
    void run(async () => {
      if (dirty) await api.updateDpia(dpia.id, input);
      const result = await api.validateDpia(dpia.id, {
        decision: decision.decision,
        validator_name: decision.validator,
        date: decision.date || null,
        note: decision.note,
        review_date: decision.review || null,
      });
      await after(result, t(`dpia.decided.${result.status}`));
    });
  const newVersion = () => void run(async () => after(await api.newDpiaVersion(dpia.id), t("dpia.versionStarted")));
  const exportCnil = () =>
    void run(async () => {
      const saved = await api.exportCnil(dpia.id, t("dpia.cnil.exportTitle"));
      if (!saved) return;
      setNotice(
        saved.folded_threats.length
          ? t("dpia.cnil.exportedFolded", { path: saved.path, threats: saved.folded_threats.join(", ") })
          : t("dpia.cnil.exported", { path: saved.path }),
      );
    });
  const updateMatrix = can(session, "settings", "edit")
    ? (m: NonNullable<typeof matrix.data>) =>
        void run(async () => {
          await api.updateRiskMatrix(m);
          await changed("risk-matrix", null);
          await changed("dpias", tenantId);
        })
    : undefined;
  const riskName = (r: RiskInput, i: number) =>
    r.kind === "own" ? r.title || `${i + 1}` : t(`dpia.risk.kinds.${r.kind}`);
  return (
    <>
      <div className="page-head">
        <div>
          <button type="button" className="link" data-testid="dpia-back" onClick={onClose}>
            ← {t("dpia.backToList")}
          </button>
          <h1 data-testid="dpia-title">{t("dpia.titleOf", { name: dpia.activity_name })}</h1>
          <p className="lead">
            <span className={`badge dpia-status-${dpia.status}`} data-testid="dpia-status">
              {t(`dpia.status.${dpia.status}`)}
            </span>{" "}
            {t("dpia.versionOf", { version: dpia.version })}
            {!dpia.is_current && <span className="badge subtle">{t("dpia.earlier")}</span>}
          </p>
        </div>
        <div className="actions">
          <select
            aria-label={t("dpia.versions")}
            value={dpia.id}
            data-testid="dpia-version-select"
            onChange={(e) => onOpen(Number(e.target.value))}
          >
            {dpia.versions.map((v) => (
              <option key={v.id} value={v.id}>
                {t("dpia.versionLine", { version: v.version, status: t(`dpia.status.${v.status}`), by: v.created_by })}
              </option>
            ))}
          </select>
          {can(session, "dpia", "export") && (
            <button type="button" data-testid="export-cnil" disabled={busy} onClick={exportCnil}>
              {t("dpia.cnil.export")}
            </button>
          )}
          {dpia.is_current && dpia.status !== "in_progress" && can(session, "dpia", "create") && (
            <button
              type="button"
              className="primary"
              data-testid="new-dpia-version"
              disabled={busy}
              onClick={newVersion}
            >
              {t("dpia.newVersion")}
            </button>
          )}
        </div>
      </div>
      {!editable && (
        <Alert kind="info" testId="dpia-read-only">
          {dpia.is_current ? t("dpia.decidedReadOnly") : t("dpia.earlierReadOnly")}
        </Alert>
      )}
      {notice && (
        <Alert kind="success" testId="dpia-notice">
          {notice}
        </Alert>
      )}
      {error && (
        <Alert kind="error" testId="dpia-error">
          {error}
        </Alert>
      )}
      <nav className="card dpia-progress" aria-label={t("dpia.progress")} data-testid="dpia-progress">
        <ol>
          {dpia.progress.map((p) => (
            <li key={p.section} className={p.done ? "done" : ""} data-section={p.section}>
              <a href={`#dpia-${p.section}`}>
                <span aria-hidden="true">{p.done ? "✓" : "○"}</span> {t(`dpia.sections.${p.section}`)}
              </a>
              <span className="sr-only">{p.done ? t("dpia.sectionDone") : t("dpia.sectionOpen")}</span>
            </li>
          ))}
        </ol>
        <span className="muted small">
          {t("dpia.progressCount", { done: dpia.progress.filter((p) => p.done).length, total: dpia.progress.length })}
        </span>
      </nav>

      <section className="card form-grid" id="dpia-description" aria-labelledby="h-description">
        <h2 id="h-description">{t("dpia.sections.description")}</h2>
        <p className="muted small">{t("dpia.prefilledHint")}</p>
        <fieldset>{DESCRIPTION.map((f) => text(f))}</fieldset>
      </section>
      <section className="card form-grid" id="dpia-necessity" aria-labelledby="h-necessity">
        <h2 id="h-necessity">{t("dpia.sections.necessity")}</h2>
        <fieldset>{NECESSITY.map((f) => text(f, 2))}</fieldset>
      </section>

      <section className="card" id="dpia-risks" aria-labelledby="h-risks">
        <h2 id="h-risks">{t("dpia.sections.risks")}</h2>
        {matrix.data && (
          <div className="risk-overview">
            <RiskMap risks={input.risks} matrix={matrix.data} name={riskName} />
            <table className="simple-table risk-table" data-testid="risk-table">
              <caption className="sr-only">{t("dpia.map.table")}</caption>
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t("dpia.risk.name")}</th>
                  <th>{t("dpia.map.before")}</th>
                  <th>{t("dpia.map.afterShort")}</th>
                </tr>
              </thead>
              <tbody>
                {input.risks.map((r, i) => (
                  <tr key={i} data-risk-row={i + 1}>
                    <td>{i + 1}</td>
                    <td>{riskName(r, i)}</td>
                    <td>{rated(t, r.likelihood, r.severity, levelOf(matrix.data!, r.likelihood, r.severity))}</td>
                    <td>
                      {rated(
                        t,
                        r.residual_likelihood,
                        r.residual_severity,
                        levelOf(matrix.data!, r.residual_likelihood, r.residual_severity),
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {matrix.data &&
          input.risks.map((r, i) => (
            <RiskCard
              key={i}
              session={session}
              tenantId={tenantId}
              index={i}
              risk={r}
              toms={toms.data ?? []}
              matrix={matrix.data!}
              editable={editable}
              onChange={(risk) => setRisk(i, risk)}
              onRemove={() => set({ risks: input.risks.filter((_, j) => j !== i) })}
              onTomCreated={() => changed("toms", tenantId)}
              onError={onError}
            />
          ))}
        {editable && (
          <button
            type="button"
            data-testid="add-own-risk"
            onClick={() =>
              set({
                risks: [
                  ...input.risks,
                  {
                    kind: "own",
                    title: "",
                    threats: "",
                    sources: "",
                    impacts: "",
                    likelihood: null,
                    severity: null,
                    residual_likelihood: null,
                    residual_severity: null,
                    tom_ids: [],
                  },
                ],
              })
            }
          >
            {t("dpia.risk.addOwn")}
          </button>
        )}
        {matrix.data && (
          <details className="matrix-details">
            <summary>{t("dpia.matrix.title")}</summary>
            <p className="muted small">{t("dpia.matrix.note")}</p>
            <MatrixTable matrix={matrix.data} onChange={updateMatrix} />
          </details>
        )}
      </section>

      <section className="card form-grid" id="dpia-opinions" aria-labelledby="h-opinions">
        <h2 id="h-opinions">{t("dpia.sections.opinions")}</h2>
        <fieldset>
          <Field
            label={t("dpia.fields.dpo_name")}
            name="dpia_dpo_name"
            value={input.dpo_name}
            readOnly={!editable}
            onChange={(e) => set({ dpo_name: e.target.value })}
          />
          <Select
            label={t("dpia.fields.dpo_status")}
            value={input.dpo_status}
            disabled={!editable}
            data-testid="dpo-status"
            onChange={(e) => set({ dpo_status: e.target.value as Opinion })}
          >
            {OPINIONS.map((o) => (
              <option key={o} value={o}>
                {t(`dpia.opinion.${o}`)}
              </option>
            ))}
          </Select>
          {text("dpo_opinion")}
          <label className="check">
            <input
              type="checkbox"
              checked={input.subjects_consulted}
              disabled={!editable}
              onChange={(e) => set({ subjects_consulted: e.target.checked })}
            />{" "}
            {t("dpia.fields.subjects_consulted")}
          </label>
          <Select
            label={t("dpia.fields.subjects_status")}
            value={input.subjects_status}
            disabled={!editable}
            onChange={(e) => set({ subjects_status: e.target.value as Opinion })}
          >
            {OPINIONS.map((o) => (
              <option key={o} value={o}>
                {t(`dpia.opinion.${o}`)}
              </option>
            ))}
          </Select>
          {text("subjects_opinion")}
          {text("comments", 2)}
        </fieldset>
      </section>

      <section className="card" id="dpia-validation" aria-labelledby="h-validation">
        <h2 id="h-validation">{t("dpia.sections.validation")}</h2>
        {dpia.status !== "in_progress" ? (
          <p data-testid="dpia-decision">
            {t(`dpia.decidedBy.${dpia.status}`, {
              name: dpia.validator_name,
              date: dpia.validated_at ? formatDate(dpia.validated_at) : "",
            })}
            {dpia.decision_note && <span className="muted"> — {dpia.decision_note}</span>}
            {dpia.data.review_date && (
              <span className="block">{t("dpia.reviewOn", { date: formatDate(dpia.data.review_date) })}</span>
            )}
          </p>
        ) : editable ? (
          <div className="grid-2">
            <Select
              label={t("dpia.decision")}
              value={decision.decision}
              data-testid="dpia-decision-select"
              onChange={(e) => setDecision((d) => ({ ...d, decision: e.target.value as DpiaStatus }))}
            >
              <option value="validated">{t("dpia.status.validated")}</option>
              <option value="refused">{t("dpia.status.refused")}</option>
            </Select>
            <Field
              label={t("dpia.validator")}
              name="dpia_validator"
              placeholder={session.user_name}
              value={decision.validator}
              onChange={(e) => setDecision((d) => ({ ...d, validator: e.target.value }))}
            />
            <DateField
              label={t("dpia.decisionDate")}
              name="dpia_decision_date"
              value={decision.date}
              max={todayIso()}
              onChange={(iso) => setDecision((d) => ({ ...d, date: iso }))}
            />
            <DateField
              label={t("dpia.reviewDate")}
              name="dpia_review_date"
              hint={t("dpia.reviewDefault")}
              value={decision.review}
              onChange={(iso) => setDecision((d) => ({ ...d, review: iso }))}
            />
            <TextArea
              label={t("dpia.decisionNote")}
              name="dpia_decision_note"
              rows={2}
              value={decision.note}
              onChange={(e) => setDecision((d) => ({ ...d, note: e.target.value }))}
            />
          </div>
        ) : (
          <p className="muted">{t("dpia.notDecided")}</p>
        )}
        {editable && (
          <div className="actions start">
            <button type="button" className="primary" data-testid="validate-dpia" disabled={busy} onClick={validate}>
              {t("dpia.decide")}
            </button>
          </div>
        )}
      </section>

      {dpia.versions.length > 1 && (
        <section className="card" aria-labelledby="h-compare">
          <h2 id="h-compare">{t("dpia.compare.title")}</h2>
          <select
            aria-label={t("dpia.compare.with")}
            value={comparing ?? 0}
            data-testid="dpia-compare-select"
            onChange={(e) => setComparing(Number(e.target.value) || null)}
          >
            <option value={0}>{t("dpia.compare.choose")}</option>
            {dpia.versions
              .filter((v) => v.id !== dpia.id)
              .map((v) => (
                <option key={v.id} value={v.id}>
                  {t("dpia.versionOf", { version: v.version })}
                </option>
              ))}
          </select>
          {comparing && <VersionCompare tenantId={tenantId} current={dpia} otherId={comparing} onError={onError} />}
        </section>
      )}

      {editable && (
        <div className="form-toolbar sticky-bottom" role="toolbar" aria-label={t("dpia.title")}>
          {dirty && <span className="muted small">{t("common.unsaved")}</span>}
          <button type="button" className="primary" data-testid="save-dpia" disabled={busy || !dirty} onClick={save}>
            {t("common.save")}
          </button>
        </div>
      )}
    </>
  );
}

function rated(
  t: (key: string, o?: Record<string, unknown>) => string,
  l: number | null,
  s: number | null,
  level: string | null,
) {
  if (!l || !s) return <span className="muted">{t("dpia.map.unrated")}</span>;
  return (
    <span className={`level-text level-${level}`}>
      {t("dpia.map.rating", { l, s })} · {t(`dpia.level.${level}`)}
    </span>
  );
}
