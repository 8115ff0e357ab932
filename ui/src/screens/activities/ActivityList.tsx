import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useVirtualizer } from "@tanstack/react-virtual";
import { api, can } from "../../api";
import type { Activity } from "../../bindings/Activity";
import { Alert } from "../../components/Alert";
import { formatDateTime } from "../../format";
import { useLoad } from "../../useLoad";
import type { PageProps } from "../page";
import { StatusBadge } from "./StatusBadge";

const ROW_HEIGHT = 44;
const SEARCH_DELAY_MS = 250;

type Props = PageProps & { tenantId: number; onOpen: (activity: Activity) => void; onNew: () => void };

/** All activities of the tenant the user may see; the core applies their visibility restrictions. */
export function ActivityList({ session, tenantId, onError, onOpen, onNew }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(typed), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const load = useCallback(() => api.activities(tenantId, search.trim() || null), [tenantId, search]);
  const { data, error } = useLoad(load, onError);
  const rows = data ?? [];
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("activities.title")}</h1>
          <p className="lead">{t("activities.intro")}</p>
        </div>
        {can(session, "processing_activity", "create") && (
          <button type="button" className="primary" data-testid="new-activity" onClick={onNew}>{t("activities.new")}</button>
        )}
      </div>
      <div className="toolbar">
        <input type="search" className="search" aria-label={t("activities.search")} placeholder={t("activities.search")}
          data-testid="activity-search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <span className="muted small" data-testid="activity-count">{data ? t("activities.count", { count: rows.length }) : t("common.loading")}</span>
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="card list-card">
        <div role="table" aria-label={t("activities.title")} aria-rowcount={rows.length} className="data-table">
          <div className="data-row activity-columns head" role="row">
            <span role="columnheader">{t("activities.name")}</span>
            <span role="columnheader">{t("activities.areaCompany")}</span>
            <span role="columnheader">{t("activities.status")}</span>
            <span role="columnheader">{t("activities.editor")}</span>
            <span role="columnheader">{t("activities.updated")}</span>
          </div>
          <div ref={scroller} className="list-scroller" role="rowgroup">
            {data && rows.length === 0 && <p className="muted empty">{search ? t("activities.noMatch") : t("activities.empty")}</p>}
            <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
              {virtualizer.getVirtualItems().map((item) => {
                const a = rows[item.index];
                return (
                  <div key={a.id} role="row" tabIndex={0} className="data-row activity-columns clickable" data-activity={a.name}
                    style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                    onClick={() => onOpen(a)} onKeyDown={(e) => { if (e.key === "Enter") onOpen(a); }}>
                    <span role="cell" className="strong">{a.name}</span>
                    <span role="cell" title={`${a.area_name} · ${a.company_name}`}>{a.area_name} <span className="muted">· {a.company_name}</span></span>
                    <span role="cell"><StatusBadge status={a.status} /></span>
                    <span role="cell">{a.editor_name ?? "—"}</span>
                    <span role="cell" className="muted">{formatDateTime(a.updated_at)}</span>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>
    </>
  );
}
