import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { DpiaCheckForm } from "../../bindings/DpiaCheckForm";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { Alert } from "../../components/Alert";
import { TextArea } from "../../components/Field";
import { recordKeys, useRecords, useRecordsChanged } from "../../data/records";
import type { MenuEntry } from "../../bindings/MenuEntry";
import { formatDateTime } from "../../format";
import { useAction } from "../../useAction";
import { requestOpenDpia } from "./openRequest";
import { ART35_3, verdictOf, WP248 } from "./rules";
import { VerdictBadge } from "./VerdictBadge";

type Props = {
  session: SessionInfo;
  tenantId: number;
  activityId: number;
  onError: (e: unknown) => boolean;
  /** The check wrote the verdict into the activity: it reloads. */
  onChecked: () => void;
  navigate: (page: MenuEntry) => void;
};

/** The DPIA necessity check of one activity (SPEC §6): Art. 35(3), WP248 and the must list as checkboxes with a
 * one-line explanation each, the verdict at once in colour and words, then saved with date and editor. */
export function CheckPanel(props: Props) {
  const { session, tenantId, activityId, onError } = props;
  const form = useRecords(recordKeys.dpiaCheck(tenantId, activityId), () => api.dpiaCheckForm(activityId), onError);
  if (form.code === "permission_denied") return null;
  if (!form.data) return form.error ? <Alert kind="error">{form.error}</Alert> : null;
  return <Check key={form.data.check?.checked_at ?? "new"} {...props} form={form.data} session={session} />;
}

function Check({ session, tenantId, activityId, form, onError, onChecked, navigate }: Props & { form: DpiaCheckForm }) {
  const { t } = useTranslation();
  const [criteria, setCriteria] = useState<string[]>(form.check?.criteria ?? []);
  const [note, setNote] = useState(form.check?.note ?? "");
  const { busy, error, run } = useAction(onError);
  const changed = useRecordsChanged();
  const editable = can(session, "dpia", "edit");
  const { verdict, reasons } = verdictOf(criteria);
  const toggle = (c: string, on: boolean) => setCriteria((list) => (on ? [...list, c] : list.filter((x) => x !== c)));
  const box = (name: string, label: string, hint: string, folded = false) => (
    <label key={name} className={`check criterion${form.suggested.includes(name) ? " suggested" : ""}`}>
      <input
        type="checkbox"
        data-criterion={name}
        checked={criteria.includes(name)}
        disabled={!editable || busy}
        onChange={(e) => toggle(name, e.target.checked)}
      />
      <span>
        <strong>{label}</strong>
        {folded ? (
          hint && (
            <details className="hint">
              <summary>{t("dpia.check.typical")}</summary>
              {hint}
            </details>
          )
        ) : (
          <span className="hint">{hint}</span>
        )}
        {name === "sensitive_data" && form.suggested.includes(name) && (
          <span className="suggestion" data-testid="suggest-sensitive">
            {t("dpia.check.suggestSensitive", { categories: form.sensitive_categories.join(", ") })}
          </span>
        )}
      </span>
    </label>
  );
  function save() {
    void run(async () => {
      await api.checkDpia(activityId, { criteria, note });
      await changed("dpias", tenantId);
      onChecked();
    });
  }
  function openDpia() {
    void run(async () => {
      const id = form.dpia_id ?? (await api.startDpia(activityId)).id;
      await changed("dpias", tenantId);
      requestOpenDpia(id);
      navigate("dpias");
    });
  }
  return (
    <section className="card dpia-check" aria-labelledby="dpia-check-title" data-testid="dpia-check">
      <div className="form-head">
        <h2 id="dpia-check-title">{t("dpia.check.title")}</h2>
        <VerdictBadge verdict={verdict} />
      </div>
      <p className="muted small">{t("dpia.check.intro")}</p>
      <p data-testid="dpia-verdict" className={`verdict verdict-${verdict}`}>
        <strong>{t(`dpia.verdict.${verdict}`)}</strong>
        {reasons.length > 0 && (
          <span>
            {" — "}
            {t("dpia.check.because")} {reasons.map((r) => criterionName(t, r, form)).join("; ")}
          </span>
        )}
      </p>
      <fieldset className="criteria">
        <legend>{t("dpia.check.art35")}</legend>
        {ART35_3.map((c) => box(c, t(`dpia.criteria.${c}.label`), t(`dpia.criteria.${c}.hint`)))}
      </fieldset>
      <fieldset className="criteria">
        <legend>{t("dpia.check.wp248")}</legend>
        {WP248.map((c) => box(c, t(`dpia.criteria.${c}.label`), t(`dpia.criteria.${c}.hint`)))}
      </fieldset>
      <fieldset className="criteria">
        <legend>{t("dpia.check.mustList")}</legend>
        {form.must_list.length === 0 && <p className="muted small">{t("dpia.check.mustListEmpty")}</p>}
        {form.must_list.map((m) => box(`must:${m.number}`, `${m.number}. ${m.title}`, m.description, true))}
      </fieldset>
      {editable && (
        <TextArea
          label={t("dpia.check.note")}
          name="dpia_check_note"
          rows={2}
          hint={verdict === "recommended" ? t("dpia.check.noteRecommended") : undefined}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      )}
      {form.check && (
        <p className="muted small" data-testid="dpia-checked-by">
          {t("dpia.check.checkedBy", { name: form.check.checked_by, date: formatDateTime(form.check.checked_at) })}
        </p>
      )}
      {error && <Alert kind="error">{error}</Alert>}
      <div className="actions start">
        {editable && (
          <button type="button" className="primary" disabled={busy} data-testid="save-dpia-check" onClick={save}>
            {t("dpia.check.save")}
          </button>
        )}
        {form.dpia_id !== null ? (
          <button type="button" data-testid="open-dpia" onClick={openDpia}>
            {t("dpia.check.open")}
          </button>
        ) : (
          can(session, "dpia", "create") && (
            <button type="button" disabled={busy} data-testid="start-dpia" onClick={openDpia}>
              {t("dpia.check.start")}
            </button>
          )
        )}
      </div>
    </section>
  );
}

function criterionName(t: (key: string) => string, name: string, form: DpiaCheckForm): string {
  if (name.startsWith("must:")) {
    const entry = form.must_list.find((m) => `must:${m.number}` === name);
    return `${t("dpia.check.mustShort")} ${entry ? `${entry.number}. ${entry.title}` : name}`;
  }
  return t(`dpia.criteria.${name}.label`);
}
