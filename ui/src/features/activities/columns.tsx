import type { TFunction } from "i18next";
import type { ActivityRow } from "../../bindings/ActivityRow";
import type { ListColumn } from "../../components/list/types";
import { formatDateTime, formatDay } from "../../format";
import { dueState } from "../../reviewDates";
import { VerdictBadge } from "../dpias/VerdictBadge";
import { StatusBadge } from "./StatusBadge";

export const COLUMNS_STORAGE_KEY = "dpo-desk.activity-columns";

const lower = (text: string) => text.toLocaleLowerCase();

/** The activity list's columns; `name` always shows. Sort values are computed once per row, so tens of thousands
 * of rows sort quickly. */
export function activityColumns(t: TFunction): ListColumn<ActivityRow>[] {
  return [
    {
      id: "name",
      header: "activities.name",
      cell: (a) => <span title={a.name}>{a.name}</span>,
      sortValue: (a) => lower(a.name),
      className: "strong",
      width: "minmax(150px, 2fr)",
    },
    {
      id: "area",
      header: "activities.columnNames.area",
      optional: true,
      defaultVisible: true,
      width: "minmax(110px, 1.5fr)",
      cell: (a) => (
        <span title={`${a.area_name} · ${a.company_name}`}>
          {a.area_name} <span className="muted">· {a.company_name}</span>
        </span>
      ),
      sortValue: (a) => lower(`${a.area_name} ${a.company_name}`),
    },
    {
      id: "status",
      header: "activities.columnNames.status",
      optional: true,
      defaultVisible: true,
      width: "minmax(96px, 0.8fr)",
      cell: (a) => <StatusBadge status={a.status} />,
      sortValue: (a) => String(["draft", "in_review", "active", "inactive"].indexOf(a.status)),
    },
    {
      id: "role",
      header: "activities.columnNames.role",
      optional: true,
      cell: (a) => t(`activities.roles.${a.role}`),
      sortValue: (a) => a.role,
    },
    {
      id: "responsible",
      header: "activities.columnNames.responsible",
      optional: true,
      cell: (a) => a.responsible || "—",
      sortValue: (a) => lower(a.responsible),
    },
    {
      id: "editor",
      header: "activities.columnNames.editor",
      optional: true,
      defaultVisible: true,
      width: "minmax(96px, 1fr)",
      cell: (a) => a.editor_name ?? "—",
      sortValue: (a) => lower(a.editor_name ?? ""),
    },
    {
      id: "dpia",
      header: "activities.columnNames.dpia",
      optional: true,
      cell: (a) => t(`dpia.${a.dpia_required}`),
      sortValue: (a) => a.dpia_required,
    },
    {
      id: "dpia_check",
      header: "activities.columnNames.dpiaCheck",
      optional: true,
      defaultVisible: true,
      width: "minmax(104px, 0.9fr)",
      testId: "activity-dpia-check",
      cell: (a) => (a.dpia_check ? <VerdictBadge verdict={a.dpia_check} /> : <span className="muted">—</span>),
      sortValue: (a) => (a.dpia_check ? ["required", "recommended", "not_needed"].indexOf(a.dpia_check) : 9),
    },
    {
      id: "review",
      header: "activities.columnNames.review",
      optional: true,
      defaultVisible: true,
      width: "minmax(96px, 0.8fr)",
      testId: "activity-review",
      cell: (a) => {
        if (!a.review_planned) return "—";
        const state = a.status === "inactive" ? null : dueState(a.review_planned);
        return (
          <span className={state ? `review-${state}` : undefined} title={state ? t(`toms.review.${state}`) : undefined}>
            {formatDay(a.review_planned)}
          </span>
        );
      },
      sortValue: (a) => a.review_planned ?? "9999",
    },
    {
      id: "updated",
      header: "activities.columnNames.updated",
      optional: true,
      defaultVisible: true,
      width: "minmax(96px, 0.8fr)",
      cell: (a) => (
        <span className="muted" title={formatDateTime(a.updated_at)}>
          {formatDay(a.updated_at)}
        </span>
      ),
      sortValue: (a) => a.updated_at,
    },
  ];
}
