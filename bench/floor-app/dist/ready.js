// After the first paint, as DPO Desk reports its sign-in screen: one command through the IPC,
// with the page's own clock (for the same start trace as the app's).
requestAnimationFrame(() =>
  requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke("ui_ready", { pageMs: performance.now() })),
);
