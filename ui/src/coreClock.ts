/** The core's clock as the window knows it: the offset of the core's "now" (SessionInfo.now, which follows
 * DPO_DESK_NOW) from this machine's clock, renewed with every session read. Form defaults (a breach's
 * discovery, a request's receipt) take it, so they agree with the deadlines the core computes. */
let offsetMs = 0;

export function noteCoreNow(iso: string) {
  const at = Date.parse(iso);
  if (!Number.isNaN(at)) offsetMs = at - Date.now();
}

export function coreNow(): Date {
  return new Date(Date.now() + offsetMs);
}
