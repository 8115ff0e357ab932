import { useCallback, useMemo, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { RequestRow } from "../../bindings/RequestRow";
import type { RequestStatus } from "../../bindings/RequestStatus";
import { BulkBar, massField, withUnchanged } from "../../components/list/BulkBar";
import { RecordList } from "../../components/list/RecordList";
import type { ListColumn, ListSelection } from "../../components/list/types";
import { useListState } from "../../components/list/useListState";
import { NoPermission, NoTenant } from "../../components/NoPermission";
import { useRecords, useRecordsChanged } from "../../data/records";
import { formatDate } from "../../format";
import type { PageProps } from "../../screens/page";
import { useCopyToTenants } from "../copies/useCopyToTenants";
import { REQUEST_STATUSES } from "./labels";
import { RequestForm } from "./RequestForm";

const COLUMNS_STORAGE_KEY = "dpo-desk.request-columns";
export const requestKey = (tenantId: number) => ["requests", tenantId] as const;

/** "in 5 days", "today", "3 days overdue": where a pending request stands. */
export function DeadlineText({
  row,
  t,
}: {
  row: Pick<RequestRow, "status" | "days_left" | "overdue" | "deadline">;
  t: TFunction;
}) {
  const pending = row.status !== "answered" && row.status !== "refused";
  const days = Number(row.days_left);
  const cls = row.overdue ? "review-overdue" : pending && days < 7 ? "review-due" : undefined;
  return (
    <span className={cls} data-testid="request-deadline">
      {formatDate(row.deadline)}
      {pending && (
        <span className="small">
          {" · "}
          {row.overdue
            ? t("requests.overdueBy", { count: -days })
            : days === 0
              ? t("requests.dueToday")
              : t("requests.daysLeft", { count: days })}
        </span>
      )}
    </span>
  );
}

function columns(t: TFunction): ListColumn<RequestRow>[] {
  return [
    {
      id: "requester",
      header: "requests.columns.requester",
      className: "strong",
      width: "minmax(180px, 2fr)",
      sortValue: (r) => r.requester,
      cell: (r) => <span className="cell-text">{r.requester}</span>,
    },
    {
      id: "kind",
      header: "requests.columns.kind",
      width: "minmax(160px, 1.4fr)",
      sortValue: (r) => r.kind,
      cell: (r) => t(`requests.kinds.${r.kind}`),
    },
    {
      id: "received",
      header: "requests.columns.received",
      optional: true,
      defaultVisible: true,
      width: "minmax(110px, 0.8fr)",
      sortValue: (r) => r.received_on,
      cell: (r) => formatDate(r.received_on),
    },
    {
      id: "deadline",
      header: "requests.columns.deadline",
      width: "minmax(200px, 1.4fr)",
      sortValue: (r) => r.deadline,
      cell: (r) => <DeadlineText row={r} t={t} />,
    },
    {
      id: "status",
      header: "requests.columns.status",
      width: "minmax(150px, 1fr)",
      sortValue: (r) => REQUEST_STATUSES.indexOf(r.status),
      cell: (r) => <span className={`badge request-${r.status}`}>{t(`requests.status.${r.status}`)}</span>,
    },
    {
      id: "extension",
      header: "requests.columns.extension",
      optional: true,
      width: "minmax(100px, 0.6fr)",
      sortValue: (r) => Number(r.extension_months),
      cell: (r) =>
        Number(r.extension_months) ? (
          t("requests.months", { count: Number(r.extension_months) })
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      id: "editor",
      header: "requests.columns.editor",
      optional: true,
      width: "minmax(110px, 1fr)",
      sortValue: (r) => r.editor_name ?? "",
      cell: (r) => r.editor_name ?? <span className="muted">—</span>,
    },
  ];
}

/** Data subject requests of the current tenant: overdue first (the core's order), the form in the list's place. */
export function Requests(props: PageProps & { initialId?: number }) {
  if (props.tenantId === null) return <NoTenant />;
  return <RequestList key={props.tenantId} {...props} tenantId={props.tenantId} />;
}

function RequestList(props: PageProps & { tenantId: number; initialId?: number }) {
  const { session, tenantId, onError } = props;
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | "new" | null>(props.initialId ?? null);
  const cols = useMemo(() => columns(t), [t]);
  const list = useListState({ columns: cols, storageKey: COLUMNS_STORAGE_KEY });
  const rows = useRecords(requestKey(tenantId), () => api.requests(tenantId), onError);
  const changed = useRecordsChanged();
  const [openOnly, setOpenOnly] = useState(false);
  const where = useMemo(
    () => (openOnly ? (r: RequestRow) => r.status !== "answered" && r.status !== "refused" : undefined),
    [openOnly],
  );
  const onChanged = useCallback(() => changed("requests", tenantId), [changed, tenantId]);
  if (rows.code === "permission_denied") return <NoPermission />;
  if (editing !== null) {
    return (
      <RequestForm
        {...props}
        id={editing === "new" ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(name) => list.setNotice(t("requests.saved", { name }))}
      />
    );
  }
  const overdue = (rows.data ?? []).filter((r) => r.overdue).length;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("requests.title")}</h1>
          <p className="lead">{t("requests.intro")}</p>
          {overdue > 0 && (
            <p className="review-overdue" data-testid="requests-overdue">
              {t("requests.overdueCount", { count: overdue })}
            </p>
          )}
        </div>
        {can(session, "request", "create") && (
          <button type="button" className="primary" data-testid="new-request" onClick={() => setEditing("new")}>
            {t("requests.new")}
          </button>
        )}
      </div>
      <RecordList<RequestRow>
        state={list}
        session={session}
        object="request"
        rows={rows.data}
        columns={cols}
        layout="virtual"
        label={t("requests.title")}
        headerSort
        name={(r) => r.requester}
        rowData={(r) => ({ "data-request": r.requester })}
        rowClassName={(r) => (r.overdue ? "overdue" : "")}
        selectData="data-select-request"
        filter={{
          testId: "request-filter",
          matches: (r, needle) =>
            `${r.requester} ${t(`requests.kinds.${r.kind}`)}`.toLocaleLowerCase().includes(needle),
        }}
        where={where}
        toolbar={
          <label className="check-inline">
            <input
              type="checkbox"
              checked={openOnly}
              data-testid="request-open-filter"
              onChange={(e) => setOpenOnly(e.target.checked)}
            />
            {t("requests.openOnly")}
          </label>
        }
        exportAs={(format) => api.exportRequests(tenantId, format, t("requests.exportTitle"))}
        count={{ text: (count) => t("requests.count", { count }), testId: "request-count" }}
        testIds={{
          selectAll: "select-all-requests",
          notice: "request-notice",
          error: "request-list-error",
          empty: "no-requests",
          exportCsv: "export-requests-csv",
          exportJson: "export-requests-json",
          exportXlsx: "export-requests-xlsx",
        }}
        errors={[rows.error]}
        empty={{ none: t("requests.empty"), noMatch: t("requests.noMatch") }}
        bulkBar={(selection) => <RequestBulkBar session={session} selection={selection} onError={onError} />}
        onChanged={onChanged}
        onOpen={(r) => setEditing(r.id)}
        onError={onError}
      />
    </>
  );
}

/** What can be done with selected requests: one status for all, copy them into other tenants (without their
 * links), move them to the trash. */
function RequestBulkBar({
  session,
  selection,
  onError,
}: {
  session: PageProps["session"];
  selection: ListSelection<RequestRow>;
  onError: (e: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const copyOut = useCopyToTenants(session, "request", selection, onError);
  return (
    <>
      <BulkBar
        session={session}
        object="request"
        label={t("requests.bulkTitle")}
        testId="request-bulk-bar"
        selection={selection}
        massChange={{
          fields: [
            massField<RequestStatus>({
              id: "status",
              label: t("requests.fields.status"),
              initial: "in_progress",
              editor: (value, set) => (
                <select
                  aria-label={t("list.value")}
                  value={value}
                  onChange={(e) => set(e.target.value as RequestStatus)}
                >
                  {REQUEST_STATUSES.filter((s) => s !== "refused").map((s) => (
                    <option key={s} value={s}>
                      {t(`requests.status.${s}`)}
                    </option>
                  ))}
                </select>
              ),
              apply: async (value) => {
                const count = await api.massChangeRequests(selection.ids, { field: "status", value });
                return withUnchanged(t, t("requests.changed", { count }), count, selection.ids.length);
              },
            }),
          ],
        }}
        remove={{
          testId: "delete-requests",
          confirmTestId: "confirm-delete-requests",
          confirm: t("requests.confirmDelete", { count: selection.ids.length }),
          run: async () => {
            await api.deleteRequests(selection.ids);
            return t("requests.deleted", { count: selection.ids.length });
          },
        }}
        extra={copyOut.button}
        onError={onError}
      />
      {copyOut.panel}
    </>
  );
}
