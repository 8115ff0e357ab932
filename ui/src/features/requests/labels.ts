import type { RequestChannel } from "../../bindings/RequestChannel";
import type { RequestKind } from "../../bindings/RequestKind";
import type { RequestStatus } from "../../bindings/RequestStatus";

export const REQUEST_KINDS: RequestKind[] = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "portability",
  "objection",
  "consent_withdrawal",
];
export const REQUEST_CHANNELS: RequestChannel[] = ["email", "letter", "phone", "in_person", "web_form", "other"];
export const REQUEST_STATUSES: RequestStatus[] = ["open", "waiting_for_identity", "in_progress", "answered", "refused"];
