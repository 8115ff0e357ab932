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

/** A review counts as due this many days ahead, as in the core (`REVIEW_DUE_DAYS`). */
export const REVIEW_DUE_DAYS = 30;

/** Today as an ISO date in the office's time zone. */
export function todayIso(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

/** "overdue", "due" (within 30 days) or null. */
export function reviewState(row: Pick<TomRow, "next_review" | "status">, today = todayIso()): "overdue" | "due" | null {
  if (!row.next_review || row.status === "inactive") return null;
  if (row.next_review < today) return "overdue";
  return row.next_review <= addDays(today, REVIEW_DUE_DAYS) ? "due" : null;
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
