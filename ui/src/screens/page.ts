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
};
