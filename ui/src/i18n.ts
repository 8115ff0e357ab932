// Translations with i18next: German and English complete, switchable at run time.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { CommandError } from "./api";
import type { FieldProblem } from "./bindings/FieldProblem";

export const LANGUAGES = ["de", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "dpo-desk.language";

/** A supported language from a locale tag such as "de-AT", or null. */
export function languageOf(tag: string | null | undefined): Language | null {
  const base = (tag ?? "").toLowerCase().split(/[-_.]/)[0];
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : null;
}

/** First choice: the user's saved choice, then this machine's last choice, then the OS locale. */
export function initialLanguage(userChoice: string | null | undefined, osLocale: string | null | undefined): Language {
  return (
    languageOf(userChoice) ??
    languageOf(localStorage.getItem(STORAGE_KEY)) ??
    languageOf(osLocale) ??
    languageOf(navigator.language) ??
    "en"
  );
}

// Each language's texts are a chunk of their own, loaded when chosen: the start reads one of
// them, not both (German and English have the same keys; locales/catalogue.test.ts).
const CATALOGUES: Record<Language, () => Promise<{ default: object }>> = {
  de: () => import("./locales/de.json"),
  en: () => import("./locales/en.json"),
};

async function loadCatalogue(lang: Language): Promise<void> {
  if (i18n.hasResourceBundle(lang, "translation")) return;
  const { default: texts } = await CATALOGUES[lang]();
  i18n.addResourceBundle(lang, "translation", texts);
}

// Each switch is numbered: when two overlap (a click on DE, then on EN before German has
// loaded), only the last one takes effect, whichever catalogue arrives first.
let latestSwitch = 0;

/**
 * Shows the language this machine used last (or the OS's) as soon as its texts are loaded,
 * before the core says which one is the user's; any real switch in the meantime wins.
 */
export function preloadLikelyLanguage(): void {
  const likely = initialLanguage(null, null);
  const before = latestSwitch;
  void loadCatalogue(likely)
    .then(() => {
      if (latestSwitch === before) return i18n.changeLanguage(likely);
    })
    .catch(() => undefined);
}

export async function switchLanguage(lang: Language): Promise<void> {
  const mine = ++latestSwitch;
  await loadCatalogue(lang);
  if (mine !== latestSwitch) return;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

void i18n.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  lng: "en",
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** One refused field, translated; `field` is the core's name for it. */
export type FieldMessage = { field: string; message: string };

function problemMessage(p: FieldProblem): string {
  return i18n.t(`errors.validation.${p.field}.${p.rule}`, { example: p.example ?? "", defaultValue: p.message });
}

/** Every refused field of a failed save, translated, in the core's order. */
export function fieldMessages(error: unknown): FieldMessage[] {
  if (!(error instanceof CommandError) || error.payload.code !== "validation") return [];
  return error.payload.problems.map((p) => ({ field: p.field, message: problemMessage(p) }));
}

/** The translated message for any failure; the core's English text is the fallback. */
export function errorMessage(error: unknown): string {
  if (error instanceof CommandError) {
    const { code, params, message, problems } = error.payload;
    if (code === "validation") {
      const all = problems.length > 0 ? problems : [{ field: params.field, rule: params.rule, message, example: null }];
      return all.map(problemMessage).join(" ");
    }
    return i18n.t(`errors.${code}`, { ...params, defaultValue: message });
  }
  return i18n.t("errors.internal");
}

export default i18n;
