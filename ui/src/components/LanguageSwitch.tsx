import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language } from "../i18n";

export function LanguageSwitch({ onChange }: { onChange: (lang: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t("common.language")}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          className={i18n.language === lang ? "active" : ""}
          aria-pressed={i18n.language === lang}
          lang={lang}
          onClick={() => onChange(lang)}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
