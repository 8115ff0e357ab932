import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { preloadLikelyLanguage } from "./i18n";
import "./styles.css";
import { App } from "./App";
import { markStart } from "./startMarks";
import { settledWithin } from "./settledWithin";
import { startFirstRead } from "./startup";

// Module scripts run after every import above is evaluated.
markStart("scripts evaluated");
const first = startFirstRead();
preloadLikelyLanguage();

// The first render waits for the core's answer (a few milliseconds), so it draws the screen the
// person sees, not a splash first; a slow opening (a long migration) shows the splash meanwhile.
const SPLASH_AFTER_MS = 300;
void settledWithin(first.done, SPLASH_AFTER_MS).then(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App first={first} />
    </StrictMode>,
  ),
);
