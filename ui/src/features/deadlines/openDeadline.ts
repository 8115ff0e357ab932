import type { Deadline } from "../../bindings/Deadline";
import type { DeadlineKind } from "../../bindings/DeadlineKind";
import type { MenuEntry } from "../../bindings/MenuEntry";

/** The page that holds each kind of due item. */
export const DEADLINE_PAGES: Record<DeadlineKind, MenuEntry> = {
  activity_review: "processing_activities",
  tom_review: "toms",
  dpia_review: "dpias",
  request: "requests",
  breach: "breaches",
  processor_agreement_review: "processor_agreements",
  course_assignment: "courses",
  backup: "backups",
};

/** Where a click on a due item leads: its page, the record, and the tenant it lives in. */
export function targetOf(item: Deadline): { page: MenuEntry; id: number | null; tenantId: number | null } {
  return {
    page: DEADLINE_PAGES[item.kind],
    id: item.kind === "backup" ? null : Number(item.id),
    tenantId: item.tenant_id === null ? null : Number(item.tenant_id),
  };
}
