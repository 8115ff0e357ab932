import { appLocale } from "../../format";

/** Euro cents as the app's language writes an amount ("1.234,50 €" / "€1,234.50"). */
export function euro(cents: number): string {
  return new Intl.NumberFormat(appLocale(), { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** A typed amount ("49,90", "49.90", "1.234,50") as cents; null when empty, NaN when not an amount. */
export function parseEuro(text: string): number | null {
  const clean = text.replace(/[€\s]/g, "");
  if (clean === "") return null;
  // The last separator followed by one or two digits is the decimal one; any other separates thousands.
  const match = /^(\d{1,3}(?:[.,]?\d{3})*|\d+)(?:[.,](\d{1,2}))?$/.exec(clean);
  if (!match) return Number.NaN;
  const whole = Number(match[1].replace(/[.,]/g, ""));
  const fraction = match[2] ? Number(match[2].padEnd(2, "0")) : 0;
  return whole * 100 + fraction;
}
