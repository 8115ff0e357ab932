import { useCallback, useMemo, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { CourseRow } from "../../bindings/CourseRow";
import { Alert } from "../../components/Alert";
import { BulkBar } from "../../components/list/BulkBar";
import { RecordList } from "../../components/list/RecordList";
import type { ListColumn, ListSelection } from "../../components/list/types";
import { useListState } from "../../components/list/useListState";
import { NoPermission, NoTenant } from "../../components/NoPermission";
import { useRecords, useRecordsChanged } from "../../data/records";
import { formatDay } from "../../format";
import type { PageProps } from "../../screens/page";
import { useAction } from "../../useAction";
import { useCopyToTenants } from "../copies/useCopyToTenants";
import { CourseEditor } from "./CourseEditor";
import { Certificates } from "./Certificates";
import { euro } from "./money";

const COLUMNS_STORAGE_KEY = "dpo-desk.course-columns";

function columns(t: TFunction): ListColumn<CourseRow>[] {
  return [
    {
      id: "name",
      header: "courses.columns.name",
      className: "strong",
      width: "minmax(220px, 2fr)",
      sortValue: (r) => r.name,
      cell: (r) => (
        <span className="cell-text">
          {r.name}
          {!r.active && <span className="badge muted-badge"> {t("courses.inactive")}</span>}
        </span>
      ),
    },
    {
      id: "language",
      header: "courses.columns.language",
      width: "minmax(90px, 0.6fr)",
      sortValue: (r) => r.language,
      cell: (r) => <span>{t(`courses.languages.${r.language}`)}</span>,
    },
    {
      id: "questions",
      header: "courses.columns.questions",
      width: "minmax(90px, 0.6fr)",
      sortValue: (r) => Number(r.questions),
      cell: (r) => <span>{Number(r.questions)}</span>,
    },
    {
      id: "assigned",
      header: "courses.columns.assigned",
      width: "minmax(100px, 0.6fr)",
      sortValue: (r) => Number(r.assigned),
      cell: (r) => <span>{Number(r.assigned)}</span>,
    },
    {
      id: "passed",
      header: "courses.columns.passed",
      width: "minmax(100px, 0.6fr)",
      sortValue: (r) => Number(r.passed),
      cell: (r) => <span>{Number(r.passed)}</span>,
    },
    {
      id: "pass_mark",
      header: "courses.columns.passMark",
      optional: true,
      defaultVisible: true,
      width: "minmax(110px, 0.6fr)",
      sortValue: (r) => r.pass_percent,
      cell: (r) => <span>{r.pass_percent} %</span>,
    },
    {
      id: "price",
      header: "courses.columns.price",
      optional: true,
      width: "minmax(100px, 0.6fr)",
      sortValue: (r) => Number(r.price_cents ?? -1),
      cell: (r) =>
        r.price_cents === null ? <span className="muted">—</span> : <span>{euro(Number(r.price_cents))}</span>,
    },
    {
      id: "updated",
      header: "courses.columns.updated",
      optional: true,
      width: "minmax(120px, 0.8fr)",
      sortValue: (r) => r.updated_at,
      cell: (r) => <span>{formatDay(r.updated_at)}</span>,
    },
  ];
}

/** Delete and copy into other tenants (without the learners, SPEC §9). */
function CourseBulkBar({
  session,
  selection,
  onError,
}: {
  session: PageProps["session"];
  selection: ListSelection<CourseRow>;
  onError: (e: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const copyOut = useCopyToTenants(session, "course", selection, onError);
  return (
    <>
      <BulkBar
        session={session}
        object="course"
        label={t("courses.bulkTitle")}
        testId="course-bulk-bar"
        selection={selection}
        remove={{
          testId: "delete-courses",
          confirmTestId: "confirm-delete-courses",
          confirm: t("courses.confirmDelete", { count: selection.ids.length }),
          run: async () => {
            await api.deleteCourses(selection.ids);
            return t("courses.deleted", { count: selection.ids.length });
          },
        }}
        extra={copyOut.button}
        onError={onError}
      />
      {copyOut.panel}
    </>
  );
}

/** E-learning courses of the current tenant: write, assign, follow up and certify. */
export function Courses(props: PageProps & { initialId?: number }) {
  if (props.tenantId === null) return <NoTenant />;
  return <CourseList key={props.tenantId} {...props} tenantId={props.tenantId} />;
}

function CourseList(props: PageProps & { tenantId: number; initialId?: number }) {
  const { session, tenantId, onError } = props;
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<number | "new" | null>(props.initialId ?? null);
  const [shippedLanguage, setShippedLanguage] = useState(i18n.language.startsWith("de") ? "de" : "en");
  const cols = useMemo(() => columns(t), [t]);
  const list = useListState({ columns: cols, storageKey: COLUMNS_STORAGE_KEY });
  const rows = useRecords(["courses", tenantId], () => api.courses(tenantId), onError);
  const changed = useRecordsChanged();
  const onChanged = useCallback(() => changed("courses", tenantId), [changed, tenantId]);
  const adding = useAction(onError);
  if (rows.code === "permission_denied") return <NoPermission />;
  if (editing !== null) {
    return (
      <CourseEditor
        {...props}
        id={editing === "new" ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(name) => list.setNotice(t("courses.saved", { name }))}
      />
    );
  }
  const mayCreate = can(session, "course", "create");
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("courses.title")}</h1>
          <p className="lead">{t("courses.intro")}</p>
        </div>
        {mayCreate && (
          <div className="head-actions">
            <select
              aria-label={t("courses.shippedLanguage")}
              value={shippedLanguage}
              data-testid="shipped-course-language"
              onChange={(e) => setShippedLanguage(e.target.value)}
            >
              <option value="de">{t("courses.languages.de")}</option>
              <option value="en">{t("courses.languages.en")}</option>
            </select>
            <button
              type="button"
              disabled={adding.busy}
              data-testid="add-shipped-course"
              onClick={() =>
                void adding.run(async () => {
                  const course = await api.addShippedCourse(tenantId, shippedLanguage);
                  await onChanged();
                  list.setNotice(t("courses.shippedAdded", { name: course.data.name }));
                })
              }
            >
              {t("courses.addShipped")}
            </button>
            <button type="button" className="primary" data-testid="new-course" onClick={() => setEditing("new")}>
              {t("courses.new")}
            </button>
          </div>
        )}
      </div>
      {adding.error && (
        <Alert kind="error" testId="course-add-error">
          {adding.error}
        </Alert>
      )}
      <RecordList<CourseRow>
        state={list}
        session={session}
        object="course"
        rows={rows.data}
        columns={cols}
        layout="virtual"
        label={t("courses.title")}
        headerSort
        name={(r) => r.name}
        rowData={(r) => ({ "data-course": r.name })}
        rowClassName={(r) => (r.active ? "" : "inactive")}
        selectData="data-select-course"
        filter={{ testId: "course-filter" }}
        exportAs={(format) => api.exportCourses(tenantId, format, t("courses.exportTitle"))}
        count={{ text: (count) => t("courses.count", { count }), testId: "course-count" }}
        testIds={{
          selectAll: "select-all-courses",
          notice: "course-notice",
          error: "course-list-error",
          empty: "no-courses",
          exportCsv: "export-courses-csv",
          exportJson: "export-courses-json",
          exportXlsx: "export-courses-xlsx",
        }}
        errors={[rows.error]}
        empty={{ none: t("courses.empty"), noMatch: t("courses.noMatch") }}
        bulkBar={(selection) => <CourseBulkBar session={session} selection={selection} onError={onError} />}
        onChanged={onChanged}
        onOpen={(r) => setEditing(r.id)}
        onError={onError}
      />
      <Certificates session={session} tenantId={tenantId} onError={onError} />
    </>
  );
}
