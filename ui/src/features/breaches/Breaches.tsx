import { useCallback, useMemo, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { BreachRow } from "../../bindings/BreachRow";
import { BulkBar } from "../../components/list/BulkBar";
import { RecordList } from "../../components/list/RecordList";
import type { ListColumn } from "../../components/list/types";
import { useListState } from "../../components/list/useListState";
import { NoPermission, NoTenant } from "../../components/NoPermission";
import { useRecords, useRecordsChanged } from "../../data/records";
import { formatDateTime } from "../../format";
import type { PageProps } from "../../screens/page";
import { BreachForm } from "./BreachForm";
import { Countdown } from "./Countdown";

const COLUMNS_STORAGE_KEY = "dpo-desk.breach-columns";

function columns(t: TFunction): ListColumn<BreachRow>[] {
  return [
    {
      id: "title",
      header: "breaches.columns.title",
      className: "strong",
      width: "minmax(190px, 2.5fr)",
      sortValue: (r) => r.title,
      cell: (r) => <span className="cell-text">{r.title}</span>,
    },
    {
      id: "discovered",
      header: "breaches.columns.discovered",
      width: "minmax(130px, 1fr)",
      sortValue: (r) => r.discovered_at,
      cell: (r) => formatDateTime(r.discovered_at),
    },
    {
      id: "clock",
      header: "breaches.columns.clock",
      width: "minmax(170px, 1.5fr)",
      sortValue: (r) =>
        r.clock === "running" || r.clock === "urgent" || r.clock === "overdue" ? Number(r.minutes_left) : 1e9,
      cell: (r) => <Countdown clock={r} compact />,
    },
    {
      id: "risk",
      header: "breaches.columns.risk",
      optional: true,
      defaultVisible: true,
      width: "minmax(130px, 1fr)",
      sortValue: (r) => r.risk,
      cell: (r) => <span className={`badge risk-${r.risk}`}>{t(`breaches.risk.${r.risk}`)}</span>,
    },
    {
      id: "status",
      header: "breaches.columns.status",
      optional: true,
      defaultVisible: true,
      width: "minmax(90px, 0.7fr)",
      sortValue: (r) => r.status,
      cell: (r) => t(`breaches.status.${r.status}`),
    },
    {
      id: "editor",
      header: "breaches.columns.editor",
      optional: true,
      width: "minmax(110px, 1fr)",
      sortValue: (r) => r.editor_name ?? "",
      cell: (r) => r.editor_name ?? <span className="muted">—</span>,
    },
  ];
}

/** The breach register of the current tenant (Art. 33(5)): running clocks first, every breach kept. */
export function Breaches(props: PageProps & { initialId?: number }) {
  if (props.tenantId === null) return <NoTenant />;
  return <BreachList key={props.tenantId} {...props} tenantId={props.tenantId} />;
}

function BreachList(props: PageProps & { tenantId: number; initialId?: number }) {
  const { session, tenantId, onError } = props;
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | "new" | null>(props.initialId ?? null);
  const cols = useMemo(() => columns(t), [t]);
  const list = useListState({ columns: cols, storageKey: COLUMNS_STORAGE_KEY });
  const rows = useRecords(["breaches", tenantId], () => api.breaches(tenantId), onError);
  const changed = useRecordsChanged();
  const onChanged = useCallback(() => changed("breaches", tenantId), [changed, tenantId]);
  if (rows.code === "permission_denied") return <NoPermission />;
  if (editing !== null) {
    return (
      <BreachForm
        {...props}
        id={editing === "new" ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(title) => list.setNotice(t("breaches.saved", { title }))}
      />
    );
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("breaches.title")}</h1>
          <p className="lead">{t("breaches.intro")}</p>
        </div>
        {can(session, "breach", "create") && (
          <button
            type="button"
            className="primary danger-accent"
            data-testid="new-breach"
            onClick={() => setEditing("new")}
          >
            {t("breaches.new")}
          </button>
        )}
      </div>
      <RecordList<BreachRow>
        state={list}
        session={session}
        object="breach"
        rows={rows.data}
        columns={cols}
        layout="virtual"
        label={t("breaches.title")}
        headerSort
        name={(r) => r.title}
        rowData={(r) => ({ "data-breach": r.title })}
        rowClassName={(r) => (r.clock === "overdue" ? "overdue" : "")}
        selectData="data-select-breach"
        filter={{ testId: "breach-filter" }}
        exportAs={(format) => api.exportBreaches(tenantId, format, t("breaches.exportTitle"))}
        count={{ text: (count) => t("breaches.count", { count }), testId: "breach-count" }}
        testIds={{
          selectAll: "select-all-breaches",
          notice: "breach-notice",
          error: "breach-list-error",
          empty: "no-breaches",
          exportCsv: "export-breaches-csv",
          exportJson: "export-breaches-json",
          exportXlsx: "export-breaches-xlsx",
        }}
        errors={[rows.error]}
        empty={{ none: t("breaches.empty"), noMatch: t("breaches.noMatch") }}
        bulkBar={(selection) => (
          <BulkBar
            session={session}
            object="breach"
            label={t("breaches.bulkTitle")}
            testId="breach-bulk-bar"
            selection={selection}
            remove={{
              testId: "delete-breaches",
              confirmTestId: "confirm-delete-breaches",
              confirm: t("breaches.confirmDelete", { count: selection.ids.length }),
              run: async () => {
                await api.deleteBreaches(selection.ids);
                return t("breaches.deleted", { count: selection.ids.length });
              },
            }}
            onError={onError}
          />
        )}
        onChanged={onChanged}
        onOpen={(r) => setEditing(r.id)}
        onError={onError}
      />
    </>
  );
}
