import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { MasterItem } from "../../bindings/MasterItem";
import type { MasterItemInput } from "../../bindings/MasterItemInput";
import type { MasterKind } from "../../bindings/MasterKind";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { Alert } from "../../components/Alert";
import { Field, Select, TextArea } from "../../components/Field";
import { DateField } from "../../components/DateField";
import { RecordHistory } from "../../components/history/RecordHistory";
import { useRecordsChanged } from "../../data/records";
import { useUnsaved } from "../../unsaved";
import { useAction } from "../../useAction";
import { emptyItem } from "../activities/useMasterData";

export const CATEGORIES: Partial<Record<MasterKind, string[]>> = {
  recipient: ["internal", "external", "processor"],
  third_country: ["eu_eea", "adequacy_decision", "no_adequacy"],
  person: ["employee", "contact"],
  processor: ["none", "requested", "signed", "expired"],
};
const CODE_KINDS: MasterKind[] = ["legal_basis", "third_country", "retention_period"];
const CONTACT_KINDS: MasterKind[] = ["person", "customer", "processor", "recipient"];

type Props = {
  session: SessionInfo;
  tenantId: number;
  kind: MasterKind;
  item: MasterItem | null;
  onError: (e: unknown) => boolean;
  onClose: () => void;
  /** A version from the history was restored: the item as it is now, for the form to show. */
  onRestored: (item: MasterItem) => void;
};

function inputOf(kind: MasterKind, item: MasterItem): MasterItemInput {
  return {
    kind,
    name: item.name,
    description: item.description,
    code: item.code,
    special_category: item.special_category,
    category: item.category,
    date: item.date,
    email: item.email,
    phone: item.phone,
  };
}

/** One master data item; the kind decides which fields show. */
export function MasterForm({ session, tenantId, kind, item, onError, onClose, onRestored }: Props) {
  const { t } = useTranslation();
  const editable = item ? can(session, kind, "edit") : can(session, kind, "create");
  const initial: MasterItemInput = item
    ? inputOf(kind, item)
    : { ...emptyItem(kind, ""), category: CATEGORIES[kind]?.[0] ?? "" };
  const [form, setForm] = useState<MasterItemInput>(initial);
  const { busy, error, run, fieldError } = useAction(onError);
  const changed = useRecordsChanged();
  useUnsaved("master-form", editable && JSON.stringify(form) !== JSON.stringify(initial));
  const set = <K extends keyof MasterItemInput>(key: K, value: MasterItemInput[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  function save(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      if (item) await api.updateMasterItem(item.id, form);
      else await api.createMasterItem(tenantId, form);
      await changed("master-items", tenantId);
      setForm(initial);
      onClose();
    });
  }
  const categories = CATEGORIES[kind];
  return (
    <>
      <h1>{item ? item.name : t("master.newOf", { kind: t(`objects.${kind}`) })}</h1>
      <form className="card" onSubmit={save} noValidate data-testid="item-form">
        <fieldset disabled={!editable || busy} className="form-columns">
          <Field
            label={t("master.name")}
            name="name"
            error={fieldError("item_name")}
            value={form.name}
            onChange={(e) => set("name", e.target.value)}
          />
          {CODE_KINDS.includes(kind) && (
            <Field
              label={t(`master.code.${kind}`)}
              name="code"
              value={form.code}
              onChange={(e) => set("code", e.target.value)}
            />
          )}
          {categories && (
            <Select
              label={t(`master.categoryLabel.${kind}`)}
              name="category"
              value={form.category}
              onChange={(e) => set("category", e.target.value)}
            >
              {categories.map((c) => (
                <option key={c} value={c}>
                  {t(`master.categories.${c}`)}
                </option>
              ))}
            </Select>
          )}
          {kind === "processor" && (
            <DateField
              label={t("master.agreementDate")}
              name="date"
              value={form.date ?? ""}
              onChange={(iso) => set("date", iso || null)}
            />
          )}
          {CONTACT_KINDS.includes(kind) && (
            <>
              <Field
                label={t("master.email")}
                type="email"
                name="email"
                error={fieldError("email")}
                value={form.email}
                onChange={(e) => set("email", e.target.value)}
              />
              <Field
                label={t("master.phone")}
                name="phone"
                value={form.phone}
                onChange={(e) => set("phone", e.target.value)}
              />
            </>
          )}
          {kind === "data_category" && (
            <label className="check">
              <input
                type="checkbox"
                name="special_category"
                checked={form.special_category}
                onChange={(e) => set("special_category", e.target.checked)}
              />{" "}
              {t("master.special")}
            </label>
          )}
          <TextArea
            label={t("master.description")}
            name="description"
            value={form.description}
            onChange={(e) => set("description", e.target.value)}
          />
        </fieldset>
        {item && (
          <RecordHistory
            object={kind}
            id={item.id}
            editable={can(session, kind, "edit")}
            onError={onError}
            onRestored={() =>
              void api.masterItems(tenantId, kind).then((items) => {
                const fresh = items.find((i) => i.id === item.id);
                if (!fresh) return;
                // The restored values replace the form's; the list's item becomes this one, so nothing is unsaved.
                setForm(inputOf(kind, fresh));
                void changed("master-items", tenantId);
                onRestored(fresh);
              }, onError)
            }
          />
        )}
        {error && (
          <Alert kind="error" testId="item-message">
            {error}
          </Alert>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          {editable && (
            <button type="submit" className="primary" data-testid="save-item" disabled={busy}>
              {t("common.save")}
            </button>
          )}
        </div>
      </form>
    </>
  );
}
