import type { ReactNode } from "react";

/** A message box; errors are announced to screen readers at once. */
export function Alert({
  kind,
  children,
  testId,
}: {
  kind: "error" | "warning" | "success" | "info";
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className={`alert alert-${kind}`} role={kind === "error" ? "alert" : "status"} data-testid={testId}>
      {children}
    </div>
  );
}
