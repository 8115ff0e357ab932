import { keepPreviousData, QueryClient, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback, useLayoutEffect, useRef } from "react";
import { errorMessage } from "../i18n";

/** The kinds of records the window caches. Tenant-scoped kinds carry the tenant as the second key part; a new
 * domain's feature folder may use a kind of its own without a line here. */
type KnownKind =
  "activities" | "areas" | "companies" | "dpias" | "master-items" | "tenant-overview" | "tenants" | "toms";
export type RecordKind = KnownKind | (string & {});

/** Cache keys: (kind, tenant, …) so one tenant's change never refreshes another's lists. */
export const recordKeys = {
  activities: (tenantId: number, search: string | null) => ["activities", tenantId, search] as const,
  areas: (tenantId: number) => ["areas", tenantId] as const,
  companies: (tenantId: number) => ["companies", tenantId] as const,
  masterItems: (tenantId: number, kind: string) => ["master-items", tenantId, kind] as const,
  tenantOverview: (tenantId: number) => ["tenant-overview", tenantId] as const,
  tenants: () => ["tenants"] as const,
  toms: (tenantId: number) => ["toms", tenantId] as const,
  tom: (tenantId: number, id: number) => ["toms", tenantId, "one", id] as const,
  /** Reviews due in every tenant: not tied to one. */
  dueReviews: () => ["due-reviews"] as const,
  dpias: (tenantId: number) => ["dpias", tenantId] as const,
  dpia: (tenantId: number, id: number) => ["dpias", tenantId, "one", id] as const,
  dpiaCheck: (tenantId: number, activityId: number) => ["dpias", tenantId, "check", activityId] as const,
  riskMatrix: () => ["risk-matrix"] as const,
};

/** What a change to one kind of record makes stale: the lists that show its names or count it, and the tiles. */
const AFFECTS = new Map<RecordKind, RecordKind[]>([
  [
    "activities",
    ["activities", "areas", "master-items", "tenant-overview", "tenants", "toms", "dpias", "due-reviews", "deadlines"],
  ],
  ["areas", ["areas", "activities", "tenant-overview", "tenants"]],
  ["companies", ["companies", "areas", "activities", "tenant-overview", "tenants", "toms"]],
  ["toms", ["toms", "activities", "tenant-overview", "due-reviews", "dpias", "deadlines"]],
  ["dpias", ["dpias", "activities", "tenant-overview", "due-reviews", "deadlines"]],
  ["master-items", ["master-items", "tenant-overview"]],
  ["requests", ["requests", "tenant-overview", "deadlines"]],
  ["breaches", ["breaches", "tenant-overview", "deadlines"]],
  ["agreements", ["agreements", "tenant-overview", "deadlines"]],
  ["courses", ["courses", "tenant-overview", "deadlines", "my-courses"]],
  ["tenant-overview", ["tenant-overview"]],
]);
/** Kinds whose change may touch any record of any tenant: a tenant's rename, archive, removal or import, and a
 * restore from the trash ("all"). */
const EVERYTHING: RecordKind[] = ["tenants", "all"];

/**
 * The cache behind every list. Data is always re-read when a screen opens (staleTime 0), as the screens
 * did before the cache; no retries, since the core's refusals are final; no refetch on window focus, since a
 * closing save dialog is no reason to reload.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 0, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

/** A failed load; `claimed` when the shell took the error over (an ended session), so it is not shown. */
class LoadFailure extends Error {
  constructor(
    readonly reason: unknown,
    readonly claimed: boolean,
  ) {
    super(String(reason));
  }
}

type Options = { enabled?: boolean; keepPrevious?: boolean };

/** How long an answer counts as just read: the read a screen asked for at its commit (see `useRecords`). A change
 * made through the window invalidates it at once, whatever its age. */
const JUST_READ_MS = 1000;

/** A load whose error the shell may claim (an ended session); see `useRecords`. */
export function claimedLoad<T>(load: () => Promise<T>, onError: (e: unknown) => boolean): () => Promise<T> {
  return async () => {
    try {
      return await load();
    } catch (e) {
      throw new LoadFailure(e, onError(e));
    }
  };
}

/** The message of a failed load for the screen; null when there is none or the shell took it over. */
export function loadError(failure: unknown): string | null {
  return failure instanceof LoadFailure && !failure.claimed ? errorMessage(failure.reason) : null;
}

/**
 * Loads records through the shared cache; a change elsewhere that invalidates the key reloads them. An error
 * the shell claims is not shown; any other is translated, and its code tells e.g. a missing right apart.
 */
export function useRecords<T>(
  key: QueryKey,
  load: () => Promise<T>,
  onError: (e: unknown) => boolean,
  options: Options = {},
) {
  const client = useQueryClient();
  const enabled = options.enabled ?? true;
  const queryFn = claimedLoad(load, onError);
  // React Query starts a mount's fetch in a passive effect, which runs after the browser has painted the new
  // screen: a whole dashboard's first paint (over 100 ms on an old PC) came before its tiles were even asked
  // for. So the screen's read is asked for here, at the commit, and runs while the browser paints (one command
  // per key, however many screens show it). It is the mount's read: the query does not read again when it
  // subscribes, whether the answer has come by then or not, nor retry a refusal the screen already got.
  const keyText = JSON.stringify(key);
  const latest = useRef({ key, queryFn });
  latest.current = { key, queryFn };
  useLayoutEffect(() => {
    if (enabled) client.query({ queryKey: latest.current.key, queryFn: latest.current.queryFn }).catch(() => undefined);
  }, [client, enabled, keyText]);
  const query = useQuery<T, LoadFailure>({
    queryKey: key,
    queryFn,
    enabled,
    refetchOnMount: false,
    retryOnMount: false,
    // A new key's answer, read at the commit, is not read again when the query moves to that key.
    staleTime: JUST_READ_MS,
    // While a new search loads, the last result stays, as it did before the cache.
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
  const failure = query.error;
  return {
    data: query.data,
    error: loadError(failure),
    code: failure ? ((failure.reason as { code?: string } | undefined)?.code ?? null) : null,
  };
}

/**
 * Announces a change so every screen showing affected records reloads: the open ones at once, the others
 * when they open. Resolves when the open ones have their new data. `tenantId` null reaches every tenant;
 * the kind "all" every record.
 */
export function useRecordsChanged() {
  const client = useQueryClient();
  return useCallback(
    async (kind: RecordKind, tenantId: number | null) => {
      if (EVERYTHING.includes(kind)) {
        await client.invalidateQueries();
        return;
      }
      // A kind without an entry (a new domain) changes its own lists and the tiles that count it.
      const affected = AFFECTS.get(kind) ?? [kind, "tenant-overview"];
      await Promise.all(
        affected.map((each) =>
          client.invalidateQueries({
            queryKey:
              each === "tenants" ||
              each === "due-reviews" ||
              each === "deadlines" ||
              each === "risk-matrix" ||
              tenantId === null
                ? [each]
                : [each, tenantId],
          }),
        ),
      );
    },
    [client],
  );
}
