import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useVirtualizer } from "@tanstack/react-virtual";
import { api } from "../api";
import type { AuditEntry } from "../bindings/AuditEntry";
import { Alert } from "../components/Alert";
import { errorMessage } from "../i18n";
import { AuditRow } from "./AuditRow";

const PAGE = 200;
const ROW_HEIGHT = 40;

/** The whole audit log, newest first: a virtual list that loads older pages on demand. */
export function AuditLog({ onError }: { onError: (e: unknown) => boolean }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const loadMore = useCallback(async () => {
    if (loading || done) return;
    setLoading(true);
    try {
      const before = entries.length ? Number(entries[entries.length - 1].id) : null;
      const page = await api.auditLog(PAGE, before);
      setEntries((prev) => [...prev, ...page]);
      if (page.length < PAGE) setDone(true);
    } catch (e) {
      if (!onError(e)) setError(errorMessage(e));
      setDone(true);
    } finally {
      setLoading(false);
    }
  }, [entries, loading, done, onError]);

  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];

  useEffect(() => {
    if (entries.length === 0 && !done) void loadMore();
    else if (last && last.index >= entries.length - 20 && !done) void loadMore();
  }, [last, entries.length, done, loadMore]);

  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="card audit-card">
        <div role="table" aria-label={t("audit.title")} aria-rowcount={entries.length} className="audit-table">
          <div className="audit-row head" role="row">
            <span role="columnheader">{t("audit.at")}</span>
            <span role="columnheader">{t("audit.user")}</span>
            <span role="columnheader">{t("audit.action")}</span>
            <span role="columnheader">{t("audit.object")}</span>
            <span role="columnheader">{t("audit.change")}</span>
          </div>
          <div ref={scroller} className="audit-scroller" tabIndex={0} role="rowgroup">
            <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
              {items.map((item) => (
                <AuditRow
                  key={entries[item.index].id}
                  entry={entries[item.index]}
                  style={{
                    position: "absolute",
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                />
              ))}
            </div>
          </div>
        </div>
        <p className="muted small">
          {loading
            ? t("audit.loadMore")
            : entries.length === 0 && done
              ? t("audit.empty")
              : t("audit.count", { count: entries.length })}
        </p>
      </div>
    </>
  );
}
