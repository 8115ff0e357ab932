import { useTranslation } from "react-i18next";
import type { CompanyInput } from "../../bindings/CompanyInput";
import type { DpoCheck } from "../../bindings/DpoCheck";
import { Field, Select } from "../../components/Field";

const QUESTIONS: (keyof DpoCheck)[] = [
  "public_body",
  "large_scale_monitoring",
  "large_scale_special_categories",
  "twenty_persons_processing",
  "dpia_processing",
  "commercial_transfer_or_research",
];
const EMPTY: DpoCheck = {
  public_body: false,
  large_scale_monitoring: false,
  large_scale_special_categories: false,
  twenty_persons_processing: false,
  dpia_processing: false,
  commercial_transfer_or_research: false,
};

/** The DPO-requirement check (Art. 37 GDPR, § 38 BDSG) with its verdict at once, and the designated DPO. */
export function DpoSection({
  form,
  set,
  fieldError = () => null,
}: {
  form: CompanyInput;
  set: <K extends keyof CompanyInput>(key: K, value: CompanyInput[K]) => void;
  fieldError?: (field: string) => string | null;
}) {
  const { t } = useTranslation();
  const check = form.dpo_check ?? EMPTY;
  const reasons = QUESTIONS.filter((q) => check[q]);
  // A required DPO who is designated on the same page is no longer a warning.
  const designated = reasons.length > 0 && form.dpo.kind !== "" && form.dpo.name.trim() !== "";
  return (
    <>
      <fieldset className="card">
        <legend>{t("companies.dpoCheck.title")}</legend>
        {QUESTIONS.map((q) => (
          <label key={q} className="check">
            <input
              type="checkbox"
              name={`dpo_${q}`}
              checked={check[q]}
              onChange={(e) => set("dpo_check", { ...check, [q]: e.target.checked })}
            />
            <span>{t(`companies.dpoCheck.questions.${q}`)}</span>
          </label>
        ))}
        {form.dpo_check && (
          <div
            className={`verdict ${reasons.length ? (designated ? "designated" : "required") : "not-required"}`}
            data-testid="dpo-verdict"
            role="status"
          >
            <strong>{reasons.length ? t("companies.dpoCheck.required") : t("companies.dpoCheck.notRequired")}</strong>
            {designated && (
              <span className="designated" data-testid="dpo-designated">
                {" "}
                {t("companies.dpoCheck.designated", { name: form.dpo.name })} ✓
              </span>
            )}
            {reasons.length > 0 && (
              <ul>
                {reasons.map((r) => (
                  <li key={r}>{t(`companies.dpoCheck.reasons.${r}`)}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </fieldset>
      <fieldset className="card form-columns">
        <legend>{t("companies.dpo.title")}</legend>
        <Select
          label={t("companies.dpo.kind")}
          name="dpo_kind"
          error={fieldError("dpo_kind")}
          value={form.dpo.kind}
          onChange={(e) => set("dpo", { ...form.dpo, kind: e.target.value })}
        >
          <option value="">{t("companies.dpo.none")}</option>
          <option value="internal">{t("companies.dpo.internal")}</option>
          <option value="external">{t("companies.dpo.external")}</option>
        </Select>
        {(["name", "email", "phone", "address"] as const).map((f) => (
          <Field
            key={f}
            label={t(`companies.dpo.${f}`)}
            name={`dpo_${f}`}
            type={f === "email" ? "email" : "text"}
            error={fieldError(`dpo_${f}`)}
            value={form.dpo[f]}
            onChange={(e) => set("dpo", { ...form.dpo, [f]: e.target.value })}
          />
        ))}
      </fieldset>
    </>
  );
}
