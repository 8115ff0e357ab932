import { afterEach, expect, test } from "vitest";
import { formatSize } from "./format";
import { switchLanguage } from "./i18n";

afterEach(() => switchLanguage("en"));

test("sizes are written in the app's language, with a decimal comma in German", async () => {
  await switchLanguage("de");
  expect(formatSize(420 * 1024)).toBe("420 KB");
  expect(formatSize(0.4 * 1024 * 1024 + 1024 * 1024)).toBe("1,4 MB");
  expect(formatSize(2500 * 1024 * 1024)).toBe("2.500,0 MB");
  await switchLanguage("en");
  expect(formatSize(1.4 * 1024 * 1024)).toBe("1.4 MB");
  expect(formatSize(10)).toBe("1 KB");
});
