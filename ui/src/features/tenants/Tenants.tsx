import { useCallback, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmInline } from "../../components/ConfirmInline";
import { api } from "../../api";
import type { StorageUse } from "../../bindings/StorageUse";
import type { Tenant } from "../../bindings/Tenant";
import type { TenantSummary } from "../../bindings/TenantSummary";
import { Field, Select } from "../../components/Field";
import { BulkBar, massField, withUnchanged } from "../../components/list/BulkBar";
import { RecordList } from "../../components/list/RecordList";
import type { ListColumn, ListSelection } from "../../components/list/types";
import { useListState } from "../../components/list/useListState";
import { recordKeys, useRecords, useRecordsChanged } from "../../data/records";
import { formatDateTime, formatDay, formatSize } from "../../format";
import { useAction } from "../../useAction";

const matches = (x: TenantSummary, needle: string) => x.name.toLocaleLowerCase().includes(needle);
const notArchived = (x: TenantSummary) => !x.archived_at;

/** The office's clients: add, rename, mark as template, archive, delete to the trash, export and import as a file;
 * the list with column choice, multi-select (template flag or archive for all) and export as CSV or JSON. */
export function Tenants({ onError }: { onError: (e: unknown) => boolean }) {
  const { t } = useTranslation();
  const tenants = useRecords(recordKeys.tenants(), () => api.tenantSummaries(), onError);
  const changed = useRecordsChanged();
  const [name, setName] = useState("");
  const [template, setTemplate] = useState(false);
  const [fromTemplate, setFromTemplate] = useState(0);
  const [clientName, setClientName] = useState("");
  const [editing, setEditing] = useState<Tenant | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const [showArchived, setShowArchived] = useState(true);
  const { busy, error, run } = useAction(onError);
  // A tenant's rename, archive or removal shows everywhere (the header's choice follows with the session).
  const onChanged = useCallback(() => changed("tenants", null), [changed]);
  const columns: ListColumn<TenantSummary>[] = [
    {
      id: "name",
      header: "admin.tenants.name",
      className: "strong",
      cell: (tenant) => <TenantName tenant={tenant} editing={editing} onEdit={setEditing} onSave={save} />,
    },
    {
      id: "kind",
      header: "admin.tenants.columns.kind",
      optional: true,
      defaultVisible: true,
      testId: "tenant-kind",
      cell: (tenant) => (
        <>
          {tenant.is_template ? t("admin.tenants.kindTemplate") : t("admin.tenants.client")}
          {tenant.archived_at && <span className="badge tag">{t("admin.tenants.archived")}</span>}
        </>
      ),
    },
    {
      id: "created",
      header: "admin.tenants.columns.created",
      optional: true,
      defaultVisible: true,
      className: "muted",
      cell: (tenant) => <span title={formatDateTime(tenant.created_at)}>{formatDay(tenant.created_at)}</span>,
    },
    {
      id: "companies",
      header: "admin.tenants.columns.companies",
      optional: true,
      defaultVisible: true,
      cell: (tenant) => t("admin.tenants.companyCount", { count: Number(tenant.company_count) }),
    },
    {
      id: "activities",
      header: "admin.tenants.columns.activities",
      optional: true,
      cell: (tenant) => t("admin.tenants.activityCount", { count: Number(tenant.activity_count) }),
    },
    {
      id: "documents",
      header: "admin.tenants.columns.documents",
      optional: true,
      testId: "tenant-documents",
      sortValue: (tenant) => Number(tenant.documents.used),
      cell: (tenant) => <DocumentStorage storage={tenant.documents} />,
    },
  ];
  const list = useListState({ columns, storageKey: "dpo-desk.tenant-columns" });
  const act = (work: () => Promise<void>) => {
    list.setNotice(null);
    void run(async () => {
      await work();
      await onChanged();
    });
  };
  function save(tenant: Tenant) {
    act(async () => {
      await api.updateTenant(tenant.id, tenant.name, tenant.is_template);
      setEditing(null);
    });
  }
  function add(e: FormEvent) {
    e.preventDefault();
    act(async () => {
      await api.createTenant(name, template);
      setName("");
      setTemplate(false);
    });
  }
  return (
    <section className="card">
      <div className="page-head">
        <h2>{t("admin.tenants.title")}</h2>
        <button
          type="button"
          data-testid="import-tenant"
          disabled={busy}
          onClick={() =>
            act(async () => {
              const tenant = await api.importTenant(t("admin.tenants.importTitle"));
              if (tenant) list.setNotice(t("admin.tenants.imported", { name: tenant.name }));
            })
          }
        >
          {t("admin.tenants.import")}
        </button>
      </div>
      <RecordList<TenantSummary>
        state={list}
        session={null}
        object={null}
        rows={tenants.data}
        columns={columns}
        framed={false}
        name={(x) => x.name}
        rowData={(x) => ({ "data-tenant": x.name })}
        selectData="data-select-tenant"
        rowClassName={(x) => (x.archived_at ? "inactive" : "")}
        filter={{ testId: "tenant-filter", matches }}
        where={showArchived ? undefined : notArchived}
        toolbar={
          <label className="check inline">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />{" "}
            {t("admin.tenants.showArchived")}
          </label>
        }
        exportAs={(format) => api.exportTenantList(format, t("admin.tenants.exportListTitle"))}
        count={{ text: (count) => t("admin.tenants.count", { count }) }}
        testIds={{
          notice: "tenant-notice",
          error: "tenant-error",
          exportCsv: "export-tenants-csv",
          exportJson: "export-tenants-json",
          exportXlsx: "export-tenants-xlsx",
        }}
        errors={[tenants.error, error]}
        rowActions={(tenant) =>
          confirmDelete === tenant.id ? (
            <ConfirmInline
              message={t("admin.tenants.confirmDelete", { name: tenant.name })}
              confirmLabel={t("admin.tenants.delete")}
              confirmTestId="confirm-delete-tenant"
              onConfirm={() =>
                act(async () => {
                  await api.deleteTenant(tenant.id);
                  setConfirmDelete(null);
                })
              }
              onCancel={() => setConfirmDelete(null)}
            />
          ) : (
            <>
              <button type="button" data-testid="rename-tenant" onClick={() => setEditing(tenant)}>
                {t("admin.tenants.rename")}
              </button>
              <button
                type="button"
                data-testid="copy-tenant"
                disabled={busy}
                onClick={() =>
                  act(async () => {
                    const copy = await api.copyTenant(tenant.id, null);
                    list.setNotice(t("admin.tenants.copied", { name: copy.name }));
                  })
                }
              >
                {t("admin.tenants.copy")}
              </button>
              <button
                type="button"
                data-testid="archive-tenant"
                onClick={() =>
                  act(async () => {
                    await api.setTenantArchived(tenant.id, !tenant.archived_at);
                  })
                }
              >
                {tenant.archived_at ? t("admin.tenants.unarchive") : t("admin.tenants.archive")}
              </button>
              <button
                type="button"
                data-testid="export-tenant"
                onClick={() =>
                  act(async () => {
                    const path = await api.exportTenant(tenant.id, t("admin.tenants.exportTitle"));
                    if (path) list.setNotice(t("list.exported", { path }));
                  })
                }
              >
                {t("admin.tenants.export")}
              </button>
              <button
                type="button"
                className="danger"
                data-testid="delete-tenant"
                onClick={() => setConfirmDelete(tenant.id)}
              >
                {t("admin.tenants.delete")}
              </button>
            </>
          )
        }
        bulkBar={(selection) => <TenantBulkBar selection={selection} onError={onError} />}
        onChanged={onChanged}
        onError={onError}
      />
      <form onSubmit={add} noValidate className="inline-form wide">
        <Field
          label={t("admin.tenants.new")}
          name="tenant_name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={template} onChange={(e) => setTemplate(e.target.checked)} />{" "}
          {t("admin.tenants.template")}
        </label>
        <button type="submit" className="primary" disabled={busy} data-testid="add-tenant">
          {t("admin.tenants.add")}
        </button>
      </form>
      <form
        noValidate
        className="inline-form wide"
        aria-label={t("admin.tenants.fromTemplate")}
        onSubmit={(e) => {
          e.preventDefault();
          act(async () => {
            const client = await api.createTenantFromTemplate(fromTemplate, clientName);
            list.setNotice(t("admin.tenants.createdFromTemplate", { name: client.name }));
            setClientName("");
          });
        }}
      >
        <Select
          label={t("admin.tenants.fromTemplate")}
          value={fromTemplate}
          data-testid="template-choice"
          onChange={(e) => setFromTemplate(Number(e.target.value))}
        >
          <option value={0}>{t("admin.tenants.chooseTemplate")}</option>
          {(tenants.data ?? [])
            .filter((x) => x.is_template)
            .map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
        </Select>
        <Field
          label={t("admin.tenants.clientName")}
          name="client_name"
          value={clientName}
          onChange={(e) => setClientName(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy || !fromTemplate} data-testid="create-from-template">
          {busy ? t("common.working") : t("admin.tenants.createFromTemplate")}
        </button>
      </form>
    </section>
  );
}

/** What a tenant's documents take, and of which quota when an administrator set one. */
function DocumentStorage({ storage }: { storage: StorageUse }) {
  const { t } = useTranslation();
  const used = formatSize(Number(storage.used));
  if (storage.quota === null) return <>{used}</>;
  return <>{t("admin.tenants.storageOf", { used, quota: formatSize(Number(storage.quota)) })}</>;
}

type NameProps = {
  tenant: TenantSummary;
  editing: Tenant | null;
  onEdit: (next: Tenant | null) => void;
  onSave: (tenant: Tenant) => void;
};

/** A tenant's name, or the inline form that renames it and sets its template flag. */
function TenantName({ tenant, editing, onEdit, onSave }: NameProps) {
  const { t } = useTranslation();
  if (editing?.id !== tenant.id) return <>{tenant.name}</>;
  return (
    <span className="inline-form">
      <input
        aria-label={t("admin.tenants.name")}
        value={editing.name}
        data-testid="rename-input"
        onChange={(e) => onEdit({ ...editing, name: e.target.value })}
      />
      <label className="check inline">
        <input
          type="checkbox"
          checked={editing.is_template}
          onChange={(e) => onEdit({ ...editing, is_template: e.target.checked })}
        />{" "}
        {t("admin.tenants.template")}
      </label>
      <button type="button" className="primary" data-testid="save-tenant" onClick={() => onSave(editing)}>
        {t("common.save")}
      </button>
      <button type="button" onClick={() => onEdit(null)}>
        {t("common.cancel")}
      </button>
    </span>
  );
}

/** Sets the template flag or the archive mark on every selected tenant. */
function TenantBulkBar({
  selection,
  onError,
}: {
  selection: ListSelection<TenantSummary>;
  onError: (e: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const yesNo = (value: boolean, set: (value: boolean) => void) => (
    <select
      aria-label={t("list.value")}
      value={value ? "1" : "0"}
      data-testid="tenant-mass-value"
      onChange={(e) => set(e.target.value === "1")}
    >
      <option value="1">{t("list.yes")}</option>
      <option value="0">{t("list.no")}</option>
    </select>
  );
  const changeAll = async (field: Parameters<typeof api.massChangeTenants>[1]) => {
    const count = await api.massChangeTenants(selection.ids, field);
    return withUnchanged(t, t("admin.tenants.changed", { count }), count, selection.ids.length);
  };
  const fields = [
    massField<boolean>({
      id: "archived",
      label: t("admin.tenants.setArchived"),
      initial: true,
      editor: yesNo,
      apply: (value) => changeAll({ field: "archived", value }),
    }),
    massField<boolean>({
      id: "is_template",
      label: t("admin.tenants.setTemplate"),
      initial: true,
      editor: yesNo,
      apply: (value) => changeAll({ field: "is_template", value }),
    }),
  ];
  return (
    <BulkBar
      session={null}
      object={null}
      label={t("admin.tenants.bulkTitle")}
      testId="tenant-bulk-bar"
      selection={selection}
      massChange={{ fields, fieldTestId: "tenant-mass-field", applyTestId: "tenant-apply" }}
      onError={onError}
    />
  );
}
