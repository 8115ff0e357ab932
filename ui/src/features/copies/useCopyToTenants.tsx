import { useState } from "react";
import { useTranslation } from "react-i18next";
import { can } from "../../api";
import type { ObjectType } from "../../bindings/ObjectType";
import type { SessionInfo } from "../../bindings/SessionInfo";
import type { ListSelection } from "../../components/list/types";
import { CopyToTenants } from "./CopyToTenants";

/** The "Copy to tenant…" button for a list's bulk bar and its panel below it; shown with the `tenant_copy` right
 * and another tenant to copy into. The selection ends when the summary is closed. */
export function useCopyToTenants(
  session: SessionInfo,
  object: ObjectType,
  selection: Pick<ListSelection<unknown>, "ids" | "done">,
  onError: (e: unknown) => boolean,
) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const tenantId = session.current_tenant?.id ?? 0;
  const allowed = can(session, object, "tenant_copy") && session.tenants.some((x) => x.id !== tenantId);
  const button = allowed ? (
    <button type="button" data-testid="copy-to-tenants" onClick={() => setOpen(true)}>
      {t("copies.action")}
    </button>
  ) : null;
  const panel = open ? (
    <CopyToTenants
      session={session}
      tenantId={tenantId}
      object={object}
      ids={selection.ids}
      onError={onError}
      onCopied={setMessage}
      onClose={() => {
        setOpen(false);
        if (message) void selection.done(message);
      }}
    />
  ) : null;
  return { button, panel };
}
