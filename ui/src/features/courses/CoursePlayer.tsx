import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { AttemptView } from "../../bindings/AttemptView";
import type { CoursePlayer as Player } from "../../bindings/CoursePlayer";
import type { PlayerQuestion } from "../../bindings/PlayerQuestion";
import { Alert } from "../../components/Alert";
import { useRecordsChanged } from "../../data/records";
import { useAction } from "../../useAction";
import { ReportStatus } from "../reports/ReportStatus";
import { useReport } from "../reports/useReport";
import { CourseImage } from "./CourseImage";
import { Markdown } from "./Markdown";

type Props = { assignmentId: number; onError: (e: unknown) => boolean; onClose: () => void };

/** Taking a course: its pages in order, then the questions one by one with feedback, then the result. */
export function CoursePlayer({ assignmentId, onError, onClose }: Props) {
  const { t } = useTranslation();
  const [player, setPlayer] = useState<Player | null>(null);
  const [step, setStep] = useState(0);
  const action = useAction(onError);
  const changed = useRecordsChanged();
  const report = useReport(onError);

  useEffect(() => {
    void action.run(async () => {
      const opened = await api.openCourse(assignmentId);
      setPlayer(opened);
      setStep(opened.attempt?.step ?? 0);
    });
    // Opened once per assignment; `action` is stable enough for this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [assignmentId]);

  if (!player) return action.error ? <Alert kind="error">{action.error}</Alert> : <p className="muted">…</p>;
  const attempt = player.attempt;
  const running = attempt !== null && attempt.result === null;
  const pages = player.pages;

  const start = () =>
    void action.run(async () => {
      const started = await api.startCourse(assignmentId);
      setPlayer(started);
      setStep(started.attempt?.step ?? 0);
      await changed("my-courses", null);
    });
  /** Moves to another step and keeps it, so closing the window resumes here. */
  const go = (next: number) => {
    if (!attempt) return;
    setStep(next);
    void api.setCourseStep(Number(attempt.id), next).catch(onError);
  };
  const withAttempt = (view: AttemptView) => setPlayer({ ...player, attempt: view });

  const header = (
    <div className="page-head">
      <div className="course-title">
        {player.logo_image_id !== null && (
          <CourseImage id={Number(player.logo_image_id)} alt="" className="course-logo" onError={onError} />
        )}
        <div>
          <h1>{player.name}</h1>
          <p className="muted small">{t("myCourses.passMark", { percent: player.pass_percent })}</p>
        </div>
      </div>
      <button type="button" data-testid="player-back" onClick={onClose}>
        {t("myCourses.back")}
      </button>
    </div>
  );

  if (!running) {
    const result = attempt?.result ?? null;
    const left = player.assignment.restarts_left;
    return (
      <>
        {header}
        <section className="card player" data-testid="course-intro">
          {result ? (
            <Result player={player} attempt={attempt!} onError={onError} />
          ) : (
            <Markdown text={player.description} />
          )}
          {player.can_start && (
            <>
              {result && (
                <p className="muted" data-testid="restarts-left">
                  {left === null ? t("myCourses.unlimited") : t("myCourses.restartsLeft", { count: left })}
                </p>
              )}
              <button
                type="button"
                className="primary"
                disabled={action.busy}
                data-testid="start-course"
                onClick={start}
              >
                {result ? t("myCourses.restart") : t("myCourses.start")}
              </button>
            </>
          )}
          {result && !result.passed && !player.can_start && (
            <Alert kind="warning" testId="no-more-attempts">
              {t("myCourses.noMore")}
            </Alert>
          )}
          {result?.passed && (
            <>
              <button
                type="button"
                className="primary"
                disabled={report.busy}
                data-testid="save-certificate"
                onClick={() =>
                  void report.run((progress) =>
                    api.makeReport(
                      { report: "certificate", assignment_id: assignmentId, language: null },
                      t("myCourses.certificateTitle"),
                      progress,
                    ),
                  )
                }
              >
                {t("myCourses.certificate")}
              </button>
              <ReportStatus report={report} testId="certificate-report" />
            </>
          )}
          {action.error && <Alert kind="error">{action.error}</Alert>}
        </section>
      </>
    );
  }

  const questions = attempt.questions;
  const onPage = step < pages.length;
  const q = onPage ? null : (questions[step - pages.length] ?? null);
  return (
    <>
      {header}
      <section className="card player" data-testid="course-player">
        <p className="muted small" data-testid="player-position">
          {onPage
            ? t("myCourses.pageOf", { n: step + 1, total: pages.length })
            : q
              ? t("myCourses.questionOf", { n: step - pages.length + 1, total: questions.length })
              : ""}
        </p>
        {onPage && (
          <article data-testid="course-page">
            <h2>{pages[step].title}</h2>
            <Markdown text={pages[step].body} />
            {pages[step].image_id !== null && (
              <CourseImage id={Number(pages[step].image_id)} alt={pages[step].title} onError={onError} />
            )}
            <div className="actions">
              <button type="button" disabled={step === 0} data-testid="player-previous" onClick={() => go(step - 1)}>
                {t("myCourses.previous")}
              </button>
              <button type="button" className="primary" data-testid="player-next" onClick={() => go(step + 1)}>
                {step + 1 < pages.length ? t("myCourses.next") : t("myCourses.toQuestions")}
              </button>
            </div>
          </article>
        )}
        {q && (
          <Question
            key={String(q.question_id)}
            question={q}
            busy={action.busy}
            onAnswer={(chosen) =>
              void action.run(async () =>
                withAttempt(await api.answerQuestion(Number(attempt.id), Number(q.question_id), chosen)),
              )
            }
            onNext={() => go(step + 1)}
            onBack={pages.length > 0 && step === pages.length ? () => go(step - 1) : null}
          />
        )}
        {!onPage && !q && (
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={action.busy}
              data-testid="finish-attempt"
              onClick={() =>
                void action.run(async () => {
                  withAttempt(await api.finishAttempt(Number(attempt.id)));
                  setPlayer(await api.openCourse(assignmentId));
                  await changed("my-courses", null);
                })
              }
            >
              {t("myCourses.finish")}
            </button>
          </div>
        )}
        {action.error && <Alert kind="error">{action.error}</Alert>}
      </section>
    </>
  );
}

function Question({
  question,
  busy,
  onAnswer,
  onNext,
  onBack,
}: {
  question: PlayerQuestion;
  busy: boolean;
  onAnswer: (chosen: number[]) => void;
  onNext: () => void;
  onBack: (() => void) | null;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<number[]>(question.chosen ?? []);
  const feedback = question.feedback;
  const answered = feedback !== null;
  const correct = new Set(feedback?.correct_positions ?? []);
  const toggle = (position: number, on: boolean) =>
    setChosen(question.multiple ? (on ? [...chosen, position] : chosen.filter((p) => p !== position)) : [position]);
  return (
    <form
      data-testid="course-question"
      onSubmit={(e) => {
        e.preventDefault();
        if (!answered) onAnswer(chosen);
      }}
    >
      <h2>{question.text}</h2>
      <p className="muted small">{question.multiple ? t("myCourses.several") : t("myCourses.one")}</p>
      <fieldset className="player-answers" disabled={answered}>
        <legend className="sr-only">{question.text}</legend>
        {question.answers.map((a) => {
          const position = Number(a.position);
          const picked = chosen.includes(position);
          const mark = answered ? (correct.has(position) ? "answer-right" : picked ? "answer-wrong" : "") : "";
          return (
            <label key={position} className={`player-answer ${mark}`} data-answer={a.text}>
              <input
                type={question.multiple ? "checkbox" : "radio"}
                name={`question-${question.question_id}`}
                checked={picked}
                onChange={(e) => toggle(position, e.target.checked)}
              />
              <span>{a.text}</span>
            </label>
          );
        })}
      </fieldset>
      {feedback && (
        <Alert kind={feedback.correct ? "success" : "warning"} testId="answer-feedback">
          <strong>{feedback.correct ? t("myCourses.right") : t("myCourses.wrong")}</strong> {feedback.explanation}
        </Alert>
      )}
      <div className="actions">
        {onBack && !answered && (
          <button type="button" onClick={onBack}>
            {t("myCourses.previous")}
          </button>
        )}
        {!answered ? (
          <button
            type="submit"
            className="primary"
            disabled={busy || chosen.length === 0}
            data-testid="answer-question"
          >
            {t("myCourses.answer")}
          </button>
        ) : (
          <button type="button" className="primary" data-testid="next-question" onClick={onNext}>
            {t("myCourses.nextQuestion")}
          </button>
        )}
      </div>
    </form>
  );
}

function Result({
  player,
  attempt,
  onError,
}: {
  player: Player;
  attempt: AttemptView;
  onError: (e: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const result = attempt.result!;
  const image = result.passed ? player.passed_image_id : player.failed_image_id;
  return (
    <div
      className={`result ${result.passed ? "result-passed" : "result-failed"}`}
      data-testid="attempt-result"
      data-passed={result.passed}
    >
      <p className="muted small">{t("myCourses.attempt", { n: attempt.number })}</p>
      <h2>
        {result.passed
          ? t("myCourses.resultPassed", { score: result.score_percent })
          : t("myCourses.resultFailed", { score: result.score_percent })}
      </h2>
      <p>
        {t("myCourses.resultDetail", { correct: result.correct, total: result.total, percent: player.pass_percent })}
      </p>
      {image !== null && <CourseImage id={Number(image)} alt="" className="result-image" onError={onError} />}
      {result.certificate_code && (
        <p className="mono" data-testid="certificate-code-shown">
          {t("myCourses.certificateCode", { code: result.certificate_code })}
        </p>
      )}
    </div>
  );
}
