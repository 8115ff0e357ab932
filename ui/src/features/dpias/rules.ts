import type { DpiaVerdict } from "../../bindings/DpiaVerdict";
import type { RiskLevel } from "../../bindings/RiskLevel";
import type { RiskMatrix } from "../../bindings/RiskMatrix";

/** Art. 35(3) (a)–(c), in the statute's order. */
export const ART35_3 = ["art35_3_a", "art35_3_b", "art35_3_c"] as const;

/** The nine criteria of WP248 rev.01, in its order. */
export const WP248 = [
  "scoring",
  "automated_decision",
  "systematic_monitoring",
  "sensitive_data",
  "large_scale",
  "matching_datasets",
  "vulnerable_subjects",
  "innovative_technology",
  "prevents_rights",
] as const;

/** The verdict as the core decides it (`domain/dpias/check.rs::verdict`), shown while the boxes are ticked; the
 * core's answer is what is stored. */
export function verdictOf(criteria: string[]): { verdict: DpiaVerdict; reasons: string[] } {
  const decisive = criteria.filter((c) => (ART35_3 as readonly string[]).includes(c) || c.startsWith("must:"));
  if (decisive.length) return { verdict: "required", reasons: decisive };
  const wp = criteria.filter((c) => (WP248 as readonly string[]).includes(c));
  return { verdict: wp.length === 0 ? "not_needed" : wp.length === 1 ? "recommended" : "required", reasons: wp };
}

/** The class of a rating in the office's matrix (`cells[likelihood - 1][severity - 1]`). */
export function levelOf(matrix: RiskMatrix, likelihood: number | null, severity: number | null): RiskLevel | null {
  if (!likelihood || !severity) return null;
  return matrix.cells[likelihood - 1]?.[severity - 1] ?? null;
}

export const RATINGS = [1, 2, 3, 4] as const;
