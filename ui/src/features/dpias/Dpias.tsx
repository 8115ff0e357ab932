import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { DpiaRow } from "../../bindings/DpiaRow";
import { Alert } from "../../components/Alert";
import { BulkBar } from "../../components/list/BulkBar";
import { RecordList } from "../../components/list/RecordList";
import type { ListColumn } from "../../components/list/types";
import { useListState } from "../../components/list/useListState";
import { NoPermission, NoTenant } from "../../components/NoPermission";
import { recordKeys, useRecords, useRecordsChanged } from "../../data/records";
import { formatDate } from "../../format";
import type { PageProps } from "../../screens/page";
import { useAction } from "../../useAction";
import { DpiaEditor } from "./DpiaEditor";
import { takeOpenDpiaRequest } from "./openRequest";
import { LevelBadge } from "./VerdictBadge";

/** DPIAs of the current tenant: the list of current assessments, one assessment in its place, and the import of
 * a CNIL PIA file. */
export function Dpias(props: PageProps) {
  if (props.tenantId === null) return <NoTenant />;
  return <DpiaPage key={props.tenantId} {...props} tenantId={props.tenantId} />;
}

function DpiaPage(props: PageProps & { tenantId: number }) {
  const { session, tenantId, onError } = props;
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(() => takeOpenDpiaRequest());
  const dpias = useRecords(recordKeys.dpias(tenantId), () => api.dpias(tenantId), onError);
  const changed = useRecordsChanged();
  const columns = useMemo<ListColumn<DpiaRow>[]>(
    () => [
      {
        id: "activity",
        header: "dpia.columns.activity",
        className: "strong",
        compare: (a, b) => a.activity_name.localeCompare(b.activity_name),
        cell: (d) => (
          <button type="button" className="link" data-open-dpia={d.activity_name} onClick={() => setOpen(d.id)}>
            {d.activity_name}
          </button>
        ),
      },
      {
        id: "company",
        header: "dpia.columns.company",
        optional: true,
        defaultVisible: true,
        cell: (d) => d.company_name,
        sortValue: (d) => d.company_name,
      },
      {
        id: "version",
        header: "dpia.columns.version",
        optional: true,
        defaultVisible: true,
        cell: (d) => d.version,
        sortValue: (d) => d.version,
      },
      {
        id: "status",
        header: "dpia.columns.status",
        optional: true,
        defaultVisible: true,
        cell: (d) => <span className={`badge dpia-status-${d.status}`}>{t(`dpia.status.${d.status}`)}</span>,
        sortValue: (d) => d.status,
      },
      {
        id: "progress",
        header: "dpia.columns.progress",
        optional: true,
        defaultVisible: true,
        cell: (d) => t("dpia.progressCount", { done: d.sections_done, total: d.sections }),
        sortValue: (d) => d.sections_done,
      },
      {
        id: "highest",
        header: "dpia.columns.highest",
        optional: true,
        defaultVisible: true,
        cell: (d) => <LevelBadge level={d.highest_level} />,
        sortValue: (d) => d.highest_level ?? "",
      },
      {
        id: "residual",
        header: "dpia.columns.residual",
        optional: true,
        defaultVisible: true,
        cell: (d) => <LevelBadge level={d.highest_residual} />,
        sortValue: (d) => d.highest_residual ?? "",
      },
      {
        id: "review",
        header: "dpia.columns.review",
        optional: true,
        defaultVisible: true,
        cell: (d) => (d.review_date ? formatDate(d.review_date) : "—"),
        sortValue: (d) => d.review_date ?? "9999",
      },
    ],
    [t],
  );
  const list = useListState({ columns, storageKey: "dpo-desk.dpia-columns", sort: { id: "activity", desc: false } });
  const onChanged = useCallback(() => changed("dpias", tenantId), [changed, tenantId]);
  if (dpias.code === "permission_denied") return <NoPermission />;
  if (open !== null) {
    return <DpiaEditor {...props} tenantId={tenantId} id={open} onOpen={setOpen} onClose={() => setOpen(null)} />;
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("dpia.title")}</h1>
          <p className="lead">{t("dpia.intro")}</p>
        </div>
      </div>
      {can(session, "dpia", "create") && <CnilImport tenantId={tenantId} onError={onError} onImported={setOpen} />}
      <RecordList<DpiaRow>
        state={list}
        session={session}
        object="dpia"
        rows={dpias.data}
        columns={columns}
        name={(d) => d.activity_name}
        rowData={(d) => ({ "data-dpia-row": d.activity_name })}
        selectData="data-select-dpia"
        filter={{
          testId: "dpia-filter",
          matches: (d, needle) => `${d.activity_name} ${d.company_name}`.toLocaleLowerCase().includes(needle),
        }}
        exportAs={(format) => api.exportDpias(tenantId, format, t("dpia.exportTitle"))}
        count={{ text: (count) => t("dpia.count", { count }), testId: "dpia-count" }}
        testIds={{
          notice: "dpia-list-notice",
          empty: "no-dpias",
          exportCsv: "export-dpias-csv",
          exportJson: "export-dpias-json",
          exportXlsx: "export-dpias-xlsx",
        }}
        errors={[dpias.error]}
        empty={{ none: t("dpia.empty"), noMatch: t("dpia.noMatch") }}
        bulkBar={(selection) => (
          <BulkBar
            session={session}
            object="dpia"
            label={t("dpia.bulkTitle")}
            testId="dpia-bulk-bar"
            selection={selection}
            remove={{
              testId: "delete-dpias",
              confirmTestId: "confirm-delete-dpias",
              confirm: t("dpia.confirmDelete", { count: selection.ids.length }),
              run: async () => {
                await api.deleteDpias(selection.ids);
                return t("dpia.deleted", { count: selection.ids.length });
              },
            }}
            onError={onError}
          />
        )}
        onChanged={onChanged}
        onError={onError}
      />
    </>
  );
}

/** "Import from CNIL PIA": an activity without an assessment, then the file through the native open dialog. */
function CnilImport({
  tenantId,
  onError,
  onImported,
}: {
  tenantId: number;
  onError: (e: unknown) => boolean;
  onImported: (id: number) => void;
}) {
  const { t } = useTranslation();
  const activities = useRecords(recordKeys.activities(tenantId, null), () => api.activities(tenantId, null), onError);
  const dpias = useRecords(recordKeys.dpias(tenantId), () => api.dpias(tenantId), onError);
  const [activity, setActivity] = useState(0);
  const { busy, error, run } = useAction(onError);
  const changed = useRecordsChanged();
  const taken = new Set((dpias.data ?? []).map((d) => Number(d.activity_id)));
  const free = (activities.data ?? []).filter((a) => !taken.has(Number(a.id)));
  const start = () =>
    void run(async () => {
      const imported = await api.importCnil(activity, t("dpia.cnil.importTitle"));
      if (!imported) return;
      await changed("dpias", tenantId);
      await changed("toms", tenantId);
      onImported(imported.id);
    });
  return (
    <section className="card cnil-import" aria-labelledby="cnil-import" data-testid="cnil-import">
      <h2 id="cnil-import">{t("dpia.cnil.import")}</h2>
      <p className="muted small">{t("dpia.cnil.importHint")}</p>
      <div className="picker-row">
        <select
          aria-label={t("dpia.cnil.activity")}
          value={activity}
          data-testid="cnil-activity"
          onChange={(e) => setActivity(Number(e.target.value))}
        >
          <option value={0}>{t("dpia.cnil.chooseActivity")}</option>
          {free.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.company_name})
            </option>
          ))}
        </select>
        <button type="button" disabled={busy || !activity} data-testid="cnil-import-run" onClick={start}>
          {t("dpia.cnil.choose")}
        </button>
      </div>
      {error && (
        <Alert kind="error" testId="cnil-import-error">
          {error}
        </Alert>
      )}
    </section>
  );
}
