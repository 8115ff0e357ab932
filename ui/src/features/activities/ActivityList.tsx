import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { ActivityQuery } from "../../bindings/ActivityQuery";
import type { ActivityRow } from "../../bindings/ActivityRow";
import type { ActivitySortColumn } from "../../bindings/ActivitySortColumn";
import type { ActivityStatus } from "../../bindings/ActivityStatus";
import type { DpiaCheckFilter } from "../../bindings/DpiaCheckFilter";
import { RecordList } from "../../components/list/RecordList";
import { useListState } from "../../components/list/useListState";
import { useRowWindows } from "../../components/list/useRowWindows";
import { recordKeys, useRecordsChanged } from "../../data/records";
import type { PageProps } from "../../screens/page";
import { ActivityBulkBar } from "./ActivityBulkBar";
import { activityColumns, COLUMNS_STORAGE_KEY } from "./columns";
import { STATUSES } from "./StatusBadge";

const SEARCH_DELAY_MS = 250;
/** The core lists activities by name. */
const BY_NAME = { id: "name", desc: false };

type Props = PageProps & { tenantId: number; onOpen: (id: number) => void; onNew: () => void };

/** All activities of the tenant the user may see (the core applies their visibility restrictions), with
 * full-text search, status filter, sorting, column choice, multi-select and the actions on a selection. The core
 * searches, filters and sorts all of them and sends the rows in view, so 100,000 records open as quickly as 100. */
export function ActivityList({ session, tenantId, onError, onOpen, onNew }: Props) {
  const { t } = useTranslation();
  const columns = useMemo(() => activityColumns(t), [t]);
  const list = useListState({ columns, storageKey: COLUMNS_STORAGE_KEY, sort: BY_NAME });
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<ActivityStatus | "">("");
  const [dpiaCheck, setDpiaCheck] = useState<DpiaCheckFilter | "">("");
  useEffect(() => {
    // The core searches every field; typing waits for a pause before it asks.
    const timer = window.setTimeout(() => setSearch(list.filter.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [list.filter]);
  const query = useMemo<ActivityQuery>(
    () => ({
      search: search || undefined,
      status: status || undefined,
      dpia_check: dpiaCheck || undefined,
      // The list's column ids are the core's sort columns.
      sort: (list.sorting?.id ?? BY_NAME.id) as ActivitySortColumn,
      descending: list.sorting?.desc ?? false,
    }),
    [search, status, dpiaCheck, list.sorting],
  );
  const activities = useRowWindows<ActivityRow>({
    key: [...recordKeys.activities(tenantId, null), query],
    loadWindow: (offset, limit) => api.activityWindow(tenantId, query, offset, limit),
    loadIds: () => api.activityIds(tenantId, query),
    filtered: !!(search || status || dpiaCheck),
    onError,
  });
  const changed = useRecordsChanged();
  const onChanged = useCallback(() => changed("activities", tenantId), [changed, tenantId]);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("activities.title")}</h1>
          <p className="lead">{t("activities.intro")}</p>
        </div>
        {can(session, "processing_activity", "create") && (
          <button type="button" className="primary" data-testid="new-activity" onClick={onNew}>
            {t("activities.new")}
          </button>
        )}
      </div>
      <RecordList<ActivityRow>
        state={list}
        session={session}
        object="processing_activity"
        rows={undefined}
        source={activities}
        columns={columns}
        layout="virtual"
        label={t("activities.title")}
        headerSort
        naturalSort={BY_NAME}
        selectionFollowsFilter
        name={(a) => a.name}
        rowData={(a) => ({ "data-activity": a.name })}
        selectData="data-select"
        filter={{ label: t("activities.search"), testId: "activity-search" }}
        toolbar={
          <>
            <select
              aria-label={t("activities.filterStatus")}
              value={status}
              data-testid="status-filter"
              onChange={(e) => setStatus(e.target.value as ActivityStatus | "")}
            >
              <option value="">{t("activities.allStatuses")}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
            <select
              aria-label={t("activities.filterDpiaCheck")}
              value={dpiaCheck}
              data-testid="dpia-check-filter"
              onChange={(e) => setDpiaCheck(e.target.value as DpiaCheckFilter | "")}
            >
              <option value="">{t("activities.allDpiaChecks")}</option>
              {(["required", "recommended", "not_needed"] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`dpia.verdictShort.${v}`)}
                </option>
              ))}
              <option value="not_checked">{t("activities.dpiaNotChecked")}</option>
            </select>
          </>
        }
        exportAs={async (format, { ids }) =>
          api.exportActivities(
            tenantId,
            search || null,
            ids.length ? ids : status || dpiaCheck ? await activities.allIds() : null,
            format,
            t("activities.exportTitle"),
          )
        }
        count={{ text: (count) => t("activities.count", { count }), testId: "activity-count" }}
        testIds={{
          selectAll: "select-all",
          notice: "list-notice",
          exportCsv: "export-csv",
          exportJson: "export-json",
          exportXlsx: "export-xlsx",
        }}
        empty={{ none: t("activities.empty"), noMatch: t("activities.noMatch") }}
        bulkBar={(selection) => (
          <ActivityBulkBar session={session} tenantId={tenantId} selection={selection} onError={onError} />
        )}
        onChanged={onChanged}
        onOpen={(a) => onOpen(a.id)}
        onError={onError}
      />
    </>
  );
}
