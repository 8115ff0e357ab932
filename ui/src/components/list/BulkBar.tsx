import { useState, type ReactNode } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ConfirmInline } from "../ConfirmInline";
import { can } from "../../api";
import type { ObjectType } from "../../bindings/ObjectType";
import type { Right } from "../../bindings/Right";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { useAction } from "../../useAction";
import { Alert } from "../Alert";
import type { ListSelection } from "./types";

/** One field a mass change can set: its value editor and the command that sets it on the selection. */
export type MassFieldDef<V> = {
  id: string;
  label: string;
  initial: V;
  editor: (value: V, set: (value: V) => void) => ReactNode;
  /** Sets the value on every selected record; returns the message for the list. */
  apply: (value: V) => Promise<string>;
};

/** A field of any value type, so one mass change can offer fields of different types. */
export type MassField = MassFieldDef<unknown>;

/** Checks a field against its own value type, then lets it join fields of other types. */
export function massField<V>(field: MassFieldDef<V>): MassField {
  return field as unknown as MassField;
}

/** A mass change's report: what changed, and how many of the selection already had the value. */
export function withUnchanged(t: TFunction, changed: string, count: number, selected: number): string {
  const unchanged = selected - count;
  return unchanged > 0 ? `${changed} ${t("list.unchanged", { count: unchanged })}` : changed;
}

/** A bulk action; `run` returns the message for the list. */
type Action = { testId?: string; run: () => Promise<string> };

type Props = {
  /** The signed-in user; null on screens only administrators reach. */
  session: SessionInfo | null;
  /** Whose rights decide which actions show (mass change, copy, delete); null shows every action given. */
  object: ObjectType | null;
  /** The accessible name of the bar, e.g. "Selected areas". */
  label: string;
  testId: string;
  errorTestId?: string;
  /** The chosen records: their count shows, and the bar reports each action's result to the list through it. */
  selection: Pick<ListSelection<unknown>, "ids" | "done" | "clear">;
  /** The mass change: one field chosen, its new value, applied to all. */
  massChange?: { fields: MassField[]; fieldTestId?: string; applyTestId?: string };
  copy?: Action;
  /** Delete: with `confirm`, asked first in the bar. */
  remove?: Action & { confirm?: string; confirmTestId?: string };
  /** Further actions of the screen's own. */
  extra?: ReactNode;
  onError: (e: unknown) => boolean;
};

/** What can be done with the selected records: the count, a mass change, copy, delete and the screen's own actions,
 * each only with the right to it (the core refuses the others anyway). */
export function BulkBar({ session, object, label, testId, errorTestId, selection, onError, ...slots }: Props) {
  const { t } = useTranslation();
  const allowed = (right: Right) => object === null || (session !== null && can(session, object, right));
  const massChange = allowed("mass_change") ? slots.massChange : undefined;
  const copy = allowed("copy") ? slots.copy : undefined;
  const remove = allowed("delete") ? slots.remove : undefined;
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction(onError);
  const perform = (action: () => Promise<string>) =>
    void run(async () => {
      const message = await action();
      setConfirming(false);
      await selection.done(message);
    });
  return (
    <div className="bulk-bar card" role="region" aria-label={label} data-testid={testId}>
      <strong>{t("list.selected", { count: selection.ids.length })}</strong>
      {massChange && massChange.fields.length > 0 && (
        <MassChange {...massChange} count={selection.ids.length} busy={busy} perform={perform} />
      )}
      {copy && (
        <button type="button" disabled={busy} data-testid={copy.testId} onClick={() => perform(copy.run)}>
          {t("list.copy")}
        </button>
      )}
      {remove &&
        (confirming ? (
          <ConfirmInline
            message={remove.confirm ?? ""}
            confirmLabel={t("list.delete")}
            confirmTestId={remove.confirmTestId}
            busy={busy}
            onConfirm={() => perform(remove.run)}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <button
            type="button"
            className="danger"
            disabled={!remove.confirm && busy}
            data-testid={remove.testId}
            onClick={() => (remove.confirm ? setConfirming(true) : perform(remove.run))}
          >
            {t("list.delete")}
          </button>
        ))}
      {slots.extra}
      <button type="button" className="ghost" onClick={selection.clear}>
        {t("list.clear")}
      </button>
      {error && (
        <Alert kind="error" testId={errorTestId}>
          {error}
        </Alert>
      )}
    </div>
  );
}

type MassChangeProps = NonNullable<Props["massChange"]> & {
  count: number;
  busy: boolean;
  perform: (action: () => Promise<string>) => void;
};

/** The field to change, its new value and "Change all"; each field keeps its own value while another is chosen. */
function MassChange({ fields, fieldTestId, applyTestId, count, busy, perform }: MassChangeProps) {
  const { t } = useTranslation();
  const [fieldId, setFieldId] = useState(fields[0].id);
  // A field shows its initial value until it is changed, so an initial value that arrives later (a list of companies) counts.
  const [values, setValues] = useState<Record<string, unknown>>({});
  const field = fields.find((f) => f.id === fieldId) ?? fields[0];
  const value = field.id in values ? values[field.id] : field.initial;
  const set = (next: unknown) => setValues((v) => ({ ...v, [field.id]: next }));
  // A change to many records is confirmed with what it does: which field, how many.
  const [confirming, setConfirming] = useState(false);
  return (
    <span className="bulk-group">
      <select
        aria-label={t("list.field")}
        value={field.id}
        data-testid={fieldTestId}
        onChange={(e) => setFieldId(e.target.value)}
      >
        {fields.map((f) => (
          <option key={f.id} value={f.id}>
            {f.label}
          </option>
        ))}
      </select>
      {field.editor(value, set)}
      {confirming ? (
        <ConfirmInline
          message={t("list.confirmMass", { field: field.label, count })}
          confirmLabel={t("list.apply")}
          confirmTestId="confirm-mass-change"
          busy={busy}
          dangerous={false}
          onConfirm={() => {
            setConfirming(false);
            perform(() => field.apply(value));
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button
          type="button"
          className="primary"
          disabled={busy}
          data-testid={applyTestId}
          onClick={() => setConfirming(true)}
        >
          {t("list.apply")}
        </button>
      )}
    </span>
  );
}
