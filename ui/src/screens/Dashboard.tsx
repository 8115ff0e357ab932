import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../api";
import type { Dashboard as DashboardData } from "../bindings/Dashboard";
import type { MenuEntry } from "../bindings/MenuEntry";
import type { ObjectType } from "../bindings/ObjectType";
import type { DeadlineKind } from "../bindings/DeadlineKind";
import type { Tile } from "../bindings/Tile";
import { nextDeadlinesKey } from "../features/deadlines/Deadlines";
import { NoPermission } from "../components/NoPermission";
import { recordKeys, useRecords } from "../data/records";
import type { PageProps } from "./page";
import { Alert } from "../components/Alert";
import { formatDate } from "../format";
import { AuditRow } from "./AuditRow";
import { useLoad } from "../useLoad";
import { targetOf } from "../features/deadlines/openDeadline";

const TILE_PAGES: Partial<Record<ObjectType, MenuEntry>> = {
  company: "companies",
  area: "areas",
  processing_activity: "processing_activities",
  tom: "toms",
  dpia: "dpias",
  request: "requests",
  breach: "breaches",
  processor_agreement: "processor_agreements",
  document: "documents",
  course: "courses",
};

const loadDashboard = () => api.dashboard();

/** How many due items the dashboard lists; the counts on it are of all of them. */
const NEXT_DEADLINES = 6;

/** The tenant's deadline counts and its first due items, as the tiles and the deadline card show them. */
function useNextDeadlines(tenantId: number, onError: (e: unknown) => boolean) {
  return useRecords(nextDeadlinesKey(tenantId), () => api.nextDeadlines(tenantId, NEXT_DEADLINES), onError);
}

/** The kind of due item each tile counts as overdue. */
const TILE_DEADLINES: Partial<Record<ObjectType, DeadlineKind>> = {
  processing_activity: "activity_review",
  tom: "tom_review",
  dpia: "dpia_review",
  request: "request",
  breach: "breach",
  processor_agreement: "processor_agreement_review",
  course: "course_assignment",
};

/** The current tenant's tiles: what the user sees of each kind; 0 and "no permission" without the view right. */
function TenantTiles({ tenantId, onError, navigate }: Pick<PageProps, "onError" | "navigate"> & { tenantId: number }) {
  const { t } = useTranslation();
  // Shared with the master data tiles: any change to the tenant's records refreshes the counts.
  const { data, error } = useRecords(recordKeys.tenantOverview(tenantId), () => api.tenantOverview(tenantId), onError);
  const [denied, setDenied] = useState<ObjectType | null>(null);
  const board = useNextDeadlines(tenantId, onError);
  const overdue = (object: ObjectType) => {
    const kind = TILE_DEADLINES[object];
    return Number(board.data?.counts.find((c) => c.kind === kind)?.overdue ?? 0);
  };
  if (error) return <Alert kind="error">{error}</Alert>;
  if (!data) return null;
  function open(tile: Tile) {
    const page = TILE_PAGES[tile.object];
    if (!tile.allowed) setDenied(tile.object);
    else if (page) navigate(page);
  }
  return (
    <section aria-labelledby="tenant-tiles">
      <h2 id="tenant-tiles" className="section-title">
        {data.tenant.name}
      </h2>
      <div className="tiles">
        {data.tiles.map((tile) => (
          <button
            key={tile.object}
            type="button"
            className="card tile tile-button"
            data-tile={tile.object}
            onClick={() => open(tile)}
          >
            <span className="tile-title">{t(`objects.${tile.object}`, { count: 2 })}</span>
            <span className="tile-value" data-testid={`tile-count-${tile.object}`}>
              {tile.count}
            </span>
            {tile.allowed && overdue(tile.object) > 0 && (
              <span className="badge review-overdue" data-testid={`tile-overdue-${tile.object}`}>
                {t("deadlines.overdueCount", { count: overdue(tile.object) })}
              </span>
            )}
          </button>
        ))}
      </div>
      {denied && <NoPermission />}
    </section>
  );
}

/** Measures whose review is due within 30 days or overdue, in every tenant the user may open. */
function DueReviews({ onError, onOpen }: { onError: (e: unknown) => boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const due = useRecords(recordKeys.dueReviews(), () => api.dueTomReviews(8), onError);
  if (!due.data) return due.error ? <Alert kind="error">{due.error}</Alert> : null;
  const { total, items } = due.data;
  return (
    <section className="card" aria-labelledby="due-reviews" data-testid="due-reviews">
      <h2 id="due-reviews">
        {t("toms.dueTitle")} <span className="badge subtle">{Number(total)}</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{t("toms.dueNone")}</p>
      ) : (
        <ul className="plain link-list">
          {items.map((d) => (
            <li key={d.id} data-due-review={d.title}>
              <span className={d.overdue ? "review-overdue" : "review-due"}>{formatDate(d.next_review)}</span>
              <button type="button" className="link" onClick={onOpen}>
                {d.title}
              </button>
              <span className="muted small">
                {d.tenant_name} · {t(`toms.types.${d.protection_type}`)}
              </span>
              {d.overdue && <span className="badge review-overdue">{t("toms.review.overdue")}</span>}
            </li>
          ))}
          {Number(total) > items.length && (
            <li className="muted small">{t("toms.dueMore", { count: Number(total) - items.length })}</li>
          )}
        </ul>
      )}
    </section>
  );
}

/** Activities whose check requires a DPIA that has no validated one, and assessments due for review. */
function DpiaFigures({ onError, onOpen }: { onError: (e: unknown) => boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const data = useRecords(["due-reviews", "dpia"], () => api.dpiaOverview(), onError);
  if (!data.data) return data.error ? <Alert kind="error">{data.error}</Alert> : null;
  const { required_without_dpia: missing, reviews_due: due } = data.data;
  return (
    <section className="card" aria-labelledby="dpia-figures" data-testid="dpia-figures">
      <h2 id="dpia-figures">{t("dpia.dashboard.title")}</h2>
      <p data-testid="dpia-missing" className={Number(missing) > 0 ? "review-overdue" : "muted"}>
        {t("dpia.dashboard.missing", { count: Number(missing) })}
      </p>
      {due.length > 0 && (
        <ul className="plain link-list">
          {due.map((d) => (
            <li key={d.id}>
              <span className="review-due">{formatDate(d.review_date)}</span>
              <button type="button" className="link" onClick={onOpen}>
                {d.activity_name}
              </button>
              <span className="muted small">{d.tenant_name}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The next due items of the tenant, overdue first, with the way to the whole list. */
function NextDeadlines({
  tenantId,
  onError,
  navigate,
  openRecord,
}: Pick<PageProps, "onError" | "navigate" | "openRecord"> & { tenantId: number }) {
  const { t } = useTranslation();
  const board = useNextDeadlines(tenantId, onError);
  if (!board.data) return null;
  const items = board.data.items;
  const overdue = board.data.counts.reduce((sum, c) => sum + c.overdue, 0);
  const total = board.data.counts.reduce((sum, c) => sum + c.overdue + c.upcoming, 0);
  return (
    <section className="card" aria-labelledby="next-deadlines" data-testid="next-deadlines">
      <h2 id="next-deadlines">
        {t("deadlines.title")}{" "}
        {overdue > 0 && <span className="badge review-overdue">{t("deadlines.overdueCount", { count: overdue })}</span>}
      </h2>
      {items.length === 0 ? (
        <p className="muted">{t("deadlines.none")}</p>
      ) : (
        <ul className="plain link-list">
          {items.map((i) => {
            const target = targetOf(i);
            return (
              <li key={`${i.kind}-${i.id}-${i.title}`} data-next-deadline={i.kind}>
                <span className={i.overdue ? "review-overdue" : "review-due"}>{formatDate(i.due)}</span>
                <span className="badge subtle">{t(`deadlines.kinds.${i.kind}`)}</span>
                <button
                  type="button"
                  className="link"
                  onClick={() => openRecord(target.page, target.id, target.tenantId)}
                >
                  {i.kind === "backup" ? t("deadlines.backupTitle") : i.title}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="link" data-testid="all-deadlines" onClick={() => navigate("deadlines")}>
        {t("deadlines.showAll", { count: total })}
      </button>
    </section>
  );
}

export function Dashboard({ session, tenantId, onError, navigate, openRecord }: PageProps) {
  const { t } = useTranslation();
  const { data, error } = useLoad(loadDashboard, onError);

  if (error) return <Alert kind="error">{error}</Alert>;
  // The tenant's deadlines and tiles load beside the office's figures, not after them.
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p className="lead" data-testid="welcome">
        {t("dashboard.welcome", { name: session.user_name })}
      </p>
      {tenantId !== null && session.menu.includes("deadlines") && (
        <NextDeadlines
          key={`deadlines-${tenantId}`}
          tenantId={tenantId}
          onError={onError}
          navigate={navigate}
          openRecord={openRecord}
        />
      )}
      {tenantId !== null && (
        <TenantTiles key={`tiles-${tenantId}`} tenantId={tenantId} onError={onError} navigate={navigate} />
      )}
      {data ? (
        <OfficePanels data={data} session={session} onError={onError} navigate={navigate} />
      ) : (
        <p className="muted">{t("common.loading")}</p>
      )}
    </>
  );
}

/** The office's figures, the reviews and DPIAs due in every tenant, and the latest changes. */
function OfficePanels({
  data,
  session,
  onError,
  navigate,
}: Pick<PageProps, "session" | "onError" | "navigate"> & { data: DashboardData }) {
  const { t } = useTranslation();
  const b = data.backup;
  return (
    <>
      <div className="tiles">
        <section className="card tile" aria-labelledby="tile-office">
          <h2 id="tile-office">{t("dashboard.office")}</h2>
          <p className="tile-value" data-testid="dashboard-office">
            {data.office_name}
          </p>
        </section>
        <section className="card tile" aria-labelledby="tile-users">
          <h2 id="tile-users">{t("dashboard.activeUsers")}</h2>
          <p className="tile-value">{data.active_users}</p>
        </section>
        <section className={`card tile backup-${b.level}`} aria-labelledby="tile-backup" data-testid="backup-tile">
          <h2 id="tile-backup">{t("dashboard.backup")}</h2>
          <p className="tile-value">
            <span className={`badge level-${b.level}`}>{t(`dashboard.levels.${b.level}`)}</span>
          </p>
          <p>{t("dashboard.backupDue", { date: formatDate(b.due_date) })}</p>
          <p className="muted small">
            {b.last_downloaded
              ? t("dashboard.lastDownloaded", { date: formatDate(b.last_downloaded) })
              : t("dashboard.neverDownloaded")}
            {" · "}
            {t("dashboard.interval", { count: b.interval_days })}
          </p>
        </section>
      </div>
      {can(session, "tom", "view") && <DueReviews onError={onError} onOpen={() => navigate("toms")} />}
      {can(session, "dpia", "view") && <DpiaFigures onError={onError} onOpen={() => navigate("dpias")} />}
      {data.recent_changes && (
        <section className="card" aria-labelledby="recent">
          <h2 id="recent">{t("dashboard.recent")}</h2>
          {data.recent_changes.length === 0 ? (
            <p className="muted">{t("dashboard.noRecent")}</p>
          ) : (
            <div role="table" className="audit-table compact">
              {data.recent_changes.map((e) => (
                <AuditRow key={e.id} line={e} />
              ))}
            </div>
          )}
        </section>
      )}
    </>
  );
}
