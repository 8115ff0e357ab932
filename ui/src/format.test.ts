import { afterEach, expect, test } from "vitest";
import { formatDateTime, formatDay, formatSize } from "./format";
import { switchLanguage } from "./i18n";

afterEach(() => switchLanguage("en"));

test("sizes are written in the app's language, with a decimal comma in German, and nothing as 0 KB", async () => {
  await switchLanguage("de");
  expect(formatSize(420 * 1024)).toBe("420 KB");
  expect(formatSize(0.4 * 1024 * 1024 + 1024 * 1024)).toBe("1,4 MB");
  expect(formatSize(2500 * 1024 * 1024)).toBe("2.500,0 MB");
  await switchLanguage("en");
  expect(formatSize(1.4 * 1024 * 1024)).toBe("1.4 MB");
  expect(formatSize(10)).toBe("1 KB");
  expect(formatSize(0)).toBe("0 KB");
});

test("dates are written in the app's language whatever the OS locale", async () => {
  await switchLanguage("de");
  expect(formatDay("2026-03-13")).toBe("13.03.2026");
  expect(formatDateTime("2026-03-13T14:05:00")).toBe("13.03.2026, 14:05");
  await switchLanguage("en");
  expect(formatDay("2026-03-13")).toBe("13 Mar 2026");
  expect(formatDateTime("2026-03-13T14:05:00")).toBe("13 Mar 2026, 14:05");
});
