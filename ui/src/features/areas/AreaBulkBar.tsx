import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { Area } from "../../bindings/Area";
import type { Company } from "../../bindings/Company";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { BulkBar, massField, withUnchanged } from "../../components/list/BulkBar";
import type { ListSelection } from "../../components/list/types";
import { useCopyToTenants } from "../copies/useCopyToTenants";

type Props = {
  session: SessionInfo;
  selection: ListSelection<Area>;
  companies: Company[];
  onError: (e: unknown) => boolean;
};

/** What can be done with selected areas: move them to one company or give them one description, copy them with their activities, delete them. */
export function AreaBulkBar({ session, selection, companies, onError }: Props) {
  const { t } = useTranslation();
  const { ids } = selection;
  const activities = selection.rows.reduce((sum, a) => sum + Number(a.activity_count), 0);
  const changeAll = async (field: Parameters<typeof api.massChangeAreas>[1]) => {
    const count = await api.massChangeAreas(ids, field);
    return withUnchanged(t, t("areas.changed", { count }), count, ids.length);
  };
  const fields = [
    massField<number>({
      id: "company",
      label: t("areas.moveTo"),
      initial: companies[0]?.id ?? 0,
      editor: (value, set) => (
        <select
          aria-label={t("list.value")}
          value={value}
          data-testid="area-mass-company"
          onChange={(e) => set(Number(e.target.value))}
        >
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      ),
      apply: (value) => changeAll({ field: "company", value }),
    }),
    massField<string>({
      id: "description",
      label: t("areas.description"),
      initial: "",
      editor: (value, set) => (
        <input
          aria-label={t("list.value")}
          value={value}
          data-testid="area-mass-text"
          onChange={(e) => set(e.target.value)}
        />
      ),
      apply: (value) => changeAll({ field: "description", value }),
    }),
  ];
  const copyOut = useCopyToTenants(session, "area", selection, onError);
  return (
    <>
      <BulkBar
        session={session}
        object="area"
        label={t("areas.bulkTitle")}
        testId="area-bulk-bar"
        errorTestId="area-bulk-error"
        selection={selection}
        massChange={{ fields, fieldTestId: "area-mass-field", applyTestId: "area-apply" }}
        copy={{
          testId: "copy-areas",
          run: async () => t("list.copied", { count: (await api.copyAreas(ids, t("list.copySuffix"))).length }),
        }}
        remove={{
          testId: "delete-areas",
          confirmTestId: "confirm-delete-areas",
          confirm: t("areas.confirmDelete", { count: ids.length, activities }),
          run: async () => {
            await api.deleteAreas(ids);
            return t("areas.deleted", { count: ids.length });
          },
        }}
        extra={copyOut.button}
        onError={onError}
      />
      {copyOut.panel}
    </>
  );
}
