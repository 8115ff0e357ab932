import { expect, test } from "vitest";
import de from "./de.json";
import en from "./en.json";

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") keys.set(path, value);
    else for (const [inner, text] of flatten(value, path)) keys.set(inner, text);
  }
  return keys;
}

const german = flatten(de);
const english = flatten(en);
const PLURALS = ["zero", "one", "two", "few", "many", "other"];
/** A key as the window asks for it: plural forms count under their base key. */
const asked = new Set([...english.keys()].map((key) => key.replace(new RegExp(`_(${PLURALS.join("|")})$`), "")));

// The window's own sources, not the tests (their made-up headers are not texts) nor the generated bindings.
const sources = Object.entries(
  import.meta.glob("../**/*.{ts,tsx}", { query: "?raw", import: "default", eager: true }) as Record<string, string>,
).filter(([path]) => !/\.test\.tsx?$/.test(path) && !path.includes("/bindings/") && !path.startsWith("../test/"));

test("German and English have exactly the same keys, and no text is empty", () => {
  expect([...german.keys()].filter((key) => !english.has(key))).toEqual([]);
  expect([...english.keys()].filter((key) => !german.has(key))).toEqual([]);
  expect([...german, ...english].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
});

test("every key the window names in its sources exists in English, and every dynamic key's fixed start names some", () => {
  expect(sources.length).toBeGreaterThan(50);
  const missing: string[] = [];
  const literal = /\bt\(\s*"([^"]+)"|\bt\(\s*`([^`$]+)`|\bheader: "([^"]+)"/g;
  const dynamic = /\bt\(\s*`([^`$]*)\$\{/g;
  for (const [path, text] of sources) {
    for (const match of text.matchAll(literal)) {
      const key = match[1] ?? match[2] ?? match[3];
      if (!asked.has(key)) missing.push(`${path}: ${key}`);
    }
    for (const match of text.matchAll(dynamic)) {
      const start = match[1];
      if (![...english.keys()].some((key) => key.startsWith(start))) missing.push(`${path}: ${start}…`);
    }
  }
  expect(missing).toEqual([]);
});
