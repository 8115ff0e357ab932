import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BreachClock } from "../../bindings/BreachClock";
import { formatDateTime } from "../../format";
import { useNow } from "../registers/useNow";

/** Minutes left now: the core's figure at load, less the minutes since (the core's clock decides the figure). */
function useMinutesLeft(minutesLeft: number): number {
  const now = useNow(15_000);
  const [base, setBase] = useState(() => ({ at: now, minutes: minutesLeft }));
  if (base.minutes !== minutesLeft) setBase({ at: now, minutes: minutesLeft });
  return minutesLeft - Math.floor((now - (base.minutes === minutesLeft ? base.at : now)) / 60_000);
}

/** "2 d 3 h", "5 h 07 min" for a span of minutes. */
export function span(minutes: number): string {
  const m = Math.abs(minutes);
  if (m >= 24 * 60) return `${Math.floor(m / (24 * 60))} d ${Math.floor((m % (24 * 60)) / 60)} h`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

/** The 72-hour clock to the supervisory authority, live: hours and minutes left, red under 24 hours, overdue with how
 * long; once notified, when and whether in time. */
export function Countdown({ clock, compact }: { clock: BreachClock; compact?: boolean }) {
  const { t } = useTranslation();
  const left = useMinutesLeft(Number(clock.minutes_left));
  const running = clock.clock === "running" || clock.clock === "urgent" || clock.clock === "overdue";
  if (!running) {
    return (
      <span className={`clock clock-${clock.clock}`} data-testid="breach-clock" data-clock={clock.clock}>
        {t(`breaches.clock.${clock.clock}`)}
      </span>
    );
  }
  const state = left < 0 ? "overdue" : left < 24 * 60 ? "urgent" : "running";
  return (
    <span className={`clock clock-${state}`} data-testid="breach-clock" data-clock={state} role="timer">
      {state === "overdue" ? t("breaches.overdueBy", { span: span(left) }) : t("breaches.left", { span: span(left) })}
      {!compact && (
        <span className="small muted">
          {" · "}
          {t("breaches.deadlineAt", { when: formatDateTime(clock.authority_deadline) })}
        </span>
      )}
    </span>
  );
}
