import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { Course } from "../../bindings/Course";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { Alert } from "../../components/Alert";
import { useRecords } from "../../data/records";
import { ResultsExport } from "./ResultsExport";

type Props = { session: SessionInfo; course: Course; onError: (e: unknown) => boolean };

/** How the course went: the counts, the average score, the questions most often answered wrong. */
export function Statistics({ session, course, onError }: Props) {
  const { t, i18n } = useTranslation();
  const courseId = Number(course.id);
  const tenantId = Number(course.data.tenant_id);
  const stats = useRecords(["courses", tenantId, "stats", courseId], () => api.courseStatistics(courseId), onError);
  if (stats.error) return <Alert kind="error">{stats.error}</Alert>;
  const s = stats.data;
  if (!s) return <p className="muted">…</p>;
  const figures: [string, string, boolean][] = [
    ["assigned", String(s.assigned), false],
    ["started", String(s.started), false],
    ["passed", String(s.passed), false],
    ["failed", String(s.failed), false],
    ["overdue", String(s.overdue), s.overdue > 0],
    [
      "average",
      s.average_score === null
        ? "—"
        : `${new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(s.average_score)} %`,
      false,
    ],
  ];
  return (
    <section className="card" data-testid="course-statistics">
      <h2>{t("courses.stats.title")}</h2>
      <div className="figures">
        {figures.map(([key, value, alert]) => (
          <div key={key} className={`figure${alert ? " figure-alert" : ""}`} data-figure={key}>
            <span className="figure-value">{value}</span>
            <span className="figure-label">{t(`courses.stats.${key}`)}</span>
          </div>
        ))}
      </div>
      <h3 className="subhead">{t("courses.stats.hardest")}</h3>
      <p className="muted small">{t("courses.stats.hardestIntro")}</p>
      {s.hardest.length === 0 ? (
        <p className="muted" data-testid="no-attempts">
          {t("courses.stats.noAttempts")}
        </p>
      ) : (
        <ol className="hardest" data-testid="hardest-questions">
          {s.hardest.slice(0, 10).map((q) => (
            <li key={q.question_id} data-hard-question={q.question_id}>
              <span className="hardest-text">{q.text}</span>
              <span className="bar" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${q.wrong_percent}%` }} />
              </span>
              <span className="muted small">
                {t("courses.stats.wrong", { wrong: q.wrong, answered: q.answered, percent: q.wrong_percent })}
              </span>
            </li>
          ))}
        </ol>
      )}
      {can(session, "course", "export") && (
        <ResultsExport
          tenantId={tenantId}
          courseId={courseId}
          title={t("courses.stats.exportTitle")}
          prefix="results"
          onError={onError}
        />
      )}
    </section>
  );
}
