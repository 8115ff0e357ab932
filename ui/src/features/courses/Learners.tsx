import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { AssignmentRow } from "../../bindings/AssignmentRow";
import type { Course } from "../../bindings/Course";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { Alert } from "../../components/Alert";
import { ConfirmInline } from "../../components/ConfirmInline";
import { Field } from "../../components/Field";
import { DateField } from "../../components/DateField";
import { useRecords, useRecordsChanged } from "../../data/records";
import { formatDate, formatDay } from "../../format";
import { useAction } from "../../useAction";

type Props = {
  session: SessionInfo;
  course: Course;
  editable: boolean;
  onError: (e: unknown) => boolean;
};

/** The state of an assignment, with its colour. */
export function StateBadge({ row }: { row: AssignmentRow }) {
  const { t } = useTranslation();
  return (
    <span className={`state state-${row.state}`} data-state={row.state}>
      {t(`courses.states.${row.state}`)}
    </span>
  );
}

/** Who takes the course: assign people or everyone of the tenant with a due date, invite new learners. */
export function Learners({ session, course, editable, onError }: Props) {
  const { t } = useTranslation();
  const courseId = Number(course.id);
  const tenantId = Number(course.data.tenant_id);
  const stats = useRecords(["courses", tenantId, "stats", courseId], () => api.courseStatistics(courseId), onError);
  const candidates = useRecords(
    ["courses", tenantId, "learners", courseId],
    () => api.courseLearners(courseId),
    onError,
    { enabled: editable },
  );
  const changed = useRecordsChanged();
  const [chosen, setChosen] = useState<number[]>([]);
  const [everyone, setEveryone] = useState(false);
  const [due, setDue] = useState("");
  const [name, setName] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<AssignmentRow | null>(null);
  const assigning = useAction(onError);
  const inviting = useAction(onError);
  const unassigning = useAction(onError);
  const rows = stats.data?.learners ?? [];
  const assignedIds = new Set(rows.map((r) => Number(r.user_id)));
  const refresh = () => changed("courses", tenantId);

  function assign() {
    setNotice(null);
    void assigning.run(async () => {
      const added = await api.assignCourse({
        course_id: courseId,
        user_ids: chosen,
        everyone,
        due_on: due || null,
      });
      await refresh();
      setChosen([]);
      setEveryone(false);
      setNotice(added > 0 ? t("courses.learners.assigned", { count: added }) : t("courses.learners.assignedNone"));
    });
  }

  function invite() {
    setNotice(null);
    void inviting.run(async () => {
      const created = await api.inviteLearner({
        tenant_id: tenantId,
        name,
        course_id: courseId,
        due_on: due || null,
      });
      await refresh();
      setNotice(t("courses.learners.invited", { name: created.user.name, code: created.invitation_code ?? "" }));
      setName("");
    });
  }

  return (
    <section className="card" data-testid="course-learners">
      <h2>{t("courses.learners.title")}</h2>
      <p className="muted">{t("courses.learners.intro")}</p>
      {!course.data.active && <Alert kind="info">{t("courses.learners.inactiveCourse")}</Alert>}
      {notice && (
        <Alert kind="success" testId="learners-notice">
          {notice}
        </Alert>
      )}
      {stats.error && <Alert kind="error">{stats.error}</Alert>}
      {rows.length === 0 ? (
        <p className="muted" data-testid="no-learners">
          {t("courses.learners.empty")}
        </p>
      ) : (
        <table className="simple-table" data-testid="learner-table">
          <thead>
            <tr>
              <th>{t("courses.learners.columns.name")}</th>
              <th>{t("courses.learners.columns.state")}</th>
              <th>{t("courses.learners.columns.due")}</th>
              <th>{t("courses.learners.columns.attempts")}</th>
              <th>{t("courses.learners.columns.best")}</th>
              <th>{t("courses.learners.columns.passedAt")}</th>
              <th>{t("courses.learners.columns.certificate")}</th>
              {editable && <th />}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-learner={r.user_name} className={r.overdue ? "overdue" : undefined}>
                <td>
                  <span>{r.user_name}</span>
                </td>
                <td>
                  <StateBadge row={r} />
                </td>
                <td>
                  <span className={r.overdue ? "review-overdue" : undefined}>
                    {r.due_on ? formatDate(r.due_on) : "—"}
                  </span>
                </td>
                <td>
                  <span>{r.attempts}</span>
                </td>
                <td>
                  <span>{r.best_score === null ? "—" : `${r.best_score} %`}</span>
                </td>
                <td>
                  <span>{r.passed_at ? formatDay(r.passed_at) : "—"}</span>
                </td>
                <td>
                  <span className="mono">{r.certificate_code ?? ""}</span>
                </td>
                {editable && (
                  <td>
                    {r.state === "passed" ? null : removing?.id === r.id ? (
                      <ConfirmInline
                        message={t("courses.learners.confirmUnassign", { name: r.user_name })}
                        confirmLabel={t("courses.learners.unassign")}
                        busy={unassigning.busy}
                        dangerous
                        onCancel={() => setRemoving(null)}
                        onConfirm={() =>
                          void unassigning.run(async () => {
                            await api.unassignCourse(Number(r.id));
                            await refresh();
                            setRemoving(null);
                            setNotice(t("courses.learners.unassigned", { name: r.user_name }));
                          })
                        }
                      />
                    ) : (
                      <button type="button" onClick={() => setRemoving(r)}>
                        {t("courses.learners.unassign")}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unassigning.error && <Alert kind="error">{unassigning.error}</Alert>}

      {editable && (
        <>
          <h3 className="subhead">{t("courses.learners.assignTitle")}</h3>
          <fieldset className="checks" disabled={everyone} data-testid="learner-choices">
            <legend>{t("courses.learners.choose")}</legend>
            {(candidates.data ?? []).filter((c) => !assignedIds.has(Number(c.id))).length === 0 && (
              <p className="muted small">{t("courses.learners.noCandidates")}</p>
            )}
            {(candidates.data ?? [])
              .filter((c) => !assignedIds.has(Number(c.id)))
              .map((c) => (
                <label key={c.id} className="check-inline">
                  <input
                    type="checkbox"
                    data-candidate={c.name}
                    checked={chosen.includes(Number(c.id))}
                    onChange={(e) =>
                      setChosen(e.target.checked ? [...chosen, Number(c.id)] : chosen.filter((x) => x !== Number(c.id)))
                    }
                  />
                  {c.name}
                  {c.is_admin && <span className="muted small"> ({t("courses.learners.admin")})</span>}
                </label>
              ))}
          </fieldset>
          <label className="check">
            <input
              type="checkbox"
              checked={everyone}
              data-testid="assign-everyone"
              onChange={(e) => setEveryone(e.target.checked)}
            />
            {t("courses.learners.everyone")}
          </label>
          <div className="inline-form">
            <DateField
              label={t("courses.learners.due")}
              name="course_due"
              value={due}
              data-testid="assign-due"
              onChange={(iso) => setDue(iso)}
            />
            <button
              type="button"
              className="primary"
              disabled={assigning.busy || (!everyone && chosen.length === 0)}
              data-testid="assign-course"
              onClick={assign}
            >
              {t("courses.learners.assign")}
            </button>
          </div>
          {assigning.error && (
            <Alert kind="error" testId="assign-error">
              {assigning.error}
            </Alert>
          )}
          {session.is_admin && (
            <>
              <h3 className="subhead">{t("courses.learners.invite")}</h3>
              <p className="muted small">{t("courses.learners.inviteIntro")}</p>
              <div className="inline-form">
                <Field
                  label={t("courses.learners.name")}
                  value={name}
                  data-testid="invite-learner-name"
                  onChange={(e) => setName(e.target.value)}
                />
                <button
                  type="button"
                  disabled={inviting.busy || name.trim() === ""}
                  data-testid="invite-learner"
                  onClick={invite}
                >
                  {t("courses.learners.inviteButton")}
                </button>
              </div>
              {inviting.error && (
                <Alert kind="error" testId="invite-error">
                  {inviting.error}
                </Alert>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
