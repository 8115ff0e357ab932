import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { preloadLikelyLanguage } from "./i18n";
import "./styles.css";
import { App, askStartupState } from "./App";
import { markStart } from "./startMarks";

// Module scripts run after every import above is evaluated.
markStart("scripts evaluated");
askStartupState();
preloadLikelyLanguage();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
