import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { AnswerOption } from "../../bindings/AnswerOption";
import type { Course } from "../../bindings/Course";
import type { CourseInput } from "../../bindings/CourseInput";
import type { CoursePage } from "../../bindings/CoursePage";
import type { CourseQuestion } from "../../bindings/CourseQuestion";
import { Alert } from "../../components/Alert";
import { Field, Select, TextArea } from "../../components/Field";
import { useRecordsChanged } from "../../data/records";
import type { PageProps } from "../../screens/page";
import { useUnsaved } from "../../unsaved";
import { useAction } from "../../useAction";
import { CourseImage } from "./CourseImage";
import { Markdown } from "./Markdown";
import { parseEuro } from "./money";

type Props = PageProps & {
  tenantId: number;
  detail: Course | null;
  onSaved: (name: string) => void;
  onCreated: (id: number) => void;
};

const blankAnswer = (): AnswerOption => ({ text: "", correct: false });
const blankQuestion = (): CourseQuestion => ({
  id: null,
  text: "",
  explanation: "",
  answers: [{ text: "", correct: true }, blankAnswer()],
});

function inputOf(detail: Course | null, tenantId: number, language: string): CourseInput {
  if (detail) return detail.data;
  return {
    tenant_id: tenantId,
    name: "",
    description: "",
    language,
    pass_percent: 80,
    max_restarts: 0,
    price_cents: null,
    active: true,
    logo_image_id: null,
    passed_image_id: null,
    failed_image_id: null,
    pages: [{ id: null, title: "", body: "", image_id: null }],
    questions: [blankQuestion()],
  };
}

function priceText(cents: number | null): string {
  if (cents === null) return "";
  const value = Number(cents);
  return `${Math.trunc(value / 100)},${String(value % 100).padStart(2, "0")}`;
}

/** Moves item `i` of a list one place up (-1) or down (+1). */
function moved<T>(list: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/** The course itself: its settings and pictures, the pages in order, the questions with their answers. */
export function CourseContent({ session, tenantId, detail, onError, onSaved, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const editable = detail ? can(session, "course", "edit") : can(session, "course", "create");
  const [baseline, setBaseline] = useState(() =>
    inputOf(detail, tenantId, i18n.language.startsWith("de") ? "de" : "en"),
  );
  const [input, setInput] = useState(baseline);
  const [price, setPrice] = useState(() => priceText(baseline.price_cents));
  const [preview, setPreview] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  const { busy, error, run, fieldError, setError } = useAction(onError);
  const picking = useAction(onError);
  const changed = useRecordsChanged();
  const dirty = JSON.stringify(input) !== JSON.stringify(baseline) || price !== priceText(baseline.price_cents);
  useUnsaved("course-form", dirty && editable);
  const set = (patch: Partial<CourseInput>) => {
    setSaved(false);
    setInput((i) => ({ ...i, ...patch }));
  };
  const setPage = (n: number, patch: Partial<CoursePage>) =>
    set({ pages: input.pages.map((p, i) => (i === n ? { ...p, ...patch } : p)) });
  const setQuestion = (n: number, patch: Partial<CourseQuestion>) =>
    set({ questions: input.questions.map((q, i) => (i === n ? { ...q, ...patch } : q)) });
  const setAnswer = (n: number, a: number, patch: Partial<AnswerOption>) =>
    setQuestion(n, { answers: input.questions[n].answers.map((x, i) => (i === a ? { ...x, ...patch } : x)) });
  const priceCents = parseEuro(price);
  const priceInvalid = priceCents !== null && Number.isNaN(priceCents);

  function save(e: FormEvent) {
    e.preventDefault();
    if (priceInvalid) {
      setError(t("errors.validation.price.range"));
      return;
    }
    const course = { ...input, price_cents: priceCents };
    void run(async () => {
      const result = detail ? await api.updateCourse(detail.id, course) : await api.createCourse(course);
      await changed("courses", tenantId);
      setBaseline(result.data);
      setInput(result.data);
      setPrice(priceText(result.data.price_cents));
      setSaved(true);
      onSaved(result.data.name);
      if (!detail) onCreated(Number(result.id));
    });
  }

  /** Asks for a picture file and hands its stored id to `use`. */
  function choosePicture(use: (id: number) => void) {
    if (!detail) return;
    void picking.run(async () => {
      const image = await api.addCourseImage(detail.id, t("courses.imageTitle"));
      if (image) use(Number(image.id));
    });
  }

  const picture = (label: string, value: number | null, onChange: (id: number | null) => void, testId: string) => (
    <div className="picture-field" data-testid={testId}>
      <span className="label">{label}</span>
      {value !== null && <CourseImage id={Number(value)} alt={label} className="picture-thumb" onError={onError} />}
      {editable && detail && (
        <div className="row-actions">
          <button type="button" disabled={picking.busy} onClick={() => choosePicture((id) => onChange(id))}>
            {t("courses.chooseImage")}
          </button>
          {value !== null && (
            <button type="button" onClick={() => onChange(null)}>
              {t("courses.removeImage")}
            </button>
          )}
        </div>
      )}
    </div>
  );

  return (
    <form className="card register-form course-form" onSubmit={save} noValidate data-testid="course-form">
      <div className="grid-2">
        <Field
          label={t("courses.fields.name")}
          name="course_name"
          value={input.name}
          readOnly={!editable}
          error={fieldError("name")}
          data-testid="course-name"
          onChange={(e) => set({ name: e.target.value })}
        />
        <Select
          label={t("courses.fields.language")}
          value={input.language}
          disabled={!editable}
          data-testid="course-language"
          onChange={(e) => set({ language: e.target.value })}
        >
          <option value="de">{t("courses.languages.de")}</option>
          <option value="en">{t("courses.languages.en")}</option>
        </Select>
      </div>
      <TextArea
        label={t("courses.fields.description")}
        name="course_description"
        rows={2}
        value={input.description}
        readOnly={!editable}
        error={fieldError("description")}
        onChange={(e) => set({ description: e.target.value })}
      />
      <div className="grid-3">
        <Field
          label={t("courses.fields.passPercent")}
          name="pass_percent"
          type="number"
          min={1}
          max={100}
          value={input.pass_percent}
          readOnly={!editable}
          error={fieldError("pass_percent")}
          data-testid="course-pass-percent"
          onChange={(e) => set({ pass_percent: Number(e.target.value) })}
        />
        <Field
          label={t("courses.fields.maxRestarts")}
          name="max_restarts"
          type="number"
          min={0}
          hint={t("courses.maxRestartsHint")}
          value={input.max_restarts}
          readOnly={!editable}
          error={fieldError("max_restarts")}
          data-testid="course-max-restarts"
          onChange={(e) => set({ max_restarts: Math.max(0, Number(e.target.value)) })}
        />
        <Field
          label={t("courses.fields.price")}
          name="price"
          inputMode="decimal"
          hint={t("courses.priceHint")}
          value={price}
          readOnly={!editable}
          error={priceInvalid ? t("errors.validation.price.range") : fieldError("price")}
          data-testid="course-price"
          onChange={(e) => {
            setSaved(false);
            setPrice(e.target.value);
          }}
        />
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={input.active}
          disabled={!editable}
          data-testid="course-active"
          onChange={(e) => set({ active: e.target.checked })}
        />
        {t("courses.fields.active")}
      </label>

      <h3 className="subhead">{t("courses.pictures")}</h3>
      <p className="muted small">{detail ? t("courses.picturesHint") : t("courses.saveFirst")}</p>
      <div className="pictures">
        {picture(t("courses.fields.logo"), input.logo_image_id, (id) => set({ logo_image_id: id }), "course-logo")}
        {picture(
          t("courses.fields.passedImage"),
          input.passed_image_id,
          (id) => set({ passed_image_id: id }),
          "course-passed-image",
        )}
        {picture(
          t("courses.fields.failedImage"),
          input.failed_image_id,
          (id) => set({ failed_image_id: id }),
          "course-failed-image",
        )}
      </div>
      {(picking.error || fieldError("image")) && (
        <Alert kind="error" testId="course-image-error">
          {picking.error ?? fieldError("image")}
        </Alert>
      )}

      <h3 className="subhead">{t("courses.pages")}</h3>
      <p className="muted small">{t("courses.pagesHint")}</p>
      {fieldError("page_title", "page_body", "pages") && (
        <p className="field-error">{fieldError("page_title", "page_body", "pages")}</p>
      )}
      <ol className="course-parts">
        {input.pages.map((page, n) => (
          <li key={page.id ?? `new-${n}`} className="course-part" data-course-page={n + 1}>
            <div className="part-head">
              <strong>{t("courses.page", { n: n + 1 })}</strong>
              <div className="row-actions">
                <button type="button" onClick={() => setPreview(preview === n ? null : n)}>
                  {preview === n ? t("courses.hidePreview") : t("courses.preview")}
                </button>
                {editable && (
                  <>
                    <button type="button" disabled={n === 0} onClick={() => set({ pages: moved(input.pages, n, -1) })}>
                      {t("courses.moveUp")}
                    </button>
                    <button
                      type="button"
                      disabled={n === input.pages.length - 1}
                      onClick={() => set({ pages: moved(input.pages, n, 1) })}
                    >
                      {t("courses.moveDown")}
                    </button>
                    <button type="button" onClick={() => set({ pages: input.pages.filter((_, i) => i !== n) })}>
                      {t("courses.removePage")}
                    </button>
                  </>
                )}
              </div>
            </div>
            <Field
              label={t("courses.pageTitle")}
              value={page.title}
              readOnly={!editable}
              data-testid={`page-title-${n + 1}`}
              onChange={(e) => setPage(n, { title: e.target.value })}
            />
            <TextArea
              label={t("courses.pageBody")}
              rows={8}
              value={page.body}
              readOnly={!editable}
              data-testid={`page-body-${n + 1}`}
              onChange={(e) => setPage(n, { body: e.target.value })}
            />
            {picture(
              t("courses.pageImage"),
              page.image_id,
              (id) => setPage(n, { image_id: id }),
              `page-image-${n + 1}`,
            )}
            {preview === n && (
              <div className="course-preview" data-testid={`page-preview-${n + 1}`}>
                <h2>{page.title}</h2>
                <Markdown text={page.body} />
                {page.image_id !== null && (
                  <CourseImage id={Number(page.image_id)} alt={page.title} onError={onError} />
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
      {editable && (
        <button
          type="button"
          data-testid="add-page"
          onClick={() => set({ pages: [...input.pages, { id: null, title: "", body: "", image_id: null }] })}
        >
          {t("courses.addPage")}
        </button>
      )}

      <h3 className="subhead">{t("courses.questions")}</h3>
      <p className="muted small">{t("courses.questionsHint")}</p>
      {fieldError("questions", "question_text", "answers") && (
        <p className="field-error" data-testid="question-error">
          {fieldError("questions", "question_text", "answers")}
        </p>
      )}
      <ol className="course-parts">
        {input.questions.map((q, n) => (
          <li key={q.id ?? `new-${n}`} className="course-part" data-course-question={n + 1}>
            <div className="part-head">
              <strong>{t("courses.question", { n: n + 1 })}</strong>
              {editable && (
                <div className="row-actions">
                  <button
                    type="button"
                    disabled={n === 0}
                    onClick={() => set({ questions: moved(input.questions, n, -1) })}
                  >
                    {t("courses.moveUp")}
                  </button>
                  <button
                    type="button"
                    disabled={n === input.questions.length - 1}
                    onClick={() => set({ questions: moved(input.questions, n, 1) })}
                  >
                    {t("courses.moveDown")}
                  </button>
                  <button type="button" onClick={() => set({ questions: input.questions.filter((_, i) => i !== n) })}>
                    {t("courses.removeQuestion")}
                  </button>
                </div>
              )}
            </div>
            <TextArea
              label={t("courses.questionText")}
              rows={2}
              value={q.text}
              readOnly={!editable}
              data-testid={`question-text-${n + 1}`}
              onChange={(e) => setQuestion(n, { text: e.target.value })}
            />
            <fieldset className="answers" disabled={!editable}>
              {q.answers.map((a, i) => (
                <div key={i} className="answer-row">
                  <label className="check-inline">
                    <input
                      type="checkbox"
                      checked={a.correct}
                      data-testid={`answer-correct-${n + 1}-${i + 1}`}
                      onChange={(e) => setAnswer(n, i, { correct: e.target.checked })}
                    />
                    {t("courses.correct")}
                  </label>
                  <input
                    aria-label={t("courses.answer", { n: i + 1 })}
                    value={a.text}
                    data-testid={`answer-text-${n + 1}-${i + 1}`}
                    onChange={(e) => setAnswer(n, i, { text: e.target.value })}
                  />
                  <button
                    type="button"
                    aria-label={t("courses.removeAnswer")}
                    disabled={q.answers.length <= 2}
                    onClick={() => setQuestion(n, { answers: q.answers.filter((_, j) => j !== i) })}
                  >
                    ×
                  </button>
                </div>
              ))}
              {q.answers.length < 10 && (
                <button
                  type="button"
                  data-testid={`add-answer-${n + 1}`}
                  onClick={() => setQuestion(n, { answers: [...q.answers, blankAnswer()] })}
                >
                  {t("courses.addAnswer")}
                </button>
              )}
            </fieldset>
            <TextArea
              label={t("courses.explanation")}
              rows={2}
              value={q.explanation}
              readOnly={!editable}
              data-testid={`question-explanation-${n + 1}`}
              onChange={(e) => setQuestion(n, { explanation: e.target.value })}
            />
          </li>
        ))}
      </ol>
      {editable && (
        <button
          type="button"
          data-testid="add-question"
          onClick={() => set({ questions: [...input.questions, blankQuestion()] })}
        >
          {t("courses.addQuestion")}
        </button>
      )}

      {error && (
        <Alert kind="error" testId="course-error">
          {error}
        </Alert>
      )}
      {saved && !dirty && (
        <Alert kind="success" testId="course-saved">
          {t("common.saved")}
        </Alert>
      )}
      {editable && (
        <div className="actions sticky-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="save-course">
            {t("common.save")}
          </button>
        </div>
      )}
    </form>
  );
}
