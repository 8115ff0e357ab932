import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can, CommandError } from "../../api";
import type { MasterItem } from "../../bindings/MasterItem";
import type { MasterKind } from "../../bindings/MasterKind";
import { ConfirmInline } from "../../components/ConfirmInline";
import { RecordList } from "../../components/list/RecordList";
import type { ListColumn } from "../../components/list/types";
import { useListState } from "../../components/list/useListState";
import { recordKeys, useRecords, useRecordsChanged } from "../../data/records";
import type { PageProps } from "../../screens/page";
import { useAction } from "../../useAction";
import { MasterBulkBar } from "./MasterBulkBar";
import { MasterForm } from "./MasterForm";

type Props = PageProps & { tenantId: number; kind: MasterKind; onBack: () => void };

const BY_USE = { id: "used", desc: false };

/** The items of one master data kind: filter, sort, column choice, multi-select with mass change, copy and delete
 * (refused while in use), create, edit, export. */
export function MasterList({ session, tenantId, kind, onError, onBack }: Props) {
  const { t } = useTranslation();
  const items = useRecords(recordKeys.masterItems(tenantId, kind), () => api.masterItems(tenantId, kind), onError);
  const changed = useRecordsChanged();
  const [editing, setEditing] = useState<MasterItem | "new" | null>(null);
  const action = useAction(onError);
  const [confirming, setConfirming] = useState<number | null>(null);
  const columns = useMemo<ListColumn<MasterItem>[]>(
    () => [
      {
        id: "name",
        header: "master.name",
        className: "strong",
        cell: (i) => (
          <>
            <button type="button" className="link" onClick={() => setEditing(i)}>
              {i.name}
            </button>
            {i.special_category && <span className="badge tag special">Art. 9/10</span>}
          </>
        ),
      },
      {
        id: "details",
        header: "master.columns.details",
        optional: true,
        defaultVisible: true,
        className: "muted",
        cell: (i) =>
          [i.code, i.category && t(`master.categories.${i.category}`), i.date].filter(Boolean).join(" · ") || "—",
      },
      {
        id: "contact",
        header: "master.columns.contact",
        optional: true,
        className: "muted",
        cell: (i) => [i.email, i.phone].filter(Boolean).join(" · ") || "—",
      },
      {
        id: "used",
        header: "master.columns.used",
        optional: true,
        defaultVisible: true,
        cell: (i) => t("master.usedBy", { count: Number(i.usage_count) }),
        compare: (a, b) => Number(b.usage_count) - Number(a.usage_count),
      },
    ],
    [t],
  );
  const list = useListState({ columns, storageKey: "dpo-desk.master-columns" });
  const onChanged = useCallback(() => changed("master-items", tenantId), [changed, tenantId]);
  const matches = useCallback(
    (i: MasterItem, needle: string) =>
      `${i.name} ${i.code} ${i.description} ${i.email}`.toLocaleLowerCase().includes(needle),
    [],
  );

  const nameOf = (id: number) => items.data?.find((i) => i.id === id)?.name ?? "";
  /** Deletes to the trash; an item still in use is refused, naming it (or "the selection") and where it is used. */
  async function remove(ids: number[]): Promise<string> {
    try {
      await api.deleteMasterItems(kind, ids);
      return t("master.deleted", { count: ids.length, name: nameOf(ids[0]) });
    } catch (e) {
      if (e instanceof CommandError && e.code === "in_use") {
        throw new CommandError({
          ...e.payload,
          params: { ...e.payload.params, name: ids.length === 1 ? nameOf(ids[0]) : t("master.selection") },
        });
      }
      throw e;
    }
  }
  function removeOne(id: number) {
    list.setNotice(null);
    void action.run(async () => {
      const message = await remove([id]);
      await onChanged();
      list.setSelection({});
      list.setNotice(message);
    });
  }
  if (editing) {
    return (
      <MasterForm
        session={session}
        tenantId={tenantId}
        kind={kind}
        item={editing === "new" ? null : editing}
        onError={onError}
        onClose={() => setEditing(null)}
        onRestored={setEditing}
      />
    );
  }
  return (
    <>
      <button type="button" className="link" data-testid="master-back" onClick={onBack}>
        ← {t("master.back")}
      </button>
      <div className="page-head">
        <h1>{t(`objects.${kind}`)}</h1>
        {can(session, kind, "create") && (
          <button type="button" className="primary" data-testid="new-item" onClick={() => setEditing("new")}>
            {t("master.new")}
          </button>
        )}
      </div>
      <RecordList<MasterItem>
        state={list}
        session={session}
        object={kind}
        rows={items.data}
        columns={columns}
        name={(i) => i.name}
        rowData={(i) => ({ "data-item": i.name })}
        selectData="data-select-item"
        filter={{ testId: "item-filter", matches }}
        toolbar={
          <label className="check inline">
            <input
              type="checkbox"
              checked={list.sorting?.id === BY_USE.id}
              onChange={(e) => list.setSorting(e.target.checked ? BY_USE : null)}
            />{" "}
            {t("master.sortByUse")}
          </label>
        }
        exportAs={(format) =>
          api.exportMasterItems(tenantId, kind, format, t("master.exportTitle", { kind: t(`objects.${kind}`) }))
        }
        count={{ text: (count) => t("master.count", { count }) }}
        testIds={{ notice: "item-notice", error: "item-error" }}
        errors={[items.error, action.error]}
        rowActions={(i) =>
          can(session, kind, "delete") &&
          (confirming === i.id ? (
            <ConfirmInline
              message={t("master.confirmDelete", { count: 1 })}
              confirmLabel={t("master.delete")}
              confirmTestId="confirm-delete-item"
              busy={action.busy}
              onConfirm={() => {
                setConfirming(null);
                removeOne(i.id);
              }}
              onCancel={() => setConfirming(null)}
            />
          ) : (
            <button
              type="button"
              className="danger"
              data-testid="delete-item"
              disabled={action.busy}
              onClick={() => setConfirming(i.id)}
            >
              {t("master.delete")}
            </button>
          ))
        }
        bulkBar={(selection) => (
          <MasterBulkBar session={session} kind={kind} selection={selection} remove={remove} onError={onError} />
        )}
        onChanged={onChanged}
        onError={onError}
      />
    </>
  );
}
