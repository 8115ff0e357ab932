import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { ExportFormat } from "../../bindings/ExportFormat";
import { Alert } from "../../components/Alert";
import { useAction } from "../../useAction";

/** The learners' results as CSV or XLSX: of one course, or (`courseId` null) of every course of the tenant. */
export function ResultsExport({
  tenantId,
  courseId,
  title,
  prefix,
  onError,
}: {
  tenantId: number;
  courseId: number | null;
  title: string;
  /** "results" gives the test ids export-results-csv, export-results-xlsx and results-saved. */
  prefix: string;
  onError: (e: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const exporting = useAction(onError);
  const [saved, setSaved] = useState<string | null>(null);
  const exportAs = (format: ExportFormat) =>
    void exporting.run(async () => {
      setSaved(await api.exportCourseResults(tenantId, courseId, format, title));
    });
  return (
    <>
      <div className="actions">
        {(["csv", "xlsx"] as const).map((format) => (
          <button
            key={format}
            type="button"
            disabled={exporting.busy}
            data-testid={`export-${prefix}-${format}`}
            onClick={() => exportAs(format)}
          >
            {format.toUpperCase()}
          </button>
        ))}
      </div>
      {saved && (
        <Alert kind="success" testId={`${prefix}-saved`}>
          {t("reports.saved", { path: saved })}
        </Alert>
      )}
      {exporting.error && <Alert kind="error">{exporting.error}</Alert>}
    </>
  );
}
