import { DateInput } from "../../components/DateInput";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { Company } from "../../bindings/Company";
import type { ProtectionType } from "../../bindings/ProtectionType";
import type { SessionInfo } from "../../bindings/SessionInfo";
import type { TomField } from "../../bindings/TomField";
import type { TomKind } from "../../bindings/TomKind";
import type { TomRow } from "../../bindings/TomRow";
import type { TomStatus } from "../../bindings/TomStatus";
import { BulkBar, massField, withUnchanged } from "../../components/list/BulkBar";
import type { ListSelection } from "../../components/list/types";
import { CopyToTenant } from "./CopyToTenant";
import { PROTECTION_TYPES, TOM_STATUSES } from "./labels";

type Props = {
  session: SessionInfo;
  tenantId: number;
  selection: ListSelection<TomRow>;
  companies: Company[];
  onError: (e: unknown) => boolean;
};

const KINDS: TomKind[] = ["technical", "organisational"];

/** What can be done with selected measures: the seed's step 1 for many at once ("valid for company X"), status,
 * next review, type or kind for all; copy here or into another tenant; delete, with their activity links confirmed. */
export function TomBulkBar({ session, tenantId, selection, companies, onError }: Props) {
  const { t } = useTranslation();
  const { ids } = selection;
  const [copying, setCopying] = useState(false);
  const changeAll = async (field: TomField) => {
    const count = await api.massChangeToms(ids, field);
    return withUnchanged(t, t("toms.changed", { count }), count, ids.length);
  };
  const companySelect = (testId: string) => (value: number, set: (v: number) => void) => (
    <select
      aria-label={t("list.value")}
      value={value}
      data-testid={testId}
      onChange={(e) => set(Number(e.target.value))}
    >
      {companies.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
  const fields = [
    ...(companies.length > 0
      ? [
          massField<number>({
            id: "valid_for",
            label: t("toms.mass.validFor"),
            initial: companies[0].id,
            editor: companySelect("tom-mass-company"),
            apply: (value) => changeAll({ field: "valid_for", value }),
          }),
          massField<number>({
            id: "not_valid_for",
            label: t("toms.mass.notValidFor"),
            initial: companies[0].id,
            editor: companySelect("tom-mass-company-off"),
            apply: (value) => changeAll({ field: "not_valid_for", value }),
          }),
        ]
      : []),
    massField<TomStatus>({
      id: "status",
      label: t("toms.fields.status"),
      initial: "active",
      editor: (value, set) => (
        <select
          aria-label={t("list.value")}
          value={value}
          data-testid="tom-mass-status"
          onChange={(e) => set(e.target.value as TomStatus)}
        >
          {TOM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`toms.status.${s}`)}
            </option>
          ))}
        </select>
      ),
      apply: (value) => changeAll({ field: "status", value }),
    }),
    massField<string>({
      id: "next_review",
      label: t("toms.fields.nextReview"),
      initial: "",
      editor: (value, set) => (
        <DateInput aria-label={t("list.value")} value={value} data-testid="tom-mass-date" onChange={set} />
      ),
      apply: (value) => changeAll({ field: "next_review", value: value || null }),
    }),
    massField<ProtectionType>({
      id: "protection_type",
      label: t("toms.fields.type"),
      initial: "physical_access",
      editor: (value, set) => (
        <select
          aria-label={t("list.value")}
          value={value}
          data-testid="tom-mass-type"
          onChange={(e) => set(e.target.value as ProtectionType)}
        >
          {PROTECTION_TYPES.map((p) => (
            <option key={p} value={p}>
              {t(`toms.types.${p}`)}
            </option>
          ))}
        </select>
      ),
      apply: (value) => changeAll({ field: "protection_type", value }),
    }),
    massField<TomKind>({
      id: "kind",
      label: t("toms.fields.kind"),
      initial: "technical",
      editor: (value, set) => (
        <select
          aria-label={t("list.value")}
          value={value}
          data-testid="tom-mass-kind"
          onChange={(e) => set(e.target.value as TomKind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`toms.kind.${k}`)}
            </option>
          ))}
        </select>
      ),
      apply: (value) => changeAll({ field: "kind", value }),
    }),
  ];
  const links = selection.rows.reduce((sum, r) => sum + Number(r.activity_count), 0);
  const mayCopyOut = can(session, "tom", "tenant_copy") && session.tenants.some((x) => x.id !== tenantId);
  return (
    <>
      <BulkBar
        session={session}
        object="tom"
        label={t("toms.bulkTitle")}
        testId="tom-bulk-bar"
        errorTestId="tom-bulk-error"
        selection={selection}
        massChange={{ fields, fieldTestId: "tom-mass-field", applyTestId: "tom-apply" }}
        copy={{
          testId: "copy-toms",
          run: async () => t("list.copied", { count: (await api.copyToms(ids, t("list.copySuffix"))).length }),
        }}
        remove={{
          testId: "delete-toms",
          confirmTestId: "confirm-delete-toms",
          confirm: links
            ? t("toms.confirmDeleteLinked", { count: ids.length, links })
            : t("toms.confirmDelete", { count: ids.length }),
          run: async () => {
            await api.deleteToms(ids, true);
            return t("toms.deleted", { count: ids.length });
          },
        }}
        extra={
          mayCopyOut && (
            <button type="button" data-testid="copy-toms-to-tenant" onClick={() => setCopying(true)}>
              {t("toms.copyToTenant")}
            </button>
          )
        }
        onError={onError}
      />
      {copying && (
        <CopyToTenant
          session={session}
          tenantId={tenantId}
          ids={ids}
          onError={onError}
          onClose={() => setCopying(false)}
          onDone={async (message) => {
            setCopying(false);
            await selection.done(message);
          }}
        />
      )}
    </>
  );
}
