import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { WebsiteText } from "../../bindings/WebsiteText";
import { Alert } from "../../components/Alert";
import { TextArea } from "../../components/Field";
import { copyText } from "../../clipboard";
import { formatDateTime } from "../../format";

/**
 * The generated draft as the person edits it: what is still missing, the text (headings start with "# "), a
 * preview as the website shows it, save, and copy as plain text or HTML.
 */
export function TextResult({
  id,
  text,
  onText,
  missing,
  saved,
  canSave,
  saving,
  onSave,
  onError,
}: {
  id: string;
  text: string;
  onText: (text: string) => void;
  missing: string[];
  saved: WebsiteText | null;
  canSave: boolean;
  saving: boolean;
  onSave: () => void;
  onError: (e: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const [html, setHtml] = useState("");
  const [copied, setCopied] = useState<"plain" | "html" | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api
        .renderWebsiteText(text)
        .then((r) => current && setHtml(r.html))
        .catch((e: unknown) => onError(e));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, onError]);
  async function copy(kind: "plain" | "html") {
    const rendered = await api.renderWebsiteText(text);
    await copyText(kind === "plain" ? rendered.plain : rendered.html);
    setCopied(kind);
  }
  return (
    <section className="card website-result" aria-labelledby={`${id}-result`} data-testid={`${id}-result`}>
      <h2 id={`${id}-result`}>{t("websiteTexts.result")}</h2>
      {missing.length > 0 && (
        <Alert kind="warning" testId={`${id}-missing`}>
          {t("websiteTexts.missing")}
          <ul>
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Alert>
      )}
      <div className="website-result-panes">
        <TextArea
          label={t("websiteTexts.text")}
          name={`${id}_text`}
          rows={22}
          value={text}
          hint={t("websiteTexts.textHint")}
          onChange={(e) => {
            setCopied(null);
            onText(e.target.value);
          }}
        />
        <div className="field">
          <span className="label">{t("websiteTexts.preview")}</span>
          {/* The core escapes everything typed; only its own h2/p/br tags are markup. */}
          <div className="website-preview" data-testid={`${id}-preview`} dangerouslySetInnerHTML={{ __html: html }} />
        </div>
      </div>
      <div className="actions start">
        {canSave && (
          <button type="button" className="primary" disabled={saving} onClick={onSave} data-testid={`${id}-save`}>
            {t("common.save")}
          </button>
        )}
        <button type="button" onClick={() => void copy("plain")} data-testid={`${id}-copy-text`}>
          {t("websiteTexts.copyText")}
        </button>
        <button type="button" onClick={() => void copy("html")} data-testid={`${id}-copy-html`}>
          {t("websiteTexts.copyHtml")}
        </button>
        {copied && (
          <span className="muted" role="status">
            {t("common.copied")}
          </span>
        )}
      </div>
      {saved && (
        <p className="muted small" data-testid={`${id}-saved`}>
          {t("websiteTexts.lastSaved", { date: formatDateTime(saved.updated_at), by: saved.updated_by })}
        </p>
      )}
    </section>
  );
}
