import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { AssignmentRow } from "../../bindings/AssignmentRow";
import { Alert } from "../../components/Alert";
import { useRecords } from "../../data/records";
import { formatDate, formatDay } from "../../format";
import type { PageProps } from "../../screens/page";
import { CoursePlayer } from "./CoursePlayer";
import { StateBadge } from "./Learners";

/** The label of the button that opens an assignment. */
function openLabel(row: AssignmentRow): string {
  switch (row.state) {
    case "not_started":
      return "myCourses.start";
    case "in_progress":
      return "myCourses.continue";
    default:
      return "myCourses.open";
  }
}

/** The learner's page: the courses assigned to them, and taking one. */
export function MyCourses({ onError }: PageProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const mine = useRecords(["my-courses"], api.myCourses, onError);
  if (open !== null) return <CoursePlayer assignmentId={open} onError={onError} onClose={() => setOpen(null)} />;
  const rows = mine.data ?? [];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("myCourses.title")}</h1>
          <p className="lead">{t("myCourses.intro")}</p>
        </div>
      </div>
      {mine.error && <Alert kind="error">{mine.error}</Alert>}
      {mine.data && rows.length === 0 && (
        <Alert kind="info" testId="no-my-courses">
          {t("myCourses.empty")}
        </Alert>
      )}
      <ul className="my-courses">
        {rows.map((r) => (
          <li key={r.id} className={`card my-course${r.overdue ? " overdue" : ""}`} data-my-course={r.course_name}>
            <div className="my-course-head">
              <h2>{r.course_name}</h2>
              <StateBadge row={r} />
            </div>
            <p className="muted small">
              {r.due_on &&
                (r.overdue
                  ? t("myCourses.overdue", { date: formatDate(r.due_on) })
                  : t("myCourses.due", { date: formatDate(r.due_on) }))}
              {r.passed_at && ` ${t("myCourses.passedOn", { date: formatDay(r.passed_at) })}`}
            </p>
            <button
              type="button"
              className="primary"
              data-testid={`open-course-${r.id}`}
              onClick={() => setOpen(Number(r.id))}
            >
              {t(openLabel(r))}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
