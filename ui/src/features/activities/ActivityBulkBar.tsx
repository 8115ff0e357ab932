import { DateInput } from "../../components/DateInput";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { ActivityRow } from "../../bindings/ActivityRow";
import type { ActivityStatus } from "../../bindings/ActivityStatus";
import type { DpiaNecessity } from "../../bindings/DpiaNecessity";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { BulkBar, massField } from "../../components/list/BulkBar";
import type { ListSelection } from "../../components/list/types";
import { useCopyToTenants } from "../copies/useCopyToTenants";
import { STATUSES } from "./StatusBadge";

const DPIA: DpiaNecessity[] = ["unchecked", "required", "not_required"];

type Props = { session: SessionInfo; selection: ListSelection<ActivityRow>; onError: (e: unknown) => boolean };

/** What can be done with the selected activities: mass change of one field, copy, delete. */
export function ActivityBulkBar({ session, selection, onError }: Props) {
  const { t } = useTranslation();
  const { ids } = selection;
  const changeAll = async (change: Parameters<typeof api.massChangeActivities>[0]["change"]) =>
    t("activities.changed", { count: await api.massChangeActivities({ ids, change }) });
  const valueProps = { "aria-label": t("list.value"), "data-testid": "mass-value" };
  const fields = [
    massField<ActivityStatus>({
      id: "status",
      label: t("activities.massFields.status"),
      initial: "in_review",
      editor: (value, set) => (
        <select {...valueProps} value={value} onChange={(e) => set(e.target.value as ActivityStatus)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      ),
      apply: (value) => changeAll({ field: "status", value }),
    }),
    massField<string>({
      id: "responsible",
      label: t("activities.massFields.responsible"),
      initial: "",
      editor: (value, set) => <input {...valueProps} value={value} onChange={(e) => set(e.target.value)} />,
      apply: (value) => changeAll({ field: "responsible", value }),
    }),
    massField<string>({
      id: "review_planned",
      label: t("activities.massFields.review_planned"),
      initial: "",
      editor: (value, set) => <DateInput {...valueProps} value={value} onChange={set} />,
      apply: (value) => changeAll({ field: "review_planned", value: value || null }),
    }),
    massField<DpiaNecessity>({
      id: "dpia_required",
      label: t("activities.massFields.dpia_required"),
      initial: "required",
      editor: (value, set) => (
        <select {...valueProps} value={value} onChange={(e) => set(e.target.value as DpiaNecessity)}>
          {DPIA.map((d) => (
            <option key={d} value={d}>
              {t(`dpia.${d}`)}
            </option>
          ))}
        </select>
      ),
      apply: (value) => changeAll({ field: "dpia_required", value }),
    }),
  ];
  const copyOut = useCopyToTenants(session, "processing_activity", selection, onError);
  return (
    <>
      <BulkBar
        session={session}
        object="processing_activity"
        label={t("activities.bulkTitle")}
        testId="bulk-bar"
        errorTestId="bulk-error"
        selection={selection}
        massChange={{ fields, fieldTestId: "mass-field", applyTestId: "apply-mass-change" }}
        copy={{
          testId: "copy-selected",
          run: async () => t("list.copied", { count: (await api.copyActivities(ids, t("list.copySuffix"))).length }),
        }}
        remove={{
          testId: "delete-selected",
          confirmTestId: "confirm-delete",
          confirm: t("activities.confirmDelete", { count: ids.length }),
          run: async () => {
            await api.deleteActivities(ids);
            return t("activities.deleted", { count: ids.length });
          },
        }}
        extra={copyOut.button}
        onError={onError}
      />
      {copyOut.panel}
    </>
  );
}
