import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { SessionInfo } from "../../bindings/SessionInfo";
import type { TomReview } from "../../bindings/TomReview";
import { Alert } from "../../components/Alert";
import { Field, TextArea } from "../../components/Field";
import { DateField } from "../../components/DateField";
import { useRecordsChanged } from "../../data/records";
import { formatDate } from "../../format";
import { useAction } from "../../useAction";
import { todayIso } from "../../reviewDates";
import { oneYearAfter, reviewState } from "./labels";

type Props = {
  session: SessionInfo;
  tomId: number;
  tenantId: number;
  reviews: TomReview[];
  nextReview: string | null;
  editable: boolean;
  onError: (e: unknown) => boolean;
  onReviewed: (nextReview: string | null) => void;
};

/** Art. 32(1)(d): the reviews of a measure, latest first, and a new one recorded with its result; the next review
 * moves one year on unless another date is given. */
export function TomReviews({ session, tomId, tenantId, reviews, nextReview, editable, onError, onReviewed }: Props) {
  const { t } = useTranslation();
  const [on, setOn] = useState(todayIso());
  const [reviewer, setReviewer] = useState("");
  const [result, setResult] = useState("");
  const [next, setNext] = useState("");
  const { busy, error, run } = useAction(onError);
  const changed = useRecordsChanged();
  const state = nextReview ? reviewState({ next_review: nextReview, status: "active" }) : null;
  function record(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const tom = await api.reviewTom(tomId, {
        reviewed_on: on || null,
        reviewer,
        result,
        next_review: next || null,
      });
      setResult("");
      setNext("");
      onReviewed(tom.next_review);
      await changed("toms", tenantId);
    });
  }
  return (
    <section className="card" aria-labelledby="tom-reviews" data-testid="tom-reviews">
      <h2 id="tom-reviews">{t("toms.reviews")}</h2>
      <p data-testid="tom-next-review-line">
        {nextReview ? (
          <>
            {t("toms.nextReviewOn")}{" "}
            <strong className={state ? `review-${state}` : undefined}>{formatDate(nextReview)}</strong>
            {state && <span className={`badge review-${state}`}>{t(`toms.review.${state}`)}</span>}
          </>
        ) : (
          <span className="muted">{t("toms.noNextReview")}</span>
        )}
      </p>
      {reviews.length === 0 ? (
        <p className="muted">{t("toms.noReviews")}</p>
      ) : (
        <table className="simple-table" data-testid="tom-review-history">
          <thead>
            <tr>
              <th>{t("toms.review.date")}</th>
              <th>{t("toms.review.reviewer")}</th>
              <th>{t("toms.review.result")}</th>
              <th>{t("toms.review.next")}</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((r) => (
              <tr key={r.id} data-review={r.reviewed_on}>
                <td>{formatDate(r.reviewed_on)}</td>
                <td>{r.reviewer}</td>
                <td className="wrap">{r.result}</td>
                <td>{r.next_review ? formatDate(r.next_review) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && (
        <form className="review-form" onSubmit={record} noValidate aria-label={t("toms.recordReview")}>
          <h3>{t("toms.recordReview")}</h3>
          <div className="grid-2">
            <DateField label={t("toms.review.date")} name="review_date" value={on} max={todayIso()} onChange={setOn} />
            <Field
              label={t("toms.review.reviewer")}
              name="review_reviewer"
              placeholder={session.user_name}
              value={reviewer}
              onChange={(e) => setReviewer(e.target.value)}
            />
          </div>
          <TextArea
            label={t("toms.review.result")}
            name="review_result"
            rows={2}
            value={result}
            onChange={(e) => setResult(e.target.value)}
          />
          <DateField
            label={t("toms.review.next")}
            name="review_next"
            hint={on ? t("toms.review.nextDefault", { date: formatDate(oneYearAfter(on)) }) : undefined}
            value={next}
            onChange={setNext}
          />
          {error && (
            <Alert kind="error" testId="tom-review-error">
              {error}
            </Alert>
          )}
          <div className="actions start">
            <button type="submit" className="primary" disabled={busy} data-testid="record-review">
              {t("toms.recordReview")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
