import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import i18n from "../i18n";
import de from "../locales/de.json";
import en from "../locales/en.json";

afterEach(() => cleanup());

// jsdom lays nothing out, so it has no scrolling; the window's WebKit has.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

// The window loads a language's texts when it is chosen; components rendered alone here
// find both in place, as before any switch.
i18n.addResourceBundle("en", "translation", en);
i18n.addResourceBundle("de", "translation", de);
