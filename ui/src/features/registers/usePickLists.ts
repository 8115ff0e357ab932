import { api } from "../../api";
import type { ActivityRow } from "../../bindings/ActivityRow";
import type { MasterItem } from "../../bindings/MasterItem";
import type { MasterKind } from "../../bindings/MasterKind";
import { recordKeys, useRecords } from "../../data/records";

/** The tenant's master data of one kind for a pick list; empty without the view right (the core decides). */
export function useItems(tenantId: number, kind: MasterKind, onError: (e: unknown) => boolean): MasterItem[] {
  const items = useRecords(
    [...recordKeys.masterItems(tenantId, kind), "or-none"],
    () => api.masterItems(tenantId, kind).catch((): MasterItem[] => []),
    onError,
  );
  return items.data ?? [];
}

/** The tenant's processing activities the user may see, for linking; empty without the view right. */
export function useActivities(tenantId: number, onError: (e: unknown) => boolean): ActivityRow[] {
  const rows = useRecords(
    [...recordKeys.activities(tenantId, null), "or-none"],
    () => api.activities(tenantId, null).catch((): ActivityRow[] => []),
    onError,
  );
  return rows.data ?? [];
}
