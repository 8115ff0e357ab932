import { QueryClientProvider } from "@tanstack/react-query";
import { render, type RenderOptions } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import { createQueryClient } from "../data/records";

/** Renders a screen as the app does: below a record cache of its own, so no test sees another's data. */
export function renderWithData(ui: ReactElement, options: Omit<RenderOptions, "wrapper"> = {}) {
  const client = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return render(ui, { ...options, wrapper });
}
