import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { Deadline } from "../../bindings/Deadline";
import type { DeadlineKind } from "../../bindings/DeadlineKind";
import { Alert } from "../../components/Alert";
import { useRecords } from "../../data/records";
import { formatDate, formatDateTime } from "../../format";
import type { PageProps } from "../../screens/page";
import { targetOf } from "./openDeadline";

export const deadlineKey = (tenantId: number | null) => ["deadlines", tenantId ?? "all"] as const;
/** The dashboard's share of the board (its counts and first items); a change to the board refreshes it too. */
export const nextDeadlinesKey = (tenantId: number | null) => [...deadlineKey(tenantId), "next"] as const;

/** One due item as a line: when, what, where; a click opens its record. */
function DeadlineLine({ item, showTenant, onOpen }: { item: Deadline; showTenant: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const title = item.kind === "backup" ? t("deadlines.backupTitle") : item.title;
  return (
    <li
      className={`deadline-line kind-${item.kind} ${item.overdue ? "is-overdue" : ""}`}
      data-deadline={item.kind}
      data-deadline-title={title}
    >
      <span className={item.overdue ? "review-overdue" : "review-due"}>
        {item.due_at ? formatDateTime(item.due_at) : formatDate(item.due)}
      </span>
      <span className="badge subtle">{t(`deadlines.kinds.${item.kind}`)}</span>
      <button type="button" className="link" onClick={onOpen} data-testid="open-deadline">
        {title}
      </button>
      {showTenant && item.tenant_name && <span className="muted small">{item.tenant_name}</span>}
      {item.overdue && <span className="badge review-overdue">{t("deadlines.overdue")}</span>}
    </li>
  );
}

/** How many lines a section shows at first and adds per click: a tenant with tens of thousands of planned
 * reviews would otherwise put every one of them into the page at once. */
export const DEADLINE_LINES = 100;

/** The overdue or the coming items, the first hundred and then a hundred more per click. */
function DeadlineSection({
  id,
  title,
  titleClass,
  items,
  showTenant,
  onOpen,
}: {
  id: string;
  title: string;
  titleClass?: string;
  items: Deadline[];
  showTenant: boolean;
  onOpen: (item: Deadline) => void;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(DEADLINE_LINES);
  const hidden = items.length - shown;
  return (
    <section className="card" aria-labelledby={id} data-testid={id}>
      <h2 id={id} className={titleClass}>
        {title}
      </h2>
      <ul className="plain link-list deadline-list">
        {items.slice(0, shown).map((i) => (
          <DeadlineLine
            key={`${i.kind}-${i.id}-${i.title}`}
            item={i}
            showTenant={showTenant}
            onOpen={() => onOpen(i)}
          />
        ))}
      </ul>
      {hidden > 0 && (
        <button
          type="button"
          className="link"
          data-testid={`${id}-more`}
          onClick={() => setShown((n) => n + DEADLINE_LINES)}
        >
          {t("deadlines.showMore", { count: hidden, next: Math.min(hidden, DEADLINE_LINES) })}
        </button>
      )}
    </section>
  );
}

/** Every due item of the tenant (administrators may widen it to every tenant): overdue first, then the next 30
 * days, each a click away; the counts per kind on top. */
export function Deadlines({ session, tenantId, onError, openRecord }: PageProps) {
  const { t } = useTranslation();
  const [everywhere, setEverywhere] = useState(tenantId === null);
  const scope = everywhere ? null : tenantId;
  const board = useRecords(deadlineKey(scope), () => api.deadlines(scope), onError);
  if (!board.data) return board.error ? <Alert kind="error">{board.error}</Alert> : <p className="muted">…</p>;
  const { items, counts, horizon } = board.data;
  const overdue = items.filter((i) => i.overdue);
  const upcoming = items.filter((i) => !i.overdue);
  const shown = counts.filter((c) => Number(c.overdue) + Number(c.upcoming) > 0);
  const open = (item: Deadline) => {
    const target = targetOf(item);
    openRecord(target.page, target.id, target.tenantId);
  };
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("deadlines.title")}</h1>
          <p className="lead">{t("deadlines.intro", { date: formatDate(horizon) })}</p>
        </div>
        {(session.is_admin || session.tenants.length > 1) && tenantId !== null && (
          <label className="check-inline">
            <input
              type="checkbox"
              checked={everywhere}
              data-testid="deadlines-all-tenants"
              onChange={(e) => setEverywhere(e.target.checked)}
            />
            {t("deadlines.allTenants")}
          </label>
        )}
      </div>
      <div className="tiles deadline-tiles">
        {shown.map((c) => (
          <div
            key={c.kind}
            className={`card tile ${Number(c.overdue) ? "tile-alert" : ""}`}
            data-deadline-count={c.kind}
          >
            <span className="tile-title">{t(`deadlines.kinds.${c.kind as DeadlineKind}`)}</span>
            <span className="tile-value">{Number(c.overdue) + Number(c.upcoming)}</span>
            {Number(c.overdue) > 0 && (
              <span className="badge review-overdue" data-testid={`deadline-overdue-${c.kind}`}>
                {t("deadlines.overdueCount", { count: Number(c.overdue) })}
              </span>
            )}
          </div>
        ))}
      </div>
      {items.length === 0 && (
        <p className="muted" data-testid="no-deadlines">
          {t("deadlines.none")}
        </p>
      )}
      {overdue.length > 0 && (
        <DeadlineSection
          key={`overdue-${scope}`}
          id="deadlines-overdue"
          title={t("deadlines.overdueTitle", { count: overdue.length })}
          titleClass="review-overdue"
          items={overdue}
          showTenant={everywhere}
          onOpen={open}
        />
      )}
      {upcoming.length > 0 && (
        <DeadlineSection
          key={`upcoming-${scope}`}
          id="deadlines-upcoming"
          title={t("deadlines.upcomingTitle", { count: upcoming.length })}
          items={upcoming}
          showTenant={everywhere}
          onOpen={open}
        />
      )}
    </>
  );
}
