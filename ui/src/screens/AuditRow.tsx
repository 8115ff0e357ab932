import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../bindings/AuditEntry";
import { formatDateTime, formatValue } from "../format";

export function describeChange(entry: AuditEntry): string {
  if (entry.old_value === null && entry.new_value === null) return "";
  if (entry.old_value === null) return formatValue(entry.new_value);
  return `${formatValue(entry.old_value)} → ${formatValue(entry.new_value)}`;
}

export function AuditRow({ entry, style }: { entry: AuditEntry; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  const object = `${entry.object_type}${entry.object_id ? ` · ${entry.object_id}` : ""}`;
  const change = describeChange(entry);
  return (
    <div className="audit-row" role="row" style={style} data-testid="audit-row">
      <span role="cell">{formatDateTime(entry.at)}</span>
      <span role="cell">{entry.user_name ?? t("audit.system")}</span>
      <span role="cell">{t(`actions.${entry.action}`, { defaultValue: entry.action })}</span>
      <span role="cell" title={object}>
        {object}
      </span>
      <span role="cell" className="change" title={change}>
        {change}
      </span>
    </div>
  );
}
