import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { PolicyQuestion } from "../../bindings/PolicyQuestion";
import type { PrivacyAnswers } from "../../bindings/PrivacyAnswers";
import type { PrivacyPolicyDraft } from "../../bindings/PrivacyPolicyDraft";
import type { WebsiteText } from "../../bindings/WebsiteText";
import { Alert } from "../../components/Alert";
import { Field, Select } from "../../components/Field";
import { useGuard, useUnsaved } from "../../unsaved";
import { useAction } from "../../useAction";
import { TextResult } from "./TextResult";

const STEPS = ["website", "activities", "own", "text"] as const;
type Step = (typeof STEPS)[number];

/**
 * The privacy-policy generator (seed 004 "Datenschutzerklärung erstellen"): questions about the website in
 * steps, the processing activities the policy is based on, own questions and text blocks, then the text.
 */
export function PrivacyPolicyPage({
  companyId,
  canSave,
  onError,
}: {
  companyId: number;
  canSave: boolean;
  onError: (e: unknown) => boolean;
}) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState(i18n.language === "de" ? "de" : "en");
  const [draft, setDraft] = useState<PrivacyPolicyDraft | null>(null);
  const [answers, setAnswers] = useState<PrivacyAnswers | null>(null);
  const [step, setStep] = useState<Step>("website");
  const [text, setText] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [saved, setSaved] = useState<WebsiteText | null>(null);
  const [dirty, setDirty] = useState(false);
  useUnsaved("privacy-policy-text", dirty);
  const { confirmLeave } = useGuard();
  // A saved policy reopens in the language it was written in.
  const [languageFromSaved, setLanguageFromSaved] = useState(false);
  const load = useAction(onError);
  const generating = useAction(onError);
  const saving = useAction(onError);
  useEffect(() => {
    let current = true;
    void load.run(async () => {
      const d = await api.privacyPolicy(companyId, language);
      // A newer request (another language) answers for itself.
      if (!current) return;
      if (!languageFromSaved && d.saved) {
        setLanguageFromSaved(true);
        if (d.saved.language !== language) {
          setLanguage(d.saved.language);
          return;
        }
      }
      setDraft(d);
      setAnswers((kept) => kept ?? d.answers);
      setSaved(d.saved);
      setText((kept) => kept ?? d.saved?.text ?? null);
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload for another company or language
  }, [companyId, language]);
  if (!draft || !answers) return load.error ? <Alert kind="error">{load.error}</Alert> : null;

  const answered = (key: string) => answers.answered.find((a) => a.key === key);
  const toggle = (q: PolicyQuestion, on: boolean) =>
    setAnswers({
      ...answers,
      answered: on
        ? [...answers.answered, { key: q.key, fields: {} }]
        : answers.answered.filter((a) => a.key !== q.key),
    });
  const setField = (key: string, field: string, value: string) =>
    setAnswers({
      ...answers,
      answered: answers.answered.map((a) => (a.key === key ? { ...a, fields: { ...a.fields, [field]: value } } : a)),
    });
  const generate = () =>
    void generating.run(async () => {
      if (dirty && !(await confirmLeave())) return;
      const generated = await api.generatePrivacyPolicy(companyId, answers, language);
      setText(generated.text);
      setMissing(generated.missing);
      setDirty(false);
      setStep("text");
    });
  const groups = [...new Set(draft.questions.map((q) => q.step))];
  return (
    <>
      <ol className="steps" aria-label={t("websiteTexts.policySteps")}>
        {STEPS.map((s, i) => (
          <li key={s} className={s === step ? "current" : ""} aria-current={s === step ? "step" : undefined}>
            <button type="button" className="link" data-step={s} onClick={() => setStep(s)}>
              <span className="step-number">{i + 1}</span> {t(`websiteTexts.steps.${s}`)}
            </button>
          </li>
        ))}
      </ol>
      {step === "website" && (
        <section className="card" aria-labelledby="policy-website">
          <h2 id="policy-website">{t("websiteTexts.steps.website")}</h2>
          <p className="muted">{t("websiteTexts.websiteIntro")}</p>
          {groups.map((group) => (
            <fieldset key={group} className="policy-group">
              <legend>{t(`websiteTexts.groups.${group}`, { defaultValue: group })}</legend>
              {draft.questions
                .filter((q) => q.step === group)
                .map((q) => {
                  const answer = answered(q.key);
                  return (
                    <div key={q.key} className="policy-question" data-question={q.key}>
                      <label className="check">
                        <input
                          type="checkbox"
                          name={`question_${q.key}`}
                          checked={!!answer}
                          onChange={(e) => toggle(q, e.target.checked)}
                        />
                        <span>
                          <span className="strong">{q.question}</span>
                          <span className="hint"> {q.help}</span>
                        </span>
                      </label>
                      {answer &&
                        q.fields.map((f) => (
                          <Field
                            key={f.key}
                            label={f.required ? `${f.label} *` : f.label}
                            name={`${q.key}_${f.key}`}
                            value={answer.fields[f.key] ?? ""}
                            onChange={(e) => setField(q.key, f.key, e.target.value)}
                          />
                        ))}
                    </div>
                  );
                })}
            </fieldset>
          ))}
          <div className="actions">
            <button type="button" className="primary" onClick={() => setStep("activities")}>
              {t("common.next")}
            </button>
          </div>
        </section>
      )}
      {step === "activities" && (
        <section className="card" aria-labelledby="policy-activities">
          <h2 id="policy-activities">{t("websiteTexts.steps.activities")}</h2>
          <p className="muted">{t("websiteTexts.activitiesIntro")}</p>
          {draft.activities.length === 0 && <Alert kind="info">{t("websiteTexts.noActivities")}</Alert>}
          {draft.activities.map((a) => (
            <label key={a.id} className="check" data-policy-activity={a.name}>
              <input
                type="checkbox"
                checked={answers.activity_ids.includes(a.id)}
                onChange={(e) =>
                  setAnswers({
                    ...answers,
                    activity_ids: e.target.checked
                      ? [...answers.activity_ids, a.id]
                      : answers.activity_ids.filter((id) => id !== a.id),
                  })
                }
              />
              <span>
                <span className="strong">{a.name}</span> <span className="muted small">· {a.area_name}</span>
                {a.purposes && <span className="hint"> {a.purposes}</span>}
              </span>
            </label>
          ))}
          <div className="actions">
            <button type="button" onClick={() => setStep("website")}>
              {t("common.back")}
            </button>
            <button type="button" className="primary" onClick={() => setStep("own")}>
              {t("common.next")}
            </button>
          </div>
        </section>
      )}
      {step === "own" && (
        <section className="card" aria-labelledby="policy-own">
          <h2 id="policy-own">{t("websiteTexts.steps.own")}</h2>
          <p className="muted">{t("websiteTexts.ownIntro")}</p>
          {answers.own.map((o, i) => (
            <div key={i} className="policy-own" data-own-block={i}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={o.included}
                  onChange={(e) =>
                    setAnswers({
                      ...answers,
                      own: answers.own.map((x, j) => (j === i ? { ...x, included: e.target.checked } : x)),
                    })
                  }
                />
                {t("websiteTexts.ownIncluded")}
              </label>
              <Field
                label={t("websiteTexts.ownTitle")}
                name={`own_title_${i}`}
                value={o.title}
                onChange={(e) =>
                  setAnswers({
                    ...answers,
                    own: answers.own.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)),
                  })
                }
              />
              <label className="field">
                <span className="label">{t("websiteTexts.ownText")}</span>
                <textarea
                  name={`own_text_${i}`}
                  rows={4}
                  value={o.text}
                  onChange={(e) =>
                    setAnswers({
                      ...answers,
                      own: answers.own.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)),
                    })
                  }
                />
              </label>
              <button
                type="button"
                className="ghost"
                onClick={() => setAnswers({ ...answers, own: answers.own.filter((_, j) => j !== i) })}
              >
                {t("websiteTexts.ownRemove")}
              </button>
            </div>
          ))}
          <button
            type="button"
            data-testid="policy-add-own"
            onClick={() => setAnswers({ ...answers, own: [...answers.own, { title: "", text: "", included: true }] })}
          >
            {t("websiteTexts.ownAdd")}
          </button>
          <Field
            label={t("websiteTexts.complaintAuthority")}
            name="policy_authority"
            value={answers.authority}
            hint={t("websiteTexts.complaintAuthorityHint")}
            onChange={(e) => setAnswers({ ...answers, authority: e.target.value })}
          />
          <Select
            label={t("reports.language")}
            name="policy_language"
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
          >
            <option value="de">Deutsch</option>
            <option value="en">English</option>
          </Select>
          <div className="actions">
            <button type="button" onClick={() => setStep("activities")}>
              {t("common.back")}
            </button>
            <button
              type="button"
              className="primary"
              disabled={generating.busy}
              onClick={generate}
              data-testid="policy-generate"
            >
              {t("websiteTexts.generatePolicy")}
            </button>
          </div>
          {generating.error && <Alert kind="error">{generating.error}</Alert>}
        </section>
      )}
      {step === "text" &&
        (text === null ? (
          <section className="card">
            <p className="muted">{t("websiteTexts.noTextYet")}</p>
            <button type="button" className="primary" onClick={generate} data-testid="policy-generate-now">
              {t("websiteTexts.generatePolicy")}
            </button>
          </section>
        ) : (
          <TextResult
            id="policy"
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
                setSaved(await api.savePrivacyPolicy(companyId, answers, text, language));
                setDirty(false);
              })
            }
          />
        ))}
      {saving.error && <Alert kind="error">{saving.error}</Alert>}
    </>
  );
}
