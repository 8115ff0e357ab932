import { expect, test } from "vitest";
import type { VisibilityRule } from "../../bindings/VisibilityRule";
import { formOf, rulesOf } from "./restrictions";

test("the role editor's restrictions round-trip, measures' own and status restrictions included", () => {
  const rules: VisibilityRule[] = [
    { object: "processing_activity", restriction: { kind: "own_records" } },
    { object: "processing_activity", restriction: { kind: "in_areas", areas: ["Personal", "Vertrieb"] } },
    { object: "area", restriction: { kind: "in_areas", areas: ["Personal"] } },
    { object: "tom", restriction: { kind: "own_records" } },
    { object: "tom", restriction: { kind: "with_status", statuses: ["active", "in_review"] } },
    { object: "dpia", restriction: { kind: "own_records" } },
    { object: "request", restriction: { kind: "own_records" } },
    { object: "processor_agreement", restriction: { kind: "own_records" } },
  ];
  const form = formOf(rules);
  expect(form.ownToms).toBe(true);
  expect(form.tomStatuses).toEqual(["active", "in_review"]);
  expect(form.ownDpias).toBe(true);
  expect(form.ownRegisters).toEqual(["request", "processor_agreement"]);
  expect(rulesOf(form)).toEqual(rules);
  expect(rulesOf({ ...form, ownToms: false, tomStatuses: [] }).some((r) => r.object === "tom")).toBe(false);
});
