import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { Course } from "../../bindings/Course";
import { Alert } from "../../components/Alert";
import { useRecords } from "../../data/records";
import type { PageProps } from "../../screens/page";
import { useGuard } from "../../unsaved";
import { CourseContent } from "./CourseContent";
import { Learners } from "./Learners";
import { Statistics } from "./Statistics";

type Props = PageProps & {
  tenantId: number;
  id: number | null;
  onClose: () => void;
  onSaved: (name: string) => void;
};

type Tab = "content" | "learners" | "statistics";

/** One course: its content, who takes it, how they did. */
export function CourseEditor(props: Props) {
  const { id, tenantId, onError } = props;
  const [current, setCurrent] = useState(id);
  const detail = useRecords(["courses", tenantId, "one", current ?? 0], () => api.course(current ?? 0), onError, {
    enabled: current !== null,
  });
  if (current !== null && !detail.data) {
    return detail.error ? <Alert kind="error">{detail.error}</Alert> : <p className="muted">…</p>;
  }
  return (
    <Tabs
      key={current ?? "new"}
      {...props}
      detail={current === null ? null : (detail.data ?? null)}
      onCreated={setCurrent}
    />
  );
}

function Tabs(props: Props & { detail: Course | null; onCreated: (id: number) => void }) {
  const { detail, session, onClose } = props;
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>("content");
  const { confirmLeave } = useGuard();
  const tabs: Tab[] = detail ? ["content", "learners", "statistics"] : ["content"];
  const switchTo = (next: Tab) => {
    if (next !== tab) void confirmLeave().then((leave) => leave && setTab(next));
  };
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{detail ? detail.data.name : t("courses.new")}</h1>
        </div>
        <button
          type="button"
          data-testid="course-back"
          onClick={() => void confirmLeave().then((leave) => leave && onClose())}
        >
          {t("courses.backToList")}
        </button>
      </div>
      <div className="tabs" role="tablist" aria-label={t("courses.title")}>
        {tabs.map((each) => (
          <button
            key={each}
            type="button"
            role="tab"
            aria-selected={tab === each}
            className={tab === each ? "active" : ""}
            data-tab={`course-${each}`}
            onClick={() => switchTo(each)}
          >
            {t(`courses.tabs.${each}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === "content" && <CourseContent {...props} />}
        {tab === "learners" && detail && (
          <Learners
            session={session}
            course={detail}
            editable={can(session, "course", "edit")}
            onError={props.onError}
          />
        )}
        {tab === "statistics" && detail && <Statistics session={session} course={detail} onError={props.onError} />}
      </div>
    </>
  );
}
