import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { errorMessage } from "../../i18n";
import { Alert } from "../../components/Alert";
import { previewKind } from "./tree";

/** A version shown inside the window: PDFs in the webview's own viewer, pictures and text as they are. The bytes
 * come as one binary answer and live in a blob URL only while the preview is open. */
export function Preview({
  id,
  version,
  mediaType,
  name,
  onError,
}: {
  id: number;
  version: number;
  mediaType: string;
  name: string;
  onError: (e: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const kind = previewKind(mediaType);
  const [url, setUrl] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!kind) return;
    let revoked = false;
    let made: string | null = null;
    api.documentPreview(id, version).then(
      (bytes) => {
        if (revoked) return;
        if (kind === "text") {
          setText(new TextDecoder().decode(bytes));
          return;
        }
        made = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
        setUrl(made);
      },
      (e: unknown) => {
        if (!onError(e)) setError(errorMessage(e));
      },
    );
    return () => {
      revoked = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [id, version, kind, mediaType, onError]);

  if (!kind) return <p className="muted">{t("documents.noPreview")}</p>;
  if (error) return <Alert kind="error">{error}</Alert>;
  return (
    <div className="document-preview" data-testid="document-preview" data-kind={kind}>
      {kind === "image" && url && <img src={url} alt={name} />}
      {kind === "pdf" && url && <iframe src={url} title={name} />}
      {kind === "text" && text !== null && <pre>{text}</pre>}
      {!url && text === null && <p className="muted">{t("common.loading")}</p>}
    </div>
  );
}
