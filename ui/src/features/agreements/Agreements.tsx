import { useCallback, useMemo, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { AgreementRow } from "../../bindings/AgreementRow";
import { BulkBar } from "../../components/list/BulkBar";
import { RecordList } from "../../components/list/RecordList";
import type { ListColumn } from "../../components/list/types";
import { useListState } from "../../components/list/useListState";
import { NoPermission, NoTenant } from "../../components/NoPermission";
import { useRecords, useRecordsChanged } from "../../data/records";
import { formatDate } from "../../format";
import type { PageProps } from "../../screens/page";
import { AgreementForm } from "./AgreementForm";

const COLUMNS_STORAGE_KEY = "dpo-desk.agreement-columns";

function columns(t: TFunction): ListColumn<AgreementRow>[] {
  const date = (d: string | null) => (d ? formatDate(d) : <span className="muted">—</span>);
  return [
    {
      id: "processor",
      header: "agreements.columns.processor",
      className: "strong",
      width: "minmax(180px, 1.6fr)",
      sortValue: (r) => r.processor_name,
      cell: (r) => <span className="cell-text">{r.processor_name}</span>,
    },
    {
      id: "subject",
      header: "agreements.columns.subject",
      width: "minmax(200px, 2fr)",
      sortValue: (r) => r.subject,
      cell: (r) => <span className="cell-text">{r.subject}</span>,
    },
    {
      id: "signed",
      header: "agreements.columns.signed",
      optional: true,
      defaultVisible: true,
      width: "minmax(110px, 0.8fr)",
      sortValue: (r) => r.signed_on ?? "",
      cell: (r) => date(r.signed_on),
    },
    {
      id: "files",
      header: "agreements.columns.files",
      optional: true,
      defaultVisible: true,
      width: "minmax(120px, 0.8fr)",
      sortValue: (r) => Number(r.attachment_count),
      cell: (r) =>
        Number(r.attachment_count) ? (
          <span>{t("agreements.fileCount", { count: Number(r.attachment_count) })}</span>
        ) : (
          <span className="review-due">{t("agreements.noFile")}</span>
        ),
    },
    {
      id: "next_review",
      header: "agreements.columns.nextReview",
      optional: true,
      defaultVisible: true,
      width: "minmax(120px, 0.8fr)",
      sortValue: (r) => r.next_review ?? "9999",
      cell: (r) =>
        r.next_review ? (
          <span className={r.review_overdue ? "review-overdue" : undefined}>{formatDate(r.next_review)}</span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      id: "activities",
      header: "agreements.columns.activities",
      optional: true,
      width: "minmax(90px, 0.6fr)",
      sortValue: (r) => Number(r.activity_count),
      cell: (r) => Number(r.activity_count),
    },
    {
      id: "tom_check",
      header: "agreements.columns.tomCheck",
      optional: true,
      width: "minmax(110px, 0.8fr)",
      sortValue: (r) => r.tom_check_on ?? "",
      cell: (r) => date(r.tom_check_on),
    },
  ];
}

/** Processor agreements (Art. 28) of the current tenant, per processor of the master data. */
export function Agreements(props: PageProps & { initialId?: number }) {
  if (props.tenantId === null) return <NoTenant />;
  return <AgreementList key={props.tenantId} {...props} tenantId={props.tenantId} />;
}

function AgreementList(props: PageProps & { tenantId: number; initialId?: number }) {
  const { session, tenantId, onError } = props;
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | "new" | null>(props.initialId ?? null);
  const cols = useMemo(() => columns(t), [t]);
  const list = useListState({ columns: cols, storageKey: COLUMNS_STORAGE_KEY });
  const rows = useRecords(["agreements", tenantId], () => api.processorAgreements(tenantId), onError);
  const changed = useRecordsChanged();
  const onChanged = useCallback(() => changed("agreements", tenantId), [changed, tenantId]);
  if (rows.code === "permission_denied") return <NoPermission />;
  if (editing !== null) {
    return (
      <AgreementForm
        {...props}
        id={editing === "new" ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(subject) => list.setNotice(t("agreements.saved", { subject }))}
      />
    );
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("agreements.title")}</h1>
          <p className="lead">{t("agreements.intro")}</p>
        </div>
        {can(session, "processor_agreement", "create") && (
          <button type="button" className="primary" data-testid="new-agreement" onClick={() => setEditing("new")}>
            {t("agreements.new")}
          </button>
        )}
      </div>
      <RecordList<AgreementRow>
        state={list}
        session={session}
        object="processor_agreement"
        rows={rows.data}
        columns={cols}
        layout="virtual"
        label={t("agreements.title")}
        headerSort
        name={(r) => `${r.processor_name} – ${r.subject}`}
        rowData={(r) => ({ "data-agreement": r.subject })}
        rowClassName={(r) => (r.review_overdue ? "overdue" : "")}
        selectData="data-select-agreement"
        filter={{ testId: "agreement-filter" }}
        exportAs={(format) => api.exportProcessorAgreements(tenantId, format, t("agreements.exportTitle"))}
        count={{ text: (count) => t("agreements.count", { count }), testId: "agreement-count" }}
        testIds={{
          selectAll: "select-all-agreements",
          notice: "agreement-notice",
          error: "agreement-list-error",
          empty: "no-agreements",
          exportCsv: "export-agreements-csv",
          exportJson: "export-agreements-json",
          exportXlsx: "export-agreements-xlsx",
        }}
        errors={[rows.error]}
        empty={{ none: t("agreements.empty"), noMatch: t("agreements.noMatch") }}
        bulkBar={(selection) => (
          <BulkBar
            session={session}
            object="processor_agreement"
            label={t("agreements.bulkTitle")}
            testId="agreement-bulk-bar"
            selection={selection}
            remove={{
              testId: "delete-agreements",
              confirmTestId: "confirm-delete-agreements",
              confirm: t("agreements.confirmDelete", { count: selection.ids.length }),
              run: async () => {
                await api.deleteProcessorAgreements(selection.ids);
                return t("agreements.deleted", { count: selection.ids.length });
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
