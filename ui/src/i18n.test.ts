import { afterEach, expect, test } from "vitest";
import i18n, { switchLanguage } from "./i18n";
import de from "./locales/de.json";

afterEach(() => {
  if (!i18n.hasResourceBundle("de", "translation")) i18n.addResourceBundle("de", "translation", de);
  return switchLanguage("en");
});

test("two quick language switches: the last one wins, even when the first one's texts arrive later", async () => {
  await switchLanguage("en");
  // German is not loaded yet (as at the start of the window): its texts come in a chunk of their own.
  i18n.removeResourceBundle("de", "translation");
  const german = switchLanguage("de");
  const english = switchLanguage("en");
  await Promise.all([german, english]);
  expect(i18n.language).toBe("en");
  expect(localStorage.getItem("dpo-desk.language")).toBe("en");
  expect(document.documentElement.lang).toBe("en");
  // German's texts did load, and choosing German now shows them.
  await switchLanguage("de");
  expect(i18n.t("common.loading")).toBe(de.common.loading);
});
