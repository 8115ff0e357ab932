import type { MenuEntry } from "../bindings/MenuEntry";
import type { SessionInfo } from "../bindings/SessionInfo";

/** What every page of the signed-in shell gets. */
export type PageProps = {
  session: SessionInfo;
  /** The tenant chosen in the header; null when the user may open none. */
  tenantId: number | null;
  /** Returns true when the shell handled the error (an ended session). */
  onError: (e: unknown) => boolean;
  navigate: (page: MenuEntry) => void;
  /** Opens one record on its page (`id` null: the page itself), first switching to its tenant where needed. */
  openRecord: (page: MenuEntry, id: number | null, tenantId: number | null) => void;
};
