import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { ImprintDraft } from "../../bindings/ImprintDraft";
import type { ImprintForm } from "../../bindings/ImprintForm";
import type { WebsiteText } from "../../bindings/WebsiteText";
import { Alert } from "../../components/Alert";
import { Field, Select, TextArea } from "../../components/Field";
import { useGuard, useUnsaved } from "../../unsaved";
import { useAction } from "../../useAction";
import { TextResult } from "./TextResult";

/** The imprint generator (seed 004 "Impressum erstellen"): the company's data, the form for the rest, the text. */
export function ImprintPage({
  companyId,
  canSave,
  onError,
  onEditCompany,
}: {
  companyId: number;
  canSave: boolean;
  onError: (e: unknown) => boolean;
  onEditCompany: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<ImprintDraft | null>(null);
  const [form, setForm] = useState<ImprintForm | null>(null);
  const [language, setLanguage] = useState(i18n.language === "de" ? "de" : "en");
  const [text, setText] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [saved, setSaved] = useState<WebsiteText | null>(null);
  // Edited but not saved: leaving, switching or generating again asks first.
  const [dirty, setDirty] = useState(false);
  useUnsaved("imprint-text", dirty);
  const { confirmLeave } = useGuard();
  const load = useAction(onError);
  const generating = useAction(onError);
  const saving = useAction(onError);
  useEffect(() => {
    void load.run(async () => {
      const d = await api.imprint(companyId);
      setDraft(d);
      setForm(d.form);
      setSaved(d.saved);
      setText(d.saved?.text ?? null);
      if (d.saved) setLanguage(d.saved.language);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only for another company
  }, [companyId]);
  if (!draft || !form) return load.error ? <Alert kind="error">{load.error}</Alert> : null;
  const c = draft.company;
  const set = <K extends keyof ImprintForm>(key: K, value: ImprintForm[K]) => setForm({ ...form, [key]: value });
  const address = [c.street, `${c.postal_code} ${c.city}`.trim(), c.country].filter((s) => s.trim()).join(", ");
  return (
    <>
      <section className="card" aria-labelledby="imprint-company">
        <h2 id="imprint-company">{t("websiteTexts.fromCompany")}</h2>
        <dl className="facts" data-testid="imprint-company-data">
          <dt>{t("companies.fields.name")}</dt>
          <dd>{[c.name, c.legal_form].filter(Boolean).join(" ") || "—"}</dd>
          <dt>{t("websiteTexts.address")}</dt>
          <dd>{address || "—"}</dd>
          <dt>{t("websiteTexts.contact")}</dt>
          <dd>{[c.phone, c.email, c.website].filter(Boolean).join(" · ") || "—"}</dd>
          <dt>{t("websiteTexts.register")}</dt>
          <dd>{[c.register_court, c.register_number].filter(Boolean).join(" ") || "—"}</dd>
          <dt>{t("websiteTexts.vatId")}</dt>
          <dd>{c.vat_id || "—"}</dd>
        </dl>
        <button type="button" className="link" onClick={onEditCompany}>
          {t("websiteTexts.editCompany")}
        </button>
      </section>
      <section className="card" aria-labelledby="imprint-form">
        <h2 id="imprint-form">{t("websiteTexts.imprintForm")}</h2>
        <div className="website-form">
          <TextArea
            label={t("websiteTexts.representedBy")}
            name="represented_by"
            rows={2}
            value={form.represented_by}
            hint={t("websiteTexts.representedByHint")}
            onChange={(e) => set("represented_by", e.target.value)}
          />
          <Select
            label={t("websiteTexts.registerKind")}
            name="register"
            value={form.register}
            onChange={(e) => set("register", e.target.value)}
          >
            <option value="">{t("websiteTexts.registerNone")}</option>
            {(["commercial", "association", "partnership", "cooperative"] as const).map((r) => (
              <option key={r} value={r}>
                {t(`websiteTexts.registers.${r}`)}
              </option>
            ))}
          </Select>
          <Field
            label={t("websiteTexts.shareCapital")}
            name="share_capital"
            value={form.share_capital}
            onChange={(e) => set("share_capital", e.target.value)}
          />
          <Field
            label={t("websiteTexts.economicId")}
            name="economic_id"
            value={form.economic_id}
            onChange={(e) => set("economic_id", e.target.value)}
          />
          <Field
            label={t("websiteTexts.authority")}
            name="supervisory_authority"
            value={form.supervisory_authority}
            hint={t("websiteTexts.authorityHint")}
            onChange={(e) => set("supervisory_authority", e.target.value)}
          />
          <Field
            label={t("websiteTexts.chamber")}
            name="chamber"
            value={form.chamber}
            onChange={(e) => set("chamber", e.target.value)}
          />
          <Field
            label={t("websiteTexts.professionalTitle")}
            name="professional_title"
            value={form.professional_title}
            onChange={(e) => set("professional_title", e.target.value)}
          />
          <Field
            label={t("websiteTexts.titleState")}
            name="title_state"
            value={form.title_state}
            onChange={(e) => set("title_state", e.target.value)}
          />
          <TextArea
            label={t("websiteTexts.professionalRules")}
            name="professional_rules"
            rows={2}
            value={form.professional_rules}
            onChange={(e) => set("professional_rules", e.target.value)}
          />
          <TextArea
            label={t("websiteTexts.editorial")}
            name="editorial"
            rows={2}
            value={form.editorial}
            hint={t("websiteTexts.editorialHint")}
            onChange={(e) => set("editorial", e.target.value)}
          />
          <Select
            label={t("websiteTexts.dispute")}
            name="dispute_resolution"
            value={form.dispute_resolution}
            onChange={(e) => set("dispute_resolution", e.target.value)}
          >
            <option value="">{t("websiteTexts.disputeNone")}</option>
            <option value="not_willing">{t("websiteTexts.disputeNotWilling")}</option>
            <option value="willing">{t("websiteTexts.disputeWilling")}</option>
          </Select>
          <TextArea
            label={t("websiteTexts.extra")}
            name="extra"
            rows={2}
            value={form.extra}
            onChange={(e) => set("extra", e.target.value)}
          />
          <Select
            label={t("reports.language")}
            name="imprint_language"
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
          >
            <option value="de">Deutsch</option>
            <option value="en">English</option>
          </Select>
        </div>
        <label className="check">
          <input
            type="checkbox"
            name="in_liquidation"
            checked={form.in_liquidation}
            onChange={(e) => set("in_liquidation", e.target.checked)}
          />
          {t("websiteTexts.inLiquidation")}
        </label>
        <p className="muted small">{t("websiteTexts.odrHint")}</p>
        <div className="actions start">
          <button
            type="button"
            className="primary"
            disabled={generating.busy}
            data-testid="imprint-generate"
            onClick={() =>
              void generating.run(async () => {
                if (dirty && !(await confirmLeave())) return;
                const generated = await api.generateImprint(companyId, form, language);
                setText(generated.text);
                setMissing(generated.missing);
                setDirty(false);
              })
            }
          >
            {t("websiteTexts.generateImprint")}
          </button>
        </div>
        {generating.error && <Alert kind="error">{generating.error}</Alert>}
      </section>
      {text !== null && (
        <TextResult
          id="imprint"
          text={text}
          onText={(edited) => {
            setText(edited);
            setDirty(true);
          }}
          missing={missing}
          saved={saved}
          canSave={canSave}
          saving={saving.busy}
          onError={onError}
          onSave={() =>
            void saving.run(async () => {
              setSaved(await api.saveImprint(companyId, form, text, language));
              setDirty(false);
            })
          }
        />
      )}
      {saving.error && <Alert kind="error">{saving.error}</Alert>}
    </>
  );
}
