import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { Area } from "../../bindings/Area";
import type { Company } from "../../bindings/Company";
import { RecordList } from "../../components/list/RecordList";
import type { ListColumn } from "../../components/list/types";
import { useListState } from "../../components/list/useListState";
import { NoPermission, NoTenant } from "../../components/NoPermission";
import { recordKeys, useRecords, useRecordsChanged } from "../../data/records";
import type { PageProps } from "../../screens/page";
import { AreaBulkBar } from "./AreaBulkBar";
import { AreaForm } from "./AreaForm";

const SORTS = ["name", "company", "activities"] as const;
const byName = (a: Area, b: Area) => a.name.localeCompare(b.name);
const matches = (a: Area, needle: string) =>
  `${a.name} ${a.description} ${a.company_name}`.toLocaleLowerCase().includes(needle);

/** Every area of the tenant across its companies: filter, sort, column choice, multi-select with move, copy and delete, export. */
export function AreaList(props: PageProps) {
  const { session, tenantId, onError } = props;
  const { t } = useTranslation();
  const id = tenantId ?? 0;
  const areas = useRecords(recordKeys.areas(id), () => api.areas(id), onError, { enabled: tenantId !== null });
  // Without the right to list companies the areas still show, with no company to move them to.
  const companies = useRecords(
    [...recordKeys.companies(id), "or-none"],
    () => api.companies(id).catch((): Company[] => []),
    onError,
    { enabled: tenantId !== null },
  );
  const changed = useRecordsChanged();
  const [companyFilter, setCompanyFilter] = useState(0);
  const [editing, setEditing] = useState<Area | "new" | null>(null);
  const columns = useMemo<ListColumn<Area>[]>(
    () => [
      {
        id: "name",
        header: "areas.name",
        className: "strong",
        compare: (a, b) => byName(a, b) || a.company_name.localeCompare(b.company_name),
        cell: (a) => (
          <button type="button" className="link" onClick={() => setEditing(a)}>
            {a.name}
          </button>
        ),
      },
      {
        id: "company",
        header: "areas.columns.company",
        optional: true,
        defaultVisible: true,
        cell: (a) => a.company_name,
        compare: (a, b) => a.company_name.localeCompare(b.company_name) || byName(a, b),
      },
      {
        id: "description",
        header: "areas.columns.description",
        optional: true,
        className: "muted",
        cell: (a) => a.description || "—",
      },
      {
        id: "activities",
        header: "areas.columns.activities",
        optional: true,
        defaultVisible: true,
        testId: "area-activity-count",
        cell: (a) => t("areas.activityCount", { count: Number(a.activity_count) }),
        compare: (a, b) => Number(b.activity_count) - Number(a.activity_count) || byName(a, b),
      },
    ],
    [t],
  );
  const list = useListState({ columns, storageKey: "dpo-desk.area-columns", sort: { id: "name", desc: false } });
  const where = useMemo(
    () => (companyFilter ? (a: Area) => a.company_id === companyFilter : undefined),
    [companyFilter],
  );
  const onChanged = useCallback(() => changed("areas", tenantId), [changed, tenantId]);

  if (tenantId === null) return <NoTenant />;
  if (areas.code === "permission_denied") return <NoPermission />;
  if (editing) {
    return (
      <AreaForm
        area={editing === "new" ? null : editing}
        companies={companies.data ?? []}
        readOnly={editing !== "new" && !can(session, "area", "edit")}
        onError={onError}
        onClose={() => setEditing(null)}
        onRestored={setEditing}
        onSaved={(area) => {
          setEditing(null);
          list.setNotice(t("areas.saved", { name: area.name }));
        }}
      />
    );
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("areas.title")}</h1>
          <p className="lead">{t("areas.intro")}</p>
        </div>
        {can(session, "area", "create") && (companies.data?.length ?? 0) > 0 && (
          <button type="button" className="primary" data-testid="new-area" onClick={() => setEditing("new")}>
            {t("areas.new")}
          </button>
        )}
      </div>
      <RecordList<Area>
        state={list}
        session={session}
        object="area"
        rows={areas.data}
        columns={columns}
        name={(a) => a.name}
        rowData={(a) => ({ "data-area-row": a.name, "data-area-company": a.company_name })}
        selectData="data-select-area"
        filter={{ testId: "area-filter", matches }}
        where={where}
        toolbar={
          <>
            <select
              aria-label={t("areas.company")}
              value={companyFilter}
              data-testid="area-company-filter"
              onChange={(e) => setCompanyFilter(Number(e.target.value))}
            >
              <option value={0}>{t("areas.allCompanies")}</option>
              {(companies.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <select
              aria-label={t("list.sortBy")}
              value={list.sorting?.id ?? "name"}
              data-testid="area-sort"
              onChange={(e) => list.setSorting({ id: e.target.value, desc: false })}
            >
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`areas.sort.${s}`)}
                </option>
              ))}
            </select>
          </>
        }
        exportAs={(format) => api.exportAreas(tenantId, format, t("areas.exportTitle"))}
        count={{ text: (count) => t("areas.count", { count }), testId: "area-count" }}
        testIds={{
          table: "area-table",
          notice: "area-notice",
          error: "area-list-error",
          empty: "no-areas",
          exportCsv: "export-areas-csv",
          exportJson: "export-areas-json",
          exportXlsx: "export-areas-xlsx",
        }}
        errors={[areas.error]}
        empty={{ none: t("areas.empty"), noMatch: t("areas.noMatch") }}
        bulkBar={(selection) => (
          <AreaBulkBar session={session} selection={selection} companies={companies.data ?? []} onError={onError} />
        )}
        onChanged={onChanged}
        onError={onError}
      />
    </>
  );
}
