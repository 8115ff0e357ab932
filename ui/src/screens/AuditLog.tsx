import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useVirtualizer } from "@tanstack/react-virtual";
import { api, can } from "../api";
import type { AuditChoices } from "../bindings/AuditChoices";
import type { AuditFilter } from "../bindings/AuditFilter";
import type { AuditLine } from "../bindings/AuditLine";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { SessionInfo } from "../bindings/SessionInfo";
import { Alert } from "../components/Alert";
import { DateInput } from "../components/DateInput";
import { formatDateTime } from "../format";
import { errorMessage } from "../i18n";
import { AuditRow } from "./AuditRow";

const PAGE = 200;
const ROW_HEIGHT = 40;
const NO_FILTER: AuditFilter = { user: null, object_type: null, action: null, from: null, to: null, text: null };

/** The audit log as a DPO reads it (Art. 5(2) GDPR): newest first, narrowed by user, kind of
 * record, action, days and words, each entry with its changed fields in words; exportable. */
export function AuditLog({ session, onError }: { session: SessionInfo; onError: (e: unknown) => boolean }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const [typed, setTyped] = useState("");
  const [choices, setChoices] = useState<AuditChoices | null>(null);
  const [entries, setEntries] = useState<AuditLine[]>([]);
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<AuditLine | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // Answers to an older filter are dropped, so a fast typist never sees stale pages.
  const generation = useRef(0);

  useEffect(() => {
    api.auditChoices().then(setChoices, (e) => {
      if (!onError(e)) setError(errorMessage(e));
    });
  }, [onError]);

  useEffect(() => {
    const text = typed.trim() || null;
    const timer = setTimeout(() => setFilter((f) => (f.text === text ? f : { ...f, text })), 300);
    return () => clearTimeout(timer);
  }, [typed]);

  useEffect(() => {
    generation.current += 1;
    setEntries([]);
    setDone(false);
    setOpen(null);
  }, [filter]);

  const loadMore = useCallback(async () => {
    if (loading || done) return;
    const mine = generation.current;
    setLoading(true);
    try {
      const before = entries.length ? Number(entries[entries.length - 1].id) : null;
      const page = await api.auditLines(filter, PAGE, before);
      if (mine !== generation.current) return;
      setEntries((prev) => [...prev, ...page]);
      if (page.length < PAGE) setDone(true);
    } catch (e) {
      if (!onError(e)) setError(errorMessage(e));
      setDone(true);
    } finally {
      setLoading(false);
    }
  }, [entries, loading, done, onError, filter]);

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

  const set = (patch: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...patch }));
  async function exportAs(format: ExportFormat) {
    setNotice(null);
    try {
      const path = await api.exportAuditLog(filter, format, t("audit.exportTitle"));
      if (path) setNotice(t("list.exported", { path }));
    } catch (e) {
      if (!onError(e)) setError(errorMessage(e));
    }
  }
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);

  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="toolbar audit-filters" role="search" aria-label={t("audit.filter")}>
        <input
          type="search"
          className="search"
          aria-label={t("audit.search")}
          placeholder={t("audit.search")}
          value={typed}
          data-testid="audit-search"
          onChange={(e) => setTyped(e.target.value)}
        />
        <select
          aria-label={t("audit.user")}
          value={filter.user ?? ""}
          data-testid="audit-user"
          onChange={(e) => set({ user: e.target.value || null })}
        >
          <option value="">{t("audit.allUsers")}</option>
          {choices?.users.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
        <select
          aria-label={t("audit.object")}
          value={filter.object_type ?? ""}
          data-testid="audit-object-type"
          onChange={(e) => set({ object_type: e.target.value || null })}
        >
          <option value="">{t("audit.allObjects")}</option>
          {choices?.object_types.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
        <select
          aria-label={t("audit.action")}
          value={filter.action ?? ""}
          data-testid="audit-action"
          onChange={(e) => set({ action: e.target.value || null })}
        >
          <option value="">{t("audit.allActions")}</option>
          {choices?.actions.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
        <label className="audit-day">
          <span className="muted small">{t("audit.from")}</span>
          <DateInput
            aria-label={t("audit.from")}
            name="audit_from"
            value={filter.from ?? ""}
            onChange={(iso) => set({ from: iso || null })}
          />
        </label>
        <label className="audit-day">
          <span className="muted small">{t("audit.to")}</span>
          <DateInput
            aria-label={t("audit.to")}
            name="audit_to"
            value={filter.to ?? ""}
            onChange={(iso) => set({ to: iso || null })}
          />
        </label>
        {filtered && (
          <button
            type="button"
            className="link"
            onClick={() => {
              setTyped("");
              setFilter(NO_FILTER);
            }}
          >
            {t("audit.clear")}
          </button>
        )}
      </div>
      {can(session, "audit_log", "export") && (
        <div className="toolbar">
          <span className="export-buttons">
            {(["csv", "xlsx", "json"] as const).map((format) => (
              <button
                key={format}
                type="button"
                data-testid={`audit-export-${format}`}
                onClick={() => void exportAs(format)}
              >
                {t(format === "csv" ? "list.exportCsv" : format === "xlsx" ? "list.exportXlsx" : "list.exportJson")}
              </button>
            ))}
          </span>
          {notice && (
            <span className="muted small" data-testid="audit-notice">
              {notice}
            </span>
          )}
        </div>
      )}
      {open && (
        <section className="card audit-detail" data-testid="audit-detail" aria-label={t("audit.detail")}>
          <h2>
            {open.action_label} · {open.object_label}
            {open.object_name ? `: ${open.object_name}` : ""}
          </h2>
          <p className="muted small">
            {formatDateTime(open.at)} · {open.user_name ?? t("audit.system")}
          </p>
          {open.changes.length === 0 ? (
            <p className="muted">{t("audit.noFields")}</p>
          ) : (
            <dl className="audit-changes">
              {open.changes.map((c) => (
                <div key={c.field} data-field={c.field}>
                  <dt>{c.label}</dt>
                  <dd>{c.change}</dd>
                </div>
              ))}
            </dl>
          )}
          <button type="button" onClick={() => setOpen(null)}>
            {t("audit.close")}
          </button>
        </section>
      )}
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
                  line={entries[item.index]}
                  selected={open?.id === entries[item.index].id}
                  onOpen={setOpen}
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
        <p className="muted small" data-testid="audit-count">
          {loading
            ? t("audit.loadMore")
            : entries.length === 0 && done
              ? filtered
                ? t("audit.noMatch")
                : t("audit.empty")
              : t("audit.count", { count: entries.length })}
        </p>
      </div>
    </>
  );
}
