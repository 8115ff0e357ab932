import { useState } from "react";
import { can } from "../../api";
import type { Activity } from "../../bindings/Activity";
import { NoPermission, NoTenant } from "../../components/NoPermission";
import type { PageProps } from "../page";
import { ActivityForm } from "./ActivityForm";
import { ActivityList } from "./ActivityList";

type View = { kind: "list" } | { kind: "new" } | { kind: "open"; activity: Activity };

/** Processing activities of the current tenant: the list, and one record at a time. */
export function ActivityPage(props: PageProps) {
  const { session, tenantId } = props;
  const [view, setView] = useState<View>({ kind: "list" });
  if (tenantId === null) return <NoTenant />;
  if (!can(session, "processing_activity", "view")) return <NoPermission />;
  if (view.kind === "list") {
    return <ActivityList {...props} tenantId={tenantId} onOpen={(activity) => setView({ kind: "open", activity })}
      onNew={() => setView({ kind: "new" })} />;
  }
  return (
    <ActivityForm {...props} tenantId={tenantId} activity={view.kind === "open" ? view.activity : null}
      onClose={() => setView({ kind: "list" })} onSaved={(activity) => setView({ kind: "open", activity })} />
  );
}
