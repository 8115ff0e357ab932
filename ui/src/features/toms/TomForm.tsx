import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { Art32Goal } from "../../bindings/Art32Goal";
import type { Company } from "../../bindings/Company";
import type { EditorChoice } from "../../bindings/EditorChoice";
import type { ProtectionType } from "../../bindings/ProtectionType";
import type { SdmGoal } from "../../bindings/SdmGoal";
import type { TomDetail } from "../../bindings/TomDetail";
import type { TomInput } from "../../bindings/TomInput";
import type { TomKind } from "../../bindings/TomKind";
import type { TomStatus } from "../../bindings/TomStatus";
import { Alert } from "../../components/Alert";
import { Field, Select, TextArea } from "../../components/Field";
import { DateField } from "../../components/DateField";
import { RecordHistory } from "../../components/history/RecordHistory";
import { LinkedDocuments } from "../documents/LinkedDocuments";
import { recordKeys, useRecords, useRecordsChanged } from "../../data/records";
import type { PageProps } from "../../screens/page";
import { useUnsaved } from "../../unsaved";
import { useAction } from "../../useAction";
import { PROTECTION_TYPES, TOM_STATUSES } from "./labels";
import { TomActivities } from "./TomActivities";
import { TomReviews } from "./TomReviews";
import { TomStatusBadge } from "./TomStatusBadge";

const ART32: Art32Goal[] = ["a", "b", "c", "d"];
const SDM: SdmGoal[] = [
  "data_minimisation",
  "availability",
  "integrity",
  "confidentiality",
  "unlinkability",
  "transparency",
  "intervenability",
];
const KINDS: TomKind[] = ["technical", "organisational"];

type Props = PageProps & {
  tenantId: number;
  /** null: a new own measure. */
  id: number | null;
  companies: Company[];
  onClose: () => void;
  onSaved: (title: string) => void;
};

function inputOf(detail: TomDetail | null, tenantId: number): TomInput {
  if (!detail) {
    return {
      tenant_id: tenantId,
      protection_type: "physical_access",
      kind: "organisational",
      title: "",
      description: "",
      implementation: "",
      art32: ["b"],
      sdm: [],
      status: "in_review",
      editor_id: null,
      next_review: null,
      company_ids: [],
    };
  }
  return {
    tenant_id: detail.tenant_id,
    protection_type: detail.protection_type,
    kind: detail.kind,
    title: detail.title,
    description: detail.description,
    implementation: detail.implementation,
    art32: detail.art32,
    sdm: detail.sdm,
    status: detail.status,
    editor_id: detail.editor_id,
    next_review: detail.next_review,
    company_ids: detail.company_ids.map(Number),
  };
}

/** One measure: loads it, then shows the form (a new own measure needs nothing loaded). */
export function TomForm(props: Props) {
  const { tenantId, id, onError } = props;
  const [current, setCurrent] = useState(id);
  const detail = useRecords(recordKeys.tom(tenantId, current ?? 0), () => api.tom(current ?? 0), onError, {
    enabled: current !== null,
  });
  if (current !== null && !detail.data) {
    return detail.error ? <Alert kind="error">{detail.error}</Alert> : <p className="muted">…</p>;
  }
  return (
    <TomEditor
      key={current ?? "new"}
      {...props}
      detail={current === null ? null : (detail.data ?? null)}
      onCreated={setCurrent}
    />
  );
}

type EditorProps = Props & { detail: TomDetail | null; onCreated: (id: number) => void };

/** The seed's steps 2 and 3 for one measure: which companies it is valid for, how it is done there, its next
 * review, then active. Below: the activities it serves and its reviews. */
function TomEditor({
  session,
  tenantId,
  detail,
  companies,
  openRecord,
  onError,
  onClose,
  onSaved,
  onCreated,
}: EditorProps) {
  const { t } = useTranslation();
  const editable = detail ? can(session, "tom", "edit") : can(session, "tom", "create");
  const [baseline, setBaseline] = useState(() => inputOf(detail, tenantId));
  const [input, setInput] = useState(baseline);
  const [saved, setSaved] = useState(false);
  const [editors, setEditors] = useState<EditorChoice[]>([]);
  const { busy, error, run, fieldError } = useAction(onError);
  const changed = useRecordsChanged();
  const dirty = JSON.stringify(input) !== JSON.stringify(baseline);
  useUnsaved("tom-form", dirty && editable);

  useEffect(() => {
    // Editors are offered where the user may list them; otherwise the field keeps its value.
    api
      .editors(tenantId)
      .then(setEditors)
      .catch(() => setEditors([]));
  }, [tenantId]);

  const set = (patch: Partial<TomInput>) => {
    setSaved(false);
    setInput((i) => ({ ...i, ...patch }));
  };
  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  function save(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const result = detail ? await api.updateTom(detail.id, input) : await api.createTom(input);
      await changed("toms", tenantId);
      const next = inputOf({ ...result, activities: [] }, tenantId);
      setBaseline(next);
      setInput(next);
      setSaved(true);
      onSaved(result.title);
      if (!detail) onCreated(result.id);
    });
  }

  const title = detail ? detail.title : t("toms.new");
  const editorChoices =
    detail?.editor_id && !editors.some((u) => u.id === detail.editor_id)
      ? [...editors, { id: detail.editor_id, name: detail.editor_name ?? "" }]
      : editors;
  return (
    <>
      <form className="card tom-form" onSubmit={save} noValidate aria-label={title} data-testid="tom-form">
        <div className="form-head">
          <h2>{title}</h2>
          {detail && <TomStatusBadge status={detail.status} />}
          {detail && (
            <span className="badge subtle">{detail.catalogue_key ? t("toms.fromCatalogue") : t("toms.own")}</span>
          )}
        </div>
        <div className="grid-2">
          <Field
            label={t("toms.fields.title")}
            name="tom_title"
            error={fieldError("tom_title")}
            value={input.title}
            readOnly={!editable}
            onChange={(e) => set({ title: e.target.value })}
          />
          <Select
            label={t("toms.fields.type")}
            value={input.protection_type}
            disabled={!editable}
            data-testid="tom-type"
            onChange={(e) => set({ protection_type: e.target.value as ProtectionType })}
          >
            {PROTECTION_TYPES.map((p) => (
              <option key={p} value={p}>
                {t(`toms.types.${p}`)}
              </option>
            ))}
          </Select>
          <Select
            label={t("toms.fields.kind")}
            value={input.kind}
            disabled={!editable}
            data-testid="tom-kind"
            onChange={(e) => set({ kind: e.target.value as TomKind })}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`toms.kind.${k}`)}
              </option>
            ))}
          </Select>
          <Select
            label={t("toms.fields.status")}
            value={input.status}
            disabled={!editable}
            data-testid="tom-status"
            hint={t("toms.statusHint")}
            onChange={(e) => set({ status: e.target.value as TomStatus })}
          >
            {TOM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`toms.status.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <TextArea
          label={t("toms.fields.description")}
          name="tom_description"
          rows={3}
          value={input.description}
          readOnly={!editable}
          onChange={(e) => set({ description: e.target.value })}
        />
        <fieldset className="checks" disabled={!editable}>
          <legend>{t("toms.fields.companies")}</legend>
          {companies.length === 0 && <p className="muted small">{t("toms.noCompanies")}</p>}
          {companies.map((c) => (
            <label key={c.id} className="check-inline">
              <input
                type="checkbox"
                data-company={c.name}
                checked={input.company_ids.includes(c.id)}
                onChange={(e) => set({ company_ids: toggle(input.company_ids, c.id, e.target.checked) })}
              />
              {c.name}
            </label>
          ))}
        </fieldset>
        <TextArea
          label={t("toms.fields.implementation")}
          name="tom_implementation"
          rows={4}
          hint={t("toms.implementationHint")}
          value={input.implementation}
          readOnly={!editable}
          onChange={(e) => set({ implementation: e.target.value })}
        />
        <div className="grid-2">
          <DateField
            label={t("toms.fields.nextReview")}
            name="tom_next_review"
            error={fieldError("next_review")}
            value={input.next_review ?? ""}
            readOnly={!editable}
            onChange={(iso) => set({ next_review: iso || null })}
          />
          <Select
            label={t("toms.fields.editor")}
            value={input.editor_id ?? 0}
            disabled={!editable}
            data-testid="tom-editor"
            onChange={(e) => set({ editor_id: Number(e.target.value) || null })}
          >
            <option value={0}>—</option>
            {editorChoices.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        </div>
        <fieldset className="checks" disabled={!editable}>
          <legend>{t("toms.fields.art32")}</legend>
          {ART32.map((g) => (
            <label key={g} className="check-inline" title={t(`toms.art32.${g}`)}>
              <input
                type="checkbox"
                checked={input.art32.includes(g)}
                onChange={(e) => set({ art32: toggle(input.art32, g, e.target.checked) })}
              />
              {t(`toms.art32.${g}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="checks" disabled={!editable}>
          <legend>{t("toms.fields.sdm")}</legend>
          {SDM.map((g) => (
            <label key={g} className="check-inline">
              <input
                type="checkbox"
                checked={input.sdm.includes(g)}
                onChange={(e) => set({ sdm: toggle(input.sdm, g, e.target.checked) })}
              />
              {t(`toms.sdm.${g}`)}
            </label>
          ))}
        </fieldset>
        {detail && (
          <LinkedDocuments
            session={session}
            tenantId={tenantId}
            object="tom"
            recordId={detail.id}
            openRecord={openRecord}
            onError={onError}
          />
        )}
        {detail && (
          <RecordHistory
            object="tom"
            id={detail.id}
            editable={can(session, "tom", "edit")}
            onError={onError}
            onRestored={() =>
              void api.tom(detail.id).then((fresh) => {
                // The restored values replace the form's: the record is what the history saved.
                const next = inputOf(fresh, tenantId);
                setBaseline(next);
                setInput(next);
                setSaved(false);
                void changed("toms", tenantId);
                onSaved(fresh.title);
              }, onError)
            }
          />
        )}
        {error && (
          <Alert kind="error" testId="tom-error">
            {error}
          </Alert>
        )}
        {saved && !dirty && (
          <Alert kind="success" testId="tom-saved">
            {t("common.saved")}
          </Alert>
        )}
        <div className="actions sticky-actions">
          {editable && (
            <button type="submit" className="primary" disabled={busy} data-testid="save-tom">
              {t("common.save")}
            </button>
          )}
          <button type="button" data-testid="tom-back" onClick={onClose}>
            {t("toms.backToList")}
          </button>
        </div>
      </form>
      {detail && (
        <>
          {can(session, "processing_activity", "view") && (
            <TomActivities
              tomId={detail.id}
              tenantId={tenantId}
              linked={detail.activities}
              editable={can(session, "tom", "edit")}
              onError={onError}
            />
          )}
          <TomReviews
            session={session}
            tomId={detail.id}
            tenantId={tenantId}
            reviews={detail.reviews}
            nextReview={detail.next_review}
            editable={can(session, "tom", "edit")}
            onError={onError}
            onReviewed={(next) => {
              // The review moved the next review date: the form shows it and keeps the rest of what was typed.
              setBaseline((b) => ({ ...b, next_review: next }));
              setInput((i) => ({ ...i, next_review: next }));
            }}
          />
        </>
      )}
    </>
  );
}
