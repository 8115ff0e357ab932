import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { DpiaCheckForm } from "../../bindings/DpiaCheckForm";
import type { RiskInput } from "../../bindings/RiskInput";
import { switchLanguage } from "../../i18n";
import { clearMocks, mockCommands, session } from "../../test/ipc";
import { renderWithData } from "../../test/render";
import { CheckPanel } from "./CheckPanel";
import { RiskMap } from "./RiskMap";
import { levelOf, verdictOf } from "./rules";

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

const matrix = {
  cells: [
    ["low", "low", "risk", "risk"],
    ["low", "risk", "risk", "high"],
    ["risk", "risk", "high", "high"],
    ["risk", "high", "high", "high"],
  ],
} as const;

test("the window's verdict follows the core's rule: statute or list decide, then the count of WP248 criteria", () => {
  expect(verdictOf([])).toEqual({ verdict: "not_needed", reasons: [] });
  expect(verdictOf(["scoring"]).verdict).toBe("recommended");
  expect(verdictOf(["scoring", "large_scale"]).verdict).toBe("required");
  expect(verdictOf(["scoring", "must:4"])).toEqual({ verdict: "required", reasons: ["must:4"] });
  expect(verdictOf(["art35_3_b"]).reasons).toEqual(["art35_3_b"]);
  expect(levelOf({ cells: matrix.cells.map((r) => [...r]) }, 3, 4)).toBe("high");
  expect(levelOf({ cells: matrix.cells.map((r) => [...r]) }, null, 4)).toBe(null);
});

const risk = (l: number | null, s: number | null, rl: number | null, rs: number | null): RiskInput => ({
  kind: "illegitimate_access",
  title: "",
  threats: "",
  sources: "",
  impacts: "",
  likelihood: l,
  severity: s,
  residual_likelihood: rl,
  residual_severity: rs,
  tom_ids: [],
});

test("the risk map colours every cell by the matrix, places each risk and draws an arrow only where it moved", () => {
  render(
    <RiskMap
      risks={[risk(3, 4, 1, 4), risk(2, 2, 2, 2), risk(null, null, null, null)]}
      matrix={{ cells: matrix.cells.map((r) => [...r]) }}
      name={(_, i) => `Risk ${i + 1}`}
    />,
  );
  expect(document.querySelectorAll("[data-cell]")).toHaveLength(16);
  expect(document.querySelector('[data-cell="4-4"]')?.getAttribute("class")).toContain("level-high");
  expect(document.querySelector('[data-cell="1-1"]')?.getAttribute("class")).toContain("level-low");
  expect(document.querySelectorAll("[data-risk-marker]")).toHaveLength(2);
  expect(document.querySelector('[data-arrow="1"]')).not.toBeNull();
  expect(document.querySelector('[data-arrow="2"]')).toBeNull();
  const marker = screen.getByRole("img", {
    name: /Risk 1, Risk 1: likelihood 3, severity 4; after measures likelihood 1, severity 4/,
  });
  expect(marker).toHaveAttribute("tabindex", "0");
});

test("the check suggests sensitive data from the record, shows the verdict at once and saves the ticked criteria", async () => {
  const form: DpiaCheckForm = {
    activity_id: 5,
    activity_name: "Pflegedokumentation",
    check: null,
    suggested: ["sensitive_data"],
    sensitive_categories: ["Gesundheitsdaten"],
    must_list: [{ number: 1, title: "Biometrische Daten", description: "", source: "" }],
    dpia_id: null,
  };
  const calls = mockCommands({
    dpia_check_form: () => form,
    check_dpia: (args) => ({
      activity_id: 5,
      criteria: args.input.criteria,
      verdict: "required",
      reasons: args.input.criteria,
      note: "",
      checked_at: "2026-11-30T10:00:00Z",
      checked_by: "Anna Meier",
    }),
  });
  let checked = 0;
  renderWithData(
    <CheckPanel
      session={session}
      tenantId={7}
      activityId={5}
      onError={() => false}
      onChecked={() => checked++}
      navigate={() => undefined}
    />,
  );
  const user = userEvent.setup();
  expect(await screen.findByTestId("suggest-sensitive")).toHaveTextContent("Gesundheitsdaten");
  expect(screen.getByTestId("dpia-verdict")).toHaveTextContent("No DPIA needed");
  expect(document.querySelector<HTMLInputElement>('[data-criterion="sensitive_data"]')?.checked).toBe(false);
  await user.click(document.querySelector('[data-criterion="sensitive_data"]')!);
  expect(screen.getByTestId("dpia-verdict")).toHaveTextContent("DPIA recommended");
  await user.click(document.querySelector('[data-criterion="vulnerable_subjects"]')!);
  expect(screen.getByTestId("dpia-verdict")).toHaveTextContent(
    "DPIA required — because: Sensitive or highly personal data; Vulnerable data subjects",
  );
  await user.click(screen.getByTestId("save-dpia-check"));
  await screen.findByTestId("dpia-check");
  expect(calls.find((c) => c.cmd === "check_dpia")?.args).toEqual({
    activityId: 5,
    input: { criteria: ["sensitive_data", "vulnerable_subjects"], note: "" },
  });
  await expect.poll(() => checked).toBe(1);
});
