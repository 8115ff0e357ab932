import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { AssignmentRow } from "../../bindings/AssignmentRow";
import type { AttemptView } from "../../bindings/AttemptView";
import type { CoursePlayer } from "../../bindings/CoursePlayer";
import { switchLanguage } from "../../i18n";
import { clearMocks, fail, mockCommands, session } from "../../test/ipc";
import { renderWithData } from "../../test/render";
import { CourseEditor } from "./CourseEditor";
import { MyCourses } from "./MyCourses";

vi.mock("@tanstack/react-virtual", () => import("../../test/allRows"));

beforeEach(() => {
  localStorage.clear();
  return switchLanguage("en");
});
afterEach(() => clearMocks());

const noop = () => undefined;
const pageProps = { session, tenantId: 7, onError: () => false, navigate: noop, openRecord: noop };

const assignment = (state: AssignmentRow["state"]): AssignmentRow => ({
  id: 11,
  course_id: 3,
  course_name: "Datenschutz kompakt",
  tenant_id: 7,
  user_id: 5,
  user_name: "Lea Lernt",
  due_on: "2026-03-20",
  overdue: false,
  state,
  attempts: state === "not_started" ? 0 : 1,
  restarts_left: 1,
  best_score: null,
  last_score: null,
  passed_at: null,
  certificate_code: null,
});

const attempt = (answered: boolean, result: AttemptView["result"] = null): AttemptView => ({
  id: 21,
  number: 1,
  step: 0,
  result,
  questions: [
    {
      question_id: 31,
      text: "Which principles does Art. 5 name?",
      multiple: true,
      answers: [
        { position: 2, text: "Storage limitation" },
        { position: 0, text: "Data minimisation" },
        { position: 1, text: "Maximum collection" },
      ],
      chosen: answered ? [0, 1] : null,
      feedback: answered ? { correct: false, correct_positions: [0, 2], explanation: "Art. 5(1)(c) and (e)." } : null,
    },
  ],
});

const player = (view: AttemptView | null, canStart: boolean): CoursePlayer => ({
  assignment: assignment(view ? "in_progress" : "not_started"),
  name: "Datenschutz kompakt",
  description: "Ten minutes that protect *everyone*.",
  language: "en",
  pass_percent: 80,
  logo_image_id: null,
  passed_image_id: null,
  failed_image_id: null,
  pages: [
    {
      title: "Principles",
      body: "## Lawfulness\n- fair\n- **transparent**\n\n<script>alert(1)</script>",
      image_id: null,
    },
  ],
  attempt: view,
  can_start: canStart,
});

test("a learner reads the page, answers with several boxes, sees the explanation and the failed result", async () => {
  const calls = mockCommands({
    my_courses: () => [assignment("not_started")],
    open_course: () => player(null, true),
    start_course: () => player(attempt(false), true),
    set_course_step: () => null,
    answer_question: () => attempt(true),
    finish_attempt: () =>
      attempt(true, {
        correct: 0,
        total: 1,
        score_percent: 0,
        passed: false,
        certificate_code: null,
        finished_at: "2026-03-02T10:00:00Z",
      }),
  });
  renderWithData(<MyCourses {...pageProps} />);
  const user = userEvent.setup();
  await user.click(await screen.findByTestId("open-course-11"));
  expect(await screen.findByTestId("course-intro")).toHaveTextContent("Ten minutes that protect everyone.");
  await user.click(screen.getByTestId("start-course"));

  const page = await screen.findByTestId("course-page");
  expect(within(page).getByRole("heading", { name: "Lawfulness" })).toBeInTheDocument();
  expect(within(page).getByText("transparent").tagName).toBe("STRONG");
  expect(page.querySelector("script")).toBeNull();
  await user.click(screen.getByTestId("player-next"));
  expect(calls.find((c) => c.cmd === "set_course_step")?.args).toEqual({ attemptId: 21, step: 1 });

  const question = await screen.findByTestId("course-question");
  expect(question).toHaveTextContent("Several answers may be right");
  expect(within(question).getAllByRole("checkbox")).toHaveLength(3);
  expect(screen.getByTestId("answer-question")).toBeDisabled();
  await user.click(within(question).getByLabelText("Data minimisation"));
  await user.click(within(question).getByLabelText("Maximum collection"));
  await user.click(screen.getByTestId("answer-question"));
  expect(calls.find((c) => c.cmd === "answer_question")?.args).toEqual({
    attemptId: 21,
    questionId: 31,
    chosen: [0, 1],
  });
  expect(await screen.findByTestId("answer-feedback")).toHaveTextContent("Not quite. Art. 5(1)(c) and (e).");
  expect(within(question).getByText("Maximum collection").closest("label")).toHaveClass("answer-wrong");
  expect(within(question).getByText("Storage limitation").closest("label")).toHaveClass("answer-right");
});

test("the editor refuses a question without a correct answer and marks the questions", async () => {
  const calls = mockCommands({
    create_course: () =>
      fail("validation", "question 1 needs at least one correct answer", { field: "answers", rule: "no_correct" }),
  });
  renderWithData(<CourseEditor {...pageProps} id={null} onClose={noop} onSaved={noop} />);
  const user = userEvent.setup();
  await user.type(screen.getByTestId("course-name"), "Phishing erkennen");
  await user.type(screen.getByTestId("page-title-1"), "Woran erkennt man Phishing?");
  await user.type(screen.getByTestId("question-text-1"), "Was tun bei einem verdächtigen Link?");
  await user.type(screen.getByTestId("answer-text-1-1"), "Nicht klicken");
  await user.type(screen.getByTestId("answer-text-1-2"), "Sofort klicken");
  await user.click(screen.getByTestId("answer-correct-1-1"));
  await user.clear(screen.getByTestId("course-price"));
  await user.type(screen.getByTestId("course-price"), "49,90");
  await user.click(screen.getByTestId("save-course"));
  expect(await screen.findByTestId("question-error")).toHaveTextContent(
    "Every question needs at least one correct answer.",
  );
  const sent = calls.find((c) => c.cmd === "create_course")?.args.course as {
    price_cents: number;
    questions: { answers: { correct: boolean }[] }[];
  };
  expect(sent.price_cents).toBe(4990);
  expect(sent.questions[0].answers.map((a) => a.correct)).toEqual([false, false]);
  await waitFor(() => expect(screen.getByTestId("course-price")).toHaveValue("49,90"));
});
