import { useTranslation } from "react-i18next";
import type { AuditLine } from "../bindings/AuditLine";
import { formatDateTime } from "../format";

/** "Status: Draft → Active · Legal bases: + Art. 6(1)(b) GDPR" */
export function describeChanges(line: AuditLine): string {
  return line.changes.map((c) => `${c.label}: ${c.change}`).join(" · ");
}

/** One entry as a person reads it: when, who, what, which record by name, the changed fields. */
export function AuditRow({
  line,
  style,
  onOpen,
  selected,
}: {
  line: AuditLine;
  style?: React.CSSProperties;
  onOpen?: (line: AuditLine) => void;
  selected?: boolean;
}) {
  const { t } = useTranslation();
  const object = line.object_name ? `${line.object_label}: ${line.object_name}` : line.object_label;
  const change = describeChanges(line);
  return (
    <div
      className={`audit-row${onOpen ? " clickable" : ""}${selected ? " selected" : ""}`}
      role="row"
      style={style}
      data-testid="audit-row"
      data-audit-id={String(line.id)}
      tabIndex={onOpen ? 0 : undefined}
      onClick={() => onOpen?.(line)}
      onKeyDown={(e) => {
        if (e.key === "Enter") onOpen?.(line);
      }}
    >
      <span role="cell">{formatDateTime(line.at)}</span>
      <span role="cell">{line.user_name ?? t("audit.system")}</span>
      <span role="cell">{line.action_label}</span>
      <span role="cell" title={object}>
        {object}
      </span>
      <span role="cell" className="change" title={change}>
        {change}
      </span>
    </div>
  );
}
