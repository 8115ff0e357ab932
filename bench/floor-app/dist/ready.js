// After the first paint, as DPO Desk reports its sign-in screen: one command through the IPC.
requestAnimationFrame(() =>
  requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke("ui_ready")),
);
