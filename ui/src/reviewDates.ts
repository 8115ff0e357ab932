/** A review counts as due this many days ahead, as in the core (`REVIEW_DUE_DAYS`). */
export const REVIEW_DUE_DAYS = 30;

/** Today as an ISO date in the office's time zone. */
export function todayIso(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

/** "overdue", "due" (within 30 days) or null for a planned review date (ISO). */
export function dueState(date: string | null, today = todayIso()): "overdue" | "due" | null {
  if (!date) return null;
  if (date < today) return "overdue";
  return date <= addDays(today, REVIEW_DUE_DAYS) ? "due" : null;
}
