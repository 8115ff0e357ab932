import i18n from "./i18n";

/** The locale every date and number is written in: the app's language, never the OS's. English is
 * British English, the form EU offices read (13 Mar 2026, 13/03/2026). */
export function appLocale(): string {
  return i18n.language.startsWith("de") ? "de-DE" : "en-GB";
}

export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(appLocale(), { year: "numeric", month: "long", day: "numeric" });
}

/** A day for a list column, compact: "13.03.2026" in German, "13 Mar 2026" in English; an ISO date is
 * taken as that calendar day, a timestamp as its local day. */
export function formatDay(iso: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))
    : new Date(iso);
  return date.toLocaleDateString(appLocale(), { dateStyle: "medium" });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(appLocale(), { dateStyle: "medium", timeStyle: "short" });
}

/** A file size in the app's language: "0,4 MB" in German, "0.4 MB" in English; under a megabyte in KB, a few bytes
 * as 1 KB, nothing at all (a tenant without documents) as 0 KB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) {
    const kb = bytes <= 0 ? 0 : Math.max(1, Math.round(bytes / 1024));
    return `${kb.toLocaleString(appLocale())} KB`;
  }
  const mb = (bytes / (1024 * 1024)).toLocaleString(appLocale(), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return `${mb} MB`;
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
      .join(", ");
  }
  return String(value);
}
