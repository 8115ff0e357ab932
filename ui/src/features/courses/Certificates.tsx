import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { Certificate } from "../../bindings/Certificate";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { Alert } from "../../components/Alert";
import { useRecords } from "../../data/records";
import { formatDate, formatDay } from "../../format";
import { useAction } from "../../useAction";
import { ReportStatus } from "../reports/ReportStatus";
import { useReport } from "../reports/useReport";
import { StateBadge } from "./Learners";
import { ResultsExport } from "./ResultsExport";

type Props = { session: SessionInfo; tenantId: number; onError: (e: unknown) => boolean };

/** The statistics per user: each learner with every course assigned to them. */
function ResultsByLearner({ tenantId, onError }: { tenantId: number; onError: (e: unknown) => boolean }) {
  const { t } = useTranslation();
  const results = useRecords(["courses", tenantId, "results"], () => api.courseResultsOfTenant(tenantId), onError);
  const rows = [...(results.data ?? [])].sort(
    (a, b) => a.user_name.localeCompare(b.user_name) || a.course_name.localeCompare(b.course_name),
  );
  return (
    <>
      <h2>{t("courses.certificates.byLearner")}</h2>
      <p className="muted small">{t("courses.certificates.byLearnerIntro")}</p>
      {results.error && <Alert kind="error">{results.error}</Alert>}
      {results.data && rows.length === 0 && <p className="muted">{t("courses.certificates.noResults")}</p>}
      {rows.length > 0 && (
        <table className="simple-table" data-testid="results-by-learner">
          <thead>
            <tr>
              <th>{t("courses.learners.columns.name")}</th>
              <th>{t("courses.certificates.course")}</th>
              <th>{t("courses.learners.columns.state")}</th>
              <th>{t("courses.learners.columns.attempts")}</th>
              <th>{t("courses.learners.columns.best")}</th>
              <th>{t("courses.learners.columns.due")}</th>
              <th>{t("courses.learners.columns.passedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr
                key={r.id}
                data-result={`${r.user_name} – ${r.course_name}`}
                className={r.overdue ? "overdue" : undefined}
              >
                <td>
                  <span>{i > 0 && rows[i - 1].user_name === r.user_name ? "" : r.user_name}</span>
                </td>
                <td>
                  <span>{r.course_name}</span>
                </td>
                <td>
                  <StateBadge row={r} />
                </td>
                <td>
                  <span>{r.attempts}</span>
                </td>
                <td>
                  <span>{r.best_score === null ? "—" : `${r.best_score} %`}</span>
                </td>
                <td>
                  <span className={r.overdue ? "review-overdue" : undefined}>
                    {r.due_on ? formatDate(r.due_on) : "—"}
                  </span>
                </td>
                <td>
                  <span>{r.passed_at ? formatDay(r.passed_at) : "—"}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The tenant's certificates: all in one PDF, a code checked, every learner's results exported. */
export function Certificates({ session, tenantId, onError }: Props) {
  const { t } = useTranslation();
  const report = useReport(onError);
  const checking = useAction(onError);
  const [code, setCode] = useState("");
  const [checked, setChecked] = useState<Certificate | null | undefined>(undefined);
  return (
    <section className="card" data-testid="course-certificates">
      <ResultsByLearner tenantId={tenantId} onError={onError} />
      <h2 className="spaced">{t("courses.certificates.title")}</h2>
      {can(session, "course", "print") && (
        <>
          <p className="muted small">{t("courses.certificates.intro")}</p>
          <button
            type="button"
            disabled={report.busy}
            data-testid="print-certificates"
            onClick={() =>
              void report.run((progress) =>
                api.makeReport(
                  { report: "certificates", tenant_id: tenantId, language: null },
                  t("courses.certificates.pdfTitle"),
                  progress,
                ),
              )
            }
          >
            {t("courses.certificates.print")}
          </button>
          <ReportStatus report={report} testId="certificates-report" />
        </>
      )}
      <h3 className="subhead">{t("courses.certificates.verify")}</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void checking.run(async () => setChecked(await api.verifyCertificate(code)));
        }}
      >
        <input
          aria-label={t("courses.certificates.code")}
          placeholder="XXXX-XXXX-XXXX"
          value={code}
          data-testid="certificate-code"
          onChange={(e) => {
            setCode(e.target.value);
            setChecked(undefined);
          }}
        />
        <button type="submit" disabled={checking.busy || code.trim() === ""} data-testid="check-certificate">
          {t("courses.certificates.check")}
        </button>
      </form>
      {checked && (
        <Alert kind="success" testId="certificate-valid">
          {t("courses.certificates.valid", {
            learner: checked.learner,
            course: checked.course_name,
            tenant: checked.tenant_name,
            date: formatDay(checked.passed_at),
            score: checked.score_percent,
          })}
        </Alert>
      )}
      {checked === null && (
        <Alert kind="warning" testId="certificate-invalid">
          {t("courses.certificates.invalid")}
        </Alert>
      )}
      {checking.error && <Alert kind="error">{checking.error}</Alert>}
      {can(session, "course", "export") && (
        <>
          <h3 className="subhead">{t("courses.certificates.resultsAll")}</h3>
          <ResultsExport
            tenantId={tenantId}
            courseId={null}
            title={t("courses.certificates.exportAllTitle")}
            prefix="all-results"
            onError={onError}
          />
        </>
      )}
    </section>
  );
}
