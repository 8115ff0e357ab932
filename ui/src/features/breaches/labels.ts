import type { BreachRisk } from "../../bindings/BreachRisk";
import type { BreachStatus } from "../../bindings/BreachStatus";

export const BREACH_RISKS: BreachRisk[] = ["not_assessed", "no_risk", "risk", "high_risk"];
export const BREACH_STATUSES: BreachStatus[] = ["open", "closed"];
