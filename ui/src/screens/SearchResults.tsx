import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SearchHit } from "../bindings/SearchHit";
import { Alert } from "../components/Alert";
import { NoTenant } from "../components/NoPermission";
import { answeredHits, searchHits } from "../searchAhead";
import { useLoad } from "../useLoad";
import type { PageProps } from "./page";

type Props = PageProps & { text: string; onOpenHit: (hit: SearchHit) => void };

/** Full-text search (FTS5) over everything of the tenant the user may see: activities and master data. */
export function SearchResults({ tenantId, text, onError, onOpenHit }: Props) {
  const { t } = useTranslation();
  const load = useCallback(
    () => (tenantId === null ? Promise.resolve([]) : searchHits(tenantId, text)),
    [tenantId, text],
  );
  // Shell waits for the answer before it shows this page: then the hits are in its first frame.
  const [answered] = useState(() => (tenantId === null ? null : answeredHits(tenantId, text)));
  const { data, error } = useLoad(load, onError, answered);
  if (tenantId === null) return <NoTenant />;
  return (
    <>
      <h1>{t("search.title", { text })}</h1>
      {error && <Alert kind="error">{error}</Alert>}
      {!data && !error && (
        <p className="muted" aria-busy="true">
          {t("common.loading")}
        </p>
      )}
      {data && (
        <p className="lead" data-testid="search-count">
          {t("search.count", { count: data.length })}
        </p>
      )}
      <ul className="search-hits">
        {data?.map((hit) => (
          <li key={`${hit.object_type}-${hit.object_id}`} data-hit={hit.title}>
            <button type="button" className="link" onClick={() => onOpenHit(hit)}>
              {hit.title}
            </button>
            <span className="badge tag">{t(`object.${hit.object_type}`)}</span>
            {hit.place && (
              <span className="muted small hit-place" data-testid="hit-place">
                {" "}
                {hit.place}
              </span>
            )}
            <p className="muted small snippet">
              {hit.snippet.split(/[«»]/).map((part, i) => (i % 2 ? <mark key={i}>{part}</mark> : part))}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
