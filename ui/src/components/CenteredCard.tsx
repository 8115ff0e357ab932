import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "./LanguageSwitch";
import { switchLanguage } from "../i18n";

/** The frame of the screens before sign-in: logo, a card, the language choice. */
export function CenteredCard({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="gate">
      <div className="gate-top">
        <div className="brand">
          <Logo /> {t("app.name")}
        </div>
        <LanguageSwitch onChange={(lang) => void switchLanguage(lang)} />
      </div>
      <main className={`card gate-card${wide ? " wide" : ""}`} id="content">
        <h1>{title}</h1>
        {children}
      </main>
      <p className="gate-tagline">{t("app.tagline")}</p>
    </div>
  );
}

export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 64 64" aria-hidden="true">
      <rect x="2" y="2" width="60" height="60" rx="12" fill="#1f4e79" />
      <path d="M32 12 L48 18 L48 32 Q48 46 32 52 Q16 46 16 32 L16 18 Z" fill="none" stroke="#fff" strokeWidth="4" />
      <path
        d="M24 32 L30 38 L41 27"
        fill="none"
        stroke="#8fd18f"
        strokeWidth="4.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
