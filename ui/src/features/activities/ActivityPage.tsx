import { useEffect, useState } from "react";
import { api, can } from "../../api";
import type { Activity } from "../../bindings/Activity";
import { NoPermission, NoTenant } from "../../components/NoPermission";
import { useGuard } from "../../unsaved";
import type { PageProps } from "../../screens/page";
import { ActivityForm } from "./ActivityForm";
import { ActivityList } from "./ActivityList";

type View = { kind: "list" } | { kind: "new" } | { kind: "open"; activity: Activity };

/** Processing activities of the current tenant: the list, and one record at a time. */
export function ActivityPage(props: PageProps & { initialId?: number }) {
  const { session, tenantId, onError, initialId } = props;
  const [view, setView] = useState<View>({ kind: "list" });
  useEffect(() => {
    // Opened from a search hit.
    if (initialId !== undefined)
      void api.activity(initialId).then((activity) => setView({ kind: "open", activity }), onError);
  }, [initialId, onError]);
  const { confirmLeave } = useGuard();
  if (tenantId === null) return <NoTenant />;
  if (!can(session, "processing_activity", "view")) return <NoPermission />;
  if (view.kind === "list") {
    return (
      <ActivityList
        {...props}
        tenantId={tenantId}
        onNew={() => setView({ kind: "new" })}
        onOpen={(id) => void api.activity(id).then((activity) => setView({ kind: "open", activity }), onError)}
      />
    );
  }
  return (
    <ActivityForm
      {...props}
      tenantId={tenantId}
      activity={view.kind === "open" ? view.activity : null}
      onClose={() =>
        void confirmLeave().then((leave) => {
          if (leave) setView({ kind: "list" });
        })
      }
      onSaved={(activity) => setView({ kind: "open", activity })}
    />
  );
}
