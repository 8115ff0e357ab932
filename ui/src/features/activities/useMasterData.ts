import { useCallback, useEffect, useState } from "react";
import { api, CommandError } from "../../api";
import type { MasterItem } from "../../bindings/MasterItem";
import type { MasterItemInput } from "../../bindings/MasterItemInput";
import type { MasterKind } from "../../bindings/MasterKind";
import { useRecordsChanged } from "../../data/records";

/** The kinds an activity form offers, in the order of its sections. */
export const LINK_KINDS: MasterKind[] = [
  "legal_basis",
  "data_category",
  "person_group",
  "retention_period",
  "recipient",
  "processor",
  "third_country",
  "application",
];

export type Catalogue = Partial<Record<MasterKind, MasterItem[] | "denied">>;

export function emptyItem(kind: MasterKind, name: string): MasterItemInput {
  return {
    kind,
    name,
    description: "",
    code: "",
    special_category: false,
    category: "",
    date: null,
    email: "",
    phone: "",
  };
}

/** The tenant's master data for the pick lists; a kind the user may not view is "denied". */
export function useMasterData(tenantId: number, onError: (e: unknown) => boolean) {
  const [catalogue, setCatalogue] = useState<Catalogue>({});
  const changed = useRecordsChanged();
  useEffect(() => {
    let live = true;
    for (const kind of [...LINK_KINDS, "business_process" as const]) {
      api.masterItems(tenantId, kind).then(
        (items) => live && setCatalogue((c) => ({ ...c, [kind]: items })),
        (e) => {
          if (e instanceof CommandError && e.code === "permission_denied") {
            if (live) setCatalogue((c) => ({ ...c, [kind]: "denied" }));
          } else onError(e);
        },
      );
    }
    return () => {
      live = false;
    };
  }, [tenantId, onError]);

  /** Creates an item from a pick list ("create new" inline) and adds it to the list. */
  const create = useCallback(
    async (kind: MasterKind, name: string) => {
      const item = await api.createMasterItem(tenantId, emptyItem(kind, name));
      void changed("master-items", tenantId);
      setCatalogue((c) => {
        const list = c[kind];
        return {
          ...c,
          [kind]: [...(Array.isArray(list) ? list : []), item].sort((a, b) => a.name.localeCompare(b.name)),
        };
      });
      return item;
    },
    [tenantId, changed],
  );

  return { catalogue, create };
}
