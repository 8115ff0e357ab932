import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, can, CommandError } from "../api";
import type { SessionInfo } from "../bindings/SessionInfo";
import type { AppSettings } from "../bindings/AppSettings";
import { Alert } from "../components/Alert";
import { Field, Select } from "../components/Field";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { errorMessage, type Language } from "../i18n";
import { useAction } from "../useAction";

type Props = {
  session: SessionInfo;
  onLanguage: (lang: Language) => void;
  onSaved: () => void;
  onError: (e: unknown) => boolean;
};

export function Settings({ session, onLanguage, onSaved, onError }: Props) {
  const editable = can(session, "settings", "edit");
  const { t } = useTranslation();
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [allowed, setAllowed] = useState(true);
  const [idle, setIdle] = useState("");
  const [interval, setInterval] = useState("");
  const [separator, setSeparator] = useState("0");
  const [saved, setSaved] = useState(false);
  const { busy, error, setError, run } = useAction(onError);

  useEffect(() => {
    api
      .settings()
      .then((s) => {
        setSettings(s);
        setIdle(String(s.idle_lock_minutes));
        setInterval(String(s.backup_interval_days));
        setSeparator(String(s.csv_separator));
      })
      .catch((e) => {
        if (e instanceof CommandError && e.code === "permission_denied") setAllowed(false);
        else if (!onError(e)) setError(errorMessage(e));
      });
  }, [onError, setError]);

  function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      setSettings(
        await api.updateSettings({
          idle_lock_minutes: Number(idle),
          backup_interval_days: Number(interval),
          csv_separator: Number(separator),
        }),
      );
      setSaved(true);
      onSaved();
    });
  }

  return (
    <>
      <h1>{t("settings.title")}</h1>
      <section className="card" aria-labelledby="personal">
        <h2 id="personal">{t("settings.personal")}</h2>
        <div className="field">
          <span className="label">{t("common.language")}</span>
          <LanguageSwitch onChange={onLanguage} />
          <div className="hint">{t("settings.languageHint")}</div>
        </div>
      </section>
      {allowed && settings && (
        <section className="card" aria-labelledby="installation">
          <h2 id="installation">{t("settings.installation")}</h2>
          <form onSubmit={save} noValidate>
            <Field
              label={t("settings.idleLock")}
              name="idle_lock_minutes"
              type="number"
              min={1}
              max={240}
              value={idle}
              readOnly={!editable}
              onChange={(e) => setIdle(e.target.value)}
              hint={t("settings.idleLockHint")}
            />
            <Field
              label={t("settings.backupInterval")}
              name="backup_interval_days"
              type="number"
              min={1}
              max={14}
              value={interval}
              readOnly={!editable}
              onChange={(e) => setInterval(e.target.value)}
              hint={t("settings.backupIntervalHint")}
            />
            <Select
              label={t("settings.csvSeparator")}
              name="csv_separator"
              value={separator}
              disabled={!editable}
              onChange={(e) => setSeparator(e.target.value)}
              hint={t("settings.csvSeparatorHint")}
            >
              <option value="0">{t("settings.csvSeparators.byLanguage")}</option>
              <option value="1">{t("settings.csvSeparators.comma")}</option>
              <option value="2">{t("settings.csvSeparators.semicolon")}</option>
            </Select>
            {error && (
              <Alert kind="error" testId="settings-message">
                {error}
              </Alert>
            )}
            {saved && !error && (
              <Alert kind="success" testId="settings-message">
                {t("common.saved")}
              </Alert>
            )}
            {editable && (
              <div className="actions">
                <button type="submit" className="primary" disabled={busy}>
                  {t("common.save")}
                </button>
              </div>
            )}
          </form>
        </section>
      )}
    </>
  );
}
