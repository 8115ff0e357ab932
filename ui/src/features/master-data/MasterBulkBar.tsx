import { DateInput } from "../../components/DateInput";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { MasterItem } from "../../bindings/MasterItem";
import type { MasterKind } from "../../bindings/MasterKind";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { BulkBar, massField, withUnchanged } from "../../components/list/BulkBar";
import type { ListSelection } from "../../components/list/types";
import { useCopyToTenants } from "../copies/useCopyToTenants";
import { CATEGORIES } from "./MasterForm";

type Props = {
  session: SessionInfo;
  kind: MasterKind;
  selection: ListSelection<MasterItem>;
  /** Deletes the items, refused while in use; returns the message for the list. */
  remove: (ids: number[]) => Promise<string>;
  onError: (e: unknown) => boolean;
};

/** What can be done with selected master data: set a field on all, copy, delete. */
export function MasterBulkBar({ session, kind, selection, remove, onError }: Props) {
  const { t } = useTranslation();
  const { ids } = selection;
  const categories = CATEGORIES[kind];
  const changeAll = async (field: Parameters<typeof api.massChangeMasterItems>[2]) => {
    const count = await api.massChangeMasterItems(kind, ids, field);
    return withUnchanged(t, t("master.changed", { count }), count, ids.length);
  };
  const fields = [
    ...(categories
      ? [
          massField<string>({
            id: "category",
            label: t(`master.categoryLabel.${kind}`),
            initial: categories[0],
            editor: (value, set) => (
              <select
                aria-label={t("list.value")}
                value={value}
                data-testid="master-mass-value"
                onChange={(e) => set(e.target.value)}
              >
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {t(`master.categories.${c}`)}
                  </option>
                ))}
              </select>
            ),
            apply: (value) => changeAll({ field: "category", value }),
          }),
        ]
      : []),
    massField<string>({
      id: "description",
      label: t("master.fields.description"),
      initial: "",
      editor: (value, set) => (
        <input aria-label={t("list.value")} value={value} onChange={(e) => set(e.target.value)} />
      ),
      apply: (value) => changeAll({ field: "description", value }),
    }),
    ...(kind === "processor"
      ? [
          massField<string>({
            id: "date",
            label: t("master.fields.date"),
            initial: "",
            editor: (value, set) => <DateInput aria-label={t("list.value")} value={value} onChange={set} />,
            apply: (value) => changeAll({ field: "date", value: value || null }),
          }),
        ]
      : []),
  ];
  const copyOut = useCopyToTenants(session, kind, selection, onError);
  return (
    <>
      <BulkBar
        session={session}
        object={kind}
        label={t("master.bulkTitle")}
        testId="master-bulk-bar"
        selection={selection}
        massChange={{ fields, applyTestId: "master-apply" }}
        copy={{
          run: async () =>
            t("list.copied", { count: (await api.copyMasterItems(kind, ids, t("list.copySuffix"))).length }),
        }}
        remove={{
          run: () => remove(ids),
          confirm: t("master.confirmDelete", { count: ids.length }),
          confirmTestId: "confirm-delete-master",
        }}
        extra={copyOut.button}
        onError={onError}
      />
      {copyOut.panel}
    </>
  );
}
