import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { Company } from "../../bindings/Company";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { BulkBar, massField, withUnchanged } from "../../components/list/BulkBar";
import type { ListSelection } from "../../components/list/types";
import { useCopyToTenants } from "../copies/useCopyToTenants";

type Props = { session: SessionInfo; selection: ListSelection<Company>; onError: (e: unknown) => boolean };

/** What can be done with selected companies: the same DPO, country or processor role for all; copy with areas and activities; delete. */
export function CompanyBulkBar({ session, selection, onError }: Props) {
  const { t } = useTranslation();
  const { ids } = selection;
  const changeAll = async (field: Parameters<typeof api.massChangeCompanies>[1]) => {
    const count = await api.massChangeCompanies(ids, field);
    return withUnchanged(t, t("companies.changed", { count }), count, ids.length);
  };
  const fields = [
    massField<{ kind: string; name: string }>({
      id: "dpo",
      label: t("companies.bulk.dpo"),
      initial: { kind: "external", name: "" },
      editor: (value, set) => (
        <>
          <select
            aria-label={t("companies.dpo.kind")}
            value={value.kind}
            onChange={(e) => set({ ...value, kind: e.target.value })}
          >
            <option value="external">{t("companies.dpo.external")}</option>
            <option value="internal">{t("companies.dpo.internal")}</option>
          </select>
          <input
            aria-label={t("list.value")}
            value={value.name}
            data-testid="company-mass-value"
            onChange={(e) => set({ ...value, name: e.target.value })}
          />
        </>
      ),
      apply: ({ kind, name }) => changeAll({ field: "dpo", value: { kind, name, email: "", phone: "", address: "" } }),
    }),
    massField<string>({
      id: "country",
      label: t("companies.bulk.country"),
      initial: "",
      editor: (value, set) => (
        <input
          aria-label={t("list.value")}
          value={value}
          data-testid="company-mass-value"
          onChange={(e) => set(e.target.value)}
        />
      ),
      apply: (value) => changeAll({ field: "country", value }),
    }),
    massField<boolean>({
      id: "is_processor",
      label: t("companies.bulk.is_processor"),
      initial: true,
      editor: (value, set) => (
        <select aria-label={t("list.value")} value={value ? "1" : "0"} onChange={(e) => set(e.target.value === "1")}>
          <option value="1">{t("list.yes")}</option>
          <option value="0">{t("list.no")}</option>
        </select>
      ),
      apply: (value) => changeAll({ field: "is_processor", value }),
    }),
  ];
  const copyOut = useCopyToTenants(session, "company", selection, onError);
  return (
    <>
      <BulkBar
        session={session}
        object="company"
        label={t("companies.bulkTitle")}
        testId="company-bulk-bar"
        selection={selection}
        massChange={{ fields, applyTestId: "company-apply" }}
        copy={{
          testId: "copy-companies",
          run: async () => t("list.copied", { count: (await api.copyCompanies(ids, t("list.copySuffix"))).length }),
        }}
        remove={{
          confirm: t("companies.confirmDeleteMany", { count: ids.length }),
          run: async () => {
            await api.deleteCompanies(ids);
            return t("companies.deleted", { count: ids.length });
          },
        }}
        extra={copyOut.button}
        onError={onError}
      />
      {copyOut.panel}
    </>
  );
}
