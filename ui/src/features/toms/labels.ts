import { dueState, todayIso } from "../../reviewDates";
import type { ProtectionType } from "../../bindings/ProtectionType";
import type { TomFilter } from "../../bindings/TomFilter";
import type { TomRow } from "../../bindings/TomRow";
import type { TomStatus } from "../../bindings/TomStatus";

/** The eight protection types in the seed's order: the list groups by them. */
export const PROTECTION_TYPES: ProtectionType[] = [
  "physical_access",
  "system_access",
  "data_access",
  "transfer",
  "input",
  "processor",
  "availability",
  "separation",
];

export const TOM_STATUSES: TomStatus[] = ["in_review", "active", "inactive"];

/** The core's whole list; the window filters it itself, so counts per type and status stay those of the tenant. */
export const ALL_TOMS: TomFilter = { protection_type: null, status: null, company_id: null, review_due: false };

/** "overdue", "due" (within 30 days) or null; a measure no longer in use is never due. */
export function reviewState(row: Pick<TomRow, "next_review" | "status">, today = todayIso()): "overdue" | "due" | null {
  return row.status === "inactive" ? null : dueState(row.next_review, today);
}

/** One year after an ISO date (29 February falls back to 28 February), as the core's default next review. */
export function oneYearAfter(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(y + 1, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

export function typeIndex(t: ProtectionType): number {
  return PROTECTION_TYPES.indexOf(t);
}
