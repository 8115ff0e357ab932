import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The UI lives in ui/; Tauri loads ui/dist (see tauri.conf.json).
export default defineConfig({
  root: "ui",
  plugins: [react()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { outDir: "dist", emptyOutDir: true, target: "safari15", sourcemap: false },
  test: {
    root: ".",
    environment: "jsdom",
    include: ["ui/src/**/*.test.{ts,tsx}"],
    setupFiles: ["ui/src/test/setup.ts"],
  },
});
