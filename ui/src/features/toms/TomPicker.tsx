import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { LinkedTom } from "../../bindings/LinkedTom";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { recordKeys, useRecords } from "../../data/records";
import { ALL_TOMS, PROTECTION_TYPES } from "./labels";

type Props = {
  session: SessionInfo;
  tenantId: number;
  /** The chosen measures' ids. */
  value: number[];
  /** The activity's linked measures as stored (names for measures the user cannot list). */
  known: LinkedTom[];
  disabled: boolean;
  onChange: (ids: number[]) => void;
  onError: (e: unknown) => boolean;
};

/** An activity's specific TOMs: chosen from the tenant's measures, grouped by protection type; the measure's form
 * shows the same link from its side. */
export function TomPicker({ session, tenantId, value, known, disabled, onChange, onError }: Props) {
  const { t } = useTranslation();
  const mayList = can(session, "tom", "view");
  const toms = useRecords(recordKeys.toms(tenantId), () => api.toms(tenantId, ALL_TOMS), onError, {
    enabled: mayList,
  });
  const names = new Map<number, string>(known.map((k) => [Number(k.id), k.title]));
  for (const row of toms.data ?? []) names.set(Number(row.id), row.title);
  const chosen = value.map(Number);
  const offered = (toms.data ?? []).filter((r) => !chosen.includes(Number(r.id)) && r.status !== "inactive");
  return (
    <div className="field tom-picker" data-testid="activity-toms">
      <span className="label">{t("toms.specific")}</span>
      <div className="hint">{t("toms.specificHint")}</div>
      <ul className="chips">
        {chosen.map((id) => (
          <li key={id} className="chip" data-specific-tom={names.get(id) ?? String(id)}>
            <span>{names.get(id) ?? `#${id}`}</span>
            {!disabled && (
              <button
                type="button"
                className="chip-remove"
                aria-label={t("toms.removeSpecific", { name: names.get(id) ?? id })}
                onClick={() => onChange(chosen.filter((x) => x !== id))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {mayList && !disabled && offered.length > 0 && (
        <select
          aria-label={t("toms.addSpecific")}
          value=""
          data-testid="activity-add-tom"
          onChange={(e) => e.target.value && onChange([...chosen, Number(e.target.value)])}
        >
          <option value="">{t("toms.addSpecific")}</option>
          {PROTECTION_TYPES.map((type) => {
            const group = offered.filter((r) => r.protection_type === type);
            return group.length === 0 ? null : (
              <optgroup key={type} label={t(`toms.types.${type}`)}>
                {group.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      )}
    </div>
  );
}
