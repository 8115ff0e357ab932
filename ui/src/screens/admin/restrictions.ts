import type { TFunction } from "i18next";
import type { ActivityStatus } from "../../bindings/ActivityStatus";
import type { VisibilityRule } from "../../bindings/VisibilityRule";

/** The restrictions the role editor offers, as a plain form state. */
export type RestrictionForm = {
  ownActivities: boolean;
  activityAreas: string;
  activityStatuses: ActivityStatus[];
  areaNames: string;
  ownToms: boolean;
  tomStatuses: ActivityStatus[];
  ownDpias: boolean;
  /** The registers restricted to "only records where I am the editor". */
  ownRegisters: RegisterObject[];
  /** Top-level document folders, comma-separated ("only folders …"). */
  documentFolders: string;
};

/** The registers whose only restriction is "own records". */
export const REGISTER_OBJECTS = ["request", "breach", "processor_agreement"] as const;
export type RegisterObject = (typeof REGISTER_OBJECTS)[number];

/** The statuses a measure can have, of the shared status names. */
export const TOM_RESTRICTION_STATUSES: ActivityStatus[] = ["in_review", "active", "inactive"];

const names = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function formOf(rules: VisibilityRule[]): RestrictionForm {
  const form: RestrictionForm = {
    ownActivities: false,
    activityAreas: "",
    activityStatuses: [],
    areaNames: "",
    ownToms: false,
    tomStatuses: [],
    ownDpias: false,
    ownRegisters: [],
    documentFolders: "",
  };
  for (const rule of rules) {
    const r = rule.restriction;
    if (rule.object === "processing_activity" && r.kind === "own_records") form.ownActivities = true;
    if (rule.object === "processing_activity" && r.kind === "in_areas") form.activityAreas = r.areas.join(", ");
    if (rule.object === "processing_activity" && r.kind === "with_status") form.activityStatuses = r.statuses;
    if (rule.object === "area" && r.kind === "in_areas") form.areaNames = r.areas.join(", ");
    if (rule.object === "tom" && r.kind === "own_records") form.ownToms = true;
    if (rule.object === "tom" && r.kind === "with_status") form.tomStatuses = r.statuses;
    if (rule.object === "dpia" && r.kind === "own_records") form.ownDpias = true;
    const register = REGISTER_OBJECTS.find((o) => o === rule.object);
    if (register && r.kind === "own_records") form.ownRegisters.push(register);
    if (rule.object === "document" && r.kind === "in_folders") form.documentFolders = r.folders.join(", ");
  }
  return form;
}

export function rulesOf(form: RestrictionForm): VisibilityRule[] {
  const rules: VisibilityRule[] = [];
  if (form.ownActivities) rules.push({ object: "processing_activity", restriction: { kind: "own_records" } });
  if (names(form.activityAreas).length)
    rules.push({ object: "processing_activity", restriction: { kind: "in_areas", areas: names(form.activityAreas) } });
  if (form.activityStatuses.length)
    rules.push({
      object: "processing_activity",
      restriction: { kind: "with_status", statuses: form.activityStatuses },
    });
  if (names(form.areaNames).length)
    rules.push({ object: "area", restriction: { kind: "in_areas", areas: names(form.areaNames) } });
  if (form.ownToms) rules.push({ object: "tom", restriction: { kind: "own_records" } });
  if (form.tomStatuses.length)
    rules.push({ object: "tom", restriction: { kind: "with_status", statuses: form.tomStatuses } });
  if (form.ownDpias) rules.push({ object: "dpia", restriction: { kind: "own_records" } });
  for (const object of REGISTER_OBJECTS) {
    if (form.ownRegisters.includes(object)) rules.push({ object, restriction: { kind: "own_records" } });
  }
  if (names(form.documentFolders).length)
    rules.push({ object: "document", restriction: { kind: "in_folders", folders: names(form.documentFolders) } });
  return rules;
}

export function describeRule(t: TFunction, rule: VisibilityRule): string {
  const object = t(`objects.${rule.object}`, { count: 2 });
  const r = rule.restriction;
  switch (r.kind) {
    case "own_records":
      return t("admin.roles.describe.own", { object });
    case "in_areas":
      return t("admin.roles.describe.areas", { object, areas: r.areas.join(", ") });
    case "with_status":
      return t("admin.roles.describe.status", { object, statuses: r.statuses.map((s) => t(`status.${s}`)).join(", ") });
    case "in_folders":
      return t("admin.roles.describe.folders", { object, folders: r.folders.join(", ") });
  }
}
