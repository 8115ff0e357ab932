import { useTranslation } from "react-i18next";
import type { ProtectionType } from "../../bindings/ProtectionType";
import type { TomRow } from "../../bindings/TomRow";
import { PROTECTION_TYPES, TOM_STATUSES } from "./labels";

type Props = {
  rows: TomRow[];
  selected: ProtectionType | "";
  onSelect: (type: ProtectionType | "") => void;
};

/** The eight protection types with their counts per status: the seed's overview; a click narrows the list to one. */
export function TypeSummary({ rows, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const counts = new Map<ProtectionType, Record<string, number>>();
  for (const type of PROTECTION_TYPES) counts.set(type, { all: 0, in_review: 0, active: 0, inactive: 0 });
  for (const row of rows) {
    const c = counts.get(row.protection_type);
    if (!c) continue;
    c.all++;
    c[row.status]++;
  }
  return (
    <div className="tom-summary" role="group" aria-label={t("toms.summary")} data-testid="tom-summary">
      {PROTECTION_TYPES.map((type) => {
        const c = counts.get(type) ?? {};
        const active = selected === type;
        return (
          <button
            key={type}
            type="button"
            className={`card tom-type${active ? " selected" : ""}`}
            aria-pressed={active}
            data-type={type}
            onClick={() => onSelect(active ? "" : type)}
          >
            <span className="tom-type-count" data-testid={`tom-type-count-${type}`}>
              {c.all}
            </span>
            <span className="tom-type-name">{t(`toms.types.${type}`)}</span>
            <span className="tom-type-statuses small">
              {TOM_STATUSES.filter((s) => (c[s] ?? 0) > 0).map((s) => (
                <span key={s} className={`dot-count status-${s}`}>
                  {t(`toms.statusCount.${s}`, { count: c[s] ?? 0 })}
                </span>
              ))}
            </span>
          </button>
        );
      })}
    </div>
  );
}
