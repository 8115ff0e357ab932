import { useCallback, useMemo, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { Company } from "../../bindings/Company";
import type { ProtectionType } from "../../bindings/ProtectionType";
import type { TomRow } from "../../bindings/TomRow";
import type { TomStatus } from "../../bindings/TomStatus";
import { RecordList } from "../../components/list/RecordList";
import type { ListColumn } from "../../components/list/types";
import { useListState } from "../../components/list/useListState";
import { NoPermission } from "../../components/NoPermission";
import { recordKeys, useRecords, useRecordsChanged } from "../../data/records";
import { formatDate } from "../../format";
import type { PageProps } from "../../screens/page";
import { ALL_TOMS, PROTECTION_TYPES, reviewState, TOM_STATUSES, typeIndex } from "./labels";
import { TomBulkBar } from "./TomBulkBar";
import { TomForm } from "./TomForm";
import { TomStatusBadge } from "./TomStatusBadge";
import { TypeSummary } from "./TypeSummary";

/** The core lists measures by protection type, then title: grouped as the seed shows them. */
const BY_TYPE = { id: "type", desc: false };
const COLUMNS_STORAGE_KEY = "dpo-desk.tom-columns";

const byTitle = (a: TomRow, b: TomRow) => a.title.localeCompare(b.title);
const matches = (r: TomRow, needle: string) =>
  `${r.title} ${r.company_names.join(" ")} ${r.editor_name ?? ""}`.toLocaleLowerCase().includes(needle);

function columns(t: TFunction): ListColumn<TomRow>[] {
  return [
    {
      id: "title",
      header: "toms.columns.title",
      className: "strong",
      width: "minmax(220px, 3fr)",
      compare: byTitle,
      cell: (r) => (
        <span className="cell-text" title={r.title}>
          {r.title}
          {r.own && <span className="badge subtle">{t("toms.own")}</span>}
        </span>
      ),
    },
    {
      id: "type",
      header: "toms.columns.type",
      optional: true,
      width: "minmax(140px, 1.2fr)",
      compare: (a, b) => typeIndex(a.protection_type) - typeIndex(b.protection_type) || byTitle(a, b),
      cell: (r) => t(`toms.types.${r.protection_type}`),
    },
    {
      id: "status",
      header: "toms.columns.status",
      optional: true,
      defaultVisible: true,
      width: "minmax(100px, 0.8fr)",
      sortValue: (r) => TOM_STATUSES.indexOf(r.status),
      cell: (r) => <TomStatusBadge status={r.status} />,
    },
    {
      id: "companies",
      header: "toms.columns.companies",
      optional: true,
      defaultVisible: true,
      width: "minmax(140px, 1.5fr)",
      testId: "tom-companies",
      sortValue: (r) => r.company_names.join(", "),
      cell: (r) =>
        r.company_names.length ? (
          <span className="cell-text" title={r.company_names.join(", ")}>
            {r.company_names.join(", ")}
          </span>
        ) : (
          <span className="muted">{t("toms.noCompany")}</span>
        ),
    },
    {
      id: "kind",
      header: "toms.columns.kind",
      optional: true,
      width: "minmax(110px, 0.8fr)",
      sortValue: (r) => r.kind,
      cell: (r) => t(`toms.kind.${r.kind}`),
    },
    {
      id: "next_review",
      header: "toms.columns.nextReview",
      optional: true,
      defaultVisible: true,
      width: "minmax(160px, 1fr)",
      testId: "tom-next-review",
      sortValue: (r) => r.next_review ?? "9999",
      cell: (r) => {
        if (!r.next_review) return <span className="muted">—</span>;
        const state = reviewState(r);
        return (
          <span className={state ? `review-${state}` : undefined} title={state ? t(`toms.review.${state}`) : undefined}>
            {formatDate(r.next_review)}
          </span>
        );
      },
    },
    {
      id: "last_review",
      header: "toms.columns.lastReview",
      optional: true,
      width: "minmax(160px, 1fr)",
      sortValue: (r) => r.last_review ?? "",
      cell: (r) => (r.last_review ? formatDate(r.last_review) : <span className="muted">—</span>),
    },
    {
      id: "activities",
      header: "toms.columns.activities",
      optional: true,
      width: "minmax(90px, 0.6fr)",
      sortValue: (r) => -Number(r.activity_count),
      cell: (r) => Number(r.activity_count) || <span className="muted">0</span>,
    },
    {
      id: "editor",
      header: "toms.columns.editor",
      optional: true,
      width: "minmax(110px, 1fr)",
      sortValue: (r) => r.editor_name ?? "",
      cell: (r) => r.editor_name ?? <span className="muted">—</span>,
    },
  ];
}

type Props = PageProps & { tenantId: number; initialId?: number };

/** Every measure of the tenant grouped by protection type, with the counts per type and status, the filters of the
 * seed's workflow (type, status, company, review due), and the actions on a selection. */
export function TomList(props: Props) {
  const { session, tenantId, onError } = props;
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | "new" | null>(props.initialId ?? null);
  const cols = useMemo(() => columns(t), [t]);
  const list = useListState({ columns: cols, storageKey: COLUMNS_STORAGE_KEY, sort: BY_TYPE });
  const toms = useRecords(recordKeys.toms(tenantId), () => api.toms(tenantId, ALL_TOMS), onError);
  const companies = useRecords(
    [...recordKeys.companies(tenantId), "or-none"],
    () => api.companies(tenantId).catch((): Company[] => []),
    onError,
  );
  const changed = useRecordsChanged();
  const [type, setType] = useState<ProtectionType | "">("");
  const [status, setStatus] = useState<TomStatus | "">("");
  const [company, setCompany] = useState(0);
  const [dueOnly, setDueOnly] = useState(false);
  const where = useMemo(() => {
    if (!type && !status && !company && !dueOnly) return undefined;
    return (r: TomRow) =>
      (!type || r.protection_type === type) &&
      (!status || r.status === status) &&
      (!company || r.company_ids.some((c) => Number(c) === company)) &&
      (!dueOnly || reviewState(r) !== null);
  }, [type, status, company, dueOnly]);
  const onChanged = useCallback(() => changed("toms", tenantId), [changed, tenantId]);
  const group = useMemo(
    () => ({
      sortId: "type",
      of: (r: TomRow) => r.protection_type,
      header: (key: string, count: number) => (
        <span data-testid="tom-group">
          {t(`toms.types.${key}`)} <span className="muted">· {t("toms.count", { count })}</span>
        </span>
      ),
    }),
    [t],
  );
  if (toms.code === "permission_denied") return <NoPermission />;
  const companyList = companies.data ?? [];
  if (editing !== null) {
    return (
      <TomForm
        {...props}
        id={editing === "new" ? null : editing}
        companies={companyList}
        onClose={() => setEditing(null)}
        onSaved={(title) => list.setNotice(t("toms.saved", { title }))}
      />
    );
  }

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("toms.title")}</h1>
          <p className="lead">{t("toms.intro")}</p>
          <details className="steps">
            <summary>{t("toms.stepsTitle")}</summary>
            <ol>
              {(["one", "two", "three"] as const).map((step) => (
                <li key={step}>{t(`toms.steps.${step}`)}</li>
              ))}
            </ol>
          </details>
        </div>
        {can(session, "tom", "create") && (
          <button type="button" className="primary" data-testid="new-tom" onClick={() => setEditing("new")}>
            {t("toms.new")}
          </button>
        )}
      </div>
      {toms.data && <TypeSummary rows={toms.data} selected={type} onSelect={setType} />}
      <RecordList<TomRow>
        state={list}
        session={session}
        object="tom"
        rows={toms.data}
        columns={cols}
        layout="virtual"
        label={t("toms.title")}
        headerSort
        naturalSort={BY_TYPE}
        selectionFollowsFilter
        group={group}
        name={(r) => r.title}
        rowData={(r) => ({ "data-tom": r.title, "data-tom-type": r.protection_type })}
        rowClassName={(r) => (reviewState(r) === "overdue" ? "overdue" : "")}
        selectData="data-select-tom"
        filter={{ testId: "tom-filter", matches }}
        where={where}
        toolbar={
          <>
            <select
              aria-label={t("toms.filterType")}
              value={type}
              data-testid="tom-type-filter"
              onChange={(e) => setType(e.target.value as ProtectionType | "")}
            >
              <option value="">{t("toms.allTypes")}</option>
              {PROTECTION_TYPES.map((p) => (
                <option key={p} value={p}>
                  {t(`toms.types.${p}`)}
                </option>
              ))}
            </select>
            <select
              aria-label={t("toms.filterStatus")}
              value={status}
              data-testid="tom-status-filter"
              onChange={(e) => setStatus(e.target.value as TomStatus | "")}
            >
              <option value="">{t("toms.allStatuses")}</option>
              {TOM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`toms.status.${s}`)}
                </option>
              ))}
            </select>
            <select
              aria-label={t("toms.filterCompany")}
              value={company}
              data-testid="tom-company-filter"
              onChange={(e) => setCompany(Number(e.target.value))}
            >
              <option value={0}>{t("toms.allCompanies")}</option>
              {companyList.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <label className="check-inline">
              <input
                type="checkbox"
                checked={dueOnly}
                data-testid="tom-due-filter"
                onChange={(e) => setDueOnly(e.target.checked)}
              />
              {t("toms.reviewDue")}
            </label>
          </>
        }
        exportAs={(format) => api.exportToms(tenantId, format, t("toms.exportTitle"))}
        count={{ text: (count) => t("toms.count", { count }), testId: "tom-count" }}
        testIds={{
          selectAll: "select-all-toms",
          notice: "tom-notice",
          error: "tom-list-error",
          empty: "no-toms",
          exportCsv: "export-toms-csv",
          exportJson: "export-toms-json",
          exportXlsx: "export-toms-xlsx",
        }}
        errors={[toms.error]}
        empty={{ none: t("toms.empty"), noMatch: t("toms.noMatch") }}
        bulkBar={(selection) => (
          <TomBulkBar
            session={session}
            tenantId={tenantId}
            selection={selection}
            companies={companyList}
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
