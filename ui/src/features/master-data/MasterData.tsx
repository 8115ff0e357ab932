import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { MasterKind } from "../../bindings/MasterKind";
import type { Tile } from "../../bindings/Tile";
import { Alert } from "../../components/Alert";
import { NoPermission, NoTenant } from "../../components/NoPermission";
import { recordKeys, useRecords } from "../../data/records";
import type { PageProps } from "../../screens/page";
import { MasterList } from "./MasterList";

export const MASTER_KINDS: MasterKind[] = [
  "business_process",
  "application",
  "data_category",
  "person_group",
  "legal_basis",
  "retention_period",
  "recipient",
  "third_country",
  "person",
  "customer",
  "processor",
];

/** Master data ("Stammdaten") of the tenant as tiles with counts; a tile opens its list. */
export function MasterData(props: PageProps & { initialKind?: MasterKind }) {
  const { tenantId, onError, initialKind } = props;
  const { t } = useTranslation();
  const [open, setOpen] = useState<MasterKind | null>(initialKind ?? null);
  const [denied, setDenied] = useState(false);
  // The counts follow every change of master data through the shared cache.
  const { data, error } = useRecords(
    recordKeys.tenantOverview(tenantId ?? 0),
    () => api.tenantOverview(tenantId ?? 0),
    onError,
    { enabled: tenantId !== null },
  );
  if (tenantId === null) return <NoTenant />;
  if (open) return <MasterList {...props} tenantId={tenantId} kind={open} onBack={() => setOpen(null)} />;
  const tiles = (data?.tiles ?? []).filter((tile): tile is Tile & { object: MasterKind } =>
    (MASTER_KINDS as string[]).includes(tile.object),
  );
  return (
    <>
      <h1>{t("master.title")}</h1>
      <p className="lead">{t("master.intro")}</p>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="tiles">
        {tiles.map((tile) => (
          <button
            key={tile.object}
            type="button"
            className="card tile tile-button"
            data-master-tile={tile.object}
            onClick={() => {
              setDenied(!tile.allowed);
              if (tile.allowed) setOpen(tile.object);
            }}
          >
            <span className="tile-title">{t(`objects.${tile.object}`)}</span>
            <span className="tile-value" data-testid={`master-count-${tile.object}`}>
              {tile.count}
            </span>
          </button>
        ))}
      </div>
      {denied && <NoPermission />}
    </>
  );
}
