import { useCallback, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api, can, CommandError } from "../../api";
import type { Area } from "../../bindings/Area";
import type { Company } from "../../bindings/Company";
import { ConfirmInline } from "../../components/ConfirmInline";
import { RecordList } from "../../components/list/RecordList";
import type { ListColumn } from "../../components/list/types";
import { useListState } from "../../components/list/useListState";
import { NoPermission, NoTenant } from "../../components/NoPermission";
import { recordKeys, useRecords, useRecordsChanged } from "../../data/records";
import type { PageProps } from "../../screens/page";
import { useAction } from "../../useAction";
import { AreaAdder } from "./AreaAdder";
import { CompanyBulkBar } from "./CompanyBulkBar";
import { CompanyForm } from "./CompanyForm";

type View = { kind: "list" } | { kind: "new" } | { kind: "open"; company: Company };

const byName = (a: Company, b: Company) => a.name.localeCompare(b.name);
/** The cards show no columns; these are the orders the sort offers. */
const COLUMNS: ListColumn<Company>[] = [
  { id: "name", header: "companies.sortName", cell: (c) => c.name, compare: byName },
  {
    id: "city",
    header: "companies.sortCity",
    cell: (c) => c.city,
    compare: (a, b) => a.city.localeCompare(b.city) || byName(a, b),
  },
];
const matches = (c: Company, needle: string) =>
  `${c.name} ${c.city} ${c.legal_form} ${c.vat_id}`.toLocaleLowerCase().includes(needle);

/** Companies of the current tenant with their areas. */
export function Companies(props: PageProps) {
  const { session, tenantId, openRecord, onError } = props;
  const { t } = useTranslation();
  const id = tenantId ?? 0;
  const [view, setView] = useState<View>({ kind: "list" });
  const [confirmArea, setConfirmArea] = useState<number | null>(null);
  const list = useListState({ columns: COLUMNS, sort: { id: "name", desc: false } });
  const removeArea = useAction(onError);
  const changed = useRecordsChanged();
  const companies = useRecords(recordKeys.companies(id), () => api.companies(id), onError, {
    enabled: tenantId !== null,
  });
  // Areas are a right of their own: without it the companies still show, without areas.
  const areas = useRecords(
    [...recordKeys.areas(id), "or-none"],
    () =>
      api.areas(id).catch((e) => {
        if (e instanceof CommandError && e.code === "permission_denied") return [] as Area[];
        throw e;
      }),
    onError,
    { enabled: tenantId !== null },
  );
  const onChanged = useCallback(() => changed("companies", tenantId), [changed, tenantId]);

  if (tenantId === null) return <NoTenant />;
  if (companies.code === "permission_denied") return <NoPermission />;
  if (view.kind !== "list") {
    return (
      <CompanyForm
        session={session}
        tenantId={tenantId}
        company={view.kind === "open" ? view.company : null}
        openRecord={openRecord}
        onError={onError}
        onClose={() => setView({ kind: "list" })}
        onSaved={(company) => setView({ kind: "open", company })}
      />
    );
  }
  const areasOf = (companyId: number) => (areas.data ?? []).filter((a) => a.company_id === companyId);
  const card = (c: Company, checkbox: ReactNode, selected: boolean) => (
    <section className={`card company-card${selected ? " selected" : ""}`} data-company={c.name} aria-label={c.name}>
      <div className="company-head">
        {checkbox}
        <div>
          <h2>
            <button type="button" className="link" onClick={() => setView({ kind: "open", company: c })}>
              {c.name}
            </button>
          </h2>
          <p className="muted small">
            {[c.legal_form, [c.postal_code, c.city].filter(Boolean).join(" ")].filter(Boolean).join(" · ") || "—"}
            {" · "}
            {[c.is_controller && t("companies.controller"), c.is_processor && t("companies.processor")]
              .filter(Boolean)
              .join(", ")}
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
                {can(session, "area", "delete") &&
                  areasOf(c.id).length > 1 &&
                  (confirmArea === a.id ? (
                    <ConfirmInline
                      message={t("companies.confirmDeleteArea", { name: a.name, count: Number(a.activity_count) })}
                      confirmLabel={t("companies.deleteArea")}
                      confirmTestId="confirm-delete-area"
                      onConfirm={() =>
                        void removeArea.run(async () => {
                          await api.deleteAreas([a.id]);
                          setConfirmArea(null);
                          await changed("areas", tenantId);
                        })
                      }
                      onCancel={() => setConfirmArea(null)}
                    />
                  ) : (
                    <button
                      type="button"
                      className="link small"
                      data-testid="delete-area"
                      onClick={() => setConfirmArea(a.id)}
                    >
                      {t("companies.deleteArea")}
                    </button>
                  ))}
              </li>
            ))}
            {areasOf(c.id).length === 0 && <li className="muted small">{t("companies.noAreas")}</li>}
          </ul>
        </>
      )}
      {can(session, "area", "create") && <AreaAdder companyId={c.id} onError={onError} />}
    </section>
  );
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("companies.title")}</h1>
          <p className="lead">{t("companies.intro")}</p>
        </div>
        {can(session, "company", "create") && (
          <button type="button" className="primary" data-testid="new-company" onClick={() => setView({ kind: "new" })}>
            {t("companies.new")}
          </button>
        )}
      </div>
      <RecordList<Company>
        state={list}
        session={session}
        object="company"
        rows={companies.data}
        columns={COLUMNS}
        layout="cards"
        toolbarWhenEmpty={false}
        name={(c) => c.name}
        selectData="data-select-company"
        card={card}
        filter={{ testId: "company-filter", matches }}
        toolbar={
          <select
            aria-label={t("list.sortBy")}
            value={list.sorting?.id ?? "name"}
            onChange={(e) => list.setSorting({ id: e.target.value, desc: false })}
          >
            {COLUMNS.map((c) => (
              <option key={c.id} value={c.id}>
                {t(c.header)}
              </option>
            ))}
          </select>
        }
        exportAs={(format) => api.exportCompanies(tenantId, format, t("companies.exportTitle"))}
        testIds={{ notice: "company-notice", empty: "no-companies", exportCsv: "export-companies-csv" }}
        errors={[companies.error, areas.error, removeArea.error]}
        empty={{ none: t("companies.empty") }}
        bulkBar={(selection) => <CompanyBulkBar session={session} selection={selection} onError={onError} />}
        onChanged={onChanged}
        onError={onError}
      />
    </>
  );
}
