import { useCallback, useState } from "react";
import { useSelection } from "../../useSelection";
import { useTranslation } from "react-i18next";
import { api, can, CommandError } from "../../api";
import type { Area } from "../../bindings/Area";
import type { Company } from "../../bindings/Company";
import { Alert } from "../../components/Alert";
import { NoPermission, NoTenant } from "../../components/NoPermission";
import { useAction } from "../../useAction";
import { useLoad } from "../../useLoad";
import type { PageProps } from "../../screens/page";
import { AreaAdder } from "./AreaAdder";
import { CompanyBulkBar } from "./CompanyBulkBar";
import { CompanyForm } from "./CompanyForm";

type View = { kind: "list" } | { kind: "new" } | { kind: "open"; company: Company };

/** Companies of the current tenant with their areas. */
export function Companies(props: PageProps) {
  const { session, tenantId, onError } = props;
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ kind: "list" });
  const [confirmArea, setConfirmArea] = useState<number | null>(null);
  const [filter, setFilter] = useState("");
  const [sortBy, setSortBy] = useState<"name" | "city">("name");
  const { selected, toggle, clear } = useSelection();
  const [notice, setNotice] = useState<string | null>(null);
  const exporting = useAction(onError);
  const removeArea = useAction(onError);
  const loadCompanies = useCallback(() => (tenantId === null ? Promise.resolve([]) : api.companies(tenantId)), [tenantId]);
  const companies = useLoad(loadCompanies, onError);
  // Areas are a right of their own: without it the companies still show, without areas.
  const loadAreas = useCallback(
    () => (tenantId === null ? Promise.resolve([]) : api.areas(tenantId).catch((e) => {
      if (e instanceof CommandError && e.code === "permission_denied") return [] as Area[];
      throw e;
    })),
    [tenantId],
  );
  const areas = useLoad(loadAreas, onError);

  if (tenantId === null) return <NoTenant />;
  if (companies.code === "permission_denied") return <NoPermission />;
  if (view.kind !== "list") {
    return (
      <CompanyForm session={session} tenantId={tenantId} company={view.kind === "open" ? view.company : null} onError={onError}
        onClose={() => { setView({ kind: "list" }); void companies.reload(); void areas.reload(); }}
        onSaved={(company) => { setView({ kind: "open", company }); void companies.reload(); void areas.reload(); }} />
    );
  }
  const areasOf = (id: number) => (areas.data ?? []).filter((a) => a.company_id === id);
  const needle = filter.trim().toLocaleLowerCase();
  const shown = (companies.data ?? [])
    .filter((c) => !needle || `${c.name} ${c.city} ${c.legal_form} ${c.vat_id}`.toLocaleLowerCase().includes(needle))
    .sort((a, b) => (sortBy === "city" ? a.city.localeCompare(b.city) : 0) || a.name.localeCompare(b.name));
    const exportList = (format: "csv" | "json") => {
    setNotice(null);
    void exporting.run(async () => {
      const path = await api.exportCompanies(tenantId, format, t("companies.exportTitle"));
      if (path) setNotice(t("activities.exported", { path }));
    });
  };
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("companies.title")}</h1>
          <p className="lead">{t("companies.intro")}</p>
        </div>
        {can(session, "company", "create") && (
          <button type="button" className="primary" data-testid="new-company" onClick={() => setView({ kind: "new" })}>{t("companies.new")}</button>
        )}
      </div>
      {(companies.data?.length ?? 0) > 0 && (
        <div className="toolbar">
          <input type="search" className="search" aria-label={t("master.filter")} placeholder={t("master.filter")} value={filter}
            data-testid="company-filter" onChange={(e) => setFilter(e.target.value)} />
          <select aria-label={t("companies.sortBy")} value={sortBy} onChange={(e) => setSortBy(e.target.value as "name" | "city")}>
            <option value="name">{t("companies.sortName")}</option>
            <option value="city">{t("companies.sortCity")}</option>
          </select>
          {can(session, "company", "export") && (
            <span className="export-buttons">
              <button type="button" data-testid="export-companies-csv" disabled={exporting.busy} onClick={() => exportList("csv")}>{t("activities.exportCsv")}</button>
              <button type="button" disabled={exporting.busy} onClick={() => exportList("json")}>{t("activities.exportJson")}</button>
            </span>
          )}
        </div>
      )}
      {selected.size > 0 && (
        <CompanyBulkBar session={session} ids={[...selected]} onError={onError} onClear={() => clear()}
          onDone={(message) => { setNotice(message); clear(); void companies.reload(); void areas.reload(); }} />
      )}
      {notice && <Alert kind="success" testId="company-notice">{notice}</Alert>}
      {(companies.error || areas.error || removeArea.error || exporting.error) && (
        <Alert kind="error">{companies.error ?? areas.error ?? removeArea.error ?? exporting.error}</Alert>
      )}
      {companies.data?.length === 0 && <p className="muted" data-testid="no-companies">{t("companies.empty")}</p>}
      {shown.map((c) => (
        <section key={c.id} className={`card company-card${selected.has(c.id) ? " selected" : ""}`} data-company={c.name} aria-label={c.name}>
          <div className="company-head">
            <input type="checkbox" aria-label={t("activities.select", { name: c.name })} checked={selected.has(c.id)}
              data-select-company={c.name} onChange={() => toggle(c.id)} />
            <div>
              <h2><button type="button" className="link" onClick={() => setView({ kind: "open", company: c })}>{c.name}</button></h2>
              <p className="muted small">
                {[c.legal_form, [c.postal_code, c.city].filter(Boolean).join(" ")].filter(Boolean).join(" · ") || "—"}
                {" · "}{[c.is_controller && t("companies.controller"), c.is_processor && t("companies.processor")].filter(Boolean).join(", ")}
              </p>
            </div>
          </div>
          {can(session, "area", "view") && (
            <>
              <h3 className="subhead">{t("companies.areas")}</h3>
              <ul className="area-list">
                {areasOf(c.id).map((a) => (
                  <li key={a.id} data-area={a.name}>
                    <span className="strong">{a.name}</span>
                    <span className="muted small">{t("companies.activityCount", { count: Number(a.activity_count) })}</span>
                    {can(session, "area", "delete") && areasOf(c.id).length > 1 && (confirmArea === a.id ? (
                      <span className="confirm" role="group">
                        <span className="small">{t("companies.confirmDeleteArea", { name: a.name, count: Number(a.activity_count) })}</span>
                        <button type="button" className="danger" data-testid="confirm-delete-area" onClick={() => void removeArea.run(async () => {
                          await api.deleteAreas([a.id]);
                          setConfirmArea(null);
                          await areas.reload();
                        })}>{t("companies.deleteArea")}</button>
                        <button type="button" onClick={() => setConfirmArea(null)}>{t("common.cancel")}</button>
                      </span>
                    ) : (
                      <button type="button" className="link small" data-testid="delete-area" onClick={() => setConfirmArea(a.id)}>{t("companies.deleteArea")}</button>
                    ))}
                  </li>
                ))}
                {areasOf(c.id).length === 0 && <li className="muted small">{t("companies.noAreas")}</li>}
              </ul>
            </>
          )}
          {can(session, "area", "create") && <AreaAdder companyId={c.id} onError={onError} onAdded={() => void areas.reload()} />}
        </section>
      ))}
    </>
  );
}
