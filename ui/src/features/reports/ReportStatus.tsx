import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import type { ReportState } from "./useReport";

/** The progress bar with its cancel button while a PDF is made, then where it was saved. */
export function ReportStatus({ report, testId }: { report: ReportState; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      {report.busy && (
        <div className="report-progress">
          <div
            className="progress"
            role="progressbar"
            aria-label={t("reports.making")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={report.percent ?? 0}
            data-testid={`${testId}-progress`}
          >
            <div className="progress-bar" style={{ width: `${report.percent ?? 0}%` }} />
            <span className="small">
              {t("reports.making")} {report.percent ?? 0} %
            </span>
          </div>
          <button type="button" onClick={report.cancel} data-testid={`${testId}-cancel`}>
            {t("common.cancel")}
          </button>
        </div>
      )}
      {report.saved && (
        <Alert kind="success" testId={`${testId}-saved`}>
          {t("reports.saved", { path: report.saved })}
        </Alert>
      )}
      {report.cancelled && (
        <Alert kind="info" testId={`${testId}-cancelled`}>
          {t("reports.cancelled")}
        </Alert>
      )}
      {report.error && (
        <Alert kind="error" testId={`${testId}-error`}>
          {report.error}
        </Alert>
      )}
    </>
  );
}
