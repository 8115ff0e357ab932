import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActivityLink } from "../../bindings/ActivityLink";
import type { LinkedItem } from "../../bindings/LinkedItem";
import type { MasterItem } from "../../bindings/MasterItem";
import type { MasterKind } from "../../bindings/MasterKind";
import { errorMessage } from "../../i18n";

export const SAFEGUARDS = [
  "adequacy_decision",
  "standard_contractual_clauses",
  "binding_corporate_rules",
  "art49_derogation",
] as const;

type Props = {
  kind: MasterKind;
  items: MasterItem[] | "denied" | undefined;
  /** Every link of the activity; the picker shows and changes those of its kind. */
  links: ActivityLink[];
  /** Names of what the activity already links to, for kinds the user cannot list. */
  known: LinkedItem[];
  disabled: boolean;
  canCreate: boolean;
  onChange: (links: ActivityLink[]) => void;
  onCreate: (kind: MasterKind, name: string) => Promise<MasterItem>;
};

/** The master data of one kind an activity links to: chips, a pick list and "create new". */
export function LinkPicker({ kind, items, links, known, disabled, canCreate, onChange, onCreate }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [newName, setNewName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const list = Array.isArray(items) ? items : [];
  const nameOf = (itemId: number) =>
    list.find((i) => i.id === itemId)?.name ?? known.find((k) => k.item_id === itemId)?.name;
  const kindOf = (itemId: number) =>
    list.find((i) => i.id === itemId)?.kind ?? known.find((k) => k.item_id === itemId)?.kind;
  const mine = links.filter((l) => kindOf(l.item_id) === kind);
  const others = links.filter((l) => kindOf(l.item_id) !== kind);
  // Under "transfers" only third countries are offered: an EU/EEA state is no transfer (Art. 44 ff. GDPR).
  const available = list.filter(
    (i) => !mine.some((l) => l.item_id === i.id) && !(kind === "third_country" && i.category === "eu_eea"),
  );
  const label = kind === "third_country" ? t("activities.transfers") : t(`objects.${kind}`);
  const special = (itemId: number) =>
    list.find((i) => i.id === itemId)?.special_category ?? known.find((k) => k.item_id === itemId)?.special_category;
  const needsSafeguard = (itemId: number) =>
    kind === "third_country" && list.find((i) => i.id === itemId)?.category !== "eu_eea";

  function add(itemId: number) {
    const item = list.find((i) => i.id === itemId);
    const detail = kind === "third_country" && item?.category === "adequacy_decision" ? "adequacy_decision" : "";
    onChange([...others, ...mine, { item_id: itemId, detail }]);
  }

  async function create() {
    setError(null);
    try {
      const item = await onCreate(kind, newName);
      setNewName("");
      onChange([...others, ...mine, { item_id: item.id, detail: "" }]);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <div className="field link-picker" data-link-kind={kind}>
      <span className="label" id={`${id}-label`}>
        {label}
      </span>
      <ul className="chips" aria-labelledby={`${id}-label`}>
        {mine.map((l) => (
          <li
            key={l.item_id}
            className={["chip", special(l.item_id) && "special", needsSafeguard(l.item_id) && "with-control"]
              .filter(Boolean)
              .join(" ")}
            data-linked={nameOf(l.item_id)}
          >
            <span>{nameOf(l.item_id) ?? `#${l.item_id}`}</span>
            {special(l.item_id) && (
              <span className="chip-flag" title={t("master.specialHint")}>
                Art. 9/10
              </span>
            )}
            {needsSafeguard(l.item_id) && (
              <select
                aria-label={t("activities.safeguard")}
                title={l.detail ? t(`safeguards.${l.detail}`) : undefined}
                value={l.detail}
                disabled={disabled}
                data-safeguard={nameOf(l.item_id)}
                onChange={(e) =>
                  onChange(links.map((x) => (x.item_id === l.item_id ? { ...x, detail: e.target.value } : x)))
                }
              >
                <option value="">{t("activities.chooseSafeguard")}</option>
                {SAFEGUARDS.map((s) => (
                  <option key={s} value={s}>
                    {t(`safeguards.${s}`)}
                  </option>
                ))}
              </select>
            )}
            {!disabled && (
              <button
                type="button"
                className="chip-remove"
                aria-label={t("activities.removeLink", { name: nameOf(l.item_id) })}
                onClick={() => onChange(links.filter((x) => x.item_id !== l.item_id))}
              >
                ×
              </button>
            )}
          </li>
        ))}
        {mine.length === 0 && <li className="muted small">{t("activities.noneLinked")}</li>}
      </ul>
      {items === "denied" && <div className="hint">{t("common.noPermission")}</div>}
      {!disabled && items !== "denied" && (
        <div className="picker-row">
          <select
            aria-label={t("activities.addLink", { kind: label })}
            value=""
            data-add-link={kind}
            onChange={(e) => {
              if (e.target.value) add(Number(e.target.value));
            }}
          >
            <option value="">{t("activities.addLink", { kind: label })}</option>
            {available.map((i) => (
              <option key={i.id} value={String(i.id)}>
                {i.name}
                {i.code ? ` — ${i.code}` : ""}
              </option>
            ))}
          </select>
          {canCreate && (
            <>
              <input
                aria-label={t("activities.newItem", { kind: label })}
                placeholder={t("activities.newItemPlaceholder")}
                value={newName}
                data-new-item={kind}
                onChange={(e) => setNewName(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    void create();
                  }
                }}
              />
              <button type="button" disabled={!newName.trim()} onClick={() => void create()}>
                {t("activities.createItem")}
              </button>
            </>
          )}
        </div>
      )}
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
