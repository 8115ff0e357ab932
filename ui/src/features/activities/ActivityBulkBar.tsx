import { DateInput } from "../../components/DateInput";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Area } from "../../bindings/Area";
import type { EditorChoice } from "../../bindings/EditorChoice";
import type { MasterKind } from "../../bindings/MasterKind";
import { useMasterData } from "./useMasterData";
import { api } from "../../api";
import type { ActivityRow } from "../../bindings/ActivityRow";
import type { ActivityStatus } from "../../bindings/ActivityStatus";
import type { DpiaNecessity } from "../../bindings/DpiaNecessity";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { BulkBar, massField, withUnchanged } from "../../components/list/BulkBar";
import type { ListSelection } from "../../components/list/types";
import { useCopyToTenants } from "../copies/useCopyToTenants";
import { STATUSES } from "./StatusBadge";

const DPIA: DpiaNecessity[] = ["unchecked", "required", "not_required"];

type Props = {
  session: SessionInfo;
  tenantId: number;
  selection: ListSelection<ActivityRow>;
  onError: (e: unknown) => boolean;
};

/** Kinds of master data a selection can gain or lose in one step. */
const BULK_LINK_KINDS: MasterKind[] = ["legal_basis", "person_group", "data_category", "retention_period", "recipient"];

/** What can be done with the selected activities: mass change of one field, copy, delete. */
export function ActivityBulkBar({ session, tenantId, selection, onError }: Props) {
  const { t } = useTranslation();
  const { ids } = selection;
  const [editors, setEditors] = useState<EditorChoice[]>([]);
  const [areas, setAreas] = useState<Area[]>([]);
  const { catalogue } = useMasterData(tenantId, onError);
  useEffect(() => {
    // Lists the user may not read simply offer nothing: the core decides on the change anyway.
    api.editors(tenantId).then(setEditors, () => setEditors([]));
    api.areas(tenantId).then(setAreas, () => setAreas([]));
  }, [tenantId]);
  const items = (kind: MasterKind) => {
    const list = catalogue[kind];
    return Array.isArray(list) ? list : [];
  };
  const changeAll = async (change: Parameters<typeof api.massChangeActivities>[0]["change"]) => {
    const count = await api.massChangeActivities({ ids, change });
    return withUnchanged(t, t("activities.changed", { count }), count, ids.length);
  };
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
    massField<string>({
      id: "review_done",
      label: t("activities.massFields.review_done"),
      initial: "",
      editor: (value, set) => <DateInput {...valueProps} value={value} onChange={set} />,
      apply: (value) => changeAll({ field: "review_done", value: value || null }),
    }),
    massField<string>({
      id: "editor",
      label: t("activities.massFields.editor"),
      initial: "",
      editor: (value, set) => (
        <select {...valueProps} value={value} onChange={(e) => set(e.target.value)}>
          <option value="">{t("activities.noEditor")}</option>
          {editors.map((u) => (
            <option key={u.id} value={String(u.id)}>
              {u.name}
            </option>
          ))}
        </select>
      ),
      apply: (value) => changeAll({ field: "editor", value: value ? Number(value) : null }),
    }),
    ...(areas.length > 0
      ? [
          massField<string>({
            id: "area",
            label: t("activities.massFields.area"),
            initial: String(areas[0].id),
            editor: (value, set) => (
              <select {...valueProps} value={value} onChange={(e) => set(e.target.value)}>
                {areas.map((a) => (
                  <option key={a.id} value={String(a.id)}>
                    {a.company_name} · {a.name}
                  </option>
                ))}
              </select>
            ),
            apply: (value) => changeAll({ field: "area", value: Number(value) }),
          }),
        ]
      : []),
    ...BULK_LINK_KINDS.flatMap((kind) =>
      items(kind).length === 0
        ? []
        : (["add", "remove"] as const).map((how) =>
            massField<string>({
              id: `${how}-${kind}`,
              label: t(`activities.massFields.${how}Link`, { kind: t(`objects.${kind}`) }),
              initial: String(items(kind)[0].id),
              editor: (value, set) => (
                <select {...valueProps} value={value} onChange={(e) => set(e.target.value)}>
                  {items(kind).map((i) => (
                    <option key={i.id} value={String(i.id)}>
                      {i.name}
                      {i.code ? ` — ${i.code}` : ""}
                    </option>
                  ))}
                </select>
              ),
              apply: (value) =>
                changeAll(
                  how === "add"
                    ? { field: "add_link", value: { item_id: Number(value), detail: "" } }
                    : { field: "remove_link", value: Number(value) },
                ),
            }),
          ),
    ),
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
