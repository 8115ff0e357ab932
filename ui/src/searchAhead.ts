import { api } from "./api";
import type { SearchHit } from "./bindings/SearchHit";

/**
 * The header search's command, sent the moment the person asks for results instead of once
 * the results page has rendered (about 10 ms later in a big installation, issue 16). The
 * page takes the answer if it is for the same tenant and words; each answer is taken once.
 */
type Ahead = { tenantId: number; text: string; hits: Promise<SearchHit[]>; answered: SearchHit[] | null };
let ahead: Ahead | null = null;

/** Sends the search; the promise settles with its answer (an error included) and never rejects. */
export function searchAhead(tenantId: number, text: string): Promise<void> {
  const sent: Ahead = { tenantId, text, hits: api.search(tenantId, text), answered: null };
  ahead = sent;
  // A page that never takes it (the tenant changed meanwhile) must not leave a rejection
  // unhandled; the page that does take it still sees the error.
  return sent.hits.then(
    (hits) => void (sent.answered = hits),
    () => undefined,
  );
}

/** The hits already answered for these words, taken once; null while the answer is outstanding. */
export function answeredHits(tenantId: number, text: string): SearchHit[] | null {
  const taken = ahead;
  if (!taken?.answered || taken.tenantId !== tenantId || taken.text !== text) return null;
  ahead = null;
  return taken.answered;
}

export function searchHits(tenantId: number, text: string): Promise<SearchHit[]> {
  const taken = ahead;
  ahead = null;
  if (taken && taken.tenantId === tenantId && taken.text === text) return taken.hits;
  return api.search(tenantId, text);
}
