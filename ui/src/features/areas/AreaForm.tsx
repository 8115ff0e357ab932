import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { Area } from "../../bindings/Area";
import type { AreaInput } from "../../bindings/AreaInput";
import type { Company } from "../../bindings/Company";
import { Alert } from "../../components/Alert";
import { Field, Select, TextArea } from "../../components/Field";
import { RecordHistory } from "../../components/history/RecordHistory";
import { useRecordsChanged } from "../../data/records";
import { useUnsaved } from "../../unsaved";
import { useAction } from "../../useAction";

type Props = {
  area: Area | null;
  companies: Company[];
  readOnly: boolean;
  onError: (e: unknown) => boolean;
  onSaved: (area: Area) => void;
  /** A version from the history was restored: the area as it is now, for the form to show. */
  onRestored: (area: Area) => void;
  onClose: () => void;
};

function inputOf(area: Area): AreaInput {
  return { company_id: area.company_id, name: area.name, description: area.description };
}

/** A new area, or an existing one renamed, described or moved to another company with its activities. */
export function AreaForm({ area, companies, readOnly, onError, onSaved, onRestored, onClose }: Props) {
  const { t } = useTranslation();
  const initial: AreaInput = area ? inputOf(area) : { company_id: companies[0]?.id ?? 0, name: "", description: "" };
  const [input, setInput] = useState<AreaInput>(initial);
  const dirty = JSON.stringify(input) !== JSON.stringify(initial);
  useUnsaved("area-form", dirty);
  const { busy, error, run, fieldError } = useAction(onError);
  const changed = useRecordsChanged();
  const set = (patch: Partial<AreaInput>) => setInput((i) => ({ ...i, ...patch }));
  function save(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const saved = area ? await api.updateArea(area.id, input) : await api.createArea(input);
      await changed("areas", saved.tenant_id);
      onSaved(saved);
    });
  }
  return (
    <form
      className="card"
      onSubmit={save}
      noValidate
      aria-label={area ? area.name : t("areas.new")}
      data-testid="area-form"
    >
      <h2>{area ? area.name : t("areas.new")}</h2>
      <Select
        label={t("areas.company")}
        value={input.company_id}
        disabled={readOnly}
        data-testid="area-company"
        onChange={(e) => set({ company_id: Number(e.target.value) })}
      >
        {companies.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <Field
        label={t("areas.name")}
        name="area_name"
        error={fieldError("area_name")}
        value={input.name}
        readOnly={readOnly}
        onChange={(e) => set({ name: e.target.value })}
      />
      <TextArea
        label={t("areas.description")}
        name="area_description"
        value={input.description}
        readOnly={readOnly}
        onChange={(e) => set({ description: e.target.value })}
      />
      {area && input.company_id !== area.company_id && (
        <p className="muted small" data-testid="area-move-hint">
          {t("areas.moveHint", { count: Number(area.activity_count) })}
        </p>
      )}
      {area && (
        <RecordHistory
          object="area"
          id={area.id}
          // An open area is read-only exactly without the right to edit areas.
          editable={!readOnly}
          onError={onError}
          onRestored={() =>
            void api.areas(area.tenant_id).then((areas) => {
              const fresh = areas.find((a) => a.id === area.id);
              if (!fresh) return;
              // The restored values replace the form's; the list's area becomes this one, so nothing is unsaved.
              setInput(inputOf(fresh));
              void changed("areas", fresh.tenant_id);
              onRestored(fresh);
            }, onError)
          }
        />
      )}
      {error && (
        <Alert kind="error" testId="area-error">
          {error}
        </Alert>
      )}
      <div className="actions">
        {!readOnly && (
          <button type="submit" className="primary" disabled={busy} data-testid="save-area">
            {t("common.save")}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {readOnly ? t("common.back") : t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
