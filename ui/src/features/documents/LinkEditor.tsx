import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { DocumentLink } from "../../bindings/DocumentLink";
import type { ObjectType } from "../../bindings/ObjectType";
import type { SessionInfo } from "../../bindings/SessionInfo";

/** The kinds of record a document can prove, as the core's LINKABLE. */
export const LINKABLE: ObjectType[] = [
  "company",
  "processing_activity",
  "tom",
  "dpia",
  "request",
  "breach",
  "processor_agreement",
];

type Choice = { id: number; label: string };

/** The records of one kind in the tenant the user may see, named as the lists name them. */
async function choicesOf(object: ObjectType, tenantId: number): Promise<Choice[]> {
  switch (object) {
    case "company":
      return (await api.companies(tenantId)).map((c) => ({ id: c.id, label: c.name }));
    case "processing_activity":
      return (await api.activities(tenantId, null)).map((a) => ({ id: a.id, label: `${a.name} (${a.company_name})` }));
    case "tom":
      return (
        await api.toms(tenantId, {
          protection_type: null,
          status: null,
          company_id: null,
          review_due: false,
        })
      ).map((m) => ({ id: m.id, label: m.title }));
    case "dpia":
      return (await api.dpias(tenantId)).map((d) => ({ id: d.id, label: `${d.activity_name} (v${d.version})` }));
    case "request":
      return (await api.requests(tenantId)).map((r) => ({ id: r.id, label: r.requester }));
    case "breach":
      return (await api.breaches(tenantId)).map((b) => ({ id: b.id, label: b.title }));
    case "processor_agreement":
      return (await api.processorAgreements(tenantId)).map((g) => ({
        id: g.id,
        label: `${g.processor_name} – ${g.subject}`,
      }));
    default:
      return [];
  }
}

/** The records a document proves: listed with their kind, removed with ×, added by kind and name. */
export function LinkEditor({
  session,
  tenantId,
  links,
  disabled,
  onChange,
  onError,
}: {
  session: SessionInfo;
  tenantId: number;
  links: DocumentLink[];
  disabled: boolean;
  onChange: (links: DocumentLink[]) => void;
  onError: (e: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const kinds = LINKABLE.filter((o) => can(session, o, "view"));
  const [object, setObject] = useState<ObjectType>(kinds[0] ?? "company");
  const [choices, setChoices] = useState<Choice[] | null>(null);
  useEffect(() => {
    setChoices(null);
    choicesOf(object, tenantId).then(setChoices, (e: unknown) => {
      onError(e);
      setChoices([]);
    });
  }, [object, tenantId, onError]);
  const linked = new Set(links.map((l) => `${l.object}:${l.id}`));
  return (
    <div className="link-editor" data-testid="document-links">
      {links.length === 0 && <p className="muted small">{t("documents.noLinks")}</p>}
      <ul className="chips">
        {links.map((l) => (
          <li key={`${l.object}:${l.id}`} className="chip" data-link={`${l.object}:${l.label}`}>
            <span className="muted small">{t(`object.${l.object}`)}:</span> {l.label}
            {!disabled && (
              <button
                type="button"
                className="chip-remove"
                aria-label={t("documents.unlink", { label: l.label })}
                onClick={() => onChange(links.filter((x) => !(x.object === l.object && x.id === l.id)))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!disabled && kinds.length > 0 && (
        <div className="link-add">
          <select
            aria-label={t("documents.linkKind")}
            data-testid="link-kind"
            value={object}
            onChange={(e) => setObject(e.target.value as ObjectType)}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`object.${k}`)}
              </option>
            ))}
          </select>
          <select
            aria-label={t("documents.linkRecord")}
            data-testid="link-record"
            value=""
            disabled={!choices || choices.length === 0}
            onChange={(e) => {
              const choice = choices?.find((c) => String(c.id) === e.target.value);
              if (choice) onChange([...links, { object, id: choice.id, label: choice.label }]);
            }}
          >
            <option value="">{choices === null ? t("common.loading") : t("documents.linkChoose")}</option>
            {choices
              ?.filter((c) => !linked.has(`${object}:${c.id}`))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
          </select>
        </div>
      )}
    </div>
  );
}
