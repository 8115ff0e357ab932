import { api } from "./api";
import type { SearchHit } from "./bindings/SearchHit";

/**
 * The header search's command, sent the moment the person asks for results instead of once
 * the results page has rendered (about 10 ms later in a big installation, issue 16). The
 * page takes the answer if it is for the same tenant and words; each answer is taken once.
 */
let ahead: { tenantId: number; text: string; hits: Promise<SearchHit[]> } | null = null;

export function searchAhead(tenantId: number, text: string) {
  const hits = api.search(tenantId, text);
  // A page that never takes it (the tenant changed meanwhile) must not leave a rejection
  // unhandled; the page that does take it still sees the error.
  hits.catch(() => undefined);
  ahead = { tenantId, text, hits };
}

export function searchHits(tenantId: number, text: string): Promise<SearchHit[]> {
  const taken = ahead;
  ahead = null;
  if (taken && taken.tenantId === tenantId && taken.text === text) return taken.hits;
  return api.search(tenantId, text);
}
